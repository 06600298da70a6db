"""Round trips: model → RDF → model is equal in every syntax; exports are deterministic
and the fast text writers give the same graph as rdflib built triple by triple."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from rdflib.compare import isomorphic

from govcatalog.model import Catalog
from govcatalog.rdf import RdfFormat, from_graph, parse_rdf, serialize, to_graph
from tests.properties.rdf_strategies import catalogs

_settings = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(catalogs)
def test_turtle_round_trip(catalog: Catalog) -> None:
    text = serialize(catalog, RdfFormat.TURTLE)
    assert from_graph(parse_rdf(text.encode(), RdfFormat.TURTLE)) == catalog


@_settings
@given(catalogs)
def test_ntriples_round_trip_and_isomorphic_to_rdflib(catalog: Catalog) -> None:
    graph = parse_rdf(serialize(catalog, RdfFormat.NTRIPLES).encode(), RdfFormat.NTRIPLES)
    assert from_graph(graph) == catalog
    assert isomorphic(graph, to_graph(catalog))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs)
def test_jsonld_and_rdfxml_round_trip(catalog: Catalog) -> None:
    for fmt in (RdfFormat.JSONLD, RdfFormat.RDFXML):
        assert from_graph(parse_rdf(serialize(catalog, fmt).encode(), fmt)) == catalog, fmt


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs)
def test_turtle_is_isomorphic_to_rdflib_graph_and_deterministic(catalog: Catalog) -> None:
    first = serialize(catalog, RdfFormat.TURTLE)
    assert first == serialize(catalog, RdfFormat.TURTLE)
    assert isomorphic(parse_rdf(first.encode(), RdfFormat.TURTLE), to_graph(catalog))
