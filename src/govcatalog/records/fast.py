"""The fast path: JSON resources the coercer would take as written are read in C (msgspec).

Each resource is decoded and checked against types compiled from the effective pack
(:mod:`govcatalog.records.fast_types`): keys, kinds, vocabularies, lengths, required
elements. One that passes is the canonical record already: it goes straight to the rules.
One that fails is read by the coercer (:class:`~govcatalog.records.coerce.Coercer`) as it
always is, with every located, bilingual finding. Either way the outcome is the same; the
fast path only skips work (``tests/properties/test_fast_path.py`` checks this).

Used for JSON files and bytes whenever msgspec is installed (``pip install govcatalog``
brings it); ``GOVCATALOG_FAST=0`` turns it off. On the province benchmark it takes less CPU
time and less memory than the text reader, which holds the whole text decoded
(docs/performance.md). Other formats, and documents of an unusual shape, are read by the
text reader.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govcatalog.errors import LoadError, UnsupportedFormat
from govcatalog.io.formats import InputFormat, check_file, detect_format
from govcatalog.io.json_reader import DEFAULT_MAX_BYTES, decode_text, read_bytes, read_json
from govcatalog.io.records import RawRecord, SourceDocument
from govcatalog.io.repeats import repeated_in
from govcatalog.io.source import CatalogSource, as_format, looks_like_text, sniff_format
from govcatalog.io.top_plan import gives_twice
from govcatalog.io.top_walk import walk_bytes
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import Coerced, Coercer
from govcatalog.records.coerced import MISSING, Pending, compound_split
from govcatalog.records.fast_json import (
    ByteLines,
    ByteSpanLocator,
    Layout,
    facts_of,
    layout_of,
    located,
    spans,
)
from govcatalog.records.fast_texts import REMEMBERED, PlainTexts, item_texts
from govcatalog.records.fast_types import Careful, FastTypes, compile_types, read_date
from govcatalog.records.hits import Record
from govcatalog.records.read_record import ReadRecord


def _msgspec() -> Any | None:
    if os.environ.get("GOVCATALOG_FAST", "1").lower() in ("0", "no", "off", "false"):
        return None
    try:
        import msgspec  # noqa: PLC0415 - optional: without it every record takes the full path
    except ImportError:
        return None
    return msgspec


@dataclass(slots=True)
class FastDocument(SourceDocument):
    """A JSON document whose resources may be read on the fast path (see :func:`reads`).

    ``records`` gives the raw records as the text reader would; :func:`reads` gives them
    read, for the pack the document was opened with.
    """

    reader: FastReader | None = None
    buf: bytes = b""
    shape: Layout | None = None
    late_info: RawRecord | None = field(default=None, repr=False)
    origin: tuple[int, int, int] = (0, 1, 1)
    """(offset, line, column): ``buf[offset]`` is at that line and column of the file (``buf``
    may be a part of it, read alone); the resources are located from there."""


class FastReader:
    """Reads resources of one pack on the fast path, and the others through the coercer."""

    def __init__(self, pack: Pack, types: FastTypes, msgspec: Any) -> None:
        self.pack = pack
        self.coercer = Coercer(pack)
        self._types = types
        self._decode = msgspec.json.Decoder(types.resource).decode
        self._builtins = msgspec.to_builtins
        self._any = msgspec.json.Decoder().decode
        self._errors = (msgspec.DecodeError, msgspec.ValidationError)
        self.msgspec = msgspec
        self._values = self.coercer.values
        self._xiang = self.coercer.xiang
        self._fields = pack.fields
        self._known: dict[tuple[str, object], tuple[bool, tuple[Pending, ...]]] = {}
        self._careful_fields = tuple(
            (c, c.group, c.spec.key, c.spec.id, c.spec.kind is FieldKind.CODE)
            for c in types.careful
        )
        forms = pack.value_forms
        self._texts = PlainTexts(forms)
        texts_of = dict(types.item_texts)
        self._item_keys = tuple((key, texts_of.get(key, ())) for key, _ in types.item_lists)
        self._lists = tuple(key for key, _ in types.item_lists)
        groups = [f.key for f in pack.fields.children(None) if f.kind is FieldKind.GROUP]
        self._objects = tuple(dict.fromkeys([*groups, "extensions"]))

    def keys(self, data: Any) -> int:
        """How many keys a resource the types took holds, but for those inside free-form values
        (``extensions``): its own, its groups' and its data items' (see
        :func:`~govcatalog.io.repeats.repeated_in`)."""
        n = len(data)
        get = data.get
        for key in self._objects:
            value = get(key)
            if value is not None:
                n += len(value)
        for key in self._lists:
            value = get(key)
            if value is not None:
                n += sum(map(len, value))
        return n

    def read(self, raw: Any) -> tuple[object, Coerced | None] | None:
        """(data as written, canonical record) of a resource the coercer would take as
        written; None when it must read the resource itself."""
        try:
            # decoded and checked in one pass, then handed out as plain values (dates as
            # written: the record reads them below, as the coercer does)
            data = self._builtins(self._decode(raw))
        except self._errors:
            return None
        if not self._plain_texts(data) or self._xiang.named(data) is not None:
            return None  # a blank text, a placeholder or a 项 by its short name: read with care
        record = dict(data)
        for group, key in self._types.dates:
            read_date(record, group, key)
        out = Coerced(record)
        if not self._careful(record, out):
            return None
        return data, out

    def _plain_texts(self, data: dict[str, Any]) -> bool:
        """Whether no text is blank or a placeholder (the coercer's quick path then takes them
        all; the types checked that each is a non-empty string within its length)."""
        texts: list[Any] = []  # str, or None where there is no text
        for group, key in self._types.texts:
            holder = data if group is None else data.get(group)
            texts.append(None if holder is None else holder.get(key))
        for list_key, keys in self._types.item_texts:
            item_texts(data.get(list_key), keys, texts)
        return self._texts.all_plain(texts)

    def plain_lists(self, data: object) -> frozenset[str]:
        """The pointers of the lists of objects (``/items``) of a resource the types refused
        that the coercer would still take as written: each converts to its type in C and
        holds no blank text nor placeholder. The coercer then takes them whole
        (:meth:`~govcatalog.records.coerce.Coercer.resource`), rather than key by key."""
        if not isinstance(data, dict):
            return frozenset()
        plain: list[str] = []
        convert, errors = self.msgspec.convert, self._errors
        for (list_key, kind), (_, keys) in zip(
            self._types.item_lists, self._item_keys, strict=True
        ):
            items = data.get(list_key)
            if type(items) is not list or not items:
                continue
            try:
                convert(items, kind, strict=True)
            except errors:
                continue
            texts: list[Any] = []
            item_texts(items, keys, texts)
            if self._texts.all_plain(texts):
                plain.append("/" + list_key)
        return frozenset(plain)

    def decoded(self, raw: Any) -> object:
        """A resource decoded as the standard library decodes it, or :data:`MISSING` where
        msgspec cannot say the same (a lone surrogate, a number out of range, NaN): those
        are left to the standard library."""
        try:
            return self._any(raw)
        except (*self._errors, RecursionError):
            return MISSING

    def _careful(self, record: Record, out: Coerced) -> bool:
        """Whether the coercer takes every carefully read field as written (no hit, no change)."""
        known = self._known
        for careful, group, key, field_id, is_code in self._careful_fields:
            holder = record if group is None else record.get(group)
            # the types let no null through: None is a field not written
            value = None if holder is None else holder.get(key)
            if value is None:
                continue
            if is_code:  # parsed for the rules: read for every record
                if not self._check(careful, value, out):
                    return False
                continue
            # Other values repeat across a catalog (共享条件, 数据格式): remember the outcome.
            memo = (field_id, value if type(value) is str else tuple(value))
            outcome = known.get(memo)
            if outcome is None:
                scratch = Coerced({})
                outcome = (self._check(careful, value, scratch), tuple(scratch.pending))
                if len(known) >= REMEMBERED:
                    known.clear()
                known[memo] = outcome
            if not outcome[0]:
                return False
            if outcome[1]:
                out.pending.extend(outcome[1])
        return not out.pending or all(self._settled(record, p) for p in out.pending)

    def _check(self, careful: Careful, value: object, out: Coerced) -> bool:
        """Whether the coercer takes one carefully read value as written."""
        spec = careful.spec
        if spec.compound and isinstance(value, str) and compound_split(value) is not None:
            return False
        cpath = f"/{spec.key}" if careful.group is None else f"/{careful.group}/{spec.key}"
        result = self._values.value(spec, value, cpath, out)
        return not (out.hits or out.invalid or result is MISSING or result != value)

    def _settled(self, record: Record, pending: Pending) -> bool:
        """Whether a value a form gave another field changes nothing (``Coercer._settle``
        sets it only where the field is absent, and appends a note it does not hold yet)."""
        spec = self._fields.get(pending.field_id)
        target = record if spec.parent is None else record.get(spec.parent)
        have = None if target is None else target.get(spec.key)
        if have is None:
            return False
        return not (
            pending.note and isinstance(have, str) and have and str(pending.value) not in have
        )


_READERS: dict[int, tuple[Pack, FastReader | None]] = {}


def fast_reader(pack: Pack) -> FastReader | None:
    """The fast reader of a pack (compiled once per pack), or None when it has none: msgspec
    is missing or turned off, or the pack's field table needs the coercer for every record."""
    msgspec = _msgspec()
    if msgspec is None:
        return None
    known = _READERS.get(id(pack))
    if known is not None and known[0] is pack:
        return known[1]
    types = compile_types(pack)
    reader = None if types is None else FastReader(pack, types, msgspec)
    if len(_READERS) > 16:
        _READERS.clear()
    _READERS[id(pack)] = (pack, reader)
    return reader


