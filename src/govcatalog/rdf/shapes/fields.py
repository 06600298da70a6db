"""Shapes of the field table: required elements (GC-F001), vocabularies (GC-F002; GC-F018 for
several values listed where one is taken), text length (GC-F004), positive 数据长度 (GC-F010),
dates (GC-R009; GC-F019 for one without its day), the code pattern (GC-F005).

Twin of the field-table checks of reading (:mod:`govcatalog.records.coerce`).
"""

from __future__ import annotations

import rdflib
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from govcatalog._dates import DAYLESS_PATTERN
from govcatalog.packs.fields import FieldKind
from govcatalog.rdf.shapes.builder import Builder, code_pattern, pointer_of, uri
from govcatalog.records.forms import listing_pattern


def field_shapes(b: Builder) -> None:
    table = b.pack.fields
    for spec in table.resource_fields():
        if not spec.rdf or spec.kind in (FieldKind.GROUP, FieldKind.GROUPS):
            continue
        item = spec.parent is not None and table.get(spec.parent).kind is FieldKind.GROUPS
        add = b.on_items if item else b.on_resource
        ptr = "/items" if item else pointer_of(spec)
        checks: list[tuple[str, tuple[tuple[URIRef, rdflib.term.Node], ...]]] = []
        if spec.required:
            checks.append(("GC-F001", ((SH.minCount, Literal(1)),)))
        if spec.kind is FieldKind.VOCAB and spec.vocabulary:
            checks.extend(_vocab_checks(b, spec.vocabulary))
        elif spec.kind is FieldKind.BOOL and spec.vocabulary:
            checks.append(("GC-F002", ((SH["in"], b.lst(b.allowed(spec.vocabulary))),)))
        if spec.max_length is not None:
            checks.append(("GC-F004", ((SH.maxLength, Literal(spec.max_length)),)))
        if spec.kind is FieldKind.INT:
            checks.append(("GC-F010", ((SH.datatype, XSD.integer), (SH.minInclusive, Literal(1)))))
        if spec.kind is FieldKind.DATE:
            checks.extend(_date_checks(b))
        for code, pairs in checks:
            add(code, ptr, b.path(b.field_path(spec.id)), *pairs)
    pattern = Literal(code_pattern(b.pack.code_rules))
    b.on_resource("GC-F005", "/code", b.path(b.field_path("code")), (SH.pattern, pattern))
    members = b.lst(
        [uri(b.field_path("related_codes")[0]), b.bnode((SH.zeroOrMorePath, RDF.rest)), RDF.first]
    )
    b.on_resource("GC-F005", "/related_codes", members, (SH.pattern, pattern))


def _vocab_checks(b: Builder, vocabulary: str) -> list[tuple[str, tuple[tuple[URIRef, Node], ...]]]:
    """A value of the vocabulary (GC-F002), unless it lists several (GC-F018: 接口、文件), as
    the reader tells them apart."""
    allowed = b.allowed(vocabulary)
    labels = (concept.label_zh for concept in b.pack.vocabulary(vocabulary).concepts)
    listing = (SH.pattern, Literal(listing_pattern(labels)))
    one_of = b.lst([b.bnode((SH["in"], b.lst(allowed))), b.bnode(listing)])
    return [("GC-F002", ((SH["or"], one_of),)), ("GC-F018", ((SH["not"], b.bnode(listing)),))]


def _date_checks(b: Builder) -> list[tuple[str, tuple[tuple[URIRef, Node], ...]]]:
    """A date (GC-R009), unless it is one written without its day (GC-F019: 2024-03, 2024年),
    as the reader tells them apart."""
    dayless = Literal(DAYLESS_PATTERN)
    date_or_dayless = b.lst([b.bnode((SH.datatype, XSD.date)), b.bnode((SH.pattern, dayless))])
    return [
        ("GC-R009", ((SH["or"], date_or_dayless),)),
        ("GC-F019", ((SH["not"], b.bnode((SH.pattern, dayless))),)),
    ]
