"""Reading what catalogs write: Chinese keys, aliases, flat leaves, messy values."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.packs import Pack, get_pack
from govcatalog.packs.key_fold import fold_key
from govcatalog.records.coerce import INVALID, Coerced, Coercer
from govcatalog.records.hits import Hit
from tests.helpers import in_chinese

GUIDE = {"standard_zh": "编制指南", "standard_en": "the guide"}


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
        {"name": ["x"], "items": "姓名", "share": 5, "publish_date": [2024, 3, 1]}
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


REQUIRED = [
    "/code",
    "/provider",
    "/provider_code",
    "/abstract",
    "/update_cycle",
    "/publish_date",
    "/category/lei",
    "/category/xiang",
    "/format/format_class",
    "/format/format_types",
    "/share/share_type",
    "/open/open_to_public",
]
"""The required elements of the national pack after 信息资源名称, in the guide's order."""


def _missing(out: Coerced) -> list[str]:
    return [h.pointer for h in out.hits if h.code == "GC-F001"]


def test_every_required_element_missing_is_named_once_in_order(pack: Pack) -> None:
    out = Coercer(pack).resource({"name": "人口信息"})
    assert out is not None
    assert out.hits == [
        Hit("GC-F001", p, pack.fields.get(p[1:].replace("/", ".")).names()) for p in REQUIRED
    ]
    assert Coercer(pack).resource({}) is not None


def test_required_elements_of_each_data_item(pack: Pack) -> None:
    items = [
        {"name": "姓名", "data_type": "字符型", "length": 5},  # canonical: read as it is
        {"信息项名称": "性别"},
        {"name": ""},
        7,
    ]
    out = Coercer(pack).resource({"items": items})
    assert out is not None
    assert out.record["items"] == [items[0], {"name": "性别"}, {}, {}]
    assert out.record[INVALID] == frozenset({"/items/3"})
    data_type = {"element_zh": "数据类型", "element_en": "Data type", **GUIDE}
    item_name = {"element_zh": "信息项名称", "element_en": "Data item name", **GUIDE}
    wrong = {
        "element_zh": "信息项信息",
        "element_en": "Data items",
        **GUIDE,
        "expected_zh": "对象列表",
        "expected_en": "a list of objects",
        "actual_zh": "数字",
        "actual_en": "a number",
    }
    assert out.hits[:4] == [
        Hit("GC-F001", "/items/1/data_type", data_type),
        Hit("GC-F001", "/items/2/name", item_name),
        Hit("GC-F001", "/items/2/data_type", data_type),
        Hit("GC-S003", "/items/3", wrong, "7"),
    ]
    assert out.original("/items/1/data_type") == "/items/1/数据类型"
    assert _missing(out)[3:] == ["/name", *REQUIRED]


@pytest.mark.parametrize(
    ("value", "actual", "shown"),
    [
        ("x", ("文本", "text"), "x"),
        (5, ("数字", "a number"), "5"),
        ({"name": "a"}, ("对象", "an object"), "{'name': 'a'}"),
    ],
)
def test_data_items_that_are_no_list(
    pack: Pack, value: object, actual: tuple[str, str], shown: str
) -> None:
    out = Coercer(pack).resource({"items": value})
    assert out is not None
    assert "items" not in out.record
    assert out.record[INVALID] == frozenset({"/items"})
    params = {
        "element_zh": "信息项信息",
        "element_en": "Data items",
        **GUIDE,
        "expected_zh": "对象列表",
        "expected_en": "a list of objects",
        "actual_zh": actual[0],
        "actual_en": actual[1],
    }
    assert out.hits[0] == Hit("GC-S003", "/items", params, shown)
    none = Coercer(pack).resource({"items": None})
    assert none is not None and "items" not in none.record and INVALID not in none.record


def test_extensions_are_kept_as_written(pack: Pack) -> None:
    out = Coercer(pack).resource(
        {"extensions": {"a": 1}, "items": [{"name": "甲", "extensions": {"b": 2}}]}
    )
    assert out is not None
    assert out.record["extensions"] == {"a": 1}
    assert out.record["items"] == [{"name": "甲", "extensions": {"b": 2}}]
    assert [h.code for h in out.hits if h.code != "GC-F001"] == []


