"""Registration forms (信息资源登记表) and the same resources as rows of a table, for the tests
that read both and compare: a resource's pairs (name, value), written as a table under lines
of notes, or as one form sheet per resource under a title and a preamble."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

USCC = "91350100M000100Y43"
ITEM_HEADINGS = ["信息项名称", "数据类型", "数据长度"]


def resource_pairs(i: int, share: str, *, regulation: bool = False) -> list[tuple[str, object]]:
    """A resource's pairs; with ``regulation``, the elements 《政务数据共享条例》 adds too."""
    added: list[tuple[str, object]] = [
        ("数据分类分级", "一般数据"),
        ("使用条件", "仅向市场监管部门提供，用于企业登记核查" if share == "有条件共享" else ""),
        ("不予共享理由", "涉及国家秘密" if share == "不予共享" else ""),
    ]
    return (added if regulation else []) + [
        ("信息资源名称", f"企业登记信息{i}"),
        ("信息资源代码", f"307001/{i + 1:06d}"),
        ("信息资源分类", "部门信息资源目录/省（自治区、直辖市）及其下各级政务部门/市场监管局"),
        ("信息资源提供方", "某市市场监督管理局"),
        ("信息资源提供方代码", USCC),
        ("信息资源摘要", f"第{i}批企业登记基本信息"),
        ("信息资源格式", "数据库/Oracle"),
        ("共享类型", share),
        ("共享条件", "仅限政务部门使用" if share == "有条件共享" else ""),
        ("共享方式", "接口"),
        ("是否向社会开放", "否"),
        ("更新周期", "每月"),
        ("发布日期", "2024-03-01"),
    ]


ITEMS: list[list[object]] = [["企业名称", "字符型", 200], ["统一社会信用代码", "字符型", 18]]


def write_table(
    path: Path, resources: list[list[tuple[str, object]]], above: list[str] | None = None
) -> Path:
    """The resources as rows of a table, under the lines ``above`` (a form's date, notes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    for line in above or []:
        ws.append([line])
    ws.append([label for label, _ in resources[0]] + ITEM_HEADINGS)
    for pairs in resources:
        for n, item in enumerate(ITEMS):
            ws.append([value if n == 0 else None for _, value in pairs] + item)
    wb.save(path)
    return path


PREAMBLE = [
    "填表说明：",
    "1. 本表由各部门按信息资源逐项填写，一项资源填写一张表。",
    "2. 带★号的为必填项，其余为选填项。",
    "3. 共享类型、是否向社会开放请在方框内打√。",
    None,
    "填报单位（盖章）：某市市场监督管理局",
    "联系人：张三",
    "联系电话：0710-1234567",
    None,
]
"""Rows a form may carry above its names: instructions, a department's header, blank rows."""


def write_forms(
    path: Path,
    resources: list[list[tuple[str, object]]],
    per_row: int,
    left: int,
    seed: int,
    items: list[list[object]] | None = None,
    label: str = "{}",
    *,
    start: int = 2,
    footer: dict[int, object] | None = None,
    footer_on: int = 0,
    shuffle: bool = True,
) -> Path:
    """One form sheet per resource: a title, the :data:`PREAMBLE` down to row ``start``, then
    ``per_row`` pairs a row from column ``left`` in an order of their own (with ``shuffle``,
    else as given), the 信息项 table, and
    on sheet ``footer_on`` the ``footer`` cells (offset from ``left``) two rows below it."""
    wb = Workbook()
    wb.remove(wb.active)
    for i, pairs in enumerate(resources):
        ws = wb.create_sheet(f"登记表{i + 1}")
        ws.cell(1, left, "政务信息资源登记表")
        for row in range(2, start):
            ws.cell(row, left, PREAMBLE[(row - 2) % len(PREAMBLE)])
        shuffled = list(pairs)
        if shuffle:
            random.Random(seed + i).shuffle(shuffled)
        row = start
        for first in range(0, len(shuffled), per_row):
            for k, (name, value) in enumerate(shuffled[first : first + per_row]):
                ws.cell(row, left + 2 * k, label.format(name))
                ws.cell(row, left + 2 * k + 1, value if value != "" else None)
            row += 1
        for c, heading in enumerate(ITEM_HEADINGS):
            ws.cell(row, left + c, heading)
        for item in ITEMS if items is None or i == 0 else items:
            row += 1
            for c, value in enumerate(item):
                ws.cell(row, left + c, value)
        if footer is not None and i == footer_on % len(resources):
            for offset, value in footer.items():
                ws.cell(row + 2, left + offset, value)
    wb.save(path)
    return path
