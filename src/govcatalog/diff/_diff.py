"""``diff(old, new)``: the classified changes between two catalog versions."""

from __future__ import annotations

from govcatalog.diff.compare import compare
from govcatalog.diff.elements import element_changes
from govcatalog.diff.load import Source, field_names, to_side
from govcatalog.diff.result import CatalogDiff
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
