"""The concept schemes as the RDF mapping needs them: label ↔ IRI, and EU matches."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from govcatalog.vocab import load_vocabulary, vocabulary_ids


@dataclass(frozen=True, slots=True)
class ConceptIndex:
    """Label and IRI look-ups over every concept scheme (the full vocabularies, not a pack's).

    Attributes:
        iri_of: Scheme id → canonical zh label → concept IRI.
        label_of: Concept IRI → canonical zh label.
        scheme_of: Concept IRI → scheme id.
        eu_match: Concept IRI → the EU authority-table IRI it maps to (an exactMatch if
            there is one, else a closeMatch), for concepts that have one.
        yes: IRI of 是 in the yes/no scheme (used for boolean elements).
        no: IRI of 否.
    """

    iri_of: Mapping[str, Mapping[str, str]]
    label_of: Mapping[str, str]
    scheme_of: Mapping[str, str]
    eu_match: Mapping[str, str]
    yes: str
    no: str


BOOL_SCHEME = "open-to-public"
"""The yes/no scheme behind the guide's 是/否 elements."""


@functools.cache
def concept_index() -> ConceptIndex:
    """The index, built once from the shipped vocabularies."""
    iri_of: dict[str, dict[str, str]] = {}
    label_of: dict[str, str] = {}
    scheme_of: dict[str, str] = {}
    eu: dict[str, str] = {}
    for scheme in vocabulary_ids():
        vocab = load_vocabulary(scheme)
        labels: dict[str, str] = {}
        for c in vocab.concepts:
            labels[c.label_zh] = c.iri
            label_of[c.iri] = c.label_zh
            scheme_of[c.iri] = scheme
            match = (c.exact_matches or c.close_matches or (None,))[0]
            if match is not None:
                eu[c.iri] = match
        iri_of[scheme] = labels
    yes_no = load_vocabulary(BOOL_SCHEME)
    yes = next(c.iri for c in yes_no.concepts if c.notation == "1")
    no = next(c.iri for c in yes_no.concepts if c.notation == "0")
    return ConceptIndex(iri_of, label_of, scheme_of, eu, yes, no)
