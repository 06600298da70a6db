"""Workbooks with a resource sheet (信息资源表) and an item sheet (信息项表) keyed by the
resource, built from resources of the city example."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from govcatalog import examples

RESOURCES, ITEMS = "信息资源表", "信息项表"
RESOURCE_HEADINGS = [
    "信息资源分类（类）",
    "信息资源分类（项）",
    "信息资源分类（目）",
    "信息资源名称",
    "信息资源代码",
    "信息资源提供方",
    "信息资源提供方代码",
    "信息资源摘要",
    "信息资源格式分类",
    "信息资源格式类型",
    "共享类型",
    "共享条件",
    "共享方式分类",
    "共享方式类型",
    "是否向社会开放",
    "开放条件",
    "更新周期",
    "发布日期",
]
ITEM_HEADINGS = [
    "信息资源代码",
    "信息资源名称",
    "信息项名称",
    "数据类型",
    "数据长度",
    "是否基础信息项",
]

CodeWriter = Callable[[str], str]
"""How a cell writes a resource's code (given its canonical form)."""


def city(count: int) -> list[dict[str, Any]]:
    """The first ``count`` resources of the city example that have 信息项."""
    doc = json.loads(examples.path("city").read_text(encoding="utf-8"))
    chosen = [r for r in doc["resources"] if r.get("items")][:count]
    assert len(chosen) == count
    return chosen


def resource_row(r: dict[str, Any], code: str | None = None) -> list[object]:
    """The row of the resource sheet for ``r`` (its code written as ``code``, if given)."""
    c, f, s, o = r["category"], r["format"], r["share"], r.get("open") or {}
    return [
        c.get("lei"),
        c.get("xiang"),
        c.get("mu"),
        r["name"],
        r["code"] if code is None else code,
        r["provider"],
        r["provider_code"],
        r["abstract"],
        f["format_class"],
        "、".join(f.get("format_types") or ()),
        s["share_type"],
        s.get("share_condition"),
        s.get("share_mode_class"),
        s.get("share_mode_type"),
        "是" if o.get("open_to_public") else "否",
        o.get("open_condition"),
        r["update_cycle"],
        r.get("publish_date"),
    ]


def _plain(code: str) -> str:
    return code


def item_book(
    path: Path,
    resources: list[dict[str, Any]],
    *,
    key: str = "code",
    merge_codes: bool = False,
    extra_item_rows: list[list[object]] | None = None,
    resource_code: CodeWriter = _plain,
    item_code: CodeWriter = _plain,
    item_state: str = "visible",
    dropdown: str | None = None,
) -> Path:
    """The resources on the resource sheet, their 信息项 on the item sheet (keyed by ``key``).

    Args:
        merge_codes: Merge the item sheet's code cells down over each resource's rows.
        extra_item_rows: Rows added below the item sheet's own.
        resource_code: How each cell of the resource sheet writes its code.
        item_code: How each cell of the item sheet writes its code (called once a row).
        item_state: The item sheet's state: visible, hidden or veryHidden.
        dropdown: The state of a sheet of dropdown values after the item sheet (none when None).
    """
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = RESOURCES
    sheet.append(RESOURCE_HEADINGS)
    for r in resources:
        sheet.append(resource_row(r, resource_code(r["code"])))
    items = wb.create_sheet(ITEMS)
    headings = [h for h in ITEM_HEADINGS if key == "code" or h != "信息资源代码"]
    items.append(headings)
    for r in resources:
        first = items.max_row + 1
        for it in r["items"]:
            row = {
                "信息资源代码": item_code(r["code"]),
                "信息资源名称": r["name"],
                "信息项名称": it["name"],
                "数据类型": it.get("data_type"),
                "数据长度": it.get("length"),
                "是否基础信息项": {True: "是", False: "否"}.get(it.get("base_item")),
            }
            items.append([row[h] for h in headings])
        if merge_codes and len(r["items"]) > 1:
            items.merge_cells(start_row=first, end_row=items.max_row, start_column=1, end_column=1)
    for extra in extra_item_rows or ():
        items.append(extra)
    items.sheet_state = item_state
    if dropdown is not None:
        values = wb.create_sheet("下拉选项")
        for value in ("无条件共享", "有条件共享", "不予共享"):
            values.append([value])
        values.sheet_state = dropdown
    wb.save(path)
    return path
