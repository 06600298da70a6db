"""``govcatalog validate``: validate catalog files and report every finding."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from govcatalog import examples
from govcatalog._collector import collector_paused_to_the_end
from govcatalog.batch import Engine, Progress, dask_executor, validate_many
from govcatalog.batch.ranges import RANGE_BYTES, range_for_workers
from govcatalog.cli._common import fail, load_pack, replaced_whole, warn
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app
from govcatalog.cli.options import PackOption
from govcatalog.cli.validate_options import (
    AnnotateOption,
    ConfigOption,
    EngineOption,
    ExampleOption,
    FailOnOption,
    FilesArgument,
    FormatOption,
    IgnoreOption,
    JobsOption,
    MaxFindingsOption,
    MessageLangOption,
    MinEvidenceOption,
    NoConfigOption,
    OneCatalogOption,
    RangeOption,
    ReportOutputOption,
    SchedulerOption,
    SelectOption,
    SeverityOption,
    ShardsOption,
    WorkersOption,
)
from govcatalog.config import Config, find_config, load_config, parse_severity_overrides
from govcatalog.errors import ConfigError, GovCatalogError, UnknownExample
from govcatalog.packs import Pack
from govcatalog.packs.regime import pick_regime
from govcatalog.render import render_text
from govcatalog.render.dispatch import ReportFormat, report_pieces
from govcatalog.report import Lang, Report, Severity
from govcatalog.validate import ValidationOptions
from govcatalog.vocab import Evidence


@app.command("validate")
def validate_command(
    files_: FilesArgument = None,
    example: ExampleOption = None,
    pack: PackOption = None,
    fmt: FormatOption = ReportFormat.TEXT,
    lang: MessageLangOption = Lang.ZH,
    fail_on: FailOnOption = None,
    min_evidence: MinEvidenceOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    severity: SeverityOption = None,
    max_findings: MaxFindingsOption = None,
    output: ReportOutputOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    jobs: JobsOption = 1,
    annotate: AnnotateOption = None,
    engine: EngineOption = Engine.NATIVE,
    one_catalog: OneCatalogOption = False,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    range_mb: RangeOption = None,
    reduce_shards: ShardsOption = None,
) -> None:
    """Validate catalogs and report every finding, located and explained in Chinese and English.

    Settings come from govcatalog.toml or [tool.govcatalog] in pyproject.toml; flags override them.
    Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 unreadable input or usage error.
    """
    # objects live to the end: the cyclic collector would only walk them (docs/performance.md)
    with collector_paused_to_the_end():
        paths, names = _inputs(files_, example)
        if annotate is not None and (len(paths) != 1 or paths[0].suffix.lower() not in XLSX):
            fail("--annotate needs exactly one .xlsx input")
        conf = settings(config, no_config)
        the_pack = load_pack(named := pack or conf.pack)
        # unnamed: each file judged by its date; the codes selectable are the newest regime's
        codes_pack = the_pack if named else pick_regime(None, today=dt.date.today()).pack
        options = _options(conf, codes_pack, select, ignore, severity, min_evidence, max_findings)
        try:
            with _executors(jobs, scheduler, workers) as (executor, pool), _progress() as told:
                result = validate_many(
                    paths, pack=named, options=options, names=names, one_catalog=one_catalog,
                    executor=executor, partitions=pool, engine=engine, progress=told,
                    range_bytes=_range_size(range_mb, workers, paths), reduce_shards=reduce_shards,
                )  # fmt: skip
        except (GovCatalogError, ValueError, OSError) as exc:
            fail(str(exc))
        for note in result.warnings:
            warn(note)
        for error in result.errors if fmt is ReportFormat.TEXT else ():
            warn(error, prefix="")
        report = result.report
        if annotate is not None and not result.errors:
            _annotate(paths[0], report, annotate, lang)
        fail_on = fail_on or conf.fail_on or Severity.ERROR
        _write_report(report, fmt, output, lang, codes_pack, fail_on)
        raise typer.Exit(
            EXIT_USAGE if result.errors else EXIT_FINDINGS if report.fails(fail_on) else EXIT_OK
        )


XLSX = (".xlsx", ".xlsm")


def _range_size(range_mb: float | None, workers: int | None, paths: list[Path]) -> int | None:
    """The byte-range size: as given (0: none); by default 64 MiB, smaller on a local cluster
    the files would not keep busy, none where whole files share the work out evenly
    (:func:`~govcatalog.batch.ranges.range_for_workers`)."""
    if range_mb is not None:
        return int(range_mb * (1 << 20)) or None
    if workers is None:
        return RANGE_BYTES
    sizes = [p.stat().st_size for p in paths if p.is_file()]
    return range_for_workers(RANGE_BYTES, workers, sizes)


def _inputs(files: list[Path] | None, example: str | None) -> tuple[list[Path], list[str]]:
    """The files to read and their names in findings (a shipped example by its file name, not
    by where the package is installed)."""
    paths = list(files or [])
    names = [str(p) for p in paths]
    if example:
        try:
            paths.append(examples.path(example))
        except UnknownExample as exc:
            fail(str(exc))
        names.append(paths[-1].name)
    if not paths:
        fail("no input: give catalog files or --example")
    return paths, names


def _options(
    conf: Config,
    codes_pack: Pack,
    select: list[str] | None,
    ignore: list[str] | None,
    severity: list[str] | None,
    min_evidence: Evidence | None,
    max_findings: int | None,
) -> ValidationOptions:
    """The validation options of the flags over the settings file's; exit 2 on unknown codes."""
    try:
        overrides = {**conf.severity, **parse_severity_overrides(severity or [])}
    except ValueError as exc:
        fail(str(exc))
    chosen = frozenset(select) if select else conf.select
    ignored = frozenset(ignore) if ignore else conf.ignore
    unknown = sorted({*(chosen or ()), *ignored, *overrides} - set(codes_pack.codebook))
    if unknown:
        fail(f"unknown finding codes: {', '.join(unknown)}")
    return ValidationOptions(
        select=chosen,
        ignore=ignored,
        severity=overrides,
        min_evidence=min_evidence or conf.min_evidence or Evidence.UNCONFIRMED,
        max_findings=max_findings if max_findings is not None else conf.max_findings,
    )


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _executors(
    jobs: int, scheduler: str | None, workers: int | None
) -> Iterator[tuple[Executor | None, Executor | None]]:
    """Where files run (a Dask cluster) and where partitions of a file run (``--jobs``)."""
    if scheduler is not None or workers is not None:
        if scheduler is not None and workers is not None:
            fail("--scheduler and --workers exclude each other")
        if jobs > 1:
            fail("--jobs splits files in this process's pool; on Dask each file is a task")
        with dask_executor(scheduler, workers) as executor:
            yield executor, None
        return
    if jobs == 1:
        yield None, None
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    try:
        yield None, pool
    except KeyboardInterrupt:
        # Stop at once: queued partitions are dropped, workers are not waited for (they
        # ignore the interrupt themselves, so print nothing).
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """A progress line per file on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress as Bar  # noqa: PLC0415
    from rich.progress import TaskID, TextColumn, TimeElapsedColumn  # noqa: PLC0415

    with Bar(
        TextColumn("{task.description}"),
        TextColumn("{task.completed} resources"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def told(name: str, done: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=None)
            bar.update(tasks[name], completed=done)

        yield told


def _annotate(path: Path, report: Report, annotate: Path, lang: Lang) -> None:
    from govcatalog.io.annotate import annotate_workbook  # noqa: PLC0415 - needs the xlsx extra

    try:
        annotate_workbook(path, report, annotate, lang=lang)
    except GovCatalogError as exc:
        fail(str(exc))


def _write_report(
    report: Report,
    fmt: ReportFormat,
    output: Path | None,
    lang: Lang,
    pack: Pack,
    fail_on: Severity,
) -> None:
    if fmt is ReportFormat.TEXT and output is None:
        render_text(report, Console(highlight=False, soft_wrap=True), lang)
    elif fmt is ReportFormat.TEXT and output is not None:
        try:
            with replaced_whole(output) as fh:
                console = Console(file=fh, highlight=False, soft_wrap=True, no_color=True)
                render_text(report, console, lang)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    else:  # render_report's text; JSON, SARIF, CSV and JUnit written as it is made
        pieces = report_pieces(report, fmt, lang=lang, pack=pack, fail_on=fail_on)
        write_output(pieces, output, fmt)


def write_output(pieces: Iterable[str], output: Path | None, fmt: ReportFormat) -> None:
    """Write the pieces of a text to ``output`` (CSV with a byte-order mark, for
    spreadsheets) or stdout."""
    if output is None:
        sys.stdout.writelines(pieces)
        return
    try:
        encoding = "utf-8-sig" if fmt is ReportFormat.CSV else "utf-8"
        with replaced_whole(output, encoding, newline="") as fh:
            fh.writelines(pieces)
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
