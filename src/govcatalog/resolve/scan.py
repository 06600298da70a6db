"""The brute-force reference: the same lookups as the index, by scanning every item.

:class:`ScanIndex` keeps a plain list of items and answers each lookup by looking at all of
them, with the same normalisation (:func:`~govcatalog.resolve.normalise.normalise`) and the
same fuzzy relation (:func:`~govcatalog.resolve.index.fuzzy_relation`). It is slow on
purpose and exists to check :class:`~govcatalog.resolve.index.ResolveIndex`: resolving a
request against either gives the same result.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from govcatalog.resolve.containment import resource_key
from govcatalog.resolve.lookup import FuzzyHit, Memo, Targets, fuzzy_relation, sort_hits
from govcatalog.resolve.model import CatalogEntry, CatalogRole, IndexedItem, IndexedResource
from govcatalog.resolve.normalise import normalise
from govcatalog.resolve.rewrite import RewriteTable


class ScanIndex:
    """Lookups by scanning every item (the reference for :class:`ResolveIndex`).

    Args:
        entries: The catalogs, in indexing order (later versions of an id replace earlier).
        synonyms: Normalised variant → normalised item name.
    """

    def __init__(
        self, entries: Iterable[CatalogEntry], synonyms: Mapping[str, str] | None = None
    ) -> None:
        self._synonyms: Mapping[str, str] = MappingProxyType(dict(synonyms or {}))
        latest: dict[str, CatalogEntry] = {}
        for entry in entries:
            latest.pop(entry.id, None)
            latest[entry.id] = entry
        self._items: list[tuple[str, IndexedItem]] = []
        # Every resource, also one whose items all normalise to nothing: it can still be named.
        self._resources: dict[tuple[str, str], IndexedResource] = {}
        for entry in latest.values():
            for spec in entry.resources:
                res = IndexedResource(
                    entry.id,
                    entry.role,
                    entry.database,
                    entry.database_name,
                    spec.code,
                    spec.name,
                    spec.share_type,
                    spec.share_condition,
                    spec.provider,
                    spec.digest(),
                )
                self._resources[(entry.id, spec.code)] = res
                for position, item in enumerate(spec.items):
                    norm = normalise(item.name)
                    if norm:
                        self._items.append((norm, IndexedItem(res, position, item)))

    @property
    def synonyms(self) -> Mapping[str, str]:
        """Normalised variant → normalised item name."""
        return self._synonyms

    def memo(self, scope: Hashable) -> Memo[Any]:
        """A fresh, empty memo each time: the reference keeps nothing between lookups."""
        del scope
        return Memo()

    def rewriter(self) -> RewriteTable:
        """The synonym table filed for rewriting, made anew each time."""
        return RewriteTable(self._synonyms)

    def _targets(self, key: str, name: str, limit: int, via: str | None) -> Targets | None:
        base = [it for n, it in self._items if n == name and it.resource.role is CatalogRole.BASE]
        other = [
            it for n, it in self._items if n == name and it.resource.role is not CatalogRole.BASE
        ]
        if not base and not other:
            return None
        return Targets(key, via, len(base), len(other), tuple((base + other)[:limit]))

    def exact(self, norm: str, limit: int = 10) -> Targets | None:
        """Items whose normalised name is ``norm``."""
        return self._targets(norm, norm, limit, None)

    def synonym(self, norm: str, limit: int = 10) -> Targets | None:
        """Items of the synonym group ``norm`` is a variant of."""
        target = self._synonyms.get(norm)
        return None if target is None else self._targets(norm, target, limit, target)

    def targets(self, key: str, limit: int = 10) -> Targets | None:
        """What a key leads to: its own items, else (for a variant) its group's items."""
        return self.exact(key, limit) or self.synonym(key, limit)

    def resources_named(self, key: str) -> tuple[IndexedResource, ...]:
        """Resources whose :func:`~govcatalog.resolve.containment.resource_key` is ``key``."""
        found = [res for res in self._resources.values() if resource_key(res.name) == key]
        return tuple(sorted(found, key=lambda r: r.role is not CatalogRole.BASE))

    def resource_items(self, resource: IndexedResource) -> tuple[IndexedItem, ...]:
        """The items of a resource, in catalog order."""
        return tuple(
            it
            for _, it in self._items
            if (it.resource.catalog, it.resource.code) == (resource.catalog, resource.code)
        )

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Every live key in the fuzzy relation with ``norm``, best first, at most ``limit``."""
        keys = {n for n, _ in self._items}
        keys |= {v for v, t in self._synonyms.items() if t in keys}
        hits = []
        for key in keys:
            score = fuzzy_relation(norm, key, cutoff)
            if score is not None:
                hits.append(FuzzyHit(key, score))
        return sort_hits(hits, limit)

    def best_near(self, norm: str) -> float:
        """0.0: the scan knows no score before it scans (the resolver asks it as before)."""
        return 0.0
