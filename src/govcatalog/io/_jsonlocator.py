"""Locating pointers inside one record of a JSON text: one at a time, or many at once.

One pointer is found from the record's start by the one-match finders of
:mod:`govcatalog.io._jsonpos`, which skip the members before it: the cheapest way for the few
findings of a record. A record with thousands of findings (thousands of unknown keys, or of
data items) would have each searched for from its start again, and its lines counted from
its start again: quadratic in all (20,000 unknown keys in one resource took minutes). Many
pointers are found with a :class:`ValueIndex` instead, each object and array on their way
read once to its end, and their lines counted once, forward (:func:`positions`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from govcatalog._quick_init import quick_init
from govcatalog.io._jsonpos import (
    _MEMBER,
    _NEXT,
    _WHOLE_MEMBER,
    LineCounter,
    _skip_value,
    _skip_ws,
    offset_of,
    unescape,
)

Place = tuple[int | None, int | None]
"""A line and a column (None where not known)."""


class ValueIndex:
    """Where the members and elements of the objects and arrays of one JSON text are, each
    read once to its end when a pointer first goes through it.

    Attributes:
        text: Valid JSON text (a record's own, or a document holding it).
        last: A key an object gives twice leads to its last value, the one a decoder keeps
            (:class:`~govcatalog.io.repeats.LastKeyLocator`); else to its first, where
            :func:`~govcatalog.io._jsonpos.offset_of` finds it (the same in any other object).
    """

    __slots__ = ("_read", "last", "text")

    def __init__(self, text: str, *, last: bool = False) -> None:
        self.text = text
        self.last = last
        self._read: dict[int, dict[str, int] | list[int]] = {}
        """Offset of an object or array read → where each member's (element's) value is."""

    def offset(self, start: int, pointer: str) -> int:
        """Offset of the deepest value on ``pointer`` that exists, from the value at ``start``
        (as :func:`~govcatalog.io._jsonpos.offset_of` finds it)."""
        i = _skip_ws(self.text, start)
        for raw in pointer[1:].split("/") if pointer else ():
            inside = self._read.get(i)
            if inside is None:
                inside = self._read[i] = self._inside(i)
            part = unescape(raw)
            nxt = inside.get(part) if isinstance(inside, dict) else _element(inside, part)
            if nxt is None:
                break
            i = nxt
        return i

    def _inside(self, i: int) -> dict[str, int] | list[int]:
        """Where the values of the object or array at ``i`` are (none for a scalar)."""
        text = self.text
        if text[i : i + 1] == "[":
            elements: list[int] = []
            _elements(text, i, elements)
            return elements
        members: dict[str, int] = {}
        if text[i : i + 1] == "{":
            _members(text, i, members, last=self.last)
        return members


def _element(elements: list[int], part: str) -> int | None:
    """Where element ``part`` (a pointer's token) of an array is, if it has it."""
    if not part.isdigit():
        return None
    try:
        n = int(part)
    except ValueError:  # a digit int() does not read ("²"): no element, as offset_of says
        return None
    return elements[n] if n < len(elements) else None


def _elements(text: str, i: int, found: list[int]) -> None:
    """Add where each element of the array at ``i`` is (those before any text the walk
    cannot read, where :func:`~govcatalog.io._jsonpos.offset_of` stops as well)."""
    i = _skip_ws(text, i + 1)
    try:
        while i < len(text) and text[i] != "]":
            found.append(i)
            i = _NEXT.match(text, _skip_value(text, i)).end()  # type: ignore[union-attr]
    except ValueError:
        return


def _members(text: str, i: int, found: dict[str, int], *, last: bool) -> None:
    """Add where the value of each key of the object at ``i`` is, its first or its ``last``
    (those before any text the walk cannot read, as for :func:`_elements`)."""
    i += 1
    try:
        while True:
            whole = _WHOLE_MEMBER.match(text, i)
            if whole is not None:  # one match for the key, its value and the comma after
                raw, at, i = whole.group(1), whole.start(2), whole.end()
            else:
                m = _MEMBER.match(text, i)
                if m is None:
                    return
                raw, at = m.group(1), m.end()
                i = _NEXT.match(text, _skip_value(text, at)).end()  # type: ignore[union-attr]
            name = raw if "\\" not in raw else json.loads(f'"{raw}"')
            if last or name not in found:
                found[name] = at
    except ValueError:
        return


def positions(text: str, start: int, line: int, column: int, offsets: Sequence[int]) -> list[Place]:
    """Line and column of each offset into ``text`` (none before ``start``, which is at
    ``line`` and ``column``): the lines counted once, forward, however many offsets."""
    counter = LineCounter(text, start, line, column)
    at = {offset: counter.at(offset) for offset in sorted(set(offsets))}
    return [at[offset] for offset in offsets]


@quick_init
@dataclass(frozen=True, slots=True)
class JsonLocator:
    """Locates pointers inside one record of a JSON text.

    Attributes:
        text: The document text (shared, not copied) or the record's own text.
        start: Offset of the record in ``text``.
        end: Offset just past the record in ``text``.
        line: Line of the record's first character in the file.
        column: Column of the record's first character in the file.
    """

    text: str
    start: int
    end: int
    line: int
    column: int

    def locate(self, pointer: str) -> Place:
        """Line and column of the deepest existing value on ``pointer``."""
        off = offset_of(self.text, self.start, pointer)
        newlines = self.text.count("\n", self.start, off)
        if not newlines:
            return self.line, self.column + off - self.start
        return self.line + newlines, off - self.text.rfind("\n", self.start, off)

    def locate_many(self, pointers: Sequence[str]) -> list[Place]:
        """:meth:`locate` of each pointer, the record read once for all."""
        index = ValueIndex(self.text)
        offsets = [index.offset(self.start, pointer) for pointer in pointers]
        return positions(self.text, self.start, self.line, self.column, offsets)

    def detached_copy(self) -> JsonLocator:
        """A copy holding only the record's text (for sending to another process)."""
        return JsonLocator(
            self.text[self.start : self.end], 0, self.end - self.start, self.line, self.column
        )
