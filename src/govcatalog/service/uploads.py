"""Catalogs sent to the service: which format a body is, and reading it as the CLI reads files.

The format comes from ``?input=``, else the upload's file name, else the body's media
type. The body is written to a private temporary folder under the name it came with, and
read by the same readers — with the same bounds on hostile input — as ``govcatalog
validate`` reads a file; the folder is removed when the work is done.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from govcatalog.io.formats import InputFormat, detect_format
from govcatalog.service.problems import Problem

MEDIA_SUFFIXES: dict[str, str] = {
    "application/json": ".json",
    "text/json": ".json",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
    "text/x-yaml": ".yaml",
    "text/csv": ".csv",
    "application/csv": ".csv",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/turtle": ".ttl",
    "application/ld+json": ".jsonld",
    "application/rdf+xml": ".rdf",
    "application/n-triples": ".nt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
"""File suffix of each media type a catalog may be sent as."""

FORMAT_SUFFIXES: dict[InputFormat, str] = {
    InputFormat.JSON: ".json",
    InputFormat.YAML: ".yaml",
    InputFormat.XLSX: ".xlsx",
    InputFormat.CSV: ".csv",
    InputFormat.XML: ".xml",
    InputFormat.RDF: ".ttl",
}

_SAFE_NAME = re.compile(r"[^\w.\-]+")


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


def suffix_of(upload: Upload, given: InputFormat | None = None) -> str:
    """The file suffix the upload is read as.

    Raises:
        Problem: 415 when no format can be told.
    """
    if given is not None:
        if upload.filename and Path(upload.filename).suffix.lower():
            suffix = Path(upload.filename).suffix.lower()
            try:
                if detect_format(Path(upload.filename)) is given:
                    return suffix
            except ValueError:
                pass
        return FORMAT_SUFFIXES[given]
    if upload.filename:
        try:
            detect_format(Path(upload.filename))
            return Path(upload.filename).suffix.lower()
        except ValueError:
            pass
    media = (upload.media_type or "").lower()
    if media in MEDIA_SUFFIXES:
        return MEDIA_SUFFIXES[media]
    told = upload.filename or media or "no media type"
    raise Problem(
        415,
        "unsupported-media-type",
        f"cannot tell the catalog's format from {told!r}; send Content-Type "
        f"({', '.join(sorted(MEDIA_SUFFIXES))}), a file name with its suffix, or ?input=",
        extra={"supported": sorted(MEDIA_SUFFIXES)},
    )


def media_type(header: str | None) -> str | None:
    """A Content-Type header without its parameters (``; charset=…``)."""
    if not header:
        return None
    return header.split(";", 1)[0].strip().lower() or None


class saved:  # noqa: N801 - used as a function: ``with saved(upload) as path``
    """The upload as a file in a private temporary folder, removed afterwards.

    A plain class, not a generator: exceptions of frozen dataclasses (``LoadError``)
    pass through it untouched.

    Raises:
        Problem: 415 when no format can be told.
    """

    def __init__(self, upload: Upload, given: InputFormat | None = None) -> None:
        self.suffix = suffix_of(upload, given)
        self.upload = upload
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Path:
        stem = _SAFE_NAME.sub("_", Path(self.upload.filename or "body").stem)[:80] or "body"
        self._tmp = tempfile.TemporaryDirectory(prefix="govcatalog-")
        path = Path(self._tmp.name) / f"{stem}{self.suffix}"
        path.write_bytes(self.upload.data)
        return path

    def __exit__(self, *exc: object) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
