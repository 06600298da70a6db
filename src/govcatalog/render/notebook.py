"""Rich display in Jupyter (``_repr_html_``) of reports, findings, packs and catalogs.

Fragments, not pages: styles are scoped to a ``gc-report`` block, and every label and
message shows both languages (Chinese first).
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from govcatalog.render.html import bilingual, findings_table, summary_html

if TYPE_CHECKING:
    from govcatalog.model.resource import Catalog
    from govcatalog.packs.pack import Pack
    from govcatalog.report import Finding, Report

MAX_ROWS = 200
"""Findings shown in a notebook cell; the summaries count all of them."""

_STYLE = (
    "<style>.gc-report table{border-collapse:collapse}"
    ".gc-report th,.gc-report td{border:1px solid #d0d5dd;padding:2px 6px;"
    "text-align:left;vertical-align:top}"
    ".gc-report span.en{color:#667085}.gc-report span.en::before{content:' / '}"
    ".gc-report .sev-error{color:#b42318}.gc-report .sev-warning{color:#b54708}"
    ".gc-report .ok{color:#067647}.gc-report .bad{color:#b42318}"
    ".gc-report .hint{color:#475467;font-size:.85em}</style>"
)


def notebook_block(inner: str) -> str:
    """Wrap an HTML fragment for a notebook: scoped styles, both languages shown."""
    return f'<div class="gc-report">{_STYLE}{inner}</div>'


def report_html(report: Report) -> str:
    """A report: verdict, summaries by rule and by department, then the first findings."""
    table = (
        findings_table(report, max_rows=MAX_ROWS, table_id="gc-nb-findings")
        if report.findings
        else ""
    )
    return notebook_block(summary_html(report) + table)


def finding_html(finding: Finding) -> str:
    """One finding as a small table."""
    loc = finding.location
    rows = [
        ("code / 代码", escape(finding.code)),
        (
            "severity / 级别",
            f'<span class="sev-{finding.severity.value}">{finding.severity.value}</span>',
        ),
        ("message / 说明", bilingual(finding.message_zh, finding.message_en)),
        ("hint / 建议", bilingual(finding.hint_zh, finding.hint_en)),
    ]
    rows += [(k, escape(str(v))) for k, v in loc.to_dict().items() if v is not None]
    if finding.value is not None:
        rows.append(("value / 取值", escape(finding.value)))
    if finding.clause:
        rows.append(("clause / 条款", escape(finding.clause)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return notebook_block(f"<table>{body}</table>")


def pack_html(pack: Pack) -> str:
    """A pack: identity, lineage and the size of its field table and codebook."""
    severities = Counter(pack.codebook[c].severity.value for c in pack.codebook)
    rows = [
        ("pack / 标准包", escape(pack.ref)),
        ("title / 名称", bilingual(pack.title_zh, pack.title_en)),
        ("status / 状态", escape(pack.status.value)),
        ("lineage / 继承", escape(" → ".join(pack.lineage))),
        ("fields / 元素", str(len(pack.fields.fields))),
        (
            "codes / 问题代码",
            f"{len(pack.codebook)} ("
            + ", ".join(f"{k} {v}" for k, v in sorted(severities.items()))
            + ")",
        ),
        ("vocabularies / 值域", escape(", ".join(sorted(pack.vocabularies)))),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return notebook_block(f"<table>{body}</table>")


def catalog_html(catalog: Catalog, max_rows: int = MAX_ROWS) -> str:
    """A catalog: its facts, resources per department, then the first resources."""
    info = catalog.info
    facts = [
        ("目录名称 / name", info.name),
        ("编制单位 / publisher", info.publisher),
        ("版本 / version", info.version),
        ("发布日期 / issued", info.issued.isoformat() if info.issued else None),
    ]
    head = "".join(f"<tr><th>{k}</th><td>{escape(v)}</td></tr>" for k, v in facts if v)
    per = Counter(r.provider or "" for r in catalog.resources)
    dept = "".join(
        f'<tr><td>{escape(name) or "—"}</td><td style="text-align:right">{n}</td></tr>'
        for name, n in sorted(per.items())
    )
    rows = "".join(
        "<tr>"
        f"<td>{escape(r.code or '')}</td><td>{escape(r.name or '')}</td>"
        f"<td>{escape(r.provider or '')}</td>"
        f"<td>{escape(r.share.share_type.value if r.share.share_type else '')}</td>"
        f"<td>{escape(r.update_cycle.value if r.update_cycle else '')}</td>"
        f"<td>{escape(r.publish_date.isoformat() if r.publish_date else '')}</td>"
        "</tr>"
        for r in catalog.resources[:max_rows]
    )
    more = (
        f"<p>… {len(catalog.resources) - max_rows} more</p>"
        if len(catalog.resources) > max_rows
        else ""
    )
    return notebook_block(
        f"<table>{head}<tr><th>信息资源 / resources</th>"
        f"<td>{len(catalog.resources)}</td></tr></table>"
        "<h4>按部门 / by department</h4>"
        "<table><thead><tr><th>信息资源提供方 / provider</th><th>#</th></tr></thead>"
        f"<tbody>{dept}</tbody></table>"
        "<h4>信息资源 / resources</h4>"
        "<table><thead><tr><th>信息资源代码</th><th>信息资源名称</th><th>信息资源提供方</th>"
        f"<th>共享类型</th><th>更新周期</th><th>发布日期</th></tr></thead><tbody>{rows}</tbody></table>{more}"
    )
