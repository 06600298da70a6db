"""The records of a JSON document without a list of resources: an API response envelope.

While the top-level object is read, each member's value is looked at for a list of records
(:func:`consider`, see :func:`~govcatalog.io.shape.envelope_path`); once it is read, the list
chosen is reached by its keys (:func:`seek`) and streamed, or the document is said to have
no list of resources. A key on the way written twice in one object
(``{"data": {"list": [...], "list": [...]}}``) leads to its later value, as a JSON decoder
reads it, and the records before it are said to be set aside (GC-S015).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from govcatalog.io._jsonpos import LineCounter, _skip_ws, line_col
from govcatalog.io.json_scan import decode_at, iter_array
from govcatalog.io.records import DocumentProblem, RawRecord, SourceDocument, pointer_to
from govcatalog.io.shape import ENVELOPE_DEPTH, Envelope, ResourceNames, envelope_path
from govcatalog.io.top_plan import TopMember, set_aside


@dataclass
class TopLevel:
    """What the top-level object holds besides the resources, gathered while it is scanned.

    Attributes:
        found: The resource list (or what stands in its place) was met.
        envelope: Where the list of records wrapped in an API response envelope is: the
            span of the member's value, and the list (keys from the top down to it).
        names: What the keys of a resource are known by, to tell its list.
    """

    found: bool = False
    envelope: tuple[int, int, Envelope] | None = None
    names: ResourceNames | None = None


def consider(top: TopLevel, key: str, value: object, span: tuple[int, int]) -> None:
    """Take the list of records the value of the top-level member ``key`` (at ``span``) holds,
    where it beats the one taken so far."""
    wrapped = envelope_path(value, ENVELOPE_DEPTH - 1, top.names)
    if wrapped is not None and wrapped.beats(top.envelope and top.envelope[2]):
        top.envelope = (*span, wrapped._replace(keys=(key, *wrapped.keys)))


def wrapped_or_missing(
    text: str, i: int, name: str, doc: SourceDocument, top: TopLevel, lines: LineCounter
) -> Iterator[RawRecord]:
    """The records of the envelope when no resource list was met; else a missing list."""
    if top.found:
        return
    if top.envelope is not None:
        start, end, wrapped = top.envelope
        at = seek(text, (start, end), wrapped.keys, name, doc)
        yield from iter_array(text, at, pointer_to(wrapped.keys), name, lines)
        return
    ln, col = line_col(text, i)
    doc.problems.append(
        DocumentProblem(
            "", "缺少信息资源列表（resources）", 'no list of resources ("resources")', ln, col
        )
    )


def seek(
    text: str, span: tuple[int, int], keys: tuple[str, ...], name: str, doc: SourceDocument
) -> int:
    """The offset of the value reached from the top-level member's value at ``span`` (the
    member ``keys[0]``) by following the other keys, each to the last member of its key; a
    key written twice on the way is GC-S015 (appended to ``doc.problems``)."""
    at = span[0]
    for n, wanted in enumerate(keys[1:], 1):
        if not _may_repeat(text, span, wanted):
            at = _first(text, at, wanted, name)
            continue
        found = _every(text, at, wanted, name)
        at = found[-1]
        if len(found) > 1:
            held = sum(records_at(decode_at(text, j, name)[0], keys[n + 1 :]) for j in found[:-1])
            read = TopMember(wanted, None, *line_col(text, at))
            doc.problems.append(set_aside(read, pointer_to(keys[:n]), held))
    return at


def records_at(value: object, keys: tuple[str, ...]) -> int:
    """How many records the list ``keys`` lead to in a decoded value holds (0: none)."""
    for key in keys:
        if not isinstance(value, Mapping):
            return 0
        value = value.get(key)
    return len(value) if isinstance(value, list) else 0


def _first(text: str, at: int, wanted: str, name: str) -> int:
    """The offset of the value of the first member ``wanted`` of the object at ``at``."""
    j = _skip_ws(text, at + 1)
    while True:
        key, j = decode_at(text, j, name)
        j = _skip_ws(text, _skip_ws(text, j) + 1)  # past the ':'
        if key == wanted:
            return j
        _, j = decode_at(text, j, name)
        j = _skip_ws(text, _skip_ws(text, j) + 1)  # past the ','


def _every(text: str, at: int, wanted: str, name: str) -> list[int]:
    """The offsets of the values of every member ``wanted`` of the object at ``at``."""
    found: list[int] = []
    j = _skip_ws(text, at + 1)
    while text[j] != "}":
        key, j = decode_at(text, j, name)
        j = _skip_ws(text, _skip_ws(text, j) + 1)  # past the ':'
        if key == wanted:
            found.append(j)
        _, j = decode_at(text, j, name)
        j = _skip_ws(text, j)
        j = _skip_ws(text, j + 1) if text[j] == "," else j
    return found


def _may_repeat(text: str, span: tuple[int, int], key: str) -> bool:
    """Whether ``key`` may be written more than once in ``text[span[0]:span[1]]``: as written
    plainly more than once there, or in a form with an escape (``\\u006cist``) at all."""
    if text.count(json.dumps(key, ensure_ascii=False), *span) > 1:
        return True
    return _escaped(key).search(text, *span) is not None


@lru_cache(maxsize=64)
def _escaped(key: str) -> re.Pattern[str]:
    """Where a key might be written with an escape: a ``\\u`` escape of one of its
    characters, or any escape at all where it has a character with a short one."""
    if any(c in key for c in '"\\/') or not key.isprintable():
        return re.compile(r"\\")
    return re.compile(r"\\u(?i:" + "|".join(f"{ord(c):04x}" for c in sorted(set(key))) + ")")