def open_fast(
    source: CatalogSource, pack: Pack, *, fmt: InputFormat | str | None, name: str | None
) -> SourceDocument | None:
    """A JSON file or JSON bytes opened for the fast path; the text reader's document when
    the shape is not the plain one; None for any other input (read as usual).

    Raises:
        LoadError: When the file cannot be read (as the text reader says it).
    """
    reader = fast_reader(pack)
    if reader is None:
        return None
    read = _json_bytes(source, as_format(fmt), name)
    if read is None:
        return None
    buf, label = read
    members = walk_bytes(buf, reader.msgspec)
    shape = layout_of(buf, reader.msgspec, members)
    # None: the text reader finds out whether a key is written twice
    once = None if members is None else not gives_twice([key for key, _ in members])
    if shape is None:
        return read_json(buf, label, pack, once=once)
    doc = FastDocument(label, None, iter(()), reader=reader, buf=buf, shape=shape)
    if shape.info is not None:
        try:
            info, doc.info_replaced = facts_of(buf, shape)
        except UnicodeDecodeError:
            return read_json(buf, label, pack, once=once)  # which says where it is not UTF-8
        if shape.info.start < shape.resources.start:
            doc.info = info
        else:  # the text reader meets the facts only after the resources
            doc.late_info = info
    doc.records = _raw_records(doc)
    return doc


