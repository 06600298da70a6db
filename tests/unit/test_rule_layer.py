"""The rule layer's own pieces, called directly: rule sets, declared rules one at a time, the
summaries the catalog-wide rules receive from worker processes, the document-level hits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from collections.abc import Iterator

import pytest

from govcatalog._location import Elsewhere
from govcatalog.errors import LoadError, PackError, RuleConflict
from govcatalog.io.records import DocumentProblem
from govcatalog.packs import Pack, get_pack
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin import BUILTIN_RULES
from govcatalog.rules.builtin._util import missing
from govcatalog.rules.builtin.sharing2025 import BasisVerdict, classify_basis
from govcatalog.rules.catalog import CatalogHit, FixedPositions, ResourceSummary, check_catalog
from govcatalog.rules.declared import check_declared, declared_rule
from govcatalog.rules.document import (
    check_catalog_facts,
    document_problem,
    empty_catalog,
    facts_not_an_object,
    not_an_object,
    unreadable,
)
from govcatalog.rules.engine import RuleContext, pack_rules, rule

TODAY = dt.date(2026, 1, 15)


def test_a_rule_is_called_like_its_function(pack: Pack) -> None:
    @rule("GC-F007")
    def echo(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        yield Hit("GC-F007", "/publish_date", {"today": ctx.today.isoformat()}, rec["x"])

    assert (echo.id, echo.codes) == ("echo", frozenset({"GC-F007"}))
    assert rule("GC-F007", "GC-F001", rule_id="renamed")(echo.check).id == "renamed"
    ctx = RuleContext(pack, TODAY)
    assert list(echo({"x": 1}, ctx)) == [
        Hit("GC-F007", "/publish_date", {"today": "2026-01-15"}, 1)
    ]


def test_the_built_in_rules_run_in_the_order_of_the_guide_with_their_codes() -> None:
    assert [(r.id, sorted(r.codes)) for r in BUILTIN_RULES] == [
        ("code_and_classification", ["GC-F008", "GC-F009", "GC-R007"]),
        ("base_items_shared", ["GC-R011"]),
        (
            "share_attributes",
            [
                "GC-F001",
                "GC-F003",
                "GC-R001",
                "GC-R002",
                "GC-R003",
                "GC-R004",
                "GC-R010",
                "GC-R013",
            ],
        ),
        ("open_attributes", ["GC-R005", "GC-R014"]),
        ("format_rules", ["GC-F012", "GC-R006", "GC-R012"]),
        ("data_items", ["GC-F011"]),
        ("provider_code", ["GC-F006"]),
        ("dates", ["GC-F007"]),
    ]


def test_a_rule_set_without_some_rules() -> None:
    ids = [r.id for r in BUILTIN_RULES]
    fewer = BUILTIN_RULES.without(["dates", "provider_code", "no-such-rule"])
    assert [r.id for r in fewer] == [i for i in ids if i not in {"dates", "provider_code"}]
    assert len(fewer) == len(BUILTIN_RULES) - 2


def test_one_declared_rule_on_one_record() -> None:
    province = get_pack("example-province@^1")
    first = province.declared_rules[0]  # 有条件共享 names its information system
    ctx = RuleContext(province, TODAY)
    rec: Record = {"share": {"share_type": "有条件共享"}, "extensions": {}}
    hits = list(check_declared(first, rec, ctx))
    assert [(h.code, h.pointer) for h in hits] == [
        (first.code, "/" + first.require[0].replace(".", "/"))
    ]
    rec["extensions"] = {first.require[0].split(".")[-1]: "市场主体登记系统"}
    assert list(check_declared(first, rec, ctx)) == []


PROVINCE = {
    "standard_zh": "《示例省政务信息资源目录编制规范》（example-province@1.0.0）",
    "standard_en": "Example provincial standard for government information resource catalogs"
    " (example-province@1.0.0)",
}


def test_a_declared_requirement_names_the_element_it_wants() -> None:
    province = get_pack("example-province@^1")
    first = province.declared_rules[0]
    ctx = RuleContext(province, TODAY)
    rec: Record = {"share": {"share_type": "有条件共享"}, "extensions": {"related_system": ""}}
    system = {"element_zh": "关联信息系统", "element_en": "Related information system", **PROVINCE}
    assert list(check_declared(first, rec, ctx)) == [
        Hit("EP-R001", "/extensions/related_system", system)
    ]
    unreadable = {**rec, "$invalid": frozenset({"/extensions/related_system"})}
    assert list(check_declared(first, unreadable, ctx)) == []
    unconditional: Record = {"share": {"share_type": "无条件共享"}, "extensions": {}}
    assert list(check_declared(first, unconditional, ctx)) == []
    unreadable_type = {**rec, "$invalid": frozenset({"/share/share_type"})}
    assert list(check_declared(first, unreadable_type, ctx)) == []


@pytest.mark.parametrize(
    ("stored", "hit"), [("12.5", False), ("12", False), ("约12G", True), ("", True)]
)
def test_a_declared_pattern_shows_the_pattern_and_the_value(stored: str, hit: bool) -> None:
    province = get_pack("example-province@^1")
    second = province.declared_rules[1]
    ctx = RuleContext(province, TODAY)
    params = {
        "element_zh": "数据存储总量/G",
        "element_en": "Stored volume (GB)",
        "pattern": r"^\d+(\.\d+)?$",
    }
    rec: Record = {"extensions": {"storage_gb": stored}}
    expected = [Hit("EP-R002", "/extensions/storage_gb", params, stored)] if hit else []
    assert list(check_declared(second, rec, ctx)) == expected
    assert list(check_declared(second, {"extensions": {"storage_gb": 12}}, ctx)) == []


def test_the_catalogs_region_code_is_a_division(pack: Pack) -> None:
    assert list(check_catalog_facts({"region_code": "990101"}, pack)) == [
        Hit(
            "GC-F014",
            "/region_code",
            {"reason_zh": "省级代码 99 未知", "reason_en": "unknown province code 99"},
            "990101",
        )
    ]
    assert list(check_catalog_facts({"region_code": "110000"}, pack)) == []
    assert list(check_catalog_facts({"region_code": 110000}, pack)) == []  # reported when read
    assert list(check_catalog_facts({}, pack)) == []
    spaced = {"region_code": " 110000"}
    assert [h.code for h in check_catalog_facts(spaced, pack)] == ["GC-F014"]
    lenient = dataclasses.replace(pack, identifier_strict=False)
    assert list(check_catalog_facts(spaced, lenient)) == []


class _Lines:
    """A locator that puts each pointer on a line of its own."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        self.asked.append(pointer)
        return len(pointer), 3


