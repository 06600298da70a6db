"""The catalog's own date (发布日期, ``issued``) as catalogs write it: to the month only, it decides
the regime as a form's month does — when the whole month falls under one regime — and is still
a date without its day (GC-F019); written twice in a 目录信息 sheet under one label, the later
row is read and the element is said to be given twice (GC-S007), as under two keys, with the
dates under two regimes said at the earlier row (GC-S014)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from formdates import REGULATION_FROM, written_days, written_months
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row

from govcatalog import get_pack, load_catalog, validate
from govcatalog._dates import FormDay
from govcatalog.io.form_lines import form_date
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis, pick_regime
from govcatalog.records.read import open_document
from govcatalog.records.regime import document_date, document_day
from govcatalog.report import Report
from tests.helpers import resource

FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def _book(path: Path, facts: list[tuple[str, object]]) -> Path:
    """A workbook of one resource, its 目录信息 sheet giving ``facts`` (label, value) a row each
    below its heading row (the first in row 2)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目录"
    sheet.append(HEADINGS)
    sheet.append(row(1))
    info = book.create_sheet("目录信息")
    info.append(["元素", "值"])
    for label, value in facts:
        info.append([label, value])
    book.save(path)
    return path


def _json(path: Path, facts: dict[str, object]) -> Path:
    path.write_text(
        json.dumps({"catalog": facts, "resources": [resource()]}, ensure_ascii=False), "utf-8"
    )
    return path


def _at(report: Report, code: str) -> list[tuple[str | None, str | None, str | None]]:
    return sorted(
        (f.location.pointer, f.location.sheet, f.location.cell)
        for f in report.findings
        if f.code == code
    )


# ------------------------------------------------------------------ a catalog dated to the month
@pytest.mark.parametrize(
    ("written", "pack", "shown"),
    [
        ("2025年9月", "sharing-2025", "2025-09"),
        ("2025-08", "sharing-2025", "2025-08"),  # the regulation applies from its 1st
        ("2025 年 7 月", "gb-1272", "2025-07"),
        ("２０２４。１２", "gb-1272", "2024-12"),
    ],
)
def test_a_catalog_dated_to_the_month_is_judged_by_it(
    tmp_path: Path, written: str, pack: str, shown: str
) -> None:
    for path in (
        _json(tmp_path / "c.json", {"name": "某市目录", "issued": written}),
        _book(tmp_path / "c.xlsx", [("目录名称", "某市目录"), ("发布日期", written)]),
    ):
        regime = load_catalog_judged(path).regime
        assert (regime.pack.id, regime.basis, regime.month) == (pack, RegimeBasis.DATE, True)
        report = validate(path)
        assert report.regime_zh.endswith(f"（{report.pack}，按日期 {shown}）")
        assert report.regime_en.endswith(f"({report.pack}, by its date {shown})")
        # the date still lacks its day
        pointer = "/catalog/issued" if path.suffix == ".json" else "/catalog/发布日期"
        assert [(f.code, f.location.pointer) for f in report.findings if f.code == "GC-F019"] == [
            ("GC-F019", pointer)
        ]


