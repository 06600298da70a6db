"""A workbook whose forms give dates under two regimes (填报日期：2025年6月1日 above the headings,
填报日期：2025年9月12日 in the footer, or two sheets dated on both sides of 2025-08-01) says so: a
GC-S014 at each date that lost, naming the date that dates the workbook and its cell. The
choice is as before (above the headings before the footer, an earlier sheet before a later
one), and the workbook reads and is judged as the same workbook dated once. Dates under one
regime are not said. The catalog facts of a JSON catalog that give their date under two keys
are said alike."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from formdates import REGULATION_FROM, written_days, written_months
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sheetbook import build_real_layout

from govcatalog import load_catalog, validate
from govcatalog.io.xlsx_parse import column_letter
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis
from govcatalog.report import Report
from tests.helpers import resource

SECOND = "目录（二）"
"""The second sheet's name (a copy of the first, with dates of its own)."""

Dated = tuple[str, dt.date, bool] | None
"""A date as written, its first day, and whether it gives only the month; None for none."""


def _dates() -> st.SearchStrategy[Dated]:
    """A form's date near 2025-08-01, a day or a month, in any form and width, or none."""
    lo, hi = dt.date(2025, 5, 1), min(dt.date(2025, 12, 31), dt.date.today())
    day = written_days(lo, hi, iso=True).map(lambda w: (w[0], w[1], False))
    month = written_months(lo, hi).map(lambda w: (w[0], w[1], True))
    return st.none() | day | month


def _book(tmp_path: Path, name: str, dates: list[Dated]) -> tuple[Path, list[tuple[str, str]]]:
    """The real layout on two sheets, each with ``dates`` [its line above the headings, its
    footer] (the first sheet's, then the second's), and the (sheet, cell) of each date given."""
    path = build_real_layout(tmp_path / name)
    book = load_workbook(path)
    first = book.worksheets[0]
    for merged in list(first.merged_cells.ranges):
        if merged.min_row == 1:
            first.unmerge_cells(str(merged))
    copy = book.copy_worksheet(first)
    copy.title = SECOND
    line, footer = first.max_column - 2, first.max_row + 2
    cells = []
    for sheet, (above, below) in zip((first, copy), (dates[:2], dates[2:]), strict=True):
        if above is not None:
            sheet.cell(1, line, f"填报日期：{above[0]}")
            cells.append((sheet.title, f"{column_letter(line)}1"))
        if below is not None:
            sheet.cell(
                footer,
                1,
                f"填报单位：某市市场监督管理局（盖章）  填报人：张三  填报日期：{below[0]}",
            )
            cells.append((sheet.title, f"A{footer}"))
    book.save(path)
    return path, cells


def _under_regulation(dated: Dated) -> bool:
    assert dated is not None
    return dated[1] >= REGULATION_FROM  # a month from its first: the regulation starts on a 1st


def _written(dated: Dated) -> str:
    assert dated is not None
    return f"{dated[1]:%Y-%m}" if dated[2] else dated[1].isoformat()


def _but(report: Report, code: str) -> list[tuple[str, str | None, str | None, str]]:
    return sorted(
        (f.code, f.location.sheet, f.location.cell, f.message_en)
        for f in report.findings
        if f.code != code
    )


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dates=st.lists(_dates(), min_size=4, max_size=4))
def test_dates_under_another_regime_than_the_first_are_said(
    tmp_path: Path, dates: list[Dated]
) -> None:
    path, cells = _book(tmp_path, "dated.xlsx", dates)
    given_dates = [d for d in dates if d is not None]
    report = validate(path)
    said = sorted(
        (f.location.sheet, f.location.cell) for f in report.findings if f.code == "GC-S014"
    )
    if not given_dates:
        assert said == []
        return
    decided, (sheet, cell) = given_dates[0], cells[0]
    lost = [
        where
        for d, where in zip(given_dates, cells, strict=True)
        if _under_regulation(d) != _under_regulation(decided)
    ]
    assert said == sorted(lost)
    for f in report.findings:
        if f.code == "GC-S014":
            assert f.severity.value == "warning"
            assert f"与 {sheet}!{cell} 所填的 {_written(decided)} 不一致" in f.message_zh
            assert "适用《政务数据共享条例》" in f.message_zh
            assert "适用国发〔2016〕51号" in f.message_zh
            assert f"{_written(decided)} is the one taken" in f.message_en
    regime = load_catalog_judged(path).regime
    assert (regime.basis, regime.day, regime.sheet, regime.cell) == (
        RegimeBasis.FORM,
        decided[1],
        sheet,
        cell,
    )
    # The same workbook dated once, by the date that decided: read and judged alike.
    once, _ = _book(tmp_path, "once.xlsx", [decided, None, None, None])
    assert load_catalog(path) == load_catalog(once)
    assert load_catalog_judged(once).regime.pack.ref == regime.pack.ref
    assert _but(report, "GC-S014") == _but(validate(once), "GC-S014")


