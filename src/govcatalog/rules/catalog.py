"""Catalog-wide rules: unique codes (R8), related codes resolve and are not self-references,
and one provider does not list two resources of the same name.

They work on :class:`ResourceSummary` objects — a few facts per resource gathered
while the resources stream past — so the catalog never has to be held in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from govcatalog._quick_init import quick_init
from govcatalog.io.records import Locator


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
        cells: Relative pointer → cell, for spreadsheet input.
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
        """This summary with the positions the rules may report fixed (small, ready to send to
        another process: the locator no longer holds the input's text), in ``file``."""
        pointers = [self.code_pointer, self.name_pointer, *(p for _, p in self.related)]
        fixed = FixedPositions({p: self.locator.locate(p) for p in pointers})
        return replace(self, locator=fixed, file=file if file is not None else self.file)


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


def _where(summaries: Iterable[ResourceSummary], total: int, file: str | None) -> str:
    """Pointers of a bounded sample (with their file when it is not ``file``), then ``(+N)``
    for the ones not named."""
    named = [s.pointer if s.file == file else f"{s.file}#{s.pointer}" for s in summaries]
    text = ", ".join(named)
    return f"{text}, … (+{total - len(named)})" if total > len(named) else text


def _others(group: list[ResourceSummary], s: ResourceSummary) -> str:
    """The other members of ``group``, as a bounded sample (linear in the sample, not the group)."""
    sample = [o for o in group[: SAMPLE + 1] if o is not s][:SAMPLE]
    return _where(sample, len(group) - 1, s.file)


def _groups(keys: list[Any], summaries: list[ResourceSummary]) -> dict[Any, list[ResourceSummary]]:
    """The summaries of each key written more than once (keys in order of first appearance,
    summaries in order), counted in C first: most keys are unique."""
    counts = Counter(keys)
    groups: dict[Any, list[ResourceSummary]] = {k: [] for k, n in counts.items() if n > 1}
    if groups:
        for key, s in zip(keys, summaries, strict=True):
            group = groups.get(key)
            if group is not None:
                group.append(s)
    return groups


def check_catalog(summaries: list[ResourceSummary]) -> Iterator[CatalogHit]:
    """Run the catalog-wide rules over all resources' summaries."""
    codes = [s.code or None for s in summaries]
    names = [(s.provider, s.name) if s.name and s.provider else None for s in summaries]
    by_code = _groups(codes, summaries)
    by_code.pop(None, None)
    by_name = _groups(names, summaries)
    by_name.pop(None, None)
    for code, group in by_code.items():
        for s in group:
            params = {"count": len(group), "others": _others(group, s)}
            yield CatalogHit("GC-R008", s, s.code_pointer, params, code)
    for (provider, name), group in by_name.items():
        for s in group:
            params = {"count": len(group), "others": _others(group, s), "provider": provider}
            yield CatalogHit("GC-C003", s, s.name_pointer, params, name)
    known = set(codes)
    for s in summaries:
        for related, pointer in s.related:
            if s.code and related == s.code:
                yield CatalogHit("GC-C002", s, pointer, {}, related)
            elif related not in known or not related:
                yield CatalogHit("GC-C001", s, pointer, {}, related)
