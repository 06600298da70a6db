"""Property: the offset found for any JSON pointer is where that very value is written."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.io._jsonlocator import JsonLocator
from govcatalog.io._jsonpos import (
    _DECODER,
    _skip_value,
    existing_part,
    follow,
    offset_in_bytes,
    offset_of,
)
from govcatalog.records.fast_json import ByteSpanLocator
from tests.helpers import json_pointers

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet='ab{}[]",:\\ 中文/~', max_size=6),
    lambda c: (
        st.lists(c, max_size=4)
        | st.dictionaries(st.text(alphabet='ab/~中"\\', max_size=3), c, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(doc=values, indent=st.sampled_from([None, 1, 2]))
def test_offset_of_points_at_the_value(doc: object, indent: int | None) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    for pointer, value in json_pointers(doc):
        found, _ = _DECODER.raw_decode(text, offset_of(text, 0, pointer))
        assert found == value


@settings(max_examples=200, deadline=None)
@given(doc=values, indent=st.sampled_from([None, 1, 2]), tail=st.sampled_from(["", ",", " ]", "}"]))
def test_a_value_is_skipped_to_its_end(doc: object, indent: int | None, tail: str) -> None:
    # One regex match skips values up to two levels deep; deeper ones go to the decoder.
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    assert _skip_value(text + tail, 0) == len(text)
    wrapped = f'{{"k": {text}{tail or " "}}}'
    assert _skip_value(wrapped, 6) == 6 + len(text)


@settings(max_examples=200, deadline=None)
@given(
    doc=values,
    indent=st.sampled_from([None, 1, 2]),
    extra=st.lists(st.sampled_from(["a", "0", "3", "中", "b~1c", "~0"]), min_size=1, max_size=3),
)
def test_the_existing_part_of_a_pointer_is_found_where_the_whole_is(
    doc: object, indent: int | None, extra: list[str]
) -> None:
    """A pointer going past what exists is located at its last existing value, whether the
    record's data cut it short first (what the validator does) or the text was searched."""
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    for pointer, _ in json_pointers(doc):
        assert existing_part(doc, pointer) == pointer
        for longer in (pointer, pointer + "/" + "/".join(extra)):
            part = existing_part(doc, longer)
            assert longer.startswith(part)
            assert offset_of(text, 0, part) == offset_of(text, 0, longer)


@settings(max_examples=200, deadline=None)
@given(
    doc=values,
    indent=st.sampled_from([None, 1, 2]),
    ascii_only=st.booleans(),
    extra=st.lists(st.sampled_from(["a", "0", "3", "中", "b~1c", "~0"]), max_size=2),
    before=st.sampled_from(["", '{"x": [1, ', "\n\n  "]),
)
def test_a_pointer_followed_in_the_bytes_ends_where_it_does_in_the_text(
    doc: object, indent: int | None, ascii_only: bool, extra: list[str], before: str
) -> None:
    """Where the bytes alone find a value, it is the value the text walk finds (the byte
    offset being the character offset's); where they cannot, they say so."""
    text = json.dumps(doc, ensure_ascii=ascii_only, indent=indent)
    buf = (before + text + " ]").encode()
    start, end = len(before.encode()), len(before.encode()) + len(text.encode())
    walked = 0
    for pointer, _ in json_pointers(doc):
        for probe in (pointer, "/".join([pointer, *extra]) if extra else pointer):
            found = offset_in_bytes(buf, start, end, probe)
            if found is None:
                walked += 1
                continue
            chars = len(buf[start:found].decode())
            assert chars == offset_of(text, 0, probe)
    # only escaped keys and values nested too deep send a pointer to the walk
    if walked:
        assert "\\" in text or _deep(doc)


def _deep(value: object, depth: int = 0) -> bool:
    if isinstance(value, dict | list):
        inner = value.values() if isinstance(value, dict) else value
        return depth >= 2 or any(_deep(v, depth + 1) for v in inner)
    return False


def test_a_resource_is_located_in_its_bytes_as_in_its_text() -> None:
    record = {"name": "名称", "items": [{"name": "姓名", "length": 8}, {"name": "性别"}]}
    text = json.dumps(record, ensure_ascii=False)
    buf = ("[\n  " + text + "\n]").encode()
    start = len(b"[\n  ")
    bytes_locator = ByteSpanLocator(buf, start, start + len(text.encode()), 2, 3)
    text_locator = JsonLocator(text, 0, len(text), 2, 3)
    for pointer in ("", "/name", "/items/1/name", "/items/0/length", "/items/5", "/none"):
        assert bytes_locator.locate(pointer) == text_locator.locate(pointer)
    assert bytes_locator.locate("/items/1/name") == (2, 3 + text.index('"性别"'))


@settings(max_examples=100, deadline=None)
@given(doc=values, extra=st.sampled_from(["", "/a", "/9", "/中/0"]))
def test_following_a_pointer_finds_its_value_or_says_how_far_it_went(
    doc: object, extra: str
) -> None:
    for pointer, value in json_pointers(doc):
        assert follow(doc, pointer) == (value, len(pointer))
        node, end = follow(doc, pointer + extra)
        assert end >= len(pointer)
        if end < len(pointer + extra):  # cut short: the value there is the last one found
            assert (node, end) == follow(doc, (pointer + extra)[:end])
