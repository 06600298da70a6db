"""Schema packs: versioned, extensible descriptions of a catalog standard."""

from govcatalog.packs.codebook import Codebook, CodeEntry
from govcatalog.packs.fields import FieldKind, FieldSpec, FieldTable
from govcatalog.packs.pack import Pack, PackStatus, load_pack
from govcatalog.packs.registry import DEFAULT_PACK, PackRegistry, PackSource, get_pack
from govcatalog.packs.versions import PackRef, Version, VersionRange

__all__ = [
    "DEFAULT_PACK",
    "CodeEntry",
    "Codebook",
    "FieldKind",
    "FieldSpec",
    "FieldTable",
    "Pack",
    "PackRef",
    "PackRegistry",
    "PackSource",
    "PackStatus",
    "Version",
    "VersionRange",
    "get_pack",
    "load_pack",
]
