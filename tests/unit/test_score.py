"""The quality score: model parsing, each dimension, aggregation and grades."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog.errors import PackError
from govcatalog.packs import Pack
from govcatalog.report import Finding, Location, Severity
from govcatalog.score import (
    Assessment,
    Dimension,
    ResourceFacts,
    Timeliness,
    assess,
    load_score_model,
    parse_score_model,
)
from govcatalog.score.assess import score_resources, with_conformance
from govcatalog.validate import ValidationOptions
from govcatalog.vocab import load_vocabulary
from tests.conftest import ROOT, TODAY

FIXTURES = ROOT / "tests" / "fixtures" / "reports"
SCORE_TOML = ROOT / "standards" / "gb-1272" / "1.0.0" / "score.toml"


def _catalog() -> dict[str, object]:
    data: dict[str, object] = json.loads((FIXTURES / "clean.json").read_text(encoding="utf-8"))
    return data


def _write(tmp_path: Path, data: dict[str, object], name: str = "c.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_model_of_the_national_pack(pack: Pack) -> None:
    model = load_score_model(pack)
    assert model.source == pack.ref
    assert sum(model.weights.values()) == pytest.approx(100)
    assert [g.min for g in model.grades] == sorted((g.min for g in model.grades), reverse=True)
    assert model.grade(100).en == model.grades[0].en
    assert model.grade(0).en == model.grades[-1].en
    # Every cycle of the full vocabulary has a length (其他 excepted), so local packs that
    # allow more cycles than the national one (每旬) inherit a usable model.
    full = set(load_vocabulary("update-cycle").labels())
    assert set(model.cycle_days) == full - {"其他"}
    assert set(pack.vocabulary("update-cycle").labels()) - {"其他"} <= set(model.cycle_days)


def test_model_weights_must_add_up_to_100() -> None:
    text = SCORE_TOML.read_text(encoding="utf-8").replace("weight = 35", "weight = 36", 1)
    with pytest.raises(PackError, match="add up"):
        parse_score_model(text, "test")


def test_model_rejects_unknown_severity() -> None:
    text = SCORE_TOML.read_text(encoding="utf-8").replace("error = 0.5", "fatal = 0.5", 1)
    with pytest.raises(PackError):
        parse_score_model(text, "test")


def test_clean_catalog_beats_the_one_with_errors(pack: Pack) -> None:
    clean = assess(FIXTURES / "clean.json", pack=pack, today=TODAY)
    bad = assess(FIXTURES / "with-errors.json", pack=pack, today=TODAY)
    assert clean.report.conforms
    assert not bad.report.conforms
    assert clean.catalog.dimension(Dimension.CONFORMANCE).score == 1.0
    assert bad.catalog.dimension(Dimension.CONFORMANCE).score < 1.0
    assert clean.catalog.points > bad.catalog.points
    assert bad.catalog.resources == 3
    assert sum(d.resources for d in bad.departments) == bad.catalog.resources
    assert {d.name for d in bad.departments} == {r.provider for r in bad.resources}


def test_points_are_weighted_dimensions(pack: Pack) -> None:
    a = assess(FIXTURES / "with-errors.json", pack=pack, today=TODAY)
    dims = a.catalog.dimensions
    applicable = sum(d.weight for d in dims if d.score is not None)
    assert a.catalog.points == pytest.approx(
        100 * sum(d.points for d in dims) / applicable, abs=0.05
    )
    assert a.catalog.grade == a.model.grade(a.catalog.points)


def test_timeliness_follows_the_update_cycle(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    fresh, old = resources
    fresh["update_cycle"] = "每月"
    fresh["publish_date"] = (TODAY - dt.timedelta(days=20)).isoformat()
    old["update_cycle"] = "每月"
    old["publish_date"] = (TODAY - dt.timedelta(days=400)).isoformat()
    late = copy.deepcopy(fresh)
    late["code"] = "201001/000002"
    late["name"] = "另一资源"
    late["publish_date"] = (TODAY - dt.timedelta(days=90)).isoformat()
    other = copy.deepcopy(fresh)
    other["code"] = "201001/000003"
    other["name"] = "第三资源"
    other["update_cycle"] = "其他"
    resources += [late, other]
    a = assess(_write(tmp_path, data), pack=pack, today=TODAY)
    assert [r.timeliness for r in a.resources] == [
        Timeliness.ON_TIME,
        Timeliness.STALE,
        Timeliness.LATE,
        None,
    ]
    assert a.catalog.dimension(Dimension.TIMELINESS).resources == 3


def test_openness_counts_unconditional_sharing_and_opening(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    a = assess(_write(tmp_path, data), pack=pack, today=TODAY)
    unconditional_open, conditional_closed = a.resources
    assert unconditional_open.openness == 1.0
    model = a.model
    expected = (model.sharing_share * model.share_type["有条件共享"]) / (
        model.sharing_share + model.open_share
    )
    assert conditional_closed.openness == pytest.approx(expected)


def test_completeness_drops_with_missing_elements(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    before = assess(_write(tmp_path, data), pack=pack, today=TODAY).resources[0].completeness
    del resources[0]["abstract"]
    after = assess(_write(tmp_path, data), pack=pack, today=TODAY).resources[0].completeness
    assert after < before


def test_severity_overrides_change_conformance(pack: Pack) -> None:
    strict = assess(FIXTURES / "with-errors.json", pack=pack, today=TODAY)
    lenient = assess(
        FIXTURES / "with-errors.json",
        pack=pack,
        today=TODAY,
        options=ValidationOptions(severity={"GC-R002": Severity.INFO, "GC-R005": Severity.INFO}),
    )
    key = Dimension.CONFORMANCE
    assert lenient.catalog.dimension(key).score > strict.catalog.dimension(key).score  # type: ignore[operator]


def _facts(n: int) -> list[ResourceFacts]:
    return [
        ResourceFacts(f"/resources/{i}", None, None, 1.0, 1.0, Timeliness.ON_TIME) for i in range(n)
    ]


def test_catalog_level_findings_are_shared_out(pack: Pack) -> None:
    model = load_score_model(pack)
    facts = _facts(4)
    f = Finding("GC-S002", Severity.ERROR, "", "", Location(pointer=""))
    scored = with_conformance(facts, [f], model)
    assert [s.conformance for s in scored] == [
        pytest.approx(1 - model.penalty[Severity.ERROR] / 4)
    ] * 4


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    severities=st.lists(st.tuples(st.integers(0, 4), st.sampled_from(list(Severity))), max_size=20),
    extra=st.sampled_from(list(Severity)),
)
def test_more_findings_never_raise_the_score(
    pack: Pack, severities: list[tuple[int, Severity]], extra: Severity
) -> None:
    model = load_score_model(pack)
    facts = _facts(5)

    def finding(i: int, s: Severity) -> Finding:
        return Finding("GC-F001", s, "", "", Location(pointer=f"/resources/{i}/name"))

    findings = [finding(i, s) for i, s in severities]
    before = score_resources("", with_conformance(facts, findings, model), model)
    after = score_resources(
        "", with_conformance(facts, [*findings, finding(0, extra)], model), model
    )
    assert 0 <= after.points <= before.points <= 100
    assert before.grade == model.grade(before.points)


EXAMPLES = ROOT / "examples"


def test_example_catalogs(pack: Pack) -> None:
    # The examples ship with the package: a checkout without them is broken, not a reason to skip.
    assert (EXAMPLES / "city-catalog-with-errors.json").is_file()
    clean = assess(EXAMPLES / "city-catalog.json", pack=pack, today=TODAY)
    bad = assess(EXAMPLES / "city-catalog-with-errors.json", pack=pack, today=TODAY)
    assert clean.report.conforms
    assert not bad.report.conforms
    conformance = Dimension.CONFORMANCE
    assert clean.catalog.dimension(conformance).score == pytest.approx(1.0)
    assert bad.catalog.dimension(conformance).score < clean.catalog.dimension(conformance).score  # type: ignore[operator]
    assert bad.catalog.points < clean.catalog.points
    assert len(clean.departments) >= 2
    assert sum(d.resources for d in clean.departments) == clean.catalog.resources


def test_an_assessment_comes_back_whole_from_its_json_document(pack: Pack) -> None:
    bad = assess(EXAMPLES / "city-catalog-with-errors.json", pack=pack, today=TODAY)
    document = json.loads(json.dumps(bad.to_document(), ensure_ascii=False))
    back = Assessment.from_document(document)
    assert back == bad
    assert back.report.findings == bad.report.findings  # the report travels with it
    with pytest.raises(ValueError, match="expected an object, got str"):
        Assessment.from_document({"catalog": "not an assessment"})


def test_a_portal_export_is_read_through_its_packs_headings() -> None:
    # 标题 and 数据提供方 are open-data-portal headings for 信息资源名称 and 信息资源提供方;
    # 每月 published 27 days before "today" is on time (31 days, then 30 of grace)
    data = "标题,数据提供方,更新频度,发布时间\n企业登记信息,市市场监管局,每月,2024-01-05\n"
    a = assess(data.encode(), pack="open-data-portal", fmt="csv", today=dt.date(2024, 2, 1))
    assert [(r.pointer, r.provider, r.timeliness) for r in a.resources] == [
        ("/resources/0", "市市场监管局", Timeliness.ON_TIME)
    ]


# ------------------------------------------------------------------------------ hand-computed
# The figures below are worked out by hand from score.toml (weights 35/30/20/15; completeness
# 0.75 required + 0.25 recommended; openness 0.6 sharing + 0.4 opening; 每月 = 31 + 30 grace
# days, late up to twice that), not taken from the library, so a changed weight or boundary fails.


def test_hand_computed_score_of_the_clean_fixture(pack: Pack) -> None:
    a = assess(FIXTURES / "clean.json", pack=pack, today=TODAY)
    first, second = a.resources
    # All 15 required elements are filled in both resources. Recommended (6): 目 yes, 长度 on
    # 2 of 2 items (first) or 1 of 2 (second), 描述 no, 共享方式分类 yes, 关联资源代码 no, 涉密 no.
    assert first.completeness == pytest.approx(0.75 * 1 + 0.25 * (3 / 6))  # 0.875
    assert second.completeness == pytest.approx(0.75 * 1 + 0.25 * (2.5 / 6))  # 0.8541…
    # 无条件共享 and open; 有条件共享 (0.5) and not open.
    assert first.openness == pytest.approx(1.0)
    assert second.openness == pytest.approx(0.6 * 0.5)
    # 每月, 26 days old (on time); 每日 (1 + 30 days), 685 days old (stale).
    assert first.timeliness is Timeliness.ON_TIME
    assert second.timeliness is Timeliness.STALE
    assert [r.conformance for r in a.resources] == [1.0, 1.0]
    # 35 × 0.86458 + 30 × 1 + 20 × 0.65 + 15 × 0.5 = 80.76 → 80.8, 良好 (70 ≤ 80.8 < 85).
    assert a.catalog.points == 80.8
    assert a.catalog.grade.zh == "良好"
    by_name = {d.name: (d.points, d.grade.zh) for d in a.departments}
    # 35 × 0.85417 + 30 + 20 × 0.3 + 0 = 65.9; 35 × 0.875 + 30 + 20 + 15 = 95.6.
    assert by_name == {
        "示例市人力资源和社会保障局": (65.9, "合格"),
        "示例市政务服务管理局": (95.6, "优秀"),
    }


def test_required_elements_weigh_three_quarters(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    bare = resources[0]
    # Every recommended element emptied: only the required three quarters remain.
    del bare["category"]["mu"]
    del bare["share"]["share_mode_class"]
    for item in bare["items"]:
        item.pop("length", None)
    a = assess(_write(tmp_path, {"resources": [bare]}), pack=pack, today=TODAY)
    assert a.resources[0].completeness == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-11-15", Timeliness.ON_TIME),  # 61 days before 2026-01-15: 31 + 30, the last day
        ("2025-11-14", Timeliness.LATE),  # 62 days
        ("2025-09-15", Timeliness.LATE),  # 122 days: twice 61, the last late day
        ("2025-09-14", Timeliness.STALE),  # 123 days
    ],
)
def test_timeliness_boundaries_on_a_fixed_calendar(
    pack: Pack, tmp_path: Path, published: str, expected: Timeliness
) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    first = resources[0]
    assert first["update_cycle"] == "每月"
    first["publish_date"] = published
    a = assess(_write(tmp_path, {"resources": [first]}), pack=pack, today=TODAY)
    assert a.resources[0].timeliness is expected


# ------------------------------------------------------------------------------ edges
def test_facts_name_each_resource(pack: Pack) -> None:
    a = assess(FIXTURES / "clean.json", pack=pack, today=TODAY)
    assert [(r.pointer, r.code, r.provider) for r in a.resources] == [
        ("/resources/0", "201001/000001", "示例市政务服务管理局"),
        ("/resources/1", "203001/000001", "示例市人力资源和社会保障局"),
    ]
    assert (a.file, a.pack, a.today) == (str(FIXTURES / "clean.json"), "gb-1272@1.0.0", TODAY)
    assert a.department("示例市政务服务管理局").points == 95.6
    with pytest.raises(KeyError, match="无此部门"):
        a.department("无此部门")


def test_the_catalog_score_is_named_after_the_catalog(pack: Pack) -> None:
    a = assess(FIXTURES / "clean.json", pack=pack, today=TODAY)
    assert a.catalog.name == "示例市政务信息资源目录"


def test_a_resource_without_provider_is_its_own_department(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    del resources[1]["provider"]
    a = assess(_write(tmp_path, data), pack=pack, today=TODAY)
    assert a.resources[1].provider is None
    assert {d.name: d.resources for d in a.departments} == {"": 1, "示例市政务服务管理局": 1}


def test_item_elements_do_not_apply_without_items(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    first = resources[0]
    first["items"] = []
    del first["publish_date"]
    a = assess(_write(tmp_path, {"resources": [first]}), pack=pack, today=TODAY)
    # Required: 13 elements outside the items, 12 filled (发布日期 missing). Recommended outside
    # the items: 目 and 共享方式分类 filled, 关联资源代码 and 涉密 not.
    assert a.resources[0].completeness == pytest.approx(0.75 * 12 / 13 + 0.25 * 2 / 4)


def test_openness_of_unknown_and_missing_share_types(pack: Pack) -> None:
    from govcatalog.score.assess import _Scorer

    scorer = _Scorer(pack, load_score_model(pack), TODAY)
    opened = {"open": {"open_to_public": True}}
    assert scorer.openness({**opened, "share": {"share_type": "部分共享"}}) == pytest.approx(0.4)
    assert scorer.openness({**opened, "share": {}}) == pytest.approx(0.4)
    assert scorer.openness({"share": {"share_type": "无条件共享"}}) == pytest.approx(0.6)
    assert scorer.openness({"open": {"open_to_public": "是"}}) == 0.0  # records hold booleans


def test_a_model_without_weights_scores_zero_instead_of_dividing_by_zero(pack: Pack) -> None:
    import dataclasses

    from govcatalog.score.assess import _Scorer

    model = dataclasses.replace(
        load_score_model(pack),
        sharing_share=0.0,
        open_share=0.0,
        required_share=0.0,
        recommended_share=0.0,
    )
    scorer = _Scorer(pack, model, TODAY)
    record = {"share": {"share_type": "无条件共享"}, "open": {"open_to_public": True}}
    assert scorer.openness(record) == 0.0
    assert scorer.completeness(record) == 0.0
    assert score_resources("", [], model).points == 0.0
    assert with_conformance([], [], model) == ()


def test_empty_values_are_not_filled() -> None:
    from govcatalog.score.assess import _filled

    assert [_filled(v) for v in ("", [], (), None, 0, False, "x")] == [
        False,
        False,
        False,
        False,
        True,
        True,
        True,
    ]


def test_findings_count_against_the_resource_they_point_into(pack: Pack) -> None:
    model = load_score_model(pack)
    facts = _facts(3)
    at = [
        "/resources/1/items/0/name",  # deep inside resource 1
        "/resources/1",
        "/catalog/name",  # catalog level: shared out
        "",  # no pointer: shared out
    ]
    findings = [Finding("GC-F001", Severity.WARNING, "", "", Location(pointer=p)) for p in at]
    scored = with_conformance(facts, findings, model)
    shared = 2 * 0.1 / 3
    assert [s.conformance for s in scored] == [
        pytest.approx(1 - shared),
        pytest.approx(1 - 0.2 - shared),
        pytest.approx(1 - shared),
    ]


def test_the_day_of_judgement_comes_from_the_options(pack: Pack, tmp_path: Path) -> None:
    data = _catalog()
    resources = data["resources"]
    assert isinstance(resources, list)
    first = resources[0]
    first["publish_date"] = "2026-01-10"  # five days before TODAY
    path = _write(tmp_path, {"resources": [first]})
    a = assess(path, pack=pack, options=ValidationOptions(today=TODAY))
    assert a.today == TODAY
    assert a.resources[0].timeliness is Timeliness.ON_TIME
    # The validation of the same run judges on the same day: a date after it is in the future.
    early = assess(path, pack=pack, today=dt.date(2026, 1, 5))
    assert [f.code for f in early.report.findings] == ["GC-F007"]
    assert [f.code for f in a.report.findings] == []


def test_assess_takes_a_pack_reference_a_format_and_a_model(pack: Pack, tmp_path: Path) -> None:
    import dataclasses

    text = tmp_path / "catalog.txt"
    text.write_text((FIXTURES / "clean.json").read_text(encoding="utf-8"), encoding="utf-8")
    from govcatalog.io.formats import InputFormat

    by_ref = assess(text, pack="gb-1272@^1", today=TODAY, fmt=InputFormat.JSON)
    assert by_ref.pack == "gb-1272@1.0.0"
    assert by_ref.file == str(text)
    assert by_ref.catalog.points == 80.8
    assert assess(text, today=TODAY, fmt=InputFormat.JSON).catalog.points == 80.8
    flat = dataclasses.replace(load_score_model(pack), required_share=0.5, recommended_share=0.5)
    other = assess(text, pack=pack, today=TODAY, fmt=InputFormat.JSON, model=flat)
    assert other.model is flat
    # Completeness (0.5 × 1 + 0.5 × 3/6 + 0.5 × 1 + 0.5 × 2.5/6) / 2 = 0.7292;
    # 35 × 0.7292 + 30 + 20 × 0.65 + 15 × 0.5 = 76.0.
    assert other.catalog.points == 76.0


def test_a_yaml_catalog_score_is_named_after_the_catalog(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "catalog:\n  name: 示例市目录\nresources:\n  - name: 资源\n    code: '201001/000001'\n",
        encoding="utf-8",
    )
    a = assess(path, pack=pack, today=TODAY)
    assert a.catalog.name == "示例市目录"
    assert [d.name for d in a.departments] == [""]
    page = a._repr_html_()
    assert "示例市目录" in page
    assert f"{a.catalog.points}" in page


def test_weights_that_do_not_add_up_to_one_are_scaled(pack: Pack) -> None:
    import dataclasses

    from govcatalog.score.assess import _Scorer

    model = dataclasses.replace(
        load_score_model(pack), recommended=(), sharing_share=0.3, open_share=0.2
    )
    scorer = _Scorer(pack, model, TODAY)
    # No recommended element: completeness is the required share alone (0.75 of 0.75).
    record = {
        "name": "资源",
        "share": {"share_type": "有条件共享"},
        "open": {"open_to_public": True},
    }
    # 13 required elements outside the items (none here), 3 of them filled: 名称, 共享类型, 是否开放.
    assert scorer.completeness(record) == pytest.approx(3 / 13)
    # (0.3 × 0.5 + 0.2 × 1) / 0.5 = 0.7
    assert scorer.openness(record) == pytest.approx(0.7)


def test_facts_keep_only_text_codes_and_providers(pack: Pack) -> None:
    from govcatalog.score.assess import _Scorer

    scorer = _Scorer(pack, load_score_model(pack), TODAY)
    facts = scorer.facts("/resources/3", {"code": 101001, "provider": ["甲", "乙"]})
    assert (facts.pointer, facts.code, facts.provider) == ("/resources/3", None, None)


def test_without_today_the_score_is_judged_today(pack: Pack) -> None:
    a = assess(FIXTURES / "clean.json", pack=pack)
    assert a.today == dt.date.today()
    b = assess(FIXTURES / "clean.json", pack=pack, options=ValidationOptions())
    assert b.today == dt.date.today()


def test_max_findings_does_not_cut_the_score(pack: Pack) -> None:
    full = assess(FIXTURES / "with-errors.json", pack=pack, today=TODAY)
    cut = assess(
        FIXTURES / "with-errors.json",
        pack=pack,
        today=TODAY,
        options=ValidationOptions(max_findings=1),
    )
    assert len(cut.report.findings) == len(full.report.findings) == 7
    assert cut.catalog.points == full.catalog.points


def test_a_catalog_without_facts_scores_under_an_empty_name(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text("- name: 资源\n  code: '201001/000001'\n", encoding="utf-8")
    a = assess(path, pack=pack, today=TODAY)
    assert a.catalog.name == ""
    assert a.catalog.resources == 1
