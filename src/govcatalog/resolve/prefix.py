"""Finding the keys that share enough of a query's bigrams, by prefix filtering.

The fuzzy index keeps, per bigram, the sorted ids of the keys that contain it. A key shares
``need`` of a query's ``g`` bigrams exactly when it is in ``need`` of the query's ``g`` lists.
Such a key misses at most ``g - need`` lists, so it is in at least one of the
``g - need + 1`` shortest lists (:func:`seed`). :func:`candidates` takes only the keys of those
(short) lists — cut to the lengths that can reach the score asked for, the keys being numbered
shortest first — and counts for each
key left in how many of the ``g`` lists it is: one bit test per key where the list has a bitset
(the long lists, :func:`bitset`), else a binary search, once the keys that cannot reach what
they need even if they are in every other list are dropped. What a key needs may grow with the
cutoff (:func:`needed_by_length`): a high score needs many shared bigrams. Nothing that meets
the condition is lost: the pruning is exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

IdArray = npt.NDArray[np.int32]
"""Sorted key ids (a posting list, or candidates)."""

Bits = npt.NDArray[np.uint8]
"""A set of key ids as a bitset: bit ``i & 7`` of byte ``i >> 3`` is set for id ``i``."""

_EMPTY: IdArray = np.zeros(0, dtype=np.int32)


def length_bounds(query_length: int, cutoff: float) -> tuple[int, int] | None:
    """The key lengths that can reach a rapidfuzz ``ratio`` of ``cutoff`` with the query.

    ``ratio`` is ``200 m / (q + k)`` with ``m <= min(q, k)`` matching characters, so a key of
    length ``k`` needs ``q c / (2 - c) <= k <= q (2 - c) / c`` for ``c = cutoff / 100``.

    Returns:
        (shortest, longest), rounded outwards; None when the cutoff bounds nothing.
    """
    c = cutoff / 100.0
    if not 0.0 < c <= 1.0:
        return None
    return int(query_length * c / (2.0 - c)), math.ceil(query_length * (2.0 - c) / c)


@lru_cache(maxsize=4096)  # a pure function of a few small numbers: queries repeat them
def needed_by_length(
    query_length: int, grams: int, need: int, cutoff: float, longest: int
) -> npt.NDArray[np.int32]:
    """How many of a query's bigrams a key of each length (0..longest) must share to be a hit.

    A hit shares ``need`` bigrams and reaches the cutoff: ``ratio = 200 L / (n + m)`` for a
    longest common subsequence of ``L`` characters, so ``L >= cutoff (n + m) / 200``. Matched
    characters adjacent in both names form a bigram the two share: of the ``L - 1`` steps of
    the alignment at most ``n - L`` skip a character of the query and at most ``m - L`` one of
    the key, and at most ``n - 1 - g`` of the query's bigram positions repeat a bigram, so a key
    sharing ``s`` of the query's ``g`` distinct bigrams has ``3 L <= s + 2 n + m - g``. A length
    whose ``L`` would exceed ``min(n, m)`` needs ``g + 1``: no key of that length is a hit.

    Args:
        query_length: ``n`` (at least 2: a one-character query has no bigram).
        grams: ``g``, the query's distinct bigrams.
        need: What every hit shares at least.
        cutoff: The lowest score of a hit (0–100).
        longest: The longest key length.

    Returns:
        A read-only array, indexed by key length.
    """
    m = np.arange(longest + 1, dtype=np.int64)
    n = query_length
    lowest = np.ceil(cutoff * (n + m) / 200.0 - 1e-6).astype(np.int64)
    needed = np.maximum(need, 3 * lowest - 2 * n - m + grams)
    needed[(lowest > np.minimum(n, m)) | (m == 0)] = grams + 1
    out: npt.NDArray[np.int32] = needed.astype(np.int32)
    out.flags.writeable = False
    return out


def bitset(ids: IdArray, size: int) -> Bits:
    """The ids (each ``< size``) as a bitset for :func:`candidates`."""
    flags = np.zeros(size, dtype=np.bool_)
    flags[ids] = True
    return np.packbits(flags, bitorder="little")


class LengthPlan(NamedTuple):
    """Which key lengths :func:`candidates` searches, and how many lists a key of each needs.

    A pure function of the query's length, its number of bigrams and the cutoff
    (:func:`plan_lengths`): the resolver asks the same few shapes again and again, so it is
    made once per shape, not per query.

    Attributes:
        needed: How many of the lists a key of each length (0..longest) must be in
            (:func:`needed_by_length`); more than the lists rules that length out.
        edges: The lengths searched, as runs: ``edges[2 i]`` the first length of run ``i``,
            ``edges[2 i + 1]`` one past its last; ascending.
        least: The fewest lists a key of a searched length needs (at least 1).
        want: That number when every searched length needs it (the usual case), else None.
    """

    needed: npt.NDArray[np.int32]
    edges: npt.NDArray[np.intp]
    least: int
    want: int | None


def plan_lengths(needed: npt.NDArray[np.int32], lists: int) -> LengthPlan:
    """The :class:`LengthPlan` of ``needed`` for a query of ``lists`` bigram lists."""
    searched = needed <= lists
    edges = np.flatnonzero(np.diff(searched.astype(np.int8), prepend=0, append=0))
    if not edges.size:
        return LengthPlan(needed, edges, lists + 1, None)
    wanted = needed[searched]
    least = max(int(wanted.min()), 1)
    want = least if int(wanted.max()) == least else None
    return LengthPlan(needed, edges, least, want)


def _counted(lists: Sequence[IdArray]) -> tuple[IdArray, npt.NDArray[np.int32]]:
    """Sorted distinct ids of the (non-empty) lists, and in how many of them each is."""
    if len(lists) == 1:
        return lists[0], np.ones(lists[0].size, dtype=np.int32)
    merged = np.concatenate(lists)
    merged.sort(kind="stable")  # sorted runs: merged, not sorted from scratch
    edge = np.empty(merged.size + 1, dtype=np.bool_)
    edge[0] = edge[-1] = True
    np.not_equal(merged[1:], merged[:-1], out=edge[1:-1])
    at = np.flatnonzero(edge)
    return merged[at[:-1]], np.diff(at).astype(np.int32)


def seed(lists: Sequence[IdArray], need: int) -> IdArray:
    """Sorted ids of the keys in one of the ``g - need + 1`` shortest of the ``g`` lists.

    Every key found in ``need`` of the lists is among them (it misses at most ``g - need``).
    """
    first = [a for a in lists[: len(lists) - need + 1] if a.size]
    return _counted(first)[0] if first else _EMPTY


def lengths_of(ids: IdArray, starts: IdArray) -> IdArray:
    """The length of each key id, where the keys are numbered shortest first.

    Args:
        ids: Key ids.
        starts: ``starts[m]`` is the first id of a key of length ``m`` (the ids of length ``m``
            are ``starts[m]`` up to ``starts[m + 1]``); one entry past the longest length.
    """
    found: IdArray = (np.searchsorted(starts, ids, side="right") - 1).astype(np.int32)
    return found


def _within(ids: IdArray, bounds: IdArray) -> list[IdArray]:
    """The pieces of ``ids`` (sorted) in the ranges ``bounds[2 i]`` up to ``bounds[2 i + 1]``.

    ``bounds`` has the ids' dtype: searching for values of another type would convert the whole
    list first.
    """
    if not ids.size:
        return []
    if bounds.size == 2 and ids[0] >= bounds[0] and ids[-1] < bounds[1]:
        return [ids]
    cuts = ids.searchsorted(bounds).tolist()
    return [ids[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a]


def _in_list(cand: IdArray, ids: IdArray, flags: Bits | None) -> npt.NDArray[np.int32]:
    """1 for each candidate in the list, else 0: one bit test each, or a binary search."""
    if flags is not None:
        tested: npt.NDArray[np.int32] = (flags[cand >> 3] >> (cand & 7)) & 1
        return tested
    pos = np.searchsorted(ids, cand)
    np.minimum(pos, ids.size - 1, out=pos)
    found: npt.NDArray[np.int32] = (ids[pos] == cand).astype(np.int32)
    return found


def candidates(
    lists: Sequence[IdArray],
    plan: LengthPlan,
    starts: IdArray,
    bits: Sequence[Bits | None] | None = None,
) -> IdArray:
    """Sorted ids of the keys found in at least ``plan.needed[length of the key]`` of ``lists``.

    The keys are numbered shortest first, so that the keys of each run of lengths the plan
    searches are one range of ids: the seed lists are cut to those ranges before they are
    merged, and a key's length is found from its id (:func:`lengths_of`). The other lists are
    then asked about the keys left, those with a bitset first (a bit test costs less than a
    binary search), and before each the keys that cannot get there even if they are in every
    list still to ask are dropped: most keys of the seed are in one of its lists only and need
    each of the others, so the first miss drops them.

    Args:
        lists: The query's posting lists, shortest first; a key is at most once in each.
        plan: The lengths searched and what a key of each needs (:func:`plan_lengths`).
        starts: Where the ids of each length start (:func:`lengths_of`).
        bits: The same lists as bitsets where there is one (:func:`bitset`), else None.
    """
    if not plan.edges.size:
        return _EMPTY
    cut = len(lists) - plan.least + 1
    bounds = starts[np.minimum(plan.edges, starts.size - 1)]
    first = [piece for a in lists[:cut] for piece in _within(a, bounds)]
    if not first:
        return _EMPTY
    cand, shared = _counted(first)  # the seed, and how many of its lists hold each key
    # what each key needs, when the lengths searched do not all need the same
    each = None if plan.want is not None else plan.needed[lengths_of(cand, starts)]
    flagged = bits[cut:] if bits is not None else [None] * (len(lists) - cut)
    rest = sorted(zip(lists[cut:], flagged, strict=True), key=lambda pair: pair[1] is None)
    left = len(rest)
    for ids, flags in rest:
        if each is not None:
            keep = shared + left >= each
        elif plan.least - left > 1:  # else every key of the seed can still get there
            keep = shared >= plan.least - left
        else:
            keep = None
        if keep is not None and not keep.all():
            cand, shared = cand[keep], shared[keep]
            each = None if each is None else each[keep]
        if ids.size:
            shared += _in_list(cand, ids, flags)
        left -= 1
    found: IdArray = cand[shared >= (plan.least if each is None else each)]
    return found
