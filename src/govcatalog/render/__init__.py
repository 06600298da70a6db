"""Renderings of a :class:`~govcatalog.report.Report` for people and machines.

Each rendering is a pure function from a report to text; the command line writes it. The
renderers are imported when first named, so that importing govcatalog stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govcatalog.render.csv import render_csv
    from govcatalog.render.dispatch import (
        DiffFormat,
        ReportFormat,
        ResolveFormat,
        ScoreFormat,
        render,
        render_diff,
        render_report,
        render_resolution,
        render_score,
    )
    from govcatalog.render.github import render_github
    from govcatalog.render.html import render_html
    from govcatalog.render.json import render_json
    from govcatalog.render.junit import render_junit
    from govcatalog.render.markdown import render_markdown
    from govcatalog.render.sarif import render_sarif
    from govcatalog.render.text import render_text

_DISPATCH = frozenset(
    {
        "DiffFormat",
        "ReportFormat",
        "ResolveFormat",
        "ScoreFormat",
        "render",
        "render_diff",
        "render_report",
        "render_resolution",
        "render_score",
    }
)

__all__ = [
    "DiffFormat",
    "ReportFormat",
    "ResolveFormat",
    "ScoreFormat",
    "render",
    "render_csv",
    "render_diff",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_report",
    "render_resolution",
    "render_sarif",
    "render_score",
    "render_text",
]


def __getattr__(name: str) -> object:
    if name in _DISPATCH:
        return getattr(importlib.import_module("govcatalog.render.dispatch"), name)
    if name in __all__:
        return getattr(importlib.import_module(f"govcatalog.render.{name[7:]}"), name)
    msg = f"module 'govcatalog.render' has no attribute {name!r}"
    raise AttributeError(msg)
