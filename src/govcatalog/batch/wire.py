"""A file's outcome on its way from the process that validated it to the caller.

Pickled as objects, the outcome of a file of 50,000 resources is some 100,000 findings,
locations and summaries whose classes pickle through Python code: about a second of the
worker's CPU, spent in the worker's event loop, and as much again for the caller. On the wire
it is rows instead — tuples of strings, numbers and None — in one ``bytes`` object that C code
alone pickles and unpickles, and that an executor (a Dask worker) sends on without looking
inside. Strings that repeat (codes, hints, clauses, file and provider names) are sent once.
The summaries go as columns, one a field: the reduce step compares four of them and makes a
whole summary only for a resource it reports. A summary carries what locates it and names it
in another's finding (its sheet, and the line and cell of its code, name and related codes
alone: a few values a resource, whatever its size).

The caller restores every finding field by field, exactly as the worker made it: not through
its constructor, which would clip an already clipped value or message a second time. A
summary has no such step (no ``__post_init__``): it is made by its constructor, as its own
``__reduce__`` does.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import attrgetter
from typing import Any, Final, TypeVar

from govcatalog._collector import collector_paused
from govcatalog.batch.files import FileOutcome, FileTask, check_file
from govcatalog.report import Finding, Location, Report, Stats
from govcatalog.rules.catalog import FixedPositions, ResourceSummary, SummaryColumns
from govcatalog.rules.catalog_shards import shards_of

_T = TypeVar("_T")

_FINDING: Final = attrgetter(*Finding.__slots__)
_LOCATION: Final = attrgetter(*Location.__slots__)
_SUMMARY: Final = attrgetter(*ResourceSummary.__slots__)
_STATS: Final = attrgetter(*Stats.__slots__)
_AT_LOCATION: Final = Finding.__slots__.index("location")
_AT_LOCATOR: Final = ResourceSummary.__slots__.index("locator")
_FINDING_REPEATS: Final = tuple(
    Finding.__slots__.index(name) for name in ("code", "hint_zh", "hint_en", "clause")
)
_LOCATION_REPEATS: Final = tuple(
    Location.__slots__.index(name) for name in ("file", "provider", "sheet")
)
_SUMMARY_REPEATS: Final = tuple(
    ResourceSummary.__slots__.index(name) for name in ("provider", "file", "sheet")
)
_SUMMARY_COMPARED: Final = tuple(
    ResourceSummary.__slots__.index(name) for name in ("code", "name", "provider", "related")
)


def check_file_wire(task: FileTask) -> bytes:
    """:func:`~govcatalog.batch.files.check_file` run where the task is sent, its outcome as
    :func:`to_wire` bytes (the summaries split in the task's shards)."""
    # The outcome's objects live until they are rows, the rows until they are bytes: the
    # cyclic collector would only walk them (a third of the time of putting them on the wire).
    with collector_paused():
        return to_wire(check_file(task), task.shards)


def to_wire(outcome: FileOutcome, shards: int = 1) -> bytes:
    """The outcome as bytes of plain rows (:func:`from_wire` restores it).

    The summaries are bytes of their own inside, one blob a shard (see
    :func:`summaries_to_shards`): the caller may send them on to the reduce tasks without
    restoring them."""
    seen: dict[object, object] = {}
    findings = findings_to_rows(outcome.report.findings, seen)
    report = outcome.report
    wired = list(outcome.wired)
    if outcome.summaries:
        wired.insert(0, summaries_to_shards(outcome.summaries, shards))
    rows = (
        findings,
        _STATS(report.stats),
        (report.pack, report.regime_zh, report.regime_en),
        tuple(wired),
        (outcome.pack, outcome.regime, outcome.error, outcome.warnings),
    )
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def from_wire(data: bytes, *, summaries: bool = True) -> FileOutcome:
    """The outcome of :func:`to_wire` bytes, every object as it was where it was made.

    Args:
        data: The bytes.
        summaries: Restore the summaries; False leaves them as bytes in
            :attr:`~govcatalog.batch.files.FileOutcome.wired`, for the reduce step.
    """
    # The bytes come from this package's own task, run by the caller's executor (which
    # itself pickles whatever it sends): the trust is the same.
    findings, stats, (pack, zh, en), wired, rest = pickle.loads(data)  # noqa: S301
    report = Report(findings_from_rows(findings), Stats(*stats), pack, zh, en)
    outcome_pack, regime, error, warnings = rest
    restored: tuple[ResourceSummary, ...] = ()
    if summaries:
        restored = tuple(s for blobs in wired for s in summaries_from_wire(_whole(blobs)))
        wired = ()
    return FileOutcome(report, restored, outcome_pack, regime, error, warnings, wired)


def _whole(shards: tuple[bytes, ...]) -> bytes:
    """The one blob of summaries that are not split (a summary may be in several shards)."""
    if len(shards) != 1:
        raise ValueError("summaries split for the reduce tasks are restored there, shard by shard")
    return shards[0]


def findings_to_rows(
    findings: Iterable[Finding], seen: dict[object, object] | None = None
) -> list[tuple[Any, ...]]:
    """Findings as plain rows; strings that repeat are kept once (in ``seen``)."""
    once = ({} if seen is None else seen).setdefault
    return [_finding_row(f, once) for f in findings]


def findings_from_rows(rows: Iterable[Sequence[object]]) -> tuple[Finding, ...]:
    """The findings of :func:`findings_to_rows`, as they were made."""
    return tuple(map(_restorer(Finding, {"location": _restorer(Location)}), rows))


def summaries_to_wire(summaries: Iterable[ResourceSummary]) -> bytes:
    """Summaries as bytes of plain columns, one a field (only the positions the rules may
    report): the reduce step takes the columns the rules compare as they come
    (:func:`summary_columns_from_wire`)."""
    seen: dict[object, object] = {}
    once = seen.setdefault
    return _columns_bytes([_summary_row(s, once) for s in summaries])


def summaries_to_shards(summaries: Iterable[ResourceSummary], count: int) -> tuple[bytes, ...]:
    """Summaries as :func:`summaries_to_wire` bytes for each of ``count`` shards of the
    catalog-wide rules (:mod:`govcatalog.rules.catalog_shards`): shard ``k``'s bytes go to
    the reduce task of shard ``k`` alone. A summary is made a row once, whatever the number
    of shards it goes to."""
    if count == 1:
        return (summaries_to_wire(summaries),)
    seen: dict[object, object] = {}
    once = seen.setdefault
    shards: list[list[tuple[Any, ...]]] = [[] for _ in range(count)]
    for summary in summaries:
        row = None
        for k in shards_of(summary, count):
            row = row or _summary_row(summary, once)
            shards[k].append(row)
    return tuple(map(_columns_bytes, shards))


def _columns_bytes(rows: list[tuple[Any, ...]]) -> bytes:
    return pickle.dumps(tuple(zip(*rows, strict=True)), protocol=pickle.HIGHEST_PROTOCOL)


def summaries_from_wire(data: bytes) -> list[ResourceSummary]:
    """The summaries of :func:`summaries_to_wire` bytes."""
    columns = list(pickle.loads(data))  # noqa: S301 - this package's own bytes (see from_wire)
    if not columns:
        return []
    columns[_AT_LOCATOR] = map(FixedPositions, columns[_AT_LOCATOR])
    return list(map(ResourceSummary, *columns))


def summary_columns_from_wire(data: bytes) -> SummaryColumns:
    """The columns the catalog-wide rules compare, of :func:`summaries_to_wire` bytes; a whole
    summary is made only for a resource a rule reports."""
    columns = pickle.loads(data)  # noqa: S301 - this package's own bytes (see from_wire)
    if not columns:
        return SummaryColumns.of([])
    codes, names, providers, related = (columns[at] for at in _SUMMARY_COMPARED)

    def summary(i: int) -> ResourceSummary:
        row = [column[i] for column in columns]
        row[_AT_LOCATOR] = FixedPositions(row[_AT_LOCATOR])
        return ResourceSummary(*row)

    return SummaryColumns(codes, names, providers, related, summary)


def _finding_row(f: Finding, once: Callable[[Any, Any], Any]) -> tuple[Any, ...]:
    row = list(_FINDING(f))
    for at in _FINDING_REPEATS:
        row[at] = once(row[at], row[at])
    where = list(_LOCATION(f.location))
    for at in _LOCATION_REPEATS:
        where[at] = once(where[at], where[at])
    row[_AT_LOCATION] = tuple(where)
    return tuple(row)


def _summary_row(s: ResourceSummary, once: Callable[[Any, Any], Any]) -> tuple[Any, ...]:
    # only the positions and cells the rules may report go, never the input's text a locator
    # holds (a resolved summary's locator has fixed them)
    if not isinstance(s.locator, FixedPositions):
        s = s.resolved()
    row = list(_SUMMARY(s))
    row[_AT_LOCATOR] = s.locator.positions  # type: ignore[attr-defined]
    for at in _SUMMARY_REPEATS:
        row[at] = once(row[at], row[at])
    return tuple(row)


def _restorer(
    cls: type[_T], convert: Mapping[str, Callable[[Any], object]] | None = None
) -> Callable[[Sequence[object]], _T]:
    """Builds a ``cls`` (a frozen dataclass with slots) from its fields' values in slot order,
    without its constructor; ``convert`` builds the value of a field from its row."""
    slots: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]
    setters = [_setter(cls, name, (convert or {}).get(name)) for name in slots]
    new = object.__new__

    def restore(values: Sequence[object]) -> _T:
        obj: _T = new(cls)
        for put, value in zip(setters, values, strict=True):
            put(obj, value)
        return obj

    return restore


def _setter(
    cls: type, name: str, convert: Callable[[Any], object] | None
) -> Callable[[object, object], None]:
    put: Callable[[object, object], None] = getattr(cls, name).__set__
    if convert is None:
        return put
    return lambda obj, value: put(obj, convert(value))
