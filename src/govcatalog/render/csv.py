"""CSV rendering of a report: one row per finding, for spreadsheets and data tools, written a
row at a time (:func:`csv_pieces`)."""

from __future__ import annotations

import csv as _csv
from collections.abc import Iterator

from govcatalog.report import Finding, Lang, Report

COLUMNS = (
    "severity",
    "code",
    "message",
    "hint",
    "file",
    "line",
    "column",
    "sheet",
    "cell",
    "resource",
    "provider",
    "pointer",
    "value",
    "clause",
)
"""The header row, in order."""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guarded(value: object) -> object:
    """Text a spreadsheet would run as a formula, prefixed with ``'`` so it stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def finding_row(f: Finding, lang: Lang = Lang.ZH) -> dict[str, object]:
    """One finding as a flat row keyed by :data:`COLUMNS`."""
    loc = f.location
    return {
        "severity": f.severity.value,
        "code": f.code,
        "message": f.message(lang),
        "hint": f.hint(lang),
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "sheet": loc.sheet,
        "cell": loc.cell,
        "resource": loc.resource,
        "provider": loc.provider,
        "pointer": loc.pointer,
        "value": f.value,
        "clause": f.clause,
    }


class _Lines:
    """Where the CSV writer puts a row: kept until taken (the writer writes a row at once)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.write = self.lines.append

    def take(self) -> str:
        text = "".join(self.lines)
        self.lines.clear()
        return text


def csv_pieces(
    report: Report, lang: Lang = Lang.ZH, *, guard_formulas: bool = True
) -> Iterator[str]:
    """The text of :func:`render_csv` in pieces: the header row, then a row per finding."""
    out = _Lines()
    writer = _csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield out.take()
    for f in report.findings:
        row = finding_row(f, lang)
        if guard_formulas:
            row = {k: _guarded(v) for k, v in row.items()}
        writer.writerow(row)
        yield out.take()


def render_csv(report: Report, lang: Lang = Lang.ZH, *, guard_formulas: bool = True) -> str:
    """The findings as CSV text (RFC 4180, CRLF line ends, a header row).

    Args:
        report: The report.
        lang: Language of messages and hints.
        guard_formulas: Prefix text that starts like a spreadsheet formula (``=``, ``+``,
            ``-``, ``@``) with ``'``: catalog values are untrusted, and a spreadsheet
            would otherwise run them.
    """
    return "".join(csv_pieces(report, lang, guard_formulas=guard_formulas))
