"""``govcatalog inspect``: how a catalog file was read, and an editable profile for it."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import app
from govcatalog.errors import GovCatalogError
from govcatalog.inspection import Inspection, inspect, write_profile


class InspectFormat(StrEnum):
    """Output formats of ``inspect``."""

    TEXT = "text"
    JSON = "json"


@app.command("inspect")
def inspect_command(
    file: Annotated[Path, typer.Argument(help="The catalog file (JSON, YAML, xlsx, CSV, XML).")],
    pack: Annotated[
        str | None, typer.Option("--pack", "-p", help="Pack reference (gb-1272@^1) or directory.")
    ] = None,
    fmt: Annotated[InspectFormat, typer.Option("--format", "-f", help="text or json.")] = (
        InspectFormat.TEXT
    ),
    profile: Annotated[
        Path | None,
        typer.Option(
            "--write-profile",
            help="Write an editable pack (a new folder) declaring the unmapped keys; "
            "use it with validate --pack.",
        ),
    ] = None,
) -> None:
    """Show how a file is read: sheets and heading rows, each key or column and its field, skipped sheets, normalised values.

    An unmapped key or column names the nearest fields; --write-profile writes an editable
    pack declaring the unmapped keys, for validate --pack.
    """  # noqa: E501
    the_pack = load_pack(pack)
    if (
        profile is not None
        and profile.exists()
        and (not profile.is_dir() or any(profile.iterdir()))
    ):
        fail(f"{profile} exists and is not an empty folder")
    try:
        result = inspect(file, pack=the_pack)
    except GovCatalogError as exc:
        fail(str(exc))
    if fmt is InspectFormat.JSON:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(result.to_text())
        hint = _portal_hint(file, result)
        if hint:
            typer.echo(hint)
    if profile is not None:
        try:
            written = write_profile(result, the_pack, profile, pack_id="local-profile")
        except FileExistsError:
            fail(f"{profile} exists and is not an empty folder")
        typer.echo(f"profile written to {written}", err=True)


PORTAL_PACK = "open-data-portal"


def _portal_hint(file: Path, result: Inspection) -> str | None:
    """Say so when the built-in portal profile maps more of a code-less export's keys."""
    if not result.unmapped or result.sheets or result.pack.startswith(PORTAL_PACK + "@"):
        return None
    try:
        portal = inspect(file, pack=PORTAL_PACK)
    except GovCatalogError:
        return None
    if len(portal.unmapped) >= len(result.unmapped):
        return None
    mapped = len(portal.keys) - len(portal.unmapped)
    return (
        f"hint: --pack {PORTAL_PACK} (open-data portal exports) maps {mapped} of "
        f"{len(portal.keys)} keys"
    )
