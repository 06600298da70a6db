"""Ids filed under 64-bit hashes, looked up many at a time with few reads of memory.

A binary search among millions of sorted hashes reads some twenty places far apart in memory,
and nearly every one misses the caches: on a busy machine one lookup costs a microsecond or
more. :class:`HashedIds` keeps the distinct hashes sorted and a directory beside them that
tells, from a hash's top bits, where the two or so hashes with those bits are: a lookup reads
one entry of the directory and one or two cache lines of hashes. Many hashes are looked up in
one go, in a fixed number of numpy calls.

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
"""About how many distinct hashes share the top bits the directory is indexed by."""


class HashedIds:
    """Ids filed under hashes (an id may be filed under many, a hash hold many ids).

    Args:
        hashes: The hashes (any order).
        ids: Beside each hash, the id filed under it.
    """

    __slots__ = ("_directory", "_half", "_hashes", "_ids", "_shift", "_starts")

    def __init__(self, hashes: HashArray, ids: IdArray) -> None:
        order = np.argsort(hashes, kind="stable")
        ordered = hashes[order]
        self._ids: IdArray = ids[order]
        new = np.ones(ordered.size, dtype=np.bool_)
        np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
        first = np.flatnonzero(new)
        self._hashes: HashArray = ordered[first]
        # the ids of the j-th distinct hash are ids[starts[j]:starts[j + 1]]
        self._starts: IdArray = np.append(first, ordered.size).astype(np.int32)
        bits = max(1, min(28, (self._hashes.size // _PER_BUCKET).bit_length()))
        self._shift = 64 - bits
        self._half = 1 << (bits - 1)  # the top bits of a signed hash, counted from 0
        buckets = (self._hashes >> self._shift) + self._half
        counts = np.bincount(buckets, minlength=1 << bits)
        self._directory: IdArray = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)

    @property
    def nbytes(self) -> int:
        """The memory its arrays hold."""
        arrays = (self._directory, self._hashes, self._ids, self._starts)
        return sum(int(a.nbytes) for a in arrays)

    def collect(self, wanted: HashArray, into: set[int]) -> None:
        """Add to ``into`` the ids filed under any of the ``wanted`` hashes."""
        bucket = (wanted >> self._shift) + self._half
        lo = self._directory[bucket]
        size = self._directory[bucket + 1] - lo
        width = int(size.max()) if size.size else 0
        if not width:
            return
        steps = np.arange(width)
        probe = np.minimum(lo[:, None] + steps, self._hashes.size - 1)
        found = probe[(steps < size[:, None]) & (self._hashes[probe] == wanted[:, None])]
        starts, ids = self._starts, self._ids
        for j in found.tolist():  # most hashes are filed nowhere: a few at most
            into.update(ids[starts[j] : starts[j + 1]].tolist())
