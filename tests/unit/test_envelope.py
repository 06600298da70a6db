"""API response envelopes: records wrapped in ``{"code": 200, "data": {"list": [...]}}``."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog.io.json_reader import read_json_text
from govcatalog.io.object_reader import read_object
from govcatalog.io.shape import envelope_path

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
