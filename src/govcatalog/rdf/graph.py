"""Statement blocks → an rdflib Graph, built triple by triple.

This is the straightforward way to produce RDF (and the reference the fast text writers
are tested against: both must give isomorphic graphs). JSON-LD and RDF/XML are
serialised from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import rdflib
from rdflib.collection import Collection

from govcatalog.rdf.mapping import Block
from govcatalog.rdf.terms import PREFIXES, Term

_UNESCAPE = re.compile(r'\\(["\\nrt]|u[0-9A-Fa-f]{4})')
_SIMPLE = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t"}


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _SIMPLE.get(m[1]) or chr(int(m[1][1:], 16)), text)


def node(text: str | Term) -> rdflib.term.Node:
    """The rdflib node of a term written in N-Triples syntax."""
    if isinstance(text, Term):
        return rdflib.URIRef(text.iri)
    if text.startswith("<"):
        return rdflib.URIRef(text[1:-1])
    if text.startswith("_:"):
        return rdflib.BNode(text[2:])
    end = text.rindex('"')
    lexical = _unescape(text[1:end])
    suffix = text[end + 1 :]
    if suffix.startswith("@"):
        return rdflib.Literal(lexical, lang=suffix[1:])
    if suffix.startswith("^^<"):
        return rdflib.Literal(lexical, datatype=rdflib.URIRef(suffix[3:-1]))
    return rdflib.Literal(lexical)


def new_graph() -> rdflib.Graph:
    """An empty graph with govcatalog's prefixes bound."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def graph_from_blocks(blocks: Iterable[Block]) -> rdflib.Graph:
    """Add every statement of ``blocks`` to a new graph, one triple at a time."""
    graph = new_graph()
    add = graph.add
    for subject, po in blocks:
        s = node(subject)
        for p, o in po:
            if isinstance(o, tuple):
                head = rdflib.BNode()
                Collection(graph, head, [node(x) for x in o])
                add((s, rdflib.URIRef(p.iri), head))
            else:
                add((s, rdflib.URIRef(p.iri), node(o)))
    return graph
