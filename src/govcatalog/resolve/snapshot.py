"""A frozen view of the resolver index: every lookup structure built once, at construction.

:class:`IndexSnapshot` is what requests are answered from. It never changes: an update of
the :class:`~govcatalog.resolve.index.ResolveIndex` makes the next snapshot, and a request
that holds one keeps seeing one consistent version of the catalogs (also while another thread
updates the index). What is derived from the index lives here and nowhere else, built with the
snapshot and dropped with it — no cache is ever emptied by hand:

- per key, the tuples of items it leads to (base catalogs' first) and whether it is *live*;
- the fuzzy lookups over the live keys (:class:`~govcatalog.resolve.fuzzy_search.FuzzySearch`:
  bigram lists, neighbours, the keys re-spelt for scoring);
- resources by name (:func:`~govcatalog.resolve.containment.resource_key`), the synonym
  rewrite table, and the resolver's remembered answers (:class:`Memo`).

Fuzzy matching (:meth:`IndexSnapshot.fuzzy`) is defined by
:func:`~govcatalog.resolve.lookup.fuzzy_relation`; the brute-force
:class:`~govcatalog.resolve.scan.ScanIndex` evaluates the same relation on every key and the
two return the same hits (property-tested).
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Mapping
from types import MappingProxyType
from typing import Any

import numpy as np

from govcatalog.resolve.containment import resource_key
from govcatalog.resolve.fuzzy_search import FuzzySearch
from govcatalog.resolve.lookup import FuzzyHit, Memo, Targets
from govcatalog.resolve.model import CatalogRole, IndexedItem, IndexedResource
from govcatalog.resolve.rewrite import RewriteTable

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""

Bucket = dict[int, IndexedItem] | None
"""The items of one key in one kind of catalog, by item id (None: none)."""
ResourceSlot = tuple[IndexedResource, tuple[IndexedItem, ...]]
"""A resource and its indexed items, in catalog order."""


def _live_mask(keys: list[str], lead: list[bool], synonyms: Mapping[str, str]) -> list[bool]:
    """Which keys lead to items: their own, or (a synonym variant) their group's."""
    key_id = {k: i for i, k in enumerate(keys)}
    live = list(lead)
    for kid, key in enumerate(keys):
        if not live[kid]:
            tid = key_id.get(synonyms.get(key, ""))
            live[kid] = tid is not None and lead[tid]
    return live


