"""RDF terms of a catalog export: namespaces, predicates, minted IRIs and escaped literals.

Terms are kept as text in N-Triples syntax (``<iri>``, ``"literal"@zh``), which is also
valid Turtle, so the fast writers only join strings. A :class:`Term` carries a second,
shorter Turtle spelling (``dcterms:title``) for predicates and classes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

GOVCAT: Final = "https://w3id.org/govcatalog/ns#"
VOCAB: Final = "https://w3id.org/govcatalog/vocab/"
DCAT: Final = "http://www.w3.org/ns/dcat#"
DCTERMS: Final = "http://purl.org/dc/terms/"
FOAF: Final = "http://xmlns.com/foaf/0.1/"
ADMS: Final = "http://www.w3.org/ns/adms#"
SKOS: Final = "http://www.w3.org/2004/02/skos/core#"
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
SH: Final = "http://www.w3.org/ns/shacl#"

PREFIXES: Final = {
    "govcat": GOVCAT,
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "adms": ADMS,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}
"""Prefixes the Turtle writer declares (and the JSON-LD context uses)."""

DEFAULT_BASE: Final = "https://w3id.org/govcatalog/data/"
"""Base of minted IRIs when the caller gives none."""


@dataclass(frozen=True, slots=True)
class Term:
    """A constant IRI with its N-Triples and Turtle spellings.

    Attributes:
        iri: The IRI.
        nt: ``<iri>``.
        ttl: A prefixed name (``dcterms:title``) or ``<iri>``.
    """

    iri: str
    nt: str
    ttl: str


def term(prefix: str, local: str) -> Term:
    """The term ``prefix:local`` of one of :data:`PREFIXES`."""
    iri = PREFIXES[prefix] + local
    return Term(iri, f"<{iri}>", f"{prefix}:{local}")


def iri_term(iri: str) -> Term:
    """A term for a full IRI (no prefixed spelling)."""
    return Term(iri, f"<{iri}>", f"<{iri}>")


RDF_TYPE: Final = Term(RDF + "type", f"<{RDF}type>", "a")
RDF_FIRST: Final = term("rdf", "first")
RDF_REST: Final = term("rdf", "rest")
RDF_NIL: Final = term("rdf", "nil")


def path_terms(path: Iterable[str]) -> tuple[Term, ...]:
    """The terms of a property path as a field table writes it: ``prefix:local`` or ``<iri>``.

    Raises:
        ValueError: For an unknown prefix or a step that is neither.
    """
    out: list[Term] = []
    for step in path:
        if step.startswith("<") and step.endswith(">"):
            out.append(iri_term(step[1:-1]))
            continue
        prefix, sep, local = step.partition(":")
        if not sep or prefix not in PREFIXES or not local:
            msg = f"RDF path step {step!r}: write prefix:local ({', '.join(PREFIXES)}) or <iri>"
            raise ValueError(msg)
        out.append(term(prefix, local))
    return tuple(out)


def g(local: str) -> Term:
    """A term of the govcat namespace."""
    return term("govcat", local)


# ------------------------------------------------------------------------------ text escaping
_ESCAPES: Final = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in (9, 10, 13)},
}


def string(text: str) -> str:
    """A plain string literal (xsd:string), escaped for N-Triples and Turtle."""
    return '"' + text.translate(_ESCAPES) + '"'


def lang_string(text: str, lang: str) -> str:
    """A language-tagged literal."""
    return '"' + text.translate(_ESCAPES) + '"@' + lang


def typed(lexical: str, datatype: str) -> str:
    """A literal of an XSD datatype given by local name (``date``, ``integer`` …)."""
    return '"' + lexical.translate(_ESCAPES) + f'"^^<{XSD}{datatype}>'


def json_literal(value: object) -> str:
    """A JSON value as an rdf:JSON literal (keys sorted, so equal values give equal text)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return '"' + text.translate(_ESCAPES) + f'"^^<{RDF}JSON>'


def literal(value: object) -> str:
    """A literal for a value as read: text, integer, boolean, date or (else) its JSON text."""
    if isinstance(value, str):
        return string(value)
    if isinstance(value, bool):
        return typed("true" if value else "false", "boolean")
    if isinstance(value, int):
        return typed(str(value), "integer")
    if isinstance(value, float):
        return typed(repr(value), "double")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return typed(value.isoformat(), "date")
    return string(json.dumps(value, ensure_ascii=False, default=str))


def date_literal(value: object) -> str:
    """An xsd:date literal for a date or a valid ISO date string; otherwise a plain literal.

    A plain literal is what a SHACL ``sh:datatype xsd:date`` constraint reports, as the
    native validator reports a date it cannot read.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return typed(value.isoformat(), "date")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return typed(dt.date.fromisoformat(value).isoformat(), "date")
        except ValueError:
            pass
    return literal(value)


# ------------------------------------------------------------------------------ minted IRIs
def _segment(text: str) -> str:
    return quote(text, safe="/-._~!$&'()*+,;=:@")


def resource_iri(base: str, code: str | None, position: int) -> str:
    """IRI of a resource: by its 信息资源代码, or by its position when it has no usable code."""
    if code:
        return f"{base}resource/{_segment(code)}"
    return f"{base}position/{position}"


def agent_iri(base: str, name: str | None, code: str | None) -> str:
    """IRI of an organisation named ``name`` with code ``code`` (the same pair, the same IRI)."""
    digest = hashlib.sha1(f"{name or ''}\x00{code or ''}".encode(), usedforsecurity=False)
    return f"{base}agent/{digest.hexdigest()[:16]}"


def catalog_iri(base: str) -> str:
    """IRI of the catalog itself."""
    return f"{base}catalog"
