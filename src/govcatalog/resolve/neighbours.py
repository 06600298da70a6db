"""Keys a few characters away from a query: a deletion-neighbourhood index (symmetric delete).

rapidfuzz's ``ratio`` of a query of ``n`` characters and a key of ``m`` is
``100 (n + m - d) / (n + m)``, ``d`` being their indel distance (characters inserted or deleted
to turn one into the other, ``n + m - 2 L`` for a longest common subsequence of ``L``). The
:class:`DeletionIndex` files every key under itself and each of its one-character deletions; a
query's own deletions (and itself) looked up there give every key that shares one with it:
exactly the keys with ``d <= 2`` of the query's length and those with ``d = 1`` one character
longer or shorter (and, where hashes collide, a few others). :func:`two_deletions` gives the
keys two characters shorter with ``d = 2``: the query with two characters dropped.

Every other key of length ``m`` is at least :func:`outside_distance` away, so its score is at
most ``100 (n + m - that) / (n + m)``; :func:`outside_reach` tells for which lengths that can
reach a cutoff — at the other lengths the keys found here are all the hits there are.

Example:
    >>> index = DeletionIndex(["企业名称", "企业代码", "个人名称"], least=3)
    >>> sorted(index.near("企业名秤").tolist())
    [0]
    >>> outside_distance(7, 7), outside_distance(7, 9), outside_distance(7, 5)
    (4, 2, 4)
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

IdArray = npt.NDArray[np.int32]


def deletions(text: str) -> set[str]:
    """``text`` with one of its characters dropped, every way."""
    return {text[:i] + text[i + 1 :] for i in range(len(text))}


def two_deletions(text: str) -> set[str]:
    """``text`` with two of its characters dropped, every way."""
    return {d[:i] + d[i + 1 :] for d in deletions(text) for i in range(len(d))}


class DeletionIndex:
    """Key ids by the hash of each key and of each of its one-character deletions.

    Args:
        keys: The keys, by id.
        least: Keys shorter than this are left out (queries are at least one longer).
    """

    __slots__ = ("_hashes", "_ids")

    def __init__(self, keys: Sequence[str], least: int) -> None:
        hashes: array[int] = array("q")
        ids: array[int] = array("i")
        for kid, key in enumerate(keys):
            if len(key) < least:
                continue
            variants = deletions(key)
            variants.add(key)
            hashes.extend(map(hash, variants))
            ids.extend([kid] * len(variants))
        all_hashes = np.frombuffer(hashes, dtype=np.int64)
        order = np.argsort(all_hashes, kind="stable")
        self._hashes = all_hashes[order]
        self._ids: IdArray = np.frombuffer(ids, dtype=np.int32)[order]

    @property
    def nbytes(self) -> int:
        """The memory its arrays hold."""
        return int(self._hashes.nbytes + self._ids.nbytes)

    def near(self, query: str) -> IdArray:
        """Sorted ids of the keys sharing the query or one of its deletions (see the module).

        Every key with indel distance ``<= 2`` of the query's length, or ``1`` a character
        longer or shorter, is among them (if not left out for its length).
        """
        variants = deletions(query)
        variants.add(query)
        wanted = np.fromiter(map(hash, variants), dtype=np.int64, count=len(variants))
        lo = np.searchsorted(self._hashes, wanted, side="left")
        hi = np.searchsorted(self._hashes, wanted, side="right")
        runs = [self._ids[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True) if b > a]
        if not runs:
            return np.zeros(0, dtype=np.int32)
        found: IdArray = np.unique(np.concatenate(runs))
        return found


def outside_distance(n: int, m: int) -> int:
    """The least indel distance of a key of length ``m`` that neither :meth:`DeletionIndex.near`
    nor :func:`two_deletions` finds, for a query of length ``n``.

    The distance has the parity of ``n + m`` and is at least ``|n - m|``; found are ``d <= 2``
    at ``m = n``, ``d = 1`` at ``m = n ± 1`` and ``d = 2`` at ``m = n - 2``.
    """
    gap = abs(n - m)
    if m == n or m == n - 2:
        return 4
    if gap == 1:
        return 3
    return gap


@lru_cache(maxsize=4096)  # a pure function of a few small numbers: queries repeat them
def outside_reach(n: int, cutoff: float, longest: int) -> npt.NDArray[np.bool_]:
    """Per key length (0..longest): can a key not found near the query reach ``cutoff``?

    Rounded in favour of yes (a length said to be reachable is only searched in vain).
    """
    reach = np.zeros(longest + 1, dtype=np.bool_)
    for m in range(1, longest + 1):
        d = outside_distance(n, m)
        reach[m] = 100.0 * (n + m - d) / (n + m) >= cutoff - 1e-6
    reach.flags.writeable = False
    return reach
