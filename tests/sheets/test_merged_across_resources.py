"""A resource-level cell merged down over the rows of several resources — a 信息资源提供方, a 类
or a 发布日期 written once for all of a department's rows — gives each of them its value, at the
merged cell. Before, only the resource on the merge's first row had it; each resource below
lacked the element (GC-F001)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import load_catalog, validate
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
SAME = [
    HEADINGS.index(h) + 1
    for h in (
        "信息资源提供方",
        "信息资源提供方代码",
        "信息资源格式",
        "共享方式",
        "是否向社会开放",
        "发布日期",
    )
]
"""The columns whose value every row of the plain table shares."""


def _book(path: Path, rows: int, merged: list[int], runs: list[int]) -> Path:
    """The plain table of ``rows`` resources; the ``merged`` columns merged over runs of rows
    (``runs``: where each run after the first starts, as an offset into the data)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    ws.append(HEADINGS)
    for i in range(rows):
        ws.append(row(i))
    starts = sorted({0, *(r for r in runs if 0 < r < rows)})
    for first, end in zip(starts, [*starts[1:], rows], strict=True):
        if end - first < 2:
            continue
        for col in merged:
            for r in range(first + 3, end + 2):
                ws.cell(r, col).value = None
            ws.merge_cells(start_row=first + 2, start_column=col, end_row=end + 1, end_column=col)
    wb.save(path)
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.integers(2, 8),
    merged=st.lists(st.sampled_from(SAME), min_size=1, max_size=4, unique=True),
    runs=st.lists(st.integers(1, 7), max_size=3),
)
def test_a_cell_merged_over_several_resources_is_each_ones(
    tmp_path: Path, rows: int, merged: list[int], runs: list[int]
) -> None:
    plain = _book(tmp_path / "plain.xlsx", rows, [], [])
    spanning = _book(tmp_path / "merged.xlsx", rows, merged, runs)
    assert load_catalog(spanning) == load_catalog(plain)
    assert seen(validate(spanning, options=OPTIONS)) == seen(validate(plain, options=OPTIONS))


def test_a_finding_on_the_merged_value_is_at_the_merged_cell(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx", 3, [HEADINGS.index("发布日期") + 1], [])
    book_cell = "L2"  # the merged 发布日期 over the three resources
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active[book_cell] = "2024年3月"  # no day: GC-F019 for each resource that has it
    book.save(path)
    report = validate(path, options=OPTIONS)
    dayless = sorted(
        (f.location.pointer, f.location.cell) for f in report.findings if f.code == "GC-F019"
    )
    assert dayless == [(f"/resources/{i}/publish_date", book_cell) for i in range(3)]
