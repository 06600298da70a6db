"""The JSON rendering of a report (``--format json``)."""

from __future__ import annotations

from govcatalog.report import Lang, Report


def render_json(report: Report, lang: Lang = Lang.ZH, *, indent: int | None = 2) -> str:
    """``{"conforms", "pack", "findings": [...], "stats": {...}}`` as text."""
    return report.to_json(lang, indent=indent)
