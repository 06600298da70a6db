"""The notes and sign-off lines departments write below a table, drawn for the tests that put
them below a table of resources or of 信息项, and what the validator says of them."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govcatalog.report import Finding, Report

LINES: list[tuple[object, ...]] = [
    ("本表一式两份。",),
    ("以上信息资源由本单位负责维护，如有变更及时报送。",),
    ("备注：涉及国家秘密的不予填报",),
    ("填表人：张三    联系电话：0851-1234567    审核人：李四",),
    ("单位（盖章）",),
    ("本目录所列信息资源均已经本单位保密审查",),
    ("各单位应于每年6月底前更新目录，逾期未更新的视为无变化",),
    ("注：1、信息资源代码由系统生成；2、带*号的为必填项。",),
    ("说明：共享条件须写明法律、行政法规依据。",),
    ("统计截止日期：2025年6月30日",),
    ("审核意见：同意报送",),
    ("以下空白",),
    ("填报单位（盖章）：某市市场监督管理局",),
    ("此表由各部门于每季度末报送",),
    ("填表人：", "张三"),
    ("联系电话：", 8511234567),
    ("单位（盖章）", "审核人：李四"),
    ("填表人：张三", "审核人：李四", "联系电话：0851-1234567"),
    ("负责人（签字）：", "日期："),
    ("填表人：", "张三", "联系电话：", "0851-1234567"),
]
"""The lines below a table as departments write them: a cell each, or a label and its value."""

FOOTERS: frozenset[tuple[object, ...]] = frozenset(
    {
        ("备注：涉及国家秘密的不予填报",),
        ("填表人：张三    联系电话：0851-1234567    审核人：李四",),
        ("注：1、信息资源代码由系统生成；2、带*号的为必填项。",),
        ("说明：共享条件须写明法律、行政法规依据。",),
        ("审核意见：同意报送",),
        ("填报单位（盖章）：某市市场监督管理局",),
        ("填表人：张三", "审核人：李四", "联系电话：0851-1234567"),
        ("负责人（签字）：", "日期："),
    }
)
"""The lines that are a form's lines wherever they are (each cell a label with its colon and
its value, or a note's label): no resource above the notes either, so nothing is said of
them. The others are notes by where they are, at the end of the table, and are said."""


@dataclass(frozen=True)
class Note:
    """A line below the table: its cells from ``column``, ``gap`` columns apart, merged from
    the first to the last column of the table when ``merged`` (a one-cell line)."""

    cells: tuple[object, ...]
    column: int
    gap: int
    merged: bool


@st.composite
def notes(draw: st.DrawFn, width: int) -> Note:
    cells = draw(st.sampled_from(LINES))
    gap = draw(st.integers(1, max(1, min(4, (width - 1) // max(1, len(cells) - 1)))))
    column = draw(st.integers(1, width - gap * (len(cells) - 1)))
    merged = len(cells) == 1 and draw(st.booleans())
    return Note(cells, 1 if merged else column, gap, merged)


def write_notes(ws: Worksheet, lines: list[Note], row: int, width: int) -> int:
    """Write the ``lines`` from ``row`` on (an empty row before each odd one), merging those
    that are merged across the ``width`` of the table; the last row written."""
    r = row
    for n, note in enumerate(lines):
        r += n % 2
        for k, value in enumerate(note.cells):
            ws.cell(r, note.column + k * note.gap, value)
        if note.merged:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    return r - 1


def notes_said(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.code == "GC-S016"]


def assert_said_once(
    without: list[Finding], sheet: str, lines: list[Note], rows: tuple[int, int]
) -> None:
    """The notes ``lines`` in ``rows`` of ``sheet`` are said once (``without``: the findings
    beyond those of the table alone), at the first line's first cell, quoting it; not at all
    when every line is a form's line, said nowhere."""
    if all(note.cells in FOOTERS for note in lines):
        assert without == []
        return
    (said,) = without
    first = lines[0]
    assert said.code == "GC-S016"
    assert (said.location.sheet, said.location.cell, said.location.pointer) == (
        sheet,
        f"{get_column_letter(first.column)}{rows[0]}",
        "",
    )
    span = f"{rows[0]}" if rows[0] == rows[1] else f"{rows[0]}–{rows[1]}"
    assert f"第 {span} 行" in said.message_zh
    assert str(first.cells[0])[:10] in said.message_zh
