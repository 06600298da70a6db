"""A resource with hundreds of findings has each said where its value is written (JSON read
the fast way and as text, a key given twice or not, YAML), and is read once for all of them,
not searched again for each."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml

from govcatalog import ValidationOptions, validate
from govcatalog.io._jsonlocator import JsonLocator, ValueIndex
from govcatalog.io.records import FEW_POINTERS
from govcatalog.records.fast_json import ByteSpanLocator
from tests.helpers import resource

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
COUNT = 300


def _catalog() -> dict[str, object]:
    """One resource with :data:`COUNT` unknown keys of its own, as many in its share group and
    one in each of as many data items; keys Chinese and ASCII, some needing an escape."""
    data = resource()
    data.update({f"键{n}" if n % 3 else f'k"{n}': n for n in range(COUNT)})
    data["share"] = {**data["share"], **{f"s{n}": "中文" * (n % 4) for n in range(COUNT)}}
    data["items"] = [
        {"name": f"项{n}", "data_type": "字符型", "length": 8, "zz": n} for n in range(COUNT)
    ]
    return {"resources": [data]}


def _said(text: str) -> list[tuple[str, int | None, int | None]]:
    report = validate(text.encode(), pack="gb-1272@^1", options=OPTIONS)
    return [
        (f.location.pointer or "", f.location.line, f.location.column)
        for f in report.findings
        if f.code == "GC-S004"
    ]


def _place(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _expected(text: str, written: str) -> list[tuple[str, int, int]]:
    """Each unknown key's pointer and where its value is: found in the text by a pattern, the
    keys as ``written`` (a JSON or a YAML key), in the order the text gives them."""
    found = []
    seen_items = 0
    for m in re.finditer(written, text):
        key = m["key"]
        if key == "zz":
            pointer = f"/resources/0/items/{seen_items}/zz"
            seen_items += 1
        else:
            token = json.loads(f'"{key}"') if written.startswith('"') else yaml.safe_load(key)
            group = "/share" if str(token).startswith("s") else ""
            pointer = f"/resources/0{group}/{token}"
        found.append((pointer, *_place(text, m.end())))
    return sorted(found, key=lambda f: (f[1], f[2]))


JSON_KEY = r'"(?P<key>(?:zz|s\d+|k\\"\d+|\\u952e\d+|键\d+))"\s*:\s*'


@pytest.mark.parametrize("indent", [None, 2, "\t"], ids=["one line", "indented", "tabs"])
@pytest.mark.parametrize("twice", [False, True], ids=["once", "a key twice"])
def test_each_of_hundreds_of_unknown_keys_is_said_where_its_value_is(
    reader: str, indent: int | str | None, twice: bool
) -> None:
    text = json.dumps(_catalog(), ensure_ascii=indent != "\t", indent=indent)
    if twice:  # the resource then goes to the locator of the last value of a key
        text = text.replace('"name": "户籍人口基本信息"', '"name": "x", "name": "户籍人口基本信息"')
    said = _said(text)
    assert len(said) == 3 * COUNT
    assert sorted(said, key=lambda f: (f[1] or 0, f[2] or 0)) == _expected(text, JSON_KEY)


def test_each_of_hundreds_of_unknown_yaml_keys_is_said_where_its_value_is() -> None:
    text = yaml.safe_dump(_catalog(), allow_unicode=True, sort_keys=False)
    said = _said(text)
    assert len(said) == 3 * COUNT
    pattern = r'(?m)^[ -]*(?P<key>zz|s\d+|k"\d+|键\d+): '
    assert sorted(said, key=lambda f: (f[1] or 0, f[2] or 0)) == _expected(text, pattern)


def test_a_resource_with_hundreds_of_findings_is_read_once(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone: list[str] = []
    read: list[int] = []
    for kind in (JsonLocator, ByteSpanLocator):

        def locate(self: object, pointer: str, one: Any = kind.locate) -> Any:
            alone.append(pointer)
            return one(self, pointer)

        monkeypatch.setattr(kind, "locate", locate)
    inside = ValueIndex._inside

    def counted(self: ValueIndex, i: int) -> dict[str, int] | list[int]:
        read.append(i)
        return inside(self, i)

    monkeypatch.setattr(ValueIndex, "_inside", counted)
    said = _said(json.dumps(_catalog(), ensure_ascii=False, indent=1))
    assert len(said) == 3 * COUNT
    # the resource, its share group, its items and each item: each read once
    assert len(read) == len(set(read)) == 3 + COUNT
    # the few pointers of the resource's summary (its code and name) are found alone
    assert len(alone) <= FEW_POINTERS
