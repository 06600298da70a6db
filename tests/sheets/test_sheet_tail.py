"""A sheet's last rows with a value, kept while its part streams past for its merged ranges, are
the last rows the reader reads — the notes of one or two values at its end (a 填表说明 and its
lines), however many up to a bound, and the rows above them: however the part is cut into
chunks, below any number of empty formatted rows, with or without row numbers and a namespace
prefix; a row too long to be a footer is left out. An .xls workbook keeps the same rows."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from govcatalog.io.xlsx_parse import open_workbook
from govcatalog.io.xlsx_tail import LAST_ROWS, MAX_ROW_BYTES, NOTE_ROWS, LastRows

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

Kept = tuple[int, list[tuple[str, str | None, str | None, str | None]]]
T = TypeVar("T")


def window(rows: Sequence[T], width: Callable[[T], int], keep: int, notes: int) -> list[T]:
    """What the end of a sheet of ``rows`` keeps: the rows after its last of more than two
    values (``width``), up to ``notes`` of them, and the ``keep`` rows above them."""
    run = 0
    for row in reversed(rows):
        if width(row) > 2:
            break
        run += 1
    return list(rows[max(0, len(rows) - keep - min(run, notes)) :])


def _part(rows: list[str], prefix: str, numbered: bool) -> tuple[bytes, list[Kept]]:
    """A worksheet part of ``rows`` (each: "" for an empty formatted row, "<long>" for a row
    too long to keep, else the texts of its cells, split at "|"), and the rows with a value
    as kept."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{_MAIN}"' if prefix else f'xmlns="{_MAIN}"'
    out = [f"<?xml version='1.0'?>\n<{p}worksheet {xmlns}><{p}dimension ref='A1'/><{p}sheetData>"]
    kept: list[Kept] = []
    for n, text in enumerate(rows, start=1):
        number = f' r="{n}"' if numbered else ""
        if not text:
            ref = f' r="B{n}"' if numbered else ""
            out.append(f'<{p}row{number} spans="1:3"><{p}c{ref} s="1"/></{p}row>')
            continue
        texts = ["x" * (MAX_ROW_BYTES + 10)] if text == "<long>" else text.split("|")
        letters = [letter if numbered else "" for letter in "BCDE"[: len(texts)]]
        refs = [f' r="{letter}{n}"' if letter else "" for letter in letters]
        cells = "".join(
            f'<{p}c{ref} t="inlineStr"><{p}is><{p}t>{body}</{p}t></{p}is></{p}c>'
            for ref, body in zip(refs, texts, strict=True)
        )
        out.append(f"<{p}row{number}>{cells}</{p}row>\n")
        if text != "<long>":
            row = [
                (letter, None, "inlineStr", body)
                for letter, body in zip(letters, texts, strict=True)
            ]
            kept.append((n, row))
    out.append(f"</{p}sheetData><{p}mergeCells count='1'><{p}mergeCell ref='A1:B2'/>")
    out.append(f"</{p}mergeCells><{p}rowBreaks count='1'><{p}brk id='3'/></{p}rowBreaks>")
    out.append(f"</{p}worksheet>")
    return "".join(out).encode(), kept


_ROWS = st.lists(
    st.sampled_from(
        [
            "",
            "",
            "填报日期：2025年9月12日",
            "合计",
            "1.|信息资源名称：按实际情况填写。",
            "企业登记信息|307001/000001|某市市场监督管理局",
            "企业名称|字符型|200|否",
            "<long>",
        ]
    ),
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
    notes=st.integers(0, 8),
    prefix=st.sampled_from(["", "x"]),
    numbered=st.booleans(),
    seed=st.integers(0, 10_000),
)
@example(rows=["填报日期：2025年9月12日"], keep=1, notes=0, prefix="x", numbered=False, seed=9071)
def test_the_last_rows_are_kept_however_the_part_is_cut(
    rows: list[str], keep: int, notes: int, prefix: str, numbered: bool, seed: int
) -> None:
    data, kept = _part(rows, prefix, numbered)
    last = LastRows(keep, notes)
    cut = random.Random(seed)
    at = 0
    while at < len(data):
        size = cut.choice([1, 3, 7, 64, 500, 5000, 1 << 20])
        last.feed(data[at : at + size])
        at += size
    assert last.rows() == window(kept, lambda row: len(row[1]), keep, notes)


def _book(path: Path, rows: list[object], width: list[int]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "目录"
    for n, value in enumerate(rows, start=1):
        if value == "border":
            sheet.cell(n, 2).border = Border(bottom=Side(style="thin"))
        elif value is not None:
            for c in range(width[n % len(width)]):
                sheet.cell(n, 1 + (n + c) % 5, value)
    sheet.merge_cells("A1:C1")
    book.save(path)
    return path


_CELLS = st.lists(
    st.sampled_from([None, "填表人：张三", 18, 2.5, dt.datetime(2025, 9, 12), "□", "border"]),
    max_size=80,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_CELLS, width=st.lists(st.integers(1, 4), min_size=1, max_size=5))
def test_a_workbook_tail_is_what_iter_rows_ends_with(
    tmp_path: Path, rows: list[object], width: list[int]
) -> None:
    """Shared strings, numbers and date cells are read as the rows are; empty bordered rows
    (as templates carry hundreds of) are passed over; rows of one to four values, so that the
    notes at the end are told from the rows above them."""
    with open_workbook(str(_book(tmp_path / "t.xlsx", rows, width)), "t.xlsx") as wb:
        tail = wb.tail("目录")
        every = list(wb.iter_rows("目录"))
        assert tail.rows == window(every, lambda row: len(row[1]), LAST_ROWS, NOTE_ROWS)
        assert tail.merges == wb.merged_ranges("目录")
        assert [(m.min_row, m.min_col, m.max_row, m.max_col) for m in tail.merges] == [(1, 1, 1, 3)]


def test_the_notes_kept_are_bounded(tmp_path: Path) -> None:
    """Below more than :data:`NOTE_ROWS` rows of notes, the rows above them are let go."""
    book = Workbook()
    sheet = book.active
    sheet.title = "目录"
    for n in range(1, 31):
        sheet.append([f"企业登记信息{n}", f"307001/{n:06d}", "某市市场监督管理局"])
    for n in range(NOTE_ROWS + 50):
        sheet.append([f"{n + 1}.信息资源名称：按实际情况填写。"])
    book.save(tmp_path / "t.xlsx")
    with open_workbook(str(tmp_path / "t.xlsx"), "t.xlsx") as wb:
        tail = wb.tail("目录")
    total = 30 + NOTE_ROWS + 50
    assert [n for n, _ in tail.rows] == list(range(total - NOTE_ROWS - LAST_ROWS + 1, total + 1))
