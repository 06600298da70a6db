"""The canonical document form of a catalog version and the JSON Patch between two.

A JSON Patch (RFC 6902) produced by govcatalog addresses the canonical JSON form
of the catalog: the document :meth:`govcatalog.model.Catalog.to_json_dict` gives,
``{"catalog": {...}, "resources": [...]}``, with every resource in the model's
dump form (empty groups and lists present, nulls left out, dates as ``CCYY-MM-DD``).
:func:`canonical_document` builds that form from canonical records without
building the model; applying the patch to the old document gives the new one.

Resources and data items are addressed by position. Resources that were removed
are removed first (from the end), then the list is walked in the new order:
resources that moved are moved, new ones added, matched ones patched element by
element (data items by the same method).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from govcatalog.diff.match import Matching, match_items
from govcatalog.io.records import pointer_token
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.records.hits import Record

Operation = dict[str, Any]
"""One JSON Patch operation (``{"op": "add", "path": ..., "value": ...}``)."""


@dataclass(frozen=True, slots=True)
class _ModelShape:
    """What the model's dump always holds, read from the national field table.

    Attributes:
        groups: The groups (an empty one is ``{}``).
        lists: The list elements, as keys from the resource (an empty one is ``[]``).
        info: The catalog facts.
    """

    groups: tuple[str, ...]
    lists: tuple[tuple[str, ...], ...]
    info: frozenset[str]


@cache
def _model_shape() -> _ModelShape:
    table = get_pack(DEFAULT_PACK).fields
    top = table.children(None)
    groups = tuple(f.id for f in top if f.kind is FieldKind.GROUP and f.id != "extensions")
    lists = tuple(
        tuple(f.id.split("."))
        for f in table.resource_fields()
        if f.kind in (FieldKind.TEXTS, FieldKind.CODES, FieldKind.GROUPS)
        and f.parent in (None, *groups)
    )
    return _ModelShape(groups, lists, frozenset(f.id for f in table.catalog_fields()))


@dataclass(frozen=True, slots=True)
class Side:
    """One version of a catalog, as canonical records.

    Attributes:
        label: How to name the version (a file name, ``city-x@v3``).
        info: The catalog facts (canonical keys).
        records: The resources, in document order.
    """

    label: str
    info: Record
    records: Sequence[Record]


@dataclass(frozen=True, slots=True)
class PatchPlan:
    """Both versions and how their resources correspond: what a patch is built from.

    Attributes:
        old: The old version.
        new: The new version.
        matching: The resource matching.
    """

    old: Side
    new: Side
    matching: Matching

    def mirror(self) -> PatchPlan:
        """The plan for the patch the other way round."""
        return PatchPlan(self.new, self.old, self.matching.mirror())


def _json(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items() if v is not None}
    return value


def canonical_item(item: object) -> dict[str, Any]:
    """A data item in the model's dump form."""
    src: Mapping[str, Any] = item if isinstance(item, dict) else {}
    out: dict[str, Any] = {k: _json(v) for k, v in src.items() if v is not None}
    out["extensions"] = _json(src.get("extensions") or {})
    return out


def canonical_resource(record: Record) -> dict[str, Any]:
    """A resource record in the model's dump form.

    That is what ``Resource.model_dump(mode="json", exclude_none=True)`` gives.
    """
    out: dict[str, Any] = {}
    for key, value in record.items():
        if value is None or key.startswith("$"):
            continue
        out[key] = [canonical_item(i) for i in value] if key == "items" else _json(value)
    shape = _model_shape()
    for group in shape.groups:
        out.setdefault(group, {})
    for *groups, key in shape.lists:
        dst = out
        for group in groups:
            dst = dst[group]
        dst.setdefault(key, [])
    out.setdefault("extensions", {})
    return out


def canonical_info(info: Record) -> dict[str, Any]:
    """The catalog facts in the model's dump form (extensions left out, as the model does)."""
    return {k: _json(v) for k, v in info.items() if v is not None and k in _model_shape().info}


