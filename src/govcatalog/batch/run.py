"""Several files validated as one report: in this process, or one task per file on an executor.

The files are read where they are validated — here, or by the worker that runs their task —
never by the caller before sending them. Files are independent catalogs unless
``one_catalog`` says they are parts of one: the catalog-wide rules then run once, over every
file's summaries (:mod:`govcatalog.batch.reduce`). The findings are the same wherever the files
were validated.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, as_completed
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from govcatalog._collector import collector_paused
from govcatalog.batch.cluster import HasExecutor, as_executor
from govcatalog.batch.files import (
    Engine,
    FileOutcome,
    FileTask,
    Validators,
    check_file,
    named_pack,
    validator,
)
from govcatalog.batch.reduce import catalog_findings
from govcatalog.batch.wire import check_file_wire, from_wire
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import get_pack
from govcatalog.report import Finding, Report, Stats
from govcatalog.validate import ValidationOptions

Progress = Callable[[str, int], None]
"""Called with a file's name and the number of its resources validated so far."""


@dataclass(frozen=True)
class BatchResult:
    """The report of several files, and what the caller should say beside it.

    Attributes:
        report: Every finding, sorted, cut at ``max_findings``; its regime says which rules
            were applied to the files.
        errors: Why each file that could not be read could not (its GC-S001 finding is in
            the report).
        warnings: Other notes, once each (rules the SHACL engine cannot run).
    """

    report: Report
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def validate_many(
    paths: Sequence[str | os.PathLike[str]],
    *,
    pack: Pack | str | os.PathLike[str] | None = None,
    options: ValidationOptions | None = None,
    names: Sequence[str] | None = None,
    one_catalog: bool = False,
    executor: Executor | HasExecutor | None = None,
    partitions: Executor | None = None,
    engine: Engine = Engine.NATIVE,
    progress: Progress | None = None,
) -> BatchResult:
    """Validate catalog files and merge their findings into one report.

    With ``options.max_findings`` the files are taken in order until that many findings are
    found: the files left are not read (or their results are dropped) and the report says
    it was cut.

    Args:
        paths: The files (any supported format).
        pack: The pack (a :class:`Pack`, a reference or a pack directory), or None to judge
            each file under the rules in force on its date. On an executor, workers load it
            by reference or directory: give a reference they know.
        options: Selection, overrides and the finding limit.
        names: How findings name each file (default: the path as given).
        one_catalog: The files are parts of one catalog: codes must be unique across them
            and related codes may point into another file.
        executor: Runs one task per file, each reading its own file: a
            :class:`concurrent.futures.Executor` (a process pool) or a Dask
            ``distributed.Client``. None validates the files here, one after the other.
        partitions: Without ``executor``: runs the partitions of each file (read here).
        engine: The native rules, or the pack's SHACL shapes (here only, files apart).
        progress: Told how far each file has got.

    Raises:
        GovCatalogError: For misuse (an unknown pack); an unreadable file is a GC-S001 finding.
        ValueError: For the SHACL engine with ``one_catalog`` or ``executor``.
    """
    if engine is Engine.SHACL and (one_catalog or executor is not None):
        raise ValueError("the SHACL engine validates files one by one, here")
    opts = options or ValidationOptions()
    named = os.fspath(pack) if isinstance(pack, os.PathLike) else pack
    base = named_pack(named)
    labels = list(names) if names is not None else [str(p) for p in paths]
    validators: Validators = {}
    tasks = [
        FileTask(str(p), label, pack if pack is None else base, opts, engine, not one_catalog)
        for p, label in zip(paths, labels, strict=True)
    ]
    # Outcomes from an executor are millions of small acyclic objects, made here at once and
    # kept until they are merged: the cyclic collector would only walk them again and again, so
    # it is paused. Files read here pause it themselves (Validator.validate_local), and let it
    # collect between files whatever reading left in cycles.
    with collector_paused() if executor is not None else nullcontext():
        if executor is None:
            outcomes = _here(tasks, validators, partitions, progress)
        else:
            outcomes = _there(as_executor(executor), _remote(tasks, named), progress)
        done, cut = _take(outcomes, len(tasks), opts.max_findings)
        return _reduced(done, cut, one_catalog, validators, opts, base.ref)