def test_a_summary_resolved_for_another_process_keeps_the_positions_the_rules_report() -> None:
    lines = _Lines()
    summary = ResourceSummary(
        index=0,
        pointer="/resources/0",
        code="X",
        name="甲",
        provider="乙",
        related=(("Y", "/related_codes/0"),),
        code_pointer="/code",
        name_pointer="/名称",
        locator=lines,
        file="a.json",
    )
    resolved = summary.resolved()
    assert lines.asked == ["/code", "/名称", "/related_codes/0"]
    assert resolved.locator == FixedPositions(
        {"/code": (5, 3), "/名称": (3, 3), "/related_codes/0": (16, 3)}
    )
    assert resolved.file == "a.json"
    assert summary.resolved("b.json").file == "b.json"
    assert resolved.locator.locate("/abstract") == (None, None)
    assert (resolved.code, resolved.name, resolved.related) == ("X", "甲", summary.related)


def test_a_resolved_summary_crosses_to_another_process_whole() -> None:
    summary = ResourceSummary(
        index=4,
        pointer="/resources/4",
        code="X",
        name="甲",
        provider="乙",
        related=(("Y", "/related_codes/0"),),
        code_pointer="/code",
        name_pointer="/名称",
        locator=FixedPositions({"/code": (7, 9)}),
        sheet="信息资源",
        cells={"/code": "C6"},
        file="a.xlsx",
    )
    again = pickle.loads(pickle.dumps(summary))
    assert again == summary
    assert type(again.locator) is FixedPositions
    assert again.locator.locate("/code") == (7, 9)


