"""Semantic diff of catalog versions: what changed, and whom it breaks.

Example::

    from govcatalog.diff import diff
    changes = diff("catalog-2024.json", "catalog-2025.json")
    for change in changes:
        print(change.code, change.impact, change.resource.code, change.reason(Lang.EN))
    patch = changes.to_patch()          # RFC 6902, on the canonical JSON form
"""

from __future__ import annotations

from govcatalog.diff._diff import diff
from govcatalog.diff.compare import compare
from govcatalog.diff.elements import ElementChanges, element_changes
from govcatalog.diff.impact import ChangeKind, ChangeSpec, Impact, change_catalogue
from govcatalog.diff.load import Source, load_side
from govcatalog.diff.patch import apply_patch
from govcatalog.diff.plan import Side, canonical_document
from govcatalog.diff.result import CatalogDiff, Change, ItemRef, ResourceRef
from govcatalog.diff.waivers import Waiver, apply_waivers, read_waivers
from govcatalog.errors import PatchError

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
