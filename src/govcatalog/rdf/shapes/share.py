"""Shapes of the share rules: R1–R4, R10 and the conditional 共享方式 (GC-F001).

Twin of :mod:`govcatalog.rules.builtin.share`.
"""

from __future__ import annotations

from rdflib import BNode, Literal
from rdflib.namespace import SH

from govcatalog.model.enums import ShareModeClass, ShareType
from govcatalog.rdf.shapes.builder import Builder
from govcatalog.records.forms import NO_CONDITION


def share_shapes(b: Builder) -> None:
    c = b.concept
    unconditional = c("share-type", ShareType.UNCONDITIONAL)
    not_shared = c("share-type", ShareType.NOT_SHARED)
    platform = c("share-mode-class", ShareModeClass.PLATFORM)
    classes = b.allowed("share-mode-class")
    types = b.allowed("share-mode-type")
    none_pattern = Literal("^(?:" + "|".join(sorted(c for c in NO_CONDITION if c)) + ")$")
    cond = b.field_path("share.share_condition")

    def states_condition() -> BNode:
        """The share condition is given and is no "none" (无, 不涉及 …)."""
        not_none = b.bnode((SH.pattern, none_pattern))
        return b.prop(cond, (SH.minCount, Literal(1)), (SH["not"], not_none))

    def states_none() -> BNode:
        return b.prop(cond, (SH.pattern, none_pattern))

    for code, share_type, holds in (
        ("GC-R001", unconditional, states_none),
        ("GC-R002", c("share-type", ShareType.CONDITIONAL), states_condition),
        ("GC-R003", not_shared, states_condition),
    ):
        b.conditional(
            code, "/share/share_condition", b.negate(b.has("share.share_type", share_type)), holds()
        )
    no_mode = [
        b.none_of("share.share_mode_class", classes),
        b.none_of("share.share_mode_type", types),
    ]
    b.conditional(
        "GC-R004",
        "/share/share_mode_class",
        b.negate(b.has("share.share_type", not_shared)),
        b.bnode((SH["and"], b.lst(no_mode))),
    )
    shared = [unconditional, c("share-type", ShareType.CONDITIONAL)]
    b.conditional(
        "GC-F001",
        "/share/share_mode_class",
        b.negate(b.given_in("share.share_type", shared)),
        b.present("share.share_mode_class"),
    )
    b.conditional(
        "GC-F001",
        "/share/share_mode_type",
        b.negate(b.has("share.share_mode_class", platform)),
        b.has("share.share_type", not_shared),
        b.present("share.share_mode_type"),
    )
    b.conditional(
        "GC-R010",
        "/share/share_mode_type",
        b.negate(b.given_in("share.share_mode_type", types)),
        b.negate(b.given_in("share.share_mode_class", [x for x in classes if x != platform])),
        b.has("share.share_type", not_shared),
    )
