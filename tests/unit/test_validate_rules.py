"""The validator on small catalogs: each rule fires where it should, and only there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from govcatalog import ValidationOptions, validate
from govcatalog.packs import Pack
from govcatalog.report import Report
from tests.helpers import VALID_RESOURCE, resource, write_catalog

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))


def run(tmp_path: Path, pack: Pack, *resources: dict[str, Any]) -> Report:
    return validate(write_catalog(tmp_path / "c.json", *resources), pack=pack, options=OPTIONS)


def codes(report: Report) -> list[tuple[str | int | None, ...]]:
    return report.table("code", "pointer")


def test_valid_resource_has_no_findings(tmp_path: Path, pack: Pack) -> None:
    report = run(tmp_path, pack, resource())
    assert report.findings == ()
    assert report.conforms
    assert report.stats.resources == 1
    assert report.stats.items == 2


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (
            {
                "share_type": "有条件共享",
                "share_mode_class": "共享平台方式",
                "share_mode_type": "接口",
            },
            "GC-R002",
        ),
        ({"share_type": "不予共享"}, "GC-R003"),
        ({"share_type": "不予共享", "share_condition": "涉及隐私"}, "GC-R013"),
        (
            {
                "share_type": "无条件共享",
                "share_condition": "仅限公安部门",
                "share_mode_class": "共享平台方式",
                "share_mode_type": "接口",
            },
            "GC-R001",
        ),
        (
            {"share_type": "无条件共享", "share_mode_class": "邮件方式", "share_mode_type": "文件"},
            "GC-R010",
        ),
    ],
)
def test_share_rules(tmp_path: Path, pack: Pack, share: dict[str, str], expected: str) -> None:
    res = resource(
        share=share, category={"lei": "主题信息资源目录", "xiang": "社会保障"}, code="203001/000001"
    )
    found = {c for c, _ in codes(run(tmp_path, pack, res))}
    assert expected in found


def test_not_shared_with_a_legal_basis_is_clean(tmp_path: Path, pack: Pack) -> None:
    res = resource(
        share={
            "share_type": "不予共享",
            "share_condition": "《中华人民共和国个人信息保护法》第二十八条",
        },
        category={"lei": "部门信息资源目录", "xiang": "省（自治区、直辖市）及其下各级政务部门"},
        code="307001/000001",
    )
    assert run(tmp_path, pack, res).findings == ()


def test_open_without_condition_and_base_share(tmp_path: Path, pack: Pack) -> None:
    res = resource(open={"open_to_public": True})
    assert codes(run(tmp_path, pack, res)) == [("GC-R005", "/resources/0/open/open_condition")]


def test_structured_format_needs_items(tmp_path: Path, pack: Pack) -> None:
    res = resource(items=None)
    assert codes(run(tmp_path, pack, res)) == [("GC-R006", "/resources/0/items")]


def test_other_format_needs_description(tmp_path: Path, pack: Pack) -> None:
    res = resource(format={"format_class": "其他", "format_types": ["CAD"]}, items=None)
    assert codes(run(tmp_path, pack, res)) == [("GC-R012", "/resources/0/format/other_description")]


def test_code_class_must_match_category(tmp_path: Path, pack: Pack) -> None:
    res = resource(code="201001/000001")
    assert ("GC-R007", "/resources/0/code") in codes(run(tmp_path, pack, res))


def test_xiang_must_belong_to_lei_and_match_code_table(tmp_path: Path, pack: Pack) -> None:
    wrong_member = resource(category={"lei": "基础信息资源目录", "xiang": "社会保障"})
    assert ("GC-F008", "/resources/0/category/xiang") in codes(run(tmp_path, pack, wrong_member))
    wrong_digits = resource(code="102001/000001")
    assert codes(run(tmp_path, pack, wrong_digits)) == [("GC-F009", "/resources/0/code")]


def test_base_resource_must_share_base_items_unconditionally(tmp_path: Path, pack: Pack) -> None:
    share = {
        "share_type": "有条件共享",
        "share_condition": "用于户籍核验",
        "share_mode_class": "共享平台方式",
        "share_mode_type": "接口",
    }
    assert codes(run(tmp_path, pack, resource(share=share))) == [
        ("GC-R011", "/resources/0/share/share_type")
    ]
    business = [{**i, "base_item": False} for i in VALID_RESOURCE["items"]]
    assert run(tmp_path, pack, resource(share=share, items=business)).findings == ()


def test_catalog_rules_duplicates_and_related(tmp_path: Path, pack: Pack) -> None:
    a = resource(related_codes=["101001/000001", "101001/999999"])
    b = resource(name="另一资源")
    found = codes(run(tmp_path, pack, a, b))
    assert ("GC-R008", "/resources/0/code") in found
    assert ("GC-R008", "/resources/1/code") in found
    assert ("GC-C002", "/resources/0/related_codes/0") in found
    assert ("GC-C001", "/resources/0/related_codes/1") in found


def test_future_publish_date_and_invalid_date(tmp_path: Path, pack: Pack) -> None:
    assert codes(run(tmp_path, pack, resource(publish_date="2027-01-01"))) == [
        ("GC-F007", "/resources/0/publish_date")
    ]
    assert codes(run(tmp_path, pack, resource(publish_date="2024-02-30"))) == [
        ("GC-R009", "/resources/0/publish_date")
    ]


def test_invalid_value_is_not_also_reported_missing(tmp_path: Path, pack: Pack) -> None:
    res = resource(update_cycle="每两天")
    assert codes(run(tmp_path, pack, res)) == [("GC-F002", "/resources/0/update_cycle")]


def test_provider_code_checked_as_uscc(tmp_path: Path, pack: Pack) -> None:
    report = run(tmp_path, pack, resource(provider_code="91350100M000100Y44"))
    assert codes(report) == [("GC-F006", "/resources/0/provider_code")]
    assert "3" in report.findings[0].message_zh


def test_options_select_ignore_severity(tmp_path: Path, pack: Pack) -> None:
    path = write_catalog(
        tmp_path / "c.json", resource(open={"open_to_public": True}, update_cycle="每天")
    )
    base = validate(path, pack=pack, options=OPTIONS)
    assert {f.code for f in base} == {"GC-R005", "GC-F003"}
    only = validate(
        path,
        pack=pack,
        options=ValidationOptions(today=OPTIONS.today, select=frozenset({"GC-F003"})),
    )
    assert {f.code for f in only} == {"GC-F003"}
    ignored = validate(
        path,
        pack=pack,
        options=ValidationOptions(today=OPTIONS.today, ignore=frozenset({"GC-F003"})),
    )
    assert {f.code for f in ignored} == {"GC-R005"}
    from govcatalog.report import Severity

    softer = validate(
        path,
        pack=pack,
        options=ValidationOptions(today=OPTIONS.today, severity={"GC-R005": Severity.WARNING}),
    )
    assert softer.conforms


def test_catalog_facts_are_checked(tmp_path: Path, pack: Pack) -> None:
    import json

    path = tmp_path / "c.json"
    doc = {
        "catalog": {"name": "目录", "region_code": "990101", "level": "省级"},
        "resources": [VALID_RESOURCE],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = validate(path, pack=pack, options=OPTIONS)
    assert report.table("code", "pointer") == [
        ("GC-F014", "/catalog/region_code"),
        ("GC-F002", "/catalog/level"),
    ]


_RANK = {"UNCONFIRMED": 1, "IMPL": 2, "CONFIRMED": 3}
"""The order of evidence, written out here rather than read from the validator."""


@pytest.mark.parametrize("level", ["UNCONFIRMED", "IMPL", "CONFIRMED"])
def test_min_evidence_keeps_exactly_the_codes_strong_enough(pack: Pack, level: str) -> None:
    from govcatalog.vocab import Evidence
    from tests.conftest import ROOT

    example = ROOT / "examples" / "city-catalog-with-errors.json"
    full = validate(example, pack=pack, options=OPTIONS)
    evidence = {f.code: pack.codebook[f.code].evidence.value for f in full.findings}
    assert set(evidence.values()) == set(_RANK)  # the example has findings of every level
    options = ValidationOptions(today=OPTIONS.today, min_evidence=Evidence(level))
    kept = validate(example, pack=pack, options=options)
    want = [f for f in full.findings if _RANK[evidence[f.code]] >= _RANK[level]]
    assert kept.findings == tuple(want)
    assert (len(kept.findings) < len(full.findings)) == (level != "UNCONFIRMED")


def test_a_share_condition_repeated_is_judged_the_same_each_time(
    tmp_path: Path, pack: Pack
) -> None:
    # The folded condition is remembered across resources: each still gets its own verdict.
    share = {
        "share_type": "无条件共享",
        "share_mode_class": "共享平台方式",
        "share_mode_type": "接口",
    }
    strict = {**share, "share_condition": "仅限公安部门"}
    plain = {**share, "share_condition": "不 限"}
    kept = [
        resource(share=s, code=f"104036/00000{i}", name=f"资源{i}")
        for i, s in enumerate([strict, plain, strict, plain, strict], start=1)
    ]
    found = [(c, p) for c, p in codes(run(tmp_path, pack, *kept)) if c in ("GC-R001", "GC-F003")]
    assert found == [
        ("GC-R001", "/resources/0/share/share_condition"),
        ("GC-F003", "/resources/1/share/share_condition"),
        ("GC-R001", "/resources/2/share/share_condition"),
        ("GC-F003", "/resources/3/share/share_condition"),
        ("GC-R001", "/resources/4/share/share_condition"),
    ]
