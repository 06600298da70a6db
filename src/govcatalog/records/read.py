"""Reading records: every consumer (validation, loading, diff, score, SHACL) reads a document here.

A reader (:mod:`govcatalog.io`) opens a file as raw records; :func:`iter_records` turns each
into govcatalog's canonical record through the pack's field table, keeping the raw record
beside it for locating findings. The pack is always passed on to the reader, so a local pack's
spreadsheet layout, headings and XML names are read the same way by every command.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govcatalog.io.formats import InputFormat
from govcatalog.io.records import RawRecord, SourceDocument
from govcatalog.io.source import CatalogSource, open_source
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import INVALID, Coerced, Coercer
from govcatalog.records.fast import open_fast, reads
from govcatalog.records.hits import Record
from govcatalog.records.read_record import ReadRecord, RecordHook

__all__ = [
    "ReadRecord",
    "RecordHook",
    "info_fields",
    "iter_records",
    "open_document",
    "plain",
    "read_info",
    "without_invalid",
]


def open_document(
    source: CatalogSource,
    pack: Pack,
    *,
    fmt: InputFormat | str | None = None,
    name: str | None = None,
) -> SourceDocument:
    """Open a catalog (a file, a mapping, text, bytes or a file object; see
    :data:`~govcatalog.io.source.CatalogSource`) with the pack's layout.

    Raises:
        InvalidSource: For an object that is no catalog input.
        UnsupportedFormat: For an unknown format.
        LoadError: When the input cannot be read.
    """
    fast = open_fast(source, pack, fmt=fmt, name=name)
    return fast if fast is not None else open_source(source, fmt=fmt, name=name, pack=pack)


def iter_records(
    document: SourceDocument | Iterable[RawRecord],
    pack: Pack,
    *,
    coercer: Coercer | None = None,
) -> Iterator[ReadRecord]:
    """Read each resource of a document (or of a partition of its raw records), lazily.

    Args:
        document: An opened document, or raw records of one.
        pack: The pack whose field table maps keys and values.
        coercer: A coercer of that pack to reuse (default: a new one).
    """
    if isinstance(document, SourceDocument):
        fast = reads(document, pack)
        if fast is not None:
            yield from fast
            return
    read = (coercer or Coercer(pack)).resource
    records = document.records if isinstance(document, SourceDocument) else document
    for raw in records:
        yield ReadRecord(raw, read(raw.data, frozenset(), raw.repeated))


def read_info(
    document: SourceDocument, pack: Pack, *, coercer: Coercer | None = None
) -> Coerced | None:
    """The document's catalog facts read through the pack, or None when it has none (or they
    are not an object)."""
    if document.info is None:
        return None
    return (coercer or Coercer(pack)).catalog_info(document.info.data, document.info.repeated)


def without_invalid(record: Record) -> Record:
    """The record without the validator's note of unreadable values."""
    if INVALID in record:
        return {k: v for k, v in record.items() if k != INVALID}
    return record


def plain(record: Record) -> Record:
    """The record without any of the validator's own notes (keys starting with ``$``)."""
    return {k: v for k, v in record.items() if not k.startswith("$")}


def info_fields(coerced: Coerced | None) -> Record:
    """The catalog facts of a read document as plain fields (no notes, no extensions)."""
    if coerced is None:
        return {}
    return {k: v for k, v in coerced.record.items() if k not in (INVALID, "extensions")}
