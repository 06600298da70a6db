"""Workbooks with a resource sheet and a 信息项 sheet keyed by the resource."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from itembook import ITEM_HEADINGS, city, item_book
from openpyxl import Workbook

from govcatalog import load_catalog, validate


def _items(resource: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(i["name"], i.get("data_type"), i.get("length")) for i in resource.get("items") or ()]


@pytest.mark.parametrize(("key", "merge_codes"), [("code", False), ("code", True), ("name", False)])
def test_items_of_an_item_sheet_join_their_resources(
    tmp_path: Path, key: str, merge_codes: bool
) -> None:
    source = city(3)
    book = item_book(tmp_path / "two.xlsx", source, key=key, merge_codes=merge_codes)
    catalog = load_catalog(book)
    read = [r.model_dump(mode="json", exclude_none=True) for r in catalog.resources]
    assert [r["code"] for r in read] == [r["code"] for r in source]
    assert [_items(r) for r in read] == [_items(r) for r in source]
    report = validate(book)
    assert report.stats.resources == len(source)
    assert not [
        f for f in report.findings if f.location.sheet == "信息项表" and f.code != "GC-S004"
    ]
    assert not [f for f in report.findings if f.code in ("GC-F001", "GC-S002", "GC-S011")]


def test_findings_on_item_rows_point_at_the_item_sheet(tmp_path: Path) -> None:
    source = city(2)
    orphan = ["999999/000001", "不存在的资源", "某信息项", "字符型", 10, "否"]
    book = item_book(tmp_path / "two.xlsx", source, extra_item_rows=[orphan])
    wb_rows = 1 + sum(len(r["items"]) for r in source)  # heading + item rows
    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb["信息项表"]["D3"] = "超长文本型"
    wb.save(book)
    report = validate(book)
    wrong = [f for f in report.findings if f.code == "GC-F002"]
    assert [(f.location.sheet, f.location.cell, f.location.pointer) for f in wrong] == [
        ("信息项表", "D3", "/resources/0/items/1/data_type")
    ]
    (lost,) = [f for f in report.findings if f.code == "GC-S011"]
    assert (lost.location.sheet, lost.location.cell) == ("信息项表", f"A{wb_rows + 1}")
    assert "999999/000001" in lost.message_zh and "999999/000001" in lost.message_en


def test_an_items_looking_sheet_alone_is_read_as_resources(tmp_path: Path) -> None:
    """Without a resource sheet there is nothing to join onto: rows stay resources."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(ITEM_HEADINGS)
    sheet.append(["101001/000001", "常住人口基本信息", "公民身份号码", "字符型", 18, "是"])
    sheet.append(["101001/000001", "常住人口基本信息", "姓名", "字符型", 50, "是"])
    wb.save(tmp_path / "one.xlsx")
    catalog = load_catalog(tmp_path / "one.xlsx")
    assert [len(r.items) for r in catalog.resources] == [2]


def test_other_columns_of_an_item_sheet_stay_with_each_item(tmp_path: Path) -> None:
    source = city(1)
    book = item_book(tmp_path / "two.xlsx", source)
    from openpyxl import load_workbook

    wb = load_workbook(book)
    items = wb["信息项表"]
    items.cell(row=1, column=len(ITEM_HEADINGS) + 1, value="共享类型")
    for row in range(2, items.max_row + 1):
        items.cell(
            row=row, column=len(ITEM_HEADINGS) + 1, value="无条件共享" if row % 2 else "有条件共享"
        )
    wb.save(book)
    report = validate(book)
    unknown = [f for f in report.findings if f.code == "GC-S004"]
    assert [f.location.cell for f in unknown] == [f"{chr(ord('A') + len(ITEM_HEADINGS))}1"]
    assert "belongs to each data item" in unknown[0].message_en
    (resource,) = load_catalog(book).resources
    kept = [i.model_dump(mode="json").get("extensions", {}).get("共享类型") for i in resource.items]
    assert kept == [
        "无条件共享" if row % 2 else "有条件共享" for row in range(2, items.max_row + 1)
    ]
