"""Linked Data: catalogs as DCAT-aligned RDF (export and import) and a pack's rules as SHACL.

Importing this package imports rdflib; ``govcatalog`` itself does not.
"""

from govcatalog.rdf.export import (
    CONTEXT_IRI,
    RdfFormat,
    iter_rdf_text,
    jsonld_context,
    serialize,
    to_graph,
    write_jsonld,
    write_ntriples,
    write_rdf,
    write_rdfxml,
    write_turtle,
)
from govcatalog.rdf.mapping import ElementProperty, ExportOptions, element_properties, iter_blocks
from govcatalog.rdf.reader import from_graph, graph_to_dict, parse_rdf, read_graph, read_rdf
from govcatalog.rdf.terms import DEFAULT_BASE

__all__ = [
    "CONTEXT_IRI",
    "DEFAULT_BASE",
    "ElementProperty",
    "ExportOptions",
    "RdfFormat",
    "element_properties",
    "from_graph",
    "graph_to_dict",
    "iter_blocks",
    "iter_rdf_text",
    "jsonld_context",
    "parse_rdf",
    "read_graph",
    "read_rdf",
    "serialize",
    "to_graph",
    "write_jsonld",
    "write_ntriples",
    "write_rdf",
    "write_rdfxml",
    "write_turtle",
]
