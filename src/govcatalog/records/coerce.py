"""From what a catalog wrote to govcatalog's canonical record, reporting every liberty taken.

Keys are mapped through the pack's field table (English ids, the guide's Chinese element names,
aliases, flat leaves of groups); values are read for their kind (:mod:`govcatalog.records.values`)
and normalised where that is unambiguous (a vocabulary alias, a number written as text, a date
written ``2024/03/01``), each normalisation reported as a hit. A value that cannot be read is
reported and left out of the record, so the rules that follow see only well-typed values and never
report the same problem twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from govcatalog._lenient import APOSTROPHES
from govcatalog.packs.fields import FieldKind, FieldSpec, suggestion_params
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.records.again import given_again
from govcatalog.records.coerced import (
    FORM_FIELDS,
    INVALID,
    MISSING,
    OPEN_CONDITION,
    OPEN_TO_PUBLIC,
    PARSED_CODE,
    Coerced,
    Pending,
    compound_split,
    escape,
    excerpt,
    keep_closed_type,
    names,
    pointer_of,
    settle_target,
    type_params,
)
from govcatalog.records.hits import Hit, Record
from govcatalog.records.implied import Implied
from govcatalog.records.paths import PathReader
from govcatalog.records.values import ValueReader
from govcatalog.records.xiang import XiangReader

__all__ = ["FORM_FIELDS", "INVALID", "PARSED_CODE", "Coerced", "Coercer"]

_Q_TEXT, _Q_VOCAB, _Q_INT, _Q_BOOL, _Q_DATE = range(5)
_QUICK_KINDS: Final = {
    FieldKind.TEXT: _Q_TEXT,
    FieldKind.VOCAB: _Q_VOCAB,
    FieldKind.INT: _Q_INT,
    FieldKind.BOOL: _Q_BOOL,
    FieldKind.DATE: _Q_DATE,
}
_EMPTY: Final[tuple[object, ...]] = (None, [], {})
"""Values that leave a required element missing: absent, or an empty list or object."""
_GROUP: Final = FieldKind.GROUP
_GROUPS: Final = FieldKind.GROUPS


@dataclass(frozen=True, slots=True)
class _Scope:
    keys: Mapping[str, FieldSpec]
    required: tuple[FieldSpec, ...]
    quick: Mapping[str, tuple[int, frozenset[str], int]]
    """Canonical key → (kind, allowed labels, max length) for values accepted without ceremony."""


class Coercer:
    """Reads records for one pack. Build once, use for every record (it is stateless)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        table = pack.fields
        self._scopes: dict[str | None, _Scope] = {}
        scopes: list[str | None] = [None, "catalog"]
        scopes += [
            f.id for f in table.resource_fields() if f.kind in (FieldKind.GROUP, FieldKind.GROUPS)
        ]
        for scope in scopes:
            if scope == "catalog":
                children = table.catalog_fields()
            else:
                children = table.children(scope)
            self._scopes[scope] = _Scope(
                table.key_map(scope),
                tuple(f for f in children if f.required),
                {
                    f.key: (
                        _QUICK_KINDS[f.kind],
                        frozenset(pack.field_vocabulary(f).labels())
                        if f.vocabulary and f.kind is FieldKind.VOCAB
                        else frozenset(),
                        f.max_length or 1 << 30,
                    )
                    for f in children
                    if f.kind in _QUICK_KINDS and f.id not in FORM_FIELDS
                },
            )
        self._zh_names = {f.id: f.zh for f in table.resource_fields()}
        self.values = ValueReader(pack)
        self._implied = Implied(pack)
        self.xiang = XiangReader(pack)
        self._paths = PathReader(pack, self.xiang)
        self._forms = pack.value_forms
        self._suggestions: dict[tuple[str, str | None], dict[str, object]] = {}
        self._group_required = tuple(
            (group.key, group.id, self._scopes[group.id].required)
            for group in table.children(None)
            if group.kind is FieldKind.GROUP and self._scopes[group.id].required
        )

    # ---------------------------------------------------------------- entry points
    def resource(
        self, data: object, plain: frozenset[str] = frozenset(), again: tuple[str, ...] = ()
    ) -> Coerced | None:
        """Read one resource; None (with nothing to report) is never returned for a mapping.

        ``plain``: pointers of its lists of objects (``/items``) known to be as this reader
        takes them, every item in canonical form with plain values (checked in C on the fast
        path, :meth:`~govcatalog.records.fast.FastReader.plain_lists`): taken whole.
        ``again``: pointers (as written) of keys given twice (GC-S007 for each)."""
        if not isinstance(data, dict):
            return None
        out = Coerced({}, zh_names=self._zh_names, source=data, plain=plain)
        self._object(data, None, "", "", out.record, out)
        if again:
            given_again(self.pack.fields, again, None, out)
        for field_id, value in self._forms.defaults.items():
            out.pending.append(Pending(field_id, value, False, pointer_of(field_id)))
        if out.pending:
            self._settle(out)
        self.xiang.read(out.record, out)  # a short name of a 项 means one only within its 类
        self._required(None, "", out.record, out)
        if out.invalid:
            out.record[INVALID] = frozenset(out.invalid)
        return out

    def catalog_info(self, data: object, again: tuple[str, ...] = ()) -> Coerced | None:
        """Read the catalog facts object (``again``: as for :meth:`resource`)."""
        if not isinstance(data, dict):
            return None
        out = Coerced({})
        self._object(data, "catalog", "", "", out.record, out)
        if again:
            given_again(self.pack.fields, again, "catalog", out)
        return out

    # ---------------------------------------------------------------- structure
    def _object(
        self,
        src: dict[Any, Any],
        scope: str | None,
        cprefix: str,
        oprefix: str,
        dst: Record,
        out: Coerced,
    ) -> None:
        sc = self._scopes[scope]
        quick = sc.quick
        for key, value in src.items():
            q = quick.get(key)
            if q is not None and key not in dst:
                kind, labels, max_length = q
                if kind == _Q_TEXT:
                    if (
                        type(value) is str
                        and value
                        and len(value) <= max_length
                        and not value[0].isspace()  # blank, or spaces around it
                        and not value[-1].isspace()
                        and value[0] not in APOSTROPHES  # maybe digits typed as text
                        and not self._forms.is_placeholder(value)
                    ):
                        dst[key] = value
                        continue
                elif kind == _Q_VOCAB:
                    if type(value) is str and value in labels:
                        dst[key] = value
                        continue
                elif kind == _Q_INT:
                    if type(value) is int and value >= 1:
                        dst[key] = value
                        continue
                elif kind == _Q_BOOL:
                    if type(value) is bool:
                        dst[key] = value
                        continue
                elif (
                    type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-"
                ):
                    try:
                        dst[key] = dt.date.fromisoformat(value)
                        continue
                    except ValueError:
                        pass
            self._entry(sc, scope, str(key), value, cprefix, oprefix, dst, out)

    def _entry(
        self,
        sc: _Scope,
        scope: str | None,
        skey: str,
        value: object,
        cprefix: str,
        oprefix: str,
        dst: Record,
        out: Coerced,
    ) -> None:
        """One key of an object, the careful way: aliases, unknown keys, duplicates, any value."""
        if skey == "extensions" and isinstance(value, dict) and self._free_extensions(scope):
            dst.setdefault("extensions", {}).update(value)
            return
        spec = sc.keys.get(skey) or sc.keys.get(fold_key(skey))
        if spec is None and scope == "extensions":  # undeclared, but written as an extension
            dst[skey] = value
            return
        if spec is None:
            cpath = f"{cprefix}/extensions/{escape(skey)}"
            out.renames[cpath] = f"{oprefix}/{escape(skey)}"
            dst.setdefault("extensions", {})[skey] = value
            out.hits.append(Hit("GC-S004", cpath, self._suggestion(skey, scope), skey))
            return
        target = dst
        rel = spec.key
        if scope is None and spec.parent is not None:  # a flat leaf of a group
            target = dst.setdefault(spec.parent, {})
            rel = spec.id.replace(".", "/")
            out.flat_groups.add(f"{cprefix}/{spec.parent}")
        cpath = f"{cprefix}/{rel}"
        again = spec.key in target and spec.kind is not _GROUP
        if again:  # given before under another key: what its value was said to be stays there
            out.set_aside(cpath)
        if skey != spec.key or rel != spec.key:
            out.renames[cpath] = f"{oprefix}/{escape(skey)}"
            out.written_zh.add(cprefix)
        elif again:  # the later key, not the earlier one's other name
            out.renames[cpath] = f"{oprefix}/{escape(skey)}"
        if spec.uncoded_keys and not spec.reads_codes(skey):  # a system's key, even our own
            out.uncoded.add(cpath)
        if again:
            out.hits.append(Hit("GC-S007", cpath, names(spec), skey))
        self._assign(spec, value, cpath, target, out)

    def _assign(
        self, spec: FieldSpec, value: object, cpath: str, dst: Record, out: Coerced
    ) -> None:
        kind = spec.kind
        if kind is _GROUP:
            if isinstance(value, dict):
                self._object(
                    value, spec.id, cpath, out.original(cpath), dst.setdefault(spec.key, {}), out
                )
            elif self._takes_plain(spec, value):
                # A plain value under a group heading (开放属性: "无条件开放") is its main field's.
                main = self.pack.fields.get(spec.main or "")
                mpath = f"{cpath}/{main.key}"
                out.renames[mpath] = out.original(cpath)
                self._assign(main, value, mpath, dst.setdefault(spec.key, {}), out)
            elif value is not None:
                self.values.wrong_type(spec, value, cpath, out)
            return
        if kind is _GROUPS:
            if cpath in out.plain and isinstance(value, list):
                dst[spec.key] = list(value)  # every item as written (Coerced.plain)
            else:
                self._groups(spec, value, cpath, dst, out)
            return
        if self._paths.read(spec, value, cpath, dst, out, self._assign) or (
            isinstance(value, str) and self._implied.read(spec, value, cpath, dst, out)
        ):
            return
        result = self.values.value(spec, value, cpath, out)
        if result is not MISSING:
            dst[spec.key] = result
            self._implied.class_of_main(spec, value, cpath, out)
            if spec.compound and isinstance(value, str) and compound_split(value):
                self.values.compound(spec, value, cpath, dst, out)

    def _suggestion(self, key: str, scope: str | None) -> dict[str, object]:
        """The nearest elements to an unknown key, as message parameters (remembered)."""
        found = self._suggestions.get((key, scope))
        if found is None:
            near = self.pack.fields.nearest(key, scope)
            found = self._suggestions[(key, scope)] = suggestion_params(near)
        return found

    def _takes_plain(self, spec: FieldSpec, value: object) -> bool:
        """Whether a group's main field takes a plain value written for the whole group."""
        if not spec.main or not self.pack.fields.has(spec.main):
            return False
        main = self.pack.fields.get(spec.main)
        return isinstance(value, str) or (
            isinstance(value, list) and main.kind in (FieldKind.TEXTS, FieldKind.CODES)
        )

    def _groups(
        self, spec: FieldSpec, value: object, cpath: str, dst: Record, out: Coerced
    ) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self.values.wrong_type(spec, value, cpath, out)
            return
        items: list[Record] = []
        scope = spec.id
        sc = self._scopes[scope]
        quick, required = sc.quick, sc.required
        oprefix = out.original(cpath)
        main = self.pack.fields.get(spec.main) if spec.main else None
        for index, item in enumerate(value):
            if isinstance(item, str) and main is not None:
                # A 信息项 written by its name alone: {"信息项名称": "姓名"}.
                out.renames[f"{cpath}/{index}/{main.key}"] = f"{oprefix}/{index}"
                item = {main.key: item}  # noqa: PLW2901
            if not isinstance(item, dict):
                ip = f"{cpath}/{index}"
                out.hits.append(Hit("GC-S003", ip, type_params(spec, item), excerpt(item)))
                out.invalid.add(ip)
                items.append({})
                continue
            # The quick path of _object, inlined and without copying: millions of items
            # pass through here, nearly all already in canonical form with plain values.
            for key, val in item.items():
                q = quick.get(key)
                if q is None:
                    break
                kind, labels, max_length = q
                if kind == _Q_TEXT:
                    if type(val) is not str or not val or len(val) > max_length:
                        break
                    if val[0].isspace() or val[-1].isspace() or self._forms.is_placeholder(val):
                        break  # blank, spaces around it, or a placeholder
                    if val[0] in APOSTROPHES:
                        break  # maybe digits typed as text ('0101)
                elif kind == _Q_VOCAB:
                    if type(val) is not str or val not in labels:
                        break
                elif kind == _Q_INT:
                    if type(val) is not int or val < 1:
                        break
                elif kind != _Q_BOOL or type(val) is not bool:
                    break
            else:
                items.append(rec := item)
                for req in required:
                    if rec.get(req.key) in _EMPTY:
                        self._require(req, f"{cpath}/{index}/{req.key}", rec, out)
                continue
            rec = {}
            self._object(item, scope, f"{cpath}/{index}", f"{oprefix}/{index}", rec, out)
            items.append(rec)
            for req in required:
                if rec.get(req.key) in _EMPTY:
                    self._require(req, f"{cpath}/{index}/{req.key}", rec, out)
        dst[spec.key] = items

    def _required(self, scope: str | None, cprefix: str, rec: Record, out: Coerced) -> None:
        for spec in self._scopes[scope].required:
            if rec.get(spec.key) in _EMPTY:
                self._require(spec, f"{cprefix}/{spec.key}", rec, out)
        if scope is None:
            for key, _group_id, required in self._group_required:
                sub = rec.get(key) or {}
                for spec in required:
                    if sub.get(spec.key) in _EMPTY:
                        self._require(spec, f"{cprefix}/{key}/{spec.key}", sub, out)

    def _require(self, spec: FieldSpec, cpath: str, rec: Record, out: Coerced) -> None:
        if rec.get(spec.key) in _EMPTY and cpath not in out.invalid:
            out.hits.append(Hit("GC-F001", cpath, names(spec)))

    # ---------------------------------------------------------------- values
    def _free_extensions(self, scope: str | None) -> bool:
        """Whether an ``extensions`` object in ``scope`` is kept as written (no declared fields)."""
        return scope == "items" or (scope is None and "extensions" not in self._scopes)

    def _settle(self, out: Coerced) -> None:
        """Set what forms gave other fields: absent fields only; notes are appended."""
        for p in out.pending:
            spec = self.pack.fields.get(p.field_id)
            pointer, target = settle_target(out.record, spec, p)
            if target is None or pointer in out.invalid:
                continue  # written, but unreadable: reported as such, never replaced
            have = target.get(spec.key)
            if p.note and isinstance(have, str) and have and str(p.value) not in have:
                target[spec.key] = f"{have}；{p.value}"
            elif p.field_id == OPEN_TO_PUBLIC and have is True and p.value is False:
                keep_closed_type(out.record, self.pack.fields.get(OPEN_CONDITION), p)
            elif have is None:
                target[spec.key] = p.value
                if not out.written(pointer):  # else its findings stay where it was written
                    out.renames[pointer] = out.original(p.cpath)
                # A value the pack says every record means anyway is no liberty worth a finding.
                if p.hit is not None and self._forms.defaults.get(p.field_id) != p.value:
                    out.hits.append(p.hit)
