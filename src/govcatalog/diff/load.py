"""Reading the two versions to compare: files of any supported format, the model, or documents."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from govcatalog._collector import collector_paused
from govcatalog.diff.plan import Side
from govcatalog.io.formats import InputFormat
from govcatalog.io.source import CatalogSource, source_name
from govcatalog.model.resource import Catalog
from govcatalog.packs.fields import FieldLevel
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.hits import Record
from govcatalog.records.read import (
    info_fields,
    iter_records,
    open_document,
    read_info,
    without_invalid,
)

Source = CatalogSource | Catalog | Side
"""What can be compared: any catalog input (a file, a mapping, text, bytes, a file object),
the model, or a loaded side."""


def load_side(
    path: CatalogSource,
    pack: Pack,
    *,
    label: str | None = None,
    fmt: InputFormat | str | None = None,
) -> Side:
    """Read a catalog file into canonical records (keys and values read as ``validate`` reads them).

    Entries that are not objects and values that cannot be read are left out, as
    :func:`govcatalog.load_catalog` leaves them out.

    Raises:
        LoadError: When the file cannot be read.
        UnsupportedFormat: For a format govcatalog does not read.
    """
    coercer = Coercer(pack)
    doc = open_document(path, pack, fmt=fmt, name=label)
    with collector_paused():  # millions of acyclic objects that all live on
        shared: dict[str, str] = {}
        records = [
            _shared_texts(without_invalid(read.record), shared)
            for read in iter_records(doc, pack, coercer=coercer)
            if read.record is not None
        ]
    info = info_fields(read_info(doc, pack, coercer=coercer))
    return Side(label or source_name(path), info, records)


_SHARED_TEXTS = 200_000
"""How many distinct short texts one side shares, checked once a record (then new ones are
kept as read)."""


def _shared_texts(record: Record, shared: dict[str, str]) -> Record:
    """The record with its short texts (字符型, 姓名, 无条件共享, a provider's name …) one object
    per distinct text, in the record, its groups and its data items: a province holds
    millions of them but a few thousand distinct ones, and both versions live until compared
    (province diff: 4,358 → 3,259 MiB peak, 40–42 → 33–36 s CPU)."""
    room = len(shared) < _SHARED_TEXTS
    for holder in _holders(record):
        for key, value in holder.items():
            if type(value) is str and len(value) <= 32:
                found = shared.get(value)
                if found is not None:
                    holder[key] = found
                elif room:
                    shared[value] = value
    return record


def _holders(record: Record) -> Iterator[dict[Any, Any]]:
    """The record, the objects among its values and the objects in its lists."""
    yield record
    for value in record.values():
        if type(value) is dict:
            yield value
        elif type(value) is list:
            yield from (v for v in value if type(v) is dict)


def side_from_catalog(catalog: Catalog, label: str = "catalog") -> Side:
    """A side from the typed model."""
    return side_from_document(catalog.to_json_dict(), label)


def side_from_document(document: Mapping[str, Any], label: str = "document") -> Side:
    """A side from a canonical JSON document (``{"catalog": {...}, "resources": [...]}``)."""
    info = document.get("catalog") or {}
    resources = document.get("resources") or []
    return Side(label, dict(info), [r for r in resources if isinstance(r, dict)])


def to_side(source: Source, pack: Pack, label: str | None = None) -> Side:
    """Any comparable source as a side."""
    if isinstance(source, Side):
        return source
    if isinstance(source, Catalog):
        return side_from_catalog(source, label or "catalog")
    return load_side(source, pack, label=label)


def field_names(pack: Pack) -> dict[str, tuple[str, str]]:
    """Element names (zh, en) of the pack's fields by the ids changes use."""
    names = {f.id: (f.zh, f.en) for f in pack.fields.resource_fields()}
    names.update(
        {
            f"catalog.{f.id}": (f.zh, f.en)
            for f in pack.fields.fields
            if f.level is FieldLevel.CATALOG
        }
    )
    return names
