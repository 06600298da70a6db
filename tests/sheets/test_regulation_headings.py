"""Catalogs compiled since 《政务数据共享条例》 name their columns in its words (第十三条: 数据目录名称,
数据项, 提供单位, 数据格式, 数据更新频率 …): each names the element of the guide it stands for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from govcatalog import validate
from govcatalog.io.sheet_layout import HeadingMatcher
from govcatalog.packs import get_pack

HEADINGS = {
    "数据目录名称": "name",
    "数据目录代码": "code",
    "数据目录编码": "code",
    "提供单位": "provider",
    "提供单位代码": "provider_code",
    "提供单位统一社会信用代码": "provider_code",
    "数据目录摘要": "abstract",
    "数据项名称": "items.name",
    "数据项类型": "items.data_type",
    "数据项长度": "items.length",
    "数据更新频率": "update_cycle",
}
"""Read as such by the national pack and the regulation's."""

PORTAL_WORDS = {
    "目录名称": "name",
    "数据资源名称": "name",
    "数据摘要": "abstract",
    "数据格式": "format.format_types",
    "更新频次": "update_cycle",
    "发布时间": "publish_date",
}
"""Read as such under the regulation only: open-data portals head their exports with them too,
and the national pack leaves them to the portal pack, which tells such an export by them."""


def _named(ref: str, heading: str) -> str | None:
    pack = get_pack(ref)
    spec = HeadingMatcher(pack, pack.template()).match(None, heading)
    return None if spec is None else spec.id


@pytest.mark.parametrize("ref", ["gb-1272", "sharing-2025", "open-data-portal"])
@pytest.mark.parametrize(("heading", "field_id"), sorted(HEADINGS.items()))
def test_the_regulations_words_name_the_guides_elements(
    ref: str, heading: str, field_id: str
) -> None:
    assert _named(ref, heading) == field_id


@pytest.mark.parametrize(("heading", "field_id"), sorted(PORTAL_WORDS.items()))
def test_words_portals_share_are_the_regulations_and_the_portals(
    heading: str, field_id: str
) -> None:
    assert _named("sharing-2025", heading) == field_id
    assert _named("open-data-portal", heading) == field_id
    assert _named("gb-1272", heading) is None


def test_a_workbook_in_the_regulations_words_reads_as_its_resources(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据目录"
    sheet.append(
        ["序号", "数据目录名称", "数据目录代码", "提供单位", "提供单位统一社会信用代码",
         "数据目录摘要", "类", "项", "数据格式", "数据项名称", "数据项类型", "数据项长度",
         "数据更新频率", "共享属性", "共享条件", "共享方式", "使用条件", "数据分类分级",
         "是否开放", "发布时间"]
    )  # fmt: skip
    first = ["个体工商户登记信息", "307001/000001", "某市市场监督管理局", "91350100M000100Y43",
             "个体工商户设立、变更、注销登记信息", "部门信息资源目录",
             "省（自治区、直辖市）及其下各级政务部门", "xlsx"]  # fmt: skip
    sheet.append([1, *first, "统一社会信用代码", "字符型", 18, "每日", "无条件共享", None,
                  "服务接口", "用于政务服务", "一般数据", "否", "2025-09-01"])  # fmt: skip
    sheet.append([None] * 9 + ["经营者姓名", "字符型", 50])
    second = [*first]
    second[0:2] = ["食品生产许可信息", "307001/000002"]
    sheet.append([2, *second, "许可证编号", "字符型", 30, "实时", "有条件共享",
                  "用于食品安全监管", "批量交换", "共享范围：市场监管部门；使用用途：食品安全监管",
                  "一般数据", "否", "2025-09-02"])  # fmt: skip
    path = tmp_path / "regulation.xlsx"
    book.save(path)
    report = validate(path)
    assert (report.stats.resources, report.stats.items) == (2, 3)
    assert "sharing-2025@" in report.regime_zh
    codes = Counter(f.code for f in report.findings)
    assert set(codes) == {"GC-F003"}, codes  # the forms read: xlsx, 服务接口, 批量交换
