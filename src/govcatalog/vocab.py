"""Controlled vocabularies of the catalog guide, read from the SKOS files in ``vocab/``.

``vocab/*.ttl`` is the single source of truth for every controlled value: 共享类型, 更新周期,
数据类型 and the rest. This module reads those files (nothing else hard-codes the values) and
answers one question fast: *which concept does this cell of a real catalog mean, and was it
written in the standard form?*

A concept's labels have fixed meanings:

* ``skos:prefLabel@zh`` — the canonical value stored in catalogs (e.g. ``每日``);
* ``skos:notation`` — the implementation code, where one exists (e.g. ``"2"``);
* ``skos:altLabel`` — another standard form, not a defect (e.g. the template form ``字符型C``);
* ``skos:hiddenLabel`` — a non-standard form seen in real catalogs, normalised and reported
  (e.g. ``每天``, ``字符串型C``).

Example:
    >>> from govcatalog.vocab import MatchKind, load_vocabulary
    >>> match = load_vocabulary("update-cycle").lookup("每天")
    >>> match.concept.label_zh, match.kind is MatchKind.HIDDEN, match.is_defect
    ('每日', True, True)

Nothing is read at import time; each file is parsed once, on first use.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from govcatalog._bilingual import Bilingual, glossed, quoted
from govcatalog._vocab_index import Index, MatchKind, build_index
from govcatalog._vocab_text import fold, split_trailing_code
from govcatalog.errors import UnknownVocabulary

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import rdflib

__all__ = [
    "Concept",
    "Evidence",
    "Match",
    "MatchKind",
    "UnknownVocabulary",
    "Vocabulary",
    "load_vocabulary",
    "render_markdown",
    "vocabulary_graph",
    "vocabulary_ids",
]

_ONTOLOGY_FILE = "govcat.ttl"


class Evidence(StrEnum):
    """How sure the project is that a value belongs to the standard."""

    CONFIRMED = "CONFIRMED"
    """Seen in primary or near-primary text."""
    IMPL = "IMPL"
    """Seen only in real-world implementations."""
    UNCONFIRMED = "UNCONFIRMED"
    """From a single weak source (for example a sector-specific derivative of the guide)."""


@dataclass(frozen=True, slots=True)
class Concept:
    """One value of a concept scheme.

    Attributes:
        iri: The concept's IRI, ``https://w3id.org/govcatalog/vocab/<scheme-id>/<slug>``.
        scheme_id: Id of the scheme (and file) the concept belongs to.
        notation: The implementation code, or ``None`` where no source gives one.
        label_zh: The canonical value stored in catalogs.
        label_en: English label.
        alt_labels: Other standard forms (not defects).
        hidden_labels: Non-standard forms that are normalised and reported.
        evidence: Evidence that the value belongs to the standard.
        broader: IRI of the broader concept (possibly in another scheme), or ``None``.
        order: 1-based position in the source's list among concepts with the same broader.
        definition_zh: Chinese definition, where the sources define the value.
        definition_en: English definition, where the sources define the value.
        exact_matches: IRIs of concepts elsewhere with the same meaning.
        close_matches: IRIs of concepts elsewhere with nearly the same meaning.
        notation_evidence: Evidence for the notation (may be weaker than ``evidence``);
            ``None`` when there is no notation.
    """

    iri: str
    scheme_id: str
    notation: str | None
    label_zh: str
    label_en: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    evidence: Evidence
    broader: str | None
    order: int | None
    definition_zh: str | None
    definition_en: str | None
    exact_matches: tuple[str, ...]
    close_matches: tuple[str, ...]
    notation_evidence: Evidence | None = None

    @property
    def term(self) -> Bilingual:
        """The value as a message parameter: ``有条件共享`` in Chinese messages,
        ``"有条件共享" (conditional sharing)`` in English ones."""
        return glossed(self.label_zh, self.label_en)


@dataclass(frozen=True, slots=True)
class Match:
    """The result of :meth:`Vocabulary.lookup`.

    Attributes:
        concept: The concept the text stands for.
        kind: Which label matched.
        given: The text as given.
    """

    concept: Concept
    kind: MatchKind
    given: str

    @property
    def is_defect(self) -> bool:
        """Whether the value was normalised and should be reported (HIDDEN or FOLDED)."""
        return self.kind in (MatchKind.HIDDEN, MatchKind.FOLDED)


@dataclass(frozen=True)
class Vocabulary:
    """One SKOS concept scheme: the values of one element, in the source's order.

    Build one with :func:`load_vocabulary`; a pack narrows it with :meth:`restrict`.
    Constructing a vocabulary whose labels are ambiguous (two concepts sharing a label after
    folding) raises :class:`ValueError`.

    Attributes:
        id: Scheme id, which is also the file name (``update-cycle``).
        iri: The scheme's IRI.
        title_zh: Chinese title (the element name, e.g. 更新周期).
        title_en: English title.
        concepts: All concepts, broader before narrower, each level in the source's order.
    """

    id: str
    iri: str
    title_zh: str
    title_en: str
    concepts: tuple[Concept, ...]
    _index: Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the lookup index once; the vocabulary is immutable afterwards."""
        object.__setattr__(self, "_index", build_index(self.id, self.concepts))

    def lookup(self, text: str) -> Match | None:
        """Find the concept a catalog value stands for.

        Tries, in order: the canonical Chinese label or the English label in any case (PREF);
        the code (NOTATION); the alternative labels (ALT); the hidden labels (HIDDEN). Then it
        folds the text (width, spaces, invisible characters, ASCII case) and tries all labels
        again (FOLDED, or HIDDEN when the folded text is a hidden label). Last, a "label +
        code" template form such as ``字符串型C`` or ``数值型(N)`` is accepted (HIDDEN) when the
        part before the code is a label of the same concept, or is unknown but ends in 型 like
        the concept's own label. A label of one concept with the code of another is ``None``.

        Args:
            text: The value as written in a catalog.

        Returns:
            The match, or ``None`` when the text is not a value of this vocabulary. Never raises
            for any text.
        """
        index = self._index
        hit = index.exact.get(text)
        if hit is not None and hit.kind is MatchKind.PREF:
            return Match(hit.concept, MatchKind.PREF, text)
        english = index.english.get(text.casefold())
        if english is not None:
            return Match(english, MatchKind.PREF, text)
        if hit is not None:
            return Match(hit.concept, hit.kind, text)
        key = fold(text)
        hit = index.folded.get(key)
        if hit is not None:
            kind = MatchKind.HIDDEN if hit.kind is MatchKind.HIDDEN else MatchKind.FOLDED
            return Match(hit.concept, kind, text)
        return self._lookup_template(key, text)

    def _lookup_template(self, key: str, text: str) -> Match | None:
        split = split_trailing_code(key, self._index.codes)
        if split is None:
            return None
        concept = self._index.by_code[split.code]
        rest = self._index.folded.get(split.rest)
        if rest is not None and rest.kind is MatchKind.NOTATION:
            return None  # "22" is no label followed by its code
        if rest is not None:
            same = rest.concept.iri == concept.iri
            return Match(concept, MatchKind.HIDDEN, text) if same else None
        if split.rest.endswith("型") and concept.label_zh.endswith("型"):
            return Match(concept, MatchKind.HIDDEN, text)
        return None

    def labels(self) -> tuple[str, ...]:
        """Return the canonical Chinese labels, in the vocabulary's order."""
        return tuple(c.label_zh for c in self.concepts)

    def term(self, label: str) -> Bilingual:
        """A value as a message parameter: the :attr:`Concept.term` of the concept whose
        canonical label ``label`` is, else ``label`` quoted (a value this vocabulary does not
        list, such as a 项 a local standard names)."""
        found = self._index.exact.get(label)
        if found is not None and found.kind is MatchKind.PREF:
            return found.concept.term
        return quoted(label)

    def concept(self, label_or_notation: str) -> Concept:
        """Return a concept by its canonical label, English label, code or IRI.

        Unlike :meth:`lookup` this accepts only the standard identifying forms.

        Args:
            label_or_notation: Chinese prefLabel, English prefLabel (any case), notation or IRI.

        Raises:
            KeyError: No concept of this vocabulary has that label, code or IRI.
        """
        index = self._index
        hit = index.exact.get(label_or_notation)
        if hit is not None and hit.kind in (MatchKind.PREF, MatchKind.NOTATION):
            return hit.concept
        english = index.english.get(label_or_notation.casefold())
        if english is not None:
            return english
        by_iri = index.by_iri.get(label_or_notation)
        if by_iri is not None:
            return by_iri
        raise KeyError(f"{self.id}: no concept {label_or_notation!r}")

    def top_concepts(self) -> tuple[Concept, ...]:
        """Return the concepts without a broader concept in this vocabulary, in order."""
        by_iri = self._index.by_iri
        return tuple(c for c in self.concepts if c.broader is None or c.broader not in by_iri)

    def narrower(self, concept: Concept | str) -> tuple[Concept, ...]:
        """Return the concepts directly under ``concept``, in order.

        Args:
            concept: A concept, or anything :meth:`concept` accepts.

        Raises:
            KeyError: ``concept`` is a string that names no concept of this vocabulary.
        """
        iri = concept.iri if isinstance(concept, Concept) else self.concept(concept).iri
        return tuple(c for c in self.concepts if c.broader == iri)

    def restrict(
        self, *, include: Collection[str] | None = None, exclude: Collection[str] = ()
    ) -> Vocabulary:
        """Return a narrower vocabulary, e.g. a pack's allowed values.

        Concepts are selected one by one (hierarchy is not followed) and keep their order.

        Args:
            include: Values to keep (labels, codes or IRIs, as :meth:`concept` accepts);
                ``None`` keeps all.
            exclude: Values to drop.

        Raises:
            KeyError: A value in ``include`` or ``exclude`` names no concept of this vocabulary.
        """
        keep = (
            {c.iri for c in self.concepts}
            if include is None
            else {self.concept(value).iri for value in include}
        )
        keep -= {self.concept(value).iri for value in exclude}
        return Vocabulary(
            self.id,
            self.iri,
            self.title_zh,
            self.title_en,
            tuple(c for c in self.concepts if c.iri in keep),
        )

    def with_aliases(self, aliases: Mapping[str, Collection[str]]) -> Vocabulary:
        """Return the vocabulary with more non-standard forms of existing values.

        A pack uses this for the forms real catalogs write (年 for 每年, 即时 for 实时): they
        are read as the value and reported as normalised, like the scheme's hidden labels.

        Args:
            aliases: Value (label, code or IRI, as :meth:`concept` accepts) → extra forms.

        Raises:
            KeyError: A value names no concept of this vocabulary.
            ValueError: A form is already a label of another concept.
        """
        extra: dict[str, list[str]] = {}
        for value, forms in aliases.items():
            extra.setdefault(self.concept(value).iri, []).extend(forms)
        if not extra:
            return self
        concepts = tuple(
            replace(c, hidden_labels=(*c.hidden_labels, *extra[c.iri])) if c.iri in extra else c
            for c in self.concepts
        )
        return Vocabulary(self.id, self.iri, self.title_zh, self.title_en, concepts)


