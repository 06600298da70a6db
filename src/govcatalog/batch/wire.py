"""A file's outcome on its way from the process that validated it to the caller.

Pickled as objects, the outcome of a file of 50,000 resources is some 100,000 findings,
locations and summaries whose classes pickle through Python code: about a second of the
worker's CPU, spent in the worker's event loop, and as much again for the caller. On the wire
it is rows instead — tuples of strings, numbers and None — in one ``bytes`` object that C code
alone pickles and unpickles, and that an executor (a Dask worker) sends on without looking
inside. Strings that repeat (codes, hints, clauses, file and provider names) are sent once.

The caller restores every object field by field, exactly as the worker made it: not through
its constructor, which would clip an already clipped value or message a second time.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import Any, Final, TypeVar

from govcatalog._collector import collector_paused
from govcatalog.batch.files import FileOutcome, FileTask, check_file
from govcatalog.report import Finding, Location, Report, Stats
from govcatalog.rules.catalog import FixedPositions, ResourceSummary

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


def check_file_wire(task: FileTask) -> bytes:
    """:func:`~govcatalog.batch.files.check_file` run where the task is sent, its outcome as
    :func:`to_wire` bytes."""
    # The outcome's objects live until they are rows, the rows until they are bytes: the
    # cyclic collector would only walk them (a third of the time of putting them on the wire).
    with collector_paused():
        return to_wire(check_file(task))


def to_wire(outcome: FileOutcome) -> bytes:
    """The outcome as bytes of plain rows (:func:`from_wire` restores it)."""
    seen: dict[object, object] = {}
    once = seen.setdefault
    findings = [_finding_row(f, once) for f in outcome.report.findings]
    summaries = [_summary_row(s, once) for s in outcome.summaries]
    report = outcome.report
    rows = (
        findings,
        _STATS(report.stats),
        (report.pack, report.regime_zh, report.regime_en),
        summaries,
        (outcome.pack, outcome.regime, outcome.error, outcome.warnings),
    )
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def from_wire(data: bytes) -> FileOutcome:
    """The outcome of :func:`to_wire` bytes, every object as it was where it was made."""
    # The bytes come from this package's own task, run by the caller's executor (which
    # itself pickles whatever it sends): the trust is the same.
    findings, stats, (pack, zh, en), summaries, rest = pickle.loads(data)  # noqa: S301
    finding = _restorer(Finding, {"location": _restorer(Location)})
    summary = _restorer(ResourceSummary, {"locator": FixedPositions})
    report = Report(tuple(map(finding, findings)), Stats(*stats), pack, zh, en)
    outcome_pack, regime, error, warnings = rest
    return FileOutcome(
        report, tuple(map(summary, summaries)), outcome_pack, regime, error, warnings
    )


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
    # only the positions the rules may report go, never the input's text a locator holds
    fixed = s.locator if isinstance(s.locator, FixedPositions) else s.resolved().locator
    row = list(_SUMMARY(s))
    row[_AT_LOCATOR] = fixed.positions  # type: ignore[attr-defined]
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
