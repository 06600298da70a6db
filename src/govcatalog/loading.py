"""Loading a catalog file into the typed model (:class:`~govcatalog.model.Catalog`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govcatalog.io.formats import InputFormat, read_document
from govcatalog.model.resource import Catalog, CatalogInfo, Resource
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.report import Report
from govcatalog.rules.coerce import INVALID, Coercer
from govcatalog.rules.hits import Record


@dataclass(frozen=True)
class LoadedCatalog:
    """A catalog read into the model, with the report of reading it.

    Attributes:
        catalog: The catalog; values that could not be read are left out.
        report: Findings of validating it (as :func:`govcatalog.validate` gives).
    """

    catalog: Catalog
    report: Report


def record_to_resource(record: Record) -> Resource:
    """The typed resource for a canonical record."""
    data = {k: v for k, v in record.items() if not k.startswith("$")}  # "$…": validator's own notes
    return Resource.model_validate(data)


def load_catalog(
    source: str | Path, *, pack: Pack | str | None = None, fmt: InputFormat | None = None
) -> Catalog:
    """Read a catalog file into the typed model.

    Keys and values are read as :func:`govcatalog.validate` reads them (Chinese or
    English keys, aliases normalised); entries that are not objects and values that
    cannot be read are left out. Use :func:`govcatalog.validate` to learn what was.

    Raises:
        LoadError: When the file cannot be read.
    """
    the_pack = pack if isinstance(pack, Pack) else get_pack(pack or DEFAULT_PACK)
    coercer = Coercer(the_pack)
    doc = read_document(Path(source), fmt=fmt, pack=the_pack)
    resources = []
    for raw in doc.records:
        coerced = coercer.resource(raw.data)
        if coerced is not None:
            resources.append(record_to_resource(coerced.record))
    info = CatalogInfo()
    if doc.info is not None:
        coerced_info = coercer.catalog_info(doc.info.data)
        if coerced_info is not None:
            info = CatalogInfo.model_validate(
                {k: v for k, v in coerced_info.record.items() if k not in (INVALID, "extensions")}
            )
    return Catalog.model_validate({"catalog": info, "resources": tuple(resources)})