def test_an_unknown_key_names_the_nearest_elements(pack: Pack) -> None:
    out = Coercer(pack).resource({"信息资源名字": "x", "所属处室": "办公室"})
    assert out is not None
    assert out.record["extensions"] == {"信息资源名字": "x", "所属处室": "办公室"}
    assert [h for h in out.hits if h.code == "GC-S004"] == [
        Hit(
            "GC-S004",
            "/extensions/信息资源名字",
            {
                "detail_zh": "（最接近的元素：信息资源名称、信息资源代码）",
                "detail_en": " (nearest elements: Resource name (信息资源名称), Resource code (信息资源代码))",
            },
            "信息资源名字",
        ),
        Hit(
            "GC-S004",
            "/extensions/所属处室",
            {
                # 所属分类 names 信息资源分类: one character from 所属处室, as 提供方 is close in meaning
                "detail_zh": "（最接近的元素：信息资源提供方、信息资源分类）",
                "detail_en": " (nearest elements: Provider (信息资源提供方),"
                " Resource classification (信息资源分类))",
            },
            "所属处室",
        ),
    ]
    assert out.original("/extensions/所属处室") == "/所属处室"


@settings(max_examples=300, deadline=None)
@given(data=st.data(), scope=st.sampled_from([None, "catalog", "items", "share"]))
def test_the_nearest_elements_are_those_difflib_finds_among_all_names(
    pack: Pack, data: st.DataObject, scope: str | None
) -> None:
    """Names sharing no character with the key are not asked: the same elements come back."""
    names = pack.fields.key_map(scope)
    written = "".join(names) + "xyz019 _-（）"
    key = data.draw(
        st.text(alphabet=written, max_size=12)
        | st.builds(
            lambda name, cut, tail: name[:cut] + tail,
            st.sampled_from(sorted(names)),
            st.integers(0, 8),
            st.text(alphabet=written, max_size=3),
        )
    )
    close = difflib.get_close_matches(fold_key(key), list(names), n=6, cutoff=0.5)
    expected = tuple(dict.fromkeys(names[name] for name in close))[:2]
    assert pack.fields.nearest(key, scope) == expected


def test_catalog_facts(pack: Pack) -> None:
    out = Coercer(pack).catalog_info({"region_code": "110000", "bogus": 1, "名称": "目录"})
    assert out is not None
    assert out.record == {"region_code": "110000", "extensions": {"bogus": 1}, "name": "目录"}
    assert out.hits == [
        Hit("GC-S004", "/extensions/bogus", {"detail_zh": "", "detail_en": ""}, "bogus")
    ]
    assert out.original("/name") == "/名称"
    assert Coercer(pack).catalog_info(["目录"]) is None


def test_an_unknown_key_names_the_nearest_elements_of_its_own_object(pack: Pack) -> None:
    catalog = Coercer(pack).catalog_info({"名称x": "目录"})
    assert catalog is not None
    assert catalog.hits == [
        Hit(
            "GC-S004",
            "/extensions/名称x",
            {
                "detail_zh": "（最接近的元素：目录名称）",
                "detail_en": " (nearest elements: Catalog name (目录名称))",
            },
            "名称x",
        )
    ]
    resource = Coercer(pack).resource({"名称x": "人口信息", "items": [{"名称x": "姓名"}]})
    assert resource is not None
    assert [(h.pointer, h.params["detail_zh"]) for h in resource.hits if h.code == "GC-S004"] == [
        ("/extensions/名称x", "（最接近的元素：信息资源提供方、信息资源名称）"),
        ("/items/0/extensions/名称x", "（最接近的元素：信息项名称）"),
    ]


@pytest.mark.parametrize(
    ("value", "actual"), [(5, ("数字", "a number")), (["a"], ("列表", "a list"))]
)
def test_a_group_that_is_no_object(pack: Pack, value: object, actual: tuple[str, str]) -> None:
    out = Coercer(pack).resource({"share": value})
    assert out is not None
    params = {
        "element_zh": "共享属性",
        "element_en": "Share attributes",
        **GUIDE,
        "expected_zh": "对象",
        "expected_en": "an object",
        "actual_zh": actual[0],
        "actual_en": actual[1],
    }
    assert out.hits[0] == Hit("GC-S003", "/share", params, repr(value))
    assert out.record == {INVALID: frozenset({"/share"})}


