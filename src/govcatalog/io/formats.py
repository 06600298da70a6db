"""Input formats and the reader for each; readers of optional formats load on demand."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from govcatalog._lazy import load_function
from govcatalog.errors import LoadError, UnsupportedFormat
from govcatalog.io.records import SourceDocument

if TYPE_CHECKING:
    from govcatalog.packs.pack import Pack


class InputFormat(StrEnum):
    """Catalog file formats govcatalog reads."""

    JSON = "json"
    JSONL = "jsonl"
    YAML = "yaml"
    XLSX = "xlsx"
    CSV = "csv"
    XML = "xml"
    RDF = "rdf"


_SUFFIXES: dict[str, InputFormat] = {
    ".json": InputFormat.JSON,
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".yaml": InputFormat.YAML,
    ".yml": InputFormat.YAML,
    ".xlsx": InputFormat.XLSX,
    ".xlsm": InputFormat.XLSX,
    ".xls": InputFormat.XLSX,
    ".et": InputFormat.XLSX,
    ".ods": InputFormat.XLSX,
    ".csv": InputFormat.CSV,
    ".tsv": InputFormat.CSV,
    ".xml": InputFormat.XML,
    ".ttl": InputFormat.RDF,
    ".jsonld": InputFormat.RDF,
    ".rdf": InputFormat.RDF,
    ".nt": InputFormat.RDF,
}

_READERS: dict[InputFormat, str] = {
    InputFormat.JSON: "govcatalog.io.json_reader:read_json",
    InputFormat.JSONL: "govcatalog.io.json_reader:read_jsonl",
    InputFormat.YAML: "govcatalog.io.yaml_reader:read_yaml",
    InputFormat.XLSX: "govcatalog.io.sheet_reader:read_xlsx",
    InputFormat.CSV: "govcatalog.io.sheet_reader:read_csv",
    InputFormat.XML: "govcatalog.io.xml_reader:read_xml",
    InputFormat.RDF: "govcatalog.rdf.reader:read_rdf",
}
"""Reader of each format as ``module:function``, imported when a file of that format is read."""

_PACK_AWARE: frozenset[InputFormat] = frozenset(
    {InputFormat.JSON, InputFormat.XLSX, InputFormat.CSV, InputFormat.XML, InputFormat.RDF}
)
"""Formats whose reader takes the pack as a third argument (headings, element names, XSD,
RDF properties of local elements, the keys of a resource in an API response envelope)."""

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
    reader: Reader = load_function(target, f"reading {fmt.value.upper()} catalogs")
    return reader


def check_file(
    path: Path, name: str | None = None, what: tuple[str, str] = ("目录", "catalog")
) -> None:
    """Refuse a directory, a missing file and an empty file, the same way for every format.

    ``what`` names the kind of file in the hint for a directory (zh, en).

    Raises:
        LoadError: Saying which of the three it is, with a hint that fits.
    """
    label = name or str(path)
    if path.is_dir():
        raise LoadError(
            label,
            "是文件夹，不是文件",
            "is a directory, not a file",
            hint_zh=f"请给出其中的{what[0]}文件，例如 {path}/*.json。",
            hint_en=f"Name the {what[1]} files inside it, e.g. {path}/*.json.",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError(
            label,
            "文件不存在",
            "no such file",
            hint_zh="检查路径和当前工作目录。",
            hint_en="Check the path and the working directory.",
        ) from None
    except OSError as exc:
        raise LoadError(
            label, f"无法打开文件：{exc.strerror}", f"cannot open: {exc.strerror}"
        ) from None
    if size == 0:
        raise LoadError(
            label, "文件为空", "the file is empty", hint_zh=EMPTY_HINT[0], hint_en=EMPTY_HINT[1]
        )


EMPTY_HINT: tuple[str, str] = (
    "文件没有内容，请重新导出或保存目录。",
    "Export or save the catalog again; the file has no content.",
)
"""The advice for empty input, whatever its format."""


def read_document(
    path: Path, *, fmt: InputFormat | None = None, name: str | None = None, pack: Pack | None = None
) -> SourceDocument:
    """Open a catalog file as a :class:`SourceDocument`.

    ``pack`` maps spreadsheet headings and XML elements (default: the national pack).

    Raises:
        UnsupportedFormat: For an unknown format.
        LoadError: When the file cannot be read.
    """
    check_file(path, name)
    the_fmt = fmt or detect_format(path)
    reader = reader_for(the_fmt)
    if pack is not None and the_fmt in _PACK_AWARE:
        aware: Callable[[Path, str, Pack], SourceDocument] = reader  # type: ignore[assignment]
        return aware(path, name or str(path), pack)
    return reader(path, name or str(path))
