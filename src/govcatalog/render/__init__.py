"""Renderings of a :class:`~govcatalog.report.Report` for people and machines."""

from govcatalog.render.json import render_json
from govcatalog.render.text import render_text

__all__ = ["render_json", "render_text"]
