"""Every kind of catalog input a caller may hold: a path, a mapping, text, bytes or a file.

``open_source`` turns any of them into a :class:`SourceDocument` with the same readers a file
goes through, so a catalog from memory gives the same findings as the same catalog on disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from govcatalog.errors import InvalidSource, LoadError, UnsupportedFormat
from govcatalog.io.formats import (
    EMPTY_HINT,
    InputFormat,
    detect_format,
    read_document,
    reader_for,
)
from govcatalog.io.object_reader import read_object
from govcatalog.io.records import SourceDocument

if TYPE_CHECKING:
    from govcatalog.packs.pack import Pack

CatalogSource = (
    str
    | os.PathLike[str]
    | bytes
    | bytearray
    | memoryview
    | Mapping[str, Any]
    | Sequence[Mapping[str, Any]]
    | IO[bytes]
    | IO[str]
    | SourceDocument
)
"""What the library reads a catalog from.

- a path (``str`` or ``os.PathLike``) of a file in any supported format;
- a mapping (``{"resources": [...]}``, Chinese keys allowed) or a list of resources;
- JSON or YAML text: a ``str`` that starts with ``{``, ``[`` or ``<`` or spans several lines;
- the bytes of a file, or a file object opened in binary mode (a workbook too);
- an already opened :class:`SourceDocument`.

The format of bytes and text is sniffed (zip → xlsx, ``{``/``[`` → JSON, ``<`` → XML or
RDF/XML, ``@prefix`` → Turtle, a first line with commas → CSV, else YAML); ``fmt`` says it
where sniffing cannot tell.
"""

_PACK_AWARE = frozenset({InputFormat.JSON, InputFormat.XLSX, InputFormat.CSV, InputFormat.XML})


def as_format(fmt: InputFormat | str | None) -> InputFormat | None:
    """An input format from its name (``"json"``, ``"xlsx"``, …).

    Raises:
        UnsupportedFormat: For an unknown name.
    """
    if fmt is None or isinstance(fmt, InputFormat):
        return fmt
    name = fmt.lower().lstrip(".")
    aliases = {"yml": "yaml", "xlsm": "xlsx", "ttl": "rdf", "jsonld": "rdf", "nt": "rdf"}
    try:
        return InputFormat(aliases.get(name, name))
    except ValueError:
        raise UnsupportedFormat(fmt, tuple(f.value for f in InputFormat)) from None


def sniff_format(data: bytes, name: str | None = None) -> InputFormat:
    """The format of a catalog's bytes: from the name's suffix, else from the content."""
    if name:
        try:
            return detect_format(Path(name))
        except UnsupportedFormat:
            pass
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return InputFormat.XLSX
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    head = text[:1]
    if head == b"{":
        first, _, rest = text.partition(b"\n")
        if first.rstrip().endswith(b"}") and rest.lstrip().startswith(b"{"):
            return InputFormat.JSONL  # one object a line
    if head in (b"{", b"["):
        return InputFormat.JSON
    if head == b"<":
        start = text[:2048]
        return (
            InputFormat.RDF
            if b"rdf:RDF" in start or b"/rdf-syntax-ns#" in start
            else (InputFormat.XML)
        )
    if text[:7].lower() in (b"@prefix", b"prefix ", b"@base <"):
        return InputFormat.RDF
    first = text.split(b"\n", 1)[0]
    if (b"," in first or b"\t" in first) and b": " not in first:
        return InputFormat.CSV
    return InputFormat.YAML


def looks_like_text(value: str) -> bool:
    head = value.lstrip("\ufeff \t\r\n")[:1]
    return head in ("{", "[", "<") or "\n" in value.strip()


def read_bytes_document(
    data: bytes,
    *,
    fmt: InputFormat | None = None,
    name: str | None = None,
    pack: Pack | None = None,
) -> SourceDocument:
    """Read a catalog from its bytes (the format sniffed unless given)."""
    if not data.strip():
        raise LoadError(
            name or "<bytes>",
            "输入为空",
            "the input is empty",
            hint_zh=EMPTY_HINT[0],
            hint_en=EMPTY_HINT[1],
        )
    the_fmt = fmt or sniff_format(data, name)
    label = name or f"<{the_fmt.value}>"
    reader = reader_for(the_fmt)
    if pack is not None and the_fmt in _PACK_AWARE:
        return reader(data, label, pack)  # type: ignore[call-arg,arg-type]
    return reader(data, label)  # type: ignore[arg-type]


def open_source(
    source: CatalogSource,
    *,
    fmt: InputFormat | str | None = None,
    name: str | None = None,
    pack: Pack | None = None,
) -> SourceDocument:
    """Open any catalog input as a document (see :data:`CatalogSource`).

    Raises:
        InvalidSource: For an object that is none of the accepted inputs.
        UnsupportedFormat: For an unknown format name or file suffix.
        LoadError: When the input cannot be read.
    """
    the_fmt = as_format(fmt)
    if isinstance(source, SourceDocument):
        return source
    if isinstance(source, Mapping):
        names = None if pack is None else pack.fields.key_map(None)
        return read_object(source, name or "<dict>", names)
    if isinstance(source, bytes | bytearray | memoryview):
        return read_bytes_document(bytes(source), fmt=the_fmt, name=name, pack=pack)
    if isinstance(source, str) and looks_like_text(source):
        return read_bytes_document(source.encode("utf-8"), fmt=the_fmt, name=name, pack=pack)
    if isinstance(source, str | os.PathLike):
        return read_document(Path(source), fmt=the_fmt, name=name, pack=pack)
    if isinstance(source, list | tuple):
        return read_object(list(source), name or "<list>")
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, bytes | bytearray):
            raise InvalidSource(f"a file object whose read() gives {type(data).__name__}")
        given = getattr(source, "name", None)
        label = name or (str(given) if isinstance(given, str | os.PathLike) else None)
        return read_bytes_document(bytes(data), fmt=the_fmt, name=label, pack=pack)
    raise InvalidSource(f"an object of type {type(source).__name__}")


def settle(source: CatalogSource, name: str | None = None) -> tuple[CatalogSource, str | None]:
    """A file object read into bytes (with its name), so the input can be opened twice."""
    if isinstance(source, str | os.PathLike | bytes | bytearray | memoryview | Mapping):
        return source, name
    read = getattr(source, "read", None)
    if not callable(read):
        return source, name
    data = read()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(raw, bytes | bytearray):
        raise InvalidSource(f"a file object whose read() gives {type(data).__name__}")
    given = getattr(source, "name", None)
    return bytes(raw), name or (str(given) if isinstance(given, str | os.PathLike) else None)


def source_name(source: CatalogSource, name: str | None = None) -> str:
    """The name findings and reports give an input: the path, the file's name, or its kind."""
    if name:
        return name
    if isinstance(source, SourceDocument):
        return source.name
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not looks_like_text(source)):
        return str(source)
    given = getattr(source, "name", None)
    if isinstance(given, str):
        return given
    if isinstance(source, Mapping):
        return "<dict>"
    return "<bytes>" if isinstance(source, bytes | bytearray | memoryview) else "<text>"
