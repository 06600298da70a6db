"""How the diff reads the elements of a pack: which change each element's new value is.

Everything comes from the pack's field table: the groups whose leaves are compared one by one,
the keys of a data item, and each element's ``change`` (a change kind, or a classifier that
chooses the kind by comparing the two values). A local element declares its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from govcatalog.diff.impact import ChangeKind
from govcatalog.errors import PackError
from govcatalog.packs.fields import FieldKind, FieldLevel
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack

CLASSIFIERS = frozenset(
    {
        "share-openness",
        "opening",
        "update-cycle",
        "secrecy",
        "format-types",
        "related-codes",
        "item-data-type",
        "item-length",
    }
)
"""Classifiers an element's ``change`` may name instead of one change kind."""


@dataclass(frozen=True)
class ElementChanges:
    """The elements of a pack as the diff sees them.

    Attributes:
        change: Field id → change kind or classifier (elements without one are absent).
        groups: Top-level groups compared leaf by leaf (``share``, ``format`` …).
        item_keys: The keys of a data item, in table order.
    """

    change: Mapping[str, str]
    groups: frozenset[str]
    item_keys: tuple[str, ...]


def _check(pack: Pack, field_id: str, change: str) -> str:
    if change not in CLASSIFIERS and change not in set(ChangeKind):
        problem = f"field {field_id}: change {change!r} is neither a change kind nor a classifier"
        raise PackError(pack.ref, "fields.toml", problem)
    return change


def element_changes(pack: Pack) -> ElementChanges:
    """The elements of ``pack`` as the diff sees them.

    Raises:
        PackError: When an element names an unknown change kind.
    """
    table = pack.fields
    fields = table.resource_fields()
    change = {f.id: _check(pack, f.id, f.change) for f in fields if f.change is not None}
    groups = frozenset(
        f.id
        for f in table.children(None, FieldLevel.RESOURCE)
        if f.kind is FieldKind.GROUP and f.id != "extensions"
    )
    item_keys = tuple(
        f.key for f in table.children("items") if f.kind not in (FieldKind.GROUP, FieldKind.GROUPS)
    )
    return ElementChanges(MappingProxyType(change), groups, item_keys)


@cache
def national_changes() -> ElementChanges:
    """The elements of the national pack (the default of :func:`~govcatalog.diff.compare`)."""
    return element_changes(get_pack(DEFAULT_PACK))
