"""From what a catalog wrote to govcatalog's canonical record, reporting every liberty taken.

Keys are mapped through the pack's field table (English ids, the guide's Chinese
element names, aliases, flat leaves of groups); values are checked for their kind
and normalised where that is unambiguous (a vocabulary alias, a number written as
text, a date written ``2024/03/01``), each normalisation reported as a hit. A value
that cannot be read is reported and left out of the record, so the rules that follow
see only well-typed values and never report the same problem twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from govcatalog.io.shape import type_name
from govcatalog.model.code import CodeProblem, ResourceCode, parse_resource_code, problem_text
from govcatalog.packs.fields import FieldKind, FieldSpec, fold_key
from govcatalog.packs.pack import Pack
from govcatalog.records.hits import Hit, Record
from govcatalog.vocab import Vocabulary

_MISSING: Final = object()

PARSED_CODE: Final = "$code"
"""Record key holding the parsed :class:`~govcatalog.model.code.ResourceCode` of ``code``."""

INVALID: Final = "$invalid"
"""Record key holding the canonical pointers of values that were present but unreadable,
so rules do not report them again as missing."""
_SPLIT = re.compile(r"\s*[,，;；、|\n]\s*")
_DATE_FORMS = (
    re.compile(r"^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"),
)

_EXPECTED: Final = {
    FieldKind.TEXT: ("文本", "text"),
    FieldKind.CODE: ("文本", "text"),
    FieldKind.CODES: ("文本列表", "a list of text"),
    FieldKind.TEXTS: ("文本列表", "a list of text"),
    FieldKind.VOCAB: ("值域中的取值", "a value of the vocabulary"),
    FieldKind.BOOL: ("“是”或“否”", "yes (是) or no (否)"),
    FieldKind.DATE: ("CCYY-MM-DD 日期", "a CCYY-MM-DD date"),
    FieldKind.INT: ("正整数", "a positive integer"),
    FieldKind.GROUP: ("对象", "an object"),
    FieldKind.GROUPS: ("对象列表", "a list of objects"),
}


def _pointer(field_id: str) -> str:
    return "/" + field_id.replace(".", "/")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


@dataclass(slots=True)
class Coerced:
    """The outcome of reading one record.

    Attributes:
        record: The canonical record.
        hits: What was reported while reading it.
        renames: Canonical pointer → pointer as written, where they differ.
        invalid: Canonical pointers of values that were present but unreadable.
        written_zh: Canonical pointers of objects whose keys were not govcatalog's own;
            a missing element there is pointed at by its Chinese name.
    """

    record: Record
    hits: list[Hit] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)
    written_zh: set[str] = field(default_factory=set)
    flat_groups: set[str] = field(default_factory=set)
    zh_names: Mapping[str, str] = field(default_factory=dict)

    def original(self, pointer: str) -> str:
        """The pointer as the input wrote it, for a canonical pointer.

        A part the input did not write is named like its siblings: by its Chinese
        element name inside an object written with Chinese keys, else canonically.
        """
        if not self.renames:
            return pointer  # everything was written with govcatalog's own keys
        if pointer in self.renames:
            return self.renames[pointer]
        head, sep, tail = pointer.rpartition("/")
        if not sep:
            return pointer
        field_id = ".".join(p for p in pointer.split("/") if p and not p.isdigit())
        if head in self.flat_groups and head not in self.renames:
            # The group's members were written flat in the resource: so is the missing one.
            return (
                self.original(head.rpartition("/")[0])
                + "/"
                + _escape(self.zh_names.get(field_id, tail))
            )
        if head in self.written_zh:
            tail = _escape(self.zh_names.get(field_id, tail))
        return (self.original(head) if head else "") + "/" + tail


_Q_TEXT, _Q_VOCAB, _Q_INT, _Q_BOOL, _Q_DATE = range(5)
_QUICK_KINDS: Final = {
    FieldKind.TEXT: _Q_TEXT,
    FieldKind.VOCAB: _Q_VOCAB,
    FieldKind.INT: _Q_INT,
    FieldKind.BOOL: _Q_BOOL,
    FieldKind.DATE: _Q_DATE,
}
_GROUP: Final = FieldKind.GROUP
_GROUPS: Final = FieldKind.GROUPS


@dataclass(frozen=True, slots=True)
class _Scope:
    keys: Mapping[str, FieldSpec]
    canonical: frozenset[str]
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
                frozenset(f.key for f in children),
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
                    if f.kind in _QUICK_KINDS
                },
            )
        self._zh_names = {f.id: f.zh for f in table.resource_fields()}
        self._vocab: dict[str, Vocabulary] = {
            f.id: pack.field_vocabulary(f)
            for f in (*table.resource_fields(), *table.catalog_fields())
            if f.vocabulary
        }
        self._labels: dict[str, frozenset[str]] = {
            k: frozenset(v.labels()) for k, v in self._vocab.items()
        }
        self._group_required = tuple(
            (group.key, group.id, self._scopes[group.id].required)
            for group in table.children(None)
            if group.kind is FieldKind.GROUP and self._scopes[group.id].required
        )

    # ---------------------------------------------------------------- entry points
    def resource(self, data: object) -> Coerced | None:
        """Read one resource; None (with nothing to report) is never returned for a mapping."""
        if not isinstance(data, dict):
            return None
        out = Coerced({}, zh_names=self._zh_names)
        self._object(data, None, "", "", out.record, out)
        self._required(None, "", out.record, out)
        if out.invalid:
            out.record[INVALID] = frozenset(out.invalid)
        return out

    def catalog_info(self, data: object) -> Coerced | None:
        """Read the catalog facts object."""
        if not isinstance(data, dict):
            return None
        out = Coerced({})
        self._object(data, "catalog", "", "", out.record, out)
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
                        and not value.isspace()
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
            cpath = f"{cprefix}/extensions/{_escape(skey)}"
            out.renames[cpath] = f"{oprefix}/{_escape(skey)}"
            dst.setdefault("extensions", {})[skey] = value
            out.hits.append(Hit("GC-S004", cpath, {}, skey))
            return
        target = dst
        rel = spec.key
        if scope is None and spec.parent is not None:  # a flat leaf of a group
            target = dst.setdefault(spec.parent, {})
            rel = spec.id.replace(".", "/")
            out.flat_groups.add(f"{cprefix}/{spec.parent}")
        cpath = f"{cprefix}/{rel}"
        if skey != spec.key or rel != spec.key:
            out.renames[cpath] = f"{oprefix}/{_escape(skey)}"
            out.written_zh.add(cprefix)
        if spec.key in target and spec.kind is not _GROUP:
            out.hits.append(Hit("GC-S007", cpath, _names(spec), skey))
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
            elif value is not None:
                self._wrong_type(spec, value, cpath, out)
            return
        if kind is _GROUPS:
            self._groups(spec, value, cpath, dst, out)
            return
        result = self._value(spec, value, cpath, out)
        if result is not _MISSING:
            dst[spec.key] = result
            if spec.compound and isinstance(value, str) and "/" in value:
                self._compound(spec, value, cpath, dst, out)

    def _groups(
        self, spec: FieldSpec, value: object, cpath: str, dst: Record, out: Coerced
    ) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self._wrong_type(spec, value, cpath, out)
            return
        items: list[Record] = []
        scope = spec.id
        sc = self._scopes[scope]
        quick = sc.quick
        required = sc.required
        oprefix = out.original(cpath)
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                ip = f"{cpath}/{index}"
                out.hits.append(Hit("GC-S003", ip, _type_params(spec, item), _text(item)))
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
                    if type(val) is not str or not val or len(val) > max_length or val.isspace():
                        break
                elif kind == _Q_VOCAB:
                    if type(val) is not str or val not in labels:
                        break
                elif kind == _Q_INT:
                    if type(val) is not int or val < 1:
                        break
                elif kind != _Q_BOOL or type(val) is not bool:
                    break
            else:
                rec = item
                items.append(rec)
                for req in required:
                    if req.key not in rec:
                        self._require(req, f"{cpath}/{index}/{req.key}", rec, out)
                continue
            rec = {}
            self._object(item, scope, f"{cpath}/{index}", f"{oprefix}/{index}", rec, out)
            items.append(rec)
            for req in required:
                if req.key not in rec:
                    self._require(req, f"{cpath}/{index}/{req.key}", rec, out)
        dst[spec.key] = items

    def _required(self, scope: str | None, cprefix: str, rec: Record, out: Coerced) -> None:
        for spec in self._scopes[scope].required:
            if spec.key not in rec:
                self._require(spec, f"{cprefix}/{spec.key}", rec, out)
        if scope is None:
            for key, _group_id, required in self._group_required:
                sub = rec.get(key) or {}
                for spec in required:
                    if spec.key not in sub:
                        self._require(spec, f"{cprefix}/{key}/{spec.key}", sub, out)

    def _require(self, spec: FieldSpec, cpath: str, rec: Record, out: Coerced) -> None:
        value = rec.get(spec.key)
        if (value is None or value in ([], {})) and cpath not in out.invalid:
            out.hits.append(Hit("GC-F001", cpath, _names(spec)))

    # ---------------------------------------------------------------- values
    def _free_extensions(self, scope: str | None) -> bool:
        """Whether an ``extensions`` object in ``scope`` is kept as written (no declared fields)."""
        return scope == "items" or (scope is None and "extensions" not in self._scopes)

    def _wrong_type(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> None:
        out.hits.append(Hit("GC-S003", cpath, _type_params(spec, value), _text(value)))
        out.invalid.add(cpath)

    def _value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if value is None:
            return _MISSING
        kind = spec.kind
        if kind in (FieldKind.TEXT, FieldKind.CODE):
            return self._text_value(spec, value, cpath, out)
        if kind in (FieldKind.TEXTS, FieldKind.CODES):
            return self._list_value(spec, value, cpath, out)
        if kind is FieldKind.VOCAB:
            return self._vocab_value(spec, value, cpath, out)
        if kind is FieldKind.BOOL:
            return self._bool_value(spec, value, cpath, out)
        if kind is FieldKind.DATE:
            return self._date_value(spec, value, cpath, out)
        if kind is FieldKind.INT:
            return self._int_value(spec, value, cpath, out)
        self._wrong_type(spec, value, cpath, out)
        return _MISSING

    def _normalised(
        self, spec: FieldSpec, given: object, canonical: object, cpath: str, out: Coerced
    ) -> None:
        params = _names(spec) | {"canonical": canonical}
        out.hits.append(Hit("GC-F003", cpath, params, _text(given)))

    def _text_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self._wrong_type(spec, value, cpath, out)
            return _MISSING
        if not isinstance(value, str):
            text = str(value)
            self._normalised(spec, value, text, cpath, out)
            value = text
        if not value.strip():
            return _MISSING
        if spec.max_length is not None and len(value) > spec.max_length:
            params = _names(spec) | {"length": len(value), "max_length": spec.max_length}
            out.hits.append(Hit("GC-F004", cpath, params, value))
        if spec.kind is FieldKind.CODE:
            parsed = self._check_code(value, cpath, out)
            if parsed is not None and cpath == "/code":
                out.record[PARSED_CODE] = parsed
        return value

    def _check_code(self, value: str, cpath: str, out: Coerced) -> ResourceCode | None:
        parsed = parse_resource_code(value, self.pack.code_rules)
        if isinstance(parsed, CodeProblem):
            zh, en = problem_text(parsed)
            out.hits.append(Hit("GC-F005", cpath, {"reason_zh": zh, "reason_en": en}, value))
            return None
        return parsed

    def _list_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, str):
            parts = [p for p in _SPLIT.split(value.strip()) if p]
            if len(parts) > 1:
                self._normalised(spec, value, "、".join(parts), cpath, out)
            value = parts
        if not isinstance(value, list):
            self._wrong_type(spec, value, cpath, out)
            return _MISSING
        kept: list[str] = []
        for i, part in enumerate(value):
            if not isinstance(part, str):
                self._wrong_type(spec, part, f"{cpath}/{i}", out)
                continue
            if part.strip():
                kept.append(part)
                if spec.kind is FieldKind.CODES:
                    self._check_code(part, f"{cpath}/{i}", out)
        return kept

    def _vocab_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        vocab = self._vocab[spec.id]
        if isinstance(value, str) and value in self._labels[spec.id]:
            return value
        if isinstance(value, bool) or not isinstance(value, str | int):
            self._wrong_type(spec, value, cpath, out)
            return _MISSING
        text = str(value)
        if spec.compound and "/" in text:
            text = text.split("/", 1)[0]
        if not text.strip():
            return _MISSING
        match = vocab.lookup(text)
        if match is None:
            params = _names(spec) | {"allowed": "、".join(vocab.labels())}
            out.hits.append(Hit("GC-F002", cpath, params, _text(value)))
            out.invalid.add(cpath)
            return _MISSING
        label = match.concept.label_zh
        if match.is_defect or not isinstance(value, str):
            self._normalised(spec, value, label, cpath, out)
        return label

    def _compound(self, spec: FieldSpec, value: str, cpath: str, dst: Record, out: Coerced) -> None:
        second = self.pack.fields.get(spec.compound or "")
        rest = value.split("/", 1)[1]
        result = self._vocab_value(second, rest, cpath, out)
        if result is not _MISSING:
            dst[second.key] = result
            self._normalised(spec, value, f"{dst[spec.key]} + {result}", cpath, out)

    def _bool_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, bool):
            return value
        vocab = self._vocab[spec.id]
        match = vocab.lookup(str(value)) if isinstance(value, str | int) else None
        if match is None or match.concept.notation not in ("0", "1"):
            params = _names(spec) | {"allowed": "、".join(vocab.labels())}
            out.hits.append(Hit("GC-F002", cpath, params, _text(value)))
            out.invalid.add(cpath)
            return _MISSING
        if match.is_defect or not isinstance(value, str):
            self._normalised(spec, value, match.concept.label_zh, cpath, out)
        return match.concept.notation == "1"

    def _date_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, dt.datetime):
            self._normalised(spec, value, value.date().isoformat(), cpath, out)
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            text = value.strip()
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                try:
                    return dt.date.fromisoformat(text)
                except ValueError:
                    pass
            else:
                for form in _DATE_FORMS:
                    m = form.match(text)
                    if m:
                        try:
                            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
                        except ValueError:
                            break
                        self._normalised(spec, value, day.isoformat(), cpath, out)
                        return day
        out.hits.append(Hit("GC-R009", cpath, _names(spec), _text(value)))
        out.invalid.add(cpath)
        return _MISSING

    def _int_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if type(value) is int and value >= 1:
            return value
        if isinstance(value, str) and value.strip().isdigit() and int(value) >= 1:
            self._normalised(spec, value, int(value), cpath, out)
            return int(value)
        if isinstance(value, float) and value.is_integer() and value >= 1:
            self._normalised(spec, value, int(value), cpath, out)
            return int(value)
        out.hits.append(Hit("GC-F010", cpath, _names(spec), _text(value)))
        out.invalid.add(cpath)
        return _MISSING


def _names(spec: FieldSpec) -> dict[str, object]:
    return {"element_zh": spec.zh, "element_en": spec.en}


def _type_params(spec: FieldSpec, value: object) -> dict[str, object]:
    zh, en = _EXPECTED[spec.kind]
    return _names(spec) | {
        "expected_zh": zh,
        "expected_en": en,
        "actual_zh": type_name(value, "zh"),
        "actual_en": type_name(value, "en"),
    }


def _text(value: object, limit: int = 200) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
