"""Renderings of a quality assessment: a JSON-ready mapping, rich text, and an HTML fragment."""

from __future__ import annotations

from html import escape

from rich.console import Console
from rich.table import Table

from govcatalog.report import Lang
from govcatalog.score.assess import Assessment
from govcatalog.score.model import Dimension, QualityScore, ScoreModel

_WORDS = {
    Lang.ZH: {
        "title": "目录质量评分",
        "catalog": "目录整体",
        "department": "信息资源提供方",
        "resources": "信息资源",
        "points": "得分",
        "grade": "等级",
        "unknown": "（未填写提供方）",
        "basis": "评分模型 {source}；时效以 {today} 计。",
    },
    Lang.EN: {
        "title": "Catalog quality score",
        "catalog": "Whole catalog",
        "department": "Provider",
        "resources": "Resources",
        "points": "Points",
        "grade": "Grade",
        "unknown": "(no provider given)",
        "basis": "Score model {source}; timeliness judged on {today}.",
    },
}


def _score_dict(q: QualityScore) -> dict[str, object]:
    return {
        "name": q.name,
        "resources": q.resources,
        "points": q.points,
        "grade": {"zh": q.grade.zh, "en": q.grade.en},
        "dimensions": {
            d.dimension.value: {
                "score": None if d.score is None else round(d.score, 4),
                "points": round(d.points, 2),
                "weight": d.weight,
                "resources": d.resources,
            }
            for d in q.dimensions
        },
    }


def assessment_to_dict(a: Assessment) -> dict[str, object]:
    """JSON-ready form of the assessment (scores of the catalog and of each department)."""
    return {
        "file": a.file,
        "pack": a.pack,
        "today": a.today.isoformat(),
        "model": {
            "source": a.model.source,
            "weights": {d.value: w for d, w in a.model.weights.items()},
            "grades": [{"min": g.min, "zh": g.zh, "en": g.en} for g in a.model.grades],
        },
        "catalog": _score_dict(a.catalog),
        "departments": [_score_dict(d) for d in a.departments],
        "conforms": a.report.conforms,
        "findings": len(a.report),
    }


def _rows(a: Assessment, lang: Lang) -> list[tuple[str, QualityScore]]:
    w = _WORDS[lang]
    rows = [(f"{w['catalog']} {a.catalog.name}".strip(), a.catalog)]
    rows += [(d.name or w["unknown"], d) for d in a.departments]
    return rows


def _cell(q: QualityScore, d: Dimension) -> str:
    dim = q.dimension(d)
    return "—" if dim.score is None else f"{dim.points:.1f}/{dim.weight:g}"


def render_score_text(a: Assessment, console: Console, lang: Lang = Lang.ZH) -> None:
    """Print the assessment as a table: the catalog first, then each department."""
    w = _WORDS[lang]
    m: ScoreModel = a.model
    table = Table(title=f"{w['title']} — {a.file}", title_justify="left")
    table.add_column(w["department"])
    table.add_column(w["resources"], justify="right")
    for d in Dimension:
        table.add_column(m.label(d, lang), justify="right")
    table.add_column(w["points"], justify="right")
    table.add_column(w["grade"])
    for i, (label, q) in enumerate(_rows(a, lang)):
        table.add_row(
            label,
            str(q.resources),
            *(_cell(q, d) for d in Dimension),
            f"{q.points:.1f}",
            q.grade.name(lang),
            style="bold" if i == 0 else None,
            end_section=i == 0,
        )
    console.print(table)
    console.print(w["basis"].format(source=m.source, today=a.today.isoformat()), style="dim")


def score_html(a: Assessment) -> str:
    """The assessment as an HTML table (a fragment; labels in both languages)."""
    zh, en = _WORDS[Lang.ZH], _WORDS[Lang.EN]
    m = a.model

    def both(z: str, e: str) -> str:
        return f'<span class="zh">{escape(z)}</span><span class="en">{escape(e)}</span>'

    head = (
        f"<th>{both(zh['department'], en['department'])}</th>"
        f"<th>{both(zh['resources'], en['resources'])}</th>"
        + "".join(f"<th>{both(m.label(d, Lang.ZH), m.label(d, Lang.EN))}</th>" for d in Dimension)
        + f"<th>{both(zh['points'], en['points'])}</th>"
        + f"<th>{both(zh['grade'], en['grade'])}</th>"
    )
    rows = []
    for (label_zh, q), (label_en, _) in zip(_rows(a, Lang.ZH), _rows(a, Lang.EN), strict=True):
        cells = "".join(f'<td class="num">{escape(_cell(q, d))}</td>' for d in Dimension)
        rows.append(
            f'<tr data-points="{q.points}"><td>{both(label_zh, label_en)}</td>'
            f'<td class="num">{q.resources}</td>'
            f'{cells}<td class="num"><strong>{q.points:.1f}</strong></td>'
            f"<td>{both(q.grade.zh, q.grade.en)}</td></tr>"
        )
    basis = both(
        zh["basis"].format(source=m.source, today=a.today.isoformat()),
        en["basis"].format(source=m.source, today=a.today.isoformat()),
    )
    return (
        f'<table class="gc-score"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="hint">{basis}</p>'
    )
