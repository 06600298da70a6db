"""``govcatalog validate``: validate catalog files and report every finding."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from govcatalog import examples
from govcatalog.cli._common import fail, load_pack, warn
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app
from govcatalog.cli.options import PackOption
from govcatalog.config import (
    Config,
    find_config,
    load_config,
    parse_severity_overrides,
)
from govcatalog.errors import ConfigError, GovCatalogError, LoadError, UnknownExample
from govcatalog.io.records import SourceDocument
from govcatalog.packs import Pack
from govcatalog.packs.regime import Regime, pick_regime
from govcatalog.records.regime import open_judged
from govcatalog.render import (
    render_text,
)
from govcatalog.render.dispatch import ReportFormat, render_report
from govcatalog.report import Lang, Report, Severity, Stats
from govcatalog.rules.engine import pack_rules
from govcatalog.validate import ValidationOptions, Validator
from govcatalog.vocab import Evidence


class Engine(StrEnum):
    """Which validator runs the rules."""

    NATIVE = "native"
    SHACL = "shacl"


def write_output(text: str, output: Path | None, fmt: ReportFormat) -> None:
    """Write ``text`` to ``output`` (CSV with a byte-order mark, for spreadsheets) or stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        encoding = "utf-8-sig" if fmt is ReportFormat.CSV else "utf-8"
        output.write_text(text, encoding=encoding, newline="")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def settings(config: Path | None, no_config: bool) -> Config:
    """The settings file's settings (or none), exiting 2 on a malformed file."""
    if no_config:
        return Config()
    path = config or find_config()
    if path is None:
        return Config()
    if not path.is_file():
        fail(f"no settings file {path}")
    try:
        return load_config(path)
    except ConfigError as exc:
        fail(str(exc))


