"""Loading a catalog file into the typed model (:class:`~govcatalog.model.Catalog`)."""

from __future__ import annotations

from dataclasses import dataclass

from govcatalog._collector import collector_paused
from govcatalog.io.formats import InputFormat
from govcatalog.io.records import SourceDocument
from govcatalog.io.source import CatalogSource, settle
from govcatalog.model.resource import Catalog, CatalogInfo, Resource
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime
from govcatalog.packs.registry import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.hits import Record
from govcatalog.records.read import info_fields, iter_records, plain, read_info
from govcatalog.records.regime import open_judged


@dataclass(frozen=True)
class LoadedCatalog:
    """A catalog read into the model, with the regime it was read under.

    Attributes:
        catalog: The catalog; values that could not be read are left out.
        regime: The pack whose elements it was read with, and what decided it (a named
            pack, its kind of export, its date) — the pack to write it out with again.
    """

    catalog: Catalog
    regime: Regime


def record_to_resource(record: Record) -> Resource:
    """The typed resource for a canonical record.

    A key the standard does not know, written inside a group (共享属性 …), is read as an
    extension field of that group; the model keeps it among the resource's extensions under
    the group's id (``share.备注``), as it keeps the fields a local standard adds to a group.
    """
    data = plain(record)
    hoisted: dict[str, object] = {}
    for key, value in data.items():
        if key != "extensions" and isinstance(value, dict) and "extensions" in value:
            extra = value["extensions"]
            data[key] = {k: v for k, v in value.items() if k != "extensions"}
            if isinstance(extra, dict):
                hoisted.update({f"{key}.{name}": v for name, v in extra.items()})
    if hoisted:
        data["extensions"] = {**hoisted, **(data.get("extensions") or {})}
    return Resource.model_validate(data)


def _opened(
    source: CatalogSource, pack: Pack | str | None, fmt: InputFormat | str | None
) -> tuple[Regime, SourceDocument]:
    """The regime a catalog is read under, and the catalog opened with its pack (as validate
    opens it)."""
    named = None if pack is None else pack if isinstance(pack, Pack) else get_pack(pack)
    settled, name = settle(source)
    judged = open_judged(settled, named=named, fmt=fmt, name=name)
    return judged.regime, judged.document


def load_catalog(
    source: CatalogSource,
    *,
    pack: Pack | str | None = None,
    fmt: InputFormat | str | None = None,
) -> Catalog:
    """Read a catalog into the typed model.

    ``source`` is a path (any supported format), a mapping, JSON/YAML text, the bytes of a
    file or a binary file object (a workbook too); ``fmt`` names the format where the suffix
    or the content cannot tell it.

    Keys and values are read as :func:`govcatalog.validate` reads them (Chinese or
    English keys, aliases normalised); entries that are not objects and values that
    cannot be read are left out. Use :func:`govcatalog.validate` to learn what was.

    Without ``pack`` the catalog is read with the pack :func:`govcatalog.validate` would
    judge it by: a portal export with the portal pack, a catalog dated from 2025-08-01 with
    《政务数据共享条例》's.

    Raises:
        LoadError: When the file cannot be read.
    """
    return load_catalog_judged(source, pack=pack, fmt=fmt).catalog


def load_catalog_judged(
    source: CatalogSource,
    *,
    pack: Pack | str | None = None,
    fmt: InputFormat | str | None = None,
) -> LoadedCatalog:
    """:func:`load_catalog`, and the regime the catalog was read under.

    A caller that writes the catalog out again (the workbook, the XML form, RDF) writes it
    with ``regime.pack``: a catalog dated under 《政务数据共享条例》 keeps the headings of that
    regulation's elements (数据分类分级, 使用条件) instead of the national pack's extension keys.

    Raises:
        LoadError: When the file cannot be read.
    """
    regime, doc = _opened(source, pack, fmt)
    the_pack = regime.pack
    coercer = Coercer(the_pack)
    with collector_paused():  # millions of acyclic objects that all live on
        resources = tuple(
            record_to_resource(read.record)
            for read in iter_records(doc, the_pack, coercer=coercer)
            if read.record is not None
        )
    coerced_info = read_info(doc, the_pack, coercer=coercer)
    info = (
        CatalogInfo()
        if coerced_info is None
        else CatalogInfo.model_validate(info_fields(coerced_info))
    )
    catalog = Catalog.model_validate({"catalog": info, "resources": resources})
    return LoadedCatalog(catalog, regime)
