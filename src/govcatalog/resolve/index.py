"""The in-memory resolver index: exact and synonym lookups, and a bigram index for fuzzy ones.

Every distinct normalised item name and every normalised synonym variant is a *key*. A key's
*targets* are the items whose normalised name equals it; a synonym variant without items of
its own targets the items of its group's name. A key with no targets is *dead* (its items
were removed by an update) and is never returned.

Fuzzy matching (:meth:`ResolveIndex.fuzzy`) is defined by
:func:`~govcatalog.resolve.lookup.fuzzy_relation`: a key is a fuzzy hit for a query when they
share at least ``need`` of the query's ``g`` distinct bigrams and their rapidfuzz ``ratio`` is
at least the cutoff. The index finds exactly those keys by prefix filtering
(:func:`~govcatalog.resolve.prefix.candidates`): such a key lies in at least ``t`` of the
``g - need + t`` rarest posting lists (``t <= 3``), so only those lists are merged and only keys
found in ``t`` of them, of a length that can reach the cutoff, are kept; their shared-bigram
counts are completed from the long lists by binary search, and rapidfuzz scores the few
candidates left. :class:`~govcatalog.resolve.scan.ScanIndex` evaluates the same relation on
every key; the two return the same hits.

:meth:`ResolveIndex.memo` holds answers derived from the index (the resolver's answer per
requested name); every update empties it.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Hashable, Iterable, Mapping
from itertools import islice
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from govcatalog.resolve.containment import resource_key
from govcatalog.resolve.lookup import (
    FuzzyHit,
    Targets,
    needed_bigrams,
    sort_hits,
)
from govcatalog.resolve.model import (
    CatalogEntry,
    CatalogRole,
    IndexedItem,
    IndexedResource,
    ResourceSpec,
    UpdateStats,
)
from govcatalog.resolve.normalise import bigrams, normalise
from govcatalog.resolve.prefix import candidates, length_bounds

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields."""
_EMPTY: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)