def test_the_top_and_the_footer_of_one_sheet(tmp_path: Path) -> None:
    june = ("2025年6月1日", dt.date(2025, 6, 1), False)
    september = ("2025年9月12日", dt.date(2025, 9, 12), False)
    path, cells = _book(tmp_path, "form.xlsx", [june, september, None, None])
    report = validate(path)
    [finding] = [f for f in report.findings if f.code == "GC-S014"]
    assert (finding.location.sheet, finding.location.cell) == cells[1]
    assert finding.message_zh == (
        f"填报日期 2025-09-12 与 目录!{cells[0][1]} 所填的 2025-06-01 不一致，且二者适用不同的规则："
        "2025-09-12 适用《政务数据共享条例》（国务院令第809号，2025年8月1日起施行），"
        "2025-06-01 适用国发〔2016〕51号（2025年8月1日前的共享规则）。填报日期以 2025-06-01 为准。"
    )
    assert "按表格所填填报日期 2025-06-01" in report.regime_zh
    # Named, the pack is not moved by the dates; the workbook still contradicts itself.
    named = validate(path, pack="sharing-2025")
    assert [f.location.cell for f in named.findings if f.code == "GC-S014"] == [cells[1][1]]


def test_a_csv_file_compares_its_top_with_its_footer(tmp_path: Path) -> None:
    june = ("2025-06-01", dt.date(2025, 6, 1), False)
    september = ("２０２５年９月", dt.date(2025, 9, 1), True)
    path, cells = _book(tmp_path, "form.xlsx", [june, september, None, None])
    sheet = load_workbook(path).worksheets[0]
    with (tmp_path / "目录.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    report = validate(tmp_path / "目录.csv")
    said = [
        (f.location.sheet, f.location.cell, f.value) for f in report.findings if f.code == "GC-S014"
    ]
    assert said == [(*cells[1], "2025-09")]


def _facts(tmp_path: Path, name: str, facts: dict[str, object]) -> Path:
    path = tmp_path / name
    catalog = {"catalog": {"name": "测试目录", **facts}, "resources": [resource()]}
    path.write_text(json.dumps(catalog, ensure_ascii=False, indent=2), "utf-8")
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    earlier=written_days(dt.date(2025, 5, 1), dt.date(2025, 12, 31), iso=True),
    later=written_days(dt.date(2025, 5, 1), dt.date(2025, 12, 31), iso=True),
    key=st.sampled_from(["编制日期", "发布日期"]),
)
def test_catalog_facts_giving_their_date_twice(
    tmp_path: Path, earlier: tuple[str, dt.date], later: tuple[str, dt.date], key: str
) -> None:
    """The later key is read (GC-S007 says the element is given twice); the earlier is said
    at its key when it falls under another regime."""
    path = _facts(tmp_path, "twice.json", {"issued": earlier[0], key: later[0]})
    report = validate(path)
    split = (earlier[1] >= REGULATION_FROM) != (later[1] >= REGULATION_FROM)
    said = [(f.location.pointer, f.value) for f in report.findings if f.code == "GC-S014"]
    assert said == ([("/catalog/issued", earlier[1].isoformat())] if split else [])
    if split:
        [finding] = [f for f in report.findings if f.code == "GC-S014"]
        assert f"与 /catalog/{key} 所填的 {later[1].isoformat()} 不一致" in finding.message_zh
    once = _facts(tmp_path, "once.json", {key: later[0]})
    assert load_catalog_judged(path).regime.day == later[1]
    assert load_catalog(path) == load_catalog(once)

    def rest(of: Report) -> set[tuple[str, str | None, str]]:  # but what the earlier key gets
        return {
            (f.code, f.location.pointer, f.message_en)
            for f in of.findings
            if f.code not in ("GC-S007", "GC-S014") and f.location.pointer != "/catalog/issued"
        }

    assert rest(report) == rest(validate(once))
