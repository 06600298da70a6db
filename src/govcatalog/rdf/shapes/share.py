"""Shapes of the share rules: R1–R4, R10 and the conditional 共享方式 (GC-F001).

Twin of :mod:`govcatalog.rules.builtin.share`.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SH

from govcatalog.model.enums import ShareModeClass, ShareType
from govcatalog.rdf.shapes.builder import Builder
from govcatalog.records.forms import NO_CONDITION


def share_shapes(b: Builder) -> None:
    c = b.concept
    unconditional = c("share-type", ShareType.UNCONDITIONAL)
    conditional = c("share-type", ShareType.CONDITIONAL)
    not_shared = c("share-type", ShareType.NOT_SHARED)
    platform = c("share-mode-class", ShareModeClass.PLATFORM)
    classes = b.allowed("share-mode-class")
    types = b.allowed("share-mode-type")
    none_pattern = Literal("^(?:" + "|".join(sorted(c for c in NO_CONDITION if c)) + ")$")
    cond = b.field_path("share.share_condition")
    states_condition = b.prop(
        cond, (SH.minCount, Literal(1)), (SH["not"], b.bnode((SH.pattern, none_pattern)))
    )
    b.conditional(
        "GC-R001",
        "/share/share_condition",
        b.negate(b.has("share.share_type", unconditional)),
        b.prop(cond, (SH.pattern, none_pattern)),
    )
    b.conditional(
        "GC-R002",
        "/share/share_condition",
        b.negate(b.has("share.share_type", conditional)),
        states_condition,
    )
    states_basis = b.prop(
        cond, (SH.minCount, Literal(1)), (SH["not"], b.bnode((SH.pattern, none_pattern)))
    )
    b.conditional(
        "GC-R003",
        "/share/share_condition",
        b.negate(b.has("share.share_type", not_shared)),
        states_basis,
    )
    b.conditional(
        "GC-R004",
        "/share/share_mode_class",
        b.negate(b.has("share.share_type", not_shared)),
        b.bnode(
            (
                SH["and"],
                b.lst(
                    [
                        b.none_of("share.share_mode_class", classes),
                        b.none_of("share.share_mode_type", types),
                    ]
                ),
            )
        ),
    )
    b.conditional(
        "GC-F001",
        "/share/share_mode_class",
        b.negate(b.given_in("share.share_type", [unconditional, conditional])),
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
