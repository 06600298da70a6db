"""``govcatalog template``: write a pack's catalog compilation workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.cli.options import PackOption
from govcatalog.errors import GovCatalogError


@app.command("template")
def template_command(
    output: Annotated[Path, typer.Argument(metavar="OUT.xlsx", help="The workbook to write.")],
    pack: PackOption = None,
    profile: Annotated[
        str | None,
        typer.Option("--profile", help="Template profile of the pack (default: national)."),
    ] = None,
) -> None:
    """Write the compilation workbook: headings, dropdown lists, required columns, instructions.

    Fill it in, then check it with `govcatalog validate OUT.xlsx --annotate checked.xlsx`.
    """
    the_pack = load_pack(pack)
    if output.suffix.lower() != ".xlsx":
        fail(f"{output}: the template is an .xlsx workbook")
    from govcatalog.io.sheet_writer import write_workbook  # noqa: PLC0415 - needs the xlsx extra

    try:
        write_workbook(output, the_pack, profile=profile)
    except GovCatalogError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: {exc.strerror}")
