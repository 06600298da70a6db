"""The vocabulary values and elements a codebook template names, said from the pack's own data.

A template that names a fixed value or element does not write its English out: it names the
value in its vocabulary, ``{term[share-type][有条件共享]}``, or the element by its id,
``{element[share.share_condition]}`` (``str.format`` item syntax). Rendered, the Chinese text is
the label (``有条件共享``, ``共享条件``) and the English text quotes the value with the English
label of ``vocab/`` (``"有条件共享" (conditional sharing)``) or names the element as the field
table does (``Share condition (共享条件)``): one source for each, whatever the message.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from govcatalog._bilingual import Bilingual, named
from govcatalog.errors import UnknownVocabulary
from govcatalog.packs.fields import FieldTable
from govcatalog.vocab import Vocabulary, load_vocabulary

TERM = "term"
"""The template name of the vocabulary values: ``{term[<scheme>][<canonical label>]}``."""
ELEMENT = "element"
"""The template name of the elements: ``{element[<field id>]}``."""


@dataclass(frozen=True)
class Glossary:
    """What a pack's templates may name: its vocabularies' values and its elements.

    Attributes:
        vocabulary: The pack's vocabulary by scheme id (KeyError or UnknownVocabulary when it
            has none).
        fields: The pack's field table, or None where no pack is at hand.
    """

    vocabulary: Callable[[str], Vocabulary]
    fields: FieldTable | None = None
    _names: dict[str, dict[str, object]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def of(cls, vocabularies: Mapping[str, Vocabulary], fields: FieldTable) -> Glossary:
        """The glossary of a pack's vocabularies and field table."""
        return cls(vocabularies.__getitem__, fields)

    def term(self, scheme: str, label: str) -> Bilingual:
        """The value of ``scheme`` whose canonical label is ``label``.

        Raises:
            KeyError: The pack has no such vocabulary or the vocabulary no such value.
        """
        try:
            vocab = self.vocabulary(scheme)
        except UnknownVocabulary:
            raise KeyError(scheme) from None
        concept = vocab.concept(label)
        if concept.label_zh != label:
            raise KeyError(
                f"{scheme}: {label!r} is not a canonical label (write {concept.label_zh})"
            )
        return concept.term

    def element(self, field_id: str) -> Bilingual:
        """The element ``field_id`` by name.

        Raises:
            KeyError: There is no field table or no such field in it.
        """
        if self.fields is None:
            raise KeyError(field_id)
        spec = self.fields.get(field_id)
        return named(spec.zh, spec.en)

    def names(self, lang: str) -> dict[str, object]:
        """The template names ``term`` and ``element`` for the messages of ``lang`` (made once
        a language)."""
        made = self._names.get(lang)
        if made is None:
            made = self._names[lang] = {TERM: _Terms(self, lang), ELEMENT: _Elements(self, lang)}
        return made


SHARED = Glossary(load_vocabulary)
"""The glossary of the shared vocabularies, for a template rendered without its pack."""


def _said(value: Bilingual, lang: str) -> str:
    return value.zh if lang == "zh" else value.en


class _Terms:
    """``term``: ``term[scheme]`` is a :class:`_Scheme`."""

    __slots__ = ("_glossary", "_lang")

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self._glossary, self._lang = glossary, lang

    def __getitem__(self, scheme: str) -> _Scheme:
        return _Scheme(self._glossary, self._lang, scheme)


class _Scheme:
    """``term[scheme]``: ``term[scheme][label]`` is the value said in one language."""

    __slots__ = ("_glossary", "_lang", "_scheme")

    def __init__(self, glossary: Glossary, lang: str, scheme: str) -> None:
        self._glossary, self._lang, self._scheme = glossary, lang, scheme

    def __getitem__(self, label: str) -> str:
        try:
            return _said(self._glossary.term(self._scheme, label), self._lang)
        except KeyError:  # a pack is checked when it loads (references): never a traceback here
            return f"{{{TERM}[{self._scheme}][{label}]}}"


class _Elements:
    """``element``: ``element[field id]`` is the element's name said in one language."""

    __slots__ = ("_glossary", "_lang")

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self._glossary, self._lang = glossary, lang

    def __getitem__(self, field_id: str) -> str:
        try:
            return _said(self._glossary.element(field_id), self._lang)
        except KeyError:
            return f"{{{ELEMENT}[{field_id}]}}"


def references(template: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The ``term`` and ``element`` references of a template: (name, keys), e.g.
    ``("term", ("share-type", "有条件共享"))``. Other fields are not returned."""
    for _, field_name, _, _ in string.Formatter().parse(template):
        if not field_name:
            continue
        head, *keys = field_name.replace("]", "").split("[")
        if head in (TERM, ELEMENT):
            yield head, tuple(keys)


def unresolved(template: str, glossary: Glossary) -> list[str]:
    """The references of ``template`` that ``glossary`` cannot say, as written."""
    missing: list[str] = []
    for name, keys in references(template):
        try:
            if name == TERM and len(keys) == 2:
                glossary.term(*keys)
            elif name == ELEMENT and len(keys) == 1:
                glossary.element(*keys)
            else:
                raise KeyError(keys)
        except KeyError:
            missing.append(name + "".join(f"[{k}]" for k in keys))
    return missing
