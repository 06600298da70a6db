"""Notes and sign-off lines below a table's last resource — 本表一式两份。, 单位（盖章）, a sentence
merged across the table, 填表人： with its name in the next cell — written in any column, are no
resources: the workbook reads as the same table without them (the same catalog, the same
findings), in .xlsx, .xls and CSV, and says where they are. A real resource at the end, however
incomplete, is read as one; so is a row like a note with a resource below it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import load_catalog, validate
from govcatalog.inspection import inspect
from govcatalog.io.tail_notes import note_text
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)

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
    gap = draw(st.integers(1, 4))
    column = draw(st.integers(1, width - gap * (len(cells) - 1)))
    merged = len(cells) == 1 and draw(st.booleans())
    return Note(cells, 1 if merged else column, gap, merged)


@dataclass(frozen=True)
class Table:
    """The plain table: a 序号 column or none, and the last resource's 信息项 on rows of their
    own below it, its resource cells merged over them (in .xlsx)."""

    numbered: bool
    items: int

    @property
    def headings(self) -> list[str]:
        return (["序号"] if self.numbered else []) + HEADINGS

    def rows(self) -> list[list[object]]:
        width = len(self.headings)
        return [
            self.headings,
            *(([i + 1] if self.numbered else []) + row(i) for i in range(5)),
            # the last resource's next 信息项: its name alone
            *([None] * (width - 1) + [f"信息项{k}"] for k in range(self.items)),
        ]


def _write(path: Path, table: Table, lines: list[Note], blank: int) -> Path:
    """The table, then ``blank`` empty rows and the ``lines`` (with an empty row each before
    the odd ones), as .xlsx or as CSV."""
    book = Workbook()
    ws = book.active
    ws.title = "目录"
    for values in table.rows():
        ws.append(values)
    width = len(table.headings)
    last = ws.max_row
    if table.items:
        for c in range(1, width):
            ws.merge_cells(start_row=last - table.items, start_column=c, end_row=last, end_column=c)
    r = last + 1 + blank
    for n, note in enumerate(lines):
        r += n % 2
        for k, value in enumerate(note.cells):
            ws.cell(r, note.column + k * note.gap, value)
        if note.merged:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            for values in ws.iter_rows(values_only=True):
                out.writerow(["" if v is None else v for v in values])
        return path
    book.save(path.with_suffix(".xlsx"))
    if path.suffix == ".xls":
        from xlsbook import as_xls

        return as_xls(path.with_suffix(".xlsx"), path)
    return path


def _same_table(tmp_path: Path, suffix: str, table: Table, lines: list[Note], blank: int) -> None:
    """The table with the ``lines`` below it reads as the table alone (in folders of their own:
    a CSV file's sheet is named after the file)."""
    (tmp_path / "plain").mkdir(exist_ok=True)
    (tmp_path / "noted").mkdir(exist_ok=True)
    plain = _write(tmp_path / "plain" / f"目录.{suffix}", table, [], 0)
    noted = _write(tmp_path / "noted" / f"目录.{suffix}", table, lines, blank)
    assert load_catalog(noted) == load_catalog(plain)
    assert seen(validate(noted, options=OPTIONS)) == seen(validate(plain, options=OPTIONS))
    first = len(table.rows()) + 1 + blank
    last = first + len(lines) - 1 + len(lines) // 2
    (reading,) = inspect(noted).sheets
    assert reading.notes == (first, last)


FORMATS = ["xlsx", "csv", "xls"]


@pytest.mark.parametrize("suffix", FORMATS)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), numbered=st.booleans(), items=st.integers(0, 2), blank=st.integers(0, 2))
def test_notes_below_the_table_are_no_resources(
    tmp_path: Path, suffix: str, data: st.DataObject, numbered: bool, items: int, blank: int
) -> None:
    if suffix == "xls":
        pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the .xls workbooks")
        pytest.importorskip("python_calamine", reason="the xls extra reads them")
    table = Table(numbered, items)
    lines = data.draw(st.lists(notes(len(table.headings)), min_size=1, max_size=6))
    event("a note in a key column" if any(n.column <= 3 for n in lines) else "other columns")
    event("a line merged across the table" if any(n.merged for n in lines) else "no merge")
    event(f"lines of up to {max(len(n.cells) for n in lines)} cells")
    _same_table(tmp_path, suffix, table, lines, blank)


def _last_rows(path: Path, last: list[object], below: list[list[object]]) -> Path:
    """The plain table, a ``last`` row, and the rows ``below`` it."""
    book = Workbook()
    ws = book.active
    ws.title = "目录"
    ws.append(HEADINGS)
    for i in range(5):
        ws.append(row(i))
    ws.append(last)
    for values in below:
        ws.append(values)
    book.save(path)
    return path


NOTES = [["本表一式两份。"], ["单位（盖章）"], ["以上信息资源由本单位负责维护，如有变更及时报送。"]]


@pytest.mark.parametrize(
    ("last", "name", "code"),
    [
        (["企业变更信息", "307001/000006"], "企业变更信息", "307001/000006"),
        (["企业变更信息"], "企业变更信息", None),
        ([None, "307001/000006"], None, "307001/000006"),
        (["企业变更信息", None, "某市市场监督管理局"], "企业变更信息", None),
    ],
)
def test_an_incomplete_resource_above_notes_is_a_resource(
    tmp_path: Path, last: list[object], name: str | None, code: str | None
) -> None:
    path = _last_rows(tmp_path / "t.xlsx", last, NOTES)
    catalog = load_catalog(path)
    assert len(catalog.resources) == 6
    assert (catalog.resources[5].name, catalog.resources[5].code) == (name, code)
    missing = {
        f.location.pointer
        for f in validate(path, options=OPTIONS).findings
        if f.code == "GC-F001" and f.location.pointer.startswith("/resources/5/")
    }
    assert "/resources/5/abstract" in missing
    said = inspect(path)
    assert said.sheets[0].notes == (8, 10)
    assert "notes below the data in rows 8–10, not read as resources" in said.to_text()
    (sheet,) = said.to_dict()["sheets"]  # type: ignore[misc]
    assert sheet["notes"] == [8, 10]


def test_a_line_like_a_note_with_a_resource_below_is_read_as_before(tmp_path: Path) -> None:
    """Only the lines that end the table are its notes: one with a resource below it is a row
    of the table, as it always was."""
    path = _last_rows(tmp_path / "t.xlsx", ["本表一式两份。"], [row(5)])
    catalog = load_catalog(path)
    assert [r.name for r in catalog.resources][5:] == ["本表一式两份。", "登记信息5"]
    assert inspect(path).sheets[0].notes is None


@pytest.mark.parametrize("text", [c for line in LINES for c in line[:1]])
def test_note_lines(text: str) -> None:
    assert note_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "企业登记信息",
        "307001/000001",
        "某市市场监督管理局",
        "法人单位基础信息（含企业、事业单位、社会组织）",
        "注册资本信息",  # 注 starting a name, no note's colon
        "说明书备案信息",
        "联系人信息",
        "市场监管：企业登记信息",  # a label that is no form's
        "信息资源名称：企业登记信息",
        "无条件共享",
        "2024-03-01",
    ],
)
def test_values_are_no_notes(text: str) -> None:
    assert not note_text(text, frozenset({"信息资源名称"}))