def test_catalog_facts_that_are_not_an_object() -> None:
    assert facts_not_an_object() == Hit(
        "GC-S002",
        "",
        {"detail_zh": "目录信息应为对象", "detail_en": "catalog facts must be an object"},
    )


NO_NAME_ZH = "未写明法律、行政法规或国务院决定的名称"
NO_NAME_EN = "it names no law, administrative regulation or State Council decision"


@pytest.mark.parametrize(
    ("basis", "verdict"),
    [
        ("《中华人民共和国保守国家秘密法》第九条", BasisVerdict(True)),
        ("国务院令第809号", BasisVerdict(True)),
        ("依据保密法", BasisVerdict(True)),
        ("《不动产 登记暂行条例》第三条", BasisVerdict(True)),  # a listed regulation, spaced out
        (
            "依据相关要求",
            BasisVerdict(
                False,
                f"“依据…要求”一类表述，{NO_NAME_ZH}",
                "a phrase such as “as required by …” that names no law, administrative regulation"
                " or State Council decision",
            ),
        ),
        ("暂不提供", BasisVerdict(False, NO_NAME_ZH, NO_NAME_EN)),
        (
            "《某某管理办法》",
            BasisVerdict(
                False, "《某某管理办法》为规章", "《某某管理办法》 is a departmental rule"
            ),
        ),
        (
            "《某某文件》和《某某通知》",
            BasisVerdict(
                None,
                "《某某文件》不在标准包的行政法规名录中，无法确认其为行政法规",
                "《某某文件》 is not in the pack's list of administrative regulations",
            ),
        ),
        (
            "《甲文件》《乙文件》",
            BasisVerdict(
                None,
                "《甲文件》、《乙文件》不在标准包的行政法规名录中，无法确认其为行政法规",
                "《甲文件》, 《乙文件》 are not in the pack's list of administrative regulations",
            ),
        ),
        (
            "《某某管理办法》《某某通知》",
            BasisVerdict(
                False,
                "《某某管理办法》为规章；《某某通知》为规范性文件",
                "《某某管理办法》 is a departmental rule; 《某某通知》 is a policy document",
            ),
        ),
    ],
)
def test_a_not_shared_basis_is_judged_by_the_titles_it_cites(
    basis: str, verdict: BasisVerdict
) -> None:
    legal = get_pack("sharing-2025@^1").legal_basis
    assert legal is not None
    assert classify_basis(basis, legal) == verdict


def test_document_level_hits_point_at_the_document(pack: Pack) -> None:
    error = LoadError("c.json", "无法读取", "cannot be read")
    assert unreadable(error) == Hit(
        "GC-S001", "", {"reason_zh": "无法读取", "reason_en": "cannot be read"}
    )
    assert empty_catalog() == Hit("GC-S006", "")
    ctx = RuleContext(pack, TODAY)
    assert missing(ctx, {}, "share.share_mode_class") == Hit(
        "GC-F001",
        "/share/share_mode_class",
        {
            "element_zh": "共享方式分类",
            "element_en": "Share mode class",
            "standard_zh": "编制指南",
            "standard_en": "the guide",
        },
    )


def test_an_entry_that_is_not_an_object_names_its_type() -> None:
    assert not_an_object([1]) == Hit("GC-S005", "", {"actual_zh": "列表", "actual_en": "a list"})


def _summary(i: int, file: str | None = None) -> ResourceSummary:
    return ResourceSummary(
        index=i,
        pointer=f"/resources/{i}",
        code="X",
        name=None,
        provider=None,
        related=(),
        code_pointer="/code",
        name_pointer="/name",
        locator=FixedPositions({}),
        file=file,
    )


def _others(hit: CatalogHit) -> tuple[list[tuple[str | None, str | None]], int]:
    """The (file, pointer) of the places a hit names, and how many it counts."""
    where = hit.params["others"]
    assert isinstance(where, Elsewhere)
    assert where.file == hit.summary.file
    return [(p.file, p.pointer) for p in where.places], where.more


