"""A :class:`~govcatalog.report.Report` as a W3C SHACL validation report graph.

Each finding becomes one ``sh:ValidationResult``:

* ``sh:focusNode`` — the resource IRI, minted as the exporter mints it (from the resource
  code, or from the position in the pointer when there is no code); findings about the
  catalog as a whole point at the catalog IRI;
* ``sh:sourceShape`` — ``https://w3id.org/govcatalog/shapes/<pack>/<version>#<code>``, the
  IRI of the pack's (first) shape for that code, carrying ``govcat:findingCode``;
* ``sh:sourceConstraintComponent`` — ``govcat:NativeRuleConstraintComponent``;
* ``sh:resultSeverity``, ``sh:resultMessage`` (zh and en) and ``sh:value``.

``sh:conforms`` follows SHACL: true only when there is no result at all (govcatalog's own
``Report.conforms`` ignores warnings and notes).
"""

from __future__ import annotations

import re
from typing import Final

import rdflib
from rdflib.namespace import SH

from govcatalog.rdf.shapes import FINDING_CODE, SHAPES_BASE
from govcatalog.rdf.terms import DEFAULT_BASE, GOVCAT, catalog_iri, resource_iri
from govcatalog.report import Finding, Report, Severity

_SEVERITY: Final = {
    Severity.ERROR: SH.Violation,
    Severity.WARNING: SH.Warning,
    Severity.INFO: SH.Info,
}
_POSITION: Final = re.compile(r"^(?:/[^/]+)?/(\d+)(?:/|$)")
NATIVE_COMPONENT: Final = rdflib.URIRef(GOVCAT + "NativeRuleConstraintComponent")


def focus_iri(finding: Finding, base: str = DEFAULT_BASE) -> str:
    """The IRI a finding is about: its resource, else the catalog."""
    loc = finding.location
    if loc.resource:
        return resource_iri(base, loc.resource, 0)
    pointer = loc.pointer or ""
    match = _POSITION.match(pointer)
    if match and not pointer.startswith("/catalog"):
        return resource_iri(base, None, int(match[1]) + 1)
    return catalog_iri(base)


def shape_iri(pack_ref: str, code: str) -> str:
    """The IRI of a pack's shape for a finding code (``pack_ref`` is ``id@version``)."""
    pack_id, _, version = pack_ref.partition("@")
    return f"{SHAPES_BASE}{pack_id}/{version}#{code}"


def report_graph(report: Report, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """The report in the W3C SHACL validation report vocabulary.

    Args:
        report: The report.
        base: The base IRI the catalog was (or would be) exported with.
    """
    g = rdflib.Graph(bind_namespaces="none")
    g.bind("sh", str(SH))
    g.bind("govcat", GOVCAT)
    top = rdflib.BNode()
    g.add((top, rdflib.RDF.type, SH.ValidationReport))
    g.add((top, SH.conforms, rdflib.Literal(not report.findings)))
    for f in report.findings:
        r = rdflib.BNode()
        g.add((top, SH.result, r))
        g.add((r, rdflib.RDF.type, SH.ValidationResult))
        g.add((r, SH.focusNode, rdflib.URIRef(focus_iri(f, base))))
        g.add((r, SH.resultSeverity, _SEVERITY[f.severity]))
        shape = rdflib.URIRef(shape_iri(report.pack or "unknown@0", f.code))
        g.add((r, SH.sourceShape, shape))
        g.add((shape, FINDING_CODE, rdflib.Literal(f.code)))
        g.add((r, SH.sourceConstraintComponent, NATIVE_COMPONENT))
        g.add((r, SH.resultMessage, rdflib.Literal(f.message_zh, lang="zh")))
        g.add((r, SH.resultMessage, rdflib.Literal(f.message_en, lang="en")))
        if f.value is not None:
            g.add((r, SH.value, rdflib.Literal(f.value)))
    return g
