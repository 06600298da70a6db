"""One resource as written and as read: what every consumer of a document is handed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govcatalog._quick_init import quick_init
from govcatalog.io.records import RawRecord
from govcatalog.records.coerced import Coerced
from govcatalog.records.hits import Record


@quick_init
@dataclass(frozen=True, slots=True)
class ReadRecord:
    """One resource as written and as read.

    Attributes:
        raw: The record as the reader produced it (data, pointer, position).
        coerced: The canonical record with what reading it reported, or None when the
            entry is not an object.
    """

    raw: RawRecord
    coerced: Coerced | None

    @property
    def record(self) -> Record | None:
        """The canonical record, or None when the entry is not an object."""
        return None if self.coerced is None else self.coerced.record


RecordHook = Callable[[ReadRecord], None]
"""Called with each resource a validator reads (see :class:`govcatalog.validate.Validator`)."""
