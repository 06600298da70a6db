"""Notes and sign-off lines below a table's last resource — 本表一式两份。, 单位（盖章）, a sentence
merged across the table, 填表人： with its name in the next cell — written in any column, are no
resources: the workbook reads as the same table without them (the same catalog, the same
findings but one), in .xlsx, .xls and CSV, and says where they are: in inspect, and once in the
report (GC-S016, at the first note's cell), so that a resource taken for a note is never lost
without a word. A real resource at the end, however incomplete, is read as one; so is a row
like a note with a resource below it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from notelines import FOOTERS, LINES, Note, assert_said_once, notes, notes_said, write_notes
from openpyxl import Workbook, load_workbook
from plainrows import HEADINGS, row, seen

from govcatalog import load_catalog, validate
from govcatalog.inspection import inspect
from govcatalog.io.tail_notes import note_text
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


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
    write_notes(ws, lines, last + 1 + blank, width)
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
    first = len(table.rows()) + 1 + blank
    last = first + len(lines) - 1 + len(lines) // 2
    report, alone = validate(noted, options=OPTIONS), validate(plain, options=OPTIONS)
    assert notes_said(alone) == []
    assert [f for f in seen(report) if f[0] != "GC-S016"] == seen(alone)
    assert_said_once(notes_said(report), "目录", lines, (first, last))
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
    event("footer lines alone" if all(n.cells in FOOTERS for n in lines) else "notes said")
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
    report = validate(path, options=OPTIONS)
    missing = {
        f.location.pointer
        for f in report.findings
        if f.code == "GC-F001" and f.location.pointer.startswith("/resources/5/")
    }
    assert "/resources/5/abstract" in missing
    (note,) = notes_said(report)
    assert (note.location.sheet, note.location.cell, note.value) == ("目录", "A8", "本表一式两份。")
    assert note.message_en == (
        'Rows 8–10 below the table hold notes or sign-off lines ("本表一式两份。"), '
        "not read as resources."
    )
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
    assert notes_said(validate(path, options=OPTIONS)) == []


def test_footer_lines_alone_are_said_nowhere(tmp_path: Path) -> None:
    """Labelled lines of the form (填表人：张三, 备注：…) are no resource wherever they are, in the
    table or below it: ending it, they are its notes (in inspect), and the report says nothing
    of them, as it says nothing of them inside the table."""
    footer = [["填表人：张三    联系电话：0851-1234567"], ["备注：涉及国家秘密的不予填报"]]
    path = _last_rows(tmp_path / "t.xlsx", row(5), footer)
    assert inspect(path).sheets[0].notes == (8, 9)
    assert notes_said(validate(path, options=OPTIONS)) == []
    then = _last_rows(tmp_path / "then.xlsx", row(5), [*footer, ["以下空白"]])
    (note,) = notes_said(validate(then, options=OPTIONS))
    assert note.location.cell == "A8"
    assert "第 8–10 行" in note.message_zh


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


def test_notes_of_a_sheet_that_gave_no_data_are_said_otherwise(tmp_path: Path) -> None:
    """Below headings alone, notes are no finding of their own: the empty template beside the
    data is skipped and said (GC-S010), a CSV file of notes alone is an empty catalog (GC-S006)."""
    path = _last_rows(tmp_path / "t.xlsx", row(5), [])
    book = load_workbook(path)
    template = book.create_sheet("模板")
    for values in (HEADINGS, [], *NOTES):
        template.append(values)
    book.save(path)
    codes = {f.code for f in validate(path, options=OPTIONS).findings}
    assert "GC-S010" in codes
    assert "GC-S016" not in codes
    csv_file = tmp_path / "目录.csv"
    csv_file.write_text(",".join(HEADINGS) + "\n\n本表一式两份。\n单位（盖章）\n", encoding="utf-8")
    codes = {f.code for f in validate(csv_file, options=OPTIONS).findings}
    assert "GC-S006" in codes
    assert "GC-S016" not in codes
