"""Under a group heading, templates often write only the last word of an element's name
(信息资源格式 over 分类 and 类型, 开放属性 over 条件): each reads as the element of that group
it names, never as an element of another group (类型 under 信息资源格式 is no 数据类型)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sheetbook import build_real_layout

from govcatalog import load_catalog, validate
from govcatalog.io.sheet_layout import HeadingMatcher
from govcatalog.packs import get_pack

SHORT = {
    "类分类": "类",
    "项分类": "项",
    "目分类": "目",
    "格式分类": "分类",
    "格式类型": "类型",
    "信息项名称": "名称",
    "数据类型": "类型",
    "数据长度": "长度",
    "共享类型": "类型",
    "共享条件/不予共享依据": "条件",
    "共享方式分类": "方式",
    "开放条件": "条件",
}
"""Sub-headings of the real layout and how short a template may write them."""


@pytest.mark.parametrize("ref", ["gb-1272", "sharing-2025"])
@pytest.mark.parametrize(
    ("group", "heading", "field_id"),
    [
        ("信息资源格式", "分类", "format.format_class"),
        ("信息资源格式", "类型", "format.format_types"),
        ("资源格式", "格式分类", "format.format_class"),
        ("信息项信息", "名称", "items.name"),
        ("信息项信息", "长度", "items.length"),
        ("开放属性", "条件", "open.open_condition"),
        ("共享属性", "类型", "share.share_type"),
        ("共享属性", "共享方式类型", "share.share_mode_type"),
        ("信息资源分类", "细目", "category.ximu"),
    ],
)
def test_a_short_sub_heading_names_its_groups_element(
    ref: str, group: str, heading: str, field_id: str
) -> None:
    pack = get_pack(ref)
    spec = HeadingMatcher(pack, pack.template()).match(group, heading)
    assert spec is not None and spec.id == field_id


def test_a_word_no_member_ends_with_names_nothing_in_the_group() -> None:
    pack = get_pack("gb-1272")
    assert HeadingMatcher(pack, pack.template()).match("共享属性", "共享范围") is None


def _shortened(source: Path, target: Path, which: set[str]) -> Path:
    book = load_workbook(source)
    sheet = book.worksheets[0]
    for cell in sheet[3]:
        if cell.value in which:
            cell.value = SHORT[str(cell.value)]
    book.save(target)
    return target


def _seen(path: Path) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.code, f.location.pointer, f.location.cell) for f in validate(path).findings)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sets(st.sampled_from(sorted(SHORT)), min_size=1))
def test_short_sub_headings_read_as_the_full_ones(which: set[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        full = build_real_layout(Path(tmp) / "full.xlsx")
        short = _shortened(full, Path(tmp) / "short.xlsx", which)
        assert _seen(short) == _seen(full)
        assert load_catalog(short).model_dump(mode="json") == load_catalog(full).model_dump(
            mode="json"
        )
