"""Keys a JSON object gives more than once, found without parsing every object twice.

A JSON decoder keeps the last value of a repeated key and says nothing. Each key written is
followed by one colon outside its string, so the colons written in a record's text are at
least as many as the keys written: when they are no more than the keys decoded, no key is
repeated (one count in C, :func:`repeated_in`). Where there are more (a colon in a text, a
time, a web address), the colons of the decoded value written again are counted: a text's
colons are written again, and more colons in the text than in the value written again can
only come of keys written twice, or of what a repeated key's earlier value held. Only then,
or where a colon is written as an escape (``\\u003a``), is the record read again with a hook
that sees every key (:func:`repeated_keys`), finding the repeats or none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from govcatalog.io._jsonlocator import Place, ValueIndex, positions
from govcatalog.io._jsonpos import _MEMBER, _NEXT, _skip_value, unescape
from govcatalog.io.records import Position, RawRecord, pointer_token

_ENCODE: Final = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_DECODER: Final = json.JSONDecoder()


def keys_in(value: object) -> int:
    """How many keys the objects of a decoded JSON value hold, at every depth."""
    n = 0
    stack = [value]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            n += len(node)
            members: Any = node.values()
        elif type(node) is list:
            members = node
        else:
            continue
        for member in members:
            kind = type(member)
            if kind is dict or kind is list:
                stack.append(member)
    return n


def shallow_keys(data: object) -> int:
    """How many keys a decoded record holds, its own and those of the objects among its values
    and in its lists: no more than :func:`keys_in` counts, and the same for a record whose
    objects hold no object (a resource, its groups and its data items, nearly always)."""
    if type(data) is not dict:
        return keys_in(data)
    n = len(data)
    for value in data.values():
        if type(value) is dict:
            n += len(value)
        elif type(value) is list and value and type(value[0]) is dict:
            n += sum([len(item) for item in value if type(item) is dict])
    return n


def repeated_in(
    text: str | bytes, start: int, end: int, data: object, least: int | None = None
) -> tuple[str, ...]:
    """The pointers (relative to the value, as written) of the keys that ``text[start:end]``,
    one JSON value decoded as ``data``, gives more than once in one object; ``least``: no more
    keys than ``data`` holds, when the caller knows how many (else :func:`shallow_keys`)."""
    if isinstance(text, bytes):
        written = text.count(b":", start, end)
    else:
        written = text.count(":", start, end)
    if written <= (shallow_keys(data) if least is None else least):
        return ()
    if written <= keys_in(data):
        return ()
    if isinstance(text, bytes):
        escaped = text.find(b"\\u003", start, end) >= 0
    else:
        escaped = text.find("\\u003", start, end) >= 0
    if not escaped and written <= _ENCODE(data).count(":"):
        return ()
    return repeated_keys(text[start:end])


def repeated_keys(text: str | bytes) -> tuple[str, ...]:
    """The pointers (relative to the value, as written) of the keys one JSON value's text gives
    more than once in one object, each once, in the order of the objects holding them. Keys in
    an earlier value that a repeated key replaced are not looked at: that value is not read."""
    again: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            keys: dict[str, None] = {}  # each once, in order
            for key, _ in pairs:
                if key in seen:
                    keys[key] = None
                seen.add(key)
            again[id(obj)] = (obj, list(keys))  # holding the object keeps its id its own
        return obj

    data = json.loads(text, object_pairs_hook=hook)
    if not again:
        return ()
    found: list[str] = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if type(node) is dict:
            if id(node) in again:
                found += [f"{pointer}/{pointer_token(k)}" for k in again[id(node)][1]]
            members = [(f"{pointer}/{pointer_token(k)}", v) for k, v in node.items()]
        elif type(node) is list:
            members = [(f"{pointer}/{i}", v) for i, v in enumerate(node)]
        else:
            continue
        stack += [m for m in reversed(members) if type(m[1]) in (dict, list)]
    return tuple(found)


class LastKeyLocator:
    """Locates pointers in a record that gives a key twice: a key leads to its last value,
    the one read (other locators follow the first, which is the same in any other record)."""

    __slots__ = ("_index", "column", "line", "text")

    def __init__(self, text: str, line: int, column: int) -> None:
        self.text = text
        self.line = line
        self.column = column
        self._index = ValueIndex(text, last=True)
        """Each object and array walked, once: where its members' (last) values are."""

    def locate(self, pointer: str) -> Place:
        """Line and column of the deepest existing value on ``pointer``."""
        text = self.text
        i = self._index.offset(0, pointer)
        newlines = text.count("\n", 0, i)
        if not newlines:
            return self.line, self.column + i
        return self.line + newlines, i - text.rfind("\n", 0, i)

    def locate_many(self, pointers: Sequence[str]) -> list[Place]:
        """:meth:`locate` of each pointer, its lines counted once for all."""
        offsets = [self._index.offset(0, pointer) for pointer in pointers]
        return positions(self.text, 0, self.line, self.column, offsets)

    def detached_copy(self) -> LastKeyLocator:
        """Itself: it holds only the record's text."""
        return self


def replaced_values(
    text: str, start: int, at: tuple[int, int], pointer: str, repeated: tuple[str, ...]
) -> list[RawRecord]:
    """Each value that a key of the object at ``text[start]`` (a record at ``pointer``, at
    line and column ``at``) gives before its last one, as a record of its own
    (``{key: value}``, located at that value): the keys ``repeated`` names at its top (the
    pointers of :attr:`~govcatalog.io.records.RawRecord.repeated`). Where a JSON decoder
    keeps only the last, the catalog facts still compare the dates given before it."""
    keys = {unescape(p[1:]) for p in repeated if p.count("/") == 1}
    if not keys:
        return []
    written = _every_member(text, start)
    last = dict(written)
    found = []
    for key, i in written:
        if key in keys and last[key] != i:
            newlines = text.count("\n", start, i)
            line = at[0] + newlines
            column = at[1] + i - start if not newlines else i - text.rfind("\n", start, i)
            value = _DECODER.raw_decode(text, i)[0]
            found.append(RawRecord(-1, pointer, {key: value}, Position(line, column)))
    return found


def _every_member(text: str, i: int) -> list[tuple[str, int]]:
    """The key and where the value is of each member of the object at ``i``, in order."""
    found: list[tuple[str, int]] = []
    i += 1
    while True:
        m = _MEMBER.match(text, i)
        if m is None:
            return found
        found.append((json.loads(f'"{m.group(1)}"'), m.end()))
        i = _NEXT.match(text, _skip_value(text, m.end())).end()  # type: ignore[union-attr]
