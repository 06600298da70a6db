"""SARIF, CSV and JUnit written as they are made: the pieces, joined, are the whole text, and
that text is ``json.dumps`` of the log built here from the findings (the ``csv`` module's
writing of the rows, ``ElementTree``'s of the tree), one result (row) a piece, a few test
cases a piece."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from itertools import groupby
from unittest.mock import patch
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import _json_text as json_text
from govcatalog._version import __version__
from govcatalog.packs import get_pack
from govcatalog.packs.codebook import Codebook
from govcatalog.render import junit
from govcatalog.render.csv import COLUMNS, csv_pieces, render_csv
from govcatalog.render.dispatch import render_report, report_pieces
from govcatalog.render.junit import junit_pieces, xml_text
from govcatalog.render.sarif import SARIF_SCHEMA, _uri, render_sarif, sarif_log, sarif_pieces
from govcatalog.report import Finding, Lang, Location, Report, Severity, Stats

CODEBOOK = get_pack("gb-1272@^1").codebook
CODES = [*sorted(CODEBOOK)[:6], "GC-X999"]  # the last one no codebook knows
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
HELP = "https://govcatalog.readthedocs.io/reference/finding-codes/#"

_ODD = st.sampled_from(
    ['"', "\\", '甲"乙\\丙', "\x00\x1f\x7f", "\u2028\u2029", "\r\n", "=1+1", "-2", "@a", "\t"]
)
_TEXT = st.text(max_size=12) | _ODD
_MAYBE = st.none() | _TEXT
_FILES = st.sampled_from(
    ["a.json", "目录/市 1.json", "/srv/省.json", "C:\\data\\b.xlsx", 'q"z,1.csv', ""]
)
_LOCATIONS = st.builds(
    Location,
    file=st.none() | _FILES,
    resource=_MAYBE,
    pointer=st.none() | st.just("/信息资源/0/名称") | _TEXT,
    line=st.none() | st.integers(-1, 2) | st.integers(3, 10**6),
    column=st.none() | st.integers(-1, 2) | st.integers(3, 500),
    sheet=_MAYBE,
    cell=st.none() | st.sampled_from(["B7", "AA10"]),
    provider=_MAYBE,
)
_FINDINGS = st.builds(
    Finding,
    code=st.sampled_from(CODES),
    severity=st.sampled_from(list(Severity)),
    message_zh=_TEXT,
    message_en=_TEXT,
    location=_LOCATIONS,
    hint_zh=_TEXT,
    hint_en=_TEXT,
    value=_MAYBE,
    clause=_TEXT,
)
_REPORTS = st.builds(
    lambda findings, truncated, pack: Report.of(findings, Stats(truncated=truncated), pack),
    st.lists(_FINDINGS, max_size=8),
    st.booleans(),
    st.sampled_from(["gb-1272", "", '省"包\n']),
)


def _rule(code: str, codebook: Codebook | None, lang: Lang) -> dict[str, object]:
    rule: dict[str, object] = {"id": code, "helpUri": HELP + code.lower()}
    if codebook is None or code not in codebook:
        return rule
    entry, zh = codebook[code], lang is Lang.ZH
    hint = entry.render({})
    return rule | {
        "name": entry.title_en,
        "shortDescription": {"text": entry.title_zh if zh else entry.title_en},
        "fullDescription": {"text": f"{entry.title_zh} — {entry.title_en}"},
        "help": {"text": hint.hint_zh if zh else hint.hint_en},
        "defaultConfiguration": {"level": LEVEL[entry.severity]},
        "properties": {
            "clause": entry.clause,
            "spec": entry.spec,
            "evidence": entry.evidence.value,
            "tags": ["govcatalog", entry.spec],
        },
    }


def _result(f: Finding, codes: list[str], lang: Lang) -> dict[str, object]:
    loc = f.location
    key = "\x1f".join((f.code, loc.file or "", loc.resource or "", loc.pointer or ""))
    where = f" ({loc.label()})" if loc.sheet else ""
    result: dict[str, object] = {
        "ruleId": f.code,
        "ruleIndex": codes.index(f.code),
        "level": LEVEL[f.severity],
        "message": {"text": f.message(lang) + where},
        "partialFingerprints": {"govcatalog/v1": hashlib.sha256(key.encode()).hexdigest()[:32]},
    }
    location: dict[str, object] = {}
    if loc.file:
        region = {"startLine": loc.line} if loc.line is not None and loc.line >= 1 else {}
        if region and loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        physical = {"artifactLocation": {"uri": _uri(loc.file)}}
        location["physicalLocation"] = physical | ({"region": region} if region else {})
    if loc.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.pointer, "kind": "element"}]
    if location:
        result["locations"] = [location]
    names = ("resource", "provider", "pointer", "sheet", "cell")
    props = {name: getattr(loc, name) for name in names if getattr(loc, name)}
    props |= {k: v for k, v in (("value", f.value), ("clause", f.clause)) if v}
    props |= {"hint": f.hint(lang)} if f.hint(lang) else {}
    return result | ({"properties": props} if props else {})


def _expected(report: Report, lang: Lang, codebook: Codebook | None) -> dict[str, object]:
    codes = sorted({f.code for f in report})
    files = {f.location.file for f in report if f.location.file}
    driver = {
        "name": "govcatalog",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": "https://govcatalog.readthedocs.io",
        "rules": [_rule(code, codebook, lang) for code in codes],
        "properties": {"pack": report.pack},
    }
    run = {
        "tool": {"driver": driver},
        "language": "zh-CN" if lang is Lang.ZH else "en-US",
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri}} for uri in sorted({_uri(f) for f in files})],
        "results": [_result(f, codes, lang) for f in report],
        "invocations": [
            {
                "executionSuccessful": True,
                "properties": {"truncated": report.truncated, "conforms": report.conforms},
            }
        ],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@settings(max_examples=150)
@given(_REPORTS, st.sampled_from(list(Lang)), st.sampled_from([None, CODEBOOK]))
def test_sarif_in_pieces_is_the_log_a_result_a_piece(
    report: Report, lang: Lang, codebook: Codebook | None
) -> None:
    expected = _expected(report, lang, codebook)
    parts = list(sarif_pieces(report, lang, codebook))
    text = "".join(parts)
    assert json.loads(text) == expected
    assert text == json.dumps(expected, ensure_ascii=False)
    assert sarif_log(report, lang, codebook) == expected
    results = expected["runs"][0]["results"]  # type: ignore[index]
    assert len(parts) == len(results) + 2
    for i, (part, result) in enumerate(zip(parts[1:-1], results, strict=True)):
        assert json.loads(part.removeprefix(", ") if i else part) == result


@settings(max_examples=40)
@given(_REPORTS, st.sampled_from(list(Lang)), st.integers(0, 4))
def test_indented_sarif_in_pieces_is_json_dumps(report: Report, lang: Lang, indent: int) -> None:
    expected = _expected(report, lang, CODEBOOK)
    text = render_sarif(report, lang, CODEBOOK, indent=indent)
    assert text == json.dumps(expected, ensure_ascii=False, indent=indent)


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is written after a ``'``."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def _row(f: Finding, lang: Lang) -> list[object]:
    loc = f.location
    values = (f.severity.value, f.code, f.message(lang), f.hint(lang), loc.file, loc.line)
    rest = (loc.column, loc.sheet, loc.cell, loc.resource, loc.provider, loc.pointer)
    return [_cell(v) for v in (*values, *rest, f.value, f.clause)]


@settings(max_examples=100)
@given(_REPORTS, st.sampled_from(list(Lang)))
def test_csv_in_pieces_is_the_rows_a_row_a_piece(report: Report, lang: Lang) -> None:
    rows = [list(COLUMNS), *(_row(f, lang) for f in report)]
    parts = list(csv_pieces(report, lang))
    assert "".join(parts) == _csv_text(rows) == render_csv(report, lang)
    assert len(parts) == len(rows)
    for part, row in zip(parts, rows, strict=True):
        assert part == _csv_text([row])


def _csv_text(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _testcase(f: Finding, lang: Lang, fail_on: Severity) -> ET.Element:
    loc = f.location
    attrib = {
        "name": xml_text(f"{f.code} {loc.pointer or ''}".strip()),
        "classname": xml_text(
            (loc.file or "catalog") + (f".{loc.resource}" if loc.resource else "")
        ),
        "time": "0",
    }
    attrib |= {"file": xml_text(loc.file)} if loc.file else {}
    attrib |= {"line": str(loc.line)} if loc.line is not None else {}
    case = ET.Element("testcase", attrib)
    where = f":{loc.label()}" if loc.label() else ""
    lines = [f"{f.severity.value} {f.code}: {f.message(lang)}"]
    lines.append(f"{loc.file or '-'}{where} {loc.pointer or ''}".rstrip())
    text = xml_text("\n".join(line for line in (*lines, f.hint(lang)) if line))
    if f.severity.at_least(fail_on):
        ET.SubElement(case, "failure", message=xml_text(f.message(lang)), type=f.code).text = text
    else:
        ET.SubElement(case, "system-out").text = text
    return case


def _junit(report: Report, lang: Lang, fail_on: Severity) -> str:
    root = ET.Element("testsuites", name=f"govcatalog {report.pack}".strip())
    ordered = sorted(report, key=lambda f: f.location.file or "")
    for file, group in groupby(ordered, key=lambda f: f.location.file or ""):
        cases = [_testcase(f, lang, fail_on) for f in group]
        fails = sum(case.find("failure") is not None for case in cases)
        suite = ET.SubElement(root, "testsuite", name=xml_text(file) or "catalog")
        suite.extend(cases)
        suite.attrib |= {"tests": str(len(cases)), "failures": str(fails)}
        suite.attrib |= {"errors": "0", "skipped": "0"}
    if not len(root):
        counts = {"tests": "1", "failures": "0", "errors": "0", "skipped": "0"}
        suite = ET.SubElement(root, "testsuite", name="catalog", **counts)
        ET.SubElement(suite, "testcase", name="conforms", classname="govcatalog", time="0")
    if report.truncated:
        props = ET.Element("properties")
        ET.SubElement(props, "property", name="truncated", value="true")
        root[0].insert(0, props)
    failing = sum(f.severity.at_least(fail_on) for f in report)
    root.attrib |= {"tests": str(len(report) or 1), "failures": str(failing), "errors": "0"}
    root.set("time", f"{report.stats.seconds:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


@settings(max_examples=100)
@given(_REPORTS, st.sampled_from(list(Lang)), st.sampled_from(list(Severity)), st.integers(1, 3))
def test_junit_in_pieces_is_the_tree_a_few_cases_a_piece(
    report: Report, lang: Lang, fail_on: Severity, batch: int
) -> None:
    with patch.object(junit, "_BATCH", batch):
        parts = list(junit_pieces(report, lang, fail_on=fail_on))
    text = "".join(parts)
    assert text == _junit(report, lang, fail_on)
    assert ET.fromstring(text.encode("utf-8")).tag == "testsuites"
    held = [part.count("<testcase ") for part in parts]  # "<" in a text is written "&lt;"
    assert sum(held) == (len(report) or 1)  # a clean report: one passing case
    assert max(held) <= batch
    assert sum(1 for n in held if n) >= -(-len(report) // batch)


@settings(max_examples=30)
@given(_REPORTS, st.sampled_from(list(Lang)))
def test_the_formats_written_in_pieces(report: Report, lang: Lang) -> None:
    pack = get_pack("gb-1272@^1")
    expected = {
        "json": json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n",
        "sarif": json.dumps(_expected(report, lang, pack.codebook), ensure_ascii=False) + "\n",
        "csv": _csv_text([list(COLUMNS), *(_row(f, lang) for f in report)]),
        "junit": _junit(report, lang, Severity.ERROR),
    }
    for fmt, text in expected.items():
        parts = list(report_pieces(report, fmt, lang=lang, pack=pack))
        assert "".join(parts) == text == render_report(report, fmt, lang=lang, pack=pack)
        if fmt in ("sarif", "csv"):  # a result, a row a piece
            assert len(parts) >= len(report)
        elif fmt == "json":  # the findings a batch a piece (tests/properties/test_json_text.py)
            assert len(parts) == 3 + -(-len(report) // json_text._BATCH)