def canonical_document(side: Side) -> dict[str, Any]:
    """The canonical JSON document of a version (what ``Catalog.to_json_dict()`` gives)."""
    return {
        "catalog": canonical_info(side.info),
        "resources": [canonical_resource(r) for r in side.records],
    }


def _escape(key: str) -> str:
    return pointer_token(key)


def _object_ops(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    path: str,
    lists: Mapping[str, Callable[[list[Any], list[Any], str], Iterator[Operation]]],
) -> Iterator[Operation]:
    for key in old:
        if key not in new:
            yield {"op": "remove", "path": f"{path}/{_escape(key)}"}
    for key, value in new.items():
        where = f"{path}/{_escape(key)}"
        if key not in old:
            yield {"op": "add", "path": where, "value": value}
            continue
        before = old[key]
        if before == value:
            continue
        if isinstance(before, dict) and isinstance(value, dict):
            yield from _object_ops(before, value, where, {})
        elif key in lists and isinstance(before, list) and isinstance(value, list):
            yield from lists[key](before, value, where)
        else:
            yield {"op": "replace", "path": where, "value": value}


def list_ops(
    n_old: int,
    *,
    new: Sequence[Any],
    matching: Matching,
    path: str,
    pair_ops: Callable[[int, int, str], Iterator[Operation]],
    make: Callable[[Any], Any],
) -> Iterator[Operation]:
    """Operations turning a list of ``n_old`` entries into ``new``.

    Args:
        n_old: Length of the old list.
        new: The new list (entries as stored; ``make`` gives their JSON form).
        matching: Which old entry each new entry continues.
        path: Pointer of the list.
        pair_ops: Operations for a matched pair (old index, new index) at a pointer.
        make: The JSON form of a new entry.
    """
    by_new = {n: o for o, n in matching.pairs}
    kept_set = set(by_new.values())
    for gone in range(n_old - 1, -1, -1):
        if gone not in kept_set:
            yield {"op": "remove", "path": f"{path}/{gone}"}
    kept = sorted(kept_set)
    position = {k: p for p, k in enumerate(kept)}
    placed: set[int] = set()
    head = 0
    for i, entry in enumerate(new):
        o = by_new.get(i)
        if o is None:
            yield {"op": "add", "path": f"{path}/{i}", "value": make(entry)}
            continue
        while head < len(kept) and kept[head] in placed:
            head += 1
        if kept[head] != o:
            ahead = sum(1 for k in kept[head : position[o]] if k not in placed)
            yield {"op": "move", "from": f"{path}/{i + ahead}", "path": f"{path}/{i}"}
        placed.add(o)
        yield from pair_ops(o, i, f"{path}/{i}")


def _items_ops(old: list[Any], new: list[Any], path: str) -> Iterator[Operation]:
    matching = match_items(old, new)

    def pair(o: int, n: int, where: str) -> Iterator[Operation]:
        if old[o] != new[n]:
            yield from _object_ops(canonical_item(old[o]), canonical_item(new[n]), where, {})

    return list_ops(
        len(old), new=new, matching=matching, path=path, pair_ops=pair, make=canonical_item
    )


def _resource_ops(old: Record, new: Record, path: str) -> Iterator[Operation]:
    if old is new or old == new:
        return iter(())
    a, b = canonical_resource(old), canonical_resource(new)
    # Items are matched on the records (the same order and names as the canonical form).
    return _object_ops(a, b, path, {"items": _items_ops})


def build_patch(plan: PatchPlan) -> list[Operation]:
    """The JSON Patch turning the old canonical document into the new one."""
    old, new = plan.old, plan.new
    ops = list(_object_ops(canonical_info(old.info), canonical_info(new.info), "/catalog", {}))

    def pair(o: int, n: int, where: str) -> Iterator[Operation]:
        return _resource_ops(old.records[o], new.records[n], where)

    ops.extend(
        list_ops(
            len(old.records),
            new=new.records,
            matching=plan.matching,
            path="/resources",
            pair_ops=pair,
            make=canonical_resource,
        )
    )
    return ops
