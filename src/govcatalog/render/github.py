"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=F,line=L,col=C,title=CODE::message`` lines make the Actions runner
annotate the catalog file in the pull request. Errors become ``error``, warnings
``warning`` and infos ``notice``.
"""

from __future__ import annotations

from govcatalog.report import Finding, Lang, Report, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# Line breaks other than CR and LF that some readers split on: folded to a space.
_OTHER_BREAKS = str.maketrans(dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR and LF), as the runner expects."""
    return (
        text.translate(_OTHER_BREAKS).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    )


def escape_property(text: str) -> str:
    """Escape a command property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _line(f: Finding, lang: Lang) -> str:
    loc = f.location
    props: list[tuple[str, str]] = []
    if loc.file:
        props.append(("file", loc.file))
    if loc.line is not None:
        props.append(("line", str(loc.line)))
        if loc.column is not None:
            props.append(("col", str(loc.column)))
    props.append(("title", f"{f.code} {loc.pointer or ''}".strip()))
    where = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    message = f.message(lang)
    if loc.sheet:
        message += f" ({loc.label()})"
    hint = f.hint(lang)
    if hint:
        message += f"\n{hint}"
    return f"::{_COMMAND[f.severity]} {where}::{escape_data(message)}"


def render_github(report: Report, lang: Lang = Lang.ZH) -> str:
    """The report as GitHub Actions annotation commands, one per line."""
    lines = [_line(f, lang) for f in report.findings]
    if report.truncated:
        lines.append(
            "::warning title=govcatalog::"
            + escape_data(
                f"只列出了前 {len(report)} 条问题。"
                if lang is Lang.ZH
                else f"Only the first {len(report)} findings are listed."
            )
        )
    return "\n".join(lines) + ("\n" if lines else "")
