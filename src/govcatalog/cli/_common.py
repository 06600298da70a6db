"""Helpers shared by commands: one-line errors and pack loading."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from govcatalog.cli.app import EXIT_USAGE
from govcatalog.cli.edge import one_line
from govcatalog.errors import GovCatalogError
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.lifecycle import use_warning
from govcatalog.packs.registry import DEFAULT_PACK, default_registry


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a one-line reason to stderr (never wrapped, whatever the terminal) and exit."""
    typer.echo(f"govcatalog: {one_line(message)}", err=True)
    raise typer.Exit(code)


def warn(message: str, prefix: str = "warning: ") -> None:
    """Print one line to stderr, unwrapped."""
    typer.echo(f"govcatalog: {prefix}{one_line(message)}", err=True)


def load_pack(ref: str | None) -> Pack:
    """Load a pack by reference or directory, or exit 2 with the reason.

    Using a ``draft`` or ``retired`` pack is allowed, with a warning on stderr.
    """
    try:
        if ref and Path(ref).is_dir():
            pack = get_pack(Path(ref))
            status = pack.status
        else:
            pack = get_pack(ref or DEFAULT_PACK)
            status = default_registry().resolve(pack.ref).status
    except (GovCatalogError, ValueError) as exc:
        fail(str(exc))
    warning = use_warning(pack.ref, status)
    if warning is not None:
        warn(warning)
    return pack
