"""A sheet's last rows with a value, kept while its part streams past for its merged ranges, are
the last rows the reader reads: however the part is cut into chunks, below any number of empty
formatted rows, with or without row numbers and a namespace prefix; a row too long to be a
footer is left out."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from govcatalog.io.xlsx_parse import open_workbook
from govcatalog.io.xlsx_tail import LAST_ROWS, MAX_ROW_BYTES, LastRows

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

Kept = tuple[int, list[tuple[str, str | None, str | None, str | None]]]


def _part(rows: list[str], prefix: str, numbered: bool) -> tuple[bytes, list[Kept]]:
    """A worksheet part of ``rows`` (each: "" for an empty formatted row, "<long>" for a row
    too long to keep, else the text of its one cell), and the rows with a value as kept."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{_MAIN}"' if prefix else f'xmlns="{_MAIN}"'
    out = [f"<?xml version='1.0'?>\n<{p}worksheet {xmlns}><{p}dimension ref='A1'/><{p}sheetData>"]
    kept: list[Kept] = []
    for n, text in enumerate(rows, start=1):
        number = f' r="{n}"' if numbered else ""
        ref = f' r="B{n}"' if numbered else ""
        if not text:
            out.append(f'<{p}row{number} spans="1:3"><{p}c{ref} s="1"/></{p}row>')
            continue
        body = "x" * (MAX_ROW_BYTES + 10) if text == "<long>" else text
        cell = f'<{p}c{ref} t="inlineStr"><{p}is><{p}t>{body}</{p}t></{p}is></{p}c>'
        out.append(f"<{p}row{number}>{cell}</{p}row>\n")
        if text != "<long>":
            kept.append((n, [("B" if numbered else "", None, "inlineStr", text)]))
    out.append(f"</{p}sheetData><{p}mergeCells count='1'><{p}mergeCell ref='A1:B2'/>")
    out.append(f"</{p}mergeCells><{p}rowBreaks count='1'><{p}brk id='3'/></{p}rowBreaks>")
    out.append(f"</{p}worksheet>")
    return "".join(out).encode(), kept


_ROWS = st.lists(
    st.sampled_from(["", "", "填报日期：2025年9月12日", "合计", "企业登记信息", "<long>"]),
    max_size=60,
)


def test_a_row_tag_cut_at_any_byte_is_counted_once() -> None:
    """Rows written without their number are counted as they start; a part cut in two at any
    byte, a row's tag whole at the end of the first piece included, counts each row once."""
    data, kept = _part(["企业登记信息", "", "填报日期：2025年9月12日"], "x", numbered=False)
    for at in range(len(data) + 1):
        last = LastRows(2)
        last.feed(data[:at])
        last.feed(data[at:])
        assert last.rows() == kept[-2:], at


@given(
    rows=_ROWS,
    keep=st.integers(1, 6),
    prefix=st.sampled_from(["", "x"]),
    numbered=st.booleans(),
    seed=st.integers(0, 10_000),
)
@example(rows=["填报日期：2025年9月12日"], keep=1, prefix="x", numbered=False, seed=9071)
def test_the_last_rows_are_kept_however_the_part_is_cut(
    rows: list[str], keep: int, prefix: str, numbered: bool, seed: int
) -> None:
    data, kept = _part(rows, prefix, numbered)
    last = LastRows(keep)
    cut = random.Random(seed)
    at = 0
    while at < len(data):
        size = cut.choice([1, 3, 7, 64, 500, 5000, 1 << 20])
        last.feed(data[at : at + size])
        at += size
    assert last.rows() == kept[-keep:] if kept else last.rows() == []


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.sampled_from([None, "填表人：张三", 18, 2.5, dt.datetime(2025, 9, 12), "□", "border"]),
        max_size=80,
    )
)
def test_a_workbook_tail_is_what_iter_rows_ends_with(tmp_path: Path, rows: list[object]) -> None:
    """Shared strings, numbers and date cells are read as the rows are; empty bordered rows
    (as templates carry hundreds of) are passed over."""
    book = Workbook()
    sheet = book.active
    sheet.title = "目录"
    for n, value in enumerate(rows, start=1):
        if value == "border":
            sheet.cell(n, 2).border = Border(bottom=Side(style="thin"))
        elif value is not None:
            sheet.cell(n, 1 + n % 3, value)
    sheet.merge_cells("A1:C1")
    book.save(tmp_path / "t.xlsx")
    with open_workbook(str(tmp_path / "t.xlsx"), "t.xlsx") as wb:
        tail = wb.tail("目录")
        assert tail.rows == list(wb.iter_rows("目录"))[-LAST_ROWS:]
        assert tail.merges == wb.merged_ranges("目录")
        assert [(m.min_row, m.min_col, m.max_row, m.max_col) for m in tail.merges] == [(1, 1, 1, 3)]
