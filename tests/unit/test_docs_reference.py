"""Generated reference pages equal what the code generates; the score page states the model."""

from __future__ import annotations

import re

import pytest

from govcatalog.docgen import (
    CLI_PAGE,
    FINDING_CODES_PAGE,
    LICENCE_PAGE,
    cli_markdown,
    finding_codes_markdown,
    licence_types_markdown,
)
from govcatalog.packs import Pack, get_pack
from govcatalog.report import Severity
from govcatalog.score import Dimension, load_score_model
from tests.conftest import ROOT

DOCS = ROOT / "docs"
REGENERATE = "run `python -m govcatalog.docgen` and commit the result"


def test_finding_code_reference_is_up_to_date() -> None:
    committed = (DOCS / FINDING_CODES_PAGE).read_text(encoding="utf-8")
    assert committed == finding_codes_markdown(), REGENERATE


def test_cli_reference_is_up_to_date() -> None:
    committed = (DOCS / CLI_PAGE).read_text(encoding="utf-8")
    assert committed == cli_markdown(), REGENERATE


def test_licence_type_reference_is_up_to_date() -> None:
    committed = (DOCS / LICENCE_PAGE).read_text(encoding="utf-8")
    assert committed == licence_types_markdown(), REGENERATE
    assert "| 105003/000001 | 营业执照 |" in committed


def test_every_code_has_its_section(pack: Pack) -> None:
    page = finding_codes_markdown()
    headings = set(re.findall(r"^### (GC-[A-Z]\d{3})$", page, flags=re.MULTILINE))
    regulation = get_pack("sharing-2025@^1").codebook
    # The national pack's codes, and the codes the regulation's pack adds (GC-L…).
    assert headings == set(pack.codebook) | set(regulation)
    for code in pack.codebook:
        entry = pack.codebook[code]
        section = page.split(f"### {code}\n", 1)[1].split("\n### ", 1)[0]
        assert entry.title_zh in section
        assert entry.message_en in section
        assert f"`{entry.severity.value}`" in section


def test_cli_reference_names_every_option() -> None:
    page = cli_markdown()
    for option in ("--max-findings", "--severity", "--output", "--config", "--fail-under"):
        assert option in page
    for fmt in ("sarif", "junit", "github", "html", "csv", "markdown"):
        assert fmt in page


def _table(page: str, heading: str) -> list[list[str]]:
    section = page.split(heading, 1)[1]
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def test_score_page_states_the_national_model(pack: Pack) -> None:
    model = load_score_model(pack)
    page = (DOCS / "score.md").read_text(encoding="utf-8")
    weights = {row[0]: float(row[2]) for row in _table(page, "## Dimensions and weights")}
    assert weights == {d.value: model.weights[d] for d in Dimension}
    grades = [(row[0], row[1], float(row[2])) for row in _table(page, "## Grades")]
    assert grades == [(g.en, g.zh, g.min) for g in model.grades]
    pen = model.penalty
    assert f"loses {pen[Severity.ERROR]} per error, {pen[Severity.WARNING]} per warning" in page
    (line,) = [ln for ln in page.splitlines() if ln.startswith("Cycle lengths:")]
    stated: dict[str, int] = {}
    for part in line.removeprefix("Cycle lengths:").rstrip(".").split(","):
        # "实时 and 每日 1 day" or "每周 7": the cycles named, then their length in days
        *names, days = re.findall(r"[\u4e00-\u9fff]+|\d+", part)
        stated.update(dict.fromkeys(names, int(days)))
    assert stated == dict(model.cycle_days)
    assert f"{model.grace_days} days" in page


@pytest.mark.parametrize(
    "page", ["index.md", "reports.md", "score.md", "guides/index.md", "guides/editors.md"]
)
def test_pages_in_the_nav(page: str) -> None:
    assert f" {page}" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
