"""The outcome of reading one record (:class:`Coerced`) and what the record readers share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from govcatalog._bilingual import Bilingual, listed, quoted
from govcatalog._location import shown
from govcatalog.io.records import pointer_token
from govcatalog.io.shape import type_name
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.records.hits import Hit, Record
from govcatalog.vocab import Vocabulary

MISSING: Final = object()
"""What a value reader returns for a value it leaves out of the record."""

PARSED_CODE: Final = "$code"
"""Record key holding the parsed :class:`~govcatalog.model.code.ResourceCode` of ``code``."""

INVALID: Final = "$invalid"
"""Record key holding the canonical pointers of values that were present but unreadable,
so rules do not report them again as missing."""

OPEN_TO_PUBLIC: Final = "open.open_to_public"
OPEN_CONDITION: Final = "open.open_condition"
SHARE_TYPE: Final = "share.share_type"
SHARE_CONDITION: Final = "share.share_condition"
FORMAT_CLASS: Final = "format.format_class"
FORMAT_TYPES: Final = "format.format_types"
FORM_FIELDS: Final = frozenset({OPEN_CONDITION, SHARE_CONDITION})
_COMPOUND = re.compile(r"^\s*([^/\-－—]+?)\s*[/\-－—]\s*(.+?)\s*$")
_BRACKETED = re.compile(r"^\s*([^（()）]+?)\s*[（(]\s*([^（()）]+?)\s*[）)]\s*$")


def compound_split(text: str) -> tuple[str, str] | None:
    """Split "共享平台方式/文件", "数据库-oracle" or "数据库（MySQL）" into its two parts."""
    m = _COMPOUND.match(text) or _BRACKETED.match(text)
    return (m[1], m[2]) if m else None


_EXPECTED: Final = {
    FieldKind.TEXT: ("文本", "text"),
    FieldKind.CODE: ("文本", "text"),
    FieldKind.CODES: ("文本列表", "a list of text"),
    FieldKind.TEXTS: ("文本列表", "a list of text"),
    FieldKind.VOCAB: ("值域中的取值", "a value of the vocabulary"),
    FieldKind.BOOL: ("“是”或“否”", "yes (是) or no (否)"),
    FieldKind.DATE: ("CCYY-MM-DD 日期", "a CCYY-MM-DD date"),
    FieldKind.INT: ("正整数", "a positive integer"),
    FieldKind.GROUP: ("对象", "an object"),
    FieldKind.GROUPS: ("对象列表", "a list of objects"),
}


def pointer_of(field_id: str) -> str:
    return "/" + field_id.replace(".", "/")


def escape(key: str) -> str:
    """``key`` as one token of a JSON pointer."""
    return pointer_token(key)


@dataclass(frozen=True, slots=True)
class Pending:
    """A value one field's form gives another field: set if absent, or (``note``) appended."""

    field_id: str
    value: object
    note: bool
    cpath: str
    hit: Hit | None = None
    """Reported only when the value is set."""


@dataclass(slots=True)
class Coerced:
    """The outcome of reading one record.

    Attributes:
        record: The canonical record.
        hits: What was reported while reading it.
        renames: Canonical pointer → pointer as written, where they differ.
        invalid: Canonical pointers of values that were present but unreadable.
        written_zh: Canonical pointers of objects whose keys were not govcatalog's own;
            a missing element there is pointed at by its Chinese name.
        uncoded: Canonical pointers of values written under a catalog system's key whose
            codes are not read (``shareType``: the systems number the share types
            differently), so a code there is no value.
    """

    record: Record
    hits: list[Hit] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)
    written_zh: set[str] = field(default_factory=set)
    uncoded: set[str] = field(default_factory=set)
    flat_groups: set[str] = field(default_factory=set)
    zh_names: Mapping[str, str] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    """Values a form gave for another field, set once the record is read (see ``_settle``)."""
    listed: dict[str, str] = field(default_factory=dict)
    """Canonical pointer → the values an unreadable value lists where one is taken (GC-F018),
    as read (接口、文件 for 服务接口，文件下载): what the SHACL shapes judge in its place."""
    source: object = None
    """The record as written, to tell a key written as govcatalog's own among other keys."""
    plain: frozenset[str] = frozenset()
    """Pointers of lists of objects known to be in canonical form with plain values already
    (``/items``): the coercer takes them whole."""
    moved: list[tuple[Hit, str]] = field(default_factory=list)
    """Hits of a value that a later key of its element replaced, each with the pointer (as
    written) of the key that gave it: said there, not at the later key (see :meth:`at`)."""

    def set_aside(self, pointer: str) -> None:
        """Keep the hits of the value at canonical ``pointer`` (and inside it) where its key
        is written, before a later key of the element takes the pointer over."""
        earlier = self.original(pointer)
        inside = pointer + "/"
        for hit in self.hits:
            said = hit.pointer == pointer or hit.pointer.startswith(inside)
            if said and not any(h is hit for h, _ in self.moved):
                self.moved.append((hit, earlier + hit.pointer[len(pointer) :]))

    def at(self, hit: Hit) -> str:
        """Where a hit is said: the pointer as the input wrote it (:meth:`original`)."""
        for moved, pointer in self.moved:
            if moved is hit:
                return pointer
        return self.original(hit.pointer)

    def original(self, pointer: str) -> str:
        """The pointer as the input wrote it, for a canonical pointer.

        A part the input did not write is named like its siblings: by its Chinese
        element name inside an object written with Chinese keys, else canonically.
        """
        if not self.renames:
            return pointer  # everything was written with govcatalog's own keys
        if pointer in self.renames:
            return self.renames[pointer]
        head, sep, tail = pointer.rpartition("/")
        if not sep:
            return pointer
        field_id = ".".join(p for p in pointer.split("/") if p and not p.isdigit())
        if head in self.flat_groups and head not in self.renames:
            # The group's members were written flat in the resource: so is the missing one.
            return (
                self.original(head.rpartition("/")[0])
                + "/"
                + escape(self.zh_names.get(field_id, tail))
            )
        where = self.original(head) if head else ""
        if head in self.written_zh and not _has_key(self.source, where, tail):
            tail = escape(self.zh_names.get(field_id, tail))
        return where + "/" + tail

    def written(self, pointer: str) -> bool:
        """Whether the input wrote the part at a canonical pointer, under any key (a value
        read as not given, such as 暂无, was written all the same)."""
        if pointer in self.renames:
            return True
        head, _, tail = pointer.rpartition("/")
        return _has_key(self.source, self.original(head) if head else "", tail)


