"""Turtle and N-Triples text written straight from statement blocks (no graph in between)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import count

from govcatalog.rdf.mapping import Block, Obj
from govcatalog.rdf.terms import PREFIXES, RDF_FIRST, RDF_NIL, RDF_REST, Term


def _ttl(obj: Obj) -> str:
    if type(obj) is str:
        return obj
    if isinstance(obj, Term):
        return obj.ttl
    return "( " + " ".join(_ttl(o) for o in obj) + " )" if obj else RDF_NIL.ttl


def turtle_prefixes() -> str:
    """The prefix declarations that start every Turtle export."""
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n"


def iter_turtle(blocks: Iterable[Block]) -> Iterator[str]:
    """Turtle text, one chunk per subject, starting with the prefixes."""
    yield turtle_prefixes()
    for subject, po in blocks:
        body = " ;\n    ".join(f"{p.ttl} {_ttl(o)}" for p, o in po)
        yield f"{subject} {body} .\n\n"


def iter_ntriples(blocks: Iterable[Block]) -> Iterator[str]:
    """N-Triples text, one chunk per subject; list cells become blank nodes ``_:l1`` …."""
    labels = count(1)
    for subject, po in blocks:
        lines: list[str] = []
        for p, o in po:
            if type(o) is str:
                lines.append(f"{subject} {p.nt} {o} .\n")
            elif isinstance(o, Term):
                lines.append(f"{subject} {p.nt} {o.nt} .\n")
            elif isinstance(o, tuple):
                lines.append(f"{subject} {p.nt} {_nt_list(o, labels, lines)} .\n")
        yield "".join(lines)


def _nt_list(items: tuple[str | Term, ...], labels: Iterator[int], out: list[str]) -> str:
    if not items:
        return RDF_NIL.nt
    nodes = [f"_:l{next(labels)}" for _ in items]
    for i, (node, item) in enumerate(zip(nodes, items, strict=True)):
        first = item.nt if isinstance(item, Term) else item
        rest = nodes[i + 1] if i + 1 < len(nodes) else RDF_NIL.nt
        out.append(f"{node} {RDF_FIRST.nt} {first} .\n{node} {RDF_REST.nt} {rest} .\n")
    return nodes[0]
