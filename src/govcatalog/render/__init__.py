"""Renderings of a :class:`~govcatalog.report.Report` for people and machines.

Each rendering is a pure function from a report to text; the command line writes it.
"""

from govcatalog.render.csv import render_csv
from govcatalog.render.github import render_github
from govcatalog.render.html import render_html
from govcatalog.render.json import render_json
from govcatalog.render.junit import render_junit
from govcatalog.render.markdown import render_markdown
from govcatalog.render.sarif import render_sarif
from govcatalog.render.text import render_text

__all__ = [
    "render_csv",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
]
