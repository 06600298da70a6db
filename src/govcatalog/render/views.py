"""The render layer's views of the data classes below it (see :mod:`govcatalog._views`).

Imported with ``govcatalog``; it imports nothing heavy: each view imports what it draws with
when it is first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govcatalog._views import register_view

if TYPE_CHECKING:
    import pandas
    import rdflib

    from govcatalog.model.resource import Catalog
    from govcatalog.packs.pack import Pack
    from govcatalog.report import Finding, Lang, Report
    from govcatalog.score.assess import Assessment

# The views import their renderers when first used, so that importing govcatalog stays light.
# ruff: noqa: PLC0415


def _report_html(report: Report) -> str:
    from govcatalog.render.notebook import report_html

    return report_html(report)


def _report_pandas(report: Report, lang: Lang) -> pandas.DataFrame:
    from govcatalog.render.dataframe import to_dataframe

    return to_dataframe(report, lang)


def _report_graph(report: Report, base: str) -> rdflib.Graph:
    from govcatalog.rdf.report_graph import report_graph

    return report_graph(report, base)


def _finding_html(finding: Finding) -> str:
    from govcatalog.render.notebook import finding_html

    return finding_html(finding)


def _catalog_html(catalog: Catalog) -> str:
    from govcatalog.render.notebook import catalog_html

    return catalog_html(catalog)


def _pack_html(pack: Pack) -> str:
    from govcatalog.render.notebook import pack_html

    return pack_html(pack)


def _assessment_html(assessment: Assessment) -> str:
    from govcatalog.render.notebook import notebook_block
    from govcatalog.score.render import score_html

    return notebook_block(score_html(assessment))


register_view("govcatalog.report.Report", "html", _report_html)
register_view("govcatalog.report.Report", "pandas", _report_pandas)
register_view("govcatalog.report.Report", "graph", _report_graph)
register_view("govcatalog.report.Finding", "html", _finding_html)
register_view("govcatalog.model.resource.Catalog", "html", _catalog_html)
register_view("govcatalog.packs.pack.Pack", "html", _pack_html)
register_view("govcatalog.score.assess.Assessment", "html", _assessment_html)
