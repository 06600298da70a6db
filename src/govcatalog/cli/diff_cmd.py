"""``govcatalog diff``: what changed between two catalog versions, and whom it breaks."""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from govcatalog._collector import collector_paused_to_the_end
from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, app
from govcatalog.cli.options import DbOption, LangOption, OutputOption, PackOption
from govcatalog.diff import CatalogDiff, Impact, Side, apply_waivers, compare, read_waivers
from govcatalog.diff.elements import element_changes
from govcatalog.diff.load import field_names, load_side, side_from_document
from govcatalog.diff.render import render_text
from govcatalog.errors import GovCatalogError
from govcatalog.packs.pack import Pack
from govcatalog.render.dispatch import DiffFormat, render_diff
from govcatalog.report import Lang
from govcatalog.store import open_database
from govcatalog.store.history import History


class FailOn(StrEnum):
    """Which changes make ``diff`` exit 1."""

    NONE = "none"
    BREAKING = "breaking"
    COMPATIBLE = "compatible"
    EDITORIAL = "editorial"

    @property
    def impact(self) -> Impact | None:
        """The threshold impact (None: never fail)."""
        return None if self is FailOn.NONE else Impact(self.value)


_STORED = re.compile(r"^(?P<catalog>[^@]+)@(?P<which>v?\d+|latest|\d{4}-\d{2}-\d{2})$")

FormatOption = Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")]
FailOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when an unwaived change has this impact or worse."),
]
WaiverOption = Annotated[
    Path | None, typer.Option("--waivers", help="File of accepted changes (TOML, YAML or JSON).")
]


def stored_side(ref: str, db_url: str | None) -> Side:
    """A stored version named ``catalog@vN``, ``catalog@latest`` or ``catalog@YYYY-MM-DD``."""
    m = _STORED.match(ref)
    if m is None:
        fail(f"{ref}: no such file or stored version (catalog@v3)")
    catalog, which = m["catalog"], m["which"]
    database = open_database(db_url)
    try:
        history = History(database)
        if which == "latest":
            version = history.get(catalog)
        elif "-" in which:
            version = history.at(catalog, dt.date.fromisoformat(which))
        else:
            version = history.get(catalog, int(which.lstrip("v")))
        return side_from_document(history.document(catalog, version.number), version.ref)
    except (GovCatalogError, ValueError) as exc:
        fail(f"{ref}: {exc}")
    finally:
        database.dispose()


def read_side(arg: str, pack: Pack, db_url: str | None) -> Side:
    """A file, or a stored version when no file has that name."""
    path = Path(arg)
    if not path.exists():
        return stored_side(arg, db_url)
    try:
        return load_side(path, pack, label=arg)
    except GovCatalogError as exc:
        fail(str(exc))


def emit(
    result: CatalogDiff,
    *,
    fmt: DiffFormat,
    lang: Lang,
    fail_on: FailOn,
    waivers: Path | None,
    output: Path | None,
) -> None:
    """Apply waivers, render, write, and exit with the code ``--fail-on`` asks for."""
    if waivers is not None:
        try:
            result = apply_waivers(result, read_waivers(waivers))
        except GovCatalogError as exc:
            fail(str(exc))
    if fmt is DiffFormat.TEXT and output is None:
        render_text(result, Console(highlight=False, soft_wrap=True), lang)
    else:
        text = render_diff(result, fmt, lang=lang)
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
    raise typer.Exit(EXIT_FINDINGS if result.fails(fail_on.impact) else EXIT_OK)


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="Old version: a catalog file or catalog@vN.")],
    new: Annotated[str, typer.Argument(help="New version: a catalog file or catalog@vN.")],
    *,
    fmt: FormatOption = DiffFormat.TEXT,
    lang: LangOption = Lang.ZH,
    fail_on: FailOption = FailOn.NONE,
    waivers: WaiverOption = None,
    output: OutputOption = None,
    pack: PackOption = None,
    db: DbOption = None,
) -> None:
    """Compare two catalog versions: every change, classified breaking / compatible / editorial.

    Resources are matched by code, then by name, provider and data items (reported as
    recoded). Exit codes: 0 nothing at or above --fail-on; 1 such changes; 2 unreadable input.
    """
    the_pack = load_pack(pack)
    # Both versions live to the end: the cyclic collector would only walk them, again and again
    # while the changes are written (a third of a province diff's time), and once more after.
    with collector_paused_to_the_end():
        a = read_side(old, the_pack, db)
        b = read_side(new, the_pack, db)
        result = compare(a, b, field_names(the_pack), element_changes(the_pack))
        emit(result, fmt=fmt, lang=lang, fail_on=fail_on, waivers=waivers, output=output)
