"""The resolver index: the catalogs' items by normalised name, updated incrementally.

Every distinct normalised item name and every normalised synonym variant is a *key*. A key's
*targets* are the items whose normalised name equals it; a synonym variant without items of
its own targets the items of its group's name. A key with no targets is *dead* (its items
were removed by an update) and is never returned.

:class:`ResolveIndex` holds the tables an update changes: catalogs, resources, the items of
each key, and per bigram the ids of the keys holding it (keys are only ever added, so their
ids and these lists only grow). Lookups are answered by an
:class:`~govcatalog.resolve.snapshot.IndexSnapshot`: a frozen copy with every lookup structure
built at once (numpy posting lists and bitsets for fuzzy matching, resources by name, the
synonym rewrite table, the resolver's memos). :meth:`ResolveIndex.snapshot` makes it on first
use after a change; an update only lets go of it.

Fuzzy matching is defined by :func:`~govcatalog.resolve.lookup.fuzzy_relation` (a key is a
hit when it shares at least half of the query's distinct bigrams and its rapidfuzz ``ratio``
reaches the cutoff); :class:`~govcatalog.resolve.scan.ScanIndex` evaluates it on every key and
returns the same hits.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from govcatalog._collector import collector_paused
from govcatalog.resolve.lookup import FuzzyHit, Memo, Targets
from govcatalog.resolve.model import (
    CatalogEntry,
    CatalogRole,
    IndexedItem,
    IndexedResource,
    ResourceSpec,
    UpdateStats,
)
from govcatalog.resolve.normalise import bigrams, normalise
from govcatalog.resolve.snapshot import Bucket, IndexSnapshot, ResourceSlot

if TYPE_CHECKING:
    from govcatalog.resolve.rewrite import RewriteTable


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
        self._base: list[Bucket] = []
        self._other: list[Bucket] = []
        self._postings: dict[str, array[int]] = {}
        self._resources: dict[tuple[str, str], ResourceSlot] = {}
        self._slots: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._catalogs: dict[str, tuple[str, frozenset[str], CatalogEntry]] = {}
        self._next_uid = 0
        self._name_kid: dict[str, int] = {}  # item name as written -> key id (saves normalising)
        self._view: IndexSnapshot | None = None  # the lookups' snapshot of this version
        for variant in self._synonyms:
            self._key(variant)

    @classmethod
    def build(
        cls, entries: Iterable[CatalogEntry], synonyms: Mapping[str, str] | None = None
    ) -> ResolveIndex:
        """An index over ``entries``."""
        index = cls(synonyms)
        with collector_paused():  # millions of objects that live as long as the index
            for entry in entries:
                index.update(entry)
            index.snapshot()  # built here, with the index: long-lived like it
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
        for res, items in self._resources.values():
            spec = ResourceSpec(
                res.code, res.name, res.share_type, res.share_condition, res.provider,
                tuple(item.spec for item in items),
            )  # fmt: skip
            grouped[res.catalog].append(spec)
        return [
            CatalogEntry(h.id, h.version, h.role, h.database, h.database_name, tuple(grouped[cid]))
            for cid, (_, _, h) in self._catalogs.items()
        ]

    def update(self, entry: CatalogEntry) -> UpdateStats:
        """Index a catalog version; only resources whose content changed are re-indexed.

        An entry whose id and version are already indexed is skipped. Resources the new
        version no longer has are removed.
        """
        known = self._catalogs.get(entry.id)
        if known is not None and known[0] == entry.version and entry.version:
            return UpdateStats(unchanged=len(known[1]))
        self._view = None
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
        self._view = None
        for code in sorted(known[1]):
            self._drop(catalog_id, code)
        return UpdateStats(removed=len(known[1]))

    def _key(self, key: str) -> int:
        kid = self._key_id.get(key)
        if kid is not None:
            return kid
        kid = len(self._keys)
        self._keys.append(key)
        self._key_id[key] = kid
        self._base.append(None)
        self._other.append(None)
        for gram in bigrams(key):
            posting = self._postings.get(gram)
            if posting is None:
                posting = self._postings[gram] = array("i")
            posting.append(kid)
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
        items: list[IndexedItem] = []
        table = self._base if entry.role is CatalogRole.BASE else self._other
        kid_of = self._name_kid
        uid = self._next_uid
        for position, spec_item in enumerate(spec.items):
            kid = kid_of.get(spec_item.name)
            if kid is None:
                norm = normalise(spec_item.name)
                if not norm:
                    continue
                kid = kid_of[spec_item.name] = self._key(norm)
            bucket = table[kid]
            if bucket is None:
                bucket = table[kid] = {}
            item = bucket[uid] = IndexedItem(res, position, spec_item)
            items.append(item)
            slots.append((kid, uid))
            uid += 1
        self._next_uid = uid
        self._resources[(entry.id, spec.code)] = (res, tuple(items))
        self._slots[(entry.id, spec.code)] = slots

    def _drop(self, catalog_id: str, code: str) -> None:
        found = self._resources.pop((catalog_id, code), None)
        slots = self._slots.pop((catalog_id, code), [])
        if found is None:
            return
        table = self._base if found[0].role is CatalogRole.BASE else self._other
        for kid, uid in slots:
            bucket = table[kid]
            if bucket is not None:
                bucket.pop(uid, None)
                if not bucket:
                    table[kid] = None

    # -- lookups: answered by the current snapshot ------------------------------------------

    def snapshot(self) -> IndexSnapshot:
        """The index as it is now, frozen (made once per version, on first use)."""
        view = self._view
        if view is None:
            buckets = (self._base, self._other)
            with collector_paused():  # millions of objects that live as long as the index
                view = IndexSnapshot(
                    self._synonyms, self._keys, buckets, self._postings, self._resources,
                    {k: v[0] for k, v in self._catalogs.items()},
                )  # fmt: skip
            self._view = view
        return view

    def exact(self, norm: str, limit: int = 10) -> Targets | None:
        """Items whose normalised name is ``norm``."""
        return self.snapshot().exact(norm, limit)

    def synonym(self, norm: str, limit: int = 10) -> Targets | None:
        """Items of the synonym group ``norm`` is a variant of."""
        return self.snapshot().synonym(norm, limit)

    def targets(self, key: str, limit: int = 10) -> Targets | None:
        """What a key leads to: its own items, else (for a variant) its group's items."""
        return self.snapshot().targets(key, limit)

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Live keys in :func:`fuzzy_relation` with ``norm``, best first, at most ``limit``."""
        return self.snapshot().fuzzy(norm, cutoff=cutoff, limit=limit)

    def best_near(self, norm: str) -> float:
        """The best score of a hit among the keys near ``norm`` (see the snapshot's)."""
        return self.snapshot().best_near(norm)

    def resources_named(self, key: str) -> tuple[IndexedResource, ...]:
        """Resources whose :func:`~govcatalog.resolve.containment.resource_key` is ``key``.

        Base catalogs' resources come first, then in indexing order.
        """
        return self.snapshot().resources_named(key)

    def resource_items(self, resource: IndexedResource) -> tuple[IndexedItem, ...]:
        """The indexed items of a resource, in catalog order."""
        return self.snapshot().resource_items(resource)

    def live_keys(self) -> list[str]:
        """Every live key (item names and synonym variants), in key order."""
        return self.snapshot().live_keys()

    def memo(self, scope: Hashable) -> Memo[Any]:
        """The current snapshot's memo for ``scope`` (:meth:`IndexSnapshot.memo`)."""
        return self.snapshot().memo(scope)

    def rewriter(self) -> RewriteTable:
        """The synonym table filed for replacing synonyms inside a name."""
        return self.snapshot().rewriter()
