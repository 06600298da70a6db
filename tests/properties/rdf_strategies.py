"""Hypothesis strategies for RDF tests: typed catalogs (round trips) and raw catalogs with
mistakes (the differential test of the native validator against the SHACL shapes)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from govcatalog.model import (
    Catalog,
    CatalogInfo,
    CatalogLevel,
    Category,
    DataItem,
    DataType,
    FormatClass,
    OpenAttributes,
    Resource,
    ResourceClass,
    ResourceFormat,
    SecrecyClass,
    ShareAttributes,
    ShareModeClass,
    ShareModeType,
    ShareType,
    UpdateCycle,
)

# Text that every RDF syntax can carry: no surrogates, unassigned code points (U+FFFE is no XML
# character) or control characters except \n and \t (XML 1.0 has no other control characters;
# they have their own test in Turtle, N-Triples and JSON-LD), but quotes, backslashes, angle
# brackets and CJK on purpose.
_chars = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")) | st.sampled_from(
    '\n\t"\\<>&'
)
texts = st.text(_chars, max_size=12)
opt_texts = st.none() | texts
codes = st.sampled_from(
    ["101001/000001", "101001/000002", "203001/1", "310001/000009", "bad code", "a/b\\c"]
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
json_scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
extensions = st.dictionaries(texts, json_values, max_size=2)


def _opt(strategy: st.SearchStrategy) -> st.SearchStrategy:  # type: ignore[type-arg]
    return st.none() | strategy


items = st.builds(
    DataItem,
    name=opt_texts,
    data_type=_opt(st.sampled_from(DataType)),
    length=_opt(st.integers(1, 4000)),
    base_item=_opt(st.booleans()),
    data_element=opt_texts,
    description=opt_texts,
    extensions=extensions,
)

resources = st.builds(
    Resource,
    category=st.builds(
        Category,
        lei=_opt(st.sampled_from(ResourceClass)),
        xiang=opt_texts,
        mu=opt_texts,
        ximu=opt_texts,
    ),
    name=opt_texts,
    code=_opt(codes),
    provider=_opt(st.sampled_from(["市公安局", "市民政局", 'A "quoted" body'])),
    provider_code=_opt(st.sampled_from(["11420600011060017B", "X1"])),
    abstract=opt_texts,
    format=st.builds(
        ResourceFormat,
        format_class=_opt(st.sampled_from(FormatClass)),
        format_types=st.lists(
            st.sampled_from(["oracle", "xlsx", "Oracle", "自定义", "pdf"]), max_size=3
        ).map(tuple),
        other_description=opt_texts,
    ),
    items=st.lists(items, max_size=3).map(tuple),
    share=st.builds(
        ShareAttributes,
        share_type=_opt(st.sampled_from(ShareType)),
        share_condition=opt_texts,
        share_mode_class=_opt(st.sampled_from(ShareModeClass)),
        share_mode_type=_opt(st.sampled_from(ShareModeType)),
    ),
    open=st.builds(OpenAttributes, open_to_public=_opt(st.booleans()), open_condition=opt_texts),
    update_cycle=_opt(st.sampled_from(UpdateCycle)),
    publish_date=_opt(dates),
    related_codes=st.lists(codes, max_size=3).map(tuple),
    secrecy=_opt(st.sampled_from(SecrecyClass)),
    extensions=extensions,
)

catalogs = st.builds(
    Catalog,
    info=st.builds(
        CatalogInfo,
        name=opt_texts,
        publisher=opt_texts,
        region_code=_opt(st.sampled_from(["420600", "110000"])),
        level=_opt(st.sampled_from(CatalogLevel)),
        version=opt_texts,
        issued=_opt(dates),
        pack=_opt(st.just("gb-1272@1")),
    ),
    resources=st.lists(resources, max_size=4).map(tuple),
)
"""Typed catalogs: any combination the model allows (valid or not for a pack)."""

# ------------------------------------------------------------------------------ raw catalogs
BAD = "无效取值"
"""A value of no vocabulary."""


def _maybe(value: st.SearchStrategy) -> st.SearchStrategy:  # type: ignore[type-arg]
    """A key that may be left out (None means: leave it out)."""
    return st.none() | value


def _choice(values: list[object]) -> st.SearchStrategy:  # type: ignore[type-arg]
    return _maybe(st.sampled_from(values))


def _drop_none(d: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in d.items() if v is not None}


_raw_codes = [
    "101001/000001",
    "201002/000007",
    "310001/12",
    "101001/00000A",
    "40100/1",
    "1010/1",
    "101001-000001",
    "1-01-001-000001",
    "1-010-01/000001",
]
_conditions = ["无", "无条件", "需申请", "依据《中华人民共和国保守国家秘密法》第九条", "仅限内部"]

raw_items = st.fixed_dictionaries(
    {
        "name": _choice(["姓名", "地址", "证件号码"]),
        "data_type": _choice([*list(DataType), BAD]),
        "length": _choice([1, 18, 0, -3, "abc"]),
        "base_item": _choice([True, False, "是", "否", BAD]),
    }
).map(_drop_none)

raw_resources = st.fixed_dictionaries(
    {
        "category": _maybe(
            st.fixed_dictionaries(
                {
                    "lei": _choice([*list(ResourceClass), BAD]),
                    "xiang": _choice(["国家人口基础信息资源", "社会保障", "国务院", "随便"]),
                }
            ).map(_drop_none)
        ),
        "name": _choice(["常住人口", "名" * 51]),
        "code": _choice(_raw_codes),
        "provider": _choice(["市公安局"]),
        "provider_code": _choice(["11420600011060017B"]),
        "abstract": _choice(["摘要", "长" * 257]),
        "format": _maybe(
            st.fixed_dictionaries(
                {
                    "format_class": _choice([*list(FormatClass), BAD]),
                    "format_types": _maybe(
                        st.lists(st.sampled_from(["oracle", "xlsx", "自定义"]), max_size=2)
                    ),
                    "other_description": _choice(["专用格式"]),
                }
            ).map(_drop_none)
        ),
        "items": _maybe(st.lists(raw_items, max_size=3)),
        "share": _maybe(
            st.fixed_dictionaries(
                {
                    "share_type": _choice([*list(ShareType), BAD]),
                    "share_condition": _choice(_conditions),
                    "share_mode_class": _choice([*list(ShareModeClass), BAD]),
                    "share_mode_type": _choice([*list(ShareModeType), BAD]),
                }
            ).map(_drop_none)
        ),
        "open": _maybe(
            st.fixed_dictionaries(
                {
                    "open_to_public": _choice([True, False, "是", BAD]),
                    "open_condition": _choice(["无条件开放"]),
                }
            ).map(_drop_none)
        ),
        "update_cycle": _choice([*list(UpdateCycle), BAD]),
        "publish_date": _choice(
            [
                "2024-03-01",
                "2024-02-30",
                "昨天",
                "2024-03",
                "2024年",
                "2024/13",
                "２０２４－０３－０１",
                "２０２４－０３",
                "2024．3．1",
            ]
        ),
        "related_codes": _maybe(st.lists(st.sampled_from(_raw_codes), max_size=2)),
        "secrecy": _choice([*list(SecrecyClass), BAD]),
    }
).map(_drop_none)
"""One resource in the canonical JSON shape, with every kind of mistake the shapes cover."""

raw_catalogs = st.lists(raw_resources, min_size=1, max_size=5).map(
    lambda rs: {"catalog": {"name": "测试目录", "publisher": "市大数据局"}, "resources": rs}
)
"""Raw catalogs (dicts) for the differential test."""
