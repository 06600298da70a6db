"""``govcatalog export``: write a catalog as RDF (Turtle, JSON-LD, RDF/XML, N-Triples)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.errors import GovCatalogError
from govcatalog.identifiers import IdentifierKind
from govcatalog.loading import load_catalog
from govcatalog.rdf import DEFAULT_BASE, ExportOptions, RdfFormat, iter_rdf_text, write_rdf


@app.command("export")
def export_command(
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="The catalog to export (any readable format).")
    ],
    to: Annotated[
        RdfFormat, typer.Option("--to", "-t", help="Output format: ttl, jsonld, rdf (RDF/XML), nt.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The file to write (default: standard output)."),
    ] = None,
    pack: Annotated[
        str | None, typer.Option("--pack", "-p", help="Pack reference (gb-1272@^1) or directory.")
    ] = None,
    base: Annotated[
        str, typer.Option("--base", help="Base IRI of resources, agents and the catalog.")
    ] = DEFAULT_BASE,
    licence: Annotated[
        str | None,
        typer.Option(
            "--licence", help="Licence IRI stated on the catalog and every resource (DCAT-AP)."
        ),
    ] = None,
    access_url: Annotated[
        str | None,
        typer.Option(
            "--access-url",
            help="Access URL template with {code}: adds one dcat:Distribution per resource.",
        ),
    ] = None,
    dcat: Annotated[
        bool, typer.Option("--dcat/--no-dcat", help="Also write the DCAT / DCMI Terms view.")
    ] = True,
) -> None:
    """Export a catalog as Linked Data: govcat statements plus their DCAT-AP 3.0.0 view.

    Values that cannot be read are left out; run `govcatalog validate` to see what they are.
    Exit codes: 0 written; 2 unreadable input or usage error.
    """
    if not base.endswith(("/", "#")):
        fail("--base must end with '/' or '#'")
    if access_url is not None and "{code}" not in access_url:
        fail("--access-url must contain {code}")
    the_pack = load_pack(pack)
    options = ExportOptions(
        base=base,
        dcat=dcat,
        licence=licence,
        access_url=access_url,
        provider_code_is_uscc=the_pack.provider_code_scheme is IdentifierKind.USCC,
    )
    try:
        catalog = load_catalog(source, pack=the_pack)
        if output is None:
            for chunk in iter_rdf_text(catalog, to, options):
                sys.stdout.write(chunk)
        else:
            write_rdf(catalog, output, to, options)
    except GovCatalogError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: {exc.strerror}")
