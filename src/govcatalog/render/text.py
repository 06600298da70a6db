"""The text rendering of a report: findings grouped by file and resource, then a summary."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from govcatalog.io.shape import INFO_KEYS
from govcatalog.render._words import SEVERITY_LABEL
from govcatalog.report import Finding, Lang, Report, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORDS = {
    Lang.ZH: {
        "resource": "信息资源",
        "facts": "目录信息",
        "document": "目录整体",
        "hint": "建议",
        "summary": "共检查 {files} 个文件、{resources} 条信息资源、{items} 个信息项：",
        "ok": "未发现问题。",
        "conforms": "符合",
        "fails": "不符合",
        "truncated": "问题过多，只列出了前 {n} 条（--max-findings）。",
    },
    Lang.EN: {
        "resource": "resource",
        "facts": "catalog facts",
        "document": "catalog as a whole",
        "hint": "hint",
        "summary": "Checked {files} file(s), {resources} resources, {items} data items:",
        "ok": "no findings.",
        "conforms": "conforms",
        "fails": "does not conform",
        "truncated": "Too many findings: only the first {n} are listed (--max-findings).",
    },
}


def _where(f: Finding) -> str:
    loc = f.location
    label = loc.label()
    return f"{loc.file or '-'}:{label}" if label else loc.file or "-"


def _group_key(f: Finding) -> tuple[str, str, bool]:
    """(file, the resource's pointer, True): the path up to the resource's index, wherever the
    document keeps its resources (``/resources/0``, ``/data/records/0``, a bare list's ``/0``);
    (file, the member, False) for the catalog facts (``/catalog``, ``/目录信息``), which are no
    resource; (file, "", False) for the catalog as a whole."""
    pointer = f.location.pointer or ""
    parts = pointer.split("/")
    if len(parts) > 1 and parts[1] in INFO_KEYS:
        return (f.location.file or "", "/" + parts[1], False)
    index = next((i for i, part in enumerate(parts[1:], 1) if part.isdigit()), None)
    if index is not None:
        return (f.location.file or "", "/".join(parts[: index + 1]), True)
    head = "/".join(parts[:3]) if pointer.count("/") >= 2 else ""
    return (f.location.file or "", head, bool(head))


def render_text(
    report: Report, console: Console, lang: Lang = Lang.ZH, *, hints: bool = True
) -> None:
    """Print the report to ``console``, grouped by file and resource."""
    words = _WORDS[lang]
    labels = SEVERITY_LABEL[lang]
    for (file, head, in_resource), group in groupby(report.findings, key=_group_key):
        findings = list(group)
        code = next((f.location.resource for f in findings if f.location.resource), None)
        title = Text()
        title.append(file or "-", style="bold")
        if in_resource:
            title.append(f"  {words['resource']} {head}")
            if code:
                title.append(f"  [{code}]", style="bold")
        elif head:  # the catalog facts: no resource of the catalog
            title.append(f"  {words['facts']} {head}")
        else:
            title.append(f"  {words['document']}")
        console.print(title)
        for f in findings:
            line = Text("  ")
            line.append(f"{labels[f.severity]:<8}", style=_STYLE[f.severity])
            line.append(f"{f.code}  ", style="dim")
            line.append(f.message(lang))
            where = " ".join(p for p in (_where(f), f.location.pointer) if p)
            line.append(f"  ({where})", style="dim")
            console.print(line)
            if hints and f.hint(lang) and f.severity is not Severity.INFO:
                console.print(f"         [dim]{words['hint']}: {escape(f.hint(lang))}[/dim]")
    counts = report.counts()
    stats = report.stats
    summary = Text(
        words["summary"].format(files=stats.files, resources=stats.resources, items=stats.items)
        + " "
    )
    if not report.findings:
        summary.append(words["ok"], style="green")
    else:
        summary.append("  ".join(f"{labels[s]} {counts[s]}" for s in Severity), style="bold")
    console.print(summary)
    if report.truncated:
        console.print(Text(words["truncated"].format(n=len(report)), style="yellow"))
    if report.regime(lang):
        console.print(Text(report.regime(lang), style="dim"))
    verdict = words["conforms"] if report.conforms else words["fails"]
    console.print(Text(f"{report.pack}: {verdict}", style="green" if report.conforms else "red"))
