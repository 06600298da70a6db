"""RDF export and import: DCAT-AP 3.0.0 conformance, the shape of the output, safe reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

from govcatalog import load_catalog, validate
from govcatalog.errors import LoadError
from govcatalog.model import Catalog
from govcatalog.rdf import (
    CONTEXT_IRI,
    ExportOptions,
    RdfFormat,
    from_graph,
    parse_rdf,
    serialize,
    to_graph,
    write_rdf,
)
from tests.conftest import ROOT, TODAY
from tests.unit.test_rdf_differential import VALID

GOVCAT = rdflib.Namespace("https://w3id.org/govcatalog/ns#")


def _catalog(n: int = 3) -> Catalog:
    resources = []
    for i in range(1, n + 1):
        rec = json.loads(json.dumps(VALID))
        rec["code"] = f"101001/{i:06d}"
        rec["name"] = f"常住人口基本信息 {i}"
        resources.append(rec)
    resources[-1]["related_codes"] = ["101001/000001"]
    resources[-1]["update_cycle"] = "实时"
    resources[0]["update_cycle"] = "其他"
    resources[0]["update_note"] = "不定期(更新说明:暂无新业务数据产生)"
    resources[-1]["format"]["format_types"] = ["xlsx", "自定义"]
    data = {
        "catalog": {"name": "测试目录", "publisher": "市大数据局", "issued": "2025-01-01"},
        "resources": resources,
    }
    return Catalog.model_validate(data)


def _examples() -> list[Path]:
    # The examples ship with the package; an empty list would make an empty, passing test.
    folder = ROOT / "examples"
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".json", ".yaml") and "error" not in p.name
    )


def test_the_examples_are_exported() -> None:
    assert [p.name for p in _examples()] == [
        "city-catalog-2025.json",
        "city-catalog.json",
        "small-catalog.yaml",
    ]


# ------------------------------------------------------------------------------ DCAT-AP 3.0.0
@pytest.fixture(scope="module")
def dcat_ap(reference: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(
        reference / "dcat-ap" / "semic-3.0.0" / "shacl" / "dcat-ap-SHACL.ttl"
    )


def _violations(data: rdflib.Graph, shapes: rdflib.Graph) -> list[str]:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return [] if conforms else [text]


@pytest.mark.reference
@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(
            licence="https://creativecommons.org/licenses/by/4.0/",
            access_url="https://data.example.gov.cn/r/{code}",
        ),
    ],
    ids=["default", "licence-and-distributions"],
)
def test_export_conforms_to_dcat_ap(dcat_ap: rdflib.Graph, options: ExportOptions) -> None:
    graph = to_graph(_catalog(), options)
    assert _violations(graph, dcat_ap) == []
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 3
    if options.access_url:
        assert len(set(graph.subjects(RDF.type, DCAT.Distribution))) == 3
        assert set(graph.objects(None, DCTERMS.format))  # EU file types of xlsx/oracle


@pytest.mark.reference
@pytest.mark.parametrize("path", _examples(), ids=[p.name for p in _examples()])
def test_examples_conform_to_dcat_ap(dcat_ap: rdflib.Graph, path: Path) -> None:
    assert _violations(to_graph(load_catalog(path)), dcat_ap) == []


@pytest.mark.reference
def test_dcat_ap_shapes_catch_a_missing_description(dcat_ap: rdflib.Graph) -> None:
    data = _catalog().to_json_dict()
    del data["resources"][0]["abstract"]  # type: ignore[index]
    assert _violations(to_graph(data), dcat_ap) != []


# ------------------------------------------------------------------------------ the output
def test_dcat_view_and_eu_frequency() -> None:
    graph = to_graph(_catalog())
    res = rdflib.URIRef("https://w3id.org/govcatalog/data/resource/101001/000003")
    assert graph.value(res, DCTERMS.identifier) == rdflib.Literal("101001/000003")
    assert graph.value(res, DCTERMS.title) == rdflib.Literal("常住人口基本信息 3", lang="zh")
    freq = graph.value(res, DCTERMS.accrualPeriodicity)
    assert str(freq) == "http://publications.europa.eu/resource/authority/frequency/CONT"
    agent = graph.value(res, DCTERMS.publisher)
    assert (agent, RDF.type, rdflib.URIRef("http://xmlns.com/foaf/0.1/Organization")) in graph
    ident = graph.value(agent, rdflib.URIRef("http://www.w3.org/ns/adms#identifier"))
    assert (
        str(graph.value(ident, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#notation")))
        == "11420600011060017B"
    )


def test_no_dcat_view_on_request() -> None:
    graph = to_graph(_catalog(), ExportOptions(dcat=False))
    assert not set(graph.subjects(RDF.type, DCAT.Dataset))
    assert from_graph(graph) == _catalog()


def test_duplicate_codes_get_distinct_resources() -> None:
    data = _catalog(2).to_json_dict()
    data["resources"][1]["code"] = data["resources"][0]["code"]  # type: ignore[index]
    catalog = Catalog.model_validate(data)
    graph = to_graph(catalog)
    assert len(set(graph.subjects(RDF.type, GOVCAT.InformationResource))) == 2
    assert from_graph(graph) == catalog


def test_jsonld_uses_the_shipped_context() -> None:
    doc = json.loads(serialize(_catalog(1), RdfFormat.JSONLD))
    assert doc["@context"]["govcat"] == str(GOVCAT)


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_write_and_validate_each_format(tmp_path: Path, fmt: RdfFormat) -> None:
    path = tmp_path / f"catalog{fmt.suffix}"
    write_rdf(_catalog(), path)
    assert load_catalog(path) == _catalog()
    from govcatalog.validate import ValidationOptions

    report = validate(path, options=ValidationOptions(today=TODAY))
    assert report.stats.resources == 3
    assert [f.code for f in report.findings if f.severity == "error"] == []


def test_rdf_findings_carry_resource_and_pointer(tmp_path: Path) -> None:
    data = _catalog(2).to_json_dict()
    data["resources"][1]["share"]["share_type"] = "有条件共享"  # type: ignore[index]
    path = tmp_path / "c.ttl"
    write_rdf(data, path)
    report = validate(path)
    assert ("GC-R002", "101001/000002", "/resources/1/share/share_condition") in report.table(
        "code", "resource", "pointer"
    )


# ------------------------------------------------------------------------------ safe reading
def test_remote_jsonld_context_is_refused() -> None:
    doc = {"@context": "https://example.org/context.jsonld", "@id": "https://example.org/x"}
    with pytest.raises(LoadError, match="remote JSON-LD context"):
        parse_rdf(json.dumps(doc).encode(), RdfFormat.JSONLD)


def test_shipped_context_by_iri_is_read_offline() -> None:
    doc = {"@context": CONTEXT_IRI, "@id": "https://example.org/x", "dcterms:title": "t"}
    graph = parse_rdf(json.dumps(doc).encode(), RdfFormat.JSONLD)
    assert graph.value(rdflib.URIRef("https://example.org/x"), DCTERMS.title) == rdflib.Literal("t")


def test_rdfxml_with_entities_is_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    with pytest.raises(LoadError, match="DTD"):
        parse_rdf(xml, RdfFormat.RDFXML)


def test_size_is_bounded() -> None:
    with pytest.raises(LoadError, match="larger than"):
        parse_rdf(b"<a> <b> <c> .\n" * 10, RdfFormat.NTRIPLES, max_bytes=20)


def test_syntax_error_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("<a> <b> ", encoding="utf-8")
    report = validate(path)
    assert [f.code for f in report.findings] == ["GC-S001"]


def test_unknown_concept_is_kept_for_the_validator() -> None:
    data = _catalog(1).to_json_dict()
    data["resources"][0]["update_cycle"] = "每两天"  # type: ignore[index]
    from govcatalog.rdf import graph_to_dict

    back = graph_to_dict(to_graph(data))
    assert back["resources"][0]["update_cycle"] == "每两天"  # type: ignore[index]


@pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD])
def test_control_characters_round_trip(fmt: RdfFormat) -> None:
    data = _catalog(1).to_json_dict()
    data["resources"][0]["abstract"] = 'a\r\nb\x01c\x7fd"e\\f\u2028g 《》'  # type: ignore[index]
    catalog = Catalog.model_validate(data)
    assert from_graph(parse_rdf(serialize(catalog, fmt).encode(), fmt)) == catalog


@pytest.mark.parametrize(
    "context",
    [
        ["https://example.org/a.jsonld"],
        {"ex": {"@id": "https://example.org/p", "@context": "https://example.org/scoped.jsonld"}},
        {"@import": "https://example.org/imported.jsonld"},
    ],
    ids=["list", "scoped", "import"],
)
def test_nested_remote_contexts_are_refused(context: object) -> None:
    doc = {"@context": context, "@id": "https://example.org/x"}
    with pytest.raises(LoadError, match=r"remote JSON-LD context|@import"):
        parse_rdf(json.dumps(doc).encode(), RdfFormat.JSONLD)
