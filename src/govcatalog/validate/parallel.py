"""Partitions of a document and running them on an executor, reading at the workers' pace."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from govcatalog.io.records import Locator, RawRecord
from govcatalog.packs.registry import get_pack
from govcatalog.validate.options import PartitionOutcome, ValidationOptions

if TYPE_CHECKING:
    from govcatalog.validate.validator import Validator

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def bounded_map(
    executor: Executor, fn: Callable[[_In], _Out], items: Iterable[_In], window: int | None = None
) -> Iterator[_Out]:
    """``executor.map(fn, items)`` with at most ``window`` items submitted and not yet taken.

    ``Executor.map`` submits every item at once, so a catalog read lazily would be
    held in memory whole, pickled for the workers; here reading keeps pace with the
    workers (default window: twice their number). Items not yet run are cancelled when
    the caller stops early.
    """
    size = window or 2 * max(1, int(getattr(executor, "_max_workers", 2)))
    pending: deque[Future[_Out]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(fn, item))
            if len(pending) >= size:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


_Item = TypeVar("_Item")


def partitions(records: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    """Lists of ``size`` items (the last one shorter) taken lazily from ``records``."""
    while True:
        part = list(islice(records, size))
        if not part:
            return
        yield part


def streamed(items: Iterator[_Item], size: int) -> Iterator[Iterator[_Item]]:
    """Partitions of ``size`` items taken lazily from ``items``, none held whole: each must
    be used up before the next is asked for."""
    for first in items:
        yield chain((first,), islice(items, size - 1))


def detach(part: list[RawRecord]) -> list[RawRecord]:
    """Records whose locators hold only their own text, ready to send to another process."""
    out = []
    for r in part:
        loc = r.locator
        detach: Callable[[], Locator] | None = getattr(loc, "detached_copy", None)
        if detach is not None:
            r = RawRecord(r.index, r.pointer, r.data, detach(), r.sheet, r.cells, r.repeated)  # noqa: PLW2901
        out.append(r)
    return out


@cache
def _worker_validator(pack_ref: str, options: ValidationOptions) -> Validator:
    from govcatalog.validate.validator import Validator  # noqa: PLC0415 - it runs partitions here

    return Validator(get_pack(pack_ref), options)


@dataclass(frozen=True)
class PartitionTask:
    """Picklable work item: validate one partition in whichever process runs it."""

    pack_ref: str
    options: ValidationOptions
    file: str

    def __call__(self, part: list[RawRecord]) -> PartitionOutcome:
        out = _worker_validator(self.pack_ref, self.options).check_partition(part, self.file)
        # Positions are resolved here; the locator need not travel back.
        out.summaries[:] = [s.resolved() for s in out.summaries]
        return out
