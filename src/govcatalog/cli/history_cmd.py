"""``govcatalog history``: store catalog versions, list them, show one, diff two, check updates."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, app
from govcatalog.cli.diff_cmd import (
    FailOn,
    FailOption,
    FormatOption,
    WaiverOption,
    emit,
)
from govcatalog.cli.options import DbOption, LangOption, OutputOption, PackOption
from govcatalog.diff import compare
from govcatalog.diff.elements import element_changes
from govcatalog.diff.load import field_names, load_side, side_from_document
from govcatalog.diff.plan import canonical_document
from govcatalog.errors import GovCatalogError
from govcatalog.render.dispatch import DiffFormat
from govcatalog.report import Lang
from govcatalog.resolve.bases import load_base_pack
from govcatalog.resolve.update_deadline import UpdateStatus, check_update
from govcatalog.store import open_database
from govcatalog.store.history import History

history_app = typer.Typer(
    name="history",
    help="Keep immutable, content-hashed versions of catalogs and compare them.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(history_app)

CatalogOption = Annotated[
    str, typer.Option("--catalog", "-c", help="The catalog's name, e.g. city-x.")
]
_VERSION = re.compile(r"^v?(\d+)$")


@contextmanager
def _history(db: str | None) -> Iterator[History]:
    database = open_database(db)
    try:
        yield History(database)
    finally:
        database.dispose()


def _number(text: str) -> int:
    m = _VERSION.match(text)
    if m is None:
        fail(f"not a version number: {text!r} (write v3 or 3)")
    return int(m[1])


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"not a date: {text!r} (write CCYY-MM-DD)")


@history_app.command("add")
def add_command(
    file: Annotated[Path, typer.Argument(help="Catalog file (any supported format).")],
    *,
    catalog: CatalogOption,
    effective: Annotated[
        str | None, typer.Option("--effective", help="Day it came into force (CCYY-MM-DD).")
    ] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="Free label for the version.")
    ] = None,
    pack: PackOption = None,
    db: DbOption = None,
) -> None:
    """Store a catalog file as the next version of a catalog (atomically; unchanged → no copy)."""
    day = _date(effective) if effective else None
    try:
        side = load_side(file, load_pack(pack), label=str(file))
        with _history(db) as history:
            added = history.add(catalog, canonical_document(side), effective=day, label=label)
    except GovCatalogError as exc:
        fail(str(exc))
    v = added.version
    if added.created:
        typer.echo(
            f"{v.ref} sha256:{v.sha256[:12]} {v.resource_count} resources, effective {v.effective}"
        )
    else:
        typer.echo(f"unchanged: same content as {v.ref} (sha256:{v.sha256[:12]})")


@history_app.command("list")
def list_command(
    catalog: Annotated[
        str | None, typer.Option("--catalog", "-c", help="List this catalog's versions.")
    ] = None,
    db: DbOption = None,
) -> None:
    """List the stored catalogs, or the versions of one catalog."""
    with _history(db) as history:
        _list(history, catalog)


def _list(history: History, catalog: str | None) -> None:
    console = Console(highlight=False)
    if catalog is None:
        names = history.catalogs()
        for name in names:
            console.print(f"{name}  ({history.count(name)} versions)", markup=False)
        if not names:
            console.print("no catalogs stored")
        return
    try:
        versions = history.versions(catalog)
    except GovCatalogError as exc:
        fail(str(exc))
    table = Table("version", "effective", "stored (UTC)", "resources", "label", "sha256")
    for v in versions:
        stored = v.created_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
        table.add_row(
            f"v{v.number}",
            str(v.effective),
            stored,
            str(v.resource_count),
            v.label or "",
            v.sha256[:12],
        )
    console.print(table)


@history_app.command("show")
def show_command(
    catalog: CatalogOption,
    at: Annotated[
        str | None, typer.Option("--at", help="The version in force on this day (CCYY-MM-DD).")
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", "-v", help="A version number (v3).")
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Show one version (default: the latest); --output writes its canonical JSON document."""
    if at and version:
        fail("give --at or --version, not both")
    try:
        with _history(db) as history:
            if at:
                v = history.at(catalog, _date(at))
            else:
                v = history.get(catalog, _number(version) if version else None)
            document = history.document(catalog, v.number)
    except GovCatalogError as exc:
        fail(str(exc))
    typer.echo(
        f"{v.ref}  effective {v.effective}  {v.resource_count} resources  "
        f"label {v.label or '-'}  sha256:{v.sha256}"
    )
    if output is not None:
        output.write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


@history_app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="Old version (v3).")],
    new: Annotated[str, typer.Argument(help="New version (v5).")],
    *,
    catalog: CatalogOption,
    fmt: FormatOption = DiffFormat.TEXT,
    lang: LangOption = Lang.ZH,
    fail_on: FailOption = FailOn.NONE,
    waivers: WaiverOption = None,
    output: OutputOption = None,
    pack: PackOption = None,
    db: DbOption = None,
) -> None:
    """Compare two stored versions of a catalog (options as for ``govcatalog diff``)."""
    sides = []
    with _history(db) as history:
        for ref in (old, new):
            number = _number(ref)
            try:
                document = history.document(catalog, number)
            except GovCatalogError as exc:
                fail(str(exc))
            sides.append(side_from_document(document, f"{catalog}@v{number}"))
    the_pack = load_pack(pack)
    result = compare(sides[0], sides[1], field_names(the_pack), element_changes(the_pack))
    emit(result, fmt=fmt, lang=lang, fail_on=fail_on, waivers=waivers, output=output)


@history_app.command("deadline")
def deadline_command(
    catalog: CatalogOption,
    changed: Annotated[
        str,
        typer.Option(
            "--changed", help="The day the law or the department's duties changed (CCYY-MM-DD)."
        ),
    ],
    version: Annotated[
        str | None,
        typer.Option(
            "--version",
            "-v",
            help="The version that reflects the change [default: the first effective after it].",
        ),
    ] = None,
    pack: PackOption = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Judge a missing update on this day (CCYY-MM-DD)."),
    ] = None,
    lang: LangOption = Lang.ZH,
    db: DbOption = None,
) -> None:
    """Was the catalog updated in time after a law or duties changed (条例 第十七条, 51号 第六条)?

    The version's day is its effective date (its own 发布日期, else the day it was stored).
    Exit codes: 0 on time; 1 late, in the extension only, or not yet updated; 2 usage error.
    """
    day = _date(changed)
    try:
        with _history(db) as history:
            versions = history.versions(catalog)
        chosen = (
            next((v for v in versions if v.number == _number(version)), None)
            if version
            else next((v for v in versions if v.effective > day), None)
        )
        if version and chosen is None:
            fail(f"{catalog} has no version {version}")
        calendar = load_base_pack().calendar
        rules = load_pack(pack) if pack else None
        check = check_update(
            day,
            chosen.effective if chosen else None,
            calendar=calendar,
            pack=rules,
            today=_date(today) if today else None,
        )
    except (GovCatalogError, LookupError) as exc:
        fail(str(exc))
    where = f"{chosen.ref}: " if chosen else f"{catalog}: "
    typer.echo(where + (check.describe_zh() if lang is Lang.ZH else check.describe_en()))
    typer.echo(check.regime.describe_zh() if lang is Lang.ZH else check.regime.describe_en())
    raise typer.Exit(EXIT_OK if check.status is UpdateStatus.ON_TIME else EXIT_FINDINGS)
