"""A duplicate in a workbook is named where an editor finds it: the sheet and cell of the other
copies, cells that exist and hold the duplicated code or name, whatever the layout (several
sheets, a title above the headings, columns in any order, a resource over several item rows
repeated, left blank or merged)."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from plainrows import HEADINGS, row

from govcatalog import validate, validate_many
from govcatalog.report import Finding, Report
from tests.helpers import resource, write_catalog

CATALOG_WIDE = ("GC-R008", "GC-C003")
SHEETS = ["目录", "补充目录", "市场监管局"]
CODES = ["307001/000001", "307001/000002", "307001/000003"]
NAMES = ["企业登记信息", "行政处罚信息"]
PROVIDER = row(0)[HEADINGS.index("信息资源提供方")]
_PLACE = re.compile(r"([^\s、，,（(]+)!([A-Z]+[0-9]+)")
_MORE = re.compile(r"另有 (\d+) 处|and (\d+) more")


@dataclass(frozen=True)
class Entry:
    """One resource of the workbook: its code, name and how many item rows it spans."""

    code: str
    name: str
    items: int


entries = st.builds(
    Entry, st.sampled_from(CODES), st.sampled_from(NAMES), st.integers(min_value=1, max_value=3)
)
# two resources next to each other on a sheet have two codes: the same code on the next rows
# would be the same resource's item rows
sheet_entries = st.lists(entries, min_size=1, max_size=4).filter(
    lambda es: all(a.code != b.code for a, b in pairwise(es))
)


@dataclass(frozen=True)
class Layout:
    sheets: list[list[Entry]]
    titles: list[int]  # rows above the headings, a sheet each
    orders: list[list[int]]  # the order of the columns, a sheet each
    rest: str  # the resource's cells on its item rows after the first: repeat, blank, merge


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    sheets = draw(st.lists(sheet_entries, min_size=1, max_size=len(SHEETS)))
    width = len(HEADINGS)
    return Layout(
        sheets,
        [draw(st.integers(min_value=0, max_value=2)) for _ in sheets],
        [draw(st.permutations(range(width))) for _ in sheets],
        draw(st.sampled_from(["repeat", "blank", "merge"])),
    )


def _write(layout: Layout, path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    n = 0
    item_col = HEADINGS.index("信息项名称")
    for sheet, (entries_, title, order) in enumerate(
        zip(layout.sheets, layout.titles, layout.orders, strict=True)
    ):
        ws = wb.create_sheet(SHEETS[sheet])
        for t in range(title):
            ws.cell(t + 1, 1, "某市政务信息资源目录" if t == 0 else "填报单位：某市市场监督管理局")
        ws.append([HEADINGS[c] for c in order])
        for entry in entries_:
            values = row(n)
            values[HEADINGS.index("信息资源代码")] = entry.code
            values[HEADINGS.index("信息资源名称")] = entry.name
            first = ws.max_row + 1
            for k in range(entry.items):
                cells = list(values) if k == 0 or layout.rest == "repeat" else [None] * len(values)
                cells[item_col] = f"信息项{k}"
                ws.append([cells[c] for c in order])
            if layout.rest == "merge" and entry.items > 1:
                for at, c in enumerate(order, start=1):
                    if c != item_col:
                        ws.merge_cells(
                            start_row=first, start_column=at, end_row=ws.max_row, end_column=at
                        )
            n += 1
    wb.save(path)
    return path


def _plain(layout: Layout, path: Path) -> Path:
    """The same resources as a plain JSON catalog."""
    return write_catalog(
        path,
        *(
            resource(code=e.code, name=e.name, provider=PROVIDER)
            for sheet in layout.sheets
            for e in sheet
        ),
    )


def _named(f: Finding) -> tuple[list[tuple[str, str]], int]:
    """The (sheet, cell) places a finding's message names, the same in both languages, and how
    many more it counts."""
    zh, en = _PLACE.findall(f.message_zh), _PLACE.findall(f.message_en)
    assert zh == en, (f.message_zh, f.message_en)
    more = [int(a or b) for a, b in _MORE.findall(f.message_zh + f.message_en)]
    assert len(set(more)) <= 1
    return zh, more[0] if more else 0


def _check(report: Report, path: Path) -> None:
    book = load_workbook(path)
    wide = [f for f in report if f.code in CATALOG_WIDE]
    here = Counter((f.code, f.value, f.location.sheet, f.location.cell) for f in wide)
    assert all(n == 1 for n in here.values())
    for f in wide:
        places, more = _named(f)
        assert places, f.message_zh
        twins = [g for g in wide if g.code == f.code and g.value == f.value and g is not f]
        assert len(places) + more == len(twins)
        for sheet, cell in places:
            assert sheet in book.sheetnames, (sheet, f.message_zh)
            assert book[sheet][cell].value == f.value, (sheet, cell, f.message_zh)
            # the place named is where the other copy's own finding is
            assert (f.code, f.value, sheet, cell) in here


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(layouts())
def test_every_catalog_wide_finding_names_cells_that_hold_the_duplicate(layout: Layout) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(layout, Path(tmp) / "目录.xlsx")
        report = validate(path).with_codes(CATALOG_WIDE)
        _check(report, path)
        # the same catalog written plainly finds the same duplicates, as many times
        plain = validate(_plain(layout, Path(tmp) / "plain.json")).with_codes(CATALOG_WIDE)
        assert Counter((f.code, f.value) for f in report) == Counter(
            (f.code, f.value) for f in plain
        )


def test_a_duplicate_in_another_file_is_named_with_the_file_and_cell(tmp_path: Path) -> None:
    layout = Layout(
        [[Entry(CODES[0], NAMES[0], 2), Entry(CODES[1], NAMES[1], 1)]],
        [1],
        [list(range(13))],
        "merge",
    )
    book = _write(layout, tmp_path / "甲.xlsx")
    other = write_catalog(
        tmp_path / "乙.json", resource(code=CODES[0], name="另一名称", provider=PROVIDER)
    )
    report = validate_many([book, other], one_catalog=True).report.with_codes(["GC-R008"])
    there = {f.location.file: f for f in report}
    assert set(there) == {str(book), str(other)}
    in_book, in_json = there[str(book)], there[str(other)]
    # from the JSON file: the workbook and its cell; from the workbook: the file and its line
    assert f"另见 {book} {in_book.location.sheet}!{in_book.location.cell}）" in in_json.message_zh
    assert f"also at {other} line {in_json.location.line} " in in_book.message_en
    assert load_workbook(book)[in_book.location.sheet][in_book.location.cell].value == CODES[0]
