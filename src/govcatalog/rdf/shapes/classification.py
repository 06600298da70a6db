"""Shapes of the classification rules: 项 within 类 (GC-F008) and the code's class (GC-R007).

Twin of :mod:`govcatalog.rules.builtin.classification`.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import SH

from govcatalog.rdf.shapes.builder import Builder, code_pattern


def classification_shapes(b: Builder) -> None:
    vocab = b.pack.vocabulary("resource-class")
    pattern = Literal(code_pattern(b.pack.code_rules))
    for concept in vocab.top_concepts():
        lei = URIRef(concept.iri)
        # A 项 is written by name or by its code in the pack's code table (项分类 = "07").
        codes = b.pack.xiang_codes.get(concept.label_zh, {})
        members = [Literal(c.label_zh) for c in vocab.narrower(concept)]
        members += [Literal(code) for code in dict.fromkeys(codes.values())]
        if members:
            b.conditional(
                "GC-F008",
                "/category/xiang",
                b.negate(b.has("category.lei", lei)),
                b.prop(b.field_path("category.xiang"), (SH["in"], b.lst(members))),
            )
        if concept.notation:
            b.conditional(
                "GC-R007",
                "/code",
                b.negate(b.has("category.lei", lei)),
                b.negate(
                    b.prop(b.field_path("code"), (SH.minCount, Literal(1)), (SH.pattern, pattern))
                ),
                b.prop(
                    b.field_path("code"), (SH.pattern, Literal("^" + re.escape(concept.notation)))
                ),
            )
