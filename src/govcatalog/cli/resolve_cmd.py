"""``govcatalog resolve``: resolve a department's data request against the base databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, app
from govcatalog.errors import GovCatalogError
from govcatalog.loading import load_catalog
from govcatalog.render.dispatch import ResolveFormat, render_resolution
from govcatalog.report import Lang

if TYPE_CHECKING:
    from govcatalog.resolve.answers import Resolution
    from govcatalog.resolve.index import ResolveIndex
    from govcatalog.resolve.model import CatalogEntry


def _entries(catalogs: list[Path]) -> list[CatalogEntry]:
    from govcatalog.resolve.model import CatalogRole, catalog_entry  # noqa: PLC0415

    out = []
    for path in catalogs:
        catalog = load_catalog(path)
        out.append(
            catalog_entry(
                catalog, catalog_id=catalog.info.name or path.stem, role=CatalogRole.DEPARTMENT
            )
        )
    return out


def _index(
    entries: list[CatalogEntry], synonyms: dict[str, str], database: str | None
) -> ResolveIndex:
    from govcatalog.resolve.index import ResolveIndex  # noqa: PLC0415 - needs the resolve extra

    if database is None:
        return ResolveIndex.build(entries, synonyms)
    from govcatalog.errors import IndexDamaged  # noqa: PLC0415
    from govcatalog.resolve.index_store import IndexStore  # noqa: PLC0415
    from govcatalog.store import open_database  # noqa: PLC0415 - only with --database

    db = open_database(database)
    try:
        store = IndexStore(db)
        store.set_synonyms(synonyms)
        for entry in entries:
            store.sync(entry)  # incremental: unchanged content is skipped
        try:
            return store.load()
        except IndexDamaged as exc:
            # The catalogs given on this command line are rebuilt from their files;
            # damage anywhere else is refused (IndexDamaged reaches the edge).
            rebuilt = store.repair(entries, exc.catalogs)
            if not rebuilt:
                raise
            typer.echo(
                f"govcatalog: warning: rebuilt the damaged index of {', '.join(rebuilt)}",
                err=True,
            )
            return store.load()
    finally:
        db.dispose()


_Request = Annotated[
    Path, typer.Argument(metavar="REQUEST", help="Request file (JSON, CSV, xlsx).")
]
_Format = Annotated[ResolveFormat, typer.Option("--format", "-f", help="Output format.")]
_Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (required for xlsx).")
]
_Catalogs = Annotated[
    list[Path] | None,
    typer.Option("--catalog", "-c", help="Department catalog to match as well (repeatable)."),
]
_BasePack = Annotated[
    str | None,
    typer.Option(
        "--base-pack",
        help="Base-data pack reference or directory (default: the base-databases pack).",
    ),
]
_Database = Annotated[
    str | None,
    typer.Option("--database", help="Keep the index in this store (SQLAlchemy URL)."),
]
_Holidays = Annotated[
    Path | None,
    typer.Option("--holidays", help="Working-day calendar TOML replacing the pack's."),
]
_Today = Annotated[
    str | None,
    typer.Option("--today", help="Day of resolving (YYYY-MM-DD) when the request has no date."),
]
_Accept = Annotated[
    float, typer.Option("--accept", help="Lowest fuzzy score accepted as a match (0-100).")
]
_Lang = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the text output.")]
_Rules = Annotated[
    str | None,
    typer.Option(
        "--pack",
        "-p",
        help="Rules to apply (gb-1272@^1, sharing-2025@^1) [default: those in force on "
        "the request's date].",
    ),
]


def _write(result: Resolution, fmt: ResolveFormat, output: Path | None, lang: Lang) -> None:
    from govcatalog.resolve.render import write_xlsx  # noqa: PLC0415 - the resolve extra

    if fmt is ResolveFormat.XLSX:
        assert output is not None
        write_xlsx(result, output)
        return
    text = render_resolution(result, fmt, lang=lang)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")


@app.command("resolve")
def resolve_command(
    request: _Request,
    fmt: _Format = ResolveFormat.TEXT,
    output: _Output = None,
    catalog: _Catalogs = None,
    base_pack: _BasePack = None,
    database: _Database = None,
    holidays: _Holidays = None,
    today: _Today = None,
    accept: _Accept = 80.0,
    lang: _Lang = Lang.ZH,
    pack: _Rules = None,
) -> None:
    """Resolve a data request item by item: base database, resource, share type, action, due date.

    Exit codes: 0 every item matched and every key routed; 1 ambiguous or unmatched items,
    invalid keys, or a request lacking what the rules require (补充材料); 2 unreadable input or
    usage error.
    """
    # the resolver needs the resolve extra (numpy, rapidfuzz): imported when it runs
    from govcatalog.resolve.bases import BASE_PACK, base_entries, load_base_pack  # noqa: PLC0415
    from govcatalog.resolve.calendar import load_calendar  # noqa: PLC0415
    from govcatalog.resolve.request import read_request  # noqa: PLC0415
    from govcatalog.resolve.resolver import ResolveOptions, resolve  # noqa: PLC0415

    if fmt is ResolveFormat.XLSX and output is None:
        fail("--format xlsx needs --output FILE")
    base_pack = base_pack or BASE_PACK
    try:
        day = dt.date.fromisoformat(today) if today else None
    except ValueError:
        fail(f"--today {today!r} is not YYYY-MM-DD")
    try:
        bases = load_base_pack(Path(base_pack) if Path(base_pack).is_dir() else base_pack)
        calendar = load_calendar(holidays) if holidays else None
        req = read_request(request)
        entries = [*base_entries(bases), *_entries(list(catalog or ()))]
        index = _index(entries, dict(bases.synonyms.normalised()), database)
        rules = load_pack(pack) if pack else None
    except (GovCatalogError, ValueError, OSError) as exc:
        fail(str(exc))
    options = ResolveOptions(accept=accept, calendar=calendar, today=day, pack=rules)
    result = resolve(req, index, bases=bases, options=options)
    _write(result, fmt, output, lang)
    raise typer.Exit(EXIT_OK if result.ok and not result.missing else EXIT_FINDINGS)
