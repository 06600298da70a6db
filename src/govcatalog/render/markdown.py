"""Markdown rendering of a report (GitHub-flavoured tables), for reviews and job summaries."""

from __future__ import annotations

from govcatalog.render._words import SEVERITY_LABEL, WORDS, rule_rows, where
from govcatalog.report import Lang, Report, Severity

_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def _cell(text: object) -> str:
    """Text safe inside a table cell: pipes escaped, line breaks as <br>."""
    if text is None:
        return ""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("&lt;br&gt;", "<br>")
    )


def render_markdown(report: Report, lang: Lang = Lang.ZH, *, max_rows: int | None = None) -> str:
    """The report as Markdown: verdict, counts, summaries by rule and by department, findings.

    Args:
        report: The report.
        lang: Language of messages and headings.
        max_rows: List at most this many findings (None: all); summaries count all.
    """
    w = WORDS[lang]
    labels = SEVERITY_LABEL[lang]
    counts = report.counts()
    stats = report.stats
    verdict = w["conforms"] if report.conforms else w["fails"]
    out = [
        f"## {w['title']}",
        "",
        f"**{report.pack or '-'}: {verdict}** — "
        f"{stats.files} {w['files']}, {stats.resources} {w['resources']}, "
        f"{stats.items} {w['items']}; "
        + ", ".join(f"{_ICON[s]} {labels[s]} {counts[s]}" for s in Severity),
        "",
    ]
    if report.truncated:
        out += [f"> {w['truncated'].format(n=len(report))}", ""]
    if not report.findings:
        out.append(w["none"])
        return "\n".join(out) + "\n"
    out += _summaries(report, lang)
    out += [
        f"### {w['findings']}",
        "",
        f"| {w['severity']} | {w['code']} | {w['message']} | {w['where']} | {w['resource']} |",
        "|---|---|---|---|---|",
    ]
    shown = report.findings if max_rows is None else report.findings[:max_rows]
    for i, f in enumerate(shown):
        loc = f.location
        place = f"`{_cell(where(report, i))}`" + (f" `{_cell(loc.pointer)}`" if loc.pointer else "")
        out.append(
            f"| {_ICON[f.severity]} {labels[f.severity]} | {f.code} | {_cell(f.message(lang))} "
            f"| {place} | {_cell(loc.resource)} |"
        )
    if len(shown) < len(report.findings):
        out += ["", f"> {w['truncated'].format(n=len(shown))}"]
    return "\n".join(out) + "\n"


def _summaries(report: Report, lang: Lang) -> list[str]:
    """The counts by rule and by department, each a table."""
    w, labels = WORDS[lang], SEVERITY_LABEL[lang]
    out = [
        f"### {w['by_rule']}",
        "",
        f"| {w['code']} | {w['severity']} | {w['count']} |",
        "|---|---|--:|",
    ]
    out += [f"| {code} | {_ICON[sev]} {labels[sev]} | {n} |" for code, sev, n in rule_rows(report)]
    out += ["", f"### {w['by_provider']}", ""]
    out.append(f"| {w['provider']} | " + " | ".join(labels[s] for s in Severity) + " |")
    out.append("|---|" + "--:|" * len(Severity))
    for name, per in report.by_provider().items():
        out.append(
            f"| {_cell(name or w['unknown_provider'])} | "
            + " | ".join(str(per[s]) for s in Severity)
            + " |"
        )
    out.append("")
    return out
