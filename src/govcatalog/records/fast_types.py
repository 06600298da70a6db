"""msgspec types compiled from a pack's field table: what a record must be to skip the coercer.

A resource that converts to :attr:`FastTypes.resource` is one the coercer would take as
written, without a single hit, *except* for the few fields it reads carefully (codes, lists
of text, the texts that may carry another field's value): those are listed in
:attr:`FastTypes.careful` and checked by the coercer itself (:mod:`govcatalog.records.fast`).

The types say, in C, what the coercer's quick path says in Python: canonical keys only
(unknown, Chinese and aliased keys fail), every required element present and not empty,
text not blank and not a placeholder, within its length, vocabulary values among the
labels, positive integers, booleans, ``CCYY-MM-DD`` dates. Whatever fails goes the full way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.value_forms import no_placeholder
from govcatalog.records.coerce import FORM_FIELDS

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
    """

    resource: Any
    careful: tuple[Careful, ...]
    dates: tuple[tuple[str | None, str], ...]


def compile_types(pack: Pack) -> FastTypes | None:
    """The fast types of a pack, or None when its field table needs the coercer for every record
    (a list of objects with dates or carefully read fields, a pack default value)."""
    import msgspec  # noqa: PLC0415 - only when the fast path is used

    if pack.value_forms.defaults:
        return None
    table = pack.fields
    text = _text_pattern(pack)
    careful: list[Careful] = []
    dates: list[tuple[str | None, str]] = []
    fields: list[tuple[str, Any, Any]] = []
    for spec in table.children(None):
        if spec.kind is FieldKind.GROUP:
            members = table.children(spec.id)
            sub = _struct(msgspec, spec.id, members, pack, text, careful, dates, spec.key)
            needed = spec.required or any(m.required for m in members)
            fields.append(_field(msgspec, spec.key, sub, needed))
        elif spec.kind is FieldKind.GROUPS:
            item = _items(msgspec, spec, pack, text)
            if item is None:
                return None
            length = msgspec.Meta(min_length=1) if spec.required else msgspec.Meta()
            listed = Annotated[list[item], length]  # type: ignore[valid-type]
            fields.append(_field(msgspec, spec.key, listed, spec.required))
        else:
            kind = _leaf(msgspec, spec, pack, text)
            if kind is None:
                careful.append(Careful(None, spec))
                kind = _careful_type(msgspec, spec)
            elif spec.kind is FieldKind.DATE:
                dates.append((None, spec.key))
            fields.append(_field(msgspec, spec.key, kind, spec.required))
    if "extensions" not in {f.key for f in table.children(None)}:
        fields.append(("extensions", dict[str, Any], msgspec.UNSET))
    resource = _define(msgspec, "Resource", fields)
    return FastTypes(resource, tuple(careful), tuple(dates))


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


def _struct(
    msgspec: Any,
    scope: str,
    members: tuple[FieldSpec, ...] | list[FieldSpec],
    pack: Pack,
    text: str,
    careful: list[Careful],
    dates: list[tuple[str | None, str]],
    group: str,
) -> Any:
    fields = []
    for spec in members:
        kind = _leaf(msgspec, spec, pack, text)
        if kind is None:
            careful.append(Careful(group, spec))
            kind = _careful_type(msgspec, spec)
        elif spec.kind is FieldKind.DATE:
            dates.append((group, spec.key))
        fields.append(_field(msgspec, spec.key, kind, spec.required))
    return _define(msgspec, scope.title().replace(".", ""), fields)


def _items(msgspec: Any, spec: FieldSpec, pack: Pack, text: str) -> Any | None:
    fields = []
    for member in pack.fields.children(spec.id):
        if member.kind not in _ITEM_QUICK:
            return None
        kind = _leaf(msgspec, member, pack, text)
        if kind is None:
            return None
        fields.append(_field(msgspec, member.key, kind, member.required))
    if "extensions" not in {m.key for m in pack.fields.children(spec.id)}:
        fields.append(("extensions", dict[str, Any], msgspec.UNSET))
    return _define(msgspec, "Item", fields)


def _leaf(msgspec: Any, spec: FieldSpec, pack: Pack, text: str) -> Any | None:
    """The type of a field the coercer takes as written, or None when it reads it with care."""
    if spec.kind not in _QUICK or spec.id in FORM_FIELDS:
        return None
    if spec.kind is FieldKind.TEXT:
        return Annotated[str, msgspec.Meta(max_length=spec.max_length, pattern=text)]
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


def _text_pattern(pack: Pack) -> str:
    """A pattern a text matches only if the coercer's quick path takes it: not blank, and
    longer than every placeholder or holding a character that proves it is none
    (:func:`~govcatalog.packs.value_forms.no_placeholder`). A text failing it may still be
    fine: the coercer then reads it, with the same findings.
    """
    placeholders = pack.value_forms.placeholders
    longest = max((len(p) for p in placeholders), default=0)
    if not longest:
        return r"\A\s*\S"
    proof = no_placeholder(placeholders).pattern
    return rf"\A(?=\s*\S)(?s:.{{{longest + 1}}}|.*?{proof})"