def test_duplicates_name_five_others_then_count_the_rest() -> None:
    group = [_summary(i) for i in range(8)]
    hits = list(check_catalog(group))
    assert [h.code for h in hits] == ["GC-R008"] * 8
    assert hits[0].params["count"] == 8
    assert _others(hits[0]) == ([(None, f"/resources/{i}/code") for i in (1, 2, 3, 4, 5)], 2)
    assert _others(hits[7]) == ([(None, f"/resources/{i}/code") for i in range(5)], 2)
    assert str(hits[7].params["others"]) == (
        "/resources/0/code, /resources/1/code, /resources/2/code, /resources/3/code,"
        " /resources/4/code, … (+2)"
    )  # said without words where a codebook has no [places]
    pair = list(check_catalog(group[:2]))
    assert [_others(h) for h in pair] == [
        ([(None, "/resources/1/code")], 0),
        ([(None, "/resources/0/code")], 0),
    ]


def test_a_duplicate_in_another_file_is_named_with_its_file() -> None:
    hits = list(
        check_catalog([_summary(0, "a.json"), _summary(1, "b.json"), _summary(2, "a.json")])
    )
    assert [str(h.params["others"]) for h in hits] == [
        "b.json /resources/1/code, /resources/2/code",
        "a.json /resources/0/code, a.json /resources/2/code",
        "/resources/0/code, b.json /resources/1/code",
    ]


def test_a_duplicate_is_named_where_it_is_as_its_own_finding_is() -> None:
    """Its sheet and cell (the cell of a value read from another sheet names that sheet), its
    line and column: the location a finding at its code would have."""
    located = [
        dataclasses.replace(
            _summary(0), sheet="目录", cells={"/code": "B7", "/name": "A7"}, locator=_AtLine()
        ),
        dataclasses.replace(_summary(1), sheet="目录", cells={"/code": "补充!C3"}),
        dataclasses.replace(_summary(2), locator=_AtLine()),
    ]
    hits = list(check_catalog(located))
    places = list(hits[2].params["others"].places)  # type: ignore[attr-defined]
    assert [(p.sheet, p.cell, p.line, p.column, p.label()) for p in places] == [
        ("目录", "B7", 4, 2, "目录!B7"),
        ("补充", "C3", None, None, "补充!C3"),
    ]
    assert places == [s.location("/code") for s in located[:2]]
    assert [hit.summary.location(hit.pointer) for hit in hits[:2]] == places


class _AtLine:
    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        return (4, 2)


def test_a_reader_s_problem_becomes_a_hit_where_the_reader_found_it() -> None:
    problem = DocumentProblem(
        "/resources", "应为列表", "must be a list", code="GC-S004", value="{}"
    )
    assert document_problem(problem) == Hit(
        "GC-S004", "/resources", {"detail_zh": "应为列表", "detail_en": "must be a list"}, "{}"
    )


def test_an_empty_string_does_not_fill_a_required_element() -> None:
    province = get_pack("example-province@^1")
    first = province.declared_rules[0]
    key = first.require[0].split(".")[-1]
    rec: Record = {"share": {"share_type": "有条件共享"}, "extensions": {key: ""}}
    assert [h.code for h in check_declared(first, rec, RuleContext(province, TODAY))] == [
        first.code
    ]


def _named(i: int, code: str | None, name: str | None, provider: str | None) -> ResourceSummary:
    return dataclasses.replace(_summary(i), code=code, name=name, provider=provider)


def test_duplicate_codes_and_names_of_one_provider_written_out() -> None:
    summaries = [
        _named(0, "A", "人口信息", "公安厅"),
        _named(1, "A", "人口信息", "公安厅"),
        _named(2, "B", "人口信息", "民政厅"),  # the same name from another provider
        _named(3, "C", "法人信息", None),  # names without a provider are not compared
        _named(4, "D", "法人信息", None),
        _named(5, "", None, "公安厅"),  # no code, and no name to compare, twice each
        _named(6, "", None, "公安厅"),
        _named(7, None, "", "公安厅"),
        _named(8, None, "", "公安厅"),
    ]
    found = [
        (h.code, h.summary.index, h.pointer, h.params, h.value) for h in check_catalog(summaries)
    ]
    said = [
        (c, i, p, {**params, "others": str(params["others"])}, v) for c, i, p, params, v in found
    ]
    assert said == [
        ("GC-R008", 0, "/code", {"count": 2, "others": "/resources/1/code"}, "A"),
        ("GC-R008", 1, "/code", {"count": 2, "others": "/resources/0/code"}, "A"),
        (
            "GC-C003",
            0,
            "/name",
            {"count": 2, "others": "/resources/1/name", "provider": "公安厅"},
            "人口信息",
        ),
        (
            "GC-C003",
            1,
            "/name",
            {"count": 2, "others": "/resources/0/name", "provider": "公安厅"},
            "人口信息",
        ),
    ]


