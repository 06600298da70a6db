"""Loading a version to compare: data items and their short texts held once, the records as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcatalog.diff import load as load_module
from govcatalog.diff.load import _shared_items, load_side
from govcatalog.packs import Pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.read import without_invalid
from tests.helpers import resource, write_catalog


def _catalog(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    resources = [
        resource(code=f"101001/{i:06d}", name=f"资源{i}", abstract=f"第{i}个资源的摘要，" * 4)
        for i in range(4)
    ]
    return write_catalog(tmp_path / "c.json", *resources), resources


@pytest.mark.parametrize("fast", ["1", "0"])
def test_data_items_are_held_once(
    tmp_path: Path, pack: Pack, fast: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVCATALOG_FAST", fast)
    path, resources = _catalog(tmp_path)
    side = load_side(path, pack)
    coercer = Coercer(pack)
    expected = []
    for res in resources:
        read = coercer.resource(json.loads(json.dumps(res)))
        assert read is not None
        expected.append(without_invalid(read.record))
    assert list(side.records) == expected  # the records as read
    first, second = side.records[0], side.records[1]
    assert first["items"][0] is second["items"][0]  # the same data item, once
    assert first["items"][0]["data_type"] is second["items"][1]["data_type"]  # 字符型
    assert first["abstract"] != second["abstract"]


def _texts(name: str, item: str) -> dict[str, object]:
    # each text made anew (not a constant the compiler shares)
    return {"name": "".join(name), "items": [{"name": "".join(item), "length": 2}]}


def test_what_is_shared_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound, new items and texts are kept as read: nothing changes but memory."""
    shared: dict[object, object] = {}
    a, b = _texts("资源", "姓名"), _texts("资源", "姓名")
    _shared_items(a, shared)
    _shared_items(b, shared)
    assert b == a and b["items"][0] is a["items"][0]  # type: ignore[index]
    monkeypatch.setattr(load_module, "_SHARED", 1)  # checked once a record
    shared.clear()
    a, c = _texts("资源", "姓名"), _texts("其他", "性别")
    _shared_items(a, shared)
    _shared_items(c, shared)
    assert c == _texts("其他", "性别")
    assert {k for k in shared if type(k) is str} == {"姓名"}  # the first record's
    assert len(shared) == 2  # its one data item and that item's name; none after the bound


def test_equal_data_items_are_one_object() -> None:
    shared: dict[object, object] = {}
    one = {"name": "资源", "items": [{"name": "".join("姓名"), "length": 1}]}
    same = {"name": "资源", "items": [{"name": "".join("姓名"), "length": 1}]}
    other = {"name": "资源", "items": [{"name": "".join("姓名"), "length": 2}]}
    listed = {"name": "资源", "items": [{"name": "".join("姓名"), "extensions": {"a": [1]}}]}
    for record in (one, same, other, listed):
        _shared_items(record, shared)
    assert same["items"][0] is one["items"][0]  # type: ignore[index]
    assert other["items"][0] is not one["items"][0]  # type: ignore[index]
    assert other["items"][0] == {"name": "姓名", "length": 2}  # type: ignore[index]
    # its text shared as a distinct item's
    assert other["items"][0]["name"] is one["items"][0]["name"]  # type: ignore[index]
    # an item holding an object is kept as read, its short texts shared all the same
    assert listed["items"][0]["name"] is one["items"][0]["name"]  # type: ignore[index]
    assert listed["items"][0]["extensions"] == {"a": [1]}  # type: ignore[index]
