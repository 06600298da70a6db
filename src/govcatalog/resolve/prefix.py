"""Finding the keys that share enough of a query's bigrams, by prefix filtering.

The fuzzy index keeps, per bigram, the sorted ids of the keys that contain it. A key shares
``need`` of a query's ``g`` bigrams exactly when it is in ``need`` of the query's ``g`` lists.
Such a key misses at most ``g - need`` lists, so it is in at least ``t`` of the
``g - need + t`` shortest lists (for any ``t <= need``). :func:`candidates` merges only those
lists (one sort), keeps the keys found in ``t`` of them, drops keys whose length rules out the
score asked for, and completes the counts of the rest from the remaining (long) lists by binary
search. Nothing that meets the condition is lost: the pruning is exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

IdArray = npt.NDArray[np.int32]
"""Sorted key ids (a posting list, or candidates)."""

LISTS_REQUIRED = 3
"""How many of the shortest lists a candidate must be in before it is counted further."""

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


def candidates(
    lists: Sequence[IdArray],
    need: int,
    lengths: npt.NDArray[np.int32] | None = None,
    bounds: tuple[int, int] | None = None,
) -> IdArray:
    """Sorted ids of the keys found in at least ``need`` of ``lists`` (and of a length in bounds).

    Args:
        lists: The query's posting lists, shortest first; a key is at most once in each.
        need: How many of the lists a key must be in (>= 1).
        lengths: Length of each key, by id (with ``bounds``).
        bounds: Shortest and longest key length kept (:func:`length_bounds`).
    """
    t = min(need, LISTS_REQUIRED)
    cut = len(lists) - need + t
    prefix = [a for a in lists[:cut] if a.size]
    if len(prefix) < t:
        return _EMPTY
    if len(prefix) == 1:  # t == 1: every key of the list
        merged = cand = prefix[0]
    else:
        merged = np.concatenate(prefix)
        merged.sort()
        found = merged
        if t > 1:  # a key in t lists is t times in a row: merged[i] == merged[i + t - 1]
            found = merged[t - 1 :][merged[t - 1 :] == merged[: 1 - t]]
        cand = found
        if found.size > 1:
            cand = found[np.concatenate(([True], found[1:] != found[:-1]))]
    if cand.size and lengths is not None and bounds is not None:
        lens = lengths[cand]
        cand = cand[(lens >= bounds[0]) & (lens <= bounds[1])]
    if t >= need or not cand.size:
        return cand
    # how many of the merged lists each candidate is in, then the long lists by binary search
    shared = (
        np.searchsorted(merged, cand, side="right") - np.searchsorted(merged, cand, side="left")
    ).astype(np.int32)
    for arr in lists[cut:]:
        if arr.size:
            pos = np.searchsorted(arr, cand)
            np.minimum(pos, arr.size - 1, out=pos)
            shared += arr[pos] == cand
    return cand[shared >= need]
