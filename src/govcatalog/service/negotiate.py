"""Which rendering a client asked for: ``?format=`` first, else the ``Accept`` header.

The renderings are the library's format enums (:mod:`govcatalog.render.dispatch`); this
module only says which media type each is answered with.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from govcatalog.render.dispatch import DiffFormat, ReportFormat, ScoreFormat
from govcatalog.service.problems import Problem

F = TypeVar("F", bound=StrEnum)


_TEXT = "text/plain; charset=utf-8"

REPORT_MEDIA: Mapping[ReportFormat, str] = {
    ReportFormat.TEXT: _TEXT,
    ReportFormat.JSON: "application/json",
    ReportFormat.SARIF: "application/sarif+json",
    ReportFormat.JUNIT: "application/junit+xml",
    ReportFormat.GITHUB: _TEXT,
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.CSV: "text/csv; charset=utf-8",
    ReportFormat.MARKDOWN: "text/markdown; charset=utf-8",
}
"""The media type each rendering of a report is answered with (every library format)."""

DIFF_MEDIA: Mapping[DiffFormat, str] = {
    DiffFormat.TEXT: _TEXT,
    DiffFormat.JSON: "application/json",
    DiffFormat.MARKDOWN: "text/markdown; charset=utf-8",
    DiffFormat.PATCH: "application/json-patch+json",
}
"""The media type of each rendering of a diff."""

SCORE_MEDIA: Mapping[ScoreFormat, str] = {
    ScoreFormat.TEXT: _TEXT,
    ScoreFormat.JSON: "application/json",
    ScoreFormat.HTML: "text/html; charset=utf-8",
}
"""The media type of each rendering of a score."""


def _offered(media: Mapping[F, str], default: F) -> dict[str, F]:
    """``Accept`` media types to renderings: each rendering's own media type; the first
    rendering of a media type wins, the default first."""
    offered = {media[default].split(";")[0]: default}
    for fmt, kind in media.items():
        offered.setdefault(kind.split(";")[0], fmt)
    return offered


_REPORT_ACCEPTED: Mapping[str, ReportFormat] = {
    **_offered(REPORT_MEDIA, ReportFormat.JSON),
    "application/xml": ReportFormat.JUNIT,
    "text/xml": ReportFormat.JUNIT,
}
_DIFF_ACCEPTED = _offered(DIFF_MEDIA, DiffFormat.JSON)
_SCORE_ACCEPTED = _offered(SCORE_MEDIA, ScoreFormat.JSON)


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    out: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            out.append((-quality, position, media))
    return sorted(out)


def choose(
    given: StrEnum | None,
    accept: str | None,
    offered: Mapping[str, StrEnum],
    default: StrEnum,
) -> StrEnum:
    """The rendering: ``given`` (``?format=``), else the best ``Accept`` match, else ``default``.

    Raises:
        Problem: 406 when ``Accept`` names only media types not offered.
    """
    if given is not None:
        return given
    if not accept:
        return default
    for _, _, media in _ranges(accept):
        if media in ("*/*", "application/*"):
            return default
        if media in offered:
            return offered[media]
    raise Problem(
        406,
        "not-acceptable",
        f"cannot answer {accept!r}; offered: {', '.join(offered)} (or ?format=)",
    )


def report_format(given: ReportFormat | None, accept: str | None) -> ReportFormat:
    """The rendering of a validation report."""
    return ReportFormat(choose(given, accept, _REPORT_ACCEPTED, ReportFormat.JSON))


def diff_format(given: DiffFormat | None, accept: str | None) -> DiffFormat:
    """The rendering of a diff."""
    return DiffFormat(choose(given, accept, _DIFF_ACCEPTED, DiffFormat.JSON))


def score_format(given: ScoreFormat | None, accept: str | None) -> ScoreFormat:
    """The rendering of a score."""
    return ScoreFormat(choose(given, accept, _SCORE_ACCEPTED, ScoreFormat.JSON))
