"""API response envelopes: records wrapped in ``{"code": 200, "data": {"list": [...]}}``, often
beside lists of lookup values (``"dict": [{"value": "1", "label": "无条件共享"}, …]``): the list
whose objects name a resource's elements is read, else the largest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import examples, get_pack, load_catalog, validate
from govcatalog.io.json_reader import read_json_text
from govcatalog.io.object_reader import read_object
from govcatalog.io.shape import envelope_path, looks_like_resources
from tests.helpers import resource

RECORDS = [
    {"标题": "企业名录", "数据提供方": "市市场监管局"},
    {"标题": "公交线路", "数源单位": "市交通局"},
]

_keys = st.sampled_from(["data", "result", "list", "rows", "records", "数据", "a/b", "x~y"])
_scalars = st.one_of(st.integers(), st.text(max_size=5), st.booleans(), st.none())
_records = st.lists(
    st.dictionaries(st.sampled_from(["标题", "摘要", "name"]), st.text(max_size=4), min_size=1),
    min_size=1,
    max_size=4,
)


@st.composite
def _envelopes(draw: st.DrawFn) -> tuple[dict[str, Any], tuple[str, ...], list[dict[str, Any]]]:
    """An envelope, the path to its records, and the records."""
    records = draw(_records)
    path = tuple(draw(st.lists(_keys, min_size=1, max_size=3, unique=True)))
    value: Any = records
    for key in reversed(path):
        siblings = draw(st.dictionaries(st.sampled_from(["code", "msg", "total"]), _scalars))
        value = {**siblings, key: value}
    return value, path, records


@given(_envelopes(), st.sampled_from([None, 2]))
def test_json_text_and_objects_find_the_records_of_an_envelope(
    case: tuple[dict[str, Any], tuple[str, ...], list[dict[str, Any]]], indent: int | None
) -> None:
    envelope, path, records = case
    assert envelope_path(envelope) == (path, len(records), False)
    pointer = "".join("/" + k.replace("~", "~0").replace("/", "~1") for k in path)
    text = json.dumps(envelope, ensure_ascii=False, indent=indent)
    from_text = read_json_text(text, "e.json")
    from_object = read_object(envelope)
    for doc in (from_text, from_object):
        read = list(doc.records)
        assert [r.data for r in read] == records
        assert [r.pointer for r in read] == [f"{pointer}/{n}" for n in range(len(records))]
        assert doc.problems == []


def test_the_largest_list_of_objects_is_taken() -> None:
    envelope = {"code": 200, "data": {"tags": [{"t": 1}], "list": RECORDS}, "ids": [1, 2, 3]}
    assert envelope_path(envelope) == (("data", "list"), 2, False)
    assert envelope_path({"code": 200, "data": {"ids": [1, 2]}}) is None
    too_deep = {"a": {"b": {"c": {"d": RECORDS}}}}
    assert envelope_path(too_deep) is None  # deeper than an envelope
    assert list(read_json_text(json.dumps(too_deep), "deep.json").records) == []
    assert list(read_object(too_deep).records) == []


def test_a_wrapped_portal_response_validates_like_the_bare_list() -> None:
    wrapped = json.dumps({"code": 200, "msg": "ok", "data": {"total": 2, "list": RECORDS}})
    bare = json.dumps(RECORDS)
    codes = sorted(f.code for f in validate(bare).findings)
    report = validate(wrapped)
    assert sorted(f.code for f in report.findings) == codes
    assert report.stats.resources == len(RECORDS)
    assert not [f for f in report.findings if f.code == "GC-S002"]
    located = [f.location.pointer for f in report.findings if f.location.pointer]
    assert located and all(p.startswith("/data/list/") for p in located)


# ------------------------------------------------------------- lookup lists beside the records
NAMES = get_pack("gb-1272@^1").fields.key_map(None)
SHARE_TYPES = ["无条件共享", "有条件共享", "不予共享"]

_lookup_entries = st.sampled_from(
    [
        lambda i: {"value": str(i), "label": SHARE_TYPES[i % 3]},
        lambda i: {"code": str(i), "name": SHARE_TYPES[i % 3]},  # two element names: no resource
        lambda i: {"dictCode": f"d{i}", "dictName": "共享类型", "sort": i},
        lambda i: {"id": i, "parentId": 0, "text": "部门"},
    ]
)


@st.composite
def _lookup_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A list of lookup values (a dictionary of codes, a tree of departments), of any size."""
    entry = draw(_lookup_entries)
    return [entry(i) for i in range(draw(st.integers(1, 600)))]


def _resources(count: int) -> list[dict[str, Any]]:
    return [resource(code=f"101001/{i + 1:06d}", name=f"人口信息{i}") for i in range(count)]


