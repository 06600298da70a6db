"""Indented JSON text as ``json.dumps(value, ensure_ascii=False, indent=n)`` writes it, faster.

With an indent the standard library encodes in Python, a generator per container; a large
report spent a tenth of its CPU time there. This writer walks the value once, strings
escaped by the standard library's C function, and gives the very same text
(``tests/properties/test_json_text.py`` compares the two on generated values). A value it
does not know (a key that is no string, an object that is no JSON value) is left to
``json.dumps`` whole, which says what is wrong with it.

:func:`pieces` gives the text of an object one element of a long list at a time, indented or
compact, so that a report (JSON or SARIF) is written finding by finding, never held as one
string. Elements known to be plain (strings, integers, booleans, None, lists, objects with
string keys: no float, which msgspec writes its own way) are written by msgspec when it is
installed, in C, to the same text, a batch of them at a time (one piece each).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, partial
from itertools import islice
from json.encoder import encode_basestring
from typing import Any

__all__ = ["indented", "pieces", "plain_indented"]


_COMPACT = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without making an encoder per value."""


class _Unknown(Exception):
    """A value the fast writer leaves to ``json.dumps``."""


def indented(value: object, indent: int = 2, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, as if nested ``level`` deep."""
    out: list[str] = []
    try:
        _put(value, "\n" + " " * (indent * level), " " * indent, out)
    except _Unknown:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return text.replace("\n", "\n" + " " * (indent * level)) if level else text
    return "".join(out)


@cache
def _msgspec_json() -> Any | None:
    try:
        import msgspec  # noqa: PLC0415 - optional: without it the Python writer does it all
    except ImportError:
        return None
    return msgspec.json


def plain_indented(value: object, indent: int = 2, level: int = 0) -> str:
    """:func:`indented` of a plain value (see the module's note: no float, string keys only),
    encoded in C when msgspec is installed."""
    codec = _msgspec_json()
    if codec is None or indent < 1:  # msgspec writes indent 0 on one line, json does not
        return indented(value, indent, level)
    try:
        text: str = codec.format(codec.encode(value), indent=indent).decode()
    except (TypeError, UnicodeEncodeError):  # a lone surrogate: json writes it, msgspec not
        return indented(value, indent, level)
    return text.replace("\n", "\n" + " " * (indent * level)) if level else text


def pieces(
    head: Mapping[str, object],
    key: str,
    items: Iterable[object],
    indent: int | None = 2,
    *,
    level: int = 1,
    plain: bool = False,
) -> Iterator[str]:
    """The text of ``head`` with ``items`` as the value of ``key``, in pieces: the text up to
    the list, each item, the rest; ``json.dumps(whole, ensure_ascii=False, indent=indent)``
    once joined (compact when ``indent`` is None).

    ``head`` holds the list's place: an empty list as the value of the member ``key``,
    ``level`` deep (1: a member of ``head`` itself). Compact, the place is the last member so
    named at any depth, so no member named ``key`` may follow it. ``plain`` says every item
    is a plain value (see the module's note).
    """
    encode: Callable[[object], str]
    if indent is None:
        text = json.dumps(head, ensure_ascii=False)
        marker = f"{encode_basestring(key)}: []"
        at = text.rindex(marker) + len(marker) - 1  # the closing bracket of the empty list
        encode = _COMPACT
        first, sep, close = "", ", ", ""
    else:
        text = indented(head, indent)
        marker = f"\n{' ' * (indent * level)}{encode_basestring(key)}: []"
        at = text.index(marker) + len(marker) - 1
        write = plain_indented if plain else indented
        encode = partial(write, indent=indent, level=level + 1)
        first = "\n" + " " * (indent * (level + 1))
        sep, close = "," + first, "\n" + " " * (indent * level)
    yield text[:at]
    before, empty = first, True
    codec = _msgspec_json() if plain else None
    if codec is not None and indent is not None and indent > 0:
        elements = iter(items)
        while batch := list(islice(elements, _BATCH)):
            yield before + _plain_run(codec, batch, indent, level + 1)
            before, empty = sep, False
    else:
        for item in items:
            yield before + encode(item)
            before, empty = sep, False
    yield text[at:] if empty else close + text[at:]


_BATCH = 256
"""Plain elements written by msgspec in one go (one piece): its calls cost more than the
writing of a finding."""


def _plain_run(codec: Any, items: list[object], indent: int, level: int) -> str:
    """The plain ``items`` as :func:`plain_indented` writes each ``level`` deep, joined by a
    comma and the newline and indentation of that depth (``codec``: ``msgspec.json``)."""
    try:
        text: str = codec.format(codec.encode(items), indent=indent).decode()
    except (TypeError, UnicodeEncodeError):  # a lone surrogate: written one by one
        joint = ",\n" + " " * (indent * level)
        return joint.join(plain_indented(item, indent, level) for item in items)
    # "[\n" and one step of indentation before the first element, "\n]" after the last;
    # msgspec put the elements one step deep: they go ``level`` steps deep
    inner = text[2 + indent : -2]
    return inner.replace("\n", "\n" + " " * (indent * (level - 1))) if level > 1 else inner


def _float(value: float) -> str:
    if value != value:  # noqa: PLR0124 - NaN is the one float unequal to itself
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _put(value: object, nl: str, step: str, out: list[str]) -> None:
    # The order of the tests is json's own (a bool is an int, a str subclass a str).
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = nl + step
        out.append("[")
        sep = inner
        for element in value:
            out.append(sep)
            _put(element, inner, step, out)
            sep = "," + inner
        out.append(nl + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = nl + step
        out.append("{")
        sep = inner
        for k, element in value.items():
            if not isinstance(k, str):
                raise _Unknown
            out.append(sep + encode_basestring(k) + ": ")
            _put(element, inner, step, out)
            sep = "," + inner
        out.append(nl + "}")
    else:
        raise _Unknown
