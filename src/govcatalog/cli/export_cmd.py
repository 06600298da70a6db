"""``govcatalog export``: write a catalog in another format — the XML exchange form, the
compilation workbook, or Linked Data (Turtle, JSON-LD, RDF/XML, N-Triples)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.cli.options import PackOption
from govcatalog.errors import GovCatalogError
from govcatalog.identifiers import IdentifierKind
from govcatalog.io.writers import OutputFormat, write_catalog
from govcatalog.loading import load_catalog_judged
from govcatalog.model import Catalog
from govcatalog.rdf import DEFAULT_BASE, ExportOptions, RdfFormat, iter_rdf_text, write_rdf
from govcatalog.rdf.mapping import element_properties


class ExportFormat(StrEnum):
    """Every format ``export`` writes: the file writers' and the RDF syntaxes."""

    XML = OutputFormat.XML.value
    XLSX = OutputFormat.XLSX.value
    TTL = RdfFormat.TURTLE.value
    JSONLD = RdfFormat.JSONLD.value
    RDF = RdfFormat.RDFXML.value
    NT = RdfFormat.NTRIPLES.value


SourceArgument = Annotated[
    Path, typer.Argument(metavar="FILE", help="The catalog to export (any readable format).")
]
ToOption = Annotated[
    ExportFormat,
    typer.Option("--to", "-t", help="xml, xlsx, or RDF: ttl, jsonld, rdf (RDF/XML), nt."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="The file to write (RDF: default standard output)."),
]
BaseOption = Annotated[
    str, typer.Option("--base", help="RDF: base IRI of resources, agents and the catalog.")
]
LicenceOption = Annotated[
    str | None,
    typer.Option("--licence", help="RDF: licence IRI stated on the catalog and every resource."),
]
AccessUrlOption = Annotated[
    str | None,
    typer.Option(
        "--access-url",
        help="RDF: access URL template with {code}: one dcat:Distribution per resource.",
    ),
]
DcatOption = Annotated[
    bool, typer.Option("--dcat/--no-dcat", help="RDF: also write the DCAT / DCMI Terms view.")
]


@app.command("export")
def export_command(
    source: SourceArgument,
    to: ToOption,
    output: OutputOption = None,
    pack: PackOption = None,
    base: BaseOption = DEFAULT_BASE,
    licence: LicenceOption = None,
    access_url: AccessUrlOption = None,
    dcat: DcatOption = True,
) -> None:
    """Export a catalog: `--to xml` (GB/T 21063.3-style, unofficial), `--to xlsx` (the
    compilation workbook), or Linked Data with its DCAT-AP 3.0.0 view (`ttl`, `jsonld`,
    `rdf`, `nt`).

    Without `--pack` the catalog is written with the pack `validate` judges it by: a catalog
    dated from 2025-08-01 with 《政务数据共享条例》's elements, a portal export with the
    portal pack's. Values that cannot be read are left out; run `govcatalog validate` to see
    what they are. Exit codes: 0 written; 2 unreadable input or usage error.
    """
    rdf = to.value in {f.value for f in RdfFormat}
    if not rdf and output is None:
        fail(f"--to {to.value} needs --output FILE")
    if not base.endswith(("/", "#")):
        fail("--base must end with '/' or '#'")
    if access_url is not None and "{code}" not in access_url:
        fail("--access-url must contain {code}")
    named = None if pack is None else load_pack(pack)
    try:
        loaded = load_catalog_judged(source, pack=named)
        catalog, the_pack = loaded.catalog, loaded.regime.pack
        if not rdf:
            assert output is not None
            write_catalog(catalog, output, OutputFormat(to.value), the_pack)
            return
        options = ExportOptions(
            base=base,
            dcat=dcat,
            licence=licence,
            access_url=access_url,
            provider_code_is_uscc=the_pack.provider_code_scheme is IdentifierKind.USCC,
            elements=element_properties(the_pack),
        )
        _write_rdf(catalog, RdfFormat(to.value), output, options)
    except GovCatalogError as exc:
        fail(str(exc))
    except OSError as exc:
        if output is None:  # standard output: a reader that went away ends the run quietly
            raise
        fail(f"{output}: {exc.strerror}")


def _write_rdf(
    catalog: Catalog, fmt: RdfFormat, output: Path | None, options: ExportOptions
) -> None:
    """Write the catalog's graph to ``output``, or stream it to standard output."""
    if output is None:
        for chunk in iter_rdf_text(catalog, fmt, options):
            sys.stdout.write(chunk)
    else:
        write_rdf(catalog, output, fmt, options)