def test_a_plain_value_under_a_group_heading_is_its_main_elements(pack: Pack) -> None:
    out = Coercer(pack).resource({"开放属性": "无条件开放"})
    assert out is not None
    assert out.record["open"] == {"open_condition": "无条件开放", "open_to_public": True}
    f003 = [h for h in out.hits if h.code == "GC-F003"]
    assert [(h.pointer, out.original(h.pointer), h.value) for h in f003] == [
        ("/open/open_to_public", "/开放属性", "无条件开放")
    ]
    assert out.original("/open/open_condition") == "/开放属性"


def test_a_note_a_form_gives_is_appended_once(pack: Pack) -> None:
    def note(given: str) -> object:
        out = Coercer(pack).resource({"update_cycle": "不定期（按需）", "update_note": given})
        assert out is not None
        assert out.record["update_cycle"] == "其他"
        return out.record["update_note"]

    assert note("另行通知") == "另行通知；不定期（按需）"
    assert note("不定期（按需）") == "不定期（按需）"
    assert note("") == "不定期（按需）"


def test_a_form_never_replaces_what_was_written(pack: Pack) -> None:
    given = {"open_to_public": False, "open_condition": "有条件开放"}
    out = Coercer(pack).resource({"open": given})
    assert out is not None
    assert out.record["open"] == given
    assert [h for h in out.hits if h.code == "GC-F003"] == []
    unreadable = Coercer(pack).resource(
        {"open": {"open_to_public": "可能"}, "开放条件": "有条件开放"}
    )
    assert unreadable is not None
    assert unreadable.record["open"] == {"open_condition": "有条件开放"}
    assert [h.code for h in unreadable.hits if h.code != "GC-F001"] == ["GC-F002"]


def test_a_packs_default_is_set_without_a_finding() -> None:
    portal = get_pack("open-data-portal@^1")
    out = Coercer(portal).resource({"name": "甲"})
    assert out is not None
    assert out.record["open"] == {"open_to_public": True}
    assert out.original("/open/open_to_public") == "/open/open_to_public"
    # a form that says what the default says is no liberty worth a finding …
    said = Coercer(portal).resource({"开放属性": {"开放条件": "有条件开放"}})
    assert said is not None
    assert said.record["open"] == {"open_condition": "有条件开放", "open_to_public": True}
    assert [h for h in said.hits if h.code == "GC-F003"] == []
    assert said.original("/open/open_to_public") == "/开放属性/开放条件"
    # … one that says otherwise is
    closed = Coercer(portal).resource({"open": {"open_condition": "不予开放"}})
    assert closed is not None
    assert closed.record["open"] == {"open_to_public": False}
    open_ = {"element_zh": "是否向社会开放", "element_en": "Open to the public", **GUIDE}
    assert in_chinese(h for h in closed.hits if h.code == "GC-F003") == [
        Hit("GC-F003", "/open/open_to_public", {**open_, "canonical": "否"}, "不予开放")
    ]


