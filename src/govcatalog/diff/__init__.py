"""Semantic diff of catalog versions: what changed, and whom it breaks.

Example::

    from govcatalog.diff import diff
    changes = diff("catalog-2024.json", "catalog-2025.json")
    for change in changes:
        print(change.code, change.impact, change.resource.code, change.reason(Lang.EN))
    patch = changes.to_patch()          # RFC 6902, on the canonical JSON form
"""

from __future__ import annotations

from govcatalog.diff.compare import compare
from govcatalog.diff.elements import ElementChanges, element_changes
from govcatalog.diff.impact import ChangeKind, ChangeSpec, Impact, change_catalogue
from govcatalog.diff.load import Source, field_names, load_side, to_side
from govcatalog.diff.patch import apply_patch
from govcatalog.diff.plan import Side, canonical_document
from govcatalog.diff.result import CatalogDiff, Change, ItemRef, ResourceRef
from govcatalog.diff.waivers import Waiver, apply_waivers, read_waivers
from govcatalog.errors import PatchError
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack


def diff(
    old: Source,
    new: Source,
    *,
    pack: Pack | str | None = None,
    old_label: str | None = None,
    new_label: str | None = None,
) -> CatalogDiff:
    """The classified changes from ``old`` to ``new``.

    Args:
        old: The old version: a catalog file (any supported format), a
            :class:`~govcatalog.model.Catalog`, a :class:`Side` or a canonical JSON document.
        new: The new version, likewise.
        pack: The pack to read files with (default: the national pack).
        old_label: Name of the old version in renderings.
        new_label: Name of the new version in renderings.

    Raises:
        LoadError: When a file cannot be read.
    """
    the_pack = pack if isinstance(pack, Pack) else get_pack(pack or DEFAULT_PACK)
    a = to_side(old, the_pack, old_label)
    b = to_side(new, the_pack, new_label)
    return compare(a, b, field_names(the_pack), element_changes(the_pack))


__all__ = [
    "CatalogDiff",
    "Change",
    "ChangeKind",
    "ChangeSpec",
    "ElementChanges",
    "Impact",
    "ItemRef",
    "PatchError",
    "ResourceRef",
    "Side",
    "Source",
    "Waiver",
    "apply_patch",
    "apply_waivers",
    "canonical_document",
    "change_catalogue",
    "compare",
    "diff",
    "element_changes",
    "load_side",
    "read_waivers",
]
