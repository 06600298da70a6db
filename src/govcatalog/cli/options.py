"""Command-line options that several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govcatalog.report import Lang

PackOption = Annotated[
    str | None, typer.Option("--pack", "-p", help="Pack reference (gb-1272@^1) or directory.")
]
"""``--pack``: a pack reference or a pack directory (default: the national pack)."""

LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of text output.")]
"""``--lang``: the language of text output."""

OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
"""``--output``: a file to write instead of standard output."""

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL (default: $GOVCATALOG_DATABASE_URL or SQLite)."),
]
"""``--db``: the store's database URL."""
