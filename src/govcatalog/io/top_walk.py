"""The members of a JSON document's top-level object as written, repeated keys and all.

A JSON decoder hands back one value a key, the later of a key written twice: the members
written are found here, in the bytes with msgspec (in C: each value is a view into the bytes,
whose length gives its span; :func:`walk_bytes` gives them only where each key comes once)
or, where a key comes twice, in the text with the standard library's decoder, each value
skipped and a list element by element (:func:`scan_text`, about one more parse of the text).
"""

from __future__ import annotations

import json
import re
from typing import Any, Final, NamedTuple

from govcatalog.io._jsonpos import _skip_ws
from govcatalog.io.records import pointer_token
from govcatalog.io.top_plan import gives_twice

_WS: Final = re.compile(rb"[ \t\n\r]*")
_MEMBER: Final = re.compile(rb'[ \t\n\r]*"((?:[^"\\]|\\.)*)"[ \t\n\r]*:[ \t\n\r]*')
_AFTER: Final = re.compile(rb"[ \t\n\r]*([,}])")
_EMPTY: Final = re.compile(rb"[ \t\n\r]*(})")
_BOM: Final = b"\xef\xbb\xbf"
_DECODER: Final = json.JSONDecoder()


class ByteMember(NamedTuple):
    """A top-level member: its JSON pointer, the byte span of its value, the value's view."""

    pointer: str
    start: int
    end: int
    raw: Any


class TextMember(NamedTuple):
    """A top-level member as written in the text: its key, the span of its value, and how
    many elements the value holds when it is a list (None otherwise)."""

    key: str
    start: int
    end: int
    size: int | None


def walk_bytes(buf: bytes, msgspec: Any, skip: int = 0) -> list[tuple[str, ByteMember]] | None:
    """The members of the top-level object of ``buf[skip:]``, in order, each key once; None
    where msgspec refuses the bytes or finds no object, or where a key is written twice.

    Each value walked is checked to be written where the walk says: its bytes are those of
    msgspec's view of it, so that each member is where the text has one (a complete value
    ends where it ends). Each key once, the object ends after the last member read; a key
    written twice leaves the walk short of the end, or off the members as written."""
    try:
        members = msgspec.json.decode(memoryview(buf)[skip:], type=dict[str, msgspec.Raw])
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    pos = _WS.match(buf, skip).end()  # type: ignore[union-attr]
    if buf[pos : pos + 1] != b"{":
        return None
    found: list[tuple[str, ByteMember]] = []
    after = _EMPTY.match(buf, pos + 1) if not members else None
    pos += 1
    for key, raw in members.items():
        m = _MEMBER.match(buf, pos)
        if m is None or json.loads(b'"' + m[1] + b'"') != key:
            return None
        start = m.end()
        if not buf.startswith(raw, start):
            return None
        end = start + memoryview(raw).nbytes
        found.append((key, ByteMember("/" + pointer_token(key), start, end, raw)))
        after = _AFTER.match(buf, end)
        if after is None or after[1] == b"}":
            break
        pos = after.end()
    if after is None or after[1] != b"}" or len(found) != len(members):
        return None  # the object goes on: a key was written twice
    return found


def once_each(buf: bytes) -> bool:
    """Whether the top-level object of a JSON document's bytes writes each key once and names
    its facts and its resources once at most (:func:`~govcatalog.io.top_plan.gives_twice`),
    as far as msgspec can tell (False where it cannot: no msgspec, or bytes it refuses)."""
    try:
        import msgspec  # noqa: PLC0415 - a dependency, but the readers work without it
    except ImportError:
        return False
    members = walk_bytes(buf, msgspec, len(_BOM) if buf.startswith(_BOM) else 0)
    return members is not None and not gives_twice([key for key, _ in members])


def scan_text(text: str, i: int) -> list[TextMember] | None:
    """The members of the object at ``i``, the whole text, in the order written, repeated
    keys and all; None where it is no valid JSON object (the streaming reader says where).

    Every value is decoded (and let go): a list element by element, so that no more than one
    element is held at a time."""
    members: list[TextMember] = []
    try:
        j = _skip_ws(text, i + 1)
        if text[j] == "}":
            return members if _skip_ws(text, j + 1) == len(text) else None
        while True:
            if text[j] != '"':
                return None
            key, j = _DECODER.raw_decode(text, j)
            j = _skip_ws(text, j)
            if text[j] != ":":
                return None
            start = _skip_ws(text, j + 1)
            end, size = _skip(text, start)
            members.append(TextMember(key, start, end, size))
            j = _skip_ws(text, end)
            if text[j] == "}":
                break
            if text[j] != ",":
                return None
            j = _skip_ws(text, j + 1)
    except (ValueError, IndexError, RecursionError):
        return None
    return members if _skip_ws(text, j + 1) == len(text) else None


def _skip(text: str, start: int) -> tuple[int, int | None]:
    """Where the value at ``start`` ends, and how many elements it holds when it is a list.

    Raises:
        ValueError: Where it is no valid JSON value.
    """
    if text[start] != "[":
        return _DECODER.raw_decode(text, start)[1], None
    j = _skip_ws(text, start + 1)
    if text[j] == "]":
        return j + 1, 0
    size = 0
    while True:
        j = _skip_ws(text, _DECODER.raw_decode(text, j)[1])
        size += 1
        if text[j] == "]":
            return j + 1, size
        if text[j] != ",":
            raise ValueError(text[j])
        j = _skip_ws(text, j + 1)
