"""A workbook exported page by page: the headings repeated at the top of every page, a page
number or a 合计 line at the bottom. It reads as the same workbook without them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import validate
from govcatalog.loading import load_catalog
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
GROUPS = [None] * 6 + ["共享属性", None, None] + [None] * 4


def _book(path: Path, rows: int, page: int | None, footer: str | None, two_level: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"

    def headings() -> None:
        if two_level:
            ws.append(GROUPS)
            ws.append([None if g is None and i < 6 else h for i, (g, h) in
                       enumerate(zip(GROUPS, HEADINGS, strict=True))])  # fmt: skip
            top, below = ws.max_row - 1, ws.max_row
            for c, group in enumerate(GROUPS, start=1):
                if group is None and not 7 <= c <= 9:
                    ws.cell(top, c, HEADINGS[c - 1])
                    ws.merge_cells(start_row=top, start_column=c, end_row=below, end_column=c)
            ws.merge_cells(start_row=top, start_column=7, end_row=top, end_column=9)
        else:
            ws.append(HEADINGS)

    headings()
    for i in range(rows):
        if page is not None and i and i % page == 0:
            if footer is not None:
                ws.append([footer.format(n=i // page)])
            headings()
        ws.append(row(i))
    if footer is not None and page is not None:
        ws.append([footer.format(n=rows // page + 1)])
    wb.save(path)
    return path


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.integers(2, 9),
    page=st.integers(1, 4),
    footer=st.sampled_from([None, "第 {n} 页", "第{n}页 共 3 页", "合计：{n} 条", "小计 {n}"]),
    two_level=st.booleans(),
)
def test_a_paged_export_reads_as_one_table(
    tmp_path: Path, rows: int, page: int, footer: str | None, two_level: bool
) -> None:
    plain = _book(tmp_path / "plain.xlsx", rows, None, None, two_level)
    paged = _book(tmp_path / "paged.xlsx", rows, page, footer, two_level)
    assert load_catalog(paged) == load_catalog(plain)
    assert seen(validate(paged, options=OPTIONS)) == seen(validate(plain, options=OPTIONS))


def test_a_value_that_only_looks_like_a_heading_is_data(tmp_path: Path) -> None:
    """One cell equal to its heading is no repeated heading row: the row stays a resource."""
    path = _book(tmp_path / "b.xlsx", 2, None, None, False)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["A3"] = "信息资源名称"  # a resource named after its heading, by mistake
    book.save(path)
    catalog = load_catalog(path)
    assert [r.name for r in catalog.resources] == ["登记信息0", "信息资源名称"]
