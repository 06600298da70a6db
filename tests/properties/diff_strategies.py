"""Hypothesis strategies for the diff laws: canonical records and pairs of catalog versions.

Records are generated in the canonical JSON form (``Catalog.to_json_dict()``), with
values drawn from the vocabularies and realistic names, so that matching by code, by
content and ambiguous matches (duplicate names) all occur. ``versions()`` derives a
second version from the first by the edits departments make: resources removed,
added, recoded, elements changed, data items added, removed, renamed, retyped and
reordered.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from govcatalog.model.enums import (
    DataType,
    FormatClass,
    ResourceClass,
    SecrecyClass,
    ShareModeClass,
    ShareType,
    UpdateCycle,
)

RESOURCE_NAMES = (
    "人口基本信息",
    "法人基本信息",
    "婚姻登记信息",
    "社保参保信息",
    "不动产登记信息",
    "企业纳税信息",
)
PROVIDERS = ("市公安局", "市市场监管局", "市民政局", "市人社局")
ITEM_NAMES = (
    "姓名",
    "公民身份号码",
    "性别",
    "出生日期",
    "统一社会信用代码",
    "登记日期",
    "金额",
    "地址",
)
TEXTS = ("仅限业务需要", "依法不予共享", "按申请提供", "描述一", "描述二")


def _values(enum: type[Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


codes = st.builds(
    lambda a, b: f"{a}/{b:06d}",
    st.sampled_from(["101001", "101002", "201003", "301005"]),
    st.integers(1, 30),
)

items = st.fixed_dictionaries(
    {"name": st.sampled_from(ITEM_NAMES), "extensions": st.builds(dict)},
    optional={
        "data_type": _values(DataType),
        "length": st.integers(1, 200),
        "base_item": st.booleans(),
        "description": st.sampled_from(TEXTS),
        "data_element": st.sampled_from(["DE00001", "DE00002"]),
    },
)


def _groups() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "category": st.fixed_dictionaries(
            {}, optional={"lei": _values(ResourceClass), "xiang": st.sampled_from(["人口", "法人"])}
        ),
        "format": st.fixed_dictionaries(
            {"format_types": st.lists(st.sampled_from(["xlsx", "csv", "Oracle"]), max_size=2)},
            optional={
                "format_class": _values(FormatClass),
                "other_description": st.sampled_from(TEXTS),
            },
        ),
        "items": st.lists(items, max_size=5),
        "share": st.fixed_dictionaries(
            {},
            optional={
                "share_type": _values(ShareType),
                "share_condition": st.sampled_from(TEXTS),
                "share_mode_class": _values(ShareModeClass),
            },
        ),
        "open": st.fixed_dictionaries(
            {}, optional={"open_to_public": st.booleans(), "open_condition": st.sampled_from(TEXTS)}
        ),
        "related_codes": st.lists(codes, max_size=2),
        "extensions": st.one_of(
            st.builds(dict), st.fixed_dictionaries({"local_level": st.sampled_from(["A", "B"])})
        ),
    }


def _scalars() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "name": st.sampled_from(RESOURCE_NAMES),
        "code": codes,
        "provider": st.sampled_from(PROVIDERS),
        "abstract": st.sampled_from(TEXTS),
        "update_cycle": _values(UpdateCycle),
        "publish_date": st.dates().map(lambda d: d.isoformat()),
        "secrecy": _values(SecrecyClass),
    }


resources = st.fixed_dictionaries(_groups(), optional=_scalars())
"""One resource in the canonical JSON form."""

infos = st.fixed_dictionaries(
    {},
    optional={
        "name": st.sampled_from(["某市目录", "某区目录"]),
        "version": st.sampled_from(["1", "2"]),
    },
)


@st.composite
def documents(draw: st.DrawFn, max_size: int = 8) -> dict[str, Any]:
    """A canonical catalog document."""
    return {"catalog": draw(infos), "resources": draw(st.lists(resources, max_size=max_size))}


def _edit_items(draw: st.DrawFn, old: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in old:
        op = draw(st.sampled_from(["keep", "keep", "drop", "rename", "retype", "resize"]))
        if op == "drop":
            continue
        new = dict(item)
        if op == "rename":
            new["name"] = draw(st.sampled_from(ITEM_NAMES))
        elif op == "retype":
            new["data_type"] = draw(_values(DataType))
        elif op == "resize":
            new["length"] = draw(st.integers(1, 200))
        out.append(new)
    out.extend(draw(st.lists(items, max_size=2)))
    if len(out) > 1 and draw(st.booleans()):
        out = draw(st.permutations(out))
    return out


def _edit(draw: st.DrawFn, old: dict[str, Any]) -> dict[str, Any]:
    new = dict(old)
    op = draw(st.sampled_from(["recode", "elements", "items", "all"]))
    if op in ("recode", "all"):
        new["code"] = draw(codes)
    if op in ("elements", "all"):
        fresh = draw(resources)
        for key in draw(st.lists(st.sampled_from(sorted(fresh.keys() | old.keys())), max_size=4)):
            if key in fresh:
                new[key] = fresh[key]
            else:
                new.pop(key, None)
    if op in ("items", "all"):
        new["items"] = _edit_items(draw, list(old.get("items", [])))
    return new


@st.composite
def versions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two versions of a catalog, the second edited from the first."""
    old = draw(documents())
    new_resources = []
    for resource in old["resources"]:
        op = draw(st.sampled_from(["keep", "keep", "drop", "edit", "edit"]))
        if op == "keep":
            new_resources.append(resource)
        elif op == "edit":
            new_resources.append(_edit(draw, resource))
    new_resources.extend(draw(st.lists(resources, max_size=3)))
    if len(new_resources) > 1 and draw(st.booleans()):
        new_resources = draw(st.permutations(new_resources))
    info = draw(st.one_of(st.just(old["catalog"]), infos))
    return old, {"catalog": info, "resources": list(new_resources)}


@st.composite
def sparse_resources(draw: st.DrawFn) -> dict[str, Any]:
    """A canonical resource with some of its empty groups and lists left out (as records are)."""
    record = dict(draw(resources))
    for key in ("category", "format", "share", "open", "related_codes", "extensions", "items"):
        if record.get(key) in ({}, [], {"format_types": []}) and draw(st.booleans()):
            del record[key]
    return record
