"""Rich display in notebooks: reports, findings, packs, catalogs and scores show as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from govcatalog import ValidationOptions, load_catalog, validate
from govcatalog.packs import Pack
from govcatalog.render.notebook import MAX_ROWS
from govcatalog.report import Finding, Location, Report, Severity
from govcatalog.score import assess
from tests.conftest import ROOT, TODAY

FIXTURES = ROOT / "tests" / "fixtures" / "reports"


@pytest.fixture(scope="module")
def report(pack: Pack) -> Report:
    return validate(
        FIXTURES / "with-errors.json", pack=pack, options=ValidationOptions(today=TODAY)
    )


def test_report_shows_summaries_by_rule_and_department(report: Report) -> None:
    doc = lxml_html.fromstring(report._repr_html_())
    by_rule = doc.xpath("//table[contains(@class,'gc-by-rule')]/tbody/tr")
    assert [r.findall("td")[0].text_content() for r in by_rule] == list(report.by_code())
    by_dept = doc.xpath("//table[contains(@class,'gc-by-provider')]/tbody/tr")
    assert [r.findall("td")[0].text_content() for r in by_dept] == list(report.by_provider())
    assert len(doc.xpath("//table[@id='gc-nb-findings']/tbody/tr")) == len(report)


def test_long_reports_show_the_first_rows() -> None:
    loc = Location(file="a.json", pointer="/resources/0/name")
    many = Report.of([Finding("GC-F001", Severity.ERROR, "缺", "missing", loc)] * (MAX_ROWS + 5))
    doc = lxml_html.fromstring(many._repr_html_())
    assert len(doc.xpath("//table[@id='gc-nb-findings']/tbody/tr")) == MAX_ROWS
    assert "5 more" in doc.text_content()


def test_finding_shows_both_languages(report: Report) -> None:
    f = report.findings[0]
    text = lxml_html.fromstring(f._repr_html_()).text_content()
    assert f.code in text
    assert f.message_zh in text
    assert f.message_en in text
    assert str(f.location.line) in text


def test_pack_shows_its_identity(pack: Pack) -> None:
    text = lxml_html.fromstring(pack._repr_html_()).text_content()
    assert pack.ref in text
    assert pack.title_zh in text
    assert str(len(pack.codebook)) in text


def test_catalog_shows_resources_by_department(pack: Pack) -> None:
    catalog = load_catalog(FIXTURES / "with-errors.json", pack=pack)
    doc = lxml_html.fromstring(catalog._repr_html_())
    text = doc.text_content()
    for r in catalog.resources:
        assert r.code is not None
        assert r.code in text
    providers = {r.provider for r in catalog.resources}
    assert all(p in text for p in providers if p)


def test_assessment_shows_catalog_and_departments(pack: Pack, tmp_path: Path) -> None:
    a = assess(FIXTURES / "with-errors.json", pack=pack, today=TODAY)
    doc = lxml_html.fromstring(a._repr_html_())
    rows = doc.xpath("//table[contains(@class,'gc-score')]/tbody/tr")
    assert len(rows) == 1 + len(a.departments)
    assert [float(r.get("data-points")) for r in rows] == [a.catalog.points] + [
        d.points for d in a.departments
    ]
