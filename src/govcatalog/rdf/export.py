"""Write a catalog as RDF: Turtle and N-Triples as text, JSON-LD and RDF/XML through rdflib."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Final

import rdflib

from govcatalog.model.resource import Catalog
from govcatalog.rdf.graph import graph_from_blocks
from govcatalog.rdf.mapping import ExportOptions, iter_blocks
from govcatalog.rdf.text import iter_ntriples, iter_turtle

CONTEXT_IRI: Final = "https://w3id.org/govcatalog/ns/context.jsonld"
"""Where the JSON-LD context is published; the reader substitutes the shipped copy."""


class RdfFormat(StrEnum):
    """RDF serialisations govcatalog writes and reads."""

    TURTLE = "ttl"
    JSONLD = "jsonld"
    RDFXML = "rdf"
    NTRIPLES = "nt"

    @property
    def suffix(self) -> str:
        """The file suffix, with the dot."""
        return "." + self.value

    @property
    def rdflib_name(self) -> str:
        """rdflib's name of the serialisation."""
        return _RDFLIB[self]


_RDFLIB: Final = {
    RdfFormat.TURTLE: "turtle",
    RdfFormat.JSONLD: "json-ld",
    RdfFormat.RDFXML: "xml",
    RdfFormat.NTRIPLES: "nt",
}


def jsonld_context() -> dict[str, object]:
    """The shipped JSON-LD context (``{"@context": {...}}``)."""
    text = (files("govcatalog.rdf") / "context.jsonld").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _as_dict(catalog: Catalog | Mapping[str, object]) -> Mapping[str, object]:
    return catalog.to_json_dict() if isinstance(catalog, Catalog) else catalog


def iter_rdf_text(
    catalog: Catalog | Mapping[str, object], fmt: RdfFormat, options: ExportOptions | None = None
) -> Iterator[str]:
    """Chunks of the serialised catalog (streamed for Turtle and N-Triples)."""
    blocks = iter_blocks(_as_dict(catalog), options)
    if fmt is RdfFormat.TURTLE:
        yield from iter_turtle(blocks)
    elif fmt is RdfFormat.NTRIPLES:
        yield from iter_ntriples(blocks)
    else:
        graph = graph_from_blocks(blocks)
        if fmt is RdfFormat.JSONLD:
            context = jsonld_context()["@context"]
            yield graph.serialize(format="json-ld", context=context, auto_compact=True, indent=2)
        else:
            yield graph.serialize(format="xml")


def serialize(
    catalog: Catalog | Mapping[str, object],
    fmt: RdfFormat = RdfFormat.TURTLE,
    options: ExportOptions | None = None,
) -> str:
    """The catalog as RDF text.

    Args:
        catalog: The model, or a catalog in the canonical JSON shape.
        fmt: The serialisation.
        options: IRIs and DCAT-AP settings.
    """
    return "".join(iter_rdf_text(catalog, fmt, options))


def to_graph(
    catalog: Catalog | Mapping[str, object], options: ExportOptions | None = None
) -> rdflib.Graph:
    """The catalog as an rdflib Graph."""
    return graph_from_blocks(iter_blocks(_as_dict(catalog), options))


def write_rdf(
    catalog: Catalog | Mapping[str, object],
    path: Path,
    fmt: RdfFormat | None = None,
    options: ExportOptions | None = None,
) -> None:
    """Write the catalog to ``path`` (format from the suffix unless given), in UTF-8."""
    the_fmt = fmt or format_for(path)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for chunk in iter_rdf_text(catalog, the_fmt, options):
            out.write(chunk)


def write_turtle(
    catalog: Catalog | Mapping[str, object], path: Path, options: ExportOptions | None = None
) -> None:
    """Write the catalog as Turtle."""
    write_rdf(catalog, path, RdfFormat.TURTLE, options)


def write_ntriples(
    catalog: Catalog | Mapping[str, object], path: Path, options: ExportOptions | None = None
) -> None:
    """Write the catalog as N-Triples."""
    write_rdf(catalog, path, RdfFormat.NTRIPLES, options)


def write_jsonld(
    catalog: Catalog | Mapping[str, object], path: Path, options: ExportOptions | None = None
) -> None:
    """Write the catalog as JSON-LD, compacted with the shipped context."""
    write_rdf(catalog, path, RdfFormat.JSONLD, options)


def write_rdfxml(
    catalog: Catalog | Mapping[str, object], path: Path, options: ExportOptions | None = None
) -> None:
    """Write the catalog as RDF/XML."""
    write_rdf(catalog, path, RdfFormat.RDFXML, options)


def format_for(path: Path) -> RdfFormat:
    """The RDF format of a file name, from its suffix.

    Raises:
        UnsupportedFormat: For a suffix that is not an RDF serialisation.
    """
    from govcatalog.errors import UnsupportedFormat  # noqa: PLC0415

    suffix = path.suffix.lower().lstrip(".")
    for fmt in RdfFormat:
        if fmt.value == suffix:
            return fmt
    raise UnsupportedFormat(path.suffix or path.name, tuple(f.suffix for f in RdfFormat))
