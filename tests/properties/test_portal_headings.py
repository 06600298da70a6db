"""An open-data portal's export, keyed by the headings its dataset detail pages show (标题, 来源部门,
重点领域, 部门电话 …), is the same export as one keyed by the elements' own names (信息资源名称,
信息资源提供方, 数据领域, 联系电话 …): the same catalog, and the same findings (code, message)
at the same places, the pointer naming the heading the file wrote. And a file keyed by a
portal's headings is read as a portal export without naming the pack.

The headings are those of the detail pages of provincial and city portals, one table each; an
element a page shows under a heading the pack did not know came out as an extension field
(GC-S004) and the element missing (GC-S009).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, load_catalog, validate
from govcatalog.packs import get_pack

PACK = get_pack("open-data-portal")
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))

# Element → heading, as each portal's detail page shows it.
PORTALS: dict[str, dict[str, str]] = {
    "辽宁": {
        "name": "标题",
        "provider": "来源部门",
        "extensions.sector": "重点领域",
        "extensions.updated": "数据更新时间",
        "open.open_condition": "开放条件",
        "extensions.record_count": "数据量",
        "extensions.industry": "所属行业",
        "update_cycle": "更新频率",
        "extensions.contact_phone": "部门电话",
        "extensions.contact_email": "部门邮箱",
        "extensions.tags": "标签",
        "abstract": "描述",
    },
    "泰州": {
        "name": "资源名称",
        "extensions.sector": "重点领域",
        "provider": "来源部门",
        "open.open_condition": "开放状态",
        "extensions.industry": "所属行业",
        "publish_date": "发布时间",
        "extensions.updated": "最后更新时间",
        "update_cycle": "更新频率",
        "extensions.contact_phone": "部门电话",
        "extensions.contact_email": "部门邮箱",
        "extensions.tags": "标签",
        "abstract": "描述",
        "format.format_types": "数据格式",
    },
    "无锡": {
        "name": "资源标题",
        "provider": "来源部门",
        "extensions.record_count": "数据量",
        "extensions.contact_phone": "联系电话",
        "extensions.contact_email": "邮箱地址",
        "extensions.theme": "所属主题",
        "update_cycle": "更新频率",
        "extensions.tags": "标签",
        "abstract": "简介",
        "format.format_types": "数据格式",
    },
    "南通": {
        "name": "资源名称",
        "publish_date": "创建时间",
        "extensions.updated": "更新时间",
        "update_cycle": "资源更新频率",
        "abstract": "内容简介",
        "extensions.industry": "行业类型",
        "provider": "提供机构",
        "extensions.theme": "主题分类",
        "extensions.contact": "联系人",
        "format.format_types": "数据格式",
    },
    "镇江": {
        "name": "资源名称",
        "publish_date": "发布时间",
        "extensions.updated": "最近更新",
        "provider": "数据提供方",
        "extensions.theme": "数据主题",
        "extensions.industry": "数据行业",
        "abstract": "资源摘要",
        "update_cycle": "更新周期",
        "extensions.tags": "关键字",
        "extensions.sector": "数据领域",
        "format.format_types": "数据格式",
    },
    "盐城": {
        "name": "目录名称",
        "update_cycle": "更新频率",
        "abstract": "目录摘要",
        "extensions.tags": "关键字",
        "publish_date": "发布日期",
        "provider": "提供部门",
        "open.open_condition": "开放条件",
        "extensions.sector": "领域分类",
        "extensions.industry": "行业分类",
        "extensions.scenario": "场景分类",
    },
    "苏州": {
        "name": "资源信息名称",
        "publish_date": "创建时间",
        "provider": "提供机构",
        "update_cycle": "更新频率",
        "abstract": "描述",
        "extensions.contact": "联系人",
    },
    "杭州": {
        "name": "资源名称",
        "provider": "发布部门",
        "extensions.region": "所属区县",
        "abstract": "摘要",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
        "update_cycle": "更新周期",
        "open.open_condition": "开放等级",
        "extensions.contact_phone": "联系电话",
        "extensions.record_count": "数据量",
    },
    "嘉兴": {
        "name": "标题",
        "abstract": "摘要",
        "extensions.tags": "标签",
        "update_cycle": "更新周期",
        "provider": "数源单位",
        "extensions.sector": "数据领域",
        "extensions.industry": "行业分类",
        "publish_date": "发布日期",
        "extensions.updated": "更新日期",
        "open.open_condition": "开放条件",
        "extensions.contact": "联系方式",
        "extensions.record_count": "数据容量",
    },
    "台州": {
        "name": "标题",
        "abstract": "摘要",
        "extensions.tags": "资源标签",
        "publish_date": "发布日期",
        "extensions.updated": "更新日期",
        "extensions.sector": "数据领域",
        "provider": "数源单位",
        "open.open_condition": "开放条件",
        "extensions.record_count": "数据量",
        "extensions.contact": "联系方式",
        "update_cycle": "更新周期",
    },
    "安徽": {
        "name": "标题",
        "publish_date": "发布日期",
        "extensions.updated": "更新日期",
        "provider": "提供单位",
        "extensions.sector": "所属领域",
        "abstract": "摘要信息",
        "update_cycle": "更新频率",
        "format.format_types": "数据格式",
    },
    "蚌埠": {
        "name": "标题",
        "provider": "数据提供方",
        "extensions.theme": "数据主题",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
        "open.open_condition": "公开属性",
        "update_cycle": "更新频率",
        "abstract": "摘要",
        "format.format_types": "下载格式",
        "extensions.tags": "关键字",
        "extensions.record_count": "数据条数",
    },
    "厦门": {
        "name": "目录名称",
        "open.open_condition": "开放类型",
        "format.format_types": "数据格式",
        "provider": "数据来源",
        "extensions.contact": "联系方式",
        "extensions.theme": "主题领域",
        "extensions.industry": "行业分类",
        "extensions.tags": "标签",
        "abstract": "简介",
        "update_cycle": "更新频率",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
    },
    "武汉": {
        "name": "名称",
        "abstract": "摘要",
        "extensions.tags": "标签",
        "provider": "数据提供方",
        "extensions.theme": "主题分类",
        "extensions.industry": "行业分类",
        "publish_date": "发布日期",
        "extensions.updated": "更新日期",
        "update_cycle": "更新频率",
        "open.open_condition": "开放条件",
        "extensions.contact": "提供方联系方式",
    },
    "随州": {
        "name": "名称",
        "abstract": "摘要",
        "extensions.tags": "关键字",
        "provider": "提供方",
        "extensions.theme": "主题",
        "publish_date": "发布时间",
        "extensions.updated": "数据更新时间",
        "update_cycle": "更新频率",
        "open.open_condition": "开放等级",
        "format.format_types": "文件格式",
    },
    "广州": {
        "name": "名称",
        "abstract": "简介",
        "extensions.tags": "标签",
        "provider": "来源部门",
        "extensions.theme": "所属主题",
        "extensions.industry": "所属行业",
        "publish_date": "发布时间",
        "extensions.updated": "最后更新",
        "update_cycle": "更新频率",
        "open.open_condition": "开放方式",
        "extensions.contact_phone": "联系电话",
        "extensions.contact_email": "联系邮箱",
        "format.format_types": "数据格式",
    },
    "深圳": {
        "name": "名称",
        "abstract": "摘要",
        "extensions.tags": "关键字",
        "provider": "数据提供方",
        "extensions.industry": "行业分类",
        "publish_date": "上架日期",
        "extensions.updated": "更新日期",
        "update_cycle": "更新频率",
        "open.open_condition": "开放方式",
        "extensions.contact": "联系方式",
    },
    "海南": {
        "abstract": "摘要",
        "name": "目录名称",
        "open.open_condition": "开放状态",
        "extensions.theme": "所属主题",
        "provider": "来源部门",
        "publish_date": "目录发布时间",
        "extensions.updated": "数据更新时间",
        "update_cycle": "更新频率",
        "format.format_types": "数据格式",
    },
    "内江": {
        "name": "标题",
        "provider": "来源部门",
        "extensions.theme": "主题",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
        "open.open_condition": "开放条件",
        "extensions.record_count": "数据量",
        "extensions.industry": "行业名称",
        "update_cycle": "更新频率",
        "extensions.contact_phone": "技术支持电话",
        "extensions.contact_email": "技术支持邮箱",
        "abstract": "描述",
    },
    "德阳": {
        "name": "标题",
        "provider": "资源提供方",
        "extensions.sector": "领域名称",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
        "open.open_condition": "开放类型",
        "extensions.record_count": "数据量",
        "extensions.industry": "所属行业",
        "update_cycle": "更新周期",
        "extensions.contact_phone": "联系电话",
        "extensions.tags": "标签",
        "abstract": "资源摘要",
    },
    "广元": {
        "name": "标题",
        "provider": "资源提供单位",
        "publish_date": "发布时间",
        "extensions.updated": "更新时间",
        "open.open_condition": "开放类型",
        "update_cycle": "更新频率",
        "extensions.contact_phone": "联系电话",
        "abstract": "资源摘要",
    },
    "眉山": {
        "provider": "提供单位",
        "extensions.sector": "数据领域",
        "publish_date": "发布时间",
        "extensions.industry": "行业名称",
        "extensions.contact_phone": "联系电话",
        "abstract": "服务描述",
        "update_cycle": "更新周期",
        "extensions.tags": "关键字",
        "format.format_types": "格式类型",
    },
    "内蒙古": {
        "name": "目录名称",
        "open.open_condition": "开放状态",
        "abstract": "简介",
        "extensions.theme": "所属主题",
        "update_cycle": "更新频率",
        "provider": "提供单位",
        "publish_date": "发布日期",
        "extensions.updated": "更新日期",
    },
    "银川": {
        "name": "标题",
        "provider": "来源部门",
        "extensions.theme": "所属主题",
        "publish_date": "发布时间",
        "extensions.updated": "最后更新",
        "open.open_condition": "开放状态",
        "extensions.industry": "所属行业",
        "update_cycle": "更新频率",
        "extensions.tags": "标签",
        "abstract": "描述",
    },
    "巴中": {
        "name": "resourceName",
        "provider": "dataSource",
        "publish_date": "publishTime",
        "extensions.updated": "updateTime",
        "open.open_condition": "openType",
        "extensions.record_count": "dataVolume",
        "update_cycle": "dataUpdatePeriod",
        "extensions.contact_phone": "departmentContactTel",
        "extensions.contact_email": "email",
        "abstract": "remark",
    },
}
DETAIL_URL = "详情页网址"
"""What every export of a crawled portal gives beside the page's own headings."""

