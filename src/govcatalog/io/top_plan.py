"""Which member of a catalog document's top-level object is read where two name one thing.

A document gives its catalog facts under ``catalog`` (or 目录 …) and its resources under
``resources`` (or 信息资源 …). Where it gives one of them twice — one key written twice,
``{"resources": [r1, r2], "resources": [r3]}``, or under two of its names, ``resources`` and
``信息资源`` — the later member is read, as a JSON decoder keeps the later value of a key
written twice, and the earlier is set aside and said at the later: GC-S015 (error) for
resources, with how many the lists set aside held; GC-S007 (warning) for the facts, as for
an element given twice. The member read is taken where the first of them is written (where
a JSON decoder keeps the key), so that facts written before the resources are known before
them, whichever of the two is read. Of any other key written twice (an envelope's
``data``), the later is read; what is said of it is the reader's (see :func:`set_aside`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from govcatalog.io.records import DocumentProblem, pointer_token
from govcatalog.io.shape import INFO_KEYS, RESOURCE_KEYS

RESOURCES_TWICE: Final = "GC-S015"
"""The code of a document that gives its resources more than once."""
GIVEN_TWICE: Final = "GC-S007"
"""The code of an element given twice, here the catalog facts."""
SAID_TWICE: Final = frozenset({RESOURCES_TWICE, GIVEN_TWICE})
"""What is said of a document naming a thing twice: the list read may still be empty."""


class TopMember(NamedTuple):
    """A member of a document's top-level object, as written.

    Attributes:
        key: The key.
        size: How many elements its value holds, when it is a list (None otherwise).
        line: Line of its value, where the format has lines.
        column: Column of its value.
    """

    key: str
    size: int | None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class TopPlan:
    """What is read of a top-level object: for the facts and for the resources, the member
    read (the last naming them) and where it is taken (the first); the members set aside.

    Attributes:
        info: Index of the member read as the catalog facts (None: there is none).
        info_at: Index of the first member naming the facts: where they are taken.
        resources: Index of the member read as the resources (None: there is none).
        resources_at: Index of the first member naming the resources.
        aside: Indices of the members not read: each earlier of two naming the facts or the
            resources, and each earlier of a key written twice.
        problems: GC-S015 and GC-S007 at the member read, where one was set aside.
    """

    info: int | None
    info_at: int | None
    resources: int | None
    resources_at: int | None
    aside: frozenset[int]
    problems: tuple[DocumentProblem, ...]


def gives_twice(keys: Sequence[str]) -> bool:
    """Whether a top-level object with these keys (in the order written) writes one twice or
    names its facts or its resources twice."""
    return (
        len(set(keys)) < len(keys)
        or sum(k in INFO_KEYS for k in keys) > 1
        or sum(k in RESOURCE_KEYS for k in keys) > 1
    )


def plan_top(members: Sequence[TopMember]) -> TopPlan:
    """Which members of a top-level object (in the order written) are read, and what is said
    of those set aside."""
    last = {m.key: i for i, m in enumerate(members)}
    aside = {i for i, m in enumerate(members) if last[m.key] != i}
    info = [i for i, m in enumerate(members) if m.key in INFO_KEYS]
    resources = [i for i, m in enumerate(members) if m.key in RESOURCE_KEYS]
    aside.update(info[:-1])
    aside.update(resources[:-1])
    problems: list[DocumentProblem] = []
    if len(info) > 1:
        first, read = members[info[0]], members[info[-1]]
        params = {"element_zh": first.key, "element_en": f'"{first.key}"'}
        problems.append(_said(GIVEN_TWICE, read, params))
    if len(resources) > 1:
        held = sum(members[i].size or 0 for i in resources[:-1])
        problems.append(set_aside(members[resources[-1]], "", held))
    return TopPlan(
        info[-1] if info else None,
        info[0] if info else None,
        resources[-1] if resources else None,
        resources[0] if resources else None,
        frozenset(aside),
        tuple(problems),
    )


def set_aside(read: TopMember, prefix: str, held: int) -> DocumentProblem:
    """GC-S015 at the member ``read`` (under ``prefix``: the pointer of the object holding
    it): the members before it that give the resources, set aside, held ``held``."""
    return _said(RESOURCES_TWICE, read, {"count": held}, prefix)


def _said(
    code: str, read: TopMember, params: Mapping[str, object], prefix: str = ""
) -> DocumentProblem:
    pointer = f"{prefix}/{pointer_token(read.key)}"
    return DocumentProblem(
        pointer, "", "", read.line, read.column, code, value=read.key, params=params
    )
