"""One large JSON file validated by several workers, each reading its own byte range.

A worker plans the file (:func:`plan_file_wire`): it opens it as one process would — under
the pack it is judged by, its date or kind included — finds where each resource is in the
bytes (:mod:`govcatalog.records.fast_json`, in C) and validates the catalog facts. It sends
back a small :class:`FilePlan`: ranges of whole resources, each with its first byte, its
last, and the line and column it starts at. Each range is then a task of its own
(:func:`check_range_wire`): its worker reads those bytes alone and validates their
resources as one process does, located alike. What concerns the whole file — the facts, an
element no resource carries (GC-S009), the catalog-wide rules — is done once per file: the
facts by the plan, the rest when the ranges are merged (:mod:`govcatalog.batch.spread`).

A file of another shape (a top-level list, a repeated key, …) or another format is not
split: the planning worker validates it whole, as one task would.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from govcatalog._collector import collector_paused
from govcatalog.batch.files import FileTask, checked, named_pack, open_task, unread, validator
from govcatalog.batch.wire import findings_to_rows, summaries_to_shards, to_wire
from govcatalog.errors import LoadError
from govcatalog.io.records import RawRecord
from govcatalog.records.fast import FastDocument, fast_reader, reads
from govcatalog.records.fast_json import ByteLines, Layout, Member, spans
from govcatalog.records.read_record import ReadRecord
from govcatalog.records.regime import Judged

RANGE_BYTES = 64 << 20
"""A JSON file larger than this is read in ranges of about this many bytes (64 MiB)."""
MIN_RANGE_BYTES = 8 << 20
"""Ranges are never made smaller than this to keep workers busy: below it, planning and
merging cost more than a second worker saves."""


def range_for_workers(range_bytes: int, workers: int, sizes: Sequence[int]) -> int | None:
    """The range size for files of ``sizes`` bytes on ``workers`` workers: ``range_bytes``,
    or smaller when the files would give fewer tasks than there are workers (one 40 MB file on
    two workers: ranges of 20 MB), never below :data:`MIN_RANGE_BYTES`; None (a task a file)
    when whole files already share the work out evenly — at least two a worker, none more than
    half as large again as their mean — so that ranges would only add their planning."""
    if workers >= 2 and len(sizes) >= 2 * workers and 2 * max(sizes) * len(sizes) <= 3 * sum(sizes):
        return None
    tasks = sum(max(1, -(-size // range_bytes)) for size in sizes)
    if workers < 2 or tasks >= workers:
        return range_bytes
    return max(MIN_RANGE_BYTES, min(range_bytes, -(-sum(sizes) // workers)))


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Whole resources of a file: the first's index, how many, their bytes, where they start.

    Attributes:
        first: Index of the first resource in the file's list.
        count: Number of resources.
        start: Offset of the first resource's first byte.
        end: Offset just past the last resource's last byte.
        line: Line of ``start`` in the file.
        column: Column of ``start`` (in characters, as every position is counted).
    """

    first: int
    count: int
    start: int
    end: int
    line: int
    column: int


@dataclass(frozen=True)
class FilePlan:
    """How a file is read in ranges, and what was found of the file as a whole.

    Attributes:
        pack: How a worker loads the pack the file is judged under.
        ref: That pack's reference.
        regime: Why that pack (Chinese, English).
        pointer: JSON pointer of the list of resources.
        ranges: The ranges, in the order of the file.
        head: The findings of the catalog facts, as rows.
        stamp: The file's size and modification time when it was planned: a range task
            finding others reads nothing (the file is then validated whole, as it is).
    """

    pack: str
    ref: str
    regime: tuple[str, str]
    pointer: str
    ranges: tuple[ByteRange, ...]
    head: bytes
    stamp: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class RangeTask:
    """One range of a planned file (small and picklable)."""

    file: FileTask
    plan: FilePlan
    part: ByteRange


def plan_file_wire(task: FileTask, range_bytes: int) -> FilePlan | bytes:
    """The plan of the task's file in ranges of about ``range_bytes``; or, for a file that
    is not split (fewer than two ranges, not the plain JSON shape), its whole outcome
    validated here, as :func:`~govcatalog.batch.wire.check_file_wire` gives it."""
    with collector_paused():
        try:
            stamp: tuple[int, int] | None = _stamp(Path(task.path))
        except OSError:  # opening it says why
            stamp = None
        try:
            judged = open_task(task)
        except LoadError as exc:
            return to_wire(unread(task, exc), task.shards)
        plan = _plan(task, judged, range_bytes)
        if plan is None or stamp is None or _stamp(Path(task.path)) != stamp:
            return to_wire(checked(task, judged), task.shards)
        return replace(plan, stamp=stamp)


