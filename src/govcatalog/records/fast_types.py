"""msgspec types compiled from a pack's field table: what a record must be to skip the coercer.

A resource that converts to :attr:`FastTypes.resource` is one the coercer would take as
written, without a single hit, *except* for the few fields it reads carefully (codes, lists
of text, the texts that may carry another field's value): those are listed in
:attr:`FastTypes.careful` and checked by the coercer itself (:mod:`govcatalog.records.fast`).

The types say, in C, what the coercer's quick path says in Python: canonical keys only
(unknown, Chinese and aliased keys fail), every required element present and not empty,
text not empty and within its length, vocabulary values among the labels, positive
integers, booleans, ``CCYY-MM-DD`` dates. That a text is neither blank nor a placeholder is
checked after, in Python, as the coercer checks it (:attr:`FastTypes.texts`): a pattern in
the types cost more (a call back into Python for every text). Whatever fails goes the full
way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import FORM_FIELDS
from govcatalog.records.hits import Record

_QUICK = frozenset({FieldKind.TEXT, FieldKind.VOCAB, FieldKind.INT, FieldKind.BOOL, FieldKind.DATE})
_ITEM_QUICK = frozenset({FieldKind.TEXT, FieldKind.VOCAB, FieldKind.INT, FieldKind.BOOL})
"""Kinds the coercer takes as written inside a list of objects (dates there are read anew)."""


@dataclass(frozen=True, slots=True)
class Careful:
    """A field the coercer reads with care, checked by the coercer itself.

    Attributes:
        group: The key of the group holding it, or None at the resource's top level.
        spec: The field.
    """

    group: str | None
    spec: FieldSpec


@dataclass(frozen=True, slots=True)
class FastTypes:
    """The compiled types of one pack.

    Attributes:
        resource: The msgspec Struct type a resource must convert to.
        careful: Fields checked by the coercer after conversion.
        dates: (group key or None, field key) of every date outside lists of objects; the
            coercer reads them into :class:`datetime.date`, so the fast path does too.
        texts: (group key or None, field key) of every text outside lists of objects, and
        item_texts: (list key, field keys) of the texts of each list of objects: the types
            check their lengths in C; whether one is blank or a placeholder is checked after
            (:meth:`~govcatalog.records.fast.FastReader.read`), as the coercer checks it.
        item_lists: (list key, type of the list) of each list of objects, for a resource the
            types refuse: its lists may still be as the coercer takes them
            (:meth:`~govcatalog.records.fast.FastReader.plain_lists`).
    """

    resource: Any
    careful: tuple[Careful, ...]
    dates: tuple[tuple[str | None, str], ...]
    texts: tuple[tuple[str | None, str], ...]
    item_texts: tuple[tuple[str, tuple[str, ...]], ...]
    item_lists: tuple[tuple[str, Any], ...] = ()


def compile_types(pack: Pack) -> FastTypes | None:
    """The fast types of a pack, or None when its field table needs the coercer for every record
    (a list of objects with dates or carefully read fields, a pack default value)."""
    import msgspec  # noqa: PLC0415 - only when the fast path is used

    if pack.value_forms.defaults:
        return None
    table = pack.fields
    careful: list[Careful] = []
    dates: list[tuple[str | None, str]] = []
    fields: list[tuple[str, Any, Any]] = []
    item_lists: list[tuple[str, Any]] = []
    for spec in table.children(None):
        if spec.kind is FieldKind.GROUP:
            members = table.children(spec.id)
            sub = _struct(msgspec, spec.id, members, pack, careful, dates, spec.key)
            needed = spec.required or any(m.required for m in members)
            fields.append(_field(msgspec, spec.key, sub, needed))
        elif spec.kind is FieldKind.GROUPS:
            item = _items(msgspec, spec, pack)
            if item is None:
                return None
            length = msgspec.Meta(min_length=1) if spec.required else msgspec.Meta()
            listed = Annotated[list[item], length]  # type: ignore[valid-type]
            fields.append(_field(msgspec, spec.key, listed, spec.required))
            item_lists.append((spec.key, list[item]))  # type: ignore[valid-type]
        else:
            fields.append(_leaf_field(msgspec, spec, pack, careful, dates, None))
    if "extensions" not in {f.key for f in table.children(None)}:
        fields.append(("extensions", dict[str, Any], msgspec.UNSET))
    resource = _define(msgspec, "Resource", fields)
    texts, item_texts = _texts(pack)
    return FastTypes(resource, tuple(careful), tuple(dates), texts, item_texts, tuple(item_lists))


def _define(msgspec: Any, name: str, fields: list[tuple[str, Any, Any]]) -> Any:
    specs = []
    rename = {}
    for i, (key, kind, default) in enumerate(fields):
        attr = f"f{i}"
        rename[attr] = key
        specs.append((attr, kind) if default is _REQUIRED else (attr, kind, default))
    return msgspec.defstruct(
        name, specs, kw_only=True, forbid_unknown_fields=True, rename=rename, omit_defaults=True
    )


_REQUIRED = object()


def _field(msgspec: Any, key: str, kind: Any, required: bool) -> tuple[str, Any, Any]:
    if required:
        return (key, kind, _REQUIRED)
    return (key, kind | msgspec.UnsetType, msgspec.UNSET)


def _leaf_field(
    msgspec: Any,
    spec: FieldSpec,
    pack: Pack,
    careful: list[Careful],
    dates: list[tuple[str | None, str]],
    group: str | None,
) -> tuple[str, Any, Any]:
    """A plain element's field; one the types cannot check is noted for the coercer's care."""
    kind = _leaf(msgspec, spec, pack)
    if kind is None:
        careful.append(Careful(group, spec))
        kind = _careful_type(msgspec, spec)
    elif spec.kind is FieldKind.DATE:
        dates.append((group, spec.key))
    return _field(msgspec, spec.key, kind, spec.required)


def _struct(
    msgspec: Any,
    scope: str,
    members: tuple[FieldSpec, ...] | list[FieldSpec],
    pack: Pack,
    careful: list[Careful],
    dates: list[tuple[str | None, str]],
    group: str,
) -> Any:
    fields = [_leaf_field(msgspec, spec, pack, careful, dates, group) for spec in members]
    return _define(msgspec, scope.title().replace(".", ""), fields)


def _items(msgspec: Any, spec: FieldSpec, pack: Pack) -> Any | None:
    fields = []
    for member in pack.fields.children(spec.id):
        if member.kind not in _ITEM_QUICK:
            return None
        kind = _leaf(msgspec, member, pack)
        if kind is None:
            return None
        fields.append(_field(msgspec, member.key, kind, member.required))
    if "extensions" not in {m.key for m in pack.fields.children(spec.id)}:
        fields.append(("extensions", dict[str, Any], msgspec.UNSET))
    return _define(msgspec, "Item", fields)


def _leaf(msgspec: Any, spec: FieldSpec, pack: Pack) -> Any | None:
    """The type of a field the coercer takes as written, or None when it reads it with care."""
    if spec.kind not in _QUICK or spec.id in FORM_FIELDS:
        return None
    if spec.kind is FieldKind.TEXT:
        return Annotated[str, msgspec.Meta(min_length=1, max_length=spec.max_length)]
    if spec.kind is FieldKind.VOCAB:
        labels = tuple(pack.field_vocabulary(spec).labels()) if spec.vocabulary else ()
        return Literal[labels] if labels else None
    if spec.kind is FieldKind.INT:
        return Annotated[int, msgspec.Meta(ge=1)]
    if spec.kind is FieldKind.BOOL:
        return bool
    return dt.date


def _careful_type(msgspec: Any, spec: FieldSpec) -> Any:
    if spec.kind in (FieldKind.TEXTS, FieldKind.CODES):
        return Annotated[list[str], msgspec.Meta(min_length=1)] if spec.required else list[str]
    return str


def _texts(
    pack: Pack,
) -> tuple[tuple[tuple[str | None, str], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Where the texts the types take are: those the coercer's quick path takes as written."""
    table = pack.fields

    def plain(spec: FieldSpec) -> bool:
        return spec.kind is FieldKind.TEXT and spec.id not in FORM_FIELDS

    texts: list[tuple[str | None, str]] = []
    items: list[tuple[str, tuple[str, ...]]] = []
    for spec in table.children(None):
        if spec.kind is FieldKind.GROUP:
            texts += [(spec.key, m.key) for m in table.children(spec.id) if plain(m)]
        elif spec.kind is FieldKind.GROUPS:
            items.append((spec.key, tuple(m.key for m in table.children(spec.id) if plain(m))))
        elif plain(spec):
            texts.append((None, spec.key))
    return tuple(texts), tuple(i for i in items if i[1])


def read_date(record: Record, group: str | None, key: str) -> None:
    """Read a date of a record the types took (written ``CCYY-MM-DD``), as the coercer does."""
    if group is None:
        if key in record:
            record[key] = dt.date.fromisoformat(record[key])
        return
    sub = record.get(group)
    if sub is not None and key in sub:
        record[group] = {**sub, key: dt.date.fromisoformat(sub[key])}
