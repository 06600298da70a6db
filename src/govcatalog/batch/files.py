"""One file of a set, validated wherever it runs: here, in a process pool or on a Dask worker.

A :class:`FileTask` names its file, pack and options only: the process that runs it reads the
file itself (the caller never parses it), and sends back a :class:`FileOutcome` — the file's
findings and, when the catalog-wide rules are left to the reduce step, the small summaries
they need (see :mod:`govcatalog.batch.reduce`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from govcatalog.errors import LoadError
from govcatalog.io.records import SourceDocument
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.records.regime import Judged, open_judged
from govcatalog.report import Report
from govcatalog.rules.catalog import ResourceSummary
from govcatalog.rules.engine import pack_rules
from govcatalog.validate import ValidationOptions, Validator


class Engine(StrEnum):
    """Which validator runs the rules."""

    NATIVE = "native"
    SHACL = "shacl"


@dataclass(frozen=True)
class FileTask:
    """What to validate: small and picklable when ``pack`` is a reference or a directory.

    Attributes:
        path: The file, as the process that runs the task sees it.
        name: The file's name in findings.
        pack: The pack (a :class:`Pack` in this process; a reference or directory path
            elsewhere), or None to judge the file under the rules in force on its date.
        options: Selection and overrides.
        engine: The native rules, or the pack's SHACL shapes.
        catalog_rules: Run the catalog-wide rules on this file alone; False leaves them to
            the reduce step over every file's summaries.
        shards: In how many shards the reduce step runs: the summaries are sent split so
            (:mod:`govcatalog.rules.catalog_shards`).
    """

    path: str
    name: str
    pack: Pack | str | None
    options: ValidationOptions
    engine: Engine = Engine.NATIVE
    catalog_rules: bool = True
    shards: int = 1


@dataclass(frozen=True)
class FileOutcome:
    """The result of one :class:`FileTask`.

    Attributes:
        report: The file's findings (without the catalog-wide ones when they are left to
            the reduce step).
        summaries: What the catalog-wide rules need of each resource, positions fixed.
        pack: The reference of the pack the file was judged under (None: unreadable).
        regime: Why that pack (Chinese, English).
        error: Why the file could not be read, when it could not.
        warnings: What the caller should know (rules the SHACL engine cannot run).
        wired: Summaries as they came from another process, still bytes: for each file or
            range, one blob a shard of the reduce step (see
            :func:`~govcatalog.batch.wire.summaries_to_shards`), restored where the reduce
            task of that shard runs, not by the caller.
    """

    report: Report
    summaries: tuple[ResourceSummary, ...] = ()
    pack: str | None = None
    regime: tuple[str, str] | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    wired: tuple[tuple[bytes, ...], ...] = ()


Validators = dict[tuple[str, ValidationOptions], Validator]
"""Validators built so far, by pack reference and options (building one costs milliseconds)."""

_HERE: Validators = {}
"""The validators of this process, for tasks sent from another one."""


def validator(cache: Validators | None, pack: Pack, options: ValidationOptions) -> Validator:
    """The validator of ``pack`` with ``options``, built once per cache (None: this
    process's)."""
    cache = _HERE if cache is None else cache
    key = (pack.ref, options)
    if key not in cache:
        cache[key] = Validator(pack, options)
    return cache[key]


def named_pack(pack: Pack | str | None) -> Pack:
    """The pack a task names (a reference or a directory), or the national pack."""
    if isinstance(pack, Pack):
        return pack
    if pack and Path(pack).is_dir():
        return get_pack(Path(pack))
    return get_pack(pack or DEFAULT_PACK)


def check_file(
    task: FileTask,
    validators: Validators | None = None,
    partitions: Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> FileOutcome:
    """Read and validate one file.

    Args:
        task: The file.
        validators: Validators to reuse (default: this process's).
        partitions: Runs the partitions of the file (it is then read here).
        progress: Called with the number of resources done so far.

    Raises:
        GovCatalogError: For misuse (an unknown pack, an unsupported format); a file that
            cannot be read is an outcome with a GC-S001 finding, not an error.
    """
    cache = _HERE if validators is None else validators
    try:
        judged = open_task(task)
    except LoadError as exc:
        return unread(task, exc, cache)
    return checked(task, judged, cache, partitions, progress)


def open_task(task: FileTask) -> Judged:
    """The task's file opened under the pack it is judged by (named, else its kind or date).

    Raises:
        LoadError: When the file cannot be read.
    """
    named = named_pack(task.pack) if task.pack is not None else None
    return open_judged(Path(task.path), named=named, name=task.name)


def unread(task: FileTask, error: LoadError, validators: Validators | None = None) -> FileOutcome:
    """The outcome of a file that could not be read: one GC-S001 finding and the reason."""
    cache = _HERE if validators is None else validators
    report = validator(cache, named_pack(task.pack), task.options).unreadable(error)
    return FileOutcome(report, error=str(error))


def checked(
    task: FileTask,
    judged: Judged,
    validators: Validators | None = None,
    partitions: Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> FileOutcome:
    """The outcome of a file opened by :func:`open_task`, read and validated here."""
    cache = _HERE if validators is None else validators
    doc, regime = judged.document, judged.regime
    try:
        if task.engine is Engine.SHACL:
            report, warnings = _shacl(doc, regime.pack, task.options)
            summaries: tuple[ResourceSummary, ...] = ()
        else:
            warnings = ()
            check = validator(cache, regime.pack, task.options)
            report, summaries = _native(check, doc, task, partitions, progress)
    except LoadError as exc:
        return unread(task, exc, cache)
    regime_text = (regime.describe_zh(), regime.describe_en())
    return FileOutcome(report, summaries, regime.pack.ref, regime_text, warnings=warnings)


def _native(
    check: Validator,
    doc: SourceDocument,
    task: FileTask,
    partitions: Executor | None,
    progress: Callable[[int], None] | None,
) -> tuple[Report, tuple[ResourceSummary, ...]]:
    if task.catalog_rules:
        return check.validate_document(doc, partitions, progress), ()
    local = check.validate_local(doc, partitions, progress)
    report = Report.of(local.findings, local.stats, check.pack.ref)
    return report, tuple(s.resolved(task.name) for s in local.summaries)


def _shacl(
    doc: SourceDocument, pack: Pack, options: ValidationOptions
) -> tuple[Report, tuple[str, ...]]:
    from govcatalog.rdf.shacl import validate_document_shacl  # noqa: PLC0415 - the shacl extra
    from govcatalog.rdf.shapes import build_shapes  # noqa: PLC0415

    shapes = build_shapes(pack)
    codes = {r.code for r in pack.declared_rules} | {c for r in pack_rules(pack) for c in r.codes}
    missing = sorted(codes - shapes.codes)
    warnings = (
        (
            f"{pack.ref}: the SHACL engine has no shapes for {', '.join(missing)}; "
            "the native engine checks them",
        )
        if missing
        else ()
    )
    return validate_document_shacl(doc, pack, shapes=shapes, options=options), warnings
