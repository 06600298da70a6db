"""``govcatalog shapes``: the pack's declarative rules as SHACL shapes (Turtle)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.cli.options import PackOption


@app.command("shapes")
def shapes_command(
    pack: PackOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The file to write (default: standard output)."),
    ] = None,
) -> None:
    """Write the pack's SHACL shapes (shapes.ttl): each shape names the finding code it checks."""
    from govcatalog.rdf.shapes import build_shapes  # noqa: PLC0415 - imports rdflib

    text = build_shapes(load_pack(pack)).to_turtle()
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: {exc.strerror}")