@settings(max_examples=40, deadline=None)
@given(written=written_months(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_a_catalog_month_decides_as_a_forms_month_does(written: tuple[str, dt.date]) -> None:
    """In any form and width, the month decides the regime its first day is under (a regime
    starts on the first of a month), as the same month written as a form's 填报日期 would."""
    text, first = written
    judged = load_catalog_judged({"catalog": {"issued": text}, "resources": [resource()]})
    regime = judged.regime
    assert regime.pack.ref == pick_regime(first).pack.ref
    assert (regime.basis, regime.day, regime.month) == (RegimeBasis.DATE, first, True)
    assert regime.written_day == f"{first:%Y-%m}"
    form = form_date({1: {1: f"填报时间：{text}"}, 2: {1: "信息资源名称"}}, 2)
    if first <= dt.date.today():  # a form's date after today is taken for a typo
        assert form is not None and form.day.first == first and form.day.month


def test_the_catalog_month_is_its_day_nowhere_else(tmp_path: Path) -> None:
    """``document_date`` gives a day only; ``document_day`` the month too."""
    path = _json(tmp_path / "c.json", {"issued": "2025年9月"})
    pack = get_pack("gb-1272@^1")
    doc = open_document(path, pack)
    assert document_day(doc, pack) == FormDay(dt.date(2025, 9, 1), dt.date(2025, 9, 30))
    assert document_date(doc, pack) is None
    doc.close()
    assert load_catalog(path).info.issued is None  # no day is made up


@pytest.mark.usefixtures("regulation_from_mid_september")
def test_a_catalog_month_astride_two_regimes_decides_nothing(tmp_path: Path) -> None:
    """Were a regime to start within a month, a catalog dated by that month alone would not
    say which applies: it is then judged as an undated catalog."""
    astride = load_catalog_judged(_json(tmp_path / "a.json", {"issued": "2025年9月"})).regime
    assert (astride.pack.id, astride.basis) == ("gb-1272", RegimeBasis.DEFAULT)
    whole = load_catalog_judged(_json(tmp_path / "w.json", {"issued": "2025年10月"})).regime
    assert (whole.pack.id, whole.basis, whole.month) == ("sharing-2025", RegimeBasis.DATE, True)


def test_a_day_wins_over_a_month(tmp_path: Path) -> None:
    """Facts giving a day and, under a later key, a month are read by the day (the month is no
    date the catalog can hold), and the month under other rules is said at its key."""
    path = _json(tmp_path / "c.json", {"issued": "2025-06-01", "编制日期": "2025年9月"})
    regime = load_catalog_judged(path).regime
    assert (regime.pack.id, regime.day, regime.month) == ("gb-1272", dt.date(2025, 6, 1), False)
    report = validate(path)
    said = [f for f in report.findings if f.code == "GC-S014"]
    assert [(f.location.pointer, f.value) for f in said] == [("/catalog/编制日期", "2025-09")]
    assert "与 /catalog/issued 所填的 2025-06-01 不一致" in said[0].message_zh


# ------------------------------------------------------------------ a label twice in 目录信息
def test_a_label_twice_is_said_at_the_later_row(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "twice.xlsx",
        [("目录名称", "旧名称"), ("发布日期", "2025-06-01"), ("目录名称", "某市目录")],
    )
    report = validate(path)
    assert _at(report, "GC-S007") == [("/catalog/目录名称", "目录信息", "B4")]
    assert load_catalog(path).info.name == "某市目录"  # the later row
    (said,) = [f for f in report.findings if f.code == "GC-S007"]
    assert said.message_zh == "“目录名称”填写了两次（目录名称），取后者。"
    assert said.message_en == "Catalog name is given twice (目录名称); the later one is used."


def test_a_date_twice_under_two_regimes_is_said_at_both_rows(tmp_path: Path) -> None:
    path = _book(tmp_path / "t.xlsx", [("发布日期", "2025-06-01"), ("发布日期", "2025-09-12")])
    report = validate(path)
    assert _at(report, "GC-S007") == [("/catalog/发布日期", "目录信息", "B3")]
    assert _at(report, "GC-S014") == [("/catalog/发布日期", "目录信息", "B2")]
    (said,) = [f for f in report.findings if f.code == "GC-S014"]
    assert said.value == "2025-06-01"
    assert "与 目录信息!B3 所填的 2025-09-12 不一致" in said.message_zh
    regime = load_catalog_judged(path).regime
    assert (regime.pack.id, regime.day) == ("sharing-2025", dt.date(2025, 9, 12))


def test_a_label_given_again_after_another_key_of_its_element(tmp_path: Path) -> None:
    """发布日期, 编制日期, 发布日期: the last row is read, and said once (the element is given
    twice under two labels as well); each earlier date under other rules is said at its row."""
    facts = [("发布日期", "2025-06-01"), ("编制日期", "2025-07-01"), ("发布日期", "2025-09-12")]
    report = validate(_book(tmp_path / "t.xlsx", facts))
    assert _at(report, "GC-S007") == [("/catalog/发布日期", "目录信息", "B4")]
    assert _at(report, "GC-S014") == [
        ("/catalog/发布日期", "目录信息", "B2"),
        ("/catalog/编制日期", "目录信息", "B3"),
    ]
    assert "按日期 2025-09-12" in report.regime_zh


@settings(max_examples=25, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(first=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)), later=written_days(iso=True))
def test_a_label_twice_is_as_json_under_two_keys(
    tmp_path: Path, first: dt.date, later: tuple[str, dt.date]
) -> None:
    """A 目录信息 sheet giving 发布日期 twice says what JSON facts giving the date under two keys
    (``issued`` then 发布日期) say — GC-S007 at the later, GC-S014 at the earlier when the two
    fall under different rules — and is judged under the same rules."""
    earlier = first.isoformat()
    book = _book(tmp_path / "t.xlsx", [("发布日期", earlier), ("发布日期", later[0])])
    facts = _json(tmp_path / "t.json", {"issued": earlier, "发布日期": later[0]})
    from_book, from_json = validate(book), validate(facts)

    def said(report: Report) -> list[tuple[str, str | None, str]]:
        return sorted(
            (f.code, f.value, f.message_en.split(" at ")[0])
            for f in report.findings
            if f.code in ("GC-S007", "GC-S014")
        )

    assert said(from_book) == said(from_json)
    two_regimes = (later[1] >= REGULATION_FROM) != (first >= REGULATION_FROM)
    assert [code for code, _, _ in said(from_book)] == ["GC-S007"] + ["GC-S014"] * two_regimes
    judged = load_catalog_judged(book).regime
    assert (judged.pack.ref, judged.day) == (load_catalog_judged(facts).regime.pack.ref, later[1])


@pytest.mark.parametrize(("month", "said"), [("2025年6月", True), ("2025 年 10 月", False)])
def test_an_earlier_month_under_other_rules_is_said(tmp_path: Path, month: str, said: bool) -> None:
    path = _book(tmp_path / "m.xlsx", [("发布日期", month), ("发布日期", "2025-09-12")])
    report = validate(path)
    assert _at(report, "GC-S014") == ([("/catalog/发布日期", "目录信息", "B2")] if said else [])
    assert _at(report, "GC-S007") == [("/catalog/发布日期", "目录信息", "B3")]