class IndexSnapshot:
    """The items of many catalogs, frozen, with exact, synonym and fuzzy lookups.

    Built by :meth:`ResolveIndex.snapshot <govcatalog.resolve.index.ResolveIndex.snapshot>`
    from the index's tables, which it copies (the index may change afterwards).
    """

    __slots__ = (
        "_base", "_by_name", "_catalogs", "_fuzzy", "_key_id", "_keys", "_live", "_memos",
        "_other", "_resources", "_rewriter", "_size", "_synonyms",
    )  # fmt: skip

    def __init__(
        self,
        synonyms: Mapping[str, str],
        keys: list[str],
        buckets: tuple[list[Bucket], list[Bucket]],
        postings: Mapping[str, array[int]],
        resources: Mapping[tuple[str, str], ResourceSlot],
        catalogs: Mapping[str, str],
    ) -> None:
        self._synonyms = synonyms
        self._keys = tuple(keys)
        self._key_id = {k: i for i, k in enumerate(keys)}
        self._base = tuple(tuple(b.values()) if b else () for b in buckets[0])
        self._other = tuple(tuple(b.values()) if b else () for b in buckets[1])
        lead = [bool(b or o) for b, o in zip(self._base, self._other, strict=True)]
        self._live = np.array(_live_mask(keys, lead, synonyms), dtype=np.bool_)
        self._fuzzy = FuzzySearch(keys, self._live, postings)
        self._resources = dict(resources)
        self._catalogs = MappingProxyType(dict(catalogs))
        self._size = sum(len(items) for _, items in self._resources.values())
        by_name: dict[str, list[IndexedResource]] = {}
        for res, _ in self._resources.values():
            by_name.setdefault(resource_key(res.name), []).append(res)
        self._by_name = {
            k: tuple(sorted(v, key=lambda r: r.role is not CatalogRole.BASE))
            for k, v in by_name.items()
        }
        self._rewriter = RewriteTable(synonyms)
        self._memos: dict[Hashable, Memo[Any]] = {}

    # -- what it holds --------------------------------------------------------------------

    @property
    def synonyms(self) -> Mapping[str, str]:
        """Normalised variant → normalised item name."""
        return self._synonyms

    @property
    def catalogs(self) -> Mapping[str, str]:
        """Catalog id → indexed version."""
        return self._catalogs

    def __len__(self) -> int:
        """Number of indexed items."""
        return self._size

    def resources(self) -> list[IndexedResource]:
        """Every indexed resource, in indexing order."""
        return [res for res, _ in self._resources.values()]

    def live_keys(self) -> list[str]:
        """Every live key (item names and synonym variants), in key order."""
        return [self._keys[i] for i in np.flatnonzero(self._live).tolist()]

    def memo(self, scope: Hashable) -> Memo[Any]:
        """Answers derived from this snapshot (``scope`` tells their users apart).

        The resolver keeps its answer per requested name here, so that a name requested again
        costs one dictionary lookup. It lives and dies with the snapshot: a changed index
        makes a new snapshot with empty memos.
        """
        found = self._memos.get(scope)
        if found is None:
            found = self._memos.setdefault(scope, Memo())
        return found

    def rewriter(self) -> RewriteTable:
        """The synonym table filed for replacing synonyms inside a name."""
        return self._rewriter

    # -- lookups --------------------------------------------------------------------------

    def _direct(self, kid: int, key: str, limit: int, via: str | None = None) -> Targets | None:
        base = self._base[kid]
        other = self._other[kid]
        nb = len(base)
        if nb:
            if nb == 1 and not other:  # the usual base item: one of its name
                return _new(Targets, (key, via, 1, 0, base))
            first = base[:limit]
            if other and nb < limit:
                first += other[: limit - nb]
            return _new(Targets, (key, via, nb, len(other), first))
        if other:
            if len(other) == 1:
                return _new(Targets, (key, via, 0, 1, other))
            return _new(Targets, (key, via, 0, len(other), other[:limit]))
        return None

    def exact(self, norm: str, limit: int = 10) -> Targets | None:
        """Items whose normalised name is ``norm``."""
        kid = self._key_id.get(norm)
        return None if kid is None else self._direct(kid, norm, limit)

    def synonym(self, norm: str, limit: int = 10) -> Targets | None:
        """Items of the synonym group ``norm`` is a variant of."""
        target = self._synonyms.get(norm)
        if target is None:
            return None
        kid = self._key_id.get(target)
        return None if kid is None else self._direct(kid, norm, limit, via=target)

    def targets(self, key: str, limit: int = 10) -> Targets | None:
        """What a key leads to: its own items, else (for a variant) its group's items."""
        return self.exact(key, limit) or self.synonym(key, limit)

    def resources_named(self, key: str) -> tuple[IndexedResource, ...]:
        """Resources whose :func:`~govcatalog.resolve.containment.resource_key` is ``key``.

        Base catalogs' resources come first, then in indexing order.
        """
        return self._by_name.get(key, ())

    def resource_items(self, resource: IndexedResource) -> tuple[IndexedItem, ...]:
        """The indexed items of a resource, in catalog order."""
        found = self._resources.get((resource.catalog, resource.code))
        return () if found is None else found[1]

    def best_near(self, norm: str) -> float:
        """The best score of a hit among the keys near ``norm`` (0.0 if none or too short): a
        score the best hit of every cutoff up to it reaches."""
        return self._fuzzy.best_near(norm)

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Live keys in :func:`~govcatalog.resolve.lookup.fuzzy_relation` with ``norm``, best
        first, at most ``limit`` (:class:`~govcatalog.resolve.fuzzy_search.FuzzySearch`)."""
        return self._fuzzy.fuzzy(norm, cutoff=cutoff, limit=limit)
