"""RFC 6902 operations, including the examples of the RFC's appendix A."""

from __future__ import annotations

from typing import Any

import pytest

from govcatalog.diff import PatchError, apply_patch
from govcatalog.diff.patch import parse_pointer


@pytest.mark.parametrize(
    ("doc", "patch", "expected"),
    [
        (
            {"foo": "bar"},
            [{"op": "add", "path": "/baz", "value": "qux"}],
            {"foo": "bar", "baz": "qux"},
        ),
        (
            {"foo": ["bar", "baz"]},
            [{"op": "add", "path": "/foo/1", "value": "qux"}],
            {"foo": ["bar", "qux", "baz"]},
        ),
        ({"foo": ["bar"]}, [{"op": "add", "path": "/foo/-", "value": "x"}], {"foo": ["bar", "x"]}),
        ({"baz": "qux", "foo": "bar"}, [{"op": "remove", "path": "/baz"}], {"foo": "bar"}),
        (
            {"foo": ["bar", "qux", "baz"]},
            [{"op": "remove", "path": "/foo/1"}],
            {"foo": ["bar", "baz"]},
        ),
        ({"baz": "qux"}, [{"op": "replace", "path": "/baz", "value": "boo"}], {"baz": "boo"}),
        (
            {"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}},
            [{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}],
            {"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}},
        ),
        (
            {"foo": ["all", "grass", "cows", "eat"]},
            [{"op": "move", "from": "/foo/1", "path": "/foo/3"}],
            {"foo": ["all", "cows", "eat", "grass"]},
        ),
        (
            {"a/b": 1, "m~n": 2},
            [{"op": "replace", "path": "/a~1b", "value": 3}],
            {"a/b": 3, "m~n": 2},
        ),
        ({"a": [1]}, [{"op": "copy", "from": "/a/0", "path": "/b"}], {"a": [1], "b": 1}),
        ({"a": 1}, [{"op": "test", "path": "/a", "value": 1}], {"a": 1}),
    ],
)
def test_operations(doc: Any, patch: list[dict[str, Any]], expected: Any) -> None:
    original = repr(doc)
    assert apply_patch(doc, patch) == expected
    assert repr(doc) == original  # the input is not changed


@pytest.mark.parametrize(
    "patch",
    [
        [{"op": "remove", "path": "/nope"}],
        [{"op": "add", "path": "/a/5", "value": 1}],
        [{"op": "add", "path": "/a/01", "value": 1}],
        [{"op": "replace", "path": "/missing", "value": 1}],
        [{"op": "test", "path": "/b", "value": 2}],
        [{"op": "move", "from": "/b", "path": "/b/c"}],
        [{"op": "frobnicate", "path": "/b"}],
        [{"path": "/b"}],
    ],
)
def test_bad_operations_raise(patch: list[dict[str, Any]]) -> None:
    with pytest.raises(PatchError):
        apply_patch({"a": [0], "b": {"c": 1}}, patch)


def test_pointer_tokens() -> None:
    assert parse_pointer("") == []
    assert parse_pointer("/a~1b/m~0n/0") == ["a/b", "m~n", "0"]
    with pytest.raises(ValueError, match="pointer"):
        parse_pointer("a")
