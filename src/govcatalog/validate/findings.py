"""Findings of one pack: which codes are on and at what severity, how each is worded and where.

A rule says what is wrong as a :class:`~govcatalog.records.hits.Hit` (a code, a pointer into
the canonical record, the message's parameters). :class:`FindingMaker` turns it into a
:class:`~govcatalog.report.Finding`: the codes switched off by the pack or the options are
dropped, the message is rendered in Chinese and English, and the pointer is taken back to
where the value was written (line, column, sheet and cell).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govcatalog._location import shown
from govcatalog.io._jsonlocator import JsonLocator
from govcatalog.io._jsonpos import existing_part
from govcatalog.io.records import RawRecord, locate_all
from govcatalog.io.sheet_cells import sheet_cell
from govcatalog.packs.codebook import MessageMemo
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import Coerced
from govcatalog.records.fast_json import ByteSpanLocator
from govcatalog.records.hits import Hit
from govcatalog.report import Finding, Location, Severity
from govcatalog.validate.options import EVIDENCE_RANK, ValidationOptions

_JSON_LOCATORS = (ByteSpanLocator, JsonLocator)
"""Locators of JSON text, which a pointer past the decoded record would send searching."""


def severities(pack: Pack, options: ValidationOptions) -> dict[str, Severity]:
    """The severity of every code that is on (selected, not ignored, sure enough)."""
    min_rank = EVIDENCE_RANK[options.min_evidence]
    found: dict[str, Severity] = {}
    for code in pack.codebook:
        entry = pack.codebook[code]
        if code in pack.ignore or code in options.ignore:
            continue
        if options.select is not None and code not in options.select:
            continue
        if EVIDENCE_RANK[entry.evidence] < min_rank:
            continue
        found[code] = options.severity.get(code, entry.severity)
    return found


class FindingMaker:
    """Makes the findings of one pack under one set of options."""

    def __init__(self, pack: Pack, options: ValidationOptions) -> None:
        self.codebook = pack.codebook
        self.severity = severities(pack, options)
        self._messages = MessageMemo(pack.glossary, pack.codebook.places)

    def finding(self, hit: Hit, location: Location) -> Finding | None:
        """The finding for a hit, or None when its code is switched off."""
        severity = self.severity.get(hit.code)
        if severity is None:
            return None
        entry = self.codebook[hit.code]
        value = None if hit.value is None else shown(hit.value)
        msg = self._messages.render(entry, {**hit.params, "value": value or ""})
        return Finding(
            code=hit.code,
            severity=severity,
            message_zh=msg.message_zh,
            message_en=msg.message_en,
            hint_zh=msg.hint_zh,
            hint_en=msg.hint_en,
            location=location,
            value=value,
            clause=entry.clause,
        )

    @staticmethod
    def _places(raw: RawRecord, rels: list[str]) -> list[tuple[int | None, int | None]]:
        """Line and column of each pointer into the record, found together (a record with
        thousands of findings is read once for all, not once for each)."""
        locator = raw.locator
        data = raw.data
        if data is not None and isinstance(locator, _JSON_LOCATORS):
            # the record as decoded says how far the pointer goes: no search for the rest
            return locate_all(locator, [existing_part(data, rel) for rel in rels])
        return locate_all(locator, rels)

    def emit(
        self,
        hits: Iterable[Hit],
        raw: RawRecord,
        coerced: Coerced | None,
        file: str,
        resource: str | None,
        *,
        provider: str | None = None,
    ) -> Iterator[Finding]:
        """The findings of a resource's hits (those whose code is on)."""
        on = [hit for hit in hits if hit.code in self.severity]
        if not on:
            return
        rels = [coerced.at(hit) for hit in on] if coerced else [h.pointer for h in on]
        for hit, rel, (line, column) in zip(on, rels, self._places(raw, rels), strict=True):
            sheet, cell = sheet_cell(raw.sheet, raw.cells, rel)
            where = Location(file, resource, raw.pointer + rel, line, column, sheet, cell, provider)
            f = self.finding(hit, where)
            if f is not None:
                yield f
