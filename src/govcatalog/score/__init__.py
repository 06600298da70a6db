"""Catalog quality score, in the spirit of the EU Metadata Quality Assessment (MQA).

Four dimensions — completeness, conformance, openness and sharing, timeliness — each
scored per resource and averaged, weighted by the pack's ``score.toml`` into 0–100
points and a grade, for the whole catalog and for each department::

    from govcatalog.score import assess
    a = assess("catalog.json")
    print(a.catalog.points, a.catalog.grade.zh)
"""

from govcatalog.score.assess import Assessment, ResourceFacts, assess, assess_document
from govcatalog.score.model import (
    Dimension,
    DimensionScore,
    Grade,
    QualityScore,
    ScoreModel,
    Timeliness,
    load_score_model,
    parse_score_model,
)
from govcatalog.score.render import assessment_to_dict, render_score_text, score_html

score = assess
"""Score a catalog (the same function as :func:`assess`)."""

__all__ = [
    "Assessment",
    "Dimension",
    "DimensionScore",
    "Grade",
    "QualityScore",
    "ResourceFacts",
    "ScoreModel",
    "Timeliness",
    "assess",
    "assess_document",
    "assessment_to_dict",
    "load_score_model",
    "parse_score_model",
    "render_score_text",
    "score",
    "score_html",
]
