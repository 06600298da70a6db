"""The codebook: every finding code a pack can emit, declared once.

Each entry carries the code's default severity, bilingual title, message and hint
templates, the spec clause it enforces and how sure we are of it. Messages are
``str.format`` templates filled with the parameters a rule supplies. A parameter that is a
:class:`~govcatalog._bilingual.Bilingual` (a vocabulary value) is said in each language as such;
``{term[…][…]}`` and ``{element[…]}`` name a value or an element of the pack
(:mod:`govcatalog.packs.glossary`); one that is an :class:`~govcatalog._location.Elsewhere` (the
other resources of a duplicate) is said by the codebook's ``[places]`` templates
(:mod:`govcatalog.packs.places`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from govcatalog._bilingual import Bilingual
from govcatalog._location import Elsewhere, shown, visible
from govcatalog._quick_init import quick_init
from govcatalog.errors import PackError
from govcatalog.packs.glossary import SHARED, Glossary
from govcatalog.packs.places import PLACES, PlaceWords, parse_places
from govcatalog.report import VALUE_LIMIT, Severity, clip
from govcatalog.vocab import Evidence


class _Params(dict[str, object]):
    """Template parameters; an absent key renders as ``{key}`` instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_DEFAULTS: Mapping[str, str] = MappingProxyType(
    {"standard_zh": "编制指南", "standard_en": "the guide"}
)
"""Parameters every message may use: the standard asking for an element (the national guide
unless a local pack declared it)."""

_EN_LIMIT = 2 * VALUE_LIMIT
"""Most characters of a parameter in an English message: a value echoed from the input is cut
to ``VALUE_LIMIT`` in Chinese, and its English text adds a label to each value it quotes."""