def _plan(task: FileTask, judged: Judged, range_bytes: int) -> FilePlan | None:
    doc = judged.document
    if not isinstance(doc, FastDocument) or doc.shape is None or doc.reader is None:
        return None
    try:
        ranges = tuple(split_ranges(doc.buf, doc.shape, range_bytes))
    except UnicodeDecodeError:  # before a resource: the text reader says where
        return None
    if len(ranges) < 2:
        return None
    if doc.info is None:  # facts after the resources: one process meets them at the end
        doc.info = doc.late_info
    pack = judged.regime.pack
    head = validator(None, pack, task.options).check_info(doc)
    return FilePlan(
        task.pack if isinstance(task.pack, str) else pack.ref,
        pack.ref,
        (judged.regime.describe_zh(), judged.regime.describe_en()),
        doc.shape.resources.pointer,
        ranges,
        pickle.dumps(findings_to_rows(head), protocol=pickle.HIGHEST_PROTOCOL),
    )


def split_ranges(buf: bytes, shape: Layout, range_bytes: int) -> Iterator[ByteRange]:
    """Ranges of whole resources, in order: the list of resources cut in as many ranges as
    ``range_bytes`` goes into its bytes (rounded up), of about equal size — each ends with
    the first resource that brings it to that size (the last range with the last resource).

    Raises:
        UnicodeDecodeError: When the text before a range's start is not UTF-8.
    """
    size = range_target(shape.resources.end - shape.resources.start, range_bytes)
    lines = ByteLines(buf)
    first = start = -1
    last = (0, 0)
    for index, begin, end, _ in spans(buf, shape):
        if first < 0:
            first, start = index, begin
        last = (index, end)
        if end - start >= size:
            yield ByteRange(first, index - first + 1, start, end, *lines.at(start))
            first = -1
    if first >= 0:
        yield ByteRange(first, last[0] - first + 1, start, last[1], *lines.at(start))


def range_target(total: int, range_bytes: int) -> int:
    """The size of each range of a list of ``total`` bytes: ``total`` shared equally by
    ⌈total / range_bytes⌉ ranges (equal tasks end together)."""
    count = max(1, -(-total // max(range_bytes, 1)))
    return -(-total // count)


def check_range_wire(task: RangeTask) -> bytes | None:
    """Validate the resources of one range where the task is sent (the worker reads only
    their bytes); None when they cannot be read as planned (the file changed, or it is not
    readable there): the caller then has the file validated whole.

    Returns:
        Pickled (finding rows, (canonical pointer, finding row) of each absent element,
        resources, items, summaries as bytes: one blob a shard of the reduce step).
    """
    with collector_paused():
        pack = named_pack(task.plan.pack)
        reader = fast_reader(pack)
        part = task.part
        if reader is None or pack.ref != task.plan.ref:
            return None
        msgspec: Any = reader.msgspec
        errors: tuple[type[Exception], ...] = (OSError, UnicodeDecodeError, RecursionError)
        errors += (LoadError, *_errors(msgspec))
        try:
            buf = _range_bytes(Path(task.file.path), part, task.plan.stamp)
            raws = msgspec.json.decode(buf, type=list[msgspec.Raw])
            if len(raws) != part.count:
                return None
            member = Member(task.plan.pointer, 0, len(buf), None)
            doc = FastDocument(task.file.name, None, iter(()), reader=reader, buf=buf)
            doc.shape = Layout(None, member, raws)
            doc.origin = (1, part.line, part.column)  # located as in the whole file
            found = reads(doc, pack)
            assert found is not None  # a fast document of the reader's own pack
            records = _numbered(found, part.first, task.plan.pointer)
            check = validator(None, pack, task.file.options)
            out = check.check_reads(records, part.count, task.file.name)
        except errors:
            return None
        seen: dict[object, object] = {}
        absent = [(p, findings_to_rows([f], seen)[0]) for p, f in out.absent]
        resolved = (s.resolved(task.file.name) for s in out.summaries)
        summaries = summaries_to_shards(resolved, task.file.shards)
        rows = (findings_to_rows(out.findings, seen), absent, out.resources, out.items, summaries)
        return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def _errors(msgspec: Any) -> tuple[type[Exception], ...]:
    return (msgspec.DecodeError, msgspec.ValidationError)


def _stamp(path: Path) -> tuple[int, int]:
    """The file's size and modification time (nanoseconds).

    Raises:
        OSError: When it cannot be looked at.
    """
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _range_bytes(path: Path, part: ByteRange, stamp: tuple[int, int]) -> bytes:
    """The range's bytes in a list (``[`` … ``]``): its resources start at offset 1.

    Raises:
        OSError: When the file cannot be read, or is not as planned (``stamp``).
    """
    with path.open("rb") as fh:
        st = os.fstat(fh.fileno())
        if (st.st_size, st.st_mtime_ns) != stamp:
            raise OSError(f"{path}: changed since it was planned")
        fh.seek(part.start)
        chunk = fh.read(part.end - part.start)
    if len(chunk) != part.end - part.start:
        raise OSError(f"{path}: shorter than planned")
    return b"[" + chunk + b"]"


def _numbered(found: Iterator[ReadRecord], first: int, pointer: str) -> Iterator[ReadRecord]:
    """The range's resources numbered as in the file (the reader counts from 0)."""
    for read in found:
        raw = read.raw
        index = first + raw.index
        again = RawRecord(
            index, f"{pointer}/{index}", raw.data, raw.locator, raw.sheet, raw.cells, raw.repeated
        )
        yield ReadRecord(again, read.coerced)
