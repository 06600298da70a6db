"""Properties: the quick paths of the rules answer as the plain computation does.

The duplicate-name check of the data items first counts the names in C, and falls back on
``dict.get`` for items without one; the classification check remembers what each (类, 项) pair
says; the rule set collects every rule's hits in one list. Each is held to the plain
computation here, on records coerced from values drawn near the edges.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.model.code import parse_resource_code
from govcatalog.packs import get_pack
from govcatalog.records.coerce import PARSED_CODE, Coercer
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin import BUILTIN_RULES
from govcatalog.rules.builtin.classification import code_and_classification
from govcatalog.rules.builtin.content import data_items
from govcatalog.rules.engine import RuleContext

PACK = get_pack()
TODAY = dt.date(2026, 1, 15)

names = st.sampled_from(["姓名", "性别", "民族", "", None])
items = st.lists(
    st.one_of(st.builds(lambda n: {"name": n}, names), st.just({}), st.just({"length": 8})),
    max_size=8,
)


def _plain_duplicates(listed: list[dict[str, Any]]) -> list[Hit]:
    counts = Counter(item.get("name") for item in listed)
    hits: list[Hit] = []
    for i, item in enumerate(listed):
        name = item.get("name")
        if name and counts[name] > 1 and all(h.value != name for h in hits):
            hits.append(Hit("GC-F011", f"/items/{i}/name", {"count": counts[name]}, name))
    return hits


@settings(max_examples=300, deadline=None)
@given(listed=items)
def test_duplicate_item_names_as_counted_plainly(listed: list[dict[str, Any]]) -> None:
    got = list(data_items({"items": listed}, RuleContext(PACK, TODAY)))
    assert got == _plain_duplicates(listed)


def _pick(*values: object) -> st.SearchStrategy[object]:
    return st.sampled_from(values)


raw_resources = st.fixed_dictionaries(
    {},
    optional={
        "category": st.fixed_dictionaries(
            {},
            optional={
                "lei": _pick("基础信息资源目录", "主题信息资源目录", "部门信息资源目录", "其他"),
                "xiang": _pick("公共服务", "法人单位基础信息资源", "02", "06", "国务院"),
            },
        ),
        "code": _pick("102001/000001", "203001/000001", "312001/000001", "x"),
        "provider_code": _pick("11420604000011957L", "91350100M000100Y44", ""),
        "format": st.fixed_dictionaries(
            {},
            optional={
                "format_class": _pick("数据库", "电子表格", "电子文件", "其他", "服务接口"),
                "format_types": st.lists(_pick("MySQL", "xls", "mp4", "pdf"), max_size=2),
                "other_description": _pick("", "说明"),
            },
        ),
        "share": st.fixed_dictionaries(
            {},
            optional={
                "share_type": _pick("无条件共享", "有条件共享", "不予共享", "其他"),
                "share_condition": _pick("", "无", "不限", "仅限公安机关使用", "《某法》第二条"),
                "share_mode_class": _pick("共享平台方式", "邮件或介质方式", "其他"),
                "share_mode_type": _pick("接口", "文件"),
            },
        ),
        "open": st.fixed_dictionaries(
            {},
            optional={
                "open_to_public": st.booleans(),
                "open_condition": _pick("", "无条件开放"),
            },
        ),
        "publish_date": _pick("2020-06-05", "2030-01-01", "2026-01-16"),
        "items": st.lists(
            st.fixed_dictionaries(
                {"name": names}, optional={"base_item": st.booleans() | st.none()}
            ),
            max_size=5,
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(raw=raw_resources)
def test_the_rule_set_gives_every_rules_hits_in_order(raw: dict[str, Any]) -> None:
    coerced = Coercer(PACK).resource(raw)
    assert coerced is not None
    ctx = RuleContext(PACK, TODAY)
    one_by_one = [hit for r in BUILTIN_RULES for hit in r.check(coerced.record, ctx)]
    assert list(BUILTIN_RULES.run(coerced.record, ctx)) == one_by_one


LEI = ("基础信息资源目录", "主题信息资源目录", "部门信息资源目录")
XIANG = (None, "公共服务", "法人单位基础信息资源", "国务院", "02", "06", "12", "其他")
CODES = (None, "102001/000001", "103001/000001", "212001/000001", "301001/000001")
classified = st.builds(
    lambda lei, xiang, code: {
        "category": {"lei": lei, "xiang": xiang},
        PARSED_CODE: parse_resource_code(code) if code else None,
    },
    st.sampled_from(LEI),
    st.sampled_from(XIANG),
    st.sampled_from(CODES),
)


@settings(max_examples=300, deadline=None)
@given(records=st.lists(classified, min_size=1, max_size=8))
def test_the_remembered_classification_answers_as_a_fresh_one(records: list[Record]) -> None:
    run = RuleContext(PACK, TODAY)  # one memo for the whole run
    for rec in records:
        fresh = list(code_and_classification(rec, RuleContext(PACK, TODAY)))
        assert list(code_and_classification(rec, run)) == fresh
