"""The lookup index of a vocabulary (private helper of :mod:`govcatalog.vocab`).

Every label of every concept is filed as written and folded (:mod:`govcatalog._vocab_text`),
with the kind of label it is, so that a lookup is one dictionary access; building the index
is also where ambiguous labels (two concepts folding to one key) are refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from govcatalog._vocab_text import fold, is_code_like

if TYPE_CHECKING:
    from govcatalog.vocab import Concept


class MatchKind(StrEnum):
    """Which label of a concept a looked-up text matched."""

    PREF = "pref"
    """The canonical Chinese label, or the English label in any letter case."""
    NOTATION = "notation"
    """The implementation code, e.g. ``"2"`` for 有条件共享."""
    ALT = "alt"
    """Another standard form, e.g. the template form ``字符型C``."""
    HIDDEN = "hidden"
    """A known non-standard form (a hidden label or a "label + code" template variant)."""
    FOLDED = "folded"
    """Matched only after folding width, spaces and ASCII case, e.g. full-width ``Ｃ``."""


_RANK = {MatchKind.PREF: 0, MatchKind.NOTATION: 1, MatchKind.ALT: 2, MatchKind.HIDDEN: 3}


@dataclass(frozen=True, slots=True)
class Hit:
    """A concept and the kind of label a key stands for."""

    concept: Concept
    kind: MatchKind


@dataclass(frozen=True, slots=True)
class Index:
    """The keys a vocabulary's texts are looked up by."""

    exact: Mapping[str, Hit]  # zh prefLabel, notation, altLabel, hiddenLabel as written
    english: Mapping[str, Concept]  # casefolded English prefLabel
    folded: Mapping[str, Hit]  # fold() of every label; kind = best label kind behind the key
    by_iri: Mapping[str, Concept]
    by_code: Mapping[str, Concept]  # folded ASCII notations
    codes: tuple[str, ...]  # keys of by_code, longest first


def _labels_of(concept: Concept) -> Iterable[tuple[str, MatchKind]]:
    yield concept.label_zh, MatchKind.PREF
    yield concept.label_en, MatchKind.PREF
    if concept.notation is not None:
        yield concept.notation, MatchKind.NOTATION
    for label in concept.alt_labels:
        yield label, MatchKind.ALT
    for label in concept.hidden_labels:
        yield label, MatchKind.HIDDEN


def build_index(scheme_id: str, concepts: tuple[Concept, ...]) -> Index:
    """The index of a scheme's concepts; ValueError for a stray, duplicate or ambiguous one."""
    exact: dict[str, Hit] = {}
    english: dict[str, Concept] = {}
    folded: dict[str, Hit] = {}
    by_iri: dict[str, Concept] = {}
    for concept in concepts:
        if concept.scheme_id != scheme_id:
            raise ValueError(f"{concept.iri} belongs to {concept.scheme_id!r}, not {scheme_id!r}")
        if concept.iri in by_iri:
            raise ValueError(f"{scheme_id}: duplicate concept {concept.iri}")
        by_iri[concept.iri] = concept
        english[concept.label_en.casefold()] = concept
        for label, kind in _labels_of(concept):
            key = fold(label)
            if not key:
                raise ValueError(f"{concept.iri}: blank label {label!r}")
            seen = folded.get(key)
            if seen is not None and seen.concept.iri != concept.iri:
                raise ValueError(
                    f"{scheme_id}: {label!r} ({concept.label_zh}) and a label of "
                    f"{seen.concept.label_zh} fold to the same key {key!r}"
                )
            if seen is None or _RANK[kind] < _RANK[seen.kind]:
                folded[key] = Hit(concept, kind)
            if kind is not MatchKind.PREF or label == concept.label_zh:
                known = exact.get(label)
                if known is None or _RANK[kind] < _RANK[known.kind]:
                    exact[label] = Hit(concept, kind)
    by_code = {
        fold(c.notation): c for c in concepts if c.notation is not None and is_code_like(c.notation)
    }
    codes = tuple(sorted(by_code, key=len, reverse=True))
    return Index(exact, english, folded, by_iri, by_code, codes)
