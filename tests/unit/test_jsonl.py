"""JSON Lines: one resource a line, read as the same resources as a JSON list."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog.errors import LoadError
from govcatalog.io.json_reader import read_json_text, read_jsonl_text
from govcatalog.io.source import sniff_format

_records = st.lists(
    st.dictionaries(
        st.sampled_from(["标题", "摘要", "数据提供方", "name"]),
        st.one_of(st.text(max_size=6), st.integers(), st.lists(st.text(max_size=3), max_size=2)),
        min_size=1,
    ),
    min_size=1,
    max_size=6,
)


@given(_records, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_lines_read_as_the_list(records: list[dict[str, Any]], newline: str) -> None:
    text = newline.join(json.dumps(r, ensure_ascii=False) for r in records) + newline
    lines = list(read_jsonl_text(text, "a.jsonl").records)
    listed = list(read_json_text(json.dumps(records, ensure_ascii=False), "a.json").records)
    assert [r.data for r in lines] == [r.data for r in listed] == records
    assert [r.pointer for r in lines] == [r.pointer for r in listed]
    step = 2 if newline == "\n\n" else 1
    assert [r.locator.locate("")[0] for r in lines] == [1 + n * step for n in range(len(records))]


def test_two_values_on_a_line_are_one_located_error() -> None:
    with pytest.raises(LoadError) as caught:
        list(read_jsonl_text('{"标题": "a"}\n{"标题": "b"} {"标题": "c"}\n', "a.jsonl").records)
    assert (caught.value.line, caught.value.column) == (2, 13)  # the second "{"


def test_bytes_of_json_lines_are_told_from_json() -> None:
    assert sniff_format(b'{"a": 1}\n{"a": 2}\n').value == "jsonl"
    assert sniff_format(b'{"resources": []}\n').value == "json"
    assert sniff_format(b'{\n  "resources": []\n}\n').value == "json"


def test_a_jsonl_portal_export_validates_like_its_json_list() -> None:
    records = [{"标题": "企业名录", "数据提供方": "市市场监管局", "开放属性": "无条件开放"}] * 2
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    listed = json.dumps(records, ensure_ascii=False).encode()
    assert [f.code for f in validate(lines).findings] == [f.code for f in validate(listed).findings]
