"""JUnit XML rendering of a report, for CI systems that show test results.

One ``<testsuite>`` per input file and one ``<testcase>`` per finding: findings at or
above the failure threshold are ``<failure>``s (type = the finding code), findings
below it are passing cases whose message is kept in ``<system-out>``. A report
without findings gives one passing case, so the suite is never empty. The text is written a
few hundred test cases at a time (:func:`junit_pieces`), as ``ET.indent`` and ``ET.tostring``
would write the whole tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, groupby, islice
from xml.etree import ElementTree as ET

from govcatalog.report import Finding, Lang, Report, Severity

# Characters XML 1.0 does not allow; a catalog value may carry them into a message.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _where(f: Finding) -> str:
    return f.location.label()


def _case(f: Finding, lang: Lang, fail_on: Severity) -> ET.Element:
    loc = f.location
    name = xml_text(f"{f.code} {loc.pointer or ''}".strip())
    classname = xml_text((loc.file or "catalog") + (f".{loc.resource}" if loc.resource else ""))
    case = ET.Element("testcase", name=name, classname=classname, time="0")
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
    else:
        ET.SubElement(case, "system-out").text = xml_text(detail)
    return case


def _start(tag: str, attrib: dict[str, str]) -> str:
    """The start tag of an element, its attributes escaped as ``ET.tostring`` escapes them."""
    return ET.tostring(ET.Element(tag, attrib), encoding="unicode").removesuffix(" />") + ">"


_BATCH = 256
"""Test cases serialised together: one at a time, ``ET.tostring``'s own work per call would
cost more than the whole tree's did."""


def _suite(name: str, tests: int, failures: int, children: Iterable[ET.Element]) -> Iterator[str]:
    """A ``<testsuite>`` as ``ET.indent`` and ``ET.tostring`` write it, a few children at a
    time (in a stand-in element whose tags are cut off)."""
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    yield "\n  " + _start("testsuite", {"name": name, **counts})
    it = iter(children)
    while batch := list(islice(it, _BATCH)):
        holder = ET.Element("_")
        holder.extend(batch)
        ET.indent(holder, "  ", level=1)
        text = ET.tostring(holder, encoding="unicode")
        yield text.removeprefix("<_>").removesuffix("\n  </_>")
    yield "\n  </testsuite>"


def junit_pieces(
    report: Report, lang: Lang = Lang.ZH, *, fail_on: Severity = Severity.ERROR
) -> Iterator[str]:
    """The text of :func:`render_junit` in pieces: the start tags, then the test cases a few
    hundred at a time, the tree never held whole."""
    findings = sorted(report.findings, key=lambda f: f.location.file or "")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield _start(
        "testsuites",
        {
            "name": f"govcatalog {report.pack}".strip(),
            "tests": str(len(findings) or 1),
            "failures": str(sum(f.severity.at_least(fail_on) for f in findings)),
            "errors": "0",
            "time": f"{report.stats.seconds:.3f}",
        },
    )
    # A cut report says so in its first suite.
    props: list[ET.Element] = []
    if report.truncated:
        props.append(ET.Element("properties"))
        ET.SubElement(props[0], "property", name="truncated", value="true")
    if not findings:
        conforms = ET.Element("testcase", name="conforms", classname="govcatalog", time="0")
        yield from _suite("catalog", 1, 0, [*props, conforms])
    for file, group in groupby(findings, key=lambda f: f.location.file or ""):
        cases = list(group)
        fails = sum(f.severity.at_least(fail_on) for f in cases)
        made = (_case(f, lang, fail_on) for f in cases)
        yield from _suite(xml_text(file) or "catalog", len(cases), fails, chain(props, made))
        props = []
    yield "\n</testsuites>\n"


def render_junit(
    report: Report, lang: Lang = Lang.ZH, *, fail_on: Severity = Severity.ERROR
) -> str:
    """The report as JUnit XML text.

    Args:
        report: The report.
        lang: Language of messages.
        fail_on: Findings at or above this severity are failures.
    """
    return "".join(junit_pieces(report, lang, fail_on=fail_on))