def _json_bytes(
    source: CatalogSource, fmt: InputFormat | None, name: str | None
) -> tuple[bytes, str] | None:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if not data.strip():
            return None
        the_fmt = fmt or sniff_format(data, name)
        return (data, name or f"<{the_fmt.value}>") if the_fmt is InputFormat.JSON else None
    if isinstance(source, str) and looks_like_text(source):
        return None
    if not isinstance(source, str | os.PathLike):
        return None
    path = Path(source)
    if fmt is None:
        try:
            fmt = detect_format(path)
        except UnsupportedFormat:
            return None
    if fmt is not InputFormat.JSON:
        return None
    check_file(path, name)
    label = name or str(path)
    return read_bytes(path, label, DEFAULT_MAX_BYTES), label


def _raw(
    doc: FastDocument, index: int, start: int, end: int, line: int, col: int, data: object = MISSING
) -> RawRecord:
    """A resource as the text reader gives it: ``data`` when it was decoded already, else
    parsed by the standard library.

    Raises:
        LoadError: As the text reader says it, for text that is not UTF-8 (the resources
            before it are valid: the error is the first in the file) or nested too deeply.
    """
    pointer = f"{doc.shape.resources.pointer}/{index}"  # type: ignore[union-attr]
    locator = ByteSpanLocator(doc.buf, start, end, line, col)
    if data is not MISSING:
        again = repeated_in(doc.buf, start, end, data)
        return RawRecord(index, pointer, data, located(locator, again), None, None, again)
    try:
        text = doc.buf[start:end].decode("utf-8")
    except UnicodeDecodeError:
        decode_text(doc.buf[:end], doc.name)  # raises the text reader's error, same position
        raise
    try:
        data = json.loads(text)
    except RecursionError:
        raise LoadError(
            doc.name,
            "JSON 嵌套层次过深，无法读取",
            "the JSON is nested too deeply to read",
            line,
            col,
        ) from None
    again = repeated_in(doc.buf, start, end, data)
    return RawRecord(index, pointer, data, located(locator, again), None, None, again)


def _raw_records(doc: FastDocument) -> Iterator[RawRecord]:
    lines = ByteLines(doc.buf)
    for index, start, end, _ in spans(doc.buf, doc.shape):  # type: ignore[arg-type]
        line, col = lines.at(start)
        yield _raw(doc, index, start, end, line, col)
    if doc.late_info is not None:
        doc.info = doc.late_info


def reads(doc: SourceDocument, pack: Pack) -> Iterator[ReadRecord] | None:
    """The resources of a document opened by :func:`open_fast`, read for ``pack`` (the fast
    way where they allow it); None for any other document or a pack without a fast reader."""
    if not isinstance(doc, FastDocument) or doc.reader is None:
        return None
    reader = doc.reader if doc.reader.pack is pack else fast_reader(pack)
    return None if reader is None else _reads(doc, reader)


def _reads(doc: FastDocument, reader: FastReader) -> Iterator[ReadRecord]:
    buf = doc.buf
    pointer = doc.shape.resources.pointer  # type: ignore[union-attr]
    lines = ByteLines(buf, *doc.origin)
    for index, start, end, view in spans(buf, doc.shape):  # type: ignore[arg-type]
        line, col = lines.at(start)
        fast = reader.read(view)
        if fast is not None and repeated_in(buf, start, end, fast[0], reader.keys(fast[0])):
            fast = None  # a key given twice: said by the coercer
        if fast is None:
            raw = _raw(doc, index, start, end, line, col, reader.decoded(view))
            plain = reader.plain_lists(raw.data)
            yield ReadRecord(raw, reader.coercer.resource(raw.data, plain, raw.repeated))
        else:
            locator = ByteSpanLocator(buf, start, end, line, col)
            yield ReadRecord(RawRecord(index, f"{pointer}/{index}", fast[0], locator), fast[1])
    if doc.late_info is not None:
        doc.info = doc.late_info
