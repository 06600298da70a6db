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


def _counted(lists: Sequence[IdArray]) -> tuple[IdArray, npt.NDArray[np.int32]]:
    """Sorted distinct ids of the (non-empty) lists, and in how many of them each is."""
    if len(lists) == 1:
        return lists[0], np.ones(lists[0].size, dtype=np.int32)
    merged = np.concatenate(lists)
    merged.sort()
    starts = np.flatnonzero(np.concatenate(([True], merged[1:] != merged[:-1])))
    counts = np.diff(np.append(starts, merged.size)).astype(np.int32)
    return merged[starts], counts


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


def _within(ids: IdArray, bounds: IdArray) -> IdArray:
    """The ids (sorted) from ``bounds[0]`` up to, not including, ``bounds[1]``.

    ``bounds`` has the ids' dtype: searching for values of another type would convert the whole
    list first.
    """
    if not ids.size or (ids[0] >= bounds[0] and ids[-1] < bounds[1]):
        return ids
    a, b = ids.searchsorted(bounds).tolist()
    return ids[a:b]


def candidates(
    lists: Sequence[IdArray],
    needed: npt.NDArray[np.int32],
    starts: IdArray,
    bits: Sequence[Bits | None] | None = None,
) -> IdArray:
    """Sorted ids of the keys found in at least ``needed[length of the key]`` of ``lists``.

    The keys are numbered shortest first, so that the keys of the lengths ``needed`` allows are
    one range of ids: the seed lists are cut to it before they are merged, and a key's length is
    found from its id (:func:`lengths_of`).

    Args:
        lists: The query's posting lists, shortest first; a key is at most once in each.
        needed: How many of the lists a key of each length must be in
            (:func:`needed_by_length`); more than ``len(lists)`` rules that length out.
        starts: Where the ids of each length start (:func:`lengths_of`).
        bits: The same lists as bitsets where there is one (:func:`bitset`), else None.
    """
    possible = np.flatnonzero(needed <= len(lists))
    if not possible.size:
        return _EMPTY
    least = max(int(needed[possible].min()), 1)
    cut = len(lists) - least + 1
    bounds = starts[
        [min(int(possible[0]), starts.size - 1), min(int(possible[-1]) + 1, starts.size - 1)]
    ]
    first = [a for a in (_within(a, bounds) for a in lists[:cut]) if a.size]
    if not first:
        return _EMPTY
    cand, shared = _counted(first)  # the seed, and how many of its lists hold each key
    want = needed[lengths_of(cand, starts)]
    if cut < len(lists):  # keys that cannot get there with the other lists go first
        keep = shared + (len(lists) - cut) >= want
        cand, want, shared = cand[keep], want[keep], shared[keep]
        hi = cand >> 3
        lo = (cand & 7).astype(np.uint8)
        flagged = bits[cut:] if bits is not None else [None] * (len(lists) - cut)
        for arr, flags in zip(lists[cut:], flagged, strict=True):
            if flags is not None:
                shared += (flags[hi] >> lo) & 1
            elif arr.size:
                pos = np.searchsorted(arr, cand)
                np.minimum(pos, arr.size - 1, out=pos)
                shared += arr[pos] == cand
    found: IdArray = cand[shared >= want]
    return found
