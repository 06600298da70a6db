"""The catalog-wide rules split by key, so that several tasks share a national catalog's reduce.

Every catalog-wide rule compares resources that share a key: a code (GC-R008 duplicates; a
related code resolves, GC-C001, unless it is the resource's own, GC-C002) or a provider and a
name (GC-C003). A key belongs to one shard of ``count`` (a stable hash, the same in every
process); a resource's summary goes to each shard one of its keys belongs to. A shard then
holds every resource of each key it owns — all the resources of a code, of a provider's name,
and every reference to a code — so the rules run over it, reporting only the keys it owns,
find what they find over the whole catalog for those keys, and the shards together find it
all, each finding once (``tests/unit/test_catalog_shards.py``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Protocol

_SEPARATOR = "\x1f"
"""Between a provider and a name in a key: a character neither is written with."""


class Keyed(Protocol):
    """What a summary gives to be sharded."""

    @property
    def code(self) -> str | None: ...

    @property
    def name(self) -> str | None: ...

    @property
    def provider(self) -> str | None: ...

    @property
    def related(self) -> tuple[tuple[str, str], ...]: ...


def shard_of(key: str, count: int) -> int:
    """The shard of ``count`` a key belongs to (the same in every process and run)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % count


def name_key(provider: str, name: str) -> str:
    """The key of a provider's name (GC-C003 compares them)."""
    return f"{provider}{_SEPARATOR}{name}"


@dataclass(frozen=True, slots=True)
class Shard:
    """One of ``count`` shards of the catalog-wide rules.

    Attributes:
        index: Which shard, from 0.
        count: How many in all.
    """

    index: int
    count: int

    def __post_init__(self) -> None:
        if not 0 <= self.index < self.count:
            raise ValueError(f"shard {self.index} of {self.count}")

    def owns(self, key: str) -> bool:
        """Whether the rules report the key here."""
        return self.count == 1 or shard_of(key, self.count) == self.index


WHOLE = Shard(0, 1)
"""The catalog in one piece."""


def shards_of(summary: Keyed, count: int) -> list[int]:
    """The shards a resource's summary is sent to (in order; none when it has no key)."""
    keys: list[str] = []
    if summary.code:
        keys.append(summary.code)
    if summary.provider and summary.name:
        keys.append(name_key(summary.provider, summary.name))
    keys.extend(code for code, _ in summary.related)
    return sorted({shard_of(key, count) for key in keys})
