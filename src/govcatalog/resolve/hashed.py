"""Ids filed under 64-bit hashes, looked up many at a time with few reads of memory.

A binary search among millions of sorted hashes reads some twenty places far apart in memory,
and nearly every one misses the caches: on a busy machine one lookup costs a microsecond or
more. :class:`HashedIds` files the entries by their hash's top bits (a directory says where the
two or so entries with those bits are) and keeps of each hash only its low 32 bits beside its
id: a lookup reads one entry of the directory and a cache line of those, and half the memory a
full hash would take. Equal top bits and equal low bits are equal in some 50 bits: an entry
that only collides with a wanted hash is rare, and gives an id the caller checks like any
other. Many hashes are looked up in one go, in a fixed number of numpy calls.

Example:
    >>> hashes = np.array([hash("甲"), hash("乙"), hash("甲")], dtype=np.int64)
    >>> filed = HashedIds(hashes, np.array([0, 1, 2], dtype=np.int32))
    >>> found: set[int] = set()
    >>> filed.collect(np.array([hash("甲"), hash("丙")], dtype=np.int64), found)
    >>> sorted(found)
    [0, 2]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IdArray = npt.NDArray[np.int32]
HashArray = npt.NDArray[np.int64]

_PER_BUCKET = 2
"""About how many entries share the top bits the directory is indexed by."""
_SLICE = 1 << 16
"""How many directory entries are made at a time."""


def _directory(ordered: HashArray, bits: int) -> IdArray:
    """Where the sorted hashes of each value of their top ``bits`` bits start, and the end.

    Made a slice of values at a time: the whole range at once would take some 50 MiB of
    temporary arrays for some 4 million entries.
    """
    buckets = 1 << bits
    shift, half = 64 - bits, 1 << (bits - 1)
    directory = np.empty(buckets + 1, dtype=np.int32)
    for start in range(0, buckets, _SLICE):
        lowest = (np.arange(start, min(start + _SLICE, buckets), dtype=np.int64) - half) << shift
        directory[start : start + lowest.size] = ordered.searchsorted(lowest)
    directory[buckets] = ordered.size
    return directory


class HashedIds:
    """Ids filed under hashes (an id may be filed under many, a hash hold many ids).

    Args:
        hashes: The hashes (any order).
        ids: Beside each hash, the id filed under it.
    """

    __slots__ = ("_directory", "_half", "_ids", "_low", "_shift")

    def __init__(self, hashes: HashArray, ids: IdArray) -> None:
        bits = max(1, min(28, (hashes.size // _PER_BUCKET).bit_length()))
        self._shift = 64 - bits
        self._half = 1 << (bits - 1)  # the top bits of a signed hash, counted from 0
        order = np.argsort(hashes)
        self._ids: IdArray = ids[order]
        ordered = hashes[order]
        del order
        self._directory = _directory(ordered, bits)
        self._low: npt.NDArray[np.int32] = ordered.astype(np.int32)  # the low 32 bits

    @property
    def nbytes(self) -> int:
        """The memory its arrays hold."""
        return int(self._directory.nbytes + self._ids.nbytes + self._low.nbytes)

    def collect(self, wanted: HashArray, into: set[int]) -> None:
        """Add to ``into`` the ids filed under any of the ``wanted`` hashes."""
        bucket = (wanted >> self._shift) + self._half
        lo = self._directory[bucket]
        size = self._directory[bucket + 1] - lo
        width = int(size.max()) if size.size else 0
        if not width:
            return
        steps = np.arange(width)
        probe = np.minimum(lo[:, None] + steps, self._low.size - 1)
        low = wanted.astype(np.int32)
        found = probe[(steps < size[:, None]) & (self._low[probe] == low[:, None])]
        into.update(self._ids[found].tolist())