def test_related_codes_that_name_the_resource_itself_or_nothing() -> None:
    own = dataclasses.replace(
        _named(0, "A", None, None), related=(("A", "/related_codes/0"), ("Z", "/related_codes/1"))
    )
    found = [(h.code, h.pointer, h.params, h.value) for h in check_catalog([own])]
    assert found == [
        ("GC-C002", "/related_codes/0", {}, "A"),
        ("GC-C001", "/related_codes/1", {}, "Z"),
    ]


def test_a_rule_set_extended_adds_refuses_or_replaces() -> None:
    def one(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        yield Hit("GC-F007", "/publish_date")

    def two(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        yield Hit("GC-F001", "/name")

    base = BUILTIN_RULES.without(
        r.id for r in BUILTIN_RULES if r.id not in {"dates", "open_attributes"}
    )
    added = base.extend([rule("GC-F007", rule_id="extra")(one)])
    assert [r.id for r in added] == ["open_attributes", "dates", "extra"]
    with pytest.raises(RuleConflict) as raised:
        base.extend([rule("GC-F001", rule_id="dates")(two)])
    assert str(raised.value) == "rule 'dates' exists; pass replace=True to replace it"
    replaced = base.extend([rule("GC-F001", rule_id="dates")(two)], replace=True)
    assert [(r.id, r.check) for r in replaced] == [
        ("open_attributes", base.rules[0].check),
        ("dates", two),
    ]
    assert replaced.codes == frozenset({"GC-R005", "GC-R014", "GC-F001"})


def test_the_declared_rules_of_a_pack_run_as_one_rule(pack: Pack) -> None:
    province = get_pack("example-province@^1")
    declared = declared_rule(province)
    assert declared is not None
    assert (declared.id, declared.codes) == ("declared_rules", frozenset({"EP-R001", "EP-R002"}))
    rec: Record = {"share": {"share_type": "有条件共享"}, "extensions": {"storage_gb": "约12G"}}
    assert [h.code for h in declared(rec, RuleContext(province, TODAY))] == ["EP-R001", "EP-R002"]
    assert declared_rule(pack) is None


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("govcatalog.nosuch:rules", "[rules] modules: No module named 'govcatalog.nosuch'"),
        (
            "govcatalog.rules.builtin:BUILTIN_RULES",
            "[rules] modules: govcatalog.rules.builtin:BUILTIN_RULES: govcatalog.rules.builtin has"
            " no function 'BUILTIN_RULES'",
        ),
        (  # a function that wants arguments (one outside the library: its name is its own)
            "json:loads",
            "[rules] modules: loads() missing 1 required positional argument: 's'",
        ),
        (
            "govcatalog.packs:get_pack",
            "[rules] modules: govcatalog.packs:get_pack does not return a RuleSet",
        ),
    ],
)
def test_rule_modules_a_pack_cannot_use_are_pack_errors(
    pack: Pack, target: str, problem: str
) -> None:
    with pytest.raises(PackError) as raised:
        pack_rules(dataclasses.replace(pack, rule_modules=(target,)))
    assert (raised.value.pack, raised.value.file, raised.value.problem) == (
        "gb-1272@1.0.0",
        "pack.toml",
        problem,
    )
    assert str(raised.value) == f"pack gb-1272@1.0.0: pack.toml: {problem}"


def test_the_rule_modules_of_a_pack(pack: Pack) -> None:
    assert pack_rules(pack) == ()
    sharing = pack_rules(get_pack("sharing-2025@^1"))
    assert [r.id for r in sharing] == [
        "not_shared_basis",
        "conditions_name_scope_and_purpose",
        "grade_against_share_type",
    ]
