"""Headings catalog systems give the classification and the 信息项 names: 所属分类 and 目录分类
for 信息资源分类, and the 中文名称 of data-element catalogs (数据元) for 信息项名称."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govcatalog import validate
from govcatalog.io.sheet_layout import HeadingMatcher
from govcatalog.packs import get_pack

HEADINGS = {
    "信息资源分类": "category.lei",  # a group heading names its main field
    "所属分类": "category.lei",
    "目录分类": "category.lei",
    "中文名称": "items.name",
    "字段中文名称": "items.name",
    "字段中文名": "items.name",
    "信息项中文名称": "items.name",
    "数据项中文名称": "items.name",
}


@pytest.mark.parametrize("ref", ["gb-1272", "sharing-2025", "open-data-portal"])
@pytest.mark.parametrize(("heading", "field_id"), sorted(HEADINGS.items()))
def test_a_systems_heading_names_the_element(ref: str, heading: str, field_id: str) -> None:
    pack = get_pack(ref)
    spec = HeadingMatcher(pack, pack.template()).match(None, heading)
    assert spec is not None and spec.id == field_id


ROWS = [
    ["部门信息资源目录-省（自治区、直辖市）及其下各级政务部门", "企业登记信息", "307001/000001",
     "某市市场监督管理局", "91350100M000100Y43", "企业设立、变更、注销登记信息", "数据库",
     "Oracle", "企业名称", "字符型", 200, "无条件共享", None, "共享平台方式", "数据库", "否", None, "每日", "2024-03-05"],
    [None, None, None, None, None, None, None, None, "成立日期", "日期型", None],
]  # fmt: skip
HEAD = ["{category}", "信息资源名称", "信息资源代码", "信息资源提供方", "信息资源提供方代码",
        "信息资源摘要", "信息资源格式分类", "信息资源格式类型", "{item}", "数据类型", "数据长度", "共享类型", "共享条件",
        "共享方式分类", "共享方式类型", "是否向社会开放", "开放条件", "更新周期", "发布日期"]  # fmt: skip


def _book(tmp_path: Path, category: str, item: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    sheet.append([h.format(category=category, item=item) for h in HEAD])
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / f"{category}-{item}.xlsx"
    book.save(path)
    return path


def _seen(path: Path) -> tuple[int, int, list[tuple[str, str | None]]]:
    report = validate(path)
    return (
        report.stats.resources,
        report.stats.items,
        sorted((f.code, f.location.pointer) for f in report.findings),
    )


@pytest.mark.parametrize("category", ["所属分类", "目录分类"])
@pytest.mark.parametrize("item", ["中文名称", "字段中文名称", "数据项中文名称"])
def test_a_workbook_under_a_systems_headings_reads_as_under_the_guides(
    tmp_path: Path, category: str, item: str
) -> None:
    plain = _seen(_book(tmp_path, "信息资源分类", "信息项名称"))
    assert plain[:2] == (1, 2)
    assert not any(code.startswith("GC-S") for code, _ in plain[2])
    assert _seen(_book(tmp_path, category, item)) == plain
