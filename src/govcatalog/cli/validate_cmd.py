"""``govcatalog validate``: validate catalog files and report every finding."""

from __future__ import annotations

import sys
from enum import StrEnum
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app
from govcatalog.errors import GovCatalogError, LoadError
from govcatalog.render import render_json, render_text
from govcatalog.report import Lang, Report, Severity, Stats
from govcatalog.validate import ValidationOptions, Validator
from govcatalog.vocab import Evidence

EXAMPLES = {
    "city": "city-catalog.json",
    "city-errors": "city-catalog-with-errors.json",
}
"""Example catalogs shipped with the package, by short name."""


class Engine(StrEnum):
    """Which validator runs the rules."""

    NATIVE = "native"
    SHACL = "shacl"


class OutputFormat(StrEnum):
    """Report formats of ``validate``."""

    TEXT = "text"
    JSON = "json"


def _example_path(name: str) -> Path:
    if name not in EXAMPLES:
        fail(f"unknown example {name!r}; choose from {', '.join(EXAMPLES)}")
    resource = files("govcatalog") / "_data" / "examples" / EXAMPLES[name]
    with as_file(resource) as path:
        return Path(path)


def _merge(reports: list[Report], pack: str) -> Report:
    findings = [f for r in reports for f in r.findings]
    stats = sum((r.stats for r in reports), Stats())
    return Report.of(findings, stats, pack)


@app.command("validate")
def validate_command(
    files_: Annotated[
        list[Path] | None, typer.Argument(metavar="FILE...", help="Catalog files (JSON, YAML).")
    ] = None,
    example: Annotated[
        str | None, typer.Option("--example", help="Validate a shipped example: city, city-errors.")
    ] = None,
    pack: Annotated[
        str | None, typer.Option("--pack", "-p", help="Pack reference (gb-1272@^1) or directory.")
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.TEXT,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Message language.")] = Lang.ZH,
    fail_on: Annotated[
        Severity,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
    ] = Severity.ERROR,
    min_evidence: Annotated[
        Evidence, typer.Option("--min-evidence", help="Only rules with at least this evidence.")
    ] = Evidence.UNCONFIRMED,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Report only these codes (repeatable).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Never report these codes (repeatable).")
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="native, or shacl: the pack's SHACL shapes run by pySHACL (extra 'shacl').",
        ),
    ] = Engine.NATIVE,
) -> None:
    """Validate catalogs and report every finding, located and explained in Chinese and English.

    Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 unreadable input or usage error.
    """
    paths = list(files_ or [])
    if example:
        paths.append(_example_path(example))
    if not paths:
        fail("no input: give catalog files or --example")
    the_pack = load_pack(pack)
    unknown = sorted({*(select or ()), *(ignore or ())} - set(the_pack.codebook))
    if unknown:
        fail(f"unknown finding codes: {', '.join(unknown)}")
    options = ValidationOptions(
        select=frozenset(select) if select else None,
        ignore=frozenset(ignore or ()),
        min_evidence=min_evidence,
    )
    try:
        validator = Validator(the_pack, options)
    except GovCatalogError as exc:
        fail(str(exc))
    reports: list[Report] = []
    unreadable = False
    for path in paths:
        label = str(path)
        try:
            from govcatalog.io.formats import read_document

            doc = read_document(path, name=label)
            if engine is Engine.SHACL:
                from govcatalog.rdf.shacl import validate_document_shacl  # noqa: PLC0415

                reports.append(validate_document_shacl(doc, the_pack, options=options))
            else:
                reports.append(validator.validate_document(doc))
        except LoadError as exc:
            unreadable = True
            reports.append(validator.unreadable(exc))
            if fmt is OutputFormat.TEXT:
                Console(stderr=True).print(f"govcatalog: {exc}", markup=False, highlight=False)
        except GovCatalogError as exc:
            fail(str(exc))
    report = _merge(reports, the_pack.ref)
    if fmt is OutputFormat.JSON:
        sys.stdout.write(render_json(report, lang) + "\n")
    else:
        render_text(report, Console(highlight=False, soft_wrap=True), lang)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if report.fails(fail_on) else EXIT_OK)
