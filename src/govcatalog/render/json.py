"""The JSON rendering of a report (``--format json``)."""

from __future__ import annotations

import json as _json

from govcatalog.report import Lang, Report


def render_json(report: Report, lang: Lang = Lang.ZH, *, indent: int | None = 2) -> str:
    """``{"conforms", "pack", "findings": [...], "stats": {...}}`` as text."""
    return _json.dumps(report.to_dict(lang), ensure_ascii=False, indent=indent)
