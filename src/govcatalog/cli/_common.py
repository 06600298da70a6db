"""Helpers shared by commands: one-line errors, pack loading, files written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TextIO

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


@contextmanager
def replaced_whole(
    path: Path, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """A text file that takes the place of ``path`` only once it is written whole: a report
    written a piece at a time that fails half way (a full disk, an interrupt) leaves the file
    that was there, and no half report. The pieces go to a hidden file beside ``path`` (in the
    folder the user named), removed on failure.

    Raises:
        OSError: When the file cannot be written or put in place.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
        temp.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask (read by setting it, then set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
