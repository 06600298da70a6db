"""Shapes of the content rules: R5 (开放条件), R6 (data items of structured formats), R12.

Twin of :mod:`govcatalog.rules.builtin.content`.
"""

from __future__ import annotations

from rdflib import URIRef

from govcatalog.model.enums import FormatClass
from govcatalog.rdf.shapes.builder import Builder


def content_shapes(b: Builder) -> None:
    c = b.concept
    b.conditional(
        "GC-R005",
        "/open/open_condition",
        b.negate(b.has("open.open_to_public", URIRef(b.idx.yes))),
        b.present("open.open_condition"),
    )
    structured = [
        c("format-class", FormatClass.DATABASE),
        c("format-class", FormatClass.SPREADSHEET),
    ]
    b.conditional(
        "GC-R006",
        "/items",
        b.negate(b.given_in("format.format_class", structured)),
        b.present("items"),
    )
    b.conditional(
        "GC-R012",
        "/format/other_description",
        b.negate(b.has("format.format_class", c("format-class", FormatClass.OTHER))),
        b.present("format.other_description"),
    )
