"""A key a JSON object gives twice is said (GC-S007) at the later key, at every depth, the
same with the fast path and without it; nothing else changes: the findings are those of the
same catalog written with each key once (its later value), and that GC-S007."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog.io.repeats import keys_in, repeated_in, repeated_keys
from govcatalog.io.yaml_reader import read_yaml_text

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
RESOURCE = (
    '{"name": "企业登记信息", "code": "101001/000001", "provider": "某市市场监督管理局",'
    ' "abstract": "企业登记", "share": {"share_type": "无条件共享"},'
    ' "items": [{"name": "企业名称", "data_type": "字符型"}], "extensions": {"k": 1}}'
)


def _findings(text: str) -> list[tuple[str, str | None, int | None, int | None]]:
    report = validate(text.encode(), pack="gb-1272@^1", options=OPTIONS)
    return [
        (f.code, f.location.pointer, f.location.line, f.location.column) for f in report.findings
    ]


def _twice(resource: str, before: str, again: str) -> str:
    """``resource`` with ``again`` written right after ``before`` (a member given again)."""
    assert before in resource
    return resource.replace(before, f"{before}, {again}", 1)


LEVELS = {
    "top level": ('"name": "企业登记信息"', '"name": "企业变更信息"', "/name"),
    "a group": ('"share_type": "无条件共享"', '"share_type": "有条件共享"', "/share/share_type"),
    "a group itself": ('"share": {"share_type": "无条件共享"}', '"share": {}', "/share"),
    "a data item": ('"data_type": "字符型"', '"data_type": "日期型"', "/items/0/data_type"),
    "extensions": ('"k": 1', '"k": 2', "/extensions/k"),
    "an unknown key": ('"code": "101001/000001"', '"zz": 1, "zz": {"a": 1}', "/zz"),
}


@pytest.mark.parametrize("level", sorted(LEVELS))
def test_a_key_given_twice_is_said_at_the_later_key(reader: str, level: str) -> None:
    before, again, pointer = LEVELS[level]
    twice = _twice(RESOURCE, before, again)
    plain = json.dumps(json.loads(twice), ensure_ascii=False)  # each key once: the later value
    found = _findings('{"resources": [' + twice + "]}")
    said = [f for f in found if f[0] == "GC-S007"]
    assert [f[1] for f in said] == ["/resources/0" + pointer]
    # at the later value ('{"resources": [' is 15 characters)
    later = again.rpartition(pointer.rpartition("/")[2] + '": ')[2]
    assert said[0][2:] == (1, 16 + twice.index(again) + again.rindex(later))
    plain_codes = sorted(f[:2] for f in _findings('{"resources": [' + plain + "]}"))
    assert sorted(f[:2] for f in found if f[0] != "GC-S007") == plain_codes


def test_the_catalog_facts_say_a_key_given_twice(reader: str) -> None:
    text = (
        '{"catalog": {"title": "某市目录", "issued": "2024-01-01", "issued": "2025-09-01"},'
        ' "resources": [' + RESOURCE + "]}"
    )
    said = [f for f in _findings(text) if f[0] == "GC-S007"]
    assert said == [("GC-S007", "/catalog/issued", 1, text.index('"2025-09-01"') + 1)]


def test_each_of_two_keys_of_an_element_is_said_where_it_is_written(reader: str) -> None:
    # 编制日期 and issued name one element: what the earlier value is read as (GC-F003) is
    # said at its key; the later key's GC-S007, at the later, though it is govcatalog's own.
    for first, then in (("编制日期", "issued"), ("issued", "编制日期")):
        text = (
            f'{{"catalog": {{"{first}": "2025/6/1",\n"{then}": "2025-06-02"}},'
            f' "resources": [{RESOURCE}]}}'
        )
        found = {f[:3] for f in _findings(text) if (f[1] or "").startswith("/catalog")}
        assert ("GC-F003", f"/catalog/{first}", 1) in found
        assert ("GC-S007", f"/catalog/{then}", 2) in found
        assert ("GC-F003", f"/catalog/{then}", 2) not in found


def test_a_quote_and_a_colon_in_a_text_are_no_key(reader: str) -> None:
    text = RESOURCE.replace('企业登记"', 'x\\": y \\":"')
    assert '\\":' in text
    assert not [f for f in _findings('{"resources": [' + text + "]}") if f[0] == "GC-S007"]


def test_the_fast_path_and_the_text_reader_say_the_same(reader: str) -> None:
    text = '{"resources": [' + _twice(RESOURCE, '"k": 1', '"k": 2, "k": 3') + "]}"
    said = [f for f in _findings(text) if f[0] == "GC-S007"]
    assert [f[1] for f in said] == ["/resources/0/extensions/k"]  # once, however often


def test_a_colon_written_as_an_escape_hides_no_repeat() -> None:
    text = '{"a": "\\u003a", "a": 1}'
    assert repeated_in(text, 0, len(text), json.loads(text)) == ("/a",)
    assert repeated_in(text.encode(), 0, len(text), json.loads(text)) == ("/a",)


def test_yaml_says_a_key_given_twice() -> None:
    doc = read_yaml_text("resources:\n  - name: a\n    items:\n      - {n: 1, n: 2}\n", "x")
    (raw,) = doc.records
    assert raw.repeated == ("/items/0/n",)
    assert raw.locator.locate("/items/0/n") == (4, 19)  # the later value, not 13


keys = st.text(alphabet='ab:"\\ ', max_size=3)
values = st.recursive(
    st.none() | st.integers() | st.text(alphabet='ab:"\\ \n', max_size=4),
    lambda children: (
        st.lists(children, max_size=3) | st.lists(st.tuples(keys, children), max_size=4)
    ),
    max_leaves=12,
)


def _write(value: object) -> str:
    """JSON text of a value whose objects are lists of pairs (keys may repeat)."""
    if isinstance(value, list) and value and all(isinstance(p, tuple) for p in value):
        return "{" + ", ".join(f"{json.dumps(k)} :{_write(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_write(v) for v in value) + "]"
    return json.dumps(value)


def _expected(value: object, pointer: str = "") -> list[str]:
    """The pointers of the repeated keys, found the slow way."""
    found: list[str] = []
    if isinstance(value, list) and value and all(isinstance(p, tuple) for p in value):
        keys_seen = [k for k, _ in value]
        tokens = {k: f"{pointer}/{k.replace('~', '~0').replace('/', '~1')}" for k in keys_seen}
        found += list(
            dict.fromkeys(tokens[k] for i, k in enumerate(keys_seen) if k in keys_seen[:i])
        )
        last = dict(value)
        for k, v in last.items():
            found += _expected(v, tokens[k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _expected(v, f"{pointer}/{i}")
    return found


@settings(max_examples=200, deadline=None)
@given(values)
def test_every_repeated_key_is_found_and_no_other(value: object) -> None:
    text = _write(value)
    data = json.loads(text)
    expected = sorted(_expected(value))
    assert sorted(repeated_in(text, 0, len(text), data)) == expected
    assert sorted(repeated_in(text.encode(), 0, len(text.encode()), data)) == expected
    assert sorted(repeated_keys(text)) == expected
    assert keys_in(data) <= text.count(":")
