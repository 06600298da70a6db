"""What rules produce: a code, where (a canonical pointer) and the message parameters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govcatalog._quick_init import quick_init

Record = dict[str, Any]
"""A resource in govcatalog's canonical JSON form (English keys, canonical values).

Produced by :mod:`govcatalog.records.coerce` from whatever the input wrote; rules
read it. It is plain data so that validating millions of data items does not pay
for building model objects; :meth:`govcatalog.model.Resource.model_validate`
turns it into the typed model.
"""


@quick_init
@dataclass(frozen=True, slots=True)
class Hit:
    """One rule violation before it becomes a :class:`~govcatalog.report.Finding`.

    Attributes:
        code: Finding code declared in the pack's codebook.
        pointer: Canonical JSON pointer relative to the record (``/share/share_type``).
        params: Values for the codebook's message templates.
        value: The offending value, if any.
    """

    code: str
    pointer: str
    params: Mapping[str, object] = field(default_factory=dict)
    value: object = None


def value_at(record: Mapping[str, object], path: tuple[str, ...]) -> object:
    """The value at ``path`` (keys from the record), or None when absent or not an object on
    the way."""
    value: object = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
