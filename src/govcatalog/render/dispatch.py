"""``render(result, format)``: every result type in every format it has, as text.

The command line and programs alike call this one function; the format enums live here, not
in the command modules. Text output is the plain (uncoloured) text the command line prints.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING

from rich.console import Console

from govcatalog.errors import UnsupportedFormat
from govcatalog.report import Lang, Report, Severity

if TYPE_CHECKING:
    from govcatalog.diff.result import CatalogDiff
    from govcatalog.packs.pack import Pack
    from govcatalog.resolve.resolver import Resolution
    from govcatalog.score.assess import Assessment

# Each branch imports the renderers of its result type when first asked for, so that
# rendering a report never imports the diff, score or resolver renderers.
# ruff: noqa: PLC0415


class ReportFormat(StrEnum):
    """Formats of a validation report."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    HTML = "html"
    CSV = "csv"
    MARKDOWN = "markdown"


class DiffFormat(StrEnum):
    """Formats of a catalog diff."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    PATCH = "patch"


class ScoreFormat(StrEnum):
    """Formats of a quality assessment."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"


class ResolveFormat(StrEnum):
    """Formats of a resolution (``xlsx`` is a file, written by ``resolve.render.write_xlsx``)."""

    TEXT = "text"
    JSON = "json"
    XLSX = "xlsx"


def _console(width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=width, highlight=False, no_color=True), buffer


def render_report(
    report: Report,
    fmt: ReportFormat | str,
    *,
    lang: Lang = Lang.ZH,
    pack: Pack | None = None,
    fail_on: Severity = Severity.ERROR,
    width: int = 120,
) -> str:
    """A validation report as text in ``fmt``.

    Args:
        report: The report.
        fmt: The format.
        lang: The language of messages.
        pack: The pack whose codebook describes the rules (SARIF; default: the report's pack).
        fail_on: The severity that fails a JUnit test case.
        width: Line width of the text format.
    """
    pieces = report_pieces(report, fmt, lang=lang, pack=pack, fail_on=fail_on, width=width)
    return "".join(pieces)


def report_pieces(
    report: Report,
    fmt: ReportFormat | str,
    *,
    lang: Lang = Lang.ZH,
    pack: Pack | None = None,
    fail_on: Severity = Severity.ERROR,
    width: int = 120,
) -> Iterator[str]:
    """The text of :func:`render_report` in pieces, to be written one after the other: SARIF
    and CSV a finding at a time, JSON and JUnit a few hundred, never held whole; the others in
    one piece."""
    the = ReportFormat(fmt)
    if the is ReportFormat.JSON:
        return chain(report.json_pieces(lang), ["\n"])
    if the is ReportFormat.SARIF:
        from govcatalog.packs.registry import get_pack
        from govcatalog.render.sarif import sarif_pieces

        codebook = (pack or get_pack(report.pack)).codebook
        return chain(sarif_pieces(report, lang, codebook), ["\n"])
    if the is ReportFormat.CSV:
        from govcatalog.render.csv import csv_pieces

        return csv_pieces(report, lang)
    if the is ReportFormat.JUNIT:
        from govcatalog.render.junit import junit_pieces

        return junit_pieces(report, lang, fail_on=fail_on)
    return iter([_whole_report(report, the, lang, width)])


def _whole_report(report: Report, the: ReportFormat, lang: Lang, width: int) -> str:
    if the is ReportFormat.TEXT:
        from govcatalog.render.text import render_text

        console, buffer = _console(width)
        render_text(report, console, lang)
        return buffer.getvalue()
    if the is ReportFormat.GITHUB:
        from govcatalog.render.github import render_github

        return render_github(report, lang)
    if the is ReportFormat.HTML:
        from govcatalog.render.html import render_html

        return render_html(report, lang)
    from govcatalog.render.markdown import render_markdown

    return render_markdown(report, lang)


def render_diff(
    result: CatalogDiff, fmt: DiffFormat | str, *, lang: Lang = Lang.ZH, width: int = 120
) -> str:
    """A catalog diff as text in ``fmt``."""
    from govcatalog.diff.render import render_json, render_markdown, render_patch, render_text

    the = DiffFormat(fmt)
    if the is DiffFormat.TEXT:
        console, buffer = _console(width)
        render_text(result, console, lang)
        return buffer.getvalue()
    if the is DiffFormat.JSON:
        return render_json(result, lang) + "\n"
    if the is DiffFormat.MARKDOWN:
        return render_markdown(result)
    return render_patch(result) + "\n"


def render_score(
    result: Assessment, fmt: ScoreFormat | str, *, lang: Lang = Lang.ZH, width: int = 160
) -> str:
    """A quality assessment as text in ``fmt``."""
    from govcatalog.render.html import render_html
    from govcatalog.score.render import assessment_to_dict, render_score_text

    the = ScoreFormat(fmt)
    if the is ScoreFormat.TEXT:
        console, buffer = _console(width)
        render_score_text(result, console, lang)
        return buffer.getvalue()
    if the is ScoreFormat.JSON:
        return json.dumps(assessment_to_dict(result), ensure_ascii=False, indent=2) + "\n"
    return render_html(result.report, lang, score=result)


def render_resolution(result: Resolution, fmt: ResolveFormat | str, *, lang: Lang = Lang.ZH) -> str:
    """A resolution as text in ``fmt`` (``xlsx`` is written to a file, not rendered as text).

    Raises:
        UnsupportedFormat: For ``xlsx``.
    """
    from govcatalog.resolve.render import resolution_to_text

    the = ResolveFormat(fmt)
    if the is ResolveFormat.XLSX:
        raise UnsupportedFormat(the.value, (ResolveFormat.TEXT.value, ResolveFormat.JSON.value))
    if the is ResolveFormat.JSON:
        return json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2)
    return resolution_to_text(result, lang)


def render(
    result: Report | CatalogDiff | Assessment | Resolution,
    fmt: str,
    *,
    lang: Lang = Lang.ZH,
    pack: Pack | None = None,
    fail_on: Severity = Severity.ERROR,
) -> str:
    """Any result as text in ``fmt`` (a value of its type's format enum).

    Raises:
        UnsupportedFormat: For a format the result's type does not have, or an unknown result.
    """
    from govcatalog.diff.result import CatalogDiff
    from govcatalog.resolve.resolver import Resolution
    from govcatalog.score.assess import Assessment

    formats: type[StrEnum]
    if isinstance(result, Report):
        formats = ReportFormat
    elif isinstance(result, CatalogDiff):
        formats = DiffFormat
    elif isinstance(result, Assessment):
        formats = ScoreFormat
    elif isinstance(result, Resolution):
        formats = ResolveFormat
    else:
        names = ("Report", "CatalogDiff", "Assessment", "Resolution")
        raise UnsupportedFormat(type(result).__name__, names)
    if fmt not in {f.value for f in formats}:
        raise UnsupportedFormat(str(fmt), tuple(f.value for f in formats))
    if isinstance(result, Report):
        return render_report(result, fmt, lang=lang, pack=pack, fail_on=fail_on)
    if isinstance(result, CatalogDiff):
        return render_diff(result, fmt, lang=lang)
    if isinstance(result, Assessment):
        return render_score(result, fmt, lang=lang)
    return render_resolution(result, fmt, lang=lang)
