"""Notes and sign-off lines below an item sheet's last 信息项 (本表一式两份。, 单位（盖章）,
填表人： with its name in the next cell) are no 信息项: the workbook reads as the same workbook
without them (the same catalog, no resource named by a row of notes), and they are said once,
as they are below a table of resources (GC-S016, at the first note's cell), in .xlsx and .xls;
inspect says they are not read as 信息项."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from itembook import ITEM_HEADINGS, ITEMS, city, item_book
from notelines import FOOTERS, assert_said_once, notes, notes_said, write_notes
from openpyxl import load_workbook
from plainrows import seen

from govcatalog import load_catalog, validate
from govcatalog.inspection import inspect
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


def _book(path: Path, lines: list[object], blank: int) -> tuple[Path, tuple[int, int] | None]:
    """The resources on their sheet, their 信息项 on the item sheet, and the ``lines`` below
    those after ``blank`` empty rows (as .xlsx, or written again as .xls); the rows of the
    lines."""
    xlsx = item_book(path.with_suffix(".xlsx"), city(2), merge_codes=True)
    rows = None
    if lines:
        wb = load_workbook(xlsx)
        ws = wb[ITEMS]
        first = ws.max_row + 1 + blank
        rows = (first, write_notes(ws, lines, first, len(ITEM_HEADINGS)))  # type: ignore[arg-type]
        wb.save(xlsx)
    if path.suffix == ".xls":
        from xlsbook import as_xls

        return as_xls(xlsx, path), rows
    return xlsx, rows


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), blank=st.integers(0, 2))
def test_notes_below_the_item_sheet_are_no_data_items(
    tmp_path: Path, suffix: str, data: st.DataObject, blank: int
) -> None:
    if suffix == "xls":
        pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the .xls workbooks")
        pytest.importorskip("python_calamine", reason="the xls extra reads them")
    lines = data.draw(st.lists(notes(len(ITEM_HEADINGS)), min_size=1, max_size=5))
    event("footer lines alone" if all(n.cells in FOOTERS for n in lines) else "notes said")
    (tmp_path / "plain").mkdir(exist_ok=True)
    (tmp_path / "noted").mkdir(exist_ok=True)
    plain, _ = _book(tmp_path / "plain" / f"two.{suffix}", [], 0)
    noted, rows = _book(tmp_path / "noted" / f"two.{suffix}", lines, blank)  # type: ignore[arg-type]
    assert rows is not None
    assert load_catalog(noted) == load_catalog(plain)
    report, alone = validate(noted, options=OPTIONS), validate(plain, options=OPTIONS)
    assert notes_said(alone) == []
    assert [f for f in seen(report) if f[0] != "GC-S016"] == seen(alone)
    assert_said_once(notes_said(report), ITEMS, lines, rows)
    (reading,) = [s for s in inspect(noted).sheets if s.sheet == ITEMS]
    assert reading.notes == rows


def test_notes_below_the_item_sheet_are_said_as_such(tmp_path: Path) -> None:
    book = item_book(
        tmp_path / "two.xlsx",
        city(2),
        extra_item_rows=[[], ["本表一式两份。"], ["填表人：", "张三"], ["单位（盖章）"]],
    )
    rows = load_workbook(book)[ITEMS].max_row - 2
    (note,) = notes_said(validate(book, options=OPTIONS))
    assert (note.location.sheet, note.location.cell) == (ITEMS, f"A{rows}")
    assert note.message_en == (
        f'Rows {rows}–{rows + 2} below the table hold notes or sign-off lines ("本表一式两份。"), '
        "not read as data items."
    )
    assert note.message_zh == (
        f"表格末尾第 {rows}–{rows + 2} 行为备注或落款（如“本表一式两份。”），未作为信息项读取。"
    )
    said = inspect(book).to_text()
    assert f"notes below the data in rows {rows}–{rows + 2}, not read as data items" in said
