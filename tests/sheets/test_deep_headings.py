"""A table whose heading row is below a long title block, instructions or a department's header
— anywhere down to row 100 — reads as the same table at the top of its sheet: the same
catalog and findings, each at its true row. A row naming fewer elements than a heading row does
is no heading, however low; a heading row below row 100 is not looked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from plainrows import HEADINGS, row
from sheetbook import build_real_layout

from govcatalog import load_catalog, validate
from govcatalog.inspection import inspect
from govcatalog.io.sheet_layout import SCAN_ROWS, START_ROWS
from govcatalog.report import Report

ABOVE: list[object] = [
    "某市政务信息资源目录（2024年版）",
    None,
    "填报单位（盖章）：某市市场监督管理局",
    "联系人：张三    联系电话：0710-1234567",
    "说明：本表由各部门按实际情况填写，所填内容应真实、准确、完整。",
    "1.信息资源名称：按实际情况填写。",
    "2.信息资源代码：由前段码和后段码组成。",
    "3.共享类型：从无条件共享、有条件共享、不予共享中选择。",
    "4.更新周期：如实时、每日、每周、每月等。",
    "一、基本情况",
    "信息资源名称",  # an element's name alone in a row: no heading row
]
"""Lines a sheet may carry above its table's heading row."""


def _where(report: Report, offset: int) -> list[tuple[str, str | None, str, str, int]]:
    """The findings: code, pointer, message, and the cell's column and row less ``offset``."""
    out = []
    for f in report.findings:
        m = re.fullmatch(r"([A-Z]+)(\d+)", f.location.cell or "A0")
        assert m is not None
        out.append((f.code, f.location.pointer, f.message_en, m[1], int(m[2]) - offset))
    return sorted(out)


def _table(path: Path, above: list[object], count: int = 6) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "目录"
    for line in above:
        ws.append([line])
    ws.append(HEADINGS)
    for i in range(count):
        ws.append(row(i))
    book.save(path)
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(above=st.lists(st.sampled_from(ABOVE), max_size=START_ROWS - 1))
def test_a_table_below_any_rows_reads_as_at_the_top(tmp_path: Path, above: list[object]) -> None:
    event("headings in the first rows" if len(above) < SCAN_ROWS else "headings lower")
    plain = _table(tmp_path / "plain.xlsx", [])
    lower = _table(tmp_path / "lower.xlsx", above)
    assert load_catalog(lower) == load_catalog(plain)
    assert _where(validate(lower), len(above)) == _where(validate(plain), 0)
    assert [(s.heading_row, s.first_data_row) for s in inspect(lower).sheets] == [
        (len(above) + 1, len(above) + 2)
    ]


def _shifted(path: Path, rows: int) -> Path:
    """The real layout (a title, group headings merged over their sub-headings, resource cells
    merged over their 信息项) moved down ``rows`` rows, under a department's header."""
    book = load_workbook(build_real_layout(path))
    ws = book.active
    merged = [m.bounds for m in ws.merged_cells.ranges]
    for bounds in merged:
        ws.unmerge_cells(
            start_column=bounds[0], start_row=bounds[1], end_column=bounds[2], end_row=bounds[3]
        )
    ws.insert_rows(1, rows)
    for r in range(1, rows + 1):
        ws.cell(r, 1, ABOVE[r % len(ABOVE)])
    for c1, r1, c2, r2 in merged:
        ws.merge_cells(start_row=r1 + rows, start_column=c1, end_row=r2 + rows, end_column=c2)
    book.save(path)
    return path


@pytest.mark.parametrize("rows", [SCAN_ROWS, 40, START_ROWS - 3])
def test_two_heading_rows_and_merged_cells_lower(tmp_path: Path, rows: int) -> None:
    """The heading rows of the real layout are 2 and 3: moved down to 100 at most."""
    plain = build_real_layout(tmp_path / "plain.xlsx")
    lower = _shifted(tmp_path / "lower.xlsx", rows)
    assert load_catalog(lower) == load_catalog(plain)
    assert _where(validate(lower), rows) == _where(validate(plain), 0)
    (sheet,) = inspect(lower).sheets
    assert (sheet.group_row, sheet.heading_row) == (2 + rows, 3 + rows)


def test_a_csv_file_below_a_header(tmp_path: Path) -> None:
    lines = ["某市政务信息资源目录", *["说明：按实际情况填写。"] * 39]
    cells = [HEADINGS, *(row(i) for i in range(6))]
    body = "\n".join(",".join("" if v is None else str(v) for v in r) for r in cells)
    (tmp_path / "plain").mkdir()
    (tmp_path / "lower").mkdir()
    plain = tmp_path / "plain" / "目录.csv"
    plain.write_text(body, encoding="utf-8")
    lower = tmp_path / "lower" / "目录.csv"
    lower.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    assert load_catalog(lower) == load_catalog(plain)
    assert _where(validate(lower), 40) == _where(validate(plain), 0)


def test_a_heading_row_below_row_100_is_not_looked_for(tmp_path: Path) -> None:
    path = _table(tmp_path / "low.xlsx", ["说明：按实际情况填写。"] * START_ROWS)
    report = validate(path)
    assert [(f.code, f.message_en) for f in report.findings] == [
        (
            "GC-S002",
            'A catalog must be an object listing its resources under "resources" (or '
            '"信息资源"): no heading row (信息资源名称, 信息资源代码 …) in the first '
            f"{START_ROWS} rows of sheet '目录'",
        )
    ]


def test_a_row_of_fewer_elements_is_no_heading(tmp_path: Path) -> None:
    """Rows naming one or two elements — a dictionary's columns — head no table, however low."""
    book = Workbook()
    ws = book.active
    ws.title = "字典"
    for n in range(30):
        ws.append([f"说明{n}"])
    ws.append(["共享类型", "更新周期"])
    for share, cycle in [("无条件共享", "每日"), ("有条件共享", "每月")]:
        ws.append([share, cycle])
    book.save(tmp_path / "d.xlsx")
    assert inspect(tmp_path / "d.xlsx").resources == 0
    assert [f.code for f in validate(tmp_path / "d.xlsx").findings] == ["GC-S002"]
