"""Where the resources of a JSON catalog are in its bytes, found without parsing them in Python.

msgspec checks the whole document's syntax and hands back each top-level value and each
resource as a view into the bytes (``msgspec.Raw``); their lengths give every offset. Lines
and columns are counted as the text reader counts them (columns in characters), so a finding
is located the same way whichever reader found the resource.

Only the plain shape is taken here: a top-level object, each key once, one list of resources
and at most one member of catalog facts. Anything else (a top-level list, a repeated key,
resources given twice or not as a list, a byte-order mark, input msgspec refuses) is left to
the text reader (:mod:`govcatalog.io.json_reader`), which reports it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from govcatalog.io._jsonlocator import JsonLocator, Place
from govcatalog.io._jsonpos import offset_in_bytes
from govcatalog.io.records import Locator, RawRecord
from govcatalog.io.repeats import LastKeyLocator, repeated_in, replaced_values
from govcatalog.io.shape import INFO_KEYS, RESOURCE_KEYS
from govcatalog.io.top_walk import ByteMember, walk_bytes

_WS = re.compile(rb"[ \t\n\r]*")


Member = ByteMember
"""A top-level member: its JSON pointer, the byte span of its value, the value's view."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The plain shape of a JSON catalog.

    Attributes:
        info: The catalog facts member, if any.
        resources: The list of resources member.
        raws: Each resource, as a view into the bytes.
    """

    info: Member | None
    resources: Member
    raws: list[Any]


def layout(buf: bytes, msgspec: Any) -> Layout | None:
    """The layout of a catalog's bytes, or None when it is not of the plain shape."""
    return layout_of(buf, msgspec, walk_bytes(buf, msgspec))


def layout_of(buf: bytes, msgspec: Any, members: list[tuple[str, Member]] | None) -> Layout | None:
    """:func:`layout` from the top-level members (:func:`~govcatalog.io.top_walk.walk_bytes`)."""
    if members is None:
        return None
    info = [m for key, m in members if key in INFO_KEYS]
    resources = [m for key, m in members if key in RESOURCE_KEYS]
    if len(info) > 1 or len(resources) != 1 or buf[resources[0].start] != 0x5B:  # "["
        return None  # the text reader reads (and says) two members naming one thing
    try:
        raws = msgspec.json.decode(resources[0].raw, type=list[msgspec.Raw])
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    return Layout(info[0] if info else None, resources[0], raws)


def spans(buf: bytes, layout: Layout) -> Iterator[tuple[int, int, int, Any]]:
    """(index, start, end, raw view) of each resource, in order."""
    pos = layout.resources.start + 1
    ws = _WS.match
    for index, raw in enumerate(layout.raws):
        start = ws(buf, pos).end()  # type: ignore[union-attr]
        end = start + memoryview(raw).nbytes
        yield index, start, end, raw
        pos = ws(buf, end).end() + 1  # type: ignore[union-attr]  # past the comma


class ByteLines:
    """Line and column (in characters) of offsets into UTF-8 bytes, moving forward only."""

    __slots__ = ("_buf", "_col", "_line", "_pos")

    def __init__(self, buf: bytes, pos: int = 0, line: int = 1, column: int = 1) -> None:
        """``buf[pos]`` is at ``line`` and ``column`` (a part of a larger file: its place there)."""
        self._buf = buf
        self._pos = pos
        self._line = line
        self._col = column

    def at(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset`` (offsets must not decrease between calls)."""
        buf, pos = self._buf, self._pos
        newlines = buf.count(b"\n", pos, offset)
        if newlines:
            self._line += newlines
            last = buf.rfind(b"\n", pos, offset)
            self._col = len(buf[last + 1 : offset].decode("utf-8")) + 1
        else:
            self._col += len(buf[pos:offset].decode("utf-8"))
        self._pos = offset
        return self._line, self._col


def position(buf: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of one offset."""
    last = buf.rfind(b"\n", 0, offset)
    return buf.count(b"\n", 0, offset) + 1, len(buf[last + 1 : offset].decode("utf-8")) + 1


class ByteSpanLocator:
    """Locates pointers inside one resource of a JSON document held as bytes.

    A pointer is followed in the bytes; the resource's text is decoded only where that cannot
    be done in one match a step (and not kept: a summary of every resource holds its locator).
    """

    __slots__ = ("buf", "column", "end", "line", "start")

    def __init__(self, buf: bytes, start: int, end: int, line: int, column: int) -> None:
        self.buf = buf
        self.start = start
        self.end = end
        self.line = line
        self.column = column

    def locate(self, pointer: str) -> Place:
        """Line and column of the deepest existing value on ``pointer``: found in the bytes
        where one match a step finds it, else in the text (decoded for the purpose)."""
        buf, start = self.buf, self.start
        off = offset_in_bytes(buf, start, self.end, pointer)
        if off is None:
            return self.detached_copy().locate(pointer)
        newlines = buf.count(b"\n", start, off)
        if not newlines:
            return self.line, self.column + len(buf[start:off].decode("utf-8"))
        last = buf.rfind(b"\n", start, off)
        return self.line + newlines, len(buf[last + 1 : off].decode("utf-8")) + 1

    def locate_many(self, pointers: Sequence[str]) -> list[Place]:
        """:meth:`locate` of each pointer, the resource's text decoded and read once for all."""
        return self.detached_copy().locate_many(pointers)

    def detached_copy(self) -> JsonLocator:
        """A locator holding only the resource's text (for sending to another process)."""
        text = self.buf[self.start : self.end].decode("utf-8")
        return JsonLocator(text, 0, len(text), self.line, self.column)


def facts_of(buf: bytes, shape: Layout) -> tuple[RawRecord, list[RawRecord]]:
    """The catalog facts of a layout with facts, and each value a key of theirs gives before
    its last one (see :attr:`~govcatalog.io.records.SourceDocument.info_replaced`).

    Raises:
        UnicodeDecodeError: Where the facts are not UTF-8.
    """
    member = shape.info
    assert member is not None
    text = buf[member.start : member.end].decode("utf-8")
    line, column = position(buf, member.start)
    locator = ByteSpanLocator(buf, member.start, member.end, line, column)
    data = json.loads(text)
    again = repeated_in(text, 0, len(text), data)
    info = RawRecord(-1, member.pointer, data, located(locator, again), None, None, again)
    return info, replaced_values(text, 0, (line, column), member.pointer, again)


def located(locator: ByteSpanLocator, again: tuple[str, ...]) -> Locator:
    """The locator of a resource: one that follows a repeated key to its last value where
    the resource gives one twice."""
    if not again:
        return locator
    text = locator.buf[locator.start : locator.end].decode("utf-8")
    return LastKeyLocator(text, locator.line, locator.column)
