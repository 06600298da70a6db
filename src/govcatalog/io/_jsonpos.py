"""Positions inside JSON text: line/column of a JSON pointer, without a second parser.

Only used for records that have findings, so it favours simplicity: it walks the
record's text with the standard library's C scanner to skip values it does not need.
Each pointer is found from the record's start, which suits the few findings of a record;
:mod:`govcatalog.io._jsonlocator` reads a record once for many.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from json.encoder import encode_basestring

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_STRING = r'"(?:[^"\\]++|\\.)*+"'
_FLAT = rf'\{{(?:[^{{}}\[\]"]++|{_STRING})*+\}}|\[(?:[^{{}}\[\]"]++|{_STRING})*+\]'
_VALUE_SOURCE = (
    rf"{_STRING}"
    rf'|\{{(?:[^{{}}\[\]"]++|{_STRING}|{_FLAT})*+\}}'
    rf'|\[(?:[^{{}}\[\]"]++|{_STRING}|{_FLAT})*+\]'
    r"|[\w.+-]+"
)
_VALUE = re.compile(_VALUE_SOURCE)
"""A string, a scalar, or an object/array whose members are at most one level deep (a list
of flat objects, an object of flat lists): skipped by one match, without backtracking
(possessive quantifiers). The text was parsed before, so it is known to be valid JSON;
anything nested deeper is skipped by the decoder."""


def _skip_value(text: str, i: int) -> int:
    m = _VALUE.match(text, i)
    if m is not None:
        return m.end()
    return int(_DECODER.raw_decode(text, i)[1])


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def unescape(part: str) -> str:
    """Decode one JSON-pointer reference token."""
    return part.replace("~1", "/").replace("~0", "~")


def _skip_ws(text: str, i: int) -> int:
    m = _WS.match(text, i)
    return m.end() if m else i


_MEMBER = re.compile(r'[ \t\n\r]*"((?:[^"\\]|\\.)*)"[ \t\n\r]*:[ \t\n\r]*')
"""An object member's key and the colon after it, with the white space around them."""
_NEXT = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")
"""White space and at most one comma between two members or elements."""


_WHOLE_MEMBER = re.compile(
    rf'[ \t\n\r]*"((?:[^"\\]++|\\.)*+)"[ \t\n\r]*:[ \t\n\r]*({_VALUE_SOURCE})[ \t\n\r]*,?[ \t\n\r]*'
)
"""A member whose value :data:`_VALUE` skips, with what follows it up to the next member."""


_SKIPPED_MEMBER = (
    rf'(?>"(?:[^"\\]++|\\.)*+"[ \t\n\r]*:[ \t\n\r]*(?:{_VALUE_SOURCE})[ \t\n\r]*,[ \t\n\r]*)'
)
"""A member skipped whole, with the comma after it (atomic: never matched another way)."""


@lru_cache(maxsize=1024)
def _member_finder(key: str) -> re.Pattern[str]:
    """From an object's opening brace to the value of the first member named ``key`` written
    as ``json.dumps`` writes it, skipping the members before it in one match."""
    head = re.escape(encode_basestring(key))
    return re.compile(rf"\{{[ \t\n\r]*{_SKIPPED_MEMBER}*?{head}[ \t\n\r]*:[ \t\n\r]*")


@lru_cache(maxsize=1024)
def _element_finder(index: int) -> re.Pattern[str]:
    """From an array's opening bracket to its element ``index``, skipping those before it."""
    return re.compile(rf"\[[ \t\n\r]*(?>(?:{_VALUE_SOURCE})[ \t\n\r]*,[ \t\n\r]*){{{index}}}")


_VALUE_BYTES = re.compile(_VALUE_SOURCE.encode())
""":data:`_VALUE` over UTF-8 bytes (no byte of a multi-byte character is a quote or a
backslash, and a scalar outside a string is ASCII)."""


@lru_cache(maxsize=1024)
def _member_finder_bytes(key: str) -> re.Pattern[bytes]:
    """:func:`_member_finder` over UTF-8 bytes."""
    return re.compile(_member_finder(key).pattern.encode())


@lru_cache(maxsize=1024)
def _element_finder_bytes(index: int) -> re.Pattern[bytes]:
    """:func:`_element_finder` over UTF-8 bytes."""
    return re.compile(_element_finder(index).pattern.encode())


