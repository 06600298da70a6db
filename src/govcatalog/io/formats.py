"""Input formats and the reader for each; readers of optional formats load on demand."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from govcatalog.errors import UnsupportedFormat
from govcatalog.io.records import SourceDocument


class InputFormat(StrEnum):
    """Catalog file formats govcatalog reads."""

    JSON = "json"
    YAML = "yaml"
    XLSX = "xlsx"
    CSV = "csv"
    XML = "xml"
    RDF = "rdf"


_SUFFIXES: dict[str, InputFormat] = {
    ".json": InputFormat.JSON,
    ".yaml": InputFormat.YAML,
    ".yml": InputFormat.YAML,
    ".xlsx": InputFormat.XLSX,
    ".xlsm": InputFormat.XLSX,
    ".csv": InputFormat.CSV,
    ".xml": InputFormat.XML,
    ".ttl": InputFormat.RDF,
    ".jsonld": InputFormat.RDF,
    ".rdf": InputFormat.RDF,
    ".nt": InputFormat.RDF,
}

_READERS: dict[InputFormat, str] = {
    InputFormat.JSON: "govcatalog.io.json_reader:read_json",
    InputFormat.YAML: "govcatalog.io.yaml_reader:read_yaml",
    InputFormat.RDF: "govcatalog.rdf.reader:read_rdf",
}
"""Reader of each format as ``module:function``, imported only when a file of that format is read."""

Reader = Callable[[Path, str], SourceDocument]


def detect_format(path: Path) -> InputFormat:
    """The format of a file, from its suffix.

    Raises:
        UnsupportedFormat: For an unknown suffix.
    """
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(path.suffix or path.name, tuple(sorted(_SUFFIXES)))
    return fmt


def reader_for(fmt: InputFormat) -> Reader:
    """The reader function of a format.

    Raises:
        UnsupportedFormat: When no reader is available for the format.
    """
    target = _READERS.get(fmt)
    if target is None:
        raise UnsupportedFormat(fmt.value, tuple(f.value for f in _READERS))
    module, _, func = target.partition(":")
    reader: Reader = getattr(importlib.import_module(module), func)
    return reader


def read_document(path: Path, *, fmt: InputFormat | None = None, name: str | None = None) -> SourceDocument:
    """Open a catalog file as a :class:`SourceDocument`.

    Raises:
        UnsupportedFormat: For an unknown format.
        LoadError: When the file cannot be read.
    """
    return reader_for(fmt or detect_format(path))(path, name or str(path))
