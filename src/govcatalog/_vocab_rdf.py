"""Reading the SKOS files of ``vocab/`` (private helper of :mod:`govcatalog.vocab`).

Imported lazily, on the first :func:`govcatalog.vocab.load_vocabulary` call, so that importing
govcatalog never pays for rdflib. Each file is parsed once; the walk over the graph uses plain
triple patterns (no SPARQL), which keeps a first load in the tens of milliseconds.
"""

from __future__ import annotations

import functools
import sys

import rdflib
from rdflib.namespace import RDF, SKOS

from govcatalog.vocab import Concept, Evidence, Vocabulary, _vocab_dir

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


class _Reader:
    """Walks one parsed scheme file and turns its concepts into :class:`Concept` values."""

    def __init__(self, graph: rdflib.Graph, scheme_id: str) -> None:
        self.graph = graph
        self.scheme_id = scheme_id

    def fail(self, subject: rdflib.term.Node, problem: str) -> ValueError:
        return ValueError(f"vocab/{self.scheme_id}.ttl: {subject}: {problem}")

    def literals(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> list[rdflib.Literal]:
        values = [
            o for o in self.graph.objects(subject, predicate) if isinstance(o, rdflib.Literal)
        ]
        return sorted(values, key=str)

    def label(self, subject: rdflib.term.Node, predicate: rdflib.URIRef, lang: str) -> str | None:
        found = [
            str(o)
            for o in self.literals(subject, predicate)
            if (o.language or "").lower().split("-")[0] == lang
        ]
        if len(found) > 1:
            raise self.fail(subject, f"more than one {predicate} in {lang!r}")
        return found[0] if found else None

    def required_label(self, subject: rdflib.term.Node, lang: str) -> str:
        value = self.label(subject, SKOS.prefLabel, lang)
        if value is None:
            raise self.fail(subject, f"no skos:prefLabel in {lang!r}")
        return value

    def single(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> str | None:
        values = self.literals(subject, predicate)
        if len(values) > 1:
            raise self.fail(subject, f"more than one {predicate}")
        return str(values[0]) if values else None

    def evidence(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> Evidence | None:
        value = self.single(subject, predicate)
        if value is None:
            return None
        try:
            return Evidence(value)
        except ValueError:
            raise self.fail(subject, f"unknown evidence {value!r}") from None

    def iris(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> tuple[str, ...]:
        return tuple(
            sorted(
                str(o)
                for o in self.graph.objects(subject, predicate)
                if isinstance(o, rdflib.URIRef)
            )
        )

    def concept(self, subject: rdflib.URIRef) -> Concept:
        notation = self.single(subject, SKOS.notation)
        evidence = self.evidence(subject, GOVCAT.evidence)
        if evidence is None:
            raise self.fail(subject, "no govcat:evidence")
        notation_evidence = self.evidence(subject, GOVCAT.notationEvidence)
        if notation is None and notation_evidence is not None:
            raise self.fail(subject, "govcat:notationEvidence without skos:notation")
        broader = self.iris(subject, SKOS.broader)
        if len(broader) > 1:
            raise self.fail(subject, "more than one skos:broader")
        order = self.single(subject, GOVCAT.order)
        return Concept(
            iri=str(subject),
            scheme_id=self.scheme_id,
            notation=notation,
            label_zh=self.required_label(subject, "zh"),
            label_en=self.required_label(subject, "en"),
            alt_labels=tuple(str(o) for o in self.literals(subject, SKOS.altLabel)),
            hidden_labels=tuple(str(o) for o in self.literals(subject, SKOS.hiddenLabel)),
            evidence=evidence,
            broader=broader[0] if broader else None,
            order=int(order) if order is not None else None,
            definition_zh=self.label(subject, SKOS.definition, "zh"),
            definition_en=self.label(subject, SKOS.definition, "en"),
            exact_matches=self.iris(subject, SKOS.exactMatch),
            close_matches=self.iris(subject, SKOS.closeMatch),
            notation_evidence=(notation_evidence or evidence) if notation is not None else None,
        )

    def vocabulary(self) -> Vocabulary:
        scheme = rdflib.URIRef(f"{VOCAB_BASE}{self.scheme_id}")
        if (scheme, RDF.type, SKOS.ConceptScheme) not in self.graph:
            raise self.fail(scheme, "the file does not declare this skos:ConceptScheme")
        subjects = {
            s for s in self.graph.subjects(SKOS.inScheme, scheme) if isinstance(s, rdflib.URIRef)
        }
        concepts = [self.concept(s) for s in subjects]
        return Vocabulary(
            id=self.scheme_id,
            iri=str(scheme),
            title_zh=self.required_label(scheme, "zh"),
            title_en=self.required_label(scheme, "en"),
            concepts=_in_order(concepts),
        )


def _in_order(concepts: list[Concept]) -> tuple[Concept, ...]:
    """Sort broader before narrower, each level by govcat:order (then label, for stability)."""
    by_iri = {c.iri: c for c in concepts}

    def path(concept: Concept) -> tuple[tuple[int, str], ...]:
        steps: list[tuple[int, str]] = []
        seen: set[str] = set()
        current: Concept | None = concept
        while current is not None and current.iri not in seen:
            seen.add(current.iri)
            order = current.order if current.order is not None else sys.maxsize
            steps.append((order, current.label_zh))
            current = by_iri.get(current.broader) if current.broader is not None else None
        return tuple(reversed(steps))

    return tuple(sorted(concepts, key=path))


def read_vocabulary(scheme_id: str) -> Vocabulary:
    """Parse ``<scheme_id>.ttl`` and return its vocabulary.

    Raises:
        ValueError: The file is inconsistent (missing or duplicate labels, bad evidence, …).
    """
    return _Reader(_parse(scheme_id), scheme_id).vocabulary()
