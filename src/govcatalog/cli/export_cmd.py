"""``govcatalog export``: write a catalog in another format (XML exchange form, workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.errors import GovCatalogError
from govcatalog.io.writers import OutputFormat, write_catalog
from govcatalog.loading import load_catalog


@app.command("export")
def export_command(
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="The catalog to export (any readable format).")
    ],
    to: Annotated[OutputFormat, typer.Option("--to", "-t", help="Output format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    pack: Annotated[
        str | None, typer.Option("--pack", "-p", help="Pack reference (gb-1272@^1) or directory.")
    ] = None,
) -> None:
    """Export a catalog: `--to xml` (GB/T 21063.3-style, unofficial) or `--to xlsx` (the workbook).

    Values that cannot be read are left out; run `govcatalog validate` to see what they are.
    Exit codes: 0 written; 2 unreadable input or usage error.
    """
    the_pack = load_pack(pack)
    try:
        catalog = load_catalog(source, pack=the_pack)
        write_catalog(catalog, output, to, the_pack)
    except GovCatalogError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: {exc.strerror}")
