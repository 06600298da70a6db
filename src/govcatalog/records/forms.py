"""Pure helpers that take apart the value forms real catalogs write.

Each function reads one text and says what it holds, without touching a record; the
coercer decides what to keep and what to report. They are kept apart so that they can
be tested on their own and moved with the record layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final, NamedTuple

from govcatalog._vocab_text import fold
from govcatalog.io.lists import split_list
from govcatalog.records.coerced import FORMAT_CLASS, FORMAT_TYPES
from govcatalog.vocab import Match, MatchKind, Vocabulary

NO_CONDITION: Final = frozenset({"", "无", "无条件", "无条件共享", "不限", "无限制"})
"""共享条件 answers (folded) that state no condition (R1 allows 无条件 or empty)."""

_NOTE = re.compile(r"^\s*([^()（）]+?)\s*[(（](.*)[)）]\s*$", re.DOTALL)
_CLASS_TYPE = re.compile(r"^\s*([^-－—/／]+?)\s*[-－—/／]\s*(.+?)\s*$")


class Noted(NamedTuple):
    """A value with a note in brackets after it: ``每年(更新说明:…)``."""

    value: str
    note: str


def split_note(text: str) -> Noted | None:
    """Split ``value(note)`` or ``value（note）``; None when the text has no trailing note."""
    m = _NOTE.match(text)
    if m is None or not m[2].strip():
        return None
    return Noted(m[1], m[2].strip())


LISTED: Final = "、"
"""Between the values of a listing as read (:func:`several_values`)."""


def several_values(lookup: Callable[[str], Match | None], text: str) -> tuple[str, ...]:
    """The values a cell lists (``服务接口、文件下载`` → 接口, 文件) when it lists two or more
    and ``lookup`` reads each part as a value; empty otherwise."""
    parts = split_list(text)
    labels: list[str] = []
    for part in parts if len(parts) > 1 else ():
        match = lookup(part)
        if match is None:
            return ()
        labels.append(match.concept.label_zh)
    return tuple(labels)


def listing_pattern(labels: Iterable[str]) -> str:
    """A regular expression of two or more of ``labels`` joined as :func:`several_values`'
    values are (plain groups only, as XPath's regular expressions have them: the SHACL shapes
    use it)."""
    one = "(" + "|".join(re.escape(label) for label in labels) + ")"
    return f"^{one}({LISTED}{one})+$"


class ClassType(NamedTuple):
    """A class and a type written in one cell: ``数据库-mysql``."""

    cls: str
    type: str


def split_class_type(text: str) -> ClassType | None:
    """Split ``class-type`` or ``class/type`` (hyphen, full-width hyphen, dash or slash) at the
    first separator; None without one."""
    m = _CLASS_TYPE.match(text)
    return ClassType(m[1], m[2]) if m else None


_SLASH = re.compile(r"\s*[/／]\s*")
_EXTENSION = re.compile(r"[A-Za-z][A-Za-z0-9]{1,7}")
"""One file format as portals name it: xls, CSV, geojson, mp4."""


def slashed_types(
    field_id: str, values: list[object], vocabs: Mapping[str, Vocabulary]
) -> list[object]:
    """The format types a part lists with slashes (``XLS/CSV/JSON`` → XLS, CSV, JSON), as portals
    show the formats of a dataset. A part is taken apart only when each piece names a file format,
    one at least a format type of the vocabulary, and none a format class (``数据库/mysql`` is a
    class and a type); ``TCP/IP``, and a format type whose own name has a slash, stay whole."""
    classes, types = vocabs.get(FORMAT_CLASS), vocabs.get(FORMAT_TYPES)
    if field_id != FORMAT_TYPES or classes is None or types is None:
        return values
    out: list[object] = []
    for part in values:
        pieces = _SLASH.split(part.strip()) if isinstance(part, str) else []
        if (
            len(pieces) > 1
            and all(_EXTENSION.fullmatch(p) and _class_label(classes, p) is None for p in pieces)
            and any(types.lookup(p) is not None for p in pieces)
            and types.lookup(str(part)) is None
        ):
            out.extend(pieces)
        else:
            out.append(part)
    return out


class FormatParts(NamedTuple):
    """What a list of format types held: the types, and any format classes written among them."""

    types: list[object]
    classes: list[str]


def split_format_types(values: list[object], classes: Vocabulary, types: Vocabulary) -> FormatParts:
    """Take the format classes out of a list of format types.

    ``数据库-mysql`` (or ``数据库/mysql``) gives the class 数据库 and the type mysql, when the
    first part is a format class (``TCP/IP`` stays a type); a part that is a format
    class and no format type (电子文件) gives only the class. Other parts stay types.
    """
    kept: list[object] = []
    found: list[str] = []
    for part in values:
        if not isinstance(part, str):
            kept.append(part)
            continue
        pair = split_class_type(part)
        cls = _class_label(classes, pair.cls) if pair else None
        if pair is not None and cls is not None:
            found.append(cls)
            kept.append(pair.type)
            continue
        cls = _class_label(classes, part)
        if cls is not None and types.lookup(part) is None:
            found.append(cls)
            continue
        kept.append(part)
    return FormatParts(kept, found)


def _class_label(classes: Vocabulary, text: str) -> str | None:
    """The format class ``text`` names by a label (a bare code such as "1" is no class here)."""
    match = classes.lookup(text)
    if match is None or match.kind is MatchKind.NOTATION:
        return None
    c = match.concept
    labels = {fold(x) for x in (c.label_zh, c.label_en, *c.alt_labels, *c.hidden_labels)}
    # A label only: a code in a template form ("77" as 服务接口 "7" + "7") is no class here.
    return c.label_zh if fold(text) in labels else None


SIZED = re.compile(r"^\s*(.+?)\s*[(（]\s*([1-9]\d{0,8})\s*(?:[,，]\s*\d+\s*)?[)）]\s*$")
"""A type with its size in brackets, as SQL writes it: varchar2(50), NUMBER(10,2)."""
