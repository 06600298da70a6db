"""Labels shared by the renderings for people (Markdown, HTML, notebooks)."""

from __future__ import annotations

from govcatalog.report import Lang, Report, Severity

SEVERITY_LABEL = {
    Lang.ZH: {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    Lang.EN: {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
"""Severity names by language."""

WORDS = {
    Lang.ZH: {
        "title": "政务信息资源目录校验报告",
        "conforms": "符合",
        "fails": "不符合",
        "pack": "标准包",
        "files": "文件",
        "resources": "信息资源",
        "items": "信息项",
        "by_rule": "按规则汇总",
        "by_provider": "按部门汇总",
        "findings": "问题清单",
        "code": "代码",
        "severity": "级别",
        "count": "数量",
        "message": "说明",
        "hint": "建议",
        "where": "位置",
        "provider": "信息资源提供方",
        "resource": "信息资源代码",
        "unknown_provider": "（未知部门）",
        "truncated": "问题过多，只列出了前 {n} 条。",
        "none": "未发现问题。",
        "filter": "筛选…",
        "language": "English",
        "score": "目录质量评分",
    },
    Lang.EN: {
        "title": "Catalog validation report",
        "conforms": "conforms",
        "fails": "does not conform",
        "pack": "Pack",
        "files": "files",
        "resources": "resources",
        "items": "data items",
        "by_rule": "Summary by rule",
        "by_provider": "Summary by department",
        "findings": "Findings",
        "code": "Code",
        "severity": "Severity",
        "count": "Count",
        "message": "Message",
        "hint": "Hint",
        "where": "Where",
        "provider": "Provider",
        "resource": "Resource code",
        "unknown_provider": "(department unknown)",
        "truncated": "Too many findings: only the first {n} are listed.",
        "none": "No findings.",
        "filter": "Filter…",
        "language": "中文",
        "score": "Catalog quality score",
    },
}
"""Other words by language."""


def where(report: Report, index: int) -> str:
    """``file:line:column`` (or ``file:sheet!cell``) of the finding at ``index``."""
    loc = report.findings[index].location
    label = loc.label()
    return f"{loc.file or '-'}:{label}" if label else loc.file or "-"


def rule_rows(report: Report) -> list[tuple[str, Severity, int]]:
    """(code, most serious severity, count) per code, sorted by code."""
    worst: dict[str, Severity] = {}
    for f in report.findings:
        if f.code not in worst or f.severity.rank > worst[f.code].rank:
            worst[f.code] = f.severity
    return [(code, worst[code], n) for code, n in report.by_code().items()]