def _remote(tasks: list[FileTask], pack: Pack | str | None) -> list[FileTask]:
    """The tasks as sent to other processes: the pack named so that they can load it."""
    spec = _spec(pack)
    return [FileTask(t.path, t.name, spec, t.options, t.engine, t.catalog_rules) for t in tasks]


def _reduced(
    done: list[FileOutcome],
    cut: bool,
    one_catalog: bool,
    validators: Validators,
    opts: ValidationOptions,
    pack: str,
) -> BatchResult:
    """The catalog-wide rules run over the outcomes as one catalog (when they are), and the
    outcomes merged, with the collector paused (the summaries and findings are acyclic)."""
    with collector_paused():
        catalog = None
        if one_catalog:
            catalog = catalog_findings(done, lambda ref: validator(validators, get_pack(ref), opts))
        return _merged(done, cut, catalog, pack, opts.max_findings)


def _merged(
    done: list[FileOutcome],
    cut: bool,
    catalog: list[Finding] | None,
    pack: str,
    limit: int | None,
) -> BatchResult:
    """One result of the files' outcomes and the catalog-wide findings of the reduce step."""
    reports = [o.report for o in done]
    if cut:  # the limit was reached before the last file
        reports.append(Report((), Stats(files=0, truncated=True), pack))
    if catalog is not None:
        reports.append(Report.of(catalog, Stats(), pack))
    used = list(dict.fromkeys(o.pack for o in done if o.pack)) or [pack]
    report = Report.merged(reports, ", ".join(used), limit)
    regimes = [o.regime for o in done if o.regime is not None]
    if regimes:
        zh = "；".join(dict.fromkeys(r[0] for r in regimes))
        report = report.with_regime(zh, "; ".join(dict.fromkeys(r[1] for r in regimes)))
    errors = tuple(o.error for o in done if o.error is not None)
    warnings = tuple(dict.fromkeys(w for o in done for w in o.warnings))
    return BatchResult(report, errors, warnings)


def _take(
    outcomes: Iterator[FileOutcome], count: int, limit: int | None
) -> tuple[list[FileOutcome], bool]:
    """The outcomes in order, up to the first that reaches ``limit`` findings; True if cut."""
    done: list[FileOutcome] = []
    try:
        for _ in range(count):
            if limit is not None and sum(len(o.report) for o in done) >= limit:
                return done, True
            done.append(next(outcomes))
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    return done, False


def _here(
    tasks: list[FileTask],
    validators: Validators,
    partitions: Executor | None,
    progress: Progress | None,
) -> Iterator[FileOutcome]:
    for task in tasks:
        told = None if progress is None else _told(progress, task.name)
        yield check_file(task, validators, partitions, told)


def _told(progress: Progress, name: str) -> Callable[[int], None]:
    return lambda n: progress(name, n)


def _there(
    executor: Executor, tasks: list[FileTask], progress: Progress | None
) -> Iterator[FileOutcome]:
    """Every task submitted (largest file first, so that no worker ends long after the others),
    outcomes given in the order of the files (sent back as plain rows, see
    :mod:`~govcatalog.batch.wire`); the ones not taken are cancelled.

    Each outcome is restored as soon as it arrives, while the workers go on: waiting for the
    files in order would leave the ones that ended early to the end, after the last worker."""
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i].path))
    index = {executor.submit(check_file_wire, tasks[i]): i for i in order}
    arrived: dict[int, FileOutcome] = {}
    following = 0
    try:
        for future in as_completed(index):
            arrived[index[future]] = from_wire(future.result())
            while following in arrived:
                out = arrived.pop(following)
                if progress is not None:
                    progress(tasks[following].name, out.report.stats.resources)
                yield out
                following += 1
    finally:
        for future in index:
            future.cancel()


def _spec(pack: Pack | str | None) -> str | None:
    """How a worker loads the pack: its reference, or its directory as an absolute path."""
    if isinstance(pack, Pack):
        return pack.ref
    return str(Path(pack).resolve()) if pack and Path(pack).is_dir() else pack


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
