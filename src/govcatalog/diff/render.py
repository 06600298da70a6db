"""Renderings of a diff: text (grouped, coloured), JSON, bilingual Markdown, JSON Patch."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape

from govcatalog._json_text import indented
from govcatalog.diff.impact import Impact, change_catalogue
from govcatalog.diff.result import CatalogDiff, Change
from govcatalog.report import Lang

_STYLE = {Impact.BREAKING: "bold red", Impact.COMPATIBLE: "green", Impact.EDITORIAL: "dim"}
_HEADING = {
    Impact.BREAKING: ("破坏性变更", "Breaking changes"),
    Impact.COMPATIBLE: ("兼容性变更", "Compatible changes"),
    Impact.EDITORIAL: ("编辑性变更", "Editorial changes"),
}
_ORDER = (Impact.BREAKING, Impact.COMPATIBLE, Impact.EDITORIAL)


def _by_impact(result: CatalogDiff, impact: Impact) -> list[Change]:
    return [c for c in result.changes if c.impact is impact]


def _subject(change: Change, lang: Lang) -> str:
    ref = change.resource
    if ref is None:
        return "目录" if lang is Lang.ZH else "catalog"
    return f"{ref.code} {ref.name}".strip()


def _summary(result: CatalogDiff, lang: Lang) -> str:
    counts = {i: result.count(i) for i in _ORDER}
    waived = sum(1 for c in result.changes if c.waived)
    if lang is Lang.ZH:
        text = (
            f"破坏性 {counts[Impact.BREAKING]}，兼容 {counts[Impact.COMPATIBLE]}，"
            f"编辑 {counts[Impact.EDITORIAL]}"
        )
        return text + (f"（另有 {waived} 项已豁免）" if waived else "")
    text = (
        f"{counts[Impact.BREAKING]} breaking, {counts[Impact.COMPATIBLE]} compatible, "
        f"{counts[Impact.EDITORIAL]} editorial"
    )
    return text + (f" ({waived} more waived)" if waived else "")


def render_text(result: CatalogDiff, console: Console, lang: Lang = Lang.ZH) -> None:
    """Print the changes grouped by impact, then by resource, with colours."""
    console.print(f"[bold]{escape(result.old_label)} → {escape(result.new_label)}[/bold]")
    if not result.changes:
        console.print("没有变更。" if lang is Lang.ZH else "No changes.")
        return
    for impact in _ORDER:
        changes = _by_impact(result, impact)
        if not changes:
            continue
        zh, en = _HEADING[impact]
        console.print(f"\n[{_STYLE[impact]}]{zh if lang is Lang.ZH else en} ({len(changes)})[/]")
        for subject, group in groupby(changes, key=lambda c: _subject(c, lang)):
            console.print(f"  [bold]{escape(subject)}[/bold]")
            for c in group:
                mark = " [dim](waived)[/dim]" if c.waived else ""
                item = f" [{escape(c.item.name)}]" if c.item else ""
                console.print(
                    f"    [{_STYLE[impact]}]{c.code}[/] {escape(c.title(lang))}{escape(item)}{mark}"
                )
                console.print(f"      {escape(c.reason(lang, result.names))}")
    console.print("\n" + _summary(result, lang))


def to_json_dict(result: CatalogDiff, lang: Lang = Lang.ZH) -> dict[str, object]:
    """The diff as a JSON-ready dict: summary and one object per change."""
    changes = []
    for c in result.changes:
        ref = c.resource
        changes.append(
            {
                "code": c.code,
                "kind": c.kind.value,
                "impact": c.impact.value,
                "resource": None
                if ref is None
                else {
                    "old_code": ref.old_code,
                    "new_code": ref.new_code,
                    "old_name": ref.old_name,
                    "new_name": ref.new_name,
                },
                "item": None
                if c.item is None
                else {
                    "old_name": c.item.old_name,
                    "new_name": c.item.new_name,
                    "old_index": c.item.old_index,
                    "new_index": c.item.new_index,
                },
                "field": c.field,
                "old": list(c.old) if isinstance(c.old, tuple) else c.old,
                "new": list(c.new) if isinstance(c.new, tuple) else c.new,
                "waived": c.waived,
                "title": c.title(lang),
                "reason": c.reason(lang, result.names),
            }
        )
    summary = {i.value: result.count(i) for i in _ORDER}
    summary["waived"] = sum(1 for c in result.changes if c.waived)
    return {
        "old": result.old_label,
        "new": result.new_label,
        "summary": summary,
        "changes": changes,
    }


def render_json(result: CatalogDiff, lang: Lang = Lang.ZH) -> str:
    """The diff as JSON text."""
    return indented(to_json_dict(result, lang), 2)  # json.dumps(..., indent=2)'s text, faster


def render_patch(result: CatalogDiff) -> str:
    """The RFC 6902 JSON Patch from the old canonical document to the new one, as JSON text."""
    return indented(result.to_patch(), 2)


_MD_SPECIAL = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "\\|",
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "\n": " ",
        "\r": " ",
    }
)


def _cell(text: str) -> str:
    """Text from a catalog as inert Markdown: no HTML, links, emphasis or table breaks."""
    return text.translate(_MD_SPECIAL)


def render_markdown(result: CatalogDiff) -> str:
    """A bilingual (Chinese, then English) Markdown changelog, grouped by impact."""
    lines = [
        f"# 目录变更记录 / Catalog changelog: {_cell(result.old_label)} → "
        f"{_cell(result.new_label)}",
        "",
        f"- {_summary(result, Lang.ZH)}",
        f"- {_summary(result, Lang.EN)}",
    ]
    if not result.changes:
        lines += ["", "没有变更。 / No changes."]
    for impact in _ORDER:
        changes = _by_impact(result, impact)
        if not changes:
            continue
        zh, en = _HEADING[impact]
        lines += ["", f"## {zh} / {en} ({len(changes)})", ""]
        lines.append("| 代码 Code | 信息资源 Resource | 变更 Change | 说明 | Reason |")
        lines.append("|---|---|---|---|---|")
        for c in changes:
            subject = _subject(c, Lang.ZH) + (f" · {c.item.name}" if c.item else "")
            waived = " (已豁免 waived)" if c.waived else ""
            title = f"{c.title(Lang.ZH)} / {c.title(Lang.EN)}{waived}"
            zh_reason = _cell(c.reason(Lang.ZH, result.names))
            en_reason = _cell(c.reason(Lang.EN, result.names))
            lines.append(
                f"| {c.code} | {_cell(subject)} | {_cell(title)} | {zh_reason} | {en_reason} |"
            )
    return "\n".join(lines) + "\n"


def render_catalogue_markdown() -> str:
    """The reference table of every change code (generated into docs/diff.md)."""
    lines = [
        "| Code | Kind | Impact | 标题 | Title | Inverse |",
        "|---|---|---|---|---|---|",
    ]
    for kind, spec in change_catalogue().items():
        lines.append(
            f"| {spec.code} | `{kind.value}` | {spec.impact.value} | {spec.title_zh} "
            f"| {spec.title_en} | {spec.inverse.spec.code} |"
        )
    return "\n".join(lines) + "\n"
