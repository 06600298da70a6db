"""The shapes builder: SHACL helpers shared by the shapes of each rule module.

Each module of this package is the SHACL twin of the rule module of the same name
(:mod:`govcatalog.rules.builtin`), or of the field-table checks of reading (``fields``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import rdflib
from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from govcatalog.model.code import CodeRules
from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.rdf import names as m
from govcatalog.rdf.concepts import concept_index
from govcatalog.rdf.terms import GOVCAT, Term, path_terms
from govcatalog.rdf.terms import RDF as RDF_NS
from govcatalog.report import Severity

SHAPES_BASE: Final = "https://w3id.org/govcatalog/shapes/"
FINDING_CODE: Final = URIRef(GOVCAT + "findingCode")

NATIVE_ONLY: Final = {
    "GC-S001": "input that cannot be read has no graph",
    "GC-S002": "document shape: a graph has none",
    "GC-S003": "value types of the input document (an RDF literal has no JSON type)",
    "GC-S004": "unknown keys of the input document",
    "GC-S005": "entries that are not objects",
    "GC-S006": "empty catalog (catalog-wide)",
    "GC-S007": "an element given under two keys",
    "GC-S008": "rows of one resource in a spreadsheet",
    "GC-F003": "normalisation of non-standard forms (aliases, folded text) happens while reading",
    "GC-F006": "identifier check characters (GB 32100-2015) are computed, not patterns",
    "GC-F007": "depends on the day of validation",
    "GC-F009": "项 code tables compared with code digits",
    "GC-F011": "counting duplicate item names",
    "GC-F012": "format types looked up through skos:broader and aliases",
    "GC-F014": "the catalog's division code is checked against the GB/T 2260 list",
    "GC-F015": "value forms read as a listed value (不定期 → 其他) while reading",
    "GC-F016": "placeholders (暂无, null …) are read as not given while reading",
    "GC-F017": "a share type written as the share condition is moved while reading",
    "GC-S009": "an element no resource of the file carries (file-wide)",
    "GC-S010": "workbook sheets skipped while reading",
    "GC-S011": "rows of an item sheet joined onto the resources while reading",
    "GC-S012": "a workbook's missing column (file-wide, from the sheet's headings)",
    "GC-S013": "a workbook's sheet state (hidden), seen while reading",
    "GC-S014": "dates a workbook's forms (or the catalog facts) give twice, compared while reading",
    "GC-S015": "document shape: the resources given twice are seen while reading",
    "GC-S016": "a workbook's notes and sign-off lines below its table, told while reading",
    "GC-S017": "the unit a workbook's form names above or below its table, read while reading",
    "GC-S018": "a workbook's row state (hidden), seen while reading",
    "GC-R008": "catalog-wide uniqueness of codes",
    "GC-R011": "base items: a condition over all items and the code's first digit",
    "GC-R013": "wording of the legal basis (folded text)",
    "GC-R014": "the open condition read as an open type of the pack (folded text)",
    "GC-C001": "catalog-wide: related codes resolve",
    "GC-C002": "related code equal to the resource's own code",
    "GC-C003": "catalog-wide: duplicate names per provider",
}
"""Finding codes the shapes do not cover, and why (codes of every pack version: a pack's
codebook must be covered by its shapes and this list together)."""


_SEVERITY: Final = {
    Severity.ERROR: SH.Violation,
    Severity.WARNING: SH.Warning,
    Severity.INFO: SH.Info,
}


def uri(t: Term) -> URIRef:
    return URIRef(t.iri)


def code_pattern(rules: CodeRules) -> str:
    """The regular expression (XPath/Python syntax) of a well-formed 信息资源代码."""
    unit = "[0-9A-Za-z]" if rules.allow_alphanumeric else "[0-9]"
    ximu = f"(?:{unit}{{{rules.ximu_unit}}})*" if rules.ximu_unit else f"{unit}*"
    rest = f"[0-9]{{3}}{ximu}"
    front = "[123][0-9]{2}" + (rest if rules.require_mu else f"(?:{rest})?")
    return f"^{front}{re.escape(rules.separator)}{unit}+$"


@dataclass(frozen=True)
class PackShapes:
    """The shapes of a pack.

    Attributes:
        graph: The shapes graph.
        codes: Finding codes the shapes cover.
        pointers: Shape IRI → canonical pointer (relative to the resource) it checks.
    """

    graph: rdflib.Graph
    codes: frozenset[str]
    pointers: Mapping[str, str]

    def to_turtle(self) -> str:
        """The shapes as Turtle (``shapes.ttl``)."""
        return self.graph.serialize(format="turtle")


class Builder:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.ns = f"{SHAPES_BASE}{pack.id}/{pack.version}#"
        self.g = rdflib.Graph(bind_namespaces="none")
        for prefix, ns in (
            ("sh", str(SH)),
            ("govcat", GOVCAT),
            ("xsd", str(XSD)),
            ("rdf", RDF_NS),
            ("gcs", self.ns),
        ):
            self.g.bind(prefix, ns)
        for prefix in ("dcat", "dcterms", "foaf", "skos"):
            from govcatalog.rdf.terms import PREFIXES  # noqa: PLC0415

            self.g.bind(prefix, PREFIXES[prefix])
        self.codes: set[str] = set()
        self.pointers: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.idx = concept_index()

    # ------------------------------------------------------------------ rdf helpers
    def lst(self, items: Iterable[rdflib.term.Node]) -> BNode:
        head = BNode()
        Collection(self.g, head, list(items))
        return head

    def path(self, terms: tuple[Term, ...]) -> rdflib.term.Node:
        if len(terms) == 1:
            return uri(terms[0])
        return self.lst(uri(t) for t in terms)

    def bnode(self, *pairs: tuple[URIRef, rdflib.term.Node]) -> BNode:
        node = BNode()
        for p, o in pairs:
            self.g.add((node, p, o))
        return node

    def field_path(self, field_id: str) -> tuple[Term, ...]:
        """The element's RDF path, from the pack's field table."""
        return path_terms(self.pack.fields.get(field_id).rdf)

    def prop(self, terms: tuple[Term, ...], *pairs: tuple[URIRef, rdflib.term.Node]) -> BNode:
        return self.bnode((SH.path, self.path(terms)), *pairs)

    def allowed(self, scheme: str) -> list[URIRef]:
        vocab = self.pack.vocabulary(scheme)
        return [URIRef(c.iri) for c in vocab.concepts]

    def concept(self, scheme: str, label: str) -> URIRef:
        return URIRef(self.idx.iri_of[scheme][label])

    # ------------------------------------------------------------------ shapes
    def shape(self, code: str, pointer: str, *, node_shape: bool) -> URIRef:
        if code not in self.pack.codebook:
            msg = f"{code} is not in the codebook of {self.pack.ref}"
            raise ValueError(msg)
        n = self.counts.get(code, 0) + 1
        self.counts[code] = n
        local = code if n == 1 else f"{code}-{n}"
        iri = URIRef(self.ns + local)
        entry = self.pack.codebook[code]
        g = self.g
        g.add((iri, RDF.type, SH.NodeShape if node_shape else SH.PropertyShape))
        g.add((iri, FINDING_CODE, Literal(code)))
        g.add((iri, SH.severity, _SEVERITY[entry.severity]))
        g.add((iri, SH.message, Literal(entry.title_zh, lang="zh")))
        g.add((iri, SH.message, Literal(entry.title_en, lang="en")))
        self.codes.add(code)
        self.pointers[str(iri)] = pointer
        return iri

    def on_resource(
        self,
        code: str,
        pointer: str,
        path: rdflib.term.Node,
        *pairs: tuple[URIRef, rdflib.term.Node],
    ) -> None:
        """A property shape on every resource."""
        iri = self.shape(code, pointer, node_shape=False)
        self.g.add((iri, SH.targetClass, uri(m.C_RESOURCE)))
        self.g.add((iri, SH.path, path))
        for p, o in pairs:
            self.g.add((iri, p, o))

    def on_items(
        self,
        code: str,
        pointer: str,
        path: rdflib.term.Node,
        *pairs: tuple[URIRef, rdflib.term.Node],
    ) -> None:
        """A property shape on every data item of every resource (focus: the resource).

        A literal in place of the items (a value the reader could not read) is left to the
        native reader, which reports it.
        """
        inner = self.bnode((SH.path, path), *pairs)
        literal = self.bnode((SH.nodeKind, SH.Literal))
        item = self.bnode((SH["or"], self.lst([literal, self.bnode((SH.property, inner))])))
        self.on_resource(code, pointer, self.path(self.field_path("items")), (SH.node, item))

    def conditional(self, code: str, pointer: str, *alternatives: rdflib.term.Node) -> None:
        """A node shape on every resource: at least one of ``alternatives`` holds."""
        iri = self.shape(code, pointer, node_shape=True)
        self.g.add((iri, SH.targetClass, uri(m.C_RESOURCE)))
        self.g.add((iri, SH["or"], self.lst(alternatives)))

    def has(self, field_id: str, value: rdflib.term.Node) -> BNode:
        return self.prop(self.field_path(field_id), (SH.hasValue, value))

    def none_of(self, field_id: str, values: list[URIRef]) -> BNode:
        """Every value (if any) of the element is outside ``values``."""
        return self.prop(
            self.field_path(field_id), (SH["not"], self.bnode((SH["in"], self.lst(values))))
        )

    def given_in(self, field_id: str, values: list[URIRef]) -> BNode:
        """The element is given and each value is one of ``values``."""
        return self.prop(
            self.field_path(field_id), (SH.minCount, Literal(1)), (SH["in"], self.lst(values))
        )

    def negate(self, shape: rdflib.term.Node) -> BNode:
        return self.bnode((SH["not"], shape))

    def present(self, field_id: str) -> BNode:
        return self.prop(self.field_path(field_id), (SH.minCount, Literal(1)))


def pointer_of(spec: FieldSpec) -> str:
    return "/" + spec.id.replace(".", "/")
