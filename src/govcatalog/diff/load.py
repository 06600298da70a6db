"""Reading the two versions to compare: files of any supported format, the model, or documents."""

from __future__ import annotations

from collections.abc import Mapping
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
        shared: dict[Any, Any] = {}
        records = [
            _shared_items(without_invalid(read.record), shared)
            for read in iter_records(doc, pack, coercer=coercer)
            if read.record is not None
        ]
    info = info_fields(read_info(doc, pack, coercer=coercer))
    return Side(label or source_name(path), info, records)


_SHARED = 200_000
"""How many distinct data items and short texts one side shares, checked once a record (then
new ones are kept as read)."""


def _shared_items(record: Record, shared: dict[Any, Any]) -> Record:
    """The record with its data items one object per distinct item, and the short texts
    (字符型, 姓名 …) of the distinct items one object per distinct text: a province holds
    millions of items but a few thousand distinct ones, and both versions live until compared.
    (The record's own texts are few: sharing them cost more time than it saved memory.)

    Records are not changed once read, so sharing is safe. Equal keys with equal values are
    the same item: in a record as read each element holds values of its one kind (a yes/no
    element booleans only, a number element integers only), so 1 and True never meet."""
    room = len(shared) < _SHARED
    for value in record.values():
        if type(value) is list:
            _share_items(value, shared, room)
    return record


def _share_values(holder: dict[Any, Any], shared: dict[Any, Any], room: bool) -> None:
    for key, value in holder.items():
        if type(value) is str and len(value) <= 32:
            found = shared.get(value)
            if found is not None:
                holder[key] = found
            elif room:
                shared[value] = value


def _share_items(items: list[Any], shared: dict[Any, Any], room: bool) -> None:
    """Each object in ``items`` replaced by the one object equal to it, where there is one."""
    get = shared.get
    for n, item in enumerate(items):
        if type(item) is not dict:
            continue
        try:
            key = tuple(item.items())
            found = get(key)
        except TypeError:  # a list or an object among its values: kept as read
            _share_values(item, shared, room)
            continue
        if found is not None:
            items[n] = found
            continue
        _share_values(item, shared, room)
        if room:
            shared[key] = item


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
