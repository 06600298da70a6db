"""What a lookup returns, the fuzzy relation, and the interface both indexes implement.

:class:`~govcatalog.resolve.index.ResolveIndex` and the brute-force
:class:`~govcatalog.resolve.scan.ScanIndex` answer the same questions; the resolver only
needs :class:`ItemIndex`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from rapidfuzz import fuzz

from govcatalog.resolve.model import IndexedItem, IndexedResource
from govcatalog.resolve.normalise import bigrams

if TYPE_CHECKING:
    from govcatalog.resolve.rewrite import RewriteTable

V = TypeVar("V")

MEMO_SIZE = 1 << 16
"""How many answers a :class:`Memo` keeps (the oldest go first)."""

SHARED_BIGRAM_SHARE = 0.5
"""A fuzzy hit shares at least this share of the query's distinct bigrams (rounded up, >= 1)."""


def needed_bigrams(query_grams: int) -> int:
    """How many of a query's distinct bigrams a fuzzy hit must share."""
    return max(1, math.ceil(SHARED_BIGRAM_SHARE * query_grams))


def fuzzy_relation(query: str, key: str, cutoff: float) -> float | None:
    """The fuzzy score of ``key`` for ``query`` (both normalised), or None when not a hit.

    This is the definition both the index and the brute-force scan implement.
    """
    grams = bigrams(query)
    if not grams or len(grams & bigrams(key)) < needed_bigrams(len(grams)):
        return None
    score = float(fuzz.ratio(query, key))
    return score if score >= cutoff else None


def fuzzy_hits(query: str, keys: Iterable[str]) -> list[FuzzyHit]:
    """The keys in :func:`fuzzy_relation` with ``query`` at any cutoff, with their scores.

    The same relation, with the query's bigrams made once for all the keys.
    """
    grams = bigrams(query)
    need = needed_bigrams(len(grams))
    if not grams:
        return []
    ratio = fuzz.ratio
    return [FuzzyHit(k, float(ratio(query, k))) for k in keys if len(grams & bigrams(k)) >= need]


class Targets(NamedTuple):
    """The items a key leads to, base catalogs' items first.

    Attributes:
        key: The key that was looked up.
        via: For a synonym, the group's normalised item name; else None.
        base_count: How many items of base catalogs.
        other_count: How many items of other catalogs.
        first: The first items (base ones first), at most the limit asked for.
    """

    key: str
    via: str | None
    base_count: int
    other_count: int
    first: tuple[IndexedItem, ...]

    @property
    def total(self) -> int:
        """All items the key leads to."""
        return self.base_count + self.other_count


class FuzzyHit(NamedTuple):
    """A key found by fuzzy matching.

    Attributes:
        key: The normalised key.
        score: rapidfuzz ratio (0–100) between query and key.
    """

    key: str
    score: float


class Memo(dict[str, V]):
    """Answers remembered by name, at most :data:`MEMO_SIZE` (the oldest are forgotten first).

    Owned by the index snapshot it was derived from (:meth:`ItemIndex.memo`): it never needs
    emptying, since a changed index is a new snapshot with new memos.
    """

    __slots__ = ()

    def remember(self, name: str, answer: V) -> V:
        """Keep ``answer`` for ``name``; returns it."""
        if len(self) >= MEMO_SIZE:
            del self[next(iter(self))]
        self[name] = answer
        return answer


class ItemIndex(Protocol):
    """What the resolver needs of an index (:class:`ResolveIndex`, or the reference scan)."""

    @property
    def synonyms(self) -> Mapping[str, str]:
        """Normalised variant → normalised item name."""

    def exact(self, norm: str, limit: int = 10) -> Targets | None:
        """Items whose normalised name is ``norm``."""

    def synonym(self, norm: str, limit: int = 10) -> Targets | None:
        """Items of the synonym group ``norm`` is a variant of."""

    def targets(self, key: str, limit: int = 10) -> Targets | None:
        """What a key leads to."""

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Keys in the fuzzy relation with ``norm``, best first."""

    def best_near(self, norm: str) -> float:
        """A score some key in the fuzzy relation with ``norm`` reaches (0.0: none known)."""

    def resources_named(self, key: str) -> tuple[IndexedResource, ...]:
        """Resources whose name, in :func:`~govcatalog.resolve.containment.resource_key` form,
        is ``key`` (base catalogs' first)."""

    def resource_items(self, resource: IndexedResource) -> tuple[IndexedItem, ...]:
        """The items of a resource, in catalog order."""

    def memo(self, scope: Hashable) -> Memo[Any]:
        """Where answers derived from this index are remembered (``scope`` tells users apart)."""

    def rewriter(self) -> RewriteTable:
        """The synonym table filed for replacing synonyms inside a name."""


def sort_hits(hits: Iterable[FuzzyHit], limit: int) -> list[FuzzyHit]:
    """Hits ordered best first (score descending, then key), at most ``limit``."""
    return sorted(hits, key=lambda h: (-h.score, h.key))[:limit]
