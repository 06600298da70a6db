"""Validate with a SHACL engine (pySHACL, the optional ``shacl`` extra) and the pack's shapes.

The catalog is written as RDF (the govcat statements only), pySHACL runs the shapes of
:mod:`govcatalog.rdf.shapes`, and each validation result becomes a :class:`Finding`: the
code from ``govcat:findingCode`` of its ``sh:sourceShape``, the resource from its
``sh:focusNode``. pySHACL's verdicts are used as they are.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

import rdflib
from rdflib.namespace import SH

from govcatalog.errors import ShaclUnavailable
from govcatalog.io._jsonpos import follow, unescape
from govcatalog.io.records import SourceDocument
from govcatalog.packs.pack import Pack
from govcatalog.rdf import names as m
from govcatalog.rdf.graph import graph_from_blocks
from govcatalog.rdf.mapping import ExportOptions, element_properties, iter_blocks
from govcatalog.rdf.shapes import FINDING_CODE, PackShapes, build_shapes
from govcatalog.rdf.terms import path_terms
from govcatalog.records.coerce import INVALID
from govcatalog.records.read import ReadRecord, iter_records
from govcatalog.report import Finding, Location, Report, Severity, Stats
from govcatalog.validate import ValidationOptions

_SEVERITY: Final = {
    SH.Violation: Severity.ERROR,
    SH.Warning: Severity.WARNING,
    SH.Info: Severity.INFO,
}


@dataclass(frozen=True, slots=True)
class ShaclResult:
    """One SHACL validation result, mapped to govcatalog's terms.

    Attributes:
        code: The finding code of the source shape.
        focus: The focus node (a resource IRI).
        source_shape: The shape that produced it.
        severity: The result's severity.
        value: The value node, as text, when there is one.
    """

    code: str
    focus: str
    source_shape: str
    severity: Severity
    value: str | None


@dataclass(frozen=True)
class ShaclOutcome:
    """What the SHACL engine said.

    Attributes:
        conforms: ``sh:conforms`` of the report.
        report: The W3C validation report graph, as the engine produced it.
    """

    conforms: bool
    report: rdflib.Graph


def shacl_report(data: rdflib.Graph, shapes_graph: rdflib.Graph) -> ShaclOutcome:
    """Run pySHACL on a data graph with a shapes graph: no inference, SHACL Core and SPARQL.

    This is the only call into the engine; its verdict is passed on unchanged.

    Raises:
        ShaclUnavailable: When pySHACL is not installed.
    """
    try:
        import pyshacl  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise ShaclUnavailable from exc
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False
    )
    return ShaclOutcome(bool(conforms), report)


def run_shacl(data: rdflib.Graph, shapes: PackShapes) -> list[ShaclResult]:
    """Run the pack's shapes over ``data`` and map every result to its finding code.

    Raises:
        ShaclUnavailable: When pySHACL is not installed.
    """
    return list(results_of(shacl_report(data, shapes.graph).report, shapes.graph))


def results_of(report: rdflib.Graph, shapes_graph: rdflib.Graph) -> Iterator[ShaclResult]:
    """The results of a SHACL validation report, with the finding code of each source shape."""
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        code = shapes_graph.value(shape, FINDING_CODE) if shape is not None else None
        if code is None:
            continue
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        grade = report.value(result, SH.resultSeverity)
        sev = (
            _SEVERITY.get(grade, Severity.ERROR)
            if isinstance(grade, rdflib.URIRef)
            else Severity.ERROR
        )
        yield ShaclResult(
            str(code), str(focus), str(shape), sev, None if value is None else str(value)
        )


def validate_shacl(
    catalog: Mapping[str, object],
    pack: Pack,
    *,
    file: str = "<catalog>",
    shapes: PackShapes | None = None,
    pointers: Sequence[str] | None = None,
    options: ValidationOptions | None = None,
) -> Report:
    """Validate a catalog in the canonical JSON shape with the pack's SHACL shapes.

    Values are written as found (a label outside a vocabulary becomes a literal), so the
    shapes see what the native validator sees. Findings carry the resource code and the
    pointer of the resource (``pointers[n]``, default ``/resources/<n>``) plus the element
    the shape checks; messages are the codebook titles. ``options`` selects, ignores and
    re-grades codes as for the native validator.

    Raises:
        ShaclUnavailable: When pySHACL is not installed.
    """
    started = time.perf_counter()
    the_shapes = shapes or build_shapes(pack)
    options_rdf = ExportOptions(dcat=False, elements=element_properties(pack))
    data = graph_from_blocks(iter_blocks(catalog, options_rdf))
    results = run_shacl(data, the_shapes)
    findings = [
        f
        for f in _findings(results, data, the_shapes, pack, file, pointers)
        if _wanted(f.code, pack, options)
    ]
    if options is not None and options.severity:
        findings = [replace(f, severity=options.severity.get(f.code, f.severity)) for f in findings]
    resources = catalog.get("resources")
    count = len(resources) if isinstance(resources, list | tuple) else 0
    stats = Stats(files=1, resources=count, seconds=time.perf_counter() - started)
    return Report.of(findings, stats, pack.ref)


def _wanted(code: str, pack: Pack, options: ValidationOptions | None) -> bool:
    if code in pack.ignore:
        return False
    if options is None:
        return True
    return code not in options.ignore and (options.select is None or code in options.select)


def _findings(
    results: Iterable[ShaclResult],
    data: rdflib.Graph,
    shapes: PackShapes,
    pack: Pack,
    file: str,
    pointers: Sequence[str] | None,
) -> Iterator[Finding]:
    seen: set[tuple[str, str, str]] = set()
    code_path = rdflib.URIRef(path_terms(pack.fields.get("code").rdf)[0].iri)
    for r in results:
        focus = rdflib.URIRef(r.focus)
        pointer = shapes.pointers.get(r.source_shape, "")
        key = (r.code, r.focus, pointer)
        if key in seen:  # one finding per element and resource, as the native rules give
            continue
        seen.add(key)
        position = data.value(focus, rdflib.URIRef(m.P_POSITION.iri))
        code = data.value(focus, code_path)
        index = int(str(position)) - 1 if position is not None else -1
        base = (
            pointers[index]
            if pointers is not None and 0 <= index < len(pointers)
            else f"/resources/{index}"
        )
        entry = pack.codebook[r.code]
        yield Finding(
            code=r.code,
            severity=pack.codebook[r.code].severity,
            message_zh=entry.title_zh,
            message_en=entry.title_en,
            location=Location(file, None if code is None else str(code), base + pointer),
            hint_zh=entry.hint_zh,
            hint_en=entry.hint_en,
            value=r.value,
            clause=entry.clause,
        )


def _resolve(data: object, pointer: str) -> object:
    """The value on ``pointer``, or None when ``data`` does not hold it all."""
    node, end = follow(data, pointer)
    return node if end == len(pointer) else None


def _put(record: dict[str, object], pointer: str, value: object) -> None:
    tokens = [unescape(t) for t in pointer.split("/")[1:]]
    target: object = record
    for token in tokens[:-1]:
        if isinstance(target, dict):
            target = target.setdefault(token, {})
        elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
            target = target[int(token)]
        else:
            return
    last = tokens[-1]
    if isinstance(target, dict):
        target[last] = value
    elif isinstance(target, list) and last.isdigit() and int(last) < len(target):
        target[int(last)] = value


def shacl_record(read: ReadRecord) -> dict[str, object] | None:
    """The record the shapes check: keys and standard forms as the native reader reads them,
    and every value the reader could not read put back as written (values listed where one
    is taken, as read: 接口、文件).

    Reading (element names, aliases, normal forms) is the native reader's job and reported
    by it (GC-S…, GC-F003); the shapes then judge the content, including the unreadable
    values, exactly where the native rules do.
    """
    coerced = read.coerced
    if coerced is None:
        return None
    record = copy.deepcopy({k: v for k, v in coerced.record.items() if k != INVALID})
    for pointer in sorted(coerced.invalid):
        value = coerced.listed.get(pointer) or _resolve(read.raw.data, coerced.original(pointer))
        if value is not None:
            _put(record, pointer, value)
    return record


def validate_document_shacl(
    doc: SourceDocument,
    pack: Pack,
    *,
    shapes: PackShapes | None = None,
    options: ValidationOptions | None = None,
) -> Report:
    """Validate an opened document with the pack's SHACL shapes (see :func:`shacl_record`).

    Raises:
        ShaclUnavailable: When pySHACL is not installed.
    """
    resources: list[object] = []
    pointers: list[str] = []
    for read in iter_records(doc, pack):
        resources.append(shacl_record(read))  # None (not an object) keeps its position
        pointers.append(read.raw.pointer)
    info = doc.info.data if doc.info is not None and isinstance(doc.info.data, dict) else {}
    catalog = {"catalog": info, "resources": resources}
    return validate_shacl(
        catalog, pack, file=doc.name, shapes=shapes, pointers=pointers, options=options
    )