def offset_in_bytes(buf: bytes, start: int, end: int, pointer: str) -> int | None:
    """:func:`offset_of` over the UTF-8 bytes ``buf[start:end]`` of one valid JSON value: the
    byte offset of the deepest value on ``pointer`` that exists, found by the one-match
    finders alone; None where a step needs the walk (a key written with an escape, a value
    nested too deep to skip in one match): then ask :func:`offset_of` on the text."""
    i = _WS_BYTES.match(buf, start, end).end()  # type: ignore[union-attr]
    if not pointer:
        return i
    for raw in pointer[1:].split("/"):
        part = unescape(raw)
        first = buf[i : i + 1]
        if first == b"{":
            m = _member_finder_bytes(part).match(buf, i, end)
        elif first == b"[" and part.isdigit():
            m = _element_finder_bytes(int(part)).match(buf, i, end)
            if m is not None and buf[m.end() : m.end() + 1] == b"]":
                return i  # the array is empty
        else:
            return i
        if m is None:
            shallow = _VALUE_BYTES.match(buf, i, end)
            if shallow is None or b"\\" in shallow.group():
                return None
            return i  # skipped whole without an escape: not there
        i = m.end()
    return i


_WS_BYTES = re.compile(rb"[ \t\n\r]*")


def _shallow_without_escapes(text: str, i: int) -> bool:
    """Whether the value at ``i`` is skipped by one match and has no escape in it: a finder
    that does not match it then proves what it looks for is not there."""
    m = _VALUE.match(text, i)
    return m is not None and "\\" not in m.group()


def _find_member(text: str, i: int, key: str) -> int | None:
    m = _member_finder(key).match(text, i)
    if m is not None:
        return m.end()
    if _shallow_without_escapes(text, i):
        return None
    return _find_in_object(text, i, key)


def _find_element(text: str, i: int, index: int) -> int | None:
    m = _element_finder(index).match(text, i)
    if m is not None:
        return None if text[m.end()] == "]" else m.end()  # "]": the array is empty
    if _shallow_without_escapes(text, i):
        return None
    return _find_in_array(text, i, index)


def _find_in_object(text: str, i: int, key: str) -> int | None:
    i += 1
    while True:
        whole = _WHOLE_MEMBER.match(text, i)
        if whole is not None:  # one match for the key, its value and the comma after
            raw = whole.group(1)
            if (raw if "\\" not in raw else json.loads(f'"{raw}"')) == key:
                return whole.start(2)
            i = whole.end()
            continue
        m = _MEMBER.match(text, i)
        if m is None:
            return None
        raw = m.group(1)
        name = raw if "\\" not in raw else json.loads(f'"{raw}"')
        i = m.end()
        if name == key:
            return i
        i = _NEXT.match(text, _skip_value(text, i)).end()  # type: ignore[union-attr]


def _find_in_array(text: str, i: int, index: int) -> int | None:
    i = _skip_ws(text, i + 1)
    n = 0
    while i < len(text) and text[i] != "]":
        if n == index:
            return i
        i = _NEXT.match(text, _skip_value(text, i)).end()  # type: ignore[union-attr]
        n += 1
    return None


def follow(data: object, pointer: str) -> tuple[object, int]:
    """The deepest value on ``pointer`` that ``data`` (a decoded JSON value) holds, and how
    many characters of the pointer lead to it (``len(pointer)``: the whole pointer exists)."""
    node, end = data, 0
    for raw in pointer[1:].split("/") if pointer else ():
        part = unescape(raw)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            break
        end += 1 + len(raw)
    return node, end


def existing_part(data: object, pointer: str) -> str:
    """The longest start of ``pointer`` that leads to a value in ``data`` (the decoded record):
    :func:`offset_of` finds it at once, where a member that is not there would have it
    search the whole object."""
    return pointer[: follow(data, pointer)[1]]


def offset_of(text: str, start: int, pointer: str) -> int:
    """Offset of the deepest value on ``pointer`` that exists, starting at ``start``."""
    i = _skip_ws(text, start)
    if not pointer:
        return i
    for raw in pointer[1:].split("/"):
        part = unescape(raw)
        try:
            if text[i] == "{":
                nxt = _find_member(text, i, part)
            elif text[i] == "[" and part.isdigit():
                nxt = _find_element(text, i, int(part))
            else:
                nxt = None
        except (ValueError, IndexError):
            nxt = None
        if nxt is None:
            return i
        i = nxt
    return i


class LineCounter:
    """Tracks line and column while moving forward through a text (never rescans it)."""

    __slots__ = ("_col", "_line", "_pos", "_text")

    def __init__(self, text: str, pos: int = 0, line: int = 1, column: int = 1) -> None:
        """``text[pos]`` is at ``line`` and ``column`` (a record's place in its file)."""
        self._text = text
        self._pos = pos
        self._line = line
        self._col = column

    def at(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset`` (offsets must not decrease between calls)."""
        text, pos = self._text, self._pos
        newlines = text.count("\n", pos, offset)
        if newlines:
            self._line += newlines
            self._col = offset - text.rfind("\n", pos, offset)
        else:
            self._col += offset - pos
        self._pos = offset
        return self._line, self._col
