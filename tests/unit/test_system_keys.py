"""The keys catalog systems write in their JSON exports (``system_keys`` in the field table):
names of the guide's elements, under which codes are read only where the systems agree on the
code list. An export with them is read as the national catalog, not as an open-data portal's,
even beside many keys of its own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from govcatalog import ValidationOptions, validate
from govcatalog.errors import PackError
from govcatalog.packs import get_pack
from govcatalog.packs.registry import PackRegistry
from govcatalog.records.coerce import Coercer
from govcatalog.records.read import open_document
from govcatalog.records.regime import heading_fit, open_judged
from tests.integration.test_export_kind import PORTAL_RECORDS

PACK = get_pack("gb-1272")
PORTAL = get_pack("open-data-portal")
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))


def _hits(record: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    out = Coercer(PACK).resource(record)
    assert out is not None
    return out.record, [(h.code, out.original(h.pointer)) for h in out.hits]


def test_a_code_under_a_key_whose_systems_number_the_values_differently_is_no_value() -> None:
    # shareType 1 is 无条件共享 in idatrix, 有条件共享 in another system; each system numbers
    # the update cycles its own way; no source gives the codes of resourceFormatClassify.
    written = {
        "shareType": "1",
        "sharedType": "１",  # a code in full width is a code too
        "refreshCycle": 7,
        "resourceFormatClassify": "3",
    }
    for key, value in written.items():
        record, hits = _hits({key: value})
        assert ("GC-F002", f"/{key}") in hits
        assert "share_type" not in record.get("share", {})
        assert "update_cycle" not in record
        assert "format_class" not in record.get("format", {})
    # under the guide's names and govcatalog's keys the codes are read, as before
    record, hits = _hits({"共享类型": "1", "更新周期": 7})
    assert record["share"]["share_type"] == "无条件共享"
    assert record["update_cycle"] == "每年"
    assert not [h for h in hits if h[0] == "GC-F002"]


@pytest.mark.parametrize("value", [3, "3", "３"])
def test_a_code_under_a_key_a_system_shares_with_govcatalog_is_no_value(value: object) -> None:
    # kweaver's catalog writes update_cycle, govcatalog's own key, numbering 1 不定时 2 实时
    # 3 每日: its 3 is not the vocabulary's 3 (每周). Only a label says which cycle is meant.
    kweaver = {"catalog_name": "企业登记信息", "shared_type": 2, "update_cycle": value}
    for record in (kweaver, {"update_cycle": value}):
        read, hits = _hits(record)
        assert ("GC-F002", "/update_cycle") in hits
        assert "update_cycle" not in read
    read, hits = _hits({**kweaver, "update_cycle": "每日"})
    assert read["update_cycle"] == "每日"
    assert not [h for h in hits if h[1] == "/update_cycle"]


def test_codes_are_read_where_the_systems_agree() -> None:
    record, hits = _hits(
        {
            "shareMode": 1,  # 1 共享平台方式 2 邮件方式 3 介质方式 wherever numbered
            "isOpen": "0",  # 1 是 0 否
            "catalogDataItems": [{"colName": "姓名", "colType": "C"}],  # the letters C…F
        }
    )
    assert record["share"]["share_mode_class"] == "共享平台方式"
    assert record["open"]["open_to_public"] is False
    assert record["items"][0] == {"name": "姓名", "data_type": "字符型"}
    assert ("GC-F003", "/shareMode") in hits
    assert not [h for h in hits if h[0] == "GC-F002"]


IDATRIX_LIKE: dict[str, Any] = {
    # an export of a compilation system: its keys, its ids and bookkeeping (no portal has them)
    "id": 12,
    "catalogName": "人口基本信息",
    "catalogCode": "101001",
    "seqNum": "000001",
    "code": "101001/000001",
    "name": "常住人口基本信息",
    "remark": "全市户籍及常住人口的基本信息",
    "deptName": "襄阳市公安局",
    "deptNameIdArray": "5",
    "deptCode": "11420600011060017B",
    "resourceAbstract": "全市户籍及常住人口的基本信息",
    "keyword": "人口",
    "formatType": 3,
    "formatInfo": "oracle",
    "shareType": "有条件共享",
    "shareCondition": "仅限政务部门核验身份",
    "shareMethod": "接口",
    "shareDeptArray": [],
    "openType": 0,
    "openCondition": "",
    "refreshCycle": "每日",
    "pubDate": "2024-06-01",
    "bindTableId": 7,
    "libTableId": "3,7",
    "status": "29",
    "creator": "admin",
    "resourceColumnVOList": [{"id": 1, "colName": "公民身份号码", "colType": "C"}],
}


def test_a_system_export_the_portal_pack_knows_more_keys_of_stays_national() -> None:
    text = json.dumps({"code": 200, "data": {"rows": [IDATRIX_LIKE], "total": 1}})
    national, portal = open_document(text, PACK), open_document(text, PORTAL)
    known, total = heading_fit(national, PACK)
    assert known < total / 2  # its ids and bookkeeping keys mean nothing to either pack …
    assert heading_fit(portal, PORTAL)[0] >= known + 3  # … and remark, keyword … to a portal
    judged = open_judged(text)
    assert judged.regime.pack.id == "gb-1272"  # it gives 共享类型: no portal publishes it
    report = validate(text, options=OPTIONS)
    assert "gb-1272@" in report.regime_en
    unknown = {f.value for f in report.findings if f.code == "GC-S004"}
    assert {"shareType", "deptCode", "refreshCycle", "colType"}.isdisjoint(unknown)
    assert {"id", "status", "bindTableId"} <= unknown


def test_a_file_giving_the_share_type_is_no_portal_export() -> None:
    records = PORTAL_RECORDS[:2]
    assert open_judged(json.dumps(records, ensure_ascii=False)).regime.pack.id == PORTAL.id
    shared = [{**r, "共享类型": "无条件共享"} for r in records]
    assert open_judged(json.dumps(shared, ensure_ascii=False)).regime.pack.id == "gb-1272"


def _local_pack(tmp_path: Path, pack_toml: str, fields_toml: str = "") -> Path:
    root = tmp_path / "city" / "1.0.0"
    root.mkdir(parents=True)
    head = '[pack]\nid = "city"\nversion = "1.0.0"\nextends = "gb-1272@^1"\n'
    (root / "pack.toml").write_text(head + pack_toml, encoding="utf-8")
    if fields_toml:
        (root / "fields.toml").write_text(fields_toml, encoding="utf-8")
    return root


def test_a_local_pack_adds_system_keys_and_keeps_the_national_ones(tmp_path: Path) -> None:
    root = _local_pack(tmp_path, "", '[[field]]\nid = "name"\nsystem_keys = ["zymc"]\n')
    city = PackRegistry().load_path(root)
    name = city.fields.get("name")
    assert name.system_keys[-1] == "zymc"
    assert set(PACK.fields.get("name").system_keys) < set(name.system_keys)
    for key in ("zymc", "resourceName", "信息资源名称"):
        out = Coercer(city).resource({key: "企业登记信息"})
        assert out is not None and out.record["name"] == "企业登记信息"


def test_never_published_names_fields_of_the_pack(tmp_path: Path) -> None:
    root = _local_pack(tmp_path, '[values]\nnever_published = ["sharing"]\n')
    with pytest.raises(PackError, match="never_published"):
        PackRegistry().load_path(root)
