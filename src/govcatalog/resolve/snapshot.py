"""A frozen view of the resolver index: every lookup structure built once, at construction.

:class:`IndexSnapshot` is what requests are answered from. It never changes: an update of
the :class:`~govcatalog.resolve.index.ResolveIndex` makes the next snapshot, and a request
that holds one keeps seeing one consistent version of the catalogs (also while another thread
updates the index). What is derived from the index lives here and nowhere else, built with the
snapshot and dropped with it — no cache is ever emptied by hand:

- per key, the tuples of items it leads to (base catalogs' first) and whether it is *live*;
- per bigram, the sorted ids of the live keys holding it (numpy), and for the long lists a bitset
  too, so that counting how many of a query's bigrams a candidate shares costs one bit test
  per list (:func:`~govcatalog.resolve.prefix.candidates`);
- the live keys re-spelt for scoring (:mod:`~govcatalog.resolve.spelling`);
- the live keys by their one-character deletions (:mod:`~govcatalog.resolve.neighbours`), and
  the near hits of the last name asked for;
- the live keys numbered shortest first (so that the keys of a range of lengths are a range
  of ids) as a numpy object array (candidates are fetched in one call);
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
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from govcatalog.resolve.containment import resource_key
from govcatalog.resolve.lookup import (
    FuzzyHit,
    Memo,
    Targets,
    fuzzy_relation,
    needed_bigrams,
    sort_hits,
)
from govcatalog.resolve.model import CatalogRole, IndexedItem, IndexedResource
from govcatalog.resolve.neighbours import DeletionIndex, outside_reach, two_deletions
from govcatalog.resolve.normalise import bigrams
from govcatalog.resolve.prefix import (
    Bits,
    IdArray,
    bitset,
    candidates,
    length_bounds,
    needed_by_length,
)
from govcatalog.resolve.rewrite import RewriteTable
from govcatalog.resolve.spelling import ScoringSpelling

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""
_EMPTY: IdArray = np.zeros(0, dtype=np.int32)
_BITSET_SHARE = 128
_BITSET_LEAST = 256
"""A posting list of at least 1/128 of the keys (and 256) also gets a bitset (<= 4× its size)."""
_FEW = 48
"""Fuzzy candidates up to this many are scored one call each, more in one batch."""
_NEAR_LEAST = 4
"""Queries of at least this many characters look their neighbours up first (neighbours)."""

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


def _fuzzy_tables(
    keys: list[str], live: npt.NDArray[np.bool_], postings: Mapping[str, array[int]]
) -> tuple[npt.NDArray[np.object_], IdArray, dict[str, IdArray]]:
    """The live keys numbered shortest first, where each length starts, the posting lists.

    Fuzzy matching numbers the live keys by length (then key order), so that the keys of a
    range of lengths are a range of ids (:func:`~govcatalog.resolve.prefix.candidates`); dead
    keys are left out. Returns the keys by that id (numpy object array), ``starts`` (the
    first id of each length, one past the longest) and per bigram the sorted ids holding it.
    """
    lengths = np.fromiter(map(len, keys), dtype=np.int32, count=len(keys))
    alive = np.flatnonzero(live)
    order = alive[np.argsort(lengths[alive], kind="stable")]
    renumber = np.full(len(keys), -1, dtype=np.int32)
    renumber[order] = np.arange(order.size, dtype=np.int32)
    by_id = lengths[order]
    longest = int(by_id[-1]) if by_id.size else 0
    starts = np.searchsorted(by_id, np.arange(longest + 2)).astype(np.int32)
    tables: dict[str, IdArray] = {}
    for gram, posting in postings.items():
        ids = renumber[np.frombuffer(posting, dtype=np.int32)]
        ids = ids[ids >= 0]
        if ids.size:
            ids.sort()
            tables[gram] = ids
    fuzzy_keys = np.array([keys[i] for i in order.tolist()], dtype=object)
    return fuzzy_keys, starts, tables


@lru_cache(maxsize=4096)  # a pure function of a few small numbers: queries repeat them
def _outside_needed(
    n: int, grams: int, need: int, cutoff: float, longest: int
) -> npt.NDArray[np.int32]:
    """:func:`needed_by_length`, with the lengths no key far from the query reaches ruled out."""
    needed = needed_by_length(n, grams, need, cutoff, longest)
    reach = outside_reach(n, cutoff, longest)
    out: npt.NDArray[np.int32] = np.where(reach, needed, grams + 1).astype(np.int32)
    out.flags.writeable = False
    return out


class IndexSnapshot:
    """The items of many catalogs, frozen, with exact, synonym and fuzzy lookups.

    Built by :meth:`ResolveIndex.snapshot <govcatalog.resolve.index.ResolveIndex.snapshot>`
    from the index's tables, which it copies (the index may change afterwards).
    """

    __slots__ = (
        "_base", "_bits", "_by_name", "_catalogs", "_deletions", "_fuzzy_keys", "_key_id", "_keys",
        "_last_near", "_live", "_longest", "_memos", "_other", "_postings", "_resources",
        "_rewriter", "_size", "_spelling", "_spelt", "_starts", "_synonyms",
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
        self._fuzzy_keys, self._starts, self._postings = _fuzzy_tables(keys, self._live, postings)
        self._longest = self._starts.size - 2
        self._deletions = DeletionIndex(self._fuzzy_keys.tolist(), _NEAR_LEAST - 1)
        self._last_near: tuple[str, list[FuzzyHit]] = ("", [])
        self._spelling = ScoringSpelling(self._fuzzy_keys.tolist())
        spell = self._spelling.spell
        self._spelt = np.array([spell(k) for k in self._fuzzy_keys.tolist()], dtype=object)
        size = self._fuzzy_keys.size
        floor = max(_BITSET_LEAST, size // _BITSET_SHARE)
        self._bits: dict[str, Bits] = {
            g: bitset(p, size) for g, p in self._postings.items() if p.size >= floor
        }
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

    def _near(self, norm: str) -> list[FuzzyHit]:
        """Every hit (at any cutoff) among the keys near ``norm`` (:mod:`.neighbours`).

        The resolver asks for the same name a few times in a row: the last answer is kept.
        """
        last = self._last_near
        if last[0] == norm:
            return last[1]
        keys = self._fuzzy_keys
        near = {keys[i] for i in self._deletions.near(norm).tolist()}
        key_id, live = self._key_id, self._live
        near.update(k for k in two_deletions(norm) if (i := key_id.get(k)) is not None and live[i])
        hits = [
            _new(FuzzyHit, (k, s)) for k in near if (s := fuzzy_relation(norm, k, 0.0)) is not None
        ]
        self._last_near = (norm, hits)
        return hits

    def best_near(self, norm: str) -> float:
        """The best score of a hit among the keys near ``norm`` (0.0 if none or too short): a
        score the best hit of every cutoff up to it reaches."""
        if len(norm) < _NEAR_LEAST:
            return 0.0
        return max((h.score for h in self._near(norm)), default=0.0)

    def _candidates(self, norm: str, cutoff: float, *, near: bool = False) -> IdArray:
        """Live keys sharing enough of ``norm``'s bigrams to be hits at ``cutoff``.

        With ``near``, only of the lengths where a key not near ``norm`` can be a hit.
        """
        grams = bigrams(norm)
        if not grams:
            return _EMPTY
        need = needed_bigrams(len(grams))
        if len(norm) >= 2:
            needed = (_outside_needed if near else needed_by_length)(
                len(norm), len(grams), need, cutoff, self._longest
            )
        else:  # a one-character name is its own gram: only the length bounds apply
            needed = np.full(self._longest + 1, need, dtype=np.int32)
            lo, hi = length_bounds(len(norm), cutoff) or (0, self._longest)
            needed[: max(lo, 1)] = needed[hi + 1 :] = len(grams) + 1
        postings = self._postings
        order = sorted(grams, key=lambda g: len(postings.get(g, _EMPTY)))
        return candidates(
            [postings.get(g, _EMPTY) for g in order],
            needed,
            self._starts,
            [self._bits.get(g) for g in order],
        )

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Live keys in :func:`fuzzy_relation` with ``norm``, best first, at most ``limit``.

        The keys near ``norm`` are scored first; the bigram lists are then searched only for
        the lengths where another key could reach the cutoff (none, for most misspelt names
        at a high cutoff).
        """
        n = len(norm)
        longest = self._longest
        if not _NEAR_LEAST <= n <= longest or outside_reach(n, cutoff, longest)[n]:  # no help
            return self._bigram_hits(norm, self._candidates(norm, cutoff), cutoff, limit)
        near = [h for h in self._near(norm) if h.score >= cutoff]
        hits = self._bigram_hits(norm, self._candidates(norm, cutoff, near=True), cutoff, limit)
        if not near:
            return hits
        merged = {h.key: h for h in near}
        for h in hits:
            merged.setdefault(h.key, h)
        return sort_hits(merged.values(), limit)

    def _bigram_hits(self, norm: str, cand: IdArray, cutoff: float, limit: int) -> list[FuzzyHit]:
        """The hits among the candidates, best first, at most ``limit``."""
        if not cand.size:
            return []
        keys = self._fuzzy_keys
        ids = cand.tolist()
        choices = self._spelt[cand].tolist()  # scored as re-spelt: same scores, less time
        query = self._spelling.spell(norm)
        ratio = fuzz.ratio
        if len(choices) <= _FEW:  # one call each costs less than the numpy steps below
            few = [
                FuzzyHit(keys[i], s)
                for i, c in zip(ids, choices, strict=True)
                if (s := float(ratio(query, c))) >= cutoff
            ]
            return sort_hits(few, limit)
        # Score every candidate in one call (C++), a hair below the cutoff; then visit them best
        # first, scoring again as the relation does, and stop once ``limit`` hits are found and
        # the scores drop below the last one.
        scores = process.cdist(
            [query], choices, scorer=fuzz.ratio, score_cutoff=max(0.0, cutoff - 1e-3),
            dtype=np.float64, workers=1,
        )[0]  # fmt: skip
        scored = np.flatnonzero(scores >= cutoff - 1e-3)
        order = scored[np.argsort(-scores[scored], kind="stable")]
        hits: list[FuzzyHit] = []
        floor = -1.0
        for i, approx in zip(order.tolist(), scores[order].tolist(), strict=True):
            if len(hits) >= limit and approx < floor - 1e-3:
                break
            score = float(ratio(query, choices[i]))
            if score >= cutoff:
                hits.append(FuzzyHit(keys[ids[i]], score))
                if len(hits) == limit:
                    floor = min(h.score for h in hits)
        return sort_hits(hits, limit)
