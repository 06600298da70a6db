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
from govcatalog.model.code import CodeProblem, parse_resource_code, problem_text
from govcatalog.packs.fields import FieldKind, FieldSpec, fold_key
from govcatalog.packs.pack import Pack
from govcatalog.rules.hits import Hit, Record
from govcatalog.vocab import Vocabulary

_MISSING: Final = object()

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
    zh_names: Mapping[str, str] = field(default_factory=dict)

    def original(self, pointer: str) -> str:
        """The pointer as the input wrote it, for a canonical pointer.

        A part the input did not write is named like its siblings: by its Chinese
        element name inside an object written with Chinese keys, else canonically.
        """
        if pointer in self.renames:
            return self.renames[pointer]
        head, sep, tail = pointer.rpartition("/")
        if not sep:
            return pointer
        if head in self.written_zh:
            field_id = ".".join(p for p in pointer.split("/") if p and not p.isdigit())
            tail = _escape(self.zh_names.get(field_id, tail))
        return (self.original(head) if head else "") + "/" + tail


@dataclass(frozen=True, slots=True)
class _Scope:
    keys: Mapping[str, FieldSpec]
    canonical: frozenset[str]
    required: tuple[FieldSpec, ...]


class Coercer:
    """Reads records for one pack. Build once, use for every record (it is stateless)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        table = pack.fields
        self._scopes: dict[str | None, _Scope] = {}
        scopes: list[str | None] = [None, "catalog"]
        scopes += [f.id for f in table.resource_fields() if f.kind in (FieldKind.GROUP, FieldKind.GROUPS)]
        for scope in scopes:
            if scope == "catalog":
                children = table.catalog_fields()
            else:
                children = table.children(scope)
            self._scopes[scope] = _Scope(
                table.key_map(scope),
                frozenset(f.key for f in children),
                tuple(f for f in children if f.required),
            )
        self._zh_names = {f.id: f.zh for f in table.resource_fields()}
        self._vocab: dict[str, Vocabulary] = dict(pack.vocabularies)
        self._labels: dict[str, frozenset[str]] = {
            k: frozenset(v.labels()) for k, v in self._vocab.items()
        }

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
        self, src: dict[Any, Any], scope: str | None, cprefix: str, oprefix: str, dst: Record, out: Coerced
    ) -> None:
        sc = self._scopes[scope]
        seen: dict[str, str] = {}
        for key, value in src.items():
            skey = str(key)
            if skey == "extensions" and isinstance(value, dict) and self._free_extensions(scope):
                dst.setdefault("extensions", {}).update(value)
                continue
            spec = sc.keys.get(skey) or sc.keys.get(fold_key(skey))
            opath = f"{oprefix}/{_escape(skey)}"
            if spec is None and scope == "extensions":  # undeclared, but written as an extension
                dst[skey] = value
                continue
            if spec is None:
                cpath = f"{cprefix}/extensions/{_escape(skey)}"
                out.renames[cpath] = opath
                dst.setdefault("extensions", {})[skey] = value
                out.hits.append(Hit("GC-S004", cpath, {}, skey))
                continue
            target = dst
            rel = spec.key
            if scope is None and spec.parent is not None:  # a flat leaf of a group
                target = dst.setdefault(spec.parent, {})
                rel = spec.id.replace(".", "/")
            cpath = f"{cprefix}/{rel}"
            if cpath != opath:
                out.renames[cpath] = opath
                out.written_zh.add(cprefix)
            if spec.id in seen:
                out.hits.append(
                    Hit("GC-S007", cpath, _names(spec), f"{seen[spec.id]}, {skey}")
                )
            seen[spec.id] = skey
            self._assign(spec, value, cpath, target, out)

    def _assign(self, spec: FieldSpec, value: object, cpath: str, dst: Record, out: Coerced) -> None:
        kind = spec.kind
        if kind is FieldKind.GROUP:
            if isinstance(value, dict):
                self._object(value, spec.id, cpath, out.original(cpath), dst.setdefault(spec.key, {}), out)
            elif value is not None:
                self._wrong_type(spec, value, cpath, out)
            return
        if kind is FieldKind.GROUPS:
            self._groups(spec, value, cpath, dst, out)
            return
        result = self._value(spec, value, cpath, out)
        if result is not _MISSING:
            dst[spec.key] = result
            if spec.compound and isinstance(value, str) and "/" in value:
                self._compound(spec, value, cpath, dst, out)

    def _groups(self, spec: FieldSpec, value: object, cpath: str, dst: Record, out: Coerced) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self._wrong_type(spec, value, cpath, out)
            return
        items: list[Record] = []
        sc = self._scopes[spec.id]
        oprefix = out.original(cpath)
        for index, item in enumerate(value):
            ip = f"{cpath}/{index}"
            if not isinstance(item, dict):
                out.hits.append(Hit("GC-S003", ip, _type_params(spec, item), _text(item)))
                out.invalid.add(ip)
                items.append({})
                continue
            if item.keys() <= sc.canonical and self._fast_item(spec.id, item, ip, out):
                items.append(item)
            else:
                rec: Record = {}
                self._object(item, spec.id, ip, f"{oprefix}/{index}", rec, out)
                items.append(rec)
                self._required(spec.id, ip, rec, out)
        dst[spec.key] = items

    def _fast_item(self, scope: str, item: Record, ip: str, out: Coerced) -> bool:
        """Accept an item already in canonical form with plain valid values (the common case)."""
        table = self.pack.fields
        for key, value in item.items():
            spec = table.get(f"{scope}.{key}")
            kind = spec.kind
            if kind is FieldKind.TEXT:
                if type(value) is not str or not value or value.isspace():
                    return False
                if spec.max_length is not None and len(value) > spec.max_length:
                    return False
            elif kind is FieldKind.VOCAB:
                if value not in self._labels[spec.vocabulary or ""]:
                    return False
            elif kind is FieldKind.INT:
                if type(value) is not int or value < 1:
                    return False
            elif kind is FieldKind.BOOL:
                if type(value) is not bool:
                    return False
            else:
                return False
        for spec in self._scopes[scope].required:
            if spec.key not in item:
                out.hits.append(Hit("GC-F001", f"{ip}/{spec.key}", _names(spec)))
        return True

    def _required(self, scope: str | None, cprefix: str, rec: Record, out: Coerced) -> None:
        for spec in self._scopes[scope].required:
            self._require(spec, f"{cprefix}/{spec.key}", rec, out)
        if scope is None:
            for group in self.pack.fields.children(None):
                if group.kind is FieldKind.GROUP:
                    sub = rec.get(group.key, {})
                    for spec in self._scopes[group.id].required:
                        self._require(spec, f"{cprefix}/{group.key}/{spec.key}", sub, out)

    def _require(self, spec: FieldSpec, cpath: str, rec: Record, out: Coerced) -> None:
        value = rec.get(spec.key)
        if (value is None or value == [] or value == {}) and cpath not in out.invalid:
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

    def _normalised(self, spec: FieldSpec, given: object, canonical: object, cpath: str, out: Coerced) -> None:
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
            self._check_code(value, cpath, out)
        return value

    def _check_code(self, value: str, cpath: str, out: Coerced) -> None:
        parsed = parse_resource_code(value, self.pack.code_rules)
        if isinstance(parsed, CodeProblem):
            zh, en = problem_text(parsed)
            out.hits.append(Hit("GC-F005", cpath, {"reason_zh": zh, "reason_en": en}, value))

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
        vocab = self._vocab[spec.vocabulary or ""]
        if isinstance(value, str) and value in self._labels[vocab.id]:
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
        vocab = self._vocab[spec.vocabulary or ""]
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
