"""The indented JSON writer gives ``json.dumps(value, ensure_ascii=False, indent=n)`` exactly,
a text in pieces (indented or compact, its list at any depth) is the whole text, and a report
written in pieces is its ``to_json`` text."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog import _json_text as json_text
from govcatalog._json_text import _msgspec_json, indented, pieces, plain_indented
from govcatalog.report import Lang, Report
from tests.helpers import resource, write_catalog


class _Kind(StrEnum):
    A = '甲\n"a"'


_PLAIN_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.sampled_from([_Kind.A, "\u2028", "\ud800", "\x00\x1f\x7f"])
)
"""Every scalar but floats (a plain value, see ``plain_indented``)."""


def _nested(scalars: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        ),
        max_leaves=30,
    )


# floats: NaN and the infinities too, written as json writes them
_VALUES = _nested(_PLAIN_SCALARS | st.floats())
_PLAIN = _nested(_PLAIN_SCALARS)


@given(_VALUES, st.integers(0, 4))
def test_indented_is_json_dumps(value: object, indent: int) -> None:
    assert indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@given(_VALUES, st.integers(1, 3))
def test_nested_deeper_is_the_same_text_shifted(value: object, level: int) -> None:
    text = json.dumps({"k": [value]}, ensure_ascii=False, indent=2)
    inner = indented(value, 2, 2)
    assert text == '{\n  "k": [\n    ' + inner + "\n  ]\n}"
    assert indented(value, 2, level).replace("\n" + "  " * level, "\n") == indented(value, 2)


@pytest.mark.parametrize(
    "value",
    [{1: "a"}, {"a": {(1, 2): 3}}, [object()], {"a": {True: None}}, {"a": [dt.date(2024, 1, 1)]}],
    ids=["int key", "tuple key", "object", "bool key", "date"],
)
def test_what_it_does_not_know_is_json_dumps_own(value: object) -> None:
    try:
        expected = json.dumps(value, ensure_ascii=False, indent=2)
    except TypeError as exc:
        with pytest.raises(TypeError, match=str(exc)[:20]):
            indented(value)
    else:
        assert indented(value) == expected


@given(
    st.dictionaries(st.text(max_size=5), _VALUES, max_size=3),
    st.lists(_VALUES, max_size=5),
    st.integers(1, 4),
)
def test_pieces_are_the_whole_text(head: dict[str, object], items: list[object], n: int) -> None:
    whole = {**head, "items": items}
    text = "".join(pieces({**head, "items": []}, "items", iter(items), n))
    assert text == json.dumps(whole, ensure_ascii=False, indent=n)


def test_a_report_in_pieces_is_its_json(tmp_path: Path) -> None:
    bad = resource(code="X", name="  ")
    path = write_catalog(tmp_path / "c.json", resource(), bad, bad)
    report = validate(path, options=ValidationOptions(today=dt.date(2026, 1, 15)))
    assert len(report.findings) >= 3
    for lang in Lang:
        expected = json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2)
        assert report.to_json(lang) == expected
        assert "".join(report.json_pieces(lang, indent=4)) == json.dumps(
            report.to_dict(lang), ensure_ascii=False, indent=4
        )
        assert report.to_json(lang, indent=None) == json.dumps(
            report.to_dict(lang), ensure_ascii=False
        )
    empty = Report((), report.stats, report.pack)
    assert empty.to_json() == json.dumps(empty.to_dict(), ensure_ascii=False, indent=2)


@given(_PLAIN, st.integers(0, 4), st.integers(0, 3))
def test_a_plain_value_is_written_as_json_dumps_writes_it(
    value: object, indent: int, level: int
) -> None:
    assert plain_indented(value, indent, level) == indented(value, indent, level)
    assert plain_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@given(st.dictionaries(st.text(max_size=5), _VALUES, max_size=3), st.lists(_PLAIN, max_size=5))
def test_plain_pieces_are_the_whole_text(head: dict[str, object], items: list[object]) -> None:
    whole = {**head, "items": items}
    text = "".join(pieces({**head, "items": []}, "items", iter(items), 2, plain=True))
    assert text == json.dumps(whole, ensure_ascii=False, indent=2)


def test_a_value_given_as_a_number_is_held_and_written_as_text() -> None:
    from govcatalog.report import Finding, Location, Severity

    finding = Finding("GC-F010", Severity.ERROR, "甲", "a", Location("x.json"), value=1e16)  # type: ignore[arg-type]
    assert finding.value == "1e+16"
    report = Report.of([finding])
    assert report.to_json() == json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


@given(
    st.dictionaries(st.text(max_size=5), _VALUES, max_size=3),
    st.lists(_VALUES, max_size=5),
    st.lists(st.booleans(), max_size=3),
    st.none() | st.integers(1, 4),
)
def test_pieces_of_a_list_deeper_in_are_the_whole_text(
    head: dict[str, object], items: list[object], path: list[bool], indent: int | None
) -> None:
    # The place is a member of an object inside objects (False) and lists (True); its
    # name is longer than any key drawn, so it is the only member so named.
    def wrapped(value: list[object]) -> dict[str, object]:
        inner: object = {**head, "place-of-list": value, "after": head}
        for in_list in path:
            inner = {"x": [inner] if in_list else inner, "y": 1}
        assert isinstance(inner, dict)
        return inner

    level = 1 + sum(2 if in_list else 1 for in_list in path)
    parts = list(pieces(wrapped([]), "place-of-list", iter(items), indent, level=level))
    expected = json.dumps(wrapped(items), ensure_ascii=False, indent=indent)
    assert "".join(parts) == expected
    assert len(parts) == len(items) + 2


def test_without_msgspec_a_plain_value_is_written_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    value = {"a": ["甲", 1, None, True], "b": {"c": "\x00"}}
    monkeypatch.setitem(sys.modules, "msgspec", None)  # as if not installed: import fails
    _msgspec_json.cache_clear()
    try:
        assert _msgspec_json() is None
        assert plain_indented(value, 2, 1) == indented(value, 2, 1)
    finally:
        _msgspec_json.cache_clear()


@given(
    st.dictionaries(st.text(max_size=5), _VALUES, max_size=3),
    st.lists(_PLAIN, max_size=9),
    st.integers(1, 4),
    st.integers(1, 3),
    st.integers(1, 4),
)
def test_plain_pieces_come_a_batch_a_piece(
    head: dict[str, object], items: list[object], batch: int, indent: int, level: int
) -> None:
    """Plain elements are written a batch at a time, each batch one piece, and the pieces
    joined are the whole text at any depth and indentation."""
    whole: dict[str, object] = {"items": items}
    place: dict[str, object] = {"items": []}
    for _ in range(level - 1):
        whole, place = {**head, "in": whole}, {**head, "in": place}
    with patch.object(json_text, "_BATCH", batch):
        parts = list(
            pieces({**head, **place}, "items", iter(items), indent, level=level, plain=True)
        )
    assert "".join(parts) == json.dumps({**head, **whole}, ensure_ascii=False, indent=indent)
    assert len(parts) == 2 + -(-len(items) // batch)  # before, the batches, after


def test_a_batch_with_a_lone_surrogate_is_written_element_by_element() -> None:
    items = [{"a": "\ud800"}, {"b": ["x", None]}, "y"]
    text = "".join(pieces({"items": []}, "items", iter(items), 2, plain=True))
    assert text == json.dumps({"items": items}, ensure_ascii=False, indent=2)
