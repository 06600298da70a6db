"""Bilingual reference documentation of an effective pack, as Markdown and HTML.

One page per pack: its fields (element names in Chinese and English, kind, required,
vocabulary, aliases), every vocabulary as the pack narrows it, every finding code
with its effective severity, messages and hints, and the rules it declares as data.
Both renderings come from the same tables, so they never disagree.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from govcatalog.packs.declared import DeclaredRule
from govcatalog.packs.pack import Pack


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table of the reference page.

    Attributes:
        title: Heading (Chinese / English).
        anchor: HTML anchor.
        headers: Column headings.
        rows: Table cells.
        intro: A sentence before the table.
    """

    title: str
    anchor: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    intro: str = ""


def _yes(flag: bool) -> str:
    return "是 yes" if flag else "否 no"


def reference_sections(pack: Pack) -> tuple[Section, ...]:
    """The tables of the reference page of ``pack``."""
    return (
        _overview(pack),
        _fields(pack),
        _vocabularies(pack),
        _codes(pack),
        _rules(pack),
    )


def _overview(pack: Pack) -> Section:
    return Section(
        "概览 / Overview",
        "overview",
        ("项目 Item", "值 Value"),
        (
            ("标识 Id", pack.id),
            ("版本 Version", str(pack.version)),
            ("名称 Title", f"{pack.title_zh} / {pack.title_en}"),
            ("发布者 Publisher", pack.publisher),
            ("依据 Basis", pack.basis),
            ("状态 Status", pack.status.value),
            ("继承 Lineage", " ← ".join(pack.lineage)),
        ),
    )


def _fields(pack: Pack) -> Section:
    return Section(
        "元素 / Fields",
        "fields",
        (
            "标识 Id",
            "元素名称",
            "Name",
            "类型 Kind",
            "必填 Required",
            "值域 Vocabulary",
            "别名",
            "系统字段名 System keys",
        ),
        tuple(
            (
                f.id if f.level.value == "field" else f"catalog.{f.id}",
                f.zh,
                f.en,
                f.kind.value,
                _yes(f.required),
                f.vocabulary or "",
                "、".join(f.aliases),
                ", ".join(f.system_keys) + (" (codes read)" if f.system_codes else ""),
            )
            for f in pack.fields.fields
        ),
        "每个元素的标识是其在规范 JSON 中的路径。 Each id is the element's path in canonical JSON.",
    )


def _vocabularies(pack: Pack) -> Section:
    vocab_rows = tuple(
        (sid, v.title_zh, v.title_en, c.notation or "", c.label_zh, c.label_en)
        for sid, v in sorted(pack.vocabularies.items())
        for c in v.concepts
    )
    return Section(
        "值域 / Vocabularies",
        "vocabularies",
        ("值域 Scheme", "名称", "Name", "代码 Code", "取值", "Value"),
        vocab_rows,
        "本标准允许的取值（已按本标准收窄）。 The values this pack allows (as it narrows them).",
    )


def _codes(pack: Pack) -> Section:
    return Section(
        "问题代码 / Finding codes",
        "codes",
        ("代码 Code", "级别 Severity", "标题", "Title", "说明", "Message", "条款 Clause"),
        tuple(
            (
                code,
                e.severity.value + (" (ignored)" if code in pack.ignore else ""),
                e.title_zh,
                e.title_en,
                e.message_zh,
                e.message_en,
                e.clause,
            )
            for code, e in sorted(pack.codebook.entries.items())
        ),
    )


def _rules(pack: Pack) -> Section:
    return Section(
        "声明的规则 / Declared rules",
        "rules",
        (
            "规则 Rule",
            "代码 Code",
            "条件 When",
            "必填 Requires",
            "格式 Pattern",
            "说明 Description",
        ),
        tuple(
            (
                r.id,
                r.code,
                _when(r),
                "、".join(r.require),
                f"{r.pattern.field} ~ {r.pattern.regex}" if r.pattern else "",
                r.description,
            )
            for r in pack.declared_rules
        ),
    )


def _when(rule: DeclaredRule) -> str:
    if rule.when is None:
        return "—"
    if rule.when.values:
        return f"{rule.when.field} ∈ {list(rule.when.values)}"
    return f"{rule.when.field} {'filled' if rule.when.present else 'empty'}"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(pack: Pack, sections: Sequence[Section] | None = None) -> str:
    """The reference page as Markdown."""
    out = [f"# {pack.title_zh} — {pack.ref}", "", f"*{pack.title_en}*", ""]
    for s in sections or reference_sections(pack):
        out += [f"## {s.title}", ""]
        if s.intro:
            out += [s.intro, ""]
        if not s.rows:
            out += ["无 / none", ""]
            continue
        out.append("| " + " | ".join(s.headers) + " |")
        out.append("|" + "---|" * len(s.headers))
        out.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in s.rows)
        out.append("")
    return "\n".join(out)


def render_html(pack: Pack, sections: Sequence[Section] | None = None) -> str:
    """The reference page as a self-contained HTML document."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(pack.title_zh)} — {e(pack.ref)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}"
        "th{background:#f3f3f3}</style></head><body>",
        f"<h1>{e(pack.title_zh)} — {e(pack.ref)}</h1>",
        f"<p><em>{e(pack.title_en)}</em></p>",
    ]
    all_sections = list(sections or reference_sections(pack))
    nav = " · ".join(f'<a href="#{s.anchor}">{e(s.title)}</a>' for s in all_sections)
    parts.append(f"<nav>{nav}</nav>")
    for s in all_sections:
        parts.append(f'<h2 id="{s.anchor}">{e(s.title)}</h2>')
        if s.intro:
            parts.append(f"<p>{e(s.intro)}</p>")
        if not s.rows:
            parts.append("<p>无 / none</p>")
            continue
        head = "".join(f"<th>{e(h)}</th>" for h in s.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in s.rows
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def build_docs(pack: Pack) -> dict[str, str]:
    """The reference documentation files of ``pack`` (the ``docs`` artefact)."""
    sections = reference_sections(pack)
    return {
        "docs/reference.md": render_markdown(pack, sections),
        "docs/reference.html": render_html(pack, sections),
    }
