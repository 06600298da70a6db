"""``govcatalog score``: the catalog quality score, for the catalog and for each department."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from govcatalog.cli._common import fail, load_pack
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app
from govcatalog.cli.options import PackOption
from govcatalog.cli.validate_cmd import settings
from govcatalog.config import Config
from govcatalog.errors import GovCatalogError, LoadError
from govcatalog.packs.pack import Pack
from govcatalog.render.dispatch import ScoreFormat, render_score
from govcatalog.report import Lang
from govcatalog.score import Assessment, assess, render_score_text
from govcatalog.validate import ValidationOptions
from govcatalog.vocab import Evidence


def _day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--today expects a CCYY-MM-DD date, got {text!r}")


@app.command("score")
def score_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Catalog file (JSON, YAML).")],
    pack: PackOption = None,
    fmt: Annotated[
        ScoreFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ScoreFormat.TEXT,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language.")] = Lang.ZH,
    today: Annotated[
        str | None, typer.Option("--today", help="Judge timeliness on this day (CCYY-MM-DD).")
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under", min=0, max=100, help="Exit 1 when the catalog scores fewer points."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Settings file (as for validate: pack, rules, severities)."),
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore settings files.")] = False,
) -> None:
    """Score a catalog's quality: completeness, conformance, openness and sharing, timeliness.

    The weights and grades are the pack's score.toml. The HTML output is the full report:
    the score by department above the findings. Exit codes: 0 scored; 1 below --fail-under;
    2 unreadable input or usage error. The settings file's pack, rule selection and
    severities apply, as they do for validate, so conformance is judged the same way.
    """
    conf = settings(config, no_config)
    the_pack = load_pack(pack or conf.pack)
    day = _day(today)
    try:
        result = assess(file, pack=the_pack, today=day, options=_options(conf, the_pack))
    except LoadError as exc:
        fail(str(exc), EXIT_USAGE)
    except GovCatalogError as exc:
        fail(str(exc))
    _emit(result, fmt, lang, output)
    below = fail_under is not None and result.catalog.points < fail_under
    raise typer.Exit(EXIT_FINDINGS if below else EXIT_OK)


def _options(conf: Config, pack: Pack) -> ValidationOptions:
    """The settings file's rule selection and severities, its codes checked against the pack."""
    unknown = sorted({*(conf.select or ()), *conf.ignore, *conf.severity} - set(pack.codebook))
    if unknown:
        fail(f"unknown finding codes: {', '.join(unknown)}")
    return ValidationOptions(
        select=conf.select,
        ignore=conf.ignore,
        severity=conf.severity,
        min_evidence=conf.min_evidence or Evidence.UNCONFIRMED,
    )


def _emit(result: Assessment, fmt: ScoreFormat, lang: Lang, output: Path | None) -> None:
    """Print the score, or write it to ``output``."""
    if fmt is ScoreFormat.TEXT and output is None:
        console = Console(highlight=False, soft_wrap=True)
        if not console.is_terminal:
            console.width = 160  # a pipe or a CI log: do not squeeze the table to 80 columns
        render_score_text(result, console, lang)
        return
    text = render_score(result, fmt, lang=lang)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
