"""Helpers shared by commands: one-line errors and pack loading."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

from govcatalog.cli.app import EXIT_USAGE
from govcatalog.errors import GovCatalogError
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.registry import DEFAULT_PACK

err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a one-line reason to stderr and exit."""
    err_console.print(f"govcatalog: {message}", markup=False)
    raise typer.Exit(code)


def load_pack(ref: str | None) -> Pack:
    """Load a pack by reference or directory, or exit 2 with the reason."""
    try:
        return get_pack(Path(ref) if ref and Path(ref).is_dir() else (ref or DEFAULT_PACK))
    except (GovCatalogError, ValueError) as exc:
        fail(str(exc))