@st.composite
def _envelopes_with_lookups(
    draw: st.DrawFn,
) -> tuple[dict[str, Any], tuple[str, ...], list[dict[str, Any]]]:
    """An envelope holding a list of resources and, beside it or elsewhere in the envelope,
    lists of lookup values larger or smaller than it; the path to the resources."""
    records = _resources(draw(st.integers(1, 6)))
    path = tuple(draw(st.lists(_keys, min_size=1, max_size=3, unique=True)))
    value: Any = records
    for depth, key in enumerate(reversed(path)):
        siblings: dict[str, Any] = draw(
            st.dictionaries(st.sampled_from(["code", "msg", "total"]), _scalars)
        )
        for n in range(draw(st.integers(0 if depth else 1, 2))):  # one beside the list at least
            siblings[draw(st.sampled_from(["dict", "codes", "options", "depts"])) + str(n)] = draw(
                _lookup_lists()
            )
        value = {**siblings, key: value}
    return value, path, records


@settings(max_examples=60, deadline=None)
@given(_envelopes_with_lookups(), st.sampled_from([None, 2]))
def test_lookup_lists_of_any_size_beside_the_records_are_not_read(
    case: tuple[dict[str, Any], tuple[str, ...], list[dict[str, Any]]], indent: int | None
) -> None:
    """The envelope with lists of lookup values (a dictionary of codes × 600) reads and
    validates as the bare list of its resources, whatever the sizes."""
    envelope, path, records = case
    found = envelope_path(envelope, names=NAMES)
    assert found == (path, len(records), True)
    pointer = "".join("/" + k.replace("~", "~0").replace("/", "~1") for k in path)
    text = json.dumps(envelope, ensure_ascii=False, indent=indent)
    for doc in (read_json_text(text, "e.json", NAMES), read_object(envelope, names=NAMES)):
        assert [r.data for r in doc.records] == records
        assert doc.problems == []
    bare = validate(json.dumps(records, ensure_ascii=False))
    for wrapped in (validate(text), validate(envelope)):
        assert wrapped.stats.resources == len(records)
        assert sorted(
            (f.code, f.location.pointer.removeprefix(pointer), f.message_en)
            for f in wrapped.findings
        ) == sorted((f.code, f.location.pointer, f.message_en) for f in bare.findings)


def test_a_list_of_codes_and_names_is_no_list_of_resources() -> None:
    codes = [{"code": str(i), "name": SHARE_TYPES[i % 3]} for i in range(500)]
    assert not looks_like_resources(codes, NAMES)  # two elements named: a dictionary
    assert looks_like_resources(_resources(1), NAMES)
    # Chinese names, aliases and systems' keys count as the keys do
    assert looks_like_resources([{"信息资源名称": "a", "资源代码": "b", "deptName": "c"}], NAMES)
    assert looks_like_resources(
        [{"resourceName": "a"}, {"resourceCode": "b"}, {"deptName": "c"}], NAMES
    )


def test_without_a_list_of_resources_the_largest_list_is_read() -> None:
    """An envelope none of whose lists looks like resources (a portal's records, named the
    portal's way) keeps to its largest list, as without the names."""
    envelope = {"data": {"tags": [{"t": 1}], "list": RECORDS}}
    assert envelope_path(envelope, names=NAMES) == (("data", "list"), 2, False)
    assert envelope_path({"data": {"list": RECORDS, "dict": [{"v": i} for i in range(9)]}}) == (
        ("data", "dict"),
        9,
        False,
    )


def test_a_city_catalog_beside_a_dictionary_of_500_codes(tmp_path: Path) -> None:
    """40 resources of the city catalog in a portal's response, beside a dictionary of codes
    500 long: the 40 are read, as the bare list is."""
    city = json.loads(examples.path("city").read_text("utf-8"))
    forty = city["resources"][:40]
    lookups = [{"value": str(i), "label": SHARE_TYPES[i % 3]} for i in range(500)]
    envelope = {"code": 0, "msg": "ok", "data": {"list": forty, "dict": lookups, "total": 40}}
    path = tmp_path / "envelope.json"
    path.write_text(json.dumps(envelope, ensure_ascii=False), "utf-8")
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(forty, ensure_ascii=False), "utf-8")
    report = validate(path)
    assert report.stats.resources == 40
    assert report.stats.items == validate(bare).stats.items
    assert list(report) == list(validate(bare)) == []
    assert load_catalog(path).resources == load_catalog(bare).resources


def test_a_portal_export_beside_a_larger_lookup_list_is_still_a_portal_export() -> None:
    """The portal's pack reads the envelope again with its own names: its records are read,
    and the export is known by its headings as without the lookup list."""
    records = [
        {"标题": f"企业名录{i}", "数据提供方": "市市场监管局", "摘要": "全市企业名录。",
         "开放方式": "无条件开放", "更新频率": "每月", "发布时间": "2024-03-01"}
        for i in range(3)
    ]  # fmt: skip
    lookups = [{"value": str(i), "label": "无条件开放"} for i in range(50)]
    alone = validate({"code": 0, "data": {"list": records}})
    beside = validate({"code": 0, "data": {"list": records, "dict": lookups}})
    assert beside.pack == alone.pack
    assert beside.pack.startswith("open-data-portal@")
    assert beside.stats.resources == 3
    assert sorted(f.code for f in beside.findings) == sorted(f.code for f in alone.findings)
