"""SARIF 2.1.0 rendering of a report, for code-scanning views that annotate files in review.

One run, one result per finding. Rules come from the pack's codebook (title, help
text, default level, the clause enforced); locations carry the file, line and
column, and the JSON pointer (or sheet and cell) as a logical location. The text is written
a result at a time (:func:`sarif_pieces`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from govcatalog._json_text import pieces
from govcatalog._version import __version__
from govcatalog.packs.codebook import Codebook
from govcatalog.report import Finding, Lang, Report, Severity

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The schema a SARIF 2.1.0 log names in ``$schema``."""
SARIF_VERSION = "2.1.0"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INFO_URI = "https://govcatalog.readthedocs.io/reference/finding-codes/"


def _uri(file: str) -> str:
    """A URI reference for a file name: relative paths stay relative (to the repository
    root, as code-scanning views expect), absolute ones become ``file:`` URIs."""
    windows = PureWindowsPath(file)
    if windows.drive:
        return "file:///" + quote(windows.as_posix(), safe="/:")
    path = PurePosixPath(file.replace("\\", "/"))
    if path.is_absolute():
        return "file://" + quote(str(path), safe="/")
    return quote(str(path), safe="/")


def _rule(code: str, codebook: Codebook | None, lang: Lang) -> dict[str, object]:
    rule: dict[str, object] = {"id": code, "helpUri": f"{_INFO_URI}#{code.lower()}"}
    if codebook is None or code not in codebook:
        return rule
    entry = codebook[code]
    zh = lang is Lang.ZH
    rule["name"] = entry.title_en
    rule["shortDescription"] = {"text": entry.title_zh if zh else entry.title_en}
    rule["fullDescription"] = {"text": f"{entry.title_zh} — {entry.title_en}"}
    hint = entry.render({})  # the national guide's wording where a hint names the standard
    rule["help"] = {"text": hint.hint_zh if zh else hint.hint_en}
    rule["defaultConfiguration"] = {"level": _LEVEL[entry.severity]}
    rule["properties"] = {
        "clause": entry.clause,
        "spec": entry.spec,
        "evidence": entry.evidence.value,
        "tags": ["govcatalog", entry.spec],
    }
    return rule


def _fingerprint(f: Finding) -> str:
    loc = f.location
    key = "\x1f".join((f.code, loc.file or "", loc.resource or "", loc.pointer or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(f: Finding, rule_index: int, lang: Lang, uris: dict[str, str]) -> dict[str, object]:
    loc = f.location
    text = f.message(lang)
    if loc.sheet:
        text += f" ({loc.label()})"
    result: dict[str, object] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "partialFingerprints": {"govcatalog/v1": _fingerprint(f)},
    }
    location: dict[str, object] = {}
    if loc.file:
        physical: dict[str, object] = {"artifactLocation": {"uri": uris[loc.file]}}
        if loc.line is not None and loc.line >= 1:
            region: dict[str, int] = {"startLine": loc.line}
            if loc.column is not None and loc.column >= 1:
                region["startColumn"] = loc.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if loc.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.pointer, "kind": "element"}]
    if location:
        result["locations"] = [location]
    props: dict[str, object] = {
        k: v
        for k, v in (
            ("resource", loc.resource),
            ("provider", loc.provider),
            ("pointer", loc.pointer),
            ("sheet", loc.sheet),
            ("cell", loc.cell),
            ("value", f.value),
            ("clause", f.clause),
        )
        if v
    }
    if f.hint(lang):
        props["hint"] = f.hint(lang)
    if props:
        result["properties"] = props
    return result


def _invocation(report: Report, lang: Lang) -> dict[str, object]:
    """The run's invocation; the rules it applied, and why, as a note (the report's regime
    line: a CI log shows it beside the results)."""
    properties: dict[str, object] = {"truncated": report.truncated, "conforms": report.conforms}
    invocation: dict[str, object] = {"executionSuccessful": True, "properties": properties}
    regime = report.regime(lang)
    if regime:
        properties["regime"] = regime
        invocation["toolExecutionNotifications"] = [
            {"level": "note", "message": {"text": regime}, "descriptor": {"id": "regime"}}
        ]
    return invocation


def _log(
    report: Report, lang: Lang, codebook: Codebook | None
) -> tuple[dict[str, object], list[dict[str, object]], Iterator[dict[str, object]]]:
    """The log with an empty list in place of the results, that list, and the results."""
    codes = sorted({f.code for f in report.findings})
    index = {code: i for i, code in enumerate(codes)}
    uris = {file: _uri(file) for file in {f.location.file for f in report.findings} if file}
    artifacts = sorted(set(uris.values()))
    results: list[dict[str, object]] = []
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "govcatalog",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://govcatalog.readthedocs.io",
                "rules": [_rule(code, codebook, lang) for code in codes],
                "properties": {"pack": report.pack},
            }
        },
        "language": "zh-CN" if lang is Lang.ZH else "en-US",
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
        "results": results,
        "invocations": [_invocation(report, lang)],
    }
    log: dict[str, object] = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return log, results, (_result(f, index[f.code], lang, uris) for f in report.findings)


def sarif_log(
    report: Report, lang: Lang = Lang.ZH, codebook: Codebook | None = None
) -> dict[str, object]:
    """The SARIF 2.1.0 log of ``report`` as a JSON-ready mapping.

    Args:
        report: The report.
        lang: Language of messages and rule texts.
        codebook: The pack's codebook, for rule titles and help (optional).
    """
    log, place, results = _log(report, lang, codebook)
    place.extend(results)
    return log


def sarif_pieces(
    report: Report,
    lang: Lang = Lang.ZH,
    codebook: Codebook | None = None,
    *,
    indent: int | None = None,
) -> Iterator[str]:
    """The text of :func:`render_sarif` in pieces: the log up to its results, each result,
    the rest, so that a large report is written a result at a time, never held whole."""
    log, _, results = _log(report, lang, codebook)
    return pieces(log, "results", results, indent, level=3)


def render_sarif(
    report: Report,
    lang: Lang = Lang.ZH,
    codebook: Codebook | None = None,
    *,
    indent: int | None = None,
) -> str:
    """The SARIF 2.1.0 log of ``report`` as JSON text (compact unless ``indent`` is given)."""
    return "".join(sarif_pieces(report, lang, codebook, indent=indent))
