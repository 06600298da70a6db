"""How a message names the places of other resources, in each language, from the codebook.

A finding of a catalog-wide rule names the other resources involved (``{others}``: the other
resources of a duplicate code or name), each where it is: a parameter that is an
:class:`~govcatalog._location.Elsewhere`. The pack's ``codebook.toml`` says how in its
``[places]`` table, a template a kind of place and language — a cell of a workbook as the
report locates a finding there (``目录!B7``), a line of a text file, a pointer — so that no
word of either language is written in code::

    [places]
    sheet_zh = "{label}"
    line_zh = "第 {line} 行 {pointer}"
    file_zh = "{file} {place}"
    more_zh = "{places}，另有 {more} 处"
    …

A pack that extends another says places as its parent does unless it has a table of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from govcatalog._location import Elsewhere, Location
from govcatalog.errors import PackError

PLACES = "places"
"""The codebook's table of place templates (no finding code)."""

_AT = ("label", "sheet", "cell", "line", "column", "pointer")
_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "sheet": _AT,  # a place in a workbook
        "line": _AT,  # in a text file
        "pointer": _AT,  # anywhere else (RDF)
        "file": ("file", "place"),  # a place in another file of the catalog
        "separator": (),  # between two places named
        "more": ("places", "more"),  # the places named, then how many are not
    }
)
"""Each template of the table and the parameters it may use."""


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The place templates of a codebook, by kind, in Chinese and in English."""

    zh: Mapping[str, str]
    en: Mapping[str, str]

    def say(self, where: Elsewhere, lang: str) -> str:
        """The places of ``where`` in ``lang`` (``zh`` or ``en``)."""
        words = self.zh if lang == "zh" else self.en
        named = words["separator"].join(_place(words, where, p) for p in where.places)
        if where.more > 0:
            return words["more"].format(places=named, more=where.more)
        return named


def _place(words: Mapping[str, str], where: Elsewhere, place: Location) -> str:
    kind = "sheet" if place.sheet else "line" if place.line is not None else "pointer"
    said = words[kind].format(
        label=place.label(),
        sheet=place.sheet or "",
        cell=place.cell or "",
        line=place.line,
        column=place.column,
        pointer=place.pointer or "",
    )
    if where.elsewhere(place):
        said = words["file"].format(file=place.file, place=said)
    return said


def parse_places(raw: object, *, pack: str, file: str = "codebook.toml") -> PlaceWords:
    """The ``[places]`` table of a codebook.

    Raises:
        PackError: When it is not a table, lacks a template or a template names what its
            kind of place does not have.
    """
    if not isinstance(raw, dict):
        raise PackError(pack, file, f"[{PLACES}]: expected a table")
    said: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    for kind, names in _NAMES.items():
        for lang, words in said.items():
            key = f"{kind}_{lang}"
            template = raw.get(key)
            if not isinstance(template, str):
                raise PackError(pack, file, f"[{PLACES}]: missing {key} (a template)")
            try:
                template.format(**dict.fromkeys(names, ""))
            except (KeyError, IndexError, ValueError) as exc:
                msg = f"[{PLACES}] {key}: {exc!r} (it may name {', '.join(names) or 'nothing'})"
                raise PackError(pack, file, msg) from None
            words[kind] = template
    unknown = sorted(set(raw) - {f"{k}_{lang}" for k in _NAMES for lang in said})
    if unknown:
        raise PackError(pack, file, f"[{PLACES}]: unknown keys {unknown}")
    return PlaceWords(MappingProxyType(said["zh"]), MappingProxyType(said["en"]))
