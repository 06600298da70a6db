"""A sheet the workbook hides is read like a visible one, and its resources are said (GC-S013):
those who edit the workbook do not see them, and an old copy kept hidden doubles the catalog.
A hidden item sheet (信息项表) is said too, counting the 信息项 it gives the resources."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itembook import ITEMS, city, item_book
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen
from xlsbook import as_xls

from govcatalog import Report, validate
from govcatalog.loading import load_catalog
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


def _book(path: Path, sheets: list[int], states: list[str], dropdown: str | None) -> list[str]:
    """One sheet per entry of ``sheets`` holding that many resources, in the given states;
    and a sheet of dropdown values in state ``dropdown`` (none when None). The states the
    resource sheets were saved in (a workbook shows at least one sheet: the last is shown
    when all would be hidden)."""
    wb = Workbook()
    wb.remove(wb.active)
    first = 0
    for n, (count, state) in enumerate(zip(sheets, states, strict=True)):
        ws = wb.create_sheet(f"目录{n + 1}")
        ws.append(HEADINGS)
        for i in range(first, first + count):
            ws.append(row(i))
        first += count
        ws.sheet_state = state
    if dropdown is not None:
        ws = wb.create_sheet("下拉选项")
        for value in ("无条件共享", "有条件共享", "不予共享"):
            ws.append([value])
        ws.sheet_state = dropdown
    if all(ws.sheet_state != "visible" for ws in wb.worksheets):
        wb.worksheets[-1].sheet_state = "visible"  # a workbook shows at least one sheet
    wb.active = next(i for i, ws in enumerate(wb.worksheets) if ws.sheet_state == "visible")
    wb.save(path)
    return [ws.sheet_state for ws in wb.worksheets[: len(sheets)]]


STATES = st.sampled_from(["visible", "hidden", "veryHidden"])


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sheets=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    data=st.data(),
    dropdown=st.one_of(st.none(), STATES),
)
def test_a_hidden_sheet_reads_as_a_visible_one_and_is_said(
    tmp_path: Path, sheets: list[int], data: st.DataObject, dropdown: str | None
) -> None:
    states = data.draw(st.lists(STATES, min_size=len(sheets), max_size=len(sheets)))
    shown, hidden = tmp_path / "shown.xlsx", tmp_path / "hidden.xlsx"
    _book(shown, sheets, ["visible"] * len(sheets), dropdown and "visible")
    states = _book(hidden, sheets, states, dropdown)
    assert load_catalog(hidden) == load_catalog(shown)
    report = validate(hidden, options=OPTIONS)
    said = [f for f in report.findings if f.code == "GC-S013"]
    expected = [
        (f"目录{n + 1}", count)
        for n, (count, state) in enumerate(zip(sheets, states, strict=True))
        if state != "visible"
    ]
    assert [(f.location.sheet, f.value) for f in said] == [(s, s) for s, _ in expected]
    for finding, (_, count) in zip(said, expected, strict=True):
        assert finding.severity.value == "warning"
        assert f"{count} 条信息资源" in finding.message_zh
        assert f" {count} resource" in finding.message_en
    rest = [f for f in report.findings if f.code != "GC-S013"]
    assert sorted((f.code, f.location.pointer, f.message_en) for f in rest) == seen(
        validate(shown, options=OPTIONS)
    )


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_dropdown_sheet_is_skipped_as_before(tmp_path: Path, state: str) -> None:
    """A hidden sheet without catalog data is a helper sheet: skipped (GC-S010), not said."""
    path = tmp_path / "b.xlsx"
    _book(path, [2], ["visible"], state)
    codes = [f.code for f in validate(path, options=OPTIONS).findings]
    assert "GC-S013" not in codes
    assert codes.count("GC-S010") == 1


def test_the_message_names_the_sheet_and_counts_its_resources(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    _book(path, [1, 3], ["visible", "hidden"], None)
    (finding,) = [f for f in validate(path, options=OPTIONS).findings if f.code == "GC-S013"]
    assert (
        finding.message_zh == "工作表“目录2”在工作簿中是隐藏的，仍作为目录数据读取：3 条信息资源。"
    )
    assert finding.message_en == (
        'Sheet "目录2" is hidden in the workbook, and read as catalog data: 3 resources.'
    )
    assert finding.location.sheet == "目录2"


def _all(report: Report) -> list[tuple[object, ...]]:
    return sorted(
        (f.code, f.location.pointer, f.location.sheet, f.location.cell, f.message_en)
        for f in report.findings
    )


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    count=st.integers(1, 3),
    orphan=st.booleans(),
    state=st.sampled_from(["hidden", "veryHidden"]),
    dropdown=st.one_of(st.none(), STATES),
    suffix=st.sampled_from([".xlsx", ".xls"]),
)
def test_a_hidden_item_sheet_is_said_once_and_changes_nothing_else(
    tmp_path: Path, count: int, orphan: bool, state: str, dropdown: str | None, suffix: str
) -> None:
    """Hiding the item sheet adds one GC-S013 at it, counting the 信息项 joined onto resources
    (not those of a row of no resource, said as GC-S011 either way); a hidden dropdown sheet
    beside it is skipped as before."""
    source = city(count)
    extra = [["309999/000001", "不存在的资源", "某信息项", "字符型", 10, "否"]] if orphan else []
    shown = item_book(tmp_path / "shown.xlsx", source, extra_item_rows=extra, dropdown=dropdown)
    hidden = item_book(
        tmp_path / "hidden.xlsx", source, extra_item_rows=extra, item_state=state, dropdown=dropdown
    )
    if suffix == ".xls":
        shown, hidden = as_xls(shown, tmp_path / "shown.xls"), as_xls(hidden, tmp_path / "h.xls")
    assert load_catalog(hidden) == load_catalog(shown)
    before, after = validate(shown, options=OPTIONS), validate(hidden, options=OPTIONS)
    (said,) = [f for f in after.findings if f.code == "GC-S013"]
    joined = sum(len(r["items"]) for r in source)
    assert (said.location.sheet, said.value, said.severity.value) == (ITEMS, ITEMS, "warning")
    assert said.message_zh == (
        f"工作表“{ITEMS}”在工作簿中是隐藏的，仍作为目录数据读取：{joined} 个信息项。"
    )
    assert said.message_en == (
        f'Sheet "{ITEMS}" is hidden in the workbook, and read as catalog data: {joined} data items.'
    )
    assert [f for f in _all(after) if f[0] != "GC-S013"] == _all(before)