def test_data_items_in_canonical_form_are_checked_like_any_other(pack: Pack) -> None:
    """Items written with govcatalog's own keys take a quick path; what it may not take (a value
    outside the vocabulary, blank text, a number, the longest placeholder, a list, yes/no as
    text, a missing element) is read the careful way, item after item."""
    items: list[object] = [
        {"name": "姓名", "data_type": "文本串"},
        {"name": "  ", "data_type": "字符型"},
        {"name": 12, "data_type": "字符型"},
        {"name": "null", "data_type": "字符型"},
        {"name": "甲", "length": 5, "data_type": ["字符型"]},
        {"name": "乙", "data_type": "字符型", "base_item": "是"},
        {"name": "丙"},
        1,
        {"name": "丁", "data_type": "字符型"},
        {"data_type": "文本串"},  # no text element: the vocabulary is checked all the same
        {"name": "戊", "data_type": "字符型", "base_item": 1},
    ]
    out = Coercer(pack).resource({"items": items})
    assert out is not None
    assert out.record["items"] == [
        {"name": "姓名"},
        {"data_type": "字符型"},
        {"name": "12", "data_type": "字符型"},
        {"data_type": "字符型"},
        {"name": "甲", "length": 5},
        {"name": "乙", "data_type": "字符型", "base_item": True},
        {"name": "丙"},
        {},
        {"name": "丁", "data_type": "字符型"},
        {},
        {"name": "戊", "data_type": "字符型", "base_item": True},
    ]
    assert out.record[INVALID] == frozenset(
        {"/items/0/data_type", "/items/4/data_type", "/items/7", "/items/9/data_type"}
    )
    item_hits = [(h.code, h.pointer, h.value) for h in out.hits if h.pointer.startswith("/items")]
    assert item_hits == [
        ("GC-F002", "/items/0/data_type", "文本串"),
        ("GC-F001", "/items/1/name", None),
        ("GC-F016", "/items/3/name", "null"),
        ("GC-F001", "/items/3/name", None),
        ("GC-S003", "/items/4/data_type", "['字符型']"),
        ("GC-F001", "/items/6/data_type", None),
        ("GC-S003", "/items/7", "1"),
        ("GC-F002", "/items/9/data_type", "文本串"),
        ("GC-F001", "/items/9/name", None),
        ("GC-F003", "/items/10/base_item", "1"),
    ]


def test_catalog_facts_not_written_are_named_canonically(pack: Pack) -> None:
    out = Coercer(pack).catalog_info({"名称": "目录", "region_code": "990101"})
    assert out is not None
    assert [out.original(p) for p in ("/name", "/region_code", "/level")] == [
        "/名称",
        "/region_code",
        "/level",
    ]


def test_a_flat_leaf_is_reported_at_its_place_in_the_group(pack: Pack) -> None:
    out = Coercer(pack).resource({"共享类型": "随便"})
    assert out is not None
    found = [(h.code, h.pointer, out.original(h.pointer), h.value) for h in out.hits]
    assert found[0] == ("GC-F002", "/share/share_type", "/共享类型", "随便")


def test_item_extensions_stay_free_where_the_pack_declares_extensions() -> None:
    sharing = get_pack("sharing-2025@^1")
    out = Coercer(sharing).resource({"items": [{"name": "甲", "extensions": {"b": 2}}]})
    assert out is not None
    assert out.record["items"] == [{"name": "甲", "extensions": {"b": 2}}]
    assert [h for h in out.hits if h.code == "GC-S004"] == []


def test_a_key_of_govcatalog_among_other_keys_is_pointed_at_as_written(pack: Pack) -> None:
    # govcatalog's own keys beside the guide's names: what they hold is found where they are
    out = Coercer(pack).resource(
        {"信息资源名称": "企业登记信息", "code": "401001/1", "open": {"是否向社会开放": "是"}}
    )
    assert out is not None
    where = {(h.code, out.original(h.pointer)) for h in out.hits}
    assert ("GC-F005", "/code") in where  # not /信息资源代码, a key the record does not have
    assert out.original("/open/open_condition") == "/open/开放条件"
    assert ("GC-F001", "/信息资源提供方") in where  # missing: named like its siblings


def test_a_placeholder_is_pointed_at_where_it_is_written(pack: Pack) -> None:
    # 有条件开放 as 是否向社会开放 gives the 开放条件 too; the 暂无 written there stays at its key
    out = Coercer(pack).resource(
        {"open": {"open_to_public": "有条件开放", "open_condition": "暂无"}}
    )
    assert out is not None
    where = {(h.code, out.original(h.pointer)) for h in out.hits}
    assert ("GC-F016", "/open/open_condition") in where
    assert out.record["open"] == {"open_to_public": True, "open_condition": "有条件开放"}
    # where nothing was written, the value's findings point at the form that gave it
    out = Coercer(pack).resource({"open": {"open_to_public": "有条件开放"}})
    assert out is not None
    assert out.original("/open/open_condition") == "/open/open_to_public"
