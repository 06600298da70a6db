"""Reading the SKOS files of ``vocab/`` into vocabularies (private helper of
:mod:`govcatalog.vocab`).

A file is read by the small Turtle reader of :mod:`govcatalog._vocab_ttl`; one it does not
read is parsed by rdflib (:mod:`govcatalog._vocab_rdf`), imported only then. The walk over
the triples is the same either way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from govcatalog._vocab_ttl import RDF_TYPE, Iri, Lit, Term, _UnsupportedTurtle, parse
from govcatalog.vocab import Concept, Evidence, Vocabulary, _vocab_dir

GOVCAT = "https://w3id.org/govcatalog/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOCAB_BASE = "https://w3id.org/govcatalog/vocab/"


def triples(name: str) -> list[tuple[str, str, Term]]:
    """The triples of ``vocab/<name>.ttl``."""
    text = (_vocab_dir() / f"{name}.ttl").read_text(encoding="utf-8")
    try:
        return parse(text)
    except _UnsupportedTurtle:
        from govcatalog import _vocab_rdf  # noqa: PLC0415 - rdflib only for what needs it

        return _vocab_rdf.triples(name)


class _Reader:
    """Walks one scheme file's triples and turns its concepts into :class:`Concept` values."""

    def __init__(self, found: Iterable[tuple[str, str, Term]], scheme_id: str) -> None:
        self.scheme_id = scheme_id
        self.objects: dict[tuple[str, str], dict[Term, None]] = {}
        for s, p, o in found:  # a set of triples, as a graph holds them, in order
            self.objects.setdefault((s, p), {})[o] = None

    def fail(self, subject: str, problem: str) -> ValueError:
        return ValueError(f"vocab/{self.scheme_id}.ttl: {subject}: {problem}")

    def literals(self, subject: str, predicate: str) -> list[Lit]:
        values = [o for o in self.objects.get((subject, predicate), ()) if isinstance(o, Lit)]
        return sorted(values, key=lambda o: o.text)

    def label(self, subject: str, predicate: str, lang: str) -> str | None:
        found = [
            o.text
            for o in self.literals(subject, predicate)
            if (o.language or "").lower().split("-")[0] == lang
        ]
        if len(found) > 1:
            raise self.fail(subject, f"more than one {predicate} in {lang!r}")
        return found[0] if found else None

    def required_label(self, subject: str, lang: str) -> str:
        value = self.label(subject, SKOS + "prefLabel", lang)
        if value is None:
            raise self.fail(subject, f"no skos:prefLabel in {lang!r}")
        return value

    def single(self, subject: str, predicate: str) -> str | None:
        values = self.literals(subject, predicate)
        if len(values) > 1:
            raise self.fail(subject, f"more than one {predicate}")
        return values[0].text if values else None

    def evidence(self, subject: str, predicate: str) -> Evidence | None:
        value = self.single(subject, predicate)
        if value is None:
            return None
        try:
            return Evidence(value)
        except ValueError:
            raise self.fail(subject, f"unknown evidence {value!r}") from None

    def iris(self, subject: str, predicate: str) -> tuple[str, ...]:
        found = self.objects.get((subject, predicate), ())
        return tuple(sorted(str(o) for o in found if isinstance(o, Iri)))

    def concept(self, subject: str) -> Concept:
        notation = self.single(subject, SKOS + "notation")
        evidence = self.evidence(subject, GOVCAT + "evidence")
        if evidence is None:
            raise self.fail(subject, "no govcat:evidence")
        notation_evidence = self.evidence(subject, GOVCAT + "notationEvidence")
        if notation is None and notation_evidence is not None:
            raise self.fail(subject, "govcat:notationEvidence without skos:notation")
        broader = self.iris(subject, SKOS + "broader")
        if len(broader) > 1:
            raise self.fail(subject, "more than one skos:broader")
        order = self.single(subject, GOVCAT + "order")
        return Concept(
            iri=subject,
            scheme_id=self.scheme_id,
            notation=notation,
            label_zh=self.required_label(subject, "zh"),
            label_en=self.required_label(subject, "en"),
            alt_labels=tuple(o.text for o in self.literals(subject, SKOS + "altLabel")),
            hidden_labels=tuple(o.text for o in self.literals(subject, SKOS + "hiddenLabel")),
            evidence=evidence,
            broader=broader[0] if broader else None,
            order=int(order) if order is not None else None,
            definition_zh=self.label(subject, SKOS + "definition", "zh"),
            definition_en=self.label(subject, SKOS + "definition", "en"),
            exact_matches=self.iris(subject, SKOS + "exactMatch"),
            close_matches=self.iris(subject, SKOS + "closeMatch"),
            notation_evidence=(notation_evidence or evidence) if notation is not None else None,
        )

    def vocabulary(self) -> Vocabulary:
        scheme = f"{VOCAB_BASE}{self.scheme_id}"
        if Iri(SKOS + "ConceptScheme") not in self.objects.get((scheme, RDF_TYPE), ()):
            raise self.fail(scheme, "the file does not declare this skos:ConceptScheme")
        in_scheme = SKOS + "inScheme"
        subjects = {s for (s, p), objs in self.objects.items() if p == in_scheme and scheme in objs}
        concepts = [self.concept(s) for s in subjects]
        return Vocabulary(
            id=self.scheme_id,
            iri=scheme,
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
    """Read ``<scheme_id>.ttl`` and return its vocabulary.

    Raises:
        ValueError: The file is inconsistent (missing or duplicate labels, bad evidence, …).
    """
    return _Reader(triples(scheme_id), scheme_id).vocabulary()
