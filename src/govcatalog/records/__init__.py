"""The record layer: from raw records to govcatalog's canonical records, one way for everyone.

:func:`iter_records` reads the resources of a document through a pack; the coercion it uses
(:mod:`govcatalog.records.coerce`) reports every liberty taken as :class:`Hit` values.
"""

from govcatalog.records.coerce import INVALID, PARSED_CODE, Coerced, Coercer
from govcatalog.records.hits import Hit, Record
from govcatalog.records.read import (
    ReadRecord,
    RecordHook,
    info_fields,
    iter_records,
    open_document,
    plain,
    read_info,
    without_invalid,
)

__all__ = [
    "INVALID",
    "PARSED_CODE",
    "Coerced",
    "Coercer",
    "Hit",
    "ReadRecord",
    "Record",
    "RecordHook",
    "info_fields",
    "iter_records",
    "open_document",
    "plain",
    "read_info",
    "without_invalid",
]
