"""Loading a version to compare: short texts held once, the records as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcatalog.diff import load as load_module
from govcatalog.diff.load import _shared_texts, load_side
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
def test_short_texts_are_held_once(
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
    assert first["items"][0]["name"] is second["items"][0]["name"]  # 公民身份号码, once
    assert first["items"][0]["data_type"] is second["items"][1]["data_type"]  # 字符型
    assert first["provider"] is second["provider"]
    assert first["abstract"] is not second["abstract"]  # long texts are kept as read
    assert first["abstract"] != second["abstract"]


def _texts(name: str, item: str) -> dict[str, object]:
    # each text made anew (not a constant the compiler shares)
    return {"name": "".join(name), "items": [{"name": "".join(item), "length": 2}]}


def test_the_shared_texts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound, new texts are kept as read: nothing changes but memory."""
    shared: dict[object, object] = {}
    a, b = _texts("资源", "姓名"), _texts("资源", "姓名")
    assert a["name"] is not b["name"]
    _shared_texts(a, shared)
    _shared_texts(b, shared)
    assert b == a and b["name"] is a["name"] and b["items"][0]["name"] is a["items"][0]["name"]  # type: ignore[index]
    monkeypatch.setattr(load_module, "_SHARED_TEXTS", 1)  # checked once a record
    shared.clear()
    a, c = _texts("资源", "姓名"), _texts("其他", "性别")
    _shared_texts(a, shared)
    _shared_texts(c, shared)
    assert c == _texts("其他", "性别")
    assert {k for k in shared if type(k) is str} == {"资源", "姓名"}  # none after the bound
    assert len(shared) == 3  # and the first record's one data item


def test_equal_data_items_are_one_object() -> None:
    shared: dict[object, object] = {}
    one = {"name": "".join("资源"), "items": [{"name": "".join("姓名"), "length": 1}]}
    same = {"name": "".join("资源"), "items": [{"name": "".join("姓名"), "length": 1}]}
    other = {"name": "".join("资源"), "items": [{"name": "".join("姓名"), "length": 2}]}
    listed = {"name": "资源", "items": [{"name": "".join("姓名"), "extensions": {"a": [1]}}]}
    for record in (one, same, other, listed):
        _shared_texts(record, shared)
    assert same["items"][0] is one["items"][0]  # type: ignore[index]
    assert other["items"][0] is not one["items"][0]  # type: ignore[index]
    assert other["items"][0] == {"name": "姓名", "length": 2}  # type: ignore[index]
    # an item holding an object is kept as read, its short texts shared all the same
    assert listed["items"][0]["name"] is one["items"][0]["name"]  # type: ignore[index]
    assert listed["items"][0]["extensions"] == {"a": [1]}  # type: ignore[index]
