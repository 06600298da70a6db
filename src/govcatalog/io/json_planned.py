"""Reading a JSON catalog whose top-level object writes a key twice or names a thing twice.

The members were found first (:func:`~govcatalog.io.top_walk.scan_text`): the later of two
naming the facts or the resources is read, where the first of them is written
(:func:`~govcatalog.io.top_plan.plan_top`), and the earlier is said; of any other key written
twice the later is read, and an envelope's records under it are said to set aside those of
the earlier (GC-S015). Catalog facts set aside keep their dates, which the document's date
is compared with (GC-S014, :attr:`~govcatalog.io.records.SourceDocument.info_replaced`).
"""

from __future__ import annotations

from collections.abc import Iterator

from govcatalog.io._jsonpos import LineCounter, line_col
from govcatalog.io.json_envelope import (
    TopLevel,
    consider,
    records_at,
    wrapped_or_missing,
)
from govcatalog.io.json_scan import decode_at, facts, iter_array, record
from govcatalog.io.records import RawRecord, SourceDocument, pointer_token
from govcatalog.io.shape import INFO_KEYS, RESOURCE_KEYS, ResourceNames, not_a_list
from govcatalog.io.top_plan import TopMember, plan_top, set_aside
from govcatalog.io.top_walk import TextMember


def iter_planned(
    text: str,
    i: int,
    members: list[TextMember],
    name: str,
    doc: SourceDocument,
    names: ResourceNames | None,
) -> Iterator[RawRecord]:
    """The records of the top-level object at ``i`` whose ``members`` are known: as the
    streaming reader gives them, with the later of members naming one thing read."""
    lines = LineCounter(text)  # forward only: the members are in the order written
    plan = plan_top([TopMember(m.key, m.size, *lines.at(m.start)) for m in members])
    doc.problems.extend(plan.problems)
    top = TopLevel(names=names)
    for n, member in enumerate(members):
        if n == plan.resources_at and plan.resources is not None:
            top.found = True
            yield from _resources(text, members[plan.resources], name, doc)
        elif n == plan.info_at and plan.info is not None:
            _facts(text, members, plan.info, name, doc)
        elif n in plan.aside or member.key in INFO_KEYS or member.key in RESOURCE_KEYS:
            continue
        elif not top.found:
            value, _ = decode_at(text, member.start, name)
            consider(top, member.key, value, (member.start, member.end))
    if not top.found and top.envelope is not None:
        _envelope_twice(text, members, top, name, doc)
    yield from wrapped_or_missing(text, i, name, doc, top, LineCounter(text))


def _resources(
    text: str, member: TextMember, name: str, doc: SourceDocument
) -> Iterator[RawRecord]:
    """The records of the member read as the resources (or a problem: it is no list)."""
    pointer = "/" + pointer_token(member.key)
    if member.size is not None:
        yield from iter_array(text, member.start, pointer, name, LineCounter(text))
        return
    value, _ = decode_at(text, member.start, name)
    doc.problems.append(not_a_list(member.key, pointer, value, *line_col(text, member.start)))


def _facts(text: str, members: list[TextMember], read: int, name: str, doc: SourceDocument) -> None:
    """The catalog facts read, and those set aside (each whole, for their dates)."""
    lines = LineCounter(text)  # forward only: the members in the order written, the read last
    aside: list[RawRecord] = []
    for member in members[:read]:
        if member.key in INFO_KEYS:
            value, _ = decode_at(text, member.start, name)
            pointer = "/" + pointer_token(member.key)
            span = (member.start, member.end)
            aside.append(record(text, span, -1, pointer, value, lines))
    member = members[read]
    value, _ = decode_at(text, member.start, name)
    span = (member.start, member.end)
    pointer = "/" + pointer_token(member.key)
    doc.info, replaced = facts(text, span, pointer, value, lines)
    doc.info_replaced = [*aside, *replaced]


def _envelope_twice(
    text: str, members: list[TextMember], top: TopLevel, name: str, doc: SourceDocument
) -> None:
    """GC-S015 where the key whose value holds the envelope's records is written twice:
    the records the earlier values hold there are set aside."""
    start, _, wrapped = top.envelope  # type: ignore[misc]
    key = wrapped.keys[0]
    earlier = [m for m in members if m.key == key and m.start < start]
    if not earlier:
        return
    held = sum(records_at(decode_at(text, m.start, name)[0], wrapped.keys[1:]) for m in earlier)
    doc.problems.append(set_aside(TopMember(key, None, *line_col(text, start)), "", held))
