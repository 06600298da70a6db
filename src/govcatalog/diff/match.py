"""Matching resources and data items between two versions (pure functions).

Resources are matched by 信息资源代码. What is left — codes that changed, or no
code at all — is matched by content: identical resources first, then resources
identical on the elements both versions carry (a later crawl of a portal that adds
fields to every record), then by name, provider and the names of the data items,
then by name and provider alone. Only one-to-one groups are matched, and groups of
exact duplicates (the same record listed twice on each side pairs up in order); any
other group with several candidates on either side is *ambiguous* and reported as
such, never guessed. Every step treats both sides
alike, so matching ``b`` against ``a`` gives the same pairs as matching ``a``
against ``b``, reversed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from govcatalog.records.hits import Record


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """Resources that share a code, or name and provider, with no one-to-one pairing.

    Attributes:
        old: Their indexes in the old version.
        new: Their indexes in the new version.
    """

    old: tuple[int, ...]
    new: tuple[int, ...]

    def mirror(self) -> Ambiguous:
        """The same group seen from the other side."""
        return Ambiguous(self.new, self.old)


@dataclass(frozen=True, slots=True)
class Matching:
    """How the entries of two lists correspond.

    Attributes:
        pairs: (old index, new index) of matched entries, by new index.
        removed: Old indexes with no counterpart.
        added: New indexes with no counterpart.
        ambiguous: Groups that could not be paired.
    """

    pairs: tuple[tuple[int, int], ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]
    ambiguous: tuple[Ambiguous, ...] = ()

    def mirror(self) -> Matching:
        """The matching seen from the other side."""
        return Matching(
            tuple(sorted((n, o) for o, n in self.pairs)),
            self.added,
            self.removed,
            tuple(a.mirror() for a in self.ambiguous),
        )


def _groups(
    indexes: Sequence[int], records: Sequence[Record], key: Callable[[Record], Hashable | None]
) -> dict[Hashable, list[int]]:
    out: dict[Hashable, list[int]] = defaultdict(list)
    for i in indexes:
        k = key(records[i])
        if k is not None:
            out[k].append(i)
    return out


def _unordered(value: object) -> object:
    """The value with every list of plain strings sorted, at any depth.

    Related codes and format types are multisets to :func:`~govcatalog.diff.compare.compare`;
    two records that differ only in the order of such a list are the same record. A list whose
    order does mean something still pairs here, and the comparison then reports its change.
    """
    if isinstance(value, dict):
        return {k: _unordered(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if all(isinstance(v, str) for v in value):
            return sorted(value)
        return [_unordered(v) for v in value]
    return value


def _full_key(record: Record) -> Hashable:
    return json.dumps(_unordered(record), sort_keys=True, ensure_ascii=False, default=str)


def _identical(
    olds: Sequence[int], news: Sequence[int], old: Sequence[Record], new: Sequence[Record]
) -> list[tuple[int, int]]:
    """Pairs of identical entries, in order: indistinguishable, so pairing them guesses nothing."""
    by_new = _groups(news, new, _full_key)
    out: list[tuple[int, int]] = []
    for k, group in _groups(olds, old, _full_key).items():
        out.extend(zip(group, by_new.get(k, ()), strict=False))
    return out


def _paths(record: Record) -> Iterator[tuple[str, object]]:
    """The record's values by path, one level into objects (groups, extensions)."""
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                yield f"{key}.{sub}", v
        elif value not in (None, [], ""):
            yield key, value


def _shared_paths(
    olds: Sequence[int], news: Sequence[int], old: Sequence[Record], new: Sequence[Record]
) -> frozenset[str] | None:
    """Paths both versions carry, when they are most of what each carries (else None)."""
    a = {p for i in olds for p, _ in _paths(old[i])}
    b = {p for i in news for p, _ in _paths(new[i])}
    shared = a & b
    if not shared or 2 * len(shared) < len(a) or 2 * len(shared) < len(b):
        return None
    return frozenset(shared)


def _duplicates(indexes: Sequence[int], records: Sequence[Record]) -> bool:
    """True when the records are all exactly the same."""
    first = records[indexes[0]]
    return all(records[i] == first for i in indexes[1:])


def _pair_group(
    olds: Sequence[int], news: Sequence[int], old: Sequence[Record], new: Sequence[Record]
) -> list[tuple[int, int]] | None:
    """One-to-one, or exact duplicates on each side paired in order; None when ambiguous."""
    if len(olds) == 1 and len(news) == 1:
        return [(olds[0], news[0])]
    if _duplicates(olds, old) and _duplicates(news, new):
        return list(zip(olds, news, strict=False))
    return None


def _content_key(record: Record) -> Hashable | None:
    name = record.get("name")
    if name is None:
        return None
    items = tuple(i.get("name") for i in record.get("items") or () if isinstance(i, dict))
    return (name, record.get("provider"), items)


def _name_key(record: Record) -> Hashable | None:
    name = record.get("name")
    return None if name is None else (name, record.get("provider"))


