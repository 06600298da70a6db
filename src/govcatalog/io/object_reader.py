"""Reading a catalog that is already in memory as Python objects (a dict from ``json.load``,
a web framework or a notebook): the same shape as a JSON file, without line positions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from govcatalog.io.records import (
    DocumentProblem,
    Position,
    RawRecord,
    SourceDocument,
    pointer_to,
    pointer_token,
)
from govcatalog.io.shape import INFO_KEYS, ResourceNames, envelope_path, not_a_list
from govcatalog.io.top_plan import TopMember, plan_top


def _pointer(key: str) -> str:
    return "/" + pointer_token(key)


def read_object(
    data: object, name: str = "<dict>", names: ResourceNames | None = None
) -> SourceDocument:
    """A document from a mapping (``{"resources": [...], "catalog": {...}}``, Chinese keys
    allowed) or a list of resources; findings carry JSON pointers, no lines. In an API
    response envelope without a list of resources, the list whose objects' keys ``names``
    knows as a resource's is read (see :func:`~govcatalog.io.shape.envelope_path`)."""
    doc = SourceDocument(name, None, iter(()))

    def records(items: Sequence[object], pointer: str) -> Iterator[RawRecord]:
        for index, item in enumerate(items):
            yield RawRecord(index, f"{pointer}/{index}", item, Position())

    if isinstance(data, list | tuple):
        doc.records = records(list(data), "")
        return doc
    if not isinstance(data, Mapping):
        doc.problems.append(DocumentProblem("", "顶层不是对象", "the top level is not an object"))
        return doc
    members = [(str(key), value) for key, value in data.items()]
    plan = plan_top(
        [TopMember(key, len(v) if isinstance(v, list | tuple) else None) for key, v in members]
    )
    doc.problems.extend(plan.problems)
    if plan.resources is not None:
        key, value = members[plan.resources]
        if isinstance(value, list | tuple):
            doc.records = records(list(value), _pointer(key))
        else:
            doc.problems.append(not_a_list(key, _pointer(key), value))
    if plan.info is not None:
        key, value = members[plan.info]
        doc.info = RawRecord(-1, _pointer(key), value, Position())
        doc.info_replaced = [
            RawRecord(-1, _pointer(k), v, Position())
            for k, v in members[: plan.info]
            if k in INFO_KEYS
        ]
    found = plan.resources is not None
    if not found:
        wrapped = envelope_path(dict(data), names=names)
        if wrapped is None or not wrapped.keys:
            doc.problems.append(
                DocumentProblem(
                    "", "缺少信息资源列表（resources）", 'no list of resources ("resources")'
                )
            )
            return doc
        inner: object = data
        for key in wrapped.keys:
            inner = inner[key]  # type: ignore[index]
        doc.records = records(list(inner), pointer_to(wrapped.keys))  # type: ignore[call-overload]
    return doc