# Values as portals show them, good and bad.
_VALUES: dict[str, list[Any]] = {
    "name": ["常住人口统计数据", "公交线路信息", "暂无"],
    "provider": ["市统计局", "市交通运输局", ""],
    "abstract": ["全市常住人口的年度统计数据", "无"],
    "update_cycle": ["每年", "每半年", "半年", "季度", "实时更新", "不定期", "分钟级", "每两周"],
    "publish_date": ["2023-06-16", "2023/06/16", "2023-13-01", "2099-01-01"],
    "open.open_condition": ["无条件开放", "有条件开放", "登录开放", "不予开放", "暂无"],
    "format.format_types": [["xls", "csv"], "xls,csv", "XLS/CSV/JSON", "api", "pdf", []],
    "extensions.updated": ["2024-01-02", "2024-01-02 10:00:00"],
    "extensions.sector": ["交通运输", "生态环境"],
    "extensions.theme": ["城建住房", "社保就业"],
    "extensions.industry": ["公共管理、社会保障和社会组织"],
    "extensions.scenario": ["出行服务"],
    "extensions.tags": [["人口", "统计"], "交通,公交", ""],
    "extensions.contact": ["张三 0710-1234567"],
    "extensions.contact_phone": ["0710-1234567", "暂无"],
    "extensions.contact_email": ["data@example.gov.cn"],
    "extensions.record_count": [1234, "56", "0"],
    "extensions.region": ["西湖区"],
}
_MISSING = object()
"""A heading a record leaves out."""


