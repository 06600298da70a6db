"""One ``render(result, format)`` for every result type; ``Location.label`` for every renderer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govcatalog import Location, validate
from govcatalog.diff import diff
from govcatalog.errors import UnsupportedFormat
from govcatalog.render import (
    DiffFormat,
    ReportFormat,
    ScoreFormat,
    render,
    render_csv,
    render_json,
)
from govcatalog.report import Lang
from govcatalog.score import assess

EXAMPLES = Path(__file__).parents[2] / "examples"
ERRORS = EXAMPLES / "city-catalog-with-errors.json"


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_every_report_format(fmt: ReportFormat) -> None:
    assert render(validate(ERRORS), fmt.value, lang=Lang.EN).strip()


def test_render_is_the_renderer_of_the_format() -> None:
    report = validate(ERRORS)
    assert render(report, "csv", lang=Lang.EN) == render_csv(report, Lang.EN)
    assert render(report, "json") == render_json(report, Lang.ZH) + "\n"
    assert "GC-" in render(report, "text", lang=Lang.EN)


@pytest.mark.parametrize("fmt", list(DiffFormat))
def test_every_diff_format(fmt: DiffFormat) -> None:
    result = diff(EXAMPLES / "city-catalog.json", ERRORS)
    assert render(result, fmt.value).strip()


@pytest.mark.parametrize("fmt", list(ScoreFormat))
def test_every_score_format(fmt: ScoreFormat) -> None:
    result = assess(ERRORS, today=dt.date(2026, 1, 1))
    assert render(result, fmt.value, lang=Lang.EN).strip()


def test_a_format_the_result_lacks_is_refused() -> None:
    with pytest.raises(UnsupportedFormat, match="supported: text, json, markdown, patch"):
        render(diff(ERRORS, ERRORS), "sarif")
    with pytest.raises(UnsupportedFormat):
        render(object(), "text")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "label"),
    [
        (Location("a.xlsx", None, "/r/0", sheet="目录", cell="C3"), "目录!C3"),
        (Location("a.xlsx", None, "/r/0", sheet="目录"), "目录"),
        (Location("a.json", None, "/r/0", 12, 5), "12:5"),
        (Location("a.json", None, "/r/0", 12), "12"),
        (Location("a.json", None, "/r/0"), ""),
    ],
)
def test_location_label(location: Location, label: str) -> None:
    assert location.label() == label


def test_reports_of_several_files_merge_in_the_library() -> None:
    a, b = validate(ERRORS), validate(EXAMPLES / "city-catalog.json")
    merged = type(a).merged([a, b], "gb-1272@1.0.0")
    assert len(merged) == len(a) + len(b)
    assert merged.stats.files == 2
    cut = type(a).merged([a, b], "gb-1272@1.0.0", limit=3)
    assert len(cut) == 3
    assert cut.truncated
