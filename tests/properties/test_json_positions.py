"""Property: the offset found for any JSON pointer is where that very value is written."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.io._jsonpos import _DECODER, _skip_value, existing_part, offset_of

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


def _pointers(value: object, prefix: str = "") -> list[tuple[str, object]]:
    out = [(prefix, value)]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _pointers(v, f"{prefix}/{k.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _pointers(v, f"{prefix}/{i}")
    return out


@settings(max_examples=150, deadline=None)
@given(doc=values, indent=st.sampled_from([None, 1, 2]))
def test_offset_of_points_at_the_value(doc: object, indent: int | None) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    for pointer, value in _pointers(doc):
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
    for pointer, _ in _pointers(doc):
        assert existing_part(doc, pointer) == pointer
        for longer in (pointer, pointer + "/" + "/".join(extra)):
            part = existing_part(doc, longer)
            assert longer.startswith(part)
            assert offset_of(text, 0, part) == offset_of(text, 0, longer)
