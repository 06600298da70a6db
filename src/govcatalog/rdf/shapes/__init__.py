"""A pack's declarative rules as SHACL shapes (``shapes.ttl``).

Each shape carries ``govcat:findingCode`` (the codebook code whose rule it expresses),
``sh:severity`` from the codebook and ``sh:message`` in zh and en, so a SHACL result maps
back to a finding: code from the result's ``sh:sourceShape``, resource from its
``sh:focusNode`` (always a ``govcat:InformationResource``). Shapes read the govcat
statements written by :mod:`govcatalog.rdf.mapping`.

Covered (the declarative subset): required elements (GC-F001, also the conditional ones
of 共享方式), vocabularies (GC-F002), text length (GC-F004), the code pattern (GC-F005),
项 within 类 (GC-F008), a positive 数据长度 (GC-F010), dates (GC-R009, GC-F019) and the conditional
rules R1–R7, R10, R12 (GC-R001 … GC-R007, GC-R010, GC-R012). Everything else is native
only: :data:`NATIVE_ONLY` says why.
"""

from __future__ import annotations

from govcatalog.packs.pack import Pack
from govcatalog.rdf.shapes.builder import (
    FINDING_CODE,
    NATIVE_ONLY,
    SHAPES_BASE,
    Builder,
    PackShapes,
    code_pattern,
)
from govcatalog.rdf.shapes.classification import classification_shapes
from govcatalog.rdf.shapes.content import content_shapes
from govcatalog.rdf.shapes.fields import field_shapes
from govcatalog.rdf.shapes.share import share_shapes

__all__ = [
    "FINDING_CODE",
    "NATIVE_ONLY",
    "SHAPES_BASE",
    "PackShapes",
    "build_shapes",
    "code_pattern",
]


def build_shapes(pack: Pack) -> PackShapes:
    """The SHACL shapes of a pack's declarative rules.

    Args:
        pack: The effective pack (its field table, vocabularies, code rules and codebook).
    """
    b = Builder(pack)
    field_shapes(b)
    classification_shapes(b)
    share_shapes(b)
    content_shapes(b)
    return PackShapes(b.g, frozenset(b.codes), dict(b.pointers))