@dataclass
class _Pairing:
    """The pairs and ambiguities found so far, as matching goes from one key to the next."""

    old: Sequence[Record]
    new: Sequence[Record]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)
    used_old: set[int] = field(default_factory=set)
    used_new: set[int] = field(default_factory=set)

    def pair(self, found: Iterable[tuple[int, int]]) -> None:
        for o, n in found:
            self.pairs.append((o, n))
            self.used_old.add(o)
            self.used_new.add(n)

    def undecided(self, olds: Sequence[int], news: Sequence[int]) -> None:
        self.ambiguous.append(Ambiguous(tuple(olds), tuple(news)))
        self.used_old.update(olds)
        self.used_new.update(news)

    def rest_old(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.used_old]

    def rest_new(self) -> list[int]:
        return [i for i in range(len(self.new)) if i not in self.used_new]

    def has_rest(self) -> bool:
        """Whether both sides still have resources to match."""
        return bool(self.rest_old()) and bool(self.rest_new())


def match_resources(old: Sequence[Record], new: Sequence[Record]) -> Matching:
    """Match the resources of two versions (see the module docstring)."""
    pairing = _Pairing(old, new)
    _by_code(pairing)
    if pairing.has_rest():
        pairing.pair(_identical(pairing.rest_old(), pairing.rest_new(), old, new))
    if pairing.has_rest():
        _by_shared_paths(pairing)
    for key, last in ((_content_key, False), (_name_key, True)):
        if pairing.has_rest():
            _by_key(pairing, key, ambiguous_when_left=last)
    return Matching(
        tuple(sorted(pairing.pairs, key=lambda p: p[1])),
        tuple(pairing.rest_old()),
        tuple(pairing.rest_new()),
        tuple(sorted(pairing.ambiguous, key=lambda a: (a.old, a.new))),
    )


def _by_code(pairing: _Pairing) -> None:
    """Pair resources by 信息资源代码; a code used more than once pairs identical entries first."""
    old, new = pairing.old, pairing.new
    new_codes = _groups(range(len(new)), new, lambda r: r.get("code"))
    for code, olds in _groups(range(len(old)), old, lambda r: r.get("code")).items():
        news = new_codes.get(code)
        if news is None:
            continue
        if len(olds) == 1 and len(news) == 1:
            pairing.pair([(olds[0], news[0])])
            continue
        same = _identical(olds, news, old, new)
        pairing.pair(same)
        left_old = [o for o in olds if o not in {p[0] for p in same}]
        left_new = [n for n in news if n not in {p[1] for p in same}]
        if len(left_old) == 1 and len(left_new) == 1:
            pairing.pair([(left_old[0], left_new[0])])
        elif left_old and left_new:
            pairing.undecided(left_old, left_new)
        # else: one-sided leftovers go on to be matched by content


def _by_shared_paths(pairing: _Pairing) -> None:
    """Pair resources equal on every element both versions carry."""
    rest_old, rest_new = pairing.rest_old(), pairing.rest_new()
    shared = _shared_paths(rest_old, rest_new, pairing.old, pairing.new)
    if shared is None:
        return

    def projected(record: Record) -> Hashable | None:
        kept = sorted((p, v) for p, v in _paths(record) if p in shared)
        return json.dumps(kept, ensure_ascii=False, default=str) if kept else None

    by_new = _groups(rest_new, pairing.new, projected)
    for k, olds in _groups(rest_old, pairing.old, projected).items():
        # Same on everything both versions carry: indistinguishable, so paired in order.
        pairing.pair(zip(olds, by_new.get(k, ()), strict=False))


def _by_key(
    pairing: _Pairing, key: Callable[[Record], Hashable | None], *, ambiguous_when_left: bool
) -> None:
    """Pair the resources left by ``key``; a group that cannot be paired is ambiguous at last."""
    by_new = _groups(pairing.rest_new(), pairing.new, key)
    for k, olds in _groups(pairing.rest_old(), pairing.old, key).items():
        news = by_new.get(k)
        if news is None:
            continue
        grouped = _pair_group(olds, news, pairing.old, pairing.new)
        if grouped:
            pairing.pair(grouped)
        elif ambiguous_when_left:
            pairing.undecided(olds, news)


def match_items(old: Sequence[Record], new: Sequence[Record]) -> Matching:
    """Match the data items of two versions of a resource.

    Items are matched by name (several items of one name pair up in order); an
    unmatched item left at the same position on both sides is the same item renamed.
    """
    pairs: list[tuple[int, int]] = []
    by_old = _groups(range(len(old)), old, lambda r: r.get("name"))
    by_new = _groups(range(len(new)), new, lambda r: r.get("name"))
    for name, olds in by_old.items():
        pairs.extend(zip(olds, by_new.get(name, ()), strict=False))
    used_old = {o for o, _ in pairs}
    used_new = {n for _, n in pairs}
    for i in range(min(len(old), len(new))):
        if i not in used_old and i not in used_new:
            pairs.append((i, i))
            used_old.add(i)
            used_new.add(i)
    pairs.sort(key=lambda p: p[1])
    removed = tuple(i for i in range(len(old)) if i not in used_old)
    added = tuple(i for i in range(len(new)) if i not in used_new)
    return Matching(tuple(pairs), removed, added)
