"""Comparing two versions of a catalog: pure functions over canonical records.

:func:`compare` matches resources (:mod:`govcatalog.diff.match`), then compares each
matched pair element by element and data item by data item, classifying every
difference with a kind from the change catalogue (:mod:`govcatalog.diff.impact`).
Unchanged resources cost one dictionary comparison, so a 1 % change in 200,000
resources is found in about the time it takes to read them.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import Any

from govcatalog.diff.impact import (
    WIDER,
    ChangeKind,
    cycle_rank,
    is_secret,
    share_openness,
)
from govcatalog.diff.match import match_items, match_resources
from govcatalog.diff.plan import PatchPlan, Side
from govcatalog.diff.result import (
    CatalogDiff,
    Change,
    FieldNames,
    ItemRef,
    ResourceRef,
    Value,
    sort_changes,
)
from govcatalog.records.hits import Record

K = ChangeKind

_PLAIN: dict[str, ChangeKind] = {
    "name": K.NAME_CHANGED,
    "abstract": K.ABSTRACT_CHANGED,
    "provider": K.PROVIDER_CHANGED,
    "provider_code": K.PROVIDER_CHANGED,
    "category.lei": K.CATEGORY_CHANGED,
    "category.xiang": K.CATEGORY_CHANGED,
    "category.mu": K.CATEGORY_CHANGED,
    "category.ximu": K.CATEGORY_CHANGED,
    "format.format_class": K.FORMAT_CHANGED,
    "format.other_description": K.FORMAT_DESCRIPTION_CHANGED,
    "share.share_condition": K.SHARE_CONDITION_CHANGED,
    "share.share_mode_class": K.SHARE_MODE_CHANGED,
    "share.share_mode_type": K.SHARE_MODE_CHANGED,
    "open.open_condition": K.OPEN_CONDITION_CHANGED,
    "publish_date": K.PUBLISH_DATE_CHANGED,
}
"""Elements whose every change is of one kind."""

_GROUPS = ("category", "format", "share", "open")
_ITEM_KEYS = ("name", "data_type", "length", "base_item", "data_element", "description")


def value_of(value: object) -> Value:
    """A value in canonical JSON form, hashable (lists as tuples, objects as JSON text)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _leaves(record: Record) -> dict[str, object]:
    """The record's elements by dotted field id (groups flattened, items excluded)."""
    out: dict[str, object] = {}
    for key, value in record.items():
        if key in _GROUPS and isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}.{sub}"] = v
        elif key == "extensions" and isinstance(value, dict):
            for sub, v in value.items():
                out[f"extensions.{sub}"] = v
        elif key != "items":
            out[key] = value
    return out


def _multiset(
    kind_added: ChangeKind, kind_removed: ChangeKind, fid: str, old: object, new: object
) -> Iterator[tuple[ChangeKind, str, Value, Value]]:
    a = Counter(old if isinstance(old, list | tuple) else ())
    b = Counter(new if isinstance(new, list | tuple) else ())
    for value in sorted((a - b).elements()):
        yield kind_removed, fid, value, None
    for value in sorted((b - a).elements()):
        yield kind_added, fid, None, value


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _element(fid: str, old: object, new: object) -> Iterator[tuple[ChangeKind, str, Value, Value]]:
    """Classify the change of one element (``old != new``)."""
    if fid in _PLAIN:
        yield _PLAIN[fid], fid, value_of(old), value_of(new)
    elif fid == "code":
        yield K.RESOURCE_RECODED, fid, value_of(old), value_of(new)
    elif fid == "share.share_type":
        tighter = share_openness(new) < share_openness(old)  # type: ignore[arg-type]
        yield (
            (K.SHARE_TYPE_TIGHTENED if tighter else K.SHARE_TYPE_LOOSENED),
            fid,
            value_of(old),
            value_of(new),
        )
    elif fid == "open.open_to_public":
        if old is True:
            kind = K.OPENING_WITHDRAWN
        elif new is True:
            kind = K.OPENING_GRANTED
        else:
            kind = K.VALUE_DECLARED
        yield kind, fid, value_of(old), value_of(new)
    elif fid == "update_cycle":
        a, b = cycle_rank(old), cycle_rank(new)  # type: ignore[arg-type]
        if a is None or b is None:
            kind = K.UPDATE_CYCLE_CHANGED
        else:
            kind = K.UPDATE_CYCLE_SLOWED if b > a else K.UPDATE_CYCLE_QUICKENED
        yield kind, fid, value_of(old), value_of(new)
    elif fid == "secrecy":
        if is_secret(_text(new)):
            kind = K.SECRECY_RAISED
        elif is_secret(_text(old)):
            kind = K.SECRECY_LOWERED
        else:
            kind = K.VALUE_DECLARED
        yield kind, fid, value_of(old), value_of(new)
    elif fid == "format.format_types":
        yield from _multiset(K.FORMAT_TYPE_ADDED, K.FORMAT_TYPE_REMOVED, fid, old, new)
    elif fid == "related_codes":
        yield from _multiset(K.RELATED_CODE_ADDED, K.RELATED_CODE_REMOVED, fid, old, new)
    else:  # extensions and elements of a local standard
        yield K.EXTENSION_CHANGED, fid, value_of(old), value_of(new)


