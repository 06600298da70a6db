"""JUnit XML rendering of a report, for CI systems that show test results.

One ``<testsuite>`` per input file and one ``<testcase>`` per finding: findings at or
above the failure threshold are ``<failure>``s (type = the finding code), findings
below it are passing cases whose message is kept in ``<system-out>``. A report
without findings gives one passing case, so the suite is never empty.
"""

from __future__ import annotations

import re
from itertools import groupby
from xml.etree import ElementTree as ET

from govcatalog.report import Finding, Lang, Report, Severity

# Characters XML 1.0 does not allow; a catalog value may carry them into a message.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _where(f: Finding) -> str:
    return f.location.label()


def _case(suite: ET.Element, f: Finding, lang: Lang, fail_on: Severity) -> bool:
    loc = f.location
    name = xml_text(f"{f.code} {loc.pointer or ''}".strip())
    classname = xml_text((loc.file or "catalog") + (f".{loc.resource}" if loc.resource else ""))
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")
    if loc.file:
        case.set("file", xml_text(loc.file))
    if loc.line is not None:
        case.set("line", str(loc.line))
    where = _where(f)
    detail = "\n".join(
        part
        for part in (
            f"{f.severity.value} {f.code}: {f.message(lang)}",
            f"{loc.file or '-'}{':' + where if where else ''} {loc.pointer or ''}".rstrip(),
            f.hint(lang),
        )
        if part
    )
    if f.severity.at_least(fail_on):
        failure = ET.SubElement(case, "failure", message=xml_text(f.message(lang)), type=f.code)
        failure.text = xml_text(detail)
        return True
    out = ET.SubElement(case, "system-out")
    out.text = xml_text(detail)
    return False


def render_junit(
    report: Report, lang: Lang = Lang.ZH, *, fail_on: Severity = Severity.ERROR
) -> str:
    """The report as JUnit XML text.

    Args:
        report: The report.
        lang: Language of messages.
        fail_on: Findings at or above this severity are failures.
    """
    root = ET.Element("testsuites", name=f"govcatalog {report.pack}".strip())
    total = failures = 0
    findings = sorted(report.findings, key=lambda f: f.location.file or "")
    for file, group in groupby(findings, key=lambda f: f.location.file or ""):
        suite = ET.SubElement(root, "testsuite", name=xml_text(file) or "catalog")
        cases = fails = 0
        for f in group:
            cases += 1
            fails += _case(suite, f, lang, fail_on)
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failures += fails
    if not report.findings:
        suite = ET.SubElement(
            root, "testsuite", name="catalog", tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(suite, "testcase", name="conforms", classname="govcatalog", time="0")
        total = 1
    if report.truncated:
        props = ET.Element("properties")
        ET.SubElement(props, "property", name="truncated", value="true")
        first = root.find("testsuite")
        if first is not None:
            first.insert(0, props)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", f"{report.stats.seconds:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
