"""The report of input that could not be read at all (GC-S001)."""

from __future__ import annotations

from govcatalog.errors import LoadError
from govcatalog.packs.pack import Pack
from govcatalog.report import Finding, Location, Report, Severity, Stats
from govcatalog.rules.document import unreadable


def unreadable_report(pack: Pack, error: LoadError) -> Report:
    """One GC-S001 error, located where reading stopped, with the reader's own hint."""
    hit = unreadable(error)
    entry = pack.codebook[hit.code]
    msg = entry.render(hit.params, pack.glossary)
    f = Finding(
        hit.code,
        Severity.ERROR,
        msg.message_zh,
        msg.message_en,
        Location(error.source, None, None, error.line, error.column),
        error.hint_zh or msg.hint_zh,
        error.hint_en or msg.hint_en,
        None,
        entry.clause,
    )
    return Report.of([f], Stats(files=1), pack.ref)