def _has_key(source: object, pointer: str, key: str) -> bool:
    """Whether the object at ``pointer`` in ``source`` (a record as written) has ``key``: a
    part written with govcatalog's own key among keys of another kind (``code`` beside
    ``信息资源名称``) is pointed at as written."""
    value = source
    for token in pointer.split("/")[1:]:
        part = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return False
    return isinstance(value, dict) and key in value


def names(spec: FieldSpec) -> dict[str, object]:
    return spec.names()


def type_params(spec: FieldSpec, value: object) -> dict[str, object]:
    zh, en = _EXPECTED[spec.kind]
    return names(spec) | {
        "expected_zh": zh,
        "expected_en": en,
        "actual_zh": type_name(value, "zh"),
        "actual_en": type_name(value, "en"),
    }


def excerpt(value: object, limit: int = 200) -> str:
    text = shown(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def allowed(vocab: Vocabulary) -> Bilingual:
    """The values of a vocabulary, for a finding that lists them (GC-F002)."""
    return listed(c.term for c in vocab.concepts)


def element_value(spec: FieldSpec, value: object) -> Bilingual:
    """An element and the value read for it: ``共享条件：仅限公安`` and, in English,
    ``Share condition "仅限公安"``."""
    said = quoted(value)
    return Bilingual(f"{spec.zh}：{said.zh}", f"{spec.en} {said.en}")


def normalised(spec: FieldSpec, given: object, canonical: object, cpath: str) -> Hit:
    """The finding that a value was written in a non-standard form and read as ``canonical``:
    a vocabulary value's :attr:`~govcatalog.vocab.Concept.term` (or a reading made of such
    terms), or a value that needs no English label (a date, a number), quoted."""
    return Hit("GC-F003", cpath, names(spec) | {"canonical": quoted(canonical)}, excerpt(given))


def settle_target(record: Record, spec: FieldSpec, pending: Pending) -> tuple[str, Record | None]:
    """Where a value a form gave goes: (canonical pointer, the object that holds the field, or
    None when there is none). A field of a list of objects goes to the entry whose value gave
    it (``/items/3/data_type`` → ``/items/3/length``); any other to its group or the record."""
    if spec.parent is None:
        return pointer_of(spec.id), record
    head, _, index = pending.cpath.rpartition("/")[0].rpartition("/")
    entries = record.get(spec.parent)
    if index.isdigit() and head == f"/{spec.parent}" and isinstance(entries, list):
        entry = entries[int(index)] if int(index) < len(entries) else None
        where = f"{head}/{index}/{spec.key}"
        return where, entry if isinstance(entry, dict) else None
    return pointer_of(spec.id), record.setdefault(spec.parent, {})


def keep_closed_type(record: Record, condition: FieldSpec, pending: Pending) -> None:
    """A closed open type (不予开放) as the 开放条件 of a resource written open to the public
    (是): not read as 否, and kept as the 开放条件 as written, so that the rule says the two
    contradict each other (GC-R014) rather than that no condition is given (GC-R005)."""
    if pending.hit is None:
        return
    _, target = settle_target(record, condition, pending)
    if target is not None and target.get(condition.key) is None:
        target[condition.key] = pending.hit.value
