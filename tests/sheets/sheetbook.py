"""A workbook laid out as real city templates are, for the spreadsheet and XML tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

TITLE = "某市政务信息资源目录（2024年版）"

# Two heading rows under a title: groups merged over their sub-headings, single headings merged
# down; headings spelled as templates spell them (aliases, 必填项 notes, line breaks).
GROUPS: list[tuple[str | None, list[str]]] = [
    ("信息资源分类", ["类分类", "项分类", "目分类"]),
    (None, ["信息资源名称\n（必填项）"]),
    (None, ["信息资源编码"]),
    (None, ["部门名称"]),
    (None, ["部门代码"]),
    (None, ["信息资源摘要（必填项）"]),
    ("信息资源格式", ["格式分类", "格式类型"]),
    ("信息项信息", ["信息项名称", "数据类型", "数据长度"]),
    ("共享属性", ["共享类型", "共享条件/不予共享依据", "共享方式分类", "共享方式类型"]),
    ("开放属性", ["是否向社会开放", "开放条件"]),
    (None, ["更新周期"]),
    (None, ["发布日期"]),
    (None, ["联系人"]),
]

USCC = "91350100M000100Y43"
"""A valid 统一社会信用代码 (the check character is right)."""

RES_A = {
    "类分类": "部门信息资源目录",
    "项分类": "省（自治区、直辖市）及其下各级政务部门",
    "目分类": "市场监管局",
    "信息资源名称\n（必填项）": "企业登记信息",
    "信息资源编码": "307001/000001",
    "部门名称": "某市市场监督管理局",
    "部门代码": USCC,
    "信息资源摘要（必填项）": "企业设立、变更、注销登记信息",
    "格式分类": "数据库",
    "格式类型": "Oracle",
    "共享类型": "有条件共享",
    "共享条件/不予共享依据": "仅用于行政审批",
    "共享方式分类": "共享平台方式",
    "共享方式类型": "接口",
    "是否向社会开放": "否",
    "更新周期": "每日",
    "发布日期": dt.datetime(2024, 3, 1),
    "联系人": "张三",
}
ITEMS_A = [
    {"信息项名称": "统一社会信用代码", "数据类型": "C", "数据长度": 18},
    {"信息项名称": "企业名称", "数据类型": "字符串型C", "数据长度": 200},
    {"信息项名称": "注册资本", "数据类型": "数值型", "数据长度": 20},
]
RES_B = dict(
    RES_A,
    **{
        "信息资源名称\n（必填项）": "行政处罚信息",
        "信息资源编码": "307001/000002",
        "共享类型": "有条件共享",
        "共享条件/不予共享依据": None,  # R2: a condition is required
        "更新周期": "每天",
    },
)
ITEMS_B = [
    {"信息项名称": "处罚决定书文号", "数据类型": "字符型C", "数据长度": 50},
    {"信息项名称": "处罚日期", "数据类型": "日期", "数据长度": None},
]


def headings() -> list[tuple[str | None, str]]:
    """(group, heading) of every column, in order."""
    return [(g, h) for g, hs in GROUPS for h in hs]


def build_real_layout(path: Path, *, merge: bool = True, conflict: bool = False) -> Path:
    """Write a workbook laid out like a real city template; return its path.

    Resource A (3 items) has its resource cells merged (or repeated with ``merge=False``);
    resource B (2 items) repeats them, with a different 更新周期 on its second row when
    ``conflict``.
    """
    cols = headings()
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    ws.cell(1, 1, TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    j = 1
    for group, subs in GROUPS:
        if group is None:
            ws.cell(2, j, subs[0])
            ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
        else:
            ws.cell(2, j, group)
            if len(subs) > 1:
                ws.merge_cells(start_row=2, start_column=j, end_row=2, end_column=j + len(subs) - 1)
            for k, sub in enumerate(subs):
                ws.cell(3, j + k, sub)
        j += len(subs)
    item_heads = {"信息项名称", "数据类型", "数据长度"}
    row = 4
    for res, items, merged in ((RES_A, ITEMS_A, merge), (RES_B, ITEMS_B, False)):
        first = row
        for n, item in enumerate(items):
            for c, (_, head) in enumerate(cols, start=1):
                if head in item_heads:
                    value = item.get(head)
                elif merged and n > 0:
                    value = None
                else:
                    value = res.get(head)
                    if conflict and res is RES_B and n == 1 and head == "更新周期":
                        value = "每月"
                if value is not None:
                    ws.cell(row, c, value)
            row += 1
        if merged:
            for c, (_, head) in enumerate(cols, start=1):
                if head not in item_heads:
                    ws.merge_cells(start_row=first, start_column=c, end_row=row - 1, end_column=c)
    wb.save(path)
    return path


def column_of(heading: str) -> str:
    """A1 letters of the column headed ``heading`` in the real layout."""
    from govcatalog.io.xlsx_parse import column_letter

    return column_letter([h for _, h in headings()].index(heading) + 1)


def write_rows(
    path: Path, headings: list[str], rows: list[list[object]], title: str = "目录数据"
) -> Path:
    """A workbook of one sheet ``title``: the ``headings`` row, then the ``rows``."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headings)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
