"""A row the workbook hides (an old or withdrawn resource, hidden rather than deleted) is read
like a shown one, and said once for its sheet, naming the rows (GC-S018): those who edit the
workbook do not see it. Before, it was read without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row

from govcatalog import Report, load_catalog, validate
from govcatalog.io.xlsx_parse import open_workbook
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


def _book(path: Path, sheets: list[int], hidden: list[set[int]], *, title: bool = False) -> Path:
    """One sheet per entry of ``sheets`` holding that many resources (the plain table, under a
    title when ``title``), the ``hidden`` rows of each hidden (offsets into its data), and a
    hidden row above the headings and one below the data on each."""
    wb = Workbook()
    wb.remove(wb.active)
    first = 0
    for n, count in enumerate(sheets):
        ws = wb.create_sheet(f"目录{n + 1}")
        top = 1
        if title:
            ws.append(["某市政务信息资源目录"])
            ws.row_dimensions[1].hidden = True  # above the headings: no data, not said
            top = 2
        ws.append(HEADINGS)
        for i in range(first, first + count):
            ws.append(row(i))
        first += count
        for offset in hidden[n]:
            ws.row_dimensions[top + 1 + offset].hidden = True
        ws.row_dimensions[top + count + 3].hidden = True  # an empty row hidden: not said
    wb.save(path)
    return path


def _said(report: Report) -> list[tuple[str | None, str | None, str]]:
    return [
        (f.location.sheet, f.location.cell, f.message_zh)
        for f in report.findings
        if f.code == "GC-S018"
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sheets=st.lists(st.integers(1, 6), min_size=1, max_size=3),
    title=st.booleans(),
    data=st.data(),
)
def test_hidden_rows_read_as_shown_ones_and_are_said_once_a_sheet(
    tmp_path: Path, sheets: list[int], title: bool, data: st.DataObject
) -> None:
    hidden = [data.draw(st.sets(st.integers(0, count - 1))) for count in sheets]
    shown = _book(tmp_path / "shown.xlsx", sheets, [set()] * len(sheets), title=title)
    hiding = _book(tmp_path / "hidden.xlsx", sheets, hidden, title=title)
    assert load_catalog(hiding) == load_catalog(shown)
    report = validate(hiding, options=OPTIONS)
    assert _others(report) == _others(validate(shown, options=OPTIONS))
    said = [f for f in report.findings if f.code == "GC-S018"]
    top = 2 if title else 1
    expected = [(f"目录{n + 1}", rows) for n, rows in enumerate(hidden) if rows]
    assert [f.location.sheet for f in said] == [s for s, _ in expected]
    for finding, (_, rows) in zip(said, expected, strict=True):
        numbers = sorted(top + 1 + r for r in rows)
        assert finding.severity.value == "warning"
        assert finding.location.cell == f"A{numbers[0]}"
        named = finding.message_zh.split("第 ")[1].split(" 行")[0]
        assert _numbers(named) == numbers


def _others(report: Report) -> list[tuple[object, ...]]:
    """Every finding but GC-S018, where it is and what it says."""
    return sorted(
        (f.code, f.location.pointer, f.location.sheet, f.location.cell, f.message_en)
        for f in report.findings
        if f.code != "GC-S018"
    )


def _numbers(named: str) -> list[int]:
    """The row numbers a message names (3–5、8)."""
    out: list[int] = []
    for part in named.split("、"):
        first, _, last = part.partition("–")
        out.extend(range(int(first), int(last or first) + 1))
    return out


def test_the_message_names_the_rows(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx", [8], [{1, 2, 3, 6}])
    assert _said(validate(path, options=OPTIONS)) == [
        ("目录1", "A3", "工作表“目录1”第 3–5、8 行在工作簿中是隐藏的，仍作为目录数据读取。")
    ]
    one = _book(tmp_path / "c.xlsx", [2], [{1}])
    (finding,) = [f for f in validate(one, options=OPTIONS).findings if f.code == "GC-S018"]
    assert (
        finding.message_en
        == 'Row 3 of sheet "目录1" is hidden in the workbook, and read as catalog data.'
    )


@pytest.mark.parametrize("fast", [True, False])
def test_both_scans_know_the_hidden_rows(tmp_path: Path, fast: bool) -> None:
    path = _book(tmp_path / "b.xlsx", [4], [{0, 2}], title=True)
    with open_workbook(str(path), path.name) as wb:
        wb.fast_scan = fast
        rows = [n for n, _ in wb.iter_rows("目录1")]
        assert rows == [1, 2, 3, 4, 5, 6]
        assert wb.hidden_rows("目录1") == {1, 3, 5, 9}
