"""CSV rendering of a report: one row per finding, for spreadsheets and data tools."""

from __future__ import annotations

import csv as _csv
import io

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


def render_csv(report: Report, lang: Lang = Lang.ZH) -> str:
    """The findings as CSV text (RFC 4180, CRLF line ends, a header row)."""
    buf = io.StringIO()
    writer = _csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for f in report.findings:
        writer.writerow(finding_row(f, lang))
    return buf.getvalue()
