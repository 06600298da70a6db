"""Several files validated as one report: in this process, or as tasks on an executor.

The files are read where they are validated — here, or by the worker that runs their task
(one per file, or one per byte range of a large JSON file, :mod:`govcatalog.batch.spread`) —
never by the caller before sending them. Files are independent catalogs unless
``one_catalog`` says they are parts of one: the catalog-wide rules then run once, over every
file's summaries (:mod:`govcatalog.batch.reduce`), here or as a task. The findings are the
same wherever the files were validated.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from govcatalog._collector import collector_paused
from govcatalog.batch.cluster import HasExecutor, as_executor, submit_with_data
from govcatalog.batch.files import (
    Engine,
    FileOutcome,
    FileTask,
    Validators,
    check_file,
    named_pack,
    validator,
)
from govcatalog.batch.ranges import RANGE_BYTES
from govcatalog.batch.reduce import catalog_findings, catalog_wire, outcome_parts
from govcatalog.batch.spread import outcomes_there
from govcatalog.batch.wire import findings_from_rows
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import get_pack
from govcatalog.report import Finding, Report, Stats
from govcatalog.rules.catalog_shards import Shard
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


# long: the public entry of batch validation, each of its twelve options documented here
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
    range_bytes: int | None = RANGE_BYTES,
    reduce_shards: int | None = None,
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
        executor: Runs the tasks, each reading its own file (or byte range): a
            :class:`concurrent.futures.Executor` (a process pool) or a Dask
            ``distributed.Client``. None validates the files here, one after the other.
        partitions: Without ``executor``: runs the partitions of each file (read here).
        engine: The native rules, or the pack's SHACL shapes (here only, files apart).
        progress: Told how far each file has got.
        range_bytes: On an executor, a JSON file larger than this is read in ranges of
            about this many bytes, a task each (:mod:`govcatalog.batch.spread`; not with
            ``max_findings``); None: one task per file.
        reduce_shards: On an executor with ``one_catalog``: the catalog-wide rules run as
            this many tasks, each sent only the summaries of its share of the codes and
            names (:mod:`govcatalog.rules.catalog_shards`); None: one task for every
            :data:`SHARD_BYTES` of input. The findings are the same.

    Raises:
        GovCatalogError: For misuse (an unknown pack); an unreadable file is a GC-S001 finding.
        ValueError: For the SHACL engine with ``one_catalog`` or ``executor``.
    """
    if engine is Engine.SHACL and (one_catalog or executor is not None):
        raise ValueError("the SHACL engine validates files one by one, here")
    opts = options or ValidationOptions()
    named = os.fspath(pack) if isinstance(pack, os.PathLike) else pack
    base = named_pack(named)
    validators: Validators = {}
    shards = _shards(paths, reduce_shards) if one_catalog and executor is not None else 1
    like = FileTask("", "", None if pack is None else base, opts, engine, not one_catalog, shards)
    tasks = _tasks(paths, names, like)
    # outcomes from an executor: small acyclic objects the collector would only walk (_there)
    with collector_paused() if executor is not None else nullcontext():
        there = None if executor is None else as_executor(executor)
        if there is None:
            outcomes = _here(tasks, validators, partitions, progress)
        else:
            outcomes = _there(there, _remote(tasks, named), range_bytes, progress)
        done, cut = _take(outcomes, len(tasks), opts.max_findings)
        catalog = _catalog(done, there, validators, opts, named, shards) if one_catalog else None
        return _reduced(done, cut, catalog, opts, base.ref)


SHARD_BYTES = 1 << 30
"""Input bytes per reduce task, by default. A resource's summary goes to the shards of its code
and of its name, about two: a task of a 1 GiB share restores about a million summaries,
about 1 GB on its worker (docs/scaling.md)."""


def _shards(paths: Sequence[str | os.PathLike[str]], asked: int | None) -> int:
    """How many reduce tasks: as asked, else one for every :data:`SHARD_BYTES` of input."""
    if asked is not None:
        if asked < 1:
            raise ValueError(f"reduce_shards must be at least 1, not {asked}")
        return asked
    total = sum(_size(p) for p in paths)
    return max(1, -(-total // SHARD_BYTES))


def _size(path: str | os.PathLike[str]) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _tasks(
    paths: Sequence[str | os.PathLike[str]], names: Sequence[str] | None, like: FileTask
) -> list[FileTask]:
    """A task like ``like`` for each file, named as ``names`` say (default: as given)."""
    labels = list(names) if names is not None else [str(p) for p in paths]
    return [replace(like, path=str(p), name=n) for p, n in zip(paths, labels, strict=True)]


def _remote(tasks: list[FileTask], pack: Pack | str | None) -> list[FileTask]:
    """The tasks as sent to other processes: the pack named so that they can load it."""
    spec = _spec(pack)
    return [replace(t, pack=spec) for t in tasks]


def _catalog(
    done: list[FileOutcome],
    executor: Executor | None,
    validators: Validators,
    opts: ValidationOptions,
    pack: Pack | str | None,
    shards: int = 1,
) -> list[Finding]:
    """The catalog-wide findings of the files as one catalog: here over the summaries, or
    by tasks on the executor (one a shard) over the summaries as the workers sent them."""
    if executor is None:
        # a named pack (a directory's too) judged every file; else a pack known by reference
        base = None if pack is None else named_pack(pack)
        with collector_paused():  # the summaries and findings are acyclic
            return catalog_findings(
                outcome_parts(done),
                lambda ref: validator(validators, base or get_pack(ref), opts),
            )
    spec = _spec(pack)
    specs = {} if spec is None else {o.pack: spec for o in done if o.pack}
    futures = []
    for k in range(shards):  # each shard's summaries go to its own task, at once
        sent = [(o.pack, blobs[k]) for o in done for blobs in o.wired]
        shard = Shard(k, shards)
        futures.append(submit_with_data(executor, catalog_wire, sent, specs, opts, shard))
    rows = [row for future in futures for row in pickle.loads(future.result())]  # noqa: S301
    return list(findings_from_rows(rows))  # (the trust of wire.from_wire)


def _reduced(
    done: list[FileOutcome],
    cut: bool,
    catalog: list[Finding] | None,
    opts: ValidationOptions,
    pack: str,
) -> BatchResult:
    """The outcomes and the catalog-wide findings merged, with the collector paused (the
    summaries and findings are acyclic)."""
    with collector_paused():
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
    executor: Executor, tasks: list[FileTask], range_bytes: int | None, progress: Progress | None
) -> Iterator[FileOutcome]:
    """The outcomes of the tasks on the executor (:mod:`~govcatalog.batch.spread`), in the
    order of the files, progress told of each as it is given.

    They are millions of small acyclic objects, made at once and kept until they are merged:
    the cyclic collector, which would only walk them again and again, is paused meanwhile
    (files read here pause it themselves, :meth:`Validator.validate_local`, and let it
    collect between files whatever reading left in cycles)."""
    outcomes = outcomes_there(executor, tasks, range_bytes)
    try:
        for task, out in zip(tasks, outcomes, strict=False):
            if progress is not None:
                progress(task.name, out.report.stats.resources)
            yield out
    finally:
        outcomes.close()


def _spec(pack: Pack | str | None) -> str | None:
    """How a worker loads the pack: its reference, or its directory as an absolute path."""
    if isinstance(pack, Pack):
        return pack.ref
    return str(Path(pack).resolve()) if pack and Path(pack).is_dir() else pack