def _vocab_dir() -> Traversable:
    # Read through the package so the files are found in an installed wheel as in the tree.
    return importlib.resources.files("govcatalog") / "_data" / "vocab"


@functools.cache
def vocabulary_ids() -> tuple[str, ...]:
    """Return the ids of all concept schemes (the ``vocab/*.ttl`` files), sorted."""
    names = (entry.name for entry in _vocab_dir().iterdir() if entry.name.endswith(".ttl"))
    return tuple(sorted(name[: -len(".ttl")] for name in names if name != _ONTOLOGY_FILE))


@functools.cache
def load_vocabulary(scheme_id: str) -> Vocabulary:
    """Return the vocabulary of a concept scheme, parsing its file on first use.

    Args:
        scheme_id: Scheme id, e.g. ``"share-type"`` (see :func:`vocabulary_ids`).

    Raises:
        UnknownVocabulary: There is no such scheme.
        ValueError: The file is inconsistent (a missing label, an ambiguous label, …).
    """
    available = vocabulary_ids()
    if scheme_id not in available:
        raise UnknownVocabulary(scheme_id, available)
    # Imported here: the reader imports this module (and rdflib only for a file it must).
    from govcatalog import _vocab_read  # noqa: PLC0415

    return _vocab_read.read_vocabulary(scheme_id)


def vocabulary_graph() -> rdflib.Graph:
    """Return a new graph holding the ontology and every concept scheme.

    The graph is a fresh copy on each call, so callers may change it freely.
    """
    from govcatalog import _vocab_rdf  # noqa: PLC0415 - keeps rdflib out of import time

    names = (_ONTOLOGY_FILE.removesuffix(".ttl"), *vocabulary_ids())
    return _vocab_rdf.merged_graph(names)


def render_markdown() -> str:
    """Render every vocabulary as Markdown tables (the body of ``docs/vocabularies.md``)."""
    from govcatalog import _vocab_render  # noqa: PLC0415 - needed only for documentation

    return _vocab_render.render(tuple(load_vocabulary(i) for i in vocabulary_ids()))
