"""Catalogs sent to the service: which format a body is, and reading it as the CLI reads files.

The format comes from ``?input=``, else the upload's file name, else the body's media
type. The bytes are read in memory by the library's readers (:func:`govcatalog.io.source.
open_source`), with the same bounds on hostile input as ``govcatalog validate`` reads a file;
nothing is written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govcatalog.io.formats import InputFormat, detect_format
from govcatalog.io.records import SourceDocument
from govcatalog.packs.pack import Pack
from govcatalog.records.read import open_document
from govcatalog.service.problems import Problem

MEDIA_FORMATS: dict[str, InputFormat] = {
    "application/json": InputFormat.JSON,
    "text/json": InputFormat.JSON,
    "application/yaml": InputFormat.YAML,
    "application/x-yaml": InputFormat.YAML,
    "text/yaml": InputFormat.YAML,
    "text/x-yaml": InputFormat.YAML,
    "text/csv": InputFormat.CSV,
    "application/csv": InputFormat.CSV,
    "application/xml": InputFormat.XML,
    "text/xml": InputFormat.XML,
    "text/turtle": InputFormat.RDF,
    "application/ld+json": InputFormat.RDF,
    "application/rdf+xml": InputFormat.RDF,
    "application/n-triples": InputFormat.RDF,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": InputFormat.XLSX,
}
"""The catalog format of each media type a catalog may be sent as."""


@dataclass(frozen=True, slots=True)
class Upload:
    """One catalog as received.

    Attributes:
        data: The bytes.
        filename: The name it was sent under (the upload's file name), if any.
        media_type: Its media type without parameters, if given.
    """

    data: bytes
    filename: str | None = None
    media_type: str | None = None

    @property
    def label(self) -> str:
        """How reports name it."""
        return self.filename or "body"


def format_of(upload: Upload, given: InputFormat | None = None) -> InputFormat:
    """The format the upload is read as: ``given``, else its file name's, else its media type's.

    Raises:
        Problem: 415 when no format can be told.
    """
    if given is not None:
        return given
    if upload.filename:
        try:
            return detect_format(Path(upload.filename))
        except ValueError:
            pass
    media = (upload.media_type or "").lower()
    if media in MEDIA_FORMATS:
        return MEDIA_FORMATS[media]
    told = upload.filename or media or "no media type"
    raise Problem(
        415,
        "unsupported-media-type",
        f"cannot tell the catalog's format from {told!r}; send Content-Type "
        f"({', '.join(sorted(MEDIA_FORMATS))}), a file name with its suffix, or ?input=",
        extra={"supported": sorted(MEDIA_FORMATS)},
    )


def open_upload(upload: Upload, pack: Pack, given: InputFormat | None = None) -> SourceDocument:
    """The upload opened from memory by the library's readers, as a file of its format is.

    Raises:
        Problem: 415 when no format can be told.
        LoadError: When the bytes cannot be read.
    """
    return open_document(upload.data, pack, fmt=format_of(upload, given), name=upload.label)


def media_type(header: str | None) -> str | None:
    """A Content-Type header without its parameters (``; charset=…``)."""
    if not header:
        return None
    return header.split(";", 1)[0].strip().lower() or None