class ResolveIndex:
    """Exact, synonym and fuzzy lookups over the items of many catalogs; updated incrementally.

    Args:
        synonyms: Normalised variant → normalised item name
            (:meth:`~govcatalog.resolve.bases.SynonymTable.normalised`).
    """

    def __init__(self, synonyms: Mapping[str, str] | None = None) -> None:
        self._synonyms: Mapping[str, str] = MappingProxyType(dict(synonyms or {}))
        self._keys: list[str] = []
        self._key_id: dict[str, int] = {}
        self._lengths = array("i")
        self._base: list[dict[int, IndexedItem] | None] = []
        self._other: list[dict[int, IndexedItem] | None] = []
        self._postings: dict[str, array[int]] = {}
        self._arrays: dict[str, npt.NDArray[np.int32]] = {}
        self._resources: dict[tuple[str, str], tuple[IndexedResource, list[tuple[int, int]]]] = {}
        self._catalogs: dict[str, tuple[str, frozenset[str], CatalogEntry]] = {}
        self._next_uid = 0
        self._lengths_np: npt.NDArray[np.int32] | None = None
        self._longest = 0
        self._name_kid: dict[str, int] = {}  # item name as written -> key id (saves normalising)
        self._memos: dict[Hashable, dict[str, Any]] = {}
        self._by_resource_key: dict[str, list[tuple[str, str]]] | None = None
        for variant in self._synonyms:
            self._key(variant)

    @classmethod
    def build(
        cls, entries: Iterable[CatalogEntry], synonyms: Mapping[str, str] | None = None
    ) -> ResolveIndex:
        """An index over ``entries``."""
        index = cls(synonyms)
        # Millions of small objects are created here and live as long as the index: pausing
        # the cyclic garbage collector meanwhile halves the build time.
        paused = gc.isenabled()
        gc.disable()
        try:
            for entry in entries:
                index.update(entry)
        finally:
            if paused:
                gc.enable()
        return index

    # -- maintenance -------------------------------------------------------------------

    @property
    def synonyms(self) -> Mapping[str, str]:
        """Normalised variant → normalised item name."""
        return self._synonyms

    @property
    def catalogs(self) -> Mapping[str, str]:
        """Catalog id → indexed version."""
        return MappingProxyType({k: v[0] for k, v in self._catalogs.items()})

    def __len__(self) -> int:
        """Number of indexed items."""
        return sum(len(items) for _, items in self._resources.values())

    def resources(self) -> list[IndexedResource]:
        """Every indexed resource, in indexing order."""
        return [res for res, _ in self._resources.values()]

    def entries(self) -> list[CatalogEntry]:
        """The indexed catalogs as entries (resources in indexing order, named items only)."""
        grouped: dict[str, list[ResourceSpec]] = {cid: [] for cid in self._catalogs}
        for res, slots in self._resources.values():
            table = self._base if res.role is CatalogRole.BASE else self._other
            items = []
            for kid, uid in slots:
                bucket = table[kid]
                if bucket is not None and uid in bucket:
                    items.append(bucket[uid].spec)
            spec = ResourceSpec(
                res.code, res.name, res.share_type, res.share_condition, res.provider, tuple(items)
            )
            grouped[res.catalog].append(spec)
        out = []
        for cid, (_, _, header) in self._catalogs.items():
            out.append(
                CatalogEntry(
                    header.id,
                    header.version,
                    header.role,
                    header.database,
                    header.database_name,
                    tuple(grouped[cid]),
                )
            )
        return out

    def update(self, entry: CatalogEntry) -> UpdateStats:
        """Index a catalog version; only resources whose content changed are re-indexed.

        An entry whose id and version are already indexed is skipped. Resources the new
        version no longer has are removed.
        """
        known = self._catalogs.get(entry.id)
        if known is not None and known[0] == entry.version and entry.version:
            return UpdateStats(unchanged=len(known[1]))
        self._forget()
        codes = {res.code for res in entry.resources}
        added = changed = unchanged = removed = 0
        for old in sorted(known[1] - codes) if known else ():
            self._drop(entry.id, old)
            removed += 1
        for spec in entry.resources:
            digest = spec.digest()
            current = self._resources.get((entry.id, spec.code))
            if current is not None and current[0].digest == digest:
                unchanged += 1
                continue
            if current is not None:
                self._drop(entry.id, spec.code)
                changed += 1
            else:
                added += 1
            self._add(entry, spec, digest)
        header = CatalogEntry(
            entry.id, entry.version, entry.role, entry.database, entry.database_name, ()
        )
        self._catalogs[entry.id] = (entry.version, frozenset(codes), header)
        return UpdateStats(added=added, changed=changed, removed=removed, unchanged=unchanged)

    def remove_catalog(self, catalog_id: str) -> UpdateStats:
        """Remove a catalog and its items."""
        known = self._catalogs.pop(catalog_id, None)
        if known is None:
            return UpdateStats()
        self._forget()
        for code in sorted(known[1]):
            self._drop(catalog_id, code)
        return UpdateStats(removed=len(known[1]))

    def memo(self, scope: Hashable) -> dict[str, Any]:
        """A mapping for answers derived from this index, emptied whenever the index changes.

        The resolver keeps its answer per requested name here (``scope`` tells its users
        apart), so that a name requested again costs one dictionary lookup. The caller bounds
        its size.
        """
        found = self._memos.get(scope)
        if found is None:
            found = self._memos[scope] = {}
        return found

    def _forget(self) -> None:
        for memo in self._memos.values():
            memo.clear()
        self._memos = {}
        self._by_resource_key = None

    def _key(self, key: str) -> int:
        kid = self._key_id.get(key)
        if kid is not None:
            return kid
        kid = len(self._keys)
        self._keys.append(key)
        self._key_id[key] = kid
        self._lengths.append(len(key))
        self._longest = max(self._longest, len(key))
        self._base.append(None)
        self._other.append(None)
        for gram in bigrams(key):
            posting = self._postings.get(gram)
            if posting is None:
                posting = self._postings[gram] = array("i")
            posting.append(kid)
            self._arrays.pop(gram, None)
        return kid

    def _add(self, entry: CatalogEntry, spec: ResourceSpec, digest: str) -> None:
        res = IndexedResource(
            catalog=entry.id,
            role=entry.role,
            database=entry.database,
            database_name=entry.database_name,
            code=spec.code,
            name=spec.name,
            share_type=spec.share_type,
            share_condition=spec.share_condition,
            provider=spec.provider,
            digest=digest,
        )
        slots: list[tuple[int, int]] = []
        table = self._base if entry.role is CatalogRole.BASE else self._other
        kid_of = self._name_kid
        uid = self._next_uid
        for position, item in enumerate(spec.items):
            kid = kid_of.get(item.name)
            if kid is None:
                norm = normalise(item.name)
                if not norm:
                    continue
                kid = kid_of[item.name] = self._key(norm)
            bucket = table[kid]
            if bucket is None:
                bucket = table[kid] = {}
            bucket[uid] = IndexedItem(res, position, item)
            slots.append((kid, uid))
            uid += 1
        self._next_uid = uid
        self._resources[(entry.id, spec.code)] = (res, slots)

    def _drop(self, catalog_id: str, code: str) -> None:
        found = self._resources.pop((catalog_id, code), None)
        if found is None:
            return
        res, slots = found
        table = self._base if res.role is CatalogRole.BASE else self._other
        for kid, uid in slots:
            bucket = table[kid]
            if bucket is not None:
                bucket.pop(uid, None)
                if not bucket:
                    table[kid] = None

    # -- lookups -----------------------------------------------------------------------

    def _direct(self, kid: int, key: str, limit: int, via: str | None = None) -> Targets | None:
        # tuple.__new__ builds the named tuple without its keyword-handling __new__ (hot path)
        base = self._base[kid]
        other = self._other[kid]
        if base:
            nb = len(base)
            if nb == 1 and not other:  # the usual base item: one of its name
                return _new(Targets, (key, via, 1, 0, (next(iter(base.values())),)))
            first = tuple(islice(base.values(), limit))
            if other and nb < limit:
                first += tuple(islice(other.values(), limit - nb))
            return _new(Targets, (key, via, nb, len(other) if other else 0, first))
        if other:
            no = len(other)
            if no == 1:
                return _new(Targets, (key, via, 0, 1, (next(iter(other.values())),)))
            return _new(Targets, (key, via, 0, no, tuple(islice(other.values(), limit))))
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

    def _array(self, gram: str) -> npt.NDArray[np.int32]:
        arr = self._arrays.get(gram)
        if arr is None:
            posting = self._postings.get(gram)
            if posting is None:
                return _EMPTY
            arr = self._arrays[gram] = np.frombuffer(posting, dtype=np.int32).copy()
        return arr

    def _length_array(self) -> npt.NDArray[np.int32]:
        if self._lengths_np is None or len(self._lengths_np) != len(self._lengths):
            self._lengths_np = np.array(self._lengths, dtype=np.int32)
        return self._lengths_np

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Live keys in :func:`fuzzy_relation` with ``norm``, best first, at most ``limit``."""
        grams = bigrams(norm)
        if not grams:
            return []
        need = needed_bigrams(len(grams))
        lists = sorted((self._array(g) for g in grams), key=len)
        bounds = length_bounds(len(norm), cutoff)
        if bounds is not None and bounds[0] <= 1 and bounds[1] >= self._longest:
            bounds = None  # every key's length is within bounds
        cand = candidates(lists, need, self._length_array(), bounds)
        if not cand.size:
            return []
        keys = self._keys
        # score every candidate in one call (C++), a hair below the cutoff; then visit them best
        # first and stop once ``limit`` hits are found and the scores drop below the last one.
        scores = process.cdist(
            [norm], [keys[i] for i in cand.tolist()], scorer=fuzz.ratio,
            score_cutoff=max(0.0, cutoff - 1e-3), dtype=np.float64, workers=1,
        )[0]  # fmt: skip
        scored = np.flatnonzero(scores)
        order = scored[np.argsort(-scores[scored], kind="stable")]
        hits: list[FuzzyHit] = []
        ratio = fuzz.ratio
        floor = -1.0
        for kid, approx in zip(cand[order].tolist(), scores[order].tolist(), strict=True):
            if len(hits) >= limit and approx < floor - 1e-3:
                break
            key = keys[kid]
            score = float(ratio(norm, key))
            if score >= cutoff and self._live(kid, key):
                hits.append(FuzzyHit(key, score))
                if len(hits) == limit:
                    floor = min(h.score for h in hits)
        return sort_hits(hits, limit)

    def _live(self, kid: int, key: str) -> bool:
        if self._base[kid] or self._other[kid]:
            return True
        target = self._synonyms.get(key)
        if target is None:
            return False
        tid = self._key_id.get(target)
        return tid is not None and bool(self._base[tid] or self._other[tid])

    def resources_named(self, key: str) -> tuple[IndexedResource, ...]:
        """Resources whose :func:`~govcatalog.resolve.containment.resource_key` is ``key``.

        Base catalogs' resources come first, then in indexing order.
        """
        if self._by_resource_key is None:
            table: dict[str, list[tuple[str, str]]] = {}
            for ident, (res, _) in self._resources.items():
                table.setdefault(resource_key(res.name), []).append(ident)
            self._by_resource_key = table
        found = [self._resources[i][0] for i in self._by_resource_key.get(key, ())]
        return tuple(sorted(found, key=lambda r: r.role is not CatalogRole.BASE))

    def resource_items(self, resource: IndexedResource) -> tuple[IndexedItem, ...]:
        """The indexed items of a resource, in catalog order."""
        found = self._resources.get((resource.catalog, resource.code))
        if found is None:
            return ()
        table = self._base if resource.role is CatalogRole.BASE else self._other
        items = []
        for kid, uid in found[1]:
            bucket = table[kid]
            if bucket is not None and uid in bucket:
                items.append(bucket[uid])
        return tuple(items)

    def live_keys(self) -> list[str]:
        """Every live key (item names and synonym variants), in key order."""
        return [k for i, k in enumerate(self._keys) if self._live(i, k)]
