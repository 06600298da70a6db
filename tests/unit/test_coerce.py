"""Reading what catalogs write: Chinese keys, aliases, flat leaves, messy values."""

from __future__ import annotations

import datetime as dt

from govcatalog.packs import Pack
from govcatalog.records.coerce import INVALID, Coercer


def test_chinese_keys_map_to_canonical_record(pack: Pack) -> None:
    data = {
        "信息资源名称": "人口信息",
        "信息资源编码": "101001/000001",
        "共享属性": {"共享类型": "无条件共享", "共享方式": "共享平台方式/接口"},
        "开放属性": {"是否向社会开放": "否"},
        "信息项信息": [{"信息项名称": "姓名", "数据类型": "字符型C", "数据长度": "50"}],
        "更新周期（必填项）": "每天",
        "发布日期": "2024年3月1日",
    }
    out = Coercer(pack).resource(data)
    assert out is not None
    rec = out.record
    assert rec["name"] == "人口信息"
    assert rec["code"] == "101001/000001"
    assert rec["share"] == {
        "share_type": "无条件共享",
        "share_mode_class": "共享平台方式",
        "share_mode_type": "接口",
    }
    assert rec["open"] == {"open_to_public": False}
    assert rec["items"] == [{"name": "姓名", "data_type": "字符型", "length": 50}]
    assert rec["update_cycle"] == "每日"
    assert rec["publish_date"] == dt.date(2024, 3, 1)
    normalised = sorted(out.original(h.pointer) for h in out.hits if h.code == "GC-F003")
    assert normalised == [
        "/信息项信息/0/数据长度",
        "/共享属性/共享方式",
        "/发布日期",
        "/更新周期（必填项）",
    ]


def test_flat_leaves_of_groups(pack: Pack) -> None:
    out = Coercer(pack).resource({"共享类型": "有条件共享", "共享条件": "仅用于审批"})
    assert out is not None
    assert out.record["share"] == {"share_type": "有条件共享", "share_condition": "仅用于审批"}
    assert out.original("/share/share_type") == "/共享类型"


def test_unknown_and_duplicate_keys_are_reported_not_dropped(pack: Pack) -> None:
    out = Coercer(pack).resource({"name": "a", "信息资源名称": "b", "所属处室": "办公室"})
    assert out is not None
    assert out.record["extensions"] == {"所属处室": "办公室"}
    assert out.record["name"] == "b"
    codes = {(h.code, out.original(h.pointer)) for h in out.hits}
    assert ("GC-S004", "/所属处室") in codes
    assert ("GC-S007", "/信息资源名称") in codes


def test_wrong_types_are_reported_and_left_out(pack: Pack) -> None:
    out = Coercer(pack).resource(
        {"name": ["x"], "items": "姓名", "share": 5, "publish_date": 20240301}
    )
    assert out is not None
    assert "name" not in out.record and "items" not in out.record
    assert {"/name", "/items", "/share", "/publish_date"} <= set(out.record[INVALID])
    missing = {h.pointer for h in out.hits if h.code == "GC-F001"}
    assert "/name" not in missing and "/publish_date" not in missing


def test_not_an_object(pack: Pack) -> None:
    assert Coercer(pack).resource(["not", "an", "object"]) is None


def test_missing_member_of_a_flat_group_is_pointed_at_flat(pack: Pack) -> None:
    out = Coercer(pack).resource({"信息资源名称": "a", "是否向社会开放": "是"})
    assert out is not None
    assert out.original("/open/open_to_public") == "/是否向社会开放"
    assert out.original("/open/open_condition") == "/开放条件"
    nested = Coercer(pack).resource({"开放属性": {"是否向社会开放": "是"}})
    assert nested is not None
    assert nested.original("/open/open_condition") == "/开放属性/开放条件"