def _canonical(element: str) -> str:
    return PACK.fields.get(element).zh


@st.composite
def exports(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    """A portal and its export's records keyed by the elements' own names: the first record
    shows every heading of the page (as a crawled export does), the others may leave some out."""
    portal = draw(st.sampled_from(sorted(PORTALS)))
    records = []
    for n in range(draw(st.integers(1, 3))):
        record: dict[str, Any] = {}
        for element in PORTALS[portal]:
            value = draw(st.sampled_from([*_VALUES[element], *([_MISSING] if n else [])]))
            if value is not _MISSING:
                record[_canonical(element)] = f"{value}{n}" if element == "name" else value
        record[DETAIL_URL] = f"https://data.example.gov.cn/open-data/{n}"
        records.append(record)
    return portal, records


def _findings(
    records: list[dict[str, Any]], heading: dict[str, str] | None = None
) -> list[tuple[str, ...]]:
    """The findings of ``records`` (the open-data portal pack named), the key of each pointer
    into a record renamed to its portal ``heading`` where the record wrote it."""
    report = validate(json.dumps(records, ensure_ascii=False), pack=PACK, options=OPTIONS)
    out = []
    for f in report.findings:
        parts = (f.location.pointer or "").split("/")
        if heading and len(parts) > 2 and parts[1].isdigit() and parts[2] in records[int(parts[1])]:
            parts[2] = heading.get(parts[2], parts[2])
        out.append((f.code, "/".join(parts), f.message_zh, f.message_en))
    return sorted(out)


@settings(max_examples=150, deadline=None)
@given(exports())
def test_a_portal_export_reads_as_the_export_of_canonical_headings(
    export: tuple[str, list[dict[str, Any]]],
) -> None:
    portal, canonical = export
    heading = {_canonical(element): h for element, h in PORTALS[portal].items()}
    written = [{heading.get(k, k): v for k, v in record.items()} for record in canonical]

    assert load_catalog(written, pack=PACK) == load_catalog(canonical, pack=PACK)
    assert _findings(written) == _findings(canonical, heading)
    assert "open-data-portal@" in validate(written, options=OPTIONS).regime_en
