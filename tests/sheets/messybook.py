"""A compilation workbook as a real catalog system exports it, with all its noise.

Three heading rows (a title, group headings merged over their sub-headings, sub-headings
with （必填项） notes and a note-only cell under the merged group heading 所属部门), a row
of the system's field keys and an instruction row; an empty template sheet with the same
headings before the data sheet; a dropdown sheet of allowed values; one data sheet of two
resources over 13 item rows. Written by code, so nothing binary is committed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# (group heading, [(sub-heading, system key)]); a group of one column without sub-heading is
# merged down over the group and sub-heading rows.
COLUMNS: list[tuple[str | None, list[tuple[str, str]]]] = [
    ("信息资源分类", [("类", "CATEGORYLEI"), ("项", "CATEGORYXIANG"), ("目", "CATEGORYMU")]),
    (None, [("信息资源）", "INFONAME")]),  # a stray bracket, as exported
    (None, [("信息资源代码\n（必填项）", "INFOCODE")]),
    ("所属部门", [("（必填项）", "DEPTNAME")]),  # the sub-heading is only a note
    (None, [("信息资源提供方代码", "DEPTCODE")]),
    (None, [("信息资源摘要", "SUMMARY")]),
    (None, [("信息资源格式", "FORMAT")]),  # one column: the class, or "数据库-oracle"
    (
        "信息项信息",
        [
            ("信息项名称（必填项）", "itemName"),
            ("数据类型", "itemType"),
            ("数据长度", "itemLength"),
            ("数据元编号", "elementCode"),
        ],
    ),
    (
        "共享属性",
        [("共享类型", "shareType"), ("共享条件", "shareCondition"), ("共享方式", "shareMode")],
    ),
    ("开放属性", [("是否向社会开放", "openType"), ("开放条件", "openCondition")]),
    (None, [("更新周期（必填项）", "updateCycle")]),
    (None, [("发布日期", "publishDate")]),
    (None, [("联系人", "contactName")]),
]

KEYS = [key for _, subs in COLUMNS for _, key in subs]
ITEM_KEYS = {"itemName", "itemType", "itemLength", "elementCode"}

USCC = "91350100M000100Y43"

RESOURCES: list[tuple[dict[str, object], list[dict[str, object]]]] = [
    (
        {
            "CATEGORYLEI": "部门信息资源目录",
            "CATEGORYXIANG": "省（自治区、直辖市）及其下各级政务部门",
            "CATEGORYMU": "市场监管局",
            "INFONAME": "企业登记信息",
            "INFOCODE": "307001/000001",
            "DEPTNAME": "某市市场监督管理局",
            "DEPTCODE": USCC,
            "SUMMARY": "企业设立、变更、注销登记信息",
            "FORMAT": "数据库-oracle",
            "shareType": "有条件共享",
            "shareCondition": "仅用于行政审批",
            "shareMode": "共享平台",
            "openType": "否",
            "updateCycle": "每日",
            "publishDate": dt.datetime(2024, 3, 1),
            "contactName": "张三",
        },
        [
            {"itemName": name, "itemType": "字符型C", "itemLength": 100, "elementCode": 10001 + n}
            for n, name in enumerate(
                [
                    "统一社会信用代码",
                    "企业名称",
                    "法定代表人",
                    "住所",
                    "注册资本",
                    "成立日期",
                    "经营范围",
                    "登记机关",
                ]
            )
        ],
    ),
    (
        {
            "CATEGORYLEI": "部门信息资源目录",
            "CATEGORYXIANG": "省（自治区、直辖市）及其下各级政务部门",
            "CATEGORYMU": "市场监管局",
            "INFONAME": "行政处罚信息",
            "INFOCODE": "307001/000002",
            "DEPTNAME": "某市市场监督管理局",
            "DEPTCODE": USCC,
            "SUMMARY": "行政处罚决定信息",
            "FORMAT": "电子表格",
            "shareType": "无条件共享",
            "shareMode": "共享平台",
            "openType": "否",
            "updateCycle": "每月",
            "publishDate": dt.datetime(2024, 3, 1),
            "contactName": "李四",
        },
        [
            {"itemName": name, "itemType": "字符型C", "itemLength": 50}
            for name in ["处罚决定书文号", "当事人名称", "处罚类别", "处罚日期", "处罚机关"]
        ],
    ),
]
"""Two resources: 8 and 5 data items (13 item rows)."""

DATA_SHEET = "政务信息资源目录"
TEMPLATE_SHEET = "模板"
DROPDOWN_SHEET = "下拉选项"
BAND_END = 5
"""The last row of the heading band of the data sheet (title, groups, sub-headings, keys, notes)."""


def _headings(ws: Worksheet) -> None:
    width = len(KEYS)
    ws.cell(1, 1, "某市政务信息资源目录（2018年）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    col = 1
    for group, subs in COLUMNS:
        if group is None:
            ws.cell(2, col, subs[0][0])
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        else:
            ws.cell(2, col, group)
            if len(subs) > 1:
                ws.merge_cells(
                    start_row=2, start_column=col, end_row=2, end_column=col + len(subs) - 1
                )
            for k, (sub, _) in enumerate(subs):
                ws.cell(3, col + k, sub)
        col += len(subs)
    for c, key in enumerate(KEYS, start=1):
        ws.cell(4, c, key)
    ws.cell(
        5,
        1,
        "填写说明：每个信息项填写一行，同一信息资源的资源级单元格可以合并，带（必填项）的列必须填写。",
    )


def build_messy_workbook(path: Path) -> Path:
    """Write the workbook (see the module docstring); return its path."""
    wb = Workbook()
    template = wb.active
    template.title = TEMPLATE_SHEET
    _headings(template)
    data = wb.create_sheet(DATA_SHEET)
    _headings(data)
    row = BAND_END + 1
    for n, (resource, items) in enumerate(RESOURCES):
        first = row
        for k, item in enumerate(items):
            for c, key in enumerate(KEYS, start=1):
                if key in ITEM_KEYS:
                    value = item.get(key)
                elif n == 0 and k > 0:
                    value = None  # the first resource's cells are merged over its rows
                else:
                    value = resource.get(key)
                if value is not None:
                    data.cell(row, c, value)
            row += 1
        if n == 0:
            for c, key in enumerate(KEYS, start=1):
                if key not in ITEM_KEYS:
                    data.merge_cells(start_row=first, start_column=c, end_row=row - 1, end_column=c)
    lists = wb.create_sheet(DROPDOWN_SHEET)
    for c, values in enumerate(
        [["无条件共享", "有条件共享", "不予共享"], ["实时", "每日", "每周", "每月"], ["是", "否"]],
        start=1,
    ):
        for r, value in enumerate(values, start=1):
            lists.cell(r, c, value)
    wb.save(path)
    return path
