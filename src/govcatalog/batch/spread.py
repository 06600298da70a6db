"""Files validated on an executor: one task per file, or, for a large JSON file, its ranges.

Every task reads its own file, or its own bytes of one (:mod:`govcatalog.batch.ranges`):
the caller stats the files and nothing more. A file larger than the range size is planned
by a worker, its ranges validated by as many tasks, and their outcomes merged here into the
file's outcome, the findings that concern the whole file added once: those of the catalog
facts (found by the plan), one GC-S009 per element no resource carries, and — for a file
that is a catalog of its own — the catalog-wide rules, run by a task over the summaries
(:func:`~govcatalog.batch.reduce.catalog_wire`). The outcome is the one a single task, or
one process, gives.

With a finding limit (``max_findings``) a file is not split: one process stops reading it
after the partition that reaches the limit, which only a reader going through the file in
order can know.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from govcatalog.batch.cluster import submit_with_data
from govcatalog.batch.files import FileOutcome, FileTask, named_pack, validator
from govcatalog.batch.ranges import FilePlan, RangeTask, check_range_wire, plan_file_wire
from govcatalog.batch.reduce import catalog_wire
from govcatalog.batch.wire import check_file_wire, findings_from_rows, from_wire
from govcatalog.report import Finding, Report, Stats


@dataclass
class _Split:
    """A file being validated in ranges: the plan, and the ranges' outcomes as they come."""

    plan: FilePlan
    parts: list[RangeOutcome | None]
    merged: FileOutcome | None = field(default=None)


@dataclass
class _Run:
    """The tasks of one run: what each future is, the outcomes not yet given."""

    executor: Executor
    tasks: Sequence[FileTask]
    pending: dict[Future[object], tuple[str, int, int]] = field(default_factory=dict)
    splits: dict[int, _Split] = field(default_factory=dict)
    arrived: dict[int, FileOutcome] = field(default_factory=dict)

    def submit(self, kind: str, file: int, fn: Callable[..., object], *args: object) -> None:
        self.pending[submit_with_data(self.executor, fn, *args)] = (kind, file, 0)

    def submit_range(self, file: int, k: int, task: RangeTask) -> None:
        self.pending[submit_with_data(self.executor, check_range_wire, task)] = ("range", file, k)


def outcomes_there(
    executor: Executor, tasks: Sequence[FileTask], range_bytes: int | None
) -> Generator[FileOutcome, None, None]:
    """Every file's outcome, in the order of the files, its summaries left as sent.

    Every file's task (or its plan) is submitted at once, largest file first (so that no
    worker ends long after the others), a file's ranges as soon as its plan arrives; each
    outcome is restored as soon as it arrives, while the workers go on. The tasks not needed
    when the caller stops are cancelled."""
    run = _Run(executor, tasks)
    for i in sorted(range(len(tasks)), key=lambda i: -_size(tasks[i].path)):
        if _splits(tasks[i], range_bytes):
            run.submit("plan", i, plan_file_wire, tasks[i], range_bytes)
        else:
            run.submit("file", i, check_file_wire, tasks[i])
    following = 0
    try:
        while run.pending:
            done, _ = wait(run.pending, return_when=FIRST_COMPLETED)
            for future in done:
                kind, i, k = run.pending.pop(future)
                _arrived(run, kind, i, k, future.result())
            while following in run.arrived:
                yield run.arrived.pop(following)
                following += 1
    finally:
        for future in run.pending:
            future.cancel()


def _arrived(run: _Run, kind: str, i: int, k: int, result: object) -> None:
    """Take what a task sent back; submit what follows from it."""
    task = run.tasks[i]
    if kind == "file" or (kind == "plan" and isinstance(result, bytes)):
        assert isinstance(result, bytes)
        run.arrived[i] = from_wire(result, summaries=False)
    elif kind == "plan":
        assert isinstance(result, FilePlan)
        run.splits[i] = _Split(result, [None] * len(result.ranges))
        for n, part in enumerate(result.ranges):
            run.submit_range(i, n, RangeTask(task, result, part))
    elif kind == "range":
        _range_arrived(run, i, k, result)
    else:  # the catalog-wide findings of a file split in ranges
        assert isinstance(result, bytes)
        merged = run.splits.pop(i).merged
        assert merged is not None
        found = findings_from_rows(pickle.loads(result))  # noqa: S301 - see from_wire
        report = merged.report
        whole = Report.of([*report.findings, *found], report.stats, report.pack)
        run.arrived[i] = replace(merged, report=whole, wired=())


def _range_arrived(run: _Run, i: int, k: int, result: object) -> None:
    split = run.splits.get(i)
    if split is None or split.merged is not None:  # given up for the whole file
        return
    task = run.tasks[i]
    if result is None:  # not readable as planned: the file whole, as one task reads it
        del run.splits[i]
        run.submit("file", i, check_file_wire, task)
        return
    assert isinstance(result, bytes)
    split.parts[k] = RangeOutcome.of(result)  # restored as they come, while the others run
    if any(p is None for p in split.parts):
        return
    merged = merged_ranges(task, split.plan, [p for p in split.parts if p is not None])
    if not task.catalog_rules:
        del run.splits[i]
        run.arrived[i] = merged
        return
    split.merged = merged
    # a file that is a catalog of its own has its reduce step in one task (one shard)
    parts = [(split.plan.ref, blob) for (blob,) in merged.wired]
    specs = {split.plan.ref: split.plan.pack}
    run.submit("catalog", i, catalog_wire, parts, specs, task.options)


@dataclass(frozen=True)
class RangeOutcome:
    """What the task of one range sent back, its findings restored."""

    findings: tuple[Finding, ...]
    absent: list[tuple[str, Finding]]
    resources: int
    items: int
    summaries: tuple[bytes, ...]

    @classmethod
    def of(cls, blob: bytes) -> RangeOutcome:
        """The outcome of :func:`~govcatalog.batch.ranges.check_range_wire` bytes."""
        rows, absent_rows, resources, items, summaries = pickle.loads(blob)  # noqa: S301
        lacking = findings_from_rows(row for _, row in absent_rows)
        absent = list(zip((p for p, _ in absent_rows), lacking, strict=True))
        return cls(findings_from_rows(rows), absent, resources, items, summaries)


def merged_ranges(task: FileTask, plan: FilePlan, parts: Sequence[RangeOutcome]) -> FileOutcome:
    """The outcome of a file of its ranges' outcomes (in order) and of its plan: the
    findings of one process but the catalog-wide ones, whose summaries stay as sent."""
    findings = [f for part in parts for f in part.findings]
    absent = [a for part in parts for a in part.absent]
    resources = sum(part.resources for part in parts)
    items = sum(part.items for part in parts)
    wired = [part.summaries for part in parts]
    if absent:
        check = validator(None, named_pack(plan.pack), task.options)
        findings.extend(check.absent_elements(absent, resources, task.name))
    findings.extend(findings_from_rows(pickle.loads(plan.head)))  # noqa: S301
    stats = Stats(files=1, resources=resources, items=items)
    report = Report.of(findings, stats, plan.ref)
    return FileOutcome(report, (), plan.ref, plan.regime, wired=tuple(wired))


def _splits(task: FileTask, range_bytes: int | None) -> bool:
    """Whether the task's file is planned in ranges (see the module's note on the limit)."""
    if range_bytes is None or task.options.max_findings is not None:
        return False
    return _size(task.path) > range_bytes


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
