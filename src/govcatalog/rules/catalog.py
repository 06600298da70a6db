"""Catalog-wide rules: unique codes (R8), related codes resolve and are not self-references,
and one provider does not list two resources of the same name.

They work on :class:`ResourceSummary` objects — a few facts per resource gathered
while the resources stream past — so the catalog never has to be held in memory. The rules
compare a few columns of them (:class:`SummaryColumns`: codes, names, providers, related
codes) and ask for a whole summary only where they report: the reduce step of a national run
(:mod:`govcatalog.batch.reduce`) makes only those from what the workers sent.

A finding of a duplicate names the other resources (``{others}``, an
:class:`~govcatalog._location.Elsewhere`) where each is, located as a finding there would be
(:meth:`ResourceSummary.location`: the sheet and cell of a workbook, the line of a text file,
the file of another file of the catalog); a summary sent to another process keeps what that
takes for the few pointers the rules report (:meth:`ResourceSummary.resolved`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, chain
from operator import attrgetter
from typing import Any

from govcatalog._location import Elsewhere
from govcatalog._quick_init import quick_init
from govcatalog.io.records import Locator
from govcatalog.io.sheet_cells import cell_of, sheet_cell
from govcatalog.report import Location
from govcatalog.rules.catalog_shards import WHOLE, Shard, name_key


@quick_init
@dataclass(frozen=True, slots=True)
class ResourceSummary:
    """What the catalog rules need to know about one resource.

    Attributes:
        index: Position in the document.
        pointer: JSON pointer of the resource in the input.
        code: 信息资源代码, if given.
        name: 信息资源名称, if given.
        provider: 信息资源提供方, if given.
        related: 关联资源代码, as (code, relative pointer as written) pairs.
        code_pointer: Relative pointer of the code as written.
        name_pointer: Relative pointer of the name as written.
        locator: Finds positions inside the resource.
        sheet: Worksheet, for spreadsheet input.
        cells: Relative pointer → cell, for spreadsheet input (once resolved, those of the
            pointers the rules report alone).
        file: The file of the resource, when the catalog spans several files (a duplicate
            in another file is then named with its file).
    """

    index: int
    pointer: str
    code: str | None
    name: str | None
    provider: str | None
    related: tuple[tuple[str, str], ...]
    code_pointer: str
    name_pointer: str
    locator: Locator
    sheet: str | None = None
    cells: dict[str, str] | None = None
    file: str | None = None

    def __reduce__(self) -> tuple[type[ResourceSummary], tuple[Any, ...]]:
        # Rebuilt by the constructor: unpickling the outcomes of another process (a Dask
        # worker's) is 2-3x faster than field by field through the slots.
        return type(self), tuple(getattr(self, name) for name in self.__slots__)

    def resolved(self, file: str | None = None) -> ResourceSummary:
        """This summary with the positions and cells the rules may report fixed (small, ready
        to send to another process: the locator no longer holds the input's text, the cells
        are those of the code, the name and the related codes alone), in ``file``."""
        pointers = [self.code_pointer, self.name_pointer, *(p for _, p in self.related)]
        fixed = FixedPositions({p: self.locator.locate(p) for p in pointers})
        cells = self.cells
        if cells is not None:  # cell_of gives the same for each pointer, from these alone
            cells = {p: c for p in pointers if (c := cell_of(cells, p)) is not None}
        file = file if file is not None else self.file
        return replace(self, locator=fixed, cells=cells, file=file)

    def location(self, rel: str, file: str | None = None) -> Location:
        """Where ``rel`` (a pointer into the resource as written) is, in ``file`` (default: the
        summary's): as a finding there is located."""
        line, column = self.locator.locate(rel)
        sheet, cell = sheet_cell(self.sheet, self.cells, rel)
        where = self.file if file is None else file
        return Location(
            where, self.code, self.pointer + rel, line, column, sheet, cell, self.provider
        )


@dataclass(frozen=True, slots=True)
class FixedPositions:
    """A locator that knows the positions of a few pointers only."""

    positions: dict[str, tuple[int | None, int | None]]

    def __reduce__(self) -> tuple[type[FixedPositions], tuple[Any, ...]]:
        # Rebuilt by the constructor: unpickling the outcomes of another process (a Dask
        # worker's) is 2-3x faster than field by field through the slots.
        return type(self), tuple(getattr(self, name) for name in self.__slots__)

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """The position of ``pointer``, or (None, None) when it was not fixed."""
        return self.positions.get(pointer, (None, None))


@quick_init
@dataclass(frozen=True, slots=True)
class CatalogHit:
    """A catalog-level violation at one resource."""

    code: str
    summary: ResourceSummary
    pointer: str
    params: dict[str, object]
    value: str


SAMPLE = 5
"""How many of the other duplicates a finding names; the rest are counted."""
_CODE: Callable[[ResourceSummary], str] = attrgetter("code_pointer")
_NAME: Callable[[ResourceSummary], str] = attrgetter("name_pointer")


def _elsewhere(
    group: list[ResourceSummary], pointer: Callable[[ResourceSummary], str]
) -> Callable[[ResourceSummary], Elsewhere]:
    """The other members of ``group`` of each, as a bounded sample located at their
    ``pointer`` (the first ones located once: linear in the sample, not the group)."""
    first = [(o, o.location(pointer(o))) for o in group[: SAMPLE + 1]]

    def others(s: ResourceSummary) -> Elsewhere:
        sample = tuple(place for o, place in first if o is not s)[:SAMPLE]
        return Elsewhere(sample, len(group) - 1, s.file)

    return others


@dataclass(frozen=True, slots=True)
class SummaryColumns:
    """The summaries of a catalog as the columns the rules compare, in the order of the
    resources; ``summary(i)`` gives the whole summary of the ``i``-th (made when asked)."""

    codes: Sequence[str | None]
    names: Sequence[str | None]
    providers: Sequence[str | None]
    related: Sequence[tuple[tuple[str, str], ...]]
    summary: Callable[[int], ResourceSummary]

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def of(cls, summaries: Sequence[ResourceSummary]) -> SummaryColumns:
        """The columns of summaries at hand."""
        return cls(
            [s.code for s in summaries],
            [s.name for s in summaries],
            [s.provider for s in summaries],
            [s.related for s in summaries],
            summaries.__getitem__,
        )

    @classmethod
    def joined(cls, parts: Sequence[SummaryColumns]) -> SummaryColumns:
        """The parts one after the other (the files of one catalog)."""
        if len(parts) == 1:
            return parts[0]
        starts = [0, *accumulate(map(len, parts))][:-1]

        def summary(i: int) -> ResourceSummary:
            k = bisect_right(starts, i) - 1
            return parts[k].summary(i - starts[k])

        return cls(
            list(chain.from_iterable(p.codes for p in parts)),
            list(chain.from_iterable(p.names for p in parts)),
            list(chain.from_iterable(p.providers for p in parts)),
            list(chain.from_iterable(p.related for p in parts)),
            summary,
        )


def _groups(keys: list[Any]) -> dict[Any, list[int]]:
    """The positions of each key written more than once (keys in order of first appearance,
    positions in order), counted in C first: most keys are unique."""
    counts = Counter(keys)
    groups: dict[Any, list[int]] = {k: [] for k, n in counts.items() if n > 1}
    if groups:
        for i, key in enumerate(keys):
            group = groups.get(key)
            if group is not None:
                group.append(i)
    return groups


def check_catalog(
    summaries: Sequence[ResourceSummary] | SummaryColumns, shard: Shard = WHOLE
) -> Iterator[CatalogHit]:
    """Run the catalog-wide rules over all resources' summaries; or over those of one shard
    (:mod:`govcatalog.rules.catalog_shards`), reporting only the keys it owns."""
    table = summaries if isinstance(summaries, SummaryColumns) else SummaryColumns.of(summaries)
    owns = shard.owns
    made: dict[int, ResourceSummary] = {}

    def at(i: int) -> ResourceSummary:
        s = made.get(i)
        if s is None:
            s = made[i] = table.summary(i)
        return s

    codes = [c or None for c in table.codes]
    names = [(p, n) if n and p else None for p, n in zip(table.providers, table.names, strict=True)]
    by_code = _groups(codes)
    by_code.pop(None, None)
    by_name = _groups(names)
    by_name.pop(None, None)
    for code, positions in by_code.items():
        if not owns(code):
            continue
        group = [at(i) for i in positions]
        others = _elsewhere(group, _CODE)
        for s in group:
            params = {"count": len(group), "others": others(s)}
            yield CatalogHit("GC-R008", s, s.code_pointer, params, code)
    for (provider, name), positions in by_name.items():
        if not owns(name_key(provider, name)):
            continue
        group = [at(i) for i in positions]
        others = _elsewhere(group, _NAME)
        for s in group:
            params = {"count": len(group), "others": others(s), "provider": provider}
            yield CatalogHit("GC-C003", s, s.name_pointer, params, name)
    known = set(codes)
    for i, related in enumerate(table.related):
        for code, pointer in related:
            if shard.count > 1 and not owns(code):
                continue
            if codes[i] and code == codes[i]:
                yield CatalogHit("GC-C002", at(i), pointer, {}, code)
            elif code not in known or not code:
                yield CatalogHit("GC-C001", at(i), pointer, {}, code)
