"""The SKOS files of ``vocab/`` as rdflib graphs (private helper of :mod:`govcatalog.vocab`).

Imported lazily, for :func:`govcatalog.vocab.vocabulary_graph` and for a file the small reader
of :mod:`govcatalog._vocab_ttl` does not read, so that importing govcatalog and loading a
pack never pay for rdflib.
"""

from __future__ import annotations

import functools

import rdflib
from rdflib.namespace import SKOS

from govcatalog._vocab_ttl import Iri, Lit, Term
from govcatalog.vocab import _vocab_dir

GOVCAT = rdflib.Namespace("https://w3id.org/govcatalog/ns#")
VOCAB_BASE = "https://w3id.org/govcatalog/vocab/"

_PREFIXES = {
    "govcat": GOVCAT,
    "vocab": rdflib.Namespace(VOCAB_BASE),
    "skos": SKOS,
    "dcat": rdflib.Namespace("http://www.w3.org/ns/dcat#"),
    "dcterms": rdflib.Namespace("http://purl.org/dc/terms/"),
}


@functools.cache
def _parse(name: str) -> rdflib.Graph:
    # Cached per file and never handed out: callers get copies (merged_graph) or values.
    graph = rdflib.Graph()
    text = (_vocab_dir() / f"{name}.ttl").read_text(encoding="utf-8")
    graph.parse(data=text, format="turtle", publicID=f"{VOCAB_BASE}{name}")
    return graph


def merged_graph(names: tuple[str, ...]) -> rdflib.Graph:
    """Return a new graph with the triples of all named files."""
    merged = rdflib.Graph()
    for prefix, namespace in _PREFIXES.items():
        merged.bind(prefix, namespace)
    for name in names:
        merged += _parse(name)
    return merged


def triples(name: str) -> list[tuple[str, str, Term]]:
    """The triples of ``vocab/<name>.ttl`` as rdflib parses it, in the terms of
    :mod:`govcatalog._vocab_ttl` (blank nodes, which no reading looks at, left out)."""
    found: list[tuple[str, str, Term]] = []
    for s, p, o in _parse(name):
        if not isinstance(s, rdflib.URIRef) or not isinstance(p, rdflib.URIRef):
            continue
        if isinstance(o, rdflib.URIRef):
            found.append((str(s), str(p), Iri(str(o))))
        elif isinstance(o, rdflib.Literal):
            language = o.language.lower() if o.language else None
            datatype = str(o.datatype) if o.datatype else None
            found.append((str(s), str(p), Lit(str(o), language, datatype)))
    return found
