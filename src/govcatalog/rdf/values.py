"""How an element's value is written: the RDF object of each form, and the DCAT view beside it.

An element's :class:`~govcatalog.rdf.plan.Form` (from its kind in the field table) chooses the
writer once; the writers are lenient — a value that is not what its element expects is written
as a plain literal, so that the SHACL shapes see what the native validator sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Final

from govcatalog.rdf import names as n
from govcatalog.rdf.concepts import BOOL_SCHEME, ConceptIndex, concept_index
from govcatalog.rdf.plan import Form, Leaf
from govcatalog.rdf.terms import Term, date_literal, lang_string, literal, string

Obj = str | Term | tuple["str | Term", ...]
"""An object: a term in N-Triples syntax, a constant term, or an ordered list (rdf:List)."""
Block = tuple[str, list[tuple[Term, Obj]]]
"""One subject (N-Triples syntax) and its predicate–object pairs."""
Po = list[tuple[Term, Obj]]
"""Predicate–object pairs of one subject, as they are written."""
Write = Callable[[object], "Obj | None"]
"""Writes an element's value (None: nothing is written)."""
Derive = Callable[[object, Obj, Po], None]
"""Adds what an element's value implies beside it (value, its object, the pairs)."""


DCAT_VIEW: Final[Mapping[tuple[str, ...], Term]] = {
    ("name",): n.TITLE,
    ("code",): n.IDENTIFIER,
    ("abstract",): n.DESCRIPTION,
    ("update_cycle",): n.PERIODICITY,
    ("publish_date",): n.ISSUED,
}
"""The national elements' DCAT-AP view: element → the DCAT / DCMI property written beside it
(the provider is also ``dcterms:publisher``; the format types are the distribution's formats)."""


def date_view(_value: object, obj: Obj, po: Po) -> None:
    """``dcterms:issued`` beside a date that is one."""
    if isinstance(obj, str) and obj.endswith("#date>"):
        po.append((n.ISSUED, obj))


def text_view(view: Term, lang: str | None, value: object, _obj: Obj, po: Po) -> None:
    """``view`` beside a text, in ``lang`` (a plain string without one)."""
    if isinstance(value, str):
        po.append((view, lang_string(value, lang) if lang else string(value)))


def _codes(value: object) -> Obj | None:
    if isinstance(value, list | tuple) and value:
        return tuple(literal(c) for c in value)
    return None


@dataclass(frozen=True)
class Values:
    """The writers of element values, over the concept schemes."""

    concepts: ConceptIndex = field(default_factory=concept_index)

    def concept(self, scheme: str, value: object) -> str:
        """A concept of ``scheme`` by its label, or the value as a literal."""
        if isinstance(value, str):
            iri = self.concepts.iri_of.get(scheme, {}).get(value)
            if iri is not None:
                return f"<{iri}>"
        return literal(value)

    def yes_no(self, value: object) -> str:
        """是 or 否 as its concept."""
        if value is True:
            return f"<{self.concepts.yes}>"
        if value is False:
            return f"<{self.concepts.no}>"
        return self.concept(BOOL_SCHEME, value)

    def writer(self, leaf: Leaf) -> Write:
        """The function writing one element's value (returning None: nothing is written)."""
        scheme = leaf.scheme or ""
        if leaf.form is Form.CONCEPT:
            return partial(self.concept, scheme)
        if leaf.form is Form.YES_NO:
            return self.yes_no
        if leaf.form is Form.DATE:
            return date_literal
        if leaf.form is Form.CONCEPTS:
            return partial(self.concept_list, scheme)
        if leaf.form is Form.CODES:
            return _codes
        return literal

    def concept_list(self, scheme: str, value: object) -> Obj | None:
        if isinstance(value, list | tuple):
            return tuple(self.concept(scheme, v) for v in value) or None
        return (literal(value),)
