"""Readers and writers at the edge: files in, records out (and back)."""

from govcatalog.io.formats import InputFormat, detect_format, read_document
from govcatalog.io.records import DocumentProblem, Locator, RawRecord, SourceDocument

__all__ = [
    "DocumentProblem",
    "InputFormat",
    "Locator",
    "RawRecord",
    "SourceDocument",
    "detect_format",
    "read_document",
]
