"""Property: the locators that find many pointers of a record at once (reading it once) give
each pointer the place that finding it alone gives, and that place is where its value is
written, in JSON (a key given once or twice) and in YAML."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.io._jsonlocator import JsonLocator, ValueIndex
from govcatalog.io._jsonpos import _DECODER
from govcatalog.io.repeats import LastKeyLocator
from govcatalog.io.yaml_reader import YamlLocator
from govcatalog.records.fast_json import ByteSpanLocator
from tests.helpers import json_pointers

KEYS = st.text(alphabet='ab/~中"\\é', max_size=3)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet='ab{}[]",:\\ 中文/~\n', max_size=6)
)
values = st.recursive(
    SCALARS,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(KEYS, c, max_size=4),
    max_leaves=25,
)
members = st.recursive(
    SCALARS,
    lambda c: st.lists(c, max_size=4) | st.lists(st.tuples(st.sampled_from("abc"), c), max_size=5),
    max_leaves=25,
)
"""Values whose objects are written as lists of members, a key given twice now and then."""


def _probes(doc: object, extra: list[str], order: list[int]) -> list[str]:
    """Every pointer of ``doc``, some going on past what exists, in a shuffled order with
    repeats (findings come in the rules' order, not the text's)."""
    pointers = [p for p, _ in json_pointers(doc)]
    pointers += [f"{p}/{e}" for p, e in zip(pointers, extra, strict=False)]
    return [pointers[i % len(pointers)] for i in order] + pointers


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def _written(value: object, indent: str) -> str:
    """JSON text of a :data:`members` value: each object's members as listed."""
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        inner = f",\n{indent} ".join(
            f"{json.dumps(k)}: {_written(v, indent + ' ')}" for k, v in value
        )
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_written(v, indent) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


EXTRA = st.lists(st.sampled_from(["a", "0", "3", "中", "b~1c", "~0"]), max_size=4)
ORDER = st.lists(st.integers(0, 200), max_size=20)


@settings(max_examples=200, deadline=None)
@given(
    doc=values,
    indent=st.sampled_from([None, 1, "\t"]),
    ascii_only=st.booleans(),
    before=st.sampled_from(["", '{"x": [1, ', "\n\n  中文 "]),
    extra=EXTRA,
    order=ORDER,
)
def test_json_pointers_found_at_once_are_found_where_each_alone_is(
    doc: object,
    indent: int | str | None,
    ascii_only: bool,
    before: str,
    extra: list[str],
    order: list[int],
) -> None:
    text = json.dumps(doc, ensure_ascii=ascii_only, indent=indent)
    whole = before + text + " ]"
    probes = _probes(doc, extra, order)
    in_text = JsonLocator(whole, len(before), len(before) + len(text), 4, 7)
    assert in_text.locate_many(probes) == [in_text.locate(p) for p in probes]
    buf = whole.encode()
    start = len(before.encode())
    in_bytes = ByteSpanLocator(buf, start, start + len(text.encode()), 4, 7)
    assert in_bytes.locate_many(probes) == [in_bytes.locate(p) for p in probes]
    # each existing value found where it is written
    existing = json_pointers(doc)
    places = JsonLocator(text, 0, len(text), 1, 1).locate_many([p for p, _ in existing])
    assert _written_at(text, places) == [v for _, v in existing]


def _written_at(text: str, places: list[tuple[int | None, int | None]]) -> list[object]:
    """The value written at each place (line and column read back to an offset)."""
    found = []
    for line, column in places:
        assert line is not None and column is not None
        found.append(_DECODER.raw_decode(text, _offset(text, line, column))[0])
    return found


@settings(max_examples=200, deadline=None)
@given(doc=members, extra=EXTRA, order=ORDER)
def test_a_key_given_twice_leads_to_its_last_value_one_pointer_or_many(
    doc: object, extra: list[str], order: list[int]
) -> None:
    text = _written(doc, "")
    data = json.loads(text)  # the last value of each key, as the validator reads it
    probes = _probes(data, extra, order)
    assert LastKeyLocator(text, 1, 1).locate_many(probes) == [
        LastKeyLocator(text, 1, 1).locate(p) for p in probes
    ]
    existing = json_pointers(data)
    places = LastKeyLocator(text, 1, 1).locate_many([p for p, _ in existing])
    assert _written_at(text, places) == [v for _, v in existing]


@settings(max_examples=150, deadline=None)
@given(doc=values, extra=EXTRA, order=ORDER, flow=st.booleans())
def test_yaml_pointers_found_at_once_are_found_where_each_alone_is(
    doc: object, extra: list[str], order: list[int], flow: bool
) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow)
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert node is not None
    locator = YamlLocator(node)
    probes = _probes(doc, extra, order)
    assert locator.locate_many(probes) == [locator.locate(p) for p in probes]


def test_a_yaml_key_given_twice_leads_to_its_last_value_one_pointer_or_many() -> None:
    text = "a: 1\nb:\n  c: 2\n  c: [3]\na: 4\n"
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert node is not None
    pointers = ["/a", "/b/c", "/b/c/0", "/a"] * 3
    places = YamlLocator(node).locate_many(pointers)
    assert places == [YamlLocator(node).locate(p) for p in pointers]
    assert places[:3] == [(5, 4), (4, 6), (4, 7)]


def test_each_object_and_array_is_read_once_for_any_number_of_pointers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = {"a": {"k": [1, 2, {"x": 1}]}, "b": [[0], {"y": 2}], "c": 3}
    text = json.dumps(record, indent=1)
    read: list[int] = []
    inside = ValueIndex._inside

    def counted(self: ValueIndex, i: int) -> dict[str, int] | list[int]:
        read.append(i)
        return inside(self, i)

    monkeypatch.setattr(ValueIndex, "_inside", counted)
    pointers = [p for p, _ in json_pointers(record)]
    locator = JsonLocator(text, 0, len(text), 1, 1)
    assert locator.locate_many(pointers * 50) == [locator.locate(p) for p in pointers] * 50
    # the record, a, a/k, a/k/2, b, b/0 and b/1, each read once (c is a number: not read)
    assert len(read) == len(set(read)) == 7
