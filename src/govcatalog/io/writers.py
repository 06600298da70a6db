"""Output formats of a catalog and the writer of each; writers load on demand."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from govcatalog._lazy import load_function
from govcatalog.errors import UnsupportedFormat
from govcatalog.model.resource import Catalog
from govcatalog.packs.pack import Pack


class OutputFormat(StrEnum):
    """Catalog file formats govcatalog writes."""

    XML = "xml"
    XLSX = "xlsx"


_WRITERS: dict[OutputFormat, str] = {
    OutputFormat.XML: "govcatalog.io.xml_writer:write_xml",
    OutputFormat.XLSX: "govcatalog.io.sheet_writer:write_catalog_xlsx",
}
"""Writer of each format as ``module:function`` with signature ``(catalog, path, pack)``,
imported only when a file of that format is written."""

Writer = Callable[[Catalog, Path, Pack], None]


def writer_for(fmt: OutputFormat) -> Writer:
    """The writer function of a format.

    Raises:
        UnsupportedFormat: When no writer is available for the format.
    """
    target = _WRITERS.get(fmt)
    if target is None:
        raise UnsupportedFormat(fmt.value, tuple(f.value for f in _WRITERS))
    writer: Writer = load_function(target, f"writing {fmt.value.upper()} files")
    return writer


def write_catalog(catalog: Catalog, path: Path, fmt: OutputFormat, pack: Pack) -> None:
    """Write ``catalog`` to ``path`` in format ``fmt``, laid out by ``pack``.

    Raises:
        UnsupportedFormat: When no writer is available for the format.
    """
    writer_for(fmt)(catalog, path, pack)
