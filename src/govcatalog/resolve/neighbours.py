"""Keys a few characters away from a query: a deletion-neighbourhood index (symmetric delete).

rapidfuzz's ``ratio`` of a query of ``n`` characters and a key of ``m`` is
``100 (n + m - d) / (n + m)``, ``d`` being their indel distance (characters inserted or deleted
to turn one into the other, ``n + m - 2 L`` for a longest common subsequence of ``L``). The
:class:`DeletionIndex` files every key under itself and each of its one-character deletions. A
query's own deletions (and itself) looked up there give every key that shares one with it:
exactly the keys with ``d <= 2`` of the query's length and those with ``d = 1`` one character
longer or shorter. The query with two characters dropped (:func:`two_deletions`), looked up
there too, gives the keys two characters shorter with ``d = 2`` (and a few keys one shorter
with ``d = 3``). Where hashes collide a few other keys come too: the keys found are scored,
not taken on trust.

Every other key of length ``m`` is at least :func:`outside_distance` away, so its score is at
most ``100 (n + m - that) / (n + m)``; :func:`outside_reach` tells for which lengths that can
reach a cutoff — at the other lengths the keys found here are all the hits there are.

Example:
    >>> index = DeletionIndex(["企业名称", "企业代码", "个人名称", "企业"], least=4)
    >>> index.near("企业名秤"), index.near("个人名称码")
    ([0, 3], [2])
    >>> outside_distance(7, 7), outside_distance(7, 9), outside_distance(7, 5)
    (4, 2, 4)
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from govcatalog.resolve.hashed import HashedIds


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
        least: The shortest query asked for; keys too short to be near one are left out
            (below ``least - 2`` characters, and their deletions below ``least``).
    """

    __slots__ = ("_filed",)

    def __init__(self, keys: Sequence[str], least: int) -> None:
        hashes: array[int] = array("q")
        ids: array[int] = array("i")
        for kid, key in enumerate(keys):
            if len(key) < least - 2:
                continue
            variants = deletions(key) if len(key) >= least else set()
            variants.add(key)
            hashes.extend(map(hash, variants))
            ids.extend([kid] * len(variants))
        self._filed = HashedIds(np.frombuffer(hashes, np.int64), np.frombuffer(ids, np.int32))

    @property
    def nbytes(self) -> int:
        """The memory its arrays hold."""
        return self._filed.nbytes

    def near(self, query: str) -> list[int]:
        """Sorted ids of the keys near the query (see the module).

        Every key with indel distance ``<= 2`` of the query's length, ``1`` a character longer
        or shorter, or ``2`` two characters shorter is among them, for a query of at least
        ``least`` characters. The query, its deletions and its two-deletions are hashed and
        looked up in one go (:class:`~govcatalog.resolve.hashed.HashedIds`): a query costs a
        few dozen short strings and a fixed number of numpy calls, whatever the number of
        keys. A two-deletion also finds the keys one longer that it is a deletion of (``d``
        of 3 or less): more keys scored, none missed.
        """
        ones = [query[:i] + query[i + 1 :] for i in range(len(query))]
        # each pair of dropped characters once: the second after the first
        twos = [d[:j] + d[j + 1 :] for i, d in enumerate(ones) for j in range(i, len(d))]
        variants = [query, *ones, *twos]
        found: set[int] = set()
        self._filed.collect(np.fromiter(map(hash, variants), np.int64, len(variants)), found)
        return sorted(found)


def outside_distance(n: int, m: int) -> int:
    """The least indel distance of a key of length ``m`` that :meth:`DeletionIndex.near` does not
    find, for a query of length ``n``.

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
