"""The rows a compilation form carries below its data — who filled it in, when, 合计 — are no
resources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sheetbook import build_real_layout

from govcatalog import load_catalog, validate
from govcatalog.io.form_lines import is_footer

FOOTERS: list[dict[int, object]] = [
    {1: "填报单位（盖章）：某市市场监督管理局"},
    {1: "填表人：张三", 5: "联系电话：0710-1234567", 9: "审核人：李四"},
    {2: "填表日期：2024年3月1日"},
    {1: "填报人：张三", 4: "填报日期", 5: dt.datetime(2024, 3, 1)},  # the date in the next cell
    {1: "编制日期", 2: "2024年3月"},
    {2: "报送日期2024年3月1日"},  # no colon
    {1: "合计"},
    {1: "合计", 2: 2},  # the count in a cell of its own
    {1: "合计：", 5: "2条", 14: "5个信息项"},
    {1: "总计", 2: "共2条信息资源"},
    {2: "小计", 3: 2.0},
    {1: "合计5条信息资源"},
    {1: "填表说明：1. 信息资源代码由系统生成；2. 带*号为必填项。"},
]


def _seen(path: Path) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.code, f.location.pointer, f.location.cell) for f in validate(path).findings)


def test_footer_rows_leave_the_catalog_as_it_was(tmp_path: Path) -> None:
    plain = build_real_layout(tmp_path / "plain.xlsx")
    signed = build_real_layout(tmp_path / "signed.xlsx")
    book = load_workbook(signed)
    sheet = book.worksheets[0]
    row = sheet.max_row + 2
    for footer in FOOTERS:
        for col, value in footer.items():
            sheet.cell(row=row, column=col, value=value)
        row += 1
    book.save(signed)
    assert _seen(signed) == _seen(plain)
    assert load_catalog(signed).model_dump(mode="json") == load_catalog(plain).model_dump(
        mode="json"
    )


@pytest.mark.parametrize("footer", FOOTERS)
def test_footer_rows(footer: dict[int, object]) -> None:
    assert is_footer(footer)


@pytest.mark.parametrize(
    "row",
    [
        {1: "企业登记信息", 2: "307001/000001"},  # a resource
        {10: "身份证号", 11: "字符型"},  # an item row
        {1: "联系电话：0710-1234567", 2: 18},  # a number beside: data
        {3: "说明：身份证号码", 10: "公民身份号码"},  # an item whose description starts with 说明
        {1: "电话号码"},  # a value, not a label with its colon
        {1: "填报日期", 2: "企业登记信息"},  # no date beside the label
        {1: "填报日期", 3: dt.datetime(2024, 3, 1)},  # nor in the next cell
        {1: "填报日期2024年13月1日"},  # no such day
        {1: "合计", 2: "企业登记信息"},  # no count beside the label
        {1: 2, 2: "合计"},  # a number before the label
        {1: "合计", 2: 2, 3: "307001/000001"},  # a code after the count
    ],
)
def test_data_rows_are_not_footers(row: dict[int, object]) -> None:
    assert not is_footer(row)
