"""Fuzzy lookups over the live keys of an index snapshot, built once with it.

:class:`FuzzySearch` answers :meth:`~FuzzySearch.fuzzy`: the live keys in
:func:`~govcatalog.resolve.lookup.fuzzy_relation` with a name, best first. It holds

- the live keys numbered shortest first (so that the keys of a range of lengths are a range
  of ids) as numpy object arrays, as they are and re-spelt for scoring
  (:mod:`~govcatalog.resolve.spelling`): candidates are fetched in one call;
- per bigram, the sorted ids of the keys holding it (numpy), and for the long lists a bitset
  too, so that counting how many of a query's bigrams a candidate shares costs one bit test
  per list (:func:`~govcatalog.resolve.prefix.candidates`);
- the keys by their one-character deletions (:mod:`~govcatalog.resolve.neighbours`).

A name a request asks for is looked up a few times in a row (at the resolver's levels, with
and without synonyms replaced, and for :meth:`~FuzzySearch.best_near`): the keys near it and
its bigram lists, sorted, are kept for the last two names asked (in tuples, replaced whole, so
a snapshot shared by threads stays consistent). What depends only on the name's length, its
number of bigrams and the cutoff (the lengths to search, what a key of each needs) is made once
per shape (:func:`_plan`). Each query is then a handful of numpy calls on short arrays, and
the Python work per candidate is left to rapidfuzz's ``cdist``.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from govcatalog.resolve.lookup import FuzzyHit, fuzzy_hits, needed_bigrams, sort_hits
from govcatalog.resolve.neighbours import DeletionIndex, outside_reach
from govcatalog.resolve.normalise import bigrams
from govcatalog.resolve.prefix import (
    Bits,
    IdArray,
    LengthPlan,
    bitset,
    candidates,
    length_bounds,
    needed_by_length,
    plan_lengths,
)
from govcatalog.resolve.spelling import ScoringSpelling

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""
_EMPTY: IdArray = np.zeros(0, dtype=np.int32)
_NO_LIST: tuple[IdArray, Bits | None] = (_EMPTY, None)
_BITSET_SHARE = 128
_BITSET_LEAST = 256
"""A posting list of at least 1/128 of the keys (and 256) also gets a bitset (<= 4× its size)."""
_FEW = 48
"""Fuzzy candidates up to this many are scored one call each, more in one batch."""
_NEAR_LEAST = 4
"""Queries of at least this many characters look their neighbours up first (neighbours)."""
_RECENT = 2
"""How many names the keys near them and their sorted bigram lists are kept for."""
_SLACK = 1e-3
"""How far ``cdist``'s score may be from ``ratio``'s (the same scorer: they are equal)."""

GramLists = tuple[str, list[IdArray], list[Bits | None]]
"""A name, and the posting lists of its bigrams (shortest first) with their bitsets."""


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
def _plan(n: int, grams: int, cutoff: float, longest: int, near: bool) -> LengthPlan:
    """The lengths a hit of a name of ``n`` characters and ``grams`` bigrams may have.

    With ``near``, only those where a key not near the name can reach the cutoff
    (:func:`~govcatalog.resolve.neighbours.outside_reach`): the keys near it are scored apart.
    """
    need = needed_bigrams(grams)
    if n >= 2:
        needed = needed_by_length(n, grams, need, cutoff, longest)
    else:  # a one-character name is its own gram: only the length bounds apply
        needed = np.full(longest + 1, need, dtype=np.int32)
        lo, hi = length_bounds(n, cutoff) or (0, longest)
        needed[: max(lo, 1)] = needed[hi + 1 :] = grams + 1
    if near:
        needed = np.where(outside_reach(n, cutoff, longest), needed, grams + 1).astype(np.int32)
    return plan_lengths(needed, grams)


class FuzzySearch:
    """The fuzzy lookups over the live keys (see the module).

    Args:
        keys: Every key, by key id.
        live: Which keys lead to items (the others are never found).
        postings: Per bigram, the ids of the keys holding it.
    """

    __slots__ = (
        "_deletions", "_grams", "_keys", "_longest", "_recent_grams", "_recent_near", "_spelling",
        "_spelt", "_starts",
    )  # fmt: skip

    def __init__(
        self, keys: list[str], live: npt.NDArray[np.bool_], postings: Mapping[str, array[int]]
    ) -> None:
        self._keys, self._starts, tables = _fuzzy_tables(keys, live, postings)
        self._longest = self._starts.size - 2
        fuzzy_keys: list[str] = self._keys.tolist()
        self._deletions = DeletionIndex(fuzzy_keys, _NEAR_LEAST)
        self._spelling = ScoringSpelling(fuzzy_keys)
        spell = self._spelling.spell
        self._spelt = np.array([spell(k) for k in fuzzy_keys], dtype=object)
        size = len(fuzzy_keys)
        floor = max(_BITSET_LEAST, size // _BITSET_SHARE)
        self._grams: dict[str, tuple[IdArray, Bits | None]] = {
            g: (p, bitset(p, size) if p.size >= floor else None) for g, p in tables.items()
        }
        self._recent_near: tuple[tuple[str, list[FuzzyHit]], ...] = ()
        self._recent_grams: tuple[GramLists, ...] = ()

    def _near(self, norm: str) -> list[FuzzyHit]:
        """Every hit (at any cutoff) among the keys near ``norm`` (:mod:`.neighbours`).

        The resolver asks for the same name a few times in a row, with and without the synonyms
        inside it replaced: the answers for the last two names are kept.
        """
        recent = self._recent_near
        for name, known in recent:
            if name == norm:
                return known
        found = self._deletions.near(norm)
        hits = fuzzy_hits(norm, self._keys[found].tolist()) if found else []
        self._recent_near = ((norm, hits), *recent[: _RECENT - 1])
        return hits

    def best_near(self, norm: str) -> float:
        """The best score of a hit among the keys near ``norm`` (0.0 if none or too short): a
        score the best hit of every cutoff up to it reaches."""
        if len(norm) < _NEAR_LEAST:
            return 0.0
        return max((h.score for h in self._near(norm)), default=0.0)

    def _lists(self, norm: str) -> GramLists:
        """The posting lists of ``norm``'s bigrams, shortest first (kept for the last names)."""
        recent = self._recent_grams
        for known in recent:
            if known[0] == norm:
                return known
        table = self._grams
        found = sorted((table.get(g, _NO_LIST) for g in bigrams(norm)), key=_size)
        lists = (norm, [ids for ids, _ in found], [bits for _, bits in found])
        self._recent_grams = (lists, *recent[: _RECENT - 1])
        return lists

    def _candidates(self, norm: str, cutoff: float, *, near: bool = False) -> IdArray:
        """Live keys sharing enough of ``norm``'s bigrams to be hits at ``cutoff``.

        With ``near``, only of the lengths where a key not near ``norm`` can be a hit.
        """
        grams = len(bigrams(norm))
        if not grams:
            return _EMPTY
        plan = _plan(len(norm), grams, cutoff, self._longest, near)
        if not plan.edges.size:  # no length to search: the lists are not even sorted
            return _EMPTY
        _, lists, bits = self._lists(norm)
        return candidates(lists, plan, self._starts, bits)

    def fuzzy(self, norm: str, *, cutoff: float = 60.0, limit: int = 10) -> list[FuzzyHit]:
        """Live keys in :func:`fuzzy_relation` with ``norm``, best first, at most ``limit``.

        The keys near ``norm`` are scored first; the bigram lists are then searched only for
        the lengths where another key could reach the cutoff (none, for most misspelt names
        at a high cutoff). Once ``limit`` keys near the name reach a score, a key scoring less
        is behind all of them: the lists are searched down to that score only.
        """
        n = len(norm)
        longest = self._longest
        if not _NEAR_LEAST <= n <= longest or outside_reach(n, cutoff, longest)[n]:  # no help
            return self._bigram_hits(norm, self._candidates(norm, cutoff), cutoff, limit)
        near = sort_hits([h for h in self._near(norm) if h.score >= cutoff], limit)
        floor = near[-1].score if near and len(near) == limit else cutoff
        hits = self._bigram_hits(norm, self._candidates(norm, floor, near=True), floor, limit)
        if not near:
            return hits
        merged = {h.key: h for h in near}
        for h in hits:
            merged.setdefault(h.key, h)
        return sort_hits(merged.values(), limit)

    def _bigram_hits(self, norm: str, cand: IdArray, cutoff: float, limit: int) -> list[FuzzyHit]:
        """The hits among the candidates, best first, at most ``limit``.

        Scored as re-spelt (same scores, less time). Many candidates are scored in one
        ``cdist`` call (C++) a hair below the cutoff; only the ``limit`` best and those tied
        with the last of them, give or take the slack, are scored again as the relation does:
        at most ``limit - 1`` keys score more than the ``limit``-th best, so every key of the
        best ``limit`` (ties broken by key) is within twice the slack of the ``limit``-th
        best ``cdist`` score.
        """
        if not cand.size:
            return []
        query = self._spelling.spell(norm)
        ratio = fuzz.ratio
        if cand.size > _FEW:  # else one call each costs less than the numpy steps below
            scores = process.cdist(
                [query], self._spelt[cand], scorer=ratio, score_cutoff=max(0.0, cutoff - _SLACK),
                dtype=np.float64, workers=1,
            )[0]  # fmt: skip
            top = np.flatnonzero(scores >= cutoff - _SLACK)
            if 0 < limit < top.size:
                floor = np.partition(scores[top], top.size - limit)[top.size - limit]
                top = top[scores[top] >= floor - 2 * _SLACK]
            cand = cand[top]
        keys: list[str] = self._keys[cand].tolist()
        spelt: list[str] = self._spelt[cand].tolist()
        hits = [
            _new(FuzzyHit, (k, s))
            for k, c in zip(keys, spelt, strict=True)
            if (s := ratio(query, c)) >= cutoff
        ]
        return sort_hits(hits, limit)


def _size(entry: tuple[IdArray, Bits | None]) -> int:
    return entry[0].size
