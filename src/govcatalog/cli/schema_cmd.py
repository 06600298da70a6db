"""``govcatalog schema``: print or write a pack's JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import load_pack
from govcatalog.cli.app import app
from govcatalog.cli.options import PackOption
from govcatalog.schema import build_json_schema


@app.command("schema")
def schema_command(
    pack: PackOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    xsd: Annotated[
        bool, typer.Option("--xsd", help="The XSD of the pack's XML exchange form instead.")
    ] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the pack's catalog format (--xsd: its XSD)."""
    if xsd:
        from govcatalog.io.xml_schema import xsd_text  # noqa: PLC0415 - lxml only when asked

        text = xsd_text(load_pack(pack)).rstrip()
    else:
        text = json.dumps(build_json_schema(load_pack(pack)), ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
