"""A row numbering the columns below their headings (栏号: 1 2 3 …, （1）（2）…, A B C …), as
many departments' forms print it, is part of the headings: the workbook reads as it does
without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import validate
from govcatalog.io.sheet_layout import is_numbering
from govcatalog.loading import load_catalog
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FORMS = {
    "int": lambda n: n,
    "text": str,
    "float": float,
    "bracket": lambda n: f"（{n}）",
    "circled": lambda n: CIRCLED[n - 1],
    "letter": lambda n: chr(ord("A") + n - 1),
    "栏": lambda n: f"第{n}栏",
}


def _book(
    path: Path, rows: int, numbers: str | None, serial: bool, first: int, page: int | None
) -> Path:
    """The plain table; with ``numbers``, a row numbering its columns in that form below the
    headings (and below them again on every page of ``page`` rows), from column ``first`` on;
    with ``serial``, a 序号 column before the others (numbered too)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    lead = ["序号"] if serial else []

    def headings() -> None:
        ws.append(lead + HEADINGS)
        if numbers is not None:
            width = len(lead) + len(HEADINGS)
            ws.append([None] * first + [FORMS[numbers](n) for n in range(1, width - first + 1)])

    headings()
    for i in range(rows):
        if page is not None and i and i % page == 0:
            headings()
        ws.append(([i + 1] if serial else []) + row(i))
    wb.save(path)
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.integers(1, 6),
    numbers=st.sampled_from(sorted(FORMS)),
    serial=st.booleans(),
    first=st.integers(0, 2),
    page=st.none() | st.integers(1, 3),
)
def test_a_row_numbering_the_columns_is_no_resource(
    tmp_path: Path, rows: int, numbers: str, serial: bool, first: int, page: int | None
) -> None:
    plain = _book(tmp_path / "plain.xlsx", rows, None, serial, 0, None)
    numbered = _book(tmp_path / "numbered.xlsx", rows, numbers, serial, first, page)
    assert load_catalog(numbered) == load_catalog(plain)
    assert seen(validate(numbered, options=OPTIONS)) == seen(validate(plain, options=OPTIONS))


def test_the_data_starts_below_the_numbers(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx", 2, "int", False, 0, None)
    report = validate(path, options=OPTIONS)
    rows = {
        int(f.location.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        for f in report.findings
        if f.location.cell and (f.location.pointer or "").startswith("/resources/")
    }
    assert report.stats.resources == 2
    assert rows == {3, 4}  # the two resources below the headings and their numbers


@pytest.mark.parametrize(
    "values",
    [
        {1: 1, 2: 2, 3: 3, 4: 4},
        {2: "1", 3: "2", 5: "3"},  # a column left unnumbered
        {1: "（1）", 2: "（2）", 3: "（3）"},
        {1: "A", 2: "B", 3: "C"},
        {1: "①", 2: "②", 3: "③"},
        {1: 1.0, 2: 2.0, 3: 3.0},
    ],
)
def test_numbering_rows(values: dict[int, object]) -> None:
    assert is_numbering(values)


@pytest.mark.parametrize(
    "values",
    [
        {1: 1, 2: 2},  # two cells
        {1: "企业登记信息", 2: 1, 3: 2, 4: 3},  # a name among them: data
        {10: 18, 11: 50, 12: 100},  # lengths rising faster than the columns
        {1: 3, 2: 2, 3: 1},  # falling
        {1: 1, 2: 1, 3: 2},  # a number twice
        {1: "A", 2: 2, 3: 3},  # two kinds
        {1: True, 2: 2, 3: 3},  # a tick box
        {1: "C", 2: "D", 3: "F"},
    ],
)
def test_rows_that_number_no_columns(values: dict[int, object]) -> None:
    assert not is_numbering(values)