def _item_changes(ref: ResourceRef, old: Sequence[Any], new: Sequence[Any]) -> Iterator[Change]:
    olds = [i if isinstance(i, dict) else {} for i in old]
    news = [i if isinstance(i, dict) else {} for i in new]
    matching = match_items(olds, news)
    for o in matching.removed:
        item = ItemRef(olds[o].get("name"), None, o, None)
        yield Change(K.ITEM_REMOVED, ref, "items", item, value_of(olds[o].get("name")), None)
    for n in matching.added:
        item = ItemRef(None, news[n].get("name"), None, n)
        yield Change(K.ITEM_ADDED, ref, "items", item, None, value_of(news[n].get("name")))
    for o, n in matching.pairs:
        a, b = olds[o], news[n]
        if a == b:
            continue
        item = ItemRef(a.get("name"), b.get("name"), o, n)
        for kind, fid, va, vb in _item_fields(a, b):
            yield Change(kind, ref, fid, item, va, vb)
    by_old = sorted(matching.pairs)
    if any(x[1] > y[1] for x, y in pairwise(by_old)):
        old_order = tuple(str(olds[o].get("name")) for o, _ in by_old)
        new_order = tuple(str(news[n].get("name")) for _, n in matching.pairs)
        yield Change(K.ITEMS_REORDERED, ref, "items", None, old_order, new_order)


def _item_fields(a: Record, b: Record) -> Iterator[tuple[ChangeKind, str, Value, Value]]:
    keys = [*_ITEM_KEYS, *sorted((a.keys() | b.keys()) - {*_ITEM_KEYS, "extensions"})]
    for key in keys:
        va, vb = a.get(key), b.get(key)
        if va == vb:
            continue
        fid = f"items.{key}"
        if key == "name":
            kind = K.ITEM_RENAMED
        elif key == "data_type":
            if va is not None and vb is not None and (va, vb) in WIDER:
                kind = K.ITEM_TYPE_WIDENED
            elif va is not None and vb is not None and (vb, va) in WIDER:
                kind = K.ITEM_TYPE_NARROWED
            else:
                kind = K.ITEM_TYPE_CHANGED
        elif key == "length":
            wider = vb is None or (va is not None and vb > va)
            kind = K.ITEM_LENGTH_INCREASED if wider else K.ITEM_LENGTH_DECREASED
        elif key == "description":
            kind = K.ITEM_DESCRIPTION_CHANGED
        else:
            kind = K.ITEM_ATTRIBUTE_CHANGED
        yield kind, fid, value_of(va), value_of(vb)
    ea, eb = a.get("extensions") or {}, b.get("extensions") or {}
    for key in sorted(ea.keys() | eb.keys()):
        if ea.get(key) != eb.get(key):
            yield (
                K.ITEM_ATTRIBUTE_CHANGED,
                f"items.extensions.{key}",
                value_of(ea.get(key)),
                value_of(eb.get(key)),
            )


def compare_resources(old: Record, new: Record) -> list[Change]:
    """Every change between two versions of one resource (matched beforehand)."""
    ref = ResourceRef(old.get("code"), new.get("code"), old.get("name"), new.get("name"))
    changes: list[Change] = []
    la, lb = _leaves(old), _leaves(new)
    for fid in sorted(la.keys() | lb.keys()):
        va, vb = la.get(fid), lb.get(fid)
        if va == vb or (va in (None, [], {}) and vb in (None, [], {})):
            continue
        changes.extend(Change(k, ref, f, None, a, b) for k, f, a, b in _element(fid, va, vb))
    ia, ib = old.get("items") or [], new.get("items") or []
    if ia != ib:
        changes.extend(_item_changes(ref, ia, ib))
    return changes


def _ref(record: Record, *, old: bool) -> ResourceRef:
    code, name = record.get("code"), record.get("name")
    return ResourceRef(code, None, name, None) if old else ResourceRef(None, code, None, name)


def _codes(records: Sequence[Record], indexes: Sequence[int]) -> tuple[str, ...]:
    return tuple(str(records[i].get("code") or f"#{i}") for i in indexes)


def compare(old: Side, new: Side, names: FieldNames | None = None) -> CatalogDiff:
    """The classified changes between two versions of a catalog.

    Args:
        old: The old version.
        new: The new version.
        names: Element names for the reason texts (field id → zh, en).
    """
    with _collector_paused():
        return _compare(old, new, names)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: comparing builds no cycles, and with millions of
    live objects loaded its passes would cost as much as the comparison itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare(old: Side, new: Side, names: FieldNames | None) -> CatalogDiff:
    matching = match_resources(old.records, new.records)
    changes: list[Change] = []
    for o in matching.removed:
        rec = old.records[o]
        changes.append(
            Change(
                K.RESOURCE_REMOVED, _ref(rec, old=True), "", None, value_of(rec.get("code")), None
            )
        )
    for n in matching.added:
        rec = new.records[n]
        changes.append(
            Change(
                K.RESOURCE_ADDED, _ref(rec, old=False), "", None, None, value_of(rec.get("code"))
            )
        )
    for group in matching.ambiguous:
        first_old, first_new = old.records[group.old[0]], new.records[group.new[0]]
        ref = ResourceRef(None, None, first_old.get("name"), first_new.get("name"))
        changes.append(
            Change(
                K.RESOURCE_AMBIGUOUS,
                ref,
                "",
                None,
                _codes(old.records, group.old),
                _codes(new.records, group.new),
            )
        )
    for o, n in matching.pairs:
        a, b = old.records[o], new.records[n]
        if a is not b and a != b:
            changes.extend(compare_resources(a, b))
    info_a, info_b = old.info, new.info
    for key in sorted(info_a.keys() | info_b.keys()):
        va, vb = info_a.get(key), info_b.get(key)
        if va != vb:
            changes.append(
                Change(
                    K.CATALOG_INFO_CHANGED, None, f"catalog.{key}", None, value_of(va), value_of(vb)
                )
            )
    plan = PatchPlan(old, new, matching)
    return CatalogDiff(sort_changes(changes), old.label, new.label, names or {}, plan)