def _said(
    params: Mapping[str, object], places: PlaceWords | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """The parameters' text in Chinese and in English: values echoed from the input with
    unseen characters written out, then cut to length (a bilingual one's English longer);
    places said by ``places`` (without words where the codebook has none)."""
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    for key, value in params.items():
        if type(value) is Bilingual:
            zh[key] = clip(visible(value.zh))
            en[key] = clip(visible(value.en), _EN_LIMIT)
        elif type(value) is Elsewhere and places is not None:
            zh[key] = clip(visible(places.say(value, "zh")))
            en[key] = clip(visible(places.say(value, "en")), _EN_LIMIT)
        else:
            zh[key] = en[key] = clip(visible(shown(value)))
    return zh, en


def _key(value: object) -> str | None:
    """A parameter's text for :class:`MessageMemo`: both languages of a bilingual one; None
    for places (the places of other resources differ from one finding to the next)."""
    if type(value) is Bilingual:
        return f"{value.zh}\x00{value.en}"
    return None if type(value) is Elsewhere else shown(value)


@quick_init
@dataclass(frozen=True, slots=True)
class RenderedMessage:
    """A codebook message filled in for one finding."""

    message_zh: str
    message_en: str
    hint_zh: str
    hint_en: str


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One finding code.

    Attributes:
        code: The stable code, e.g. ``GC-R002``.
        severity: Default severity (a pack or the caller may override it).
        title_zh: Short title in Chinese.
        title_en: Short title in English.
        message_zh: Message template in Chinese.
        message_en: Message template in English.
        hint_zh: How to fix it, in Chinese.
        hint_en: How to fix it, in English.
        clause: The clause of the guide or law the rule enforces.
        spec: The rule of the domain reference (R1–R12) or section.
        evidence: How sure we are that the source says so.
    """

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    hint_zh: str
    hint_en: str
    clause: str
    spec: str
    evidence: Evidence

    def render(
        self,
        params: Mapping[str, object],
        glossary: Glossary = SHARED,
        places: PlaceWords | None = None,
    ) -> RenderedMessage:
        """Fill the templates with ``params``, and the values and elements they name from
        ``glossary`` (the shared vocabularies unless the pack's is given); places with the
        codebook's ``places``."""
        said_zh, said_en = _said(params, places)
        zh = _Params({**glossary.names("zh"), **_DEFAULTS, **said_zh})
        en = _Params({**glossary.names("en"), **_DEFAULTS, **said_en})
        return RenderedMessage(
            self.message_zh.format_map(zh),
            self.message_en.format_map(en),
            self.hint_zh.format_map(zh),
            self.hint_en.format_map(en),
        )


_REMEMBERED = 20_000
"""Rendered messages a :class:`MessageMemo` keeps (then it starts afresh)."""


class MessageMemo:
    """Renders findings' messages, remembering them by code and parameters as written.

    A catalog repeats its mistakes: the same bad value of 更新周期, the same missing element,
    in thousands of resources. A message depends only on its entry and on each parameter's
    text, so the text is the key and the four templates are filled once per distinct message
    (a message naming the places of other resources is not remembered: it is never the same
    twice). One memo serves one codebook (an entry is known by its code, places are said by its
    ``places``) and one glossary.
    """

    __slots__ = ("_glossary", "_known", "_places")

    def __init__(self, glossary: Glossary = SHARED, places: PlaceWords | None = None) -> None:
        self._glossary = glossary
        self._places = places
        self._known: dict[tuple[str, tuple[str, ...], tuple[str | None, ...]], RenderedMessage] = {}

    def render(self, entry: CodeEntry, params: Mapping[str, object]) -> RenderedMessage:
        """``entry.render(params, glossary, places)``, remembered."""
        # the parameters' names, then their text: what the templates are filled with
        texts = tuple(map(_key, params.values()))
        if None in texts:
            return entry.render(params, self._glossary, self._places)
        key = (entry.code, tuple(params), texts)
        known = self._known.get(key)
        if known is None:
            known = entry.render(params, self._glossary, self._places)
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            self._known[key] = known
        return known


@dataclass(frozen=True)
class Codebook:
    """An immutable mapping of finding codes to their entries.

    Attributes:
        entries: The entries by code.
        places: How messages name the places of other resources (the ``[places]`` table),
            None when the codebook does not say it.
    """

    entries: Mapping[str, CodeEntry]
    places: PlaceWords | None = None

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def __getitem__(self, code: str) -> CodeEntry:
        return self.entries[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def with_severities(self, overrides: Mapping[str, Severity]) -> Codebook:
        """A new codebook with the given severities; unknown codes raise KeyError."""
        entries = dict(self.entries)
        for code, sev in overrides.items():
            entries[code] = replace(entries[code], severity=sev)
        return Codebook(MappingProxyType(entries), self.places)

    def merged(self, other: Codebook, *, pack: str) -> Codebook:
        """This codebook plus ``other``'s codes (and its places, if it says them); redefining an
        existing code is an error."""
        clash = sorted(set(self.entries) & set(other.entries))
        if clash:
            raise PackError(pack, "codebook.toml", f"redefines inherited codes: {', '.join(clash)}")
        entries = MappingProxyType({**self.entries, **other.entries})
        return Codebook(entries, other.places or self.places)


_FIELDS = ("title_zh", "title_en", "message_zh", "message_en", "hint_zh", "hint_en")


def parse_codebook(text: str, *, pack: str, file: str = "codebook.toml") -> Codebook:
    """Parse a codebook TOML document.

    Raises:
        PackError: On a syntax error or a malformed entry.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc)) from None
    places = parse_places(data.pop(PLACES), pack=pack, file=file) if PLACES in data else None
    entries: dict[str, CodeEntry] = {}
    for code, raw in data.items():
        if not isinstance(raw, dict):
            raise PackError(pack, file, f"{code}: expected a table")
        missing = [k for k in (*_FIELDS, "severity") if k not in raw]
        if missing:
            raise PackError(pack, file, f"{code}: missing {', '.join(missing)}")
        try:
            severity = Severity(raw["severity"])
            evidence = Evidence(raw.get("evidence", "UNCONFIRMED"))
        except ValueError as exc:
            raise PackError(pack, file, f"{code}: {exc}") from None
        entries[code] = CodeEntry(
            code=code,
            severity=severity,
            clause=str(raw.get("clause", "")),
            spec=str(raw.get("spec", "")),
            evidence=evidence,
            **{k: str(raw[k]) for k in _FIELDS},
        )
    return Codebook(MappingProxyType(dict(sorted(entries.items()))), places)
