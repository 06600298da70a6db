"""Which rendering a client asked for: ``?format=`` first, else the ``Accept`` header."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from govcatalog.service.problems import Problem


class ReportFormat(StrEnum):
    """Renderings of a validation report over HTTP."""

    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    HTML = "html"
    CSV = "csv"
    MARKDOWN = "markdown"


REPORT_MEDIA: Mapping[ReportFormat, str] = {
    ReportFormat.JSON: "application/json",
    ReportFormat.SARIF: "application/sarif+json",
    ReportFormat.JUNIT: "application/junit+xml",
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.CSV: "text/csv; charset=utf-8",
    ReportFormat.MARKDOWN: "text/markdown; charset=utf-8",
}
"""The media type each rendering is answered with."""

_ACCEPTED: Mapping[str, ReportFormat] = {
    "application/json": ReportFormat.JSON,
    "application/sarif+json": ReportFormat.SARIF,
    "application/junit+xml": ReportFormat.JUNIT,
    "application/xml": ReportFormat.JUNIT,
    "text/xml": ReportFormat.JUNIT,
    "text/html": ReportFormat.HTML,
    "text/csv": ReportFormat.CSV,
    "text/markdown": ReportFormat.MARKDOWN,
}


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
    chosen = choose(given, accept, _ACCEPTED, ReportFormat.JSON)
    return ReportFormat(chosen)