def _example_path(name: str) -> Path:
    try:
        return examples.path(name)
    except UnknownExample as exc:
        fail(str(exc))


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _validate_with_progress(
    validator: Validator, doc: SourceDocument, executor: Executor | None = None
) -> Report:
    """Validate, showing a progress line on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return validator.validate_document(doc, executor)
    from rich.progress import Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415

    stderr = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        TextColumn("{task.completed} resources"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    ) as bar:
        task = bar.add_task(doc.name, total=None)
        return validator.validate_document(
            doc, executor, progress=lambda n: bar.update(task, completed=n)
        )


def _warn_unshaped(pack: Pack, shaped: frozenset[str], warned: set[str]) -> None:
    """Say once per pack which rules the SHACL engine cannot run (they have no shapes)."""
    if pack.ref in warned:
        return
    warned.add(pack.ref)
    codes = {r.code for r in pack.declared_rules} | {c for r in pack_rules(pack) for c in r.codes}
    missing = sorted(codes - shaped)
    if missing:
        Console(stderr=True, soft_wrap=True).print(
            f"govcatalog: warning: {pack.ref}: the SHACL engine has no shapes for "
            f"{', '.join(missing)}; the native engine checks them",
            markup=False,
            highlight=False,
        )


@app.command("validate")
def validate_command(
    files_: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE...", help="Catalog files (JSON, YAML, XLSX, CSV, XML, RDF)."),
    ] = None,
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            help="Validate a shipped example: city, city-errors, city-2025, small.",
        ),
    ] = None,
    pack: PackOption = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.TEXT,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Message language.")] = Lang.ZH,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is at or above this severity [default: error]."
        ),
    ] = None,
    min_evidence: Annotated[
        Evidence | None,
        typer.Option(
            "--min-evidence", help="Only rules with at least this evidence [default: UNCONFIRMED]."
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Report only these codes (repeatable).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Never report these codes (repeatable).")
    ] = None,
    severity: Annotated[
        list[str] | None,
        typer.Option(
            "--severity",
            metavar="CODE=LEVEL",
            help="Override a code's severity, e.g. GC-F004=info (repeatable).",
        ),
    ] = None,
    max_findings: Annotated[
        int | None,
        typer.Option(
            "--max-findings",
            min=0,
            help="Stop after this many findings; the report says it was cut.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file instead of stdout."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Settings file (default: govcatalog.toml or [tool.govcatalog] in "
            "pyproject.toml, here or in a parent).",
        ),
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore settings files.")] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for large catalogs.")
    ] = 1,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Write a copy of the .xlsx input with the findings marked in their cells.",
        ),
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

    Settings come from govcatalog.toml or [tool.govcatalog] in pyproject.toml; flags override them.
    Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 unreadable input or usage error.
    """
    paths = list(files_ or [])
    if example:
        paths.append(_example_path(example))
    # a shipped example is named by its file name, not by where the package is installed
    labels = {
        p: (p.name if example and i == len(paths) - 1 else str(p)) for i, p in enumerate(paths)
    }
    if not paths:
        fail("no input: give catalog files or --example")
    if annotate is not None and (
        len(paths) != 1 or paths[0].suffix.lower() not in (".xlsx", ".xlsm")
    ):
        fail("--annotate needs exactly one .xlsx input")
    conf = settings(config, no_config)
    named = pack or conf.pack
    the_pack = load_pack(named)
    # Without a named pack each file is judged under the rules in force on its date; the
    # codes a user may select are those of the newest regime (it extends the older ones).
    codes_pack = the_pack if named else pick_regime(None, today=dt.date.today()).pack
    try:
        overrides = {**conf.severity, **parse_severity_overrides(severity or [])}
    except ValueError as exc:
        fail(str(exc))
    chosen = frozenset(select) if select else conf.select
    ignored = frozenset(ignore) if ignore else conf.ignore
    unknown = sorted({*(chosen or ()), *ignored, *overrides} - set(codes_pack.codebook))
    if unknown:
        fail(f"unknown finding codes: {', '.join(unknown)}")
    if fail_on is None:
        fail_on = conf.fail_on or Severity.ERROR
    options = ValidationOptions(
        select=chosen,
        ignore=ignored,
        severity=overrides,
        min_evidence=min_evidence or conf.min_evidence or Evidence.UNCONFIRMED,
        max_findings=max_findings if max_findings is not None else conf.max_findings,
    )
    validators: dict[str, Validator] = {}

    def validator_for(p: Pack) -> Validator:
        if p.ref not in validators:
            try:
                validators[p.ref] = Validator(p, options)
            except GovCatalogError as exc:
                fail(str(exc))
        return validators[p.ref]

    validator = validator_for(the_pack)
    regimes: list[Regime] = []
    reports: list[Report] = []
    warned: set[str] = set()
    unreadable = False
    for path in paths:
        limit = options.max_findings
        if limit is not None and sum(len(r) for r in reports) >= limit:
            # The limit is reached: the files left are not read, and the report says it was cut.
            skipped = Stats(files=0, truncated=True)
            reports.append(Report((), skipped, the_pack.ref))
            break
        label = labels[path]
        try:
            judged = open_judged(path, named=the_pack if named else None, name=label)
            doc, regime = judged.document, judged.regime
            regimes.append(regime)
            file_validator = validator_for(regime.pack)
            if engine is Engine.SHACL:
                from govcatalog.rdf.shacl import validate_document_shacl  # noqa: PLC0415
                from govcatalog.rdf.shapes import build_shapes  # noqa: PLC0415

                shapes = build_shapes(regime.pack)
                _warn_unshaped(regime.pack, shapes.codes, warned)
                reports.append(
                    validate_document_shacl(doc, regime.pack, shapes=shapes, options=options)
                )
            elif jobs > 1:
                pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
                try:
                    reports.append(_validate_with_progress(file_validator, doc, pool))
                except KeyboardInterrupt:
                    # Stop at once: queued partitions are dropped, workers are not waited
                    # for (they ignore the interrupt themselves, so print nothing).
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
                pool.shutdown()
            else:
                reports.append(_validate_with_progress(file_validator, doc))
        except LoadError as exc:
            unreadable = True
            reports.append(validator.unreadable(exc))
            if fmt is ReportFormat.TEXT:
                warn(str(exc), prefix="")
        except GovCatalogError as exc:
            fail(str(exc))
    used = list(dict.fromkeys(r.pack.ref for r in regimes)) or [the_pack.ref]
    report = Report.merged(reports, ", ".join(used), options.max_findings)
    if regimes:
        report = report.with_regime(
            "；".join(dict.fromkeys(r.describe_zh() for r in regimes)),
            "; ".join(dict.fromkeys(r.describe_en() for r in regimes)),
        )
    if annotate is not None and not unreadable:
        from govcatalog.io.annotate import annotate_workbook  # noqa: PLC0415 - needs the xlsx extra

        try:
            annotate_workbook(paths[0], report, annotate, lang=lang)
        except GovCatalogError as exc:
            fail(str(exc))
    if fmt is ReportFormat.TEXT and output is None:
        render_text(report, Console(highlight=False, soft_wrap=True), lang)
    elif fmt is ReportFormat.TEXT and output is not None:
        with output.open("w", encoding="utf-8") as fh:
            console = Console(file=fh, highlight=False, soft_wrap=True, no_color=True)
            render_text(report, console, lang)
    else:
        text = render_report(report, fmt, lang=lang, pack=codes_pack, fail_on=fail_on)
        write_output(text, output, fmt)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if report.fails(fail_on) else EXIT_OK)
