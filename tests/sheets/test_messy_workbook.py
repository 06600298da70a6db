"""A real-world compilation workbook reads as exactly its resources, with no false findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from messybook import (
    BAND_END,
    DATA_SHEET,
    DROPDOWN_SHEET,
    RESOURCES,
    TEMPLATE_SHEET,
    build_messy_workbook,
)

from govcatalog import load_catalog, validate
from govcatalog.io.sheet_layout import is_note
from govcatalog.packs.key_fold import fold_key


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return build_messy_workbook(tmp_path / "2018编制表.xlsx")


def test_reads_two_resources_with_all_their_items(messy: Path) -> None:
    catalog = load_catalog(messy)
    assert [r.name for r in catalog.resources] == ["企业登记信息", "行政处罚信息"]
    assert [len(r.items) for r in catalog.resources] == [len(items) for _, items in RESOURCES]
    first, second = catalog.resources
    # The note-only sub-heading under 所属部门 takes the group's heading: the provider is kept.
    assert first.provider == second.provider == "某市市场监督管理局"
    # One 信息资源格式 column: "数据库-oracle" is class and type, 电子表格 the class.
    assert (first.format.format_class, first.format.format_types) == ("数据库", ("oracle",))
    assert second.format.format_class == "电子表格"
    assert first.share.share_mode_class == "共享平台方式"  # 共享方式: 共享平台
    assert [i.data_element for i in first.items][:2] == ["10001", "10002"]  # 数据元编号, numbers
    assert first.extensions == {"联系人": "张三"}


def test_no_finding_points_at_the_heading_band_or_the_template(messy: Path) -> None:
    report = validate(messy)
    for f in report.findings:
        if f.code == "GC-S010":
            continue
        assert f.location.sheet == DATA_SHEET, f
        row = int(re.sub(r"^[A-Z]+", "", f.location.cell or "0"))
        assert row > BAND_END or f.code in {"GC-S004", "GC-S012"}, f
    skipped = {f.location.sheet: f.severity.value for f in report.findings if f.code == "GC-S010"}
    assert skipped == {TEMPLATE_SHEET: "info", DROPDOWN_SHEET: "info"}
    unknown = [f.value for f in report.findings if f.code == "GC-S004"]
    assert unknown == ["联系人"]  # every other heading is mapped
    # 共享方式 gives the class only: the sheet has no column for the type, said once
    no_column = [f.message_en for f in report.findings if f.code == "GC-S012"]
    assert len(no_column) == 1 and "Share mode type" in no_column[0], no_column


def test_unknown_heading_gets_the_nearest_elements(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "信息资源名称,信息资源代码,信息资源提供方,信息资源摘要x\n人口,101001/000001,市公安局,a\n",
        encoding="utf-8",
    )
    (finding,) = [f for f in validate(path).findings if f.code == "GC-S004"]
    assert "最接近的元素：信息资源摘要" in finding.message_zh


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("信息资源）", "信息资源"),
        ("信息资源名称\n（必填项）", "信息资源名称"),
        ("［共享类型", "共享类型"),
    ],
)
def test_headings_are_normalised(heading: str, key: str) -> None:
    assert fold_key(heading) == fold_key(key)


def test_notes() -> None:
    assert is_note("（必填项）") and is_note("(省直部门选填项)") and is_note("说明：每行一个信息项")
    assert not is_note("信息资源名称（必填项）")
