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
from govcatalog.packs.fields import FieldKind, FieldSpec, fold_key, suggestion_params
from govcatalog.packs.pack import Pack
from govcatalog.packs.value_forms import fold_value
from govcatalog.records.forms import (
    NO_CONDITION,
    is_list_syntax,
    split_format_types,
    split_list,
    split_note,
)
from govcatalog.records.hits import Hit, Record
from govcatalog.vocab import MatchKind, Vocabulary

_MISSING: Final = object()

PARSED_CODE: Final = "$code"
"""Record key holding the parsed :class:`~govcatalog.model.code.ResourceCode` of ``code``."""

INVALID: Final = "$invalid"
"""Record key holding the canonical pointers of values that were present but unreadable,
so rules do not report them again as missing."""

OPEN_TO_PUBLIC: Final = "open.open_to_public"
OPEN_CONDITION: Final = "open.open_condition"
SHARE_TYPE: Final = "share.share_type"
SHARE_CONDITION: Final = "share.share_condition"
FORMAT_CLASS: Final = "format.format_class"
FORMAT_TYPES: Final = "format.format_types"
_FORM_FIELDS: Final = frozenset({OPEN_CONDITION, SHARE_CONDITION})
"""Text fields where another field's value is often written (an open type, a share type)."""
_COMPOUND = re.compile(r"^\s*([^/\-－—]+?)\s*[/\-－—]\s*(.+?)\s*$")


def _compound_split(text: str) -> tuple[str, str] | None:
    """Split "共享平台方式/文件" or "数据库-oracle" into its two parts."""
    m = _COMPOUND.match(text)
    return (m[1], m[2]) if m else None


_DATE_FORMS = (
    re.compile(
        r"^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
    ),
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


@dataclass(frozen=True, slots=True)
class _Pending:
    """A value one field's form gives another field: set if absent, or (``note``) appended."""

    field_id: str
    value: object
    note: bool
    cpath: str
    hit: Hit | None = None
    """Reported only when the value is set."""


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
    pending: list[_Pending] = field(default_factory=list)
    """Values a form gave for another field, set once the record is read (see ``_settle``)."""

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
                    if f.kind in _QUICK_KINDS and f.id not in _FORM_FIELDS
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
        self._forms = pack.value_forms
        self._suggestions: dict[tuple[str, str | None], dict[str, object]] = {}
        self._ph_len = max((len(p) for p in self._forms.placeholders), default=0)
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
        for field_id, value in self._forms.defaults.items():
            out.pending.append(_Pending(field_id, value, False, _pointer(field_id)))
        if out.pending:
            self._settle(out)
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
                        and (len(value) > self._ph_len or not self._forms.is_placeholder(value))
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
            out.hits.append(Hit("GC-S004", cpath, self._suggestion(skey, scope), skey))
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
            elif self._takes_plain(spec, value):
                # A plain value under a group heading (开放属性: "无条件开放") is its main field's.
                main = self.pack.fields.get(spec.main or "")
                mpath = f"{cpath}/{main.key}"
                out.renames[mpath] = out.original(cpath)
                self._assign(main, value, mpath, dst.setdefault(spec.key, {}), out)
            elif value is not None:
                self._wrong_type(spec, value, cpath, out)
            return
        if kind is _GROUPS:
            self._groups(spec, value, cpath, dst, out)
            return
        result = self._value(spec, value, cpath, out)
        if result is not _MISSING:
            dst[spec.key] = result
            if spec.compound and isinstance(value, str) and _compound_split(value):
                self._compound(spec, value, cpath, dst, out)

    def _suggestion(self, key: str, scope: str | None) -> dict[str, object]:
        """The nearest elements to an unknown key, as message parameters (remembered)."""
        found = self._suggestions.get((key, scope))
        if found is None:
            near = self.pack.fields.nearest(key, scope if scope != "catalog" else None)
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
                    if len(val) <= self._ph_len and self._forms.is_placeholder(val):
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
        if (
            isinstance(value, str)
            and spec.id != SHARE_CONDITION  # 无 there says "no condition" (R1)
            and self._forms.is_placeholder(value)
        ):
            out.hits.append(Hit("GC-F016", cpath, _names(spec), value))
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
        if spec.id in _FORM_FIELDS and self._text_form(spec, value, cpath, out):
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
        given = value[0] if isinstance(value, list) and len(value) == 1 else value
        if isinstance(value, str):
            parts = split_list(value)
            if is_list_syntax(value) and "、".join(parts) != value.strip():
                self._normalised(spec, value, "、".join(parts), cpath, out)
            value = parts
        if isinstance(value, list) and spec.id == FORMAT_TYPES and FORMAT_CLASS in self._vocab:
            split = split_format_types(value, self._vocab[FORMAT_CLASS], self._vocab[spec.id])
            for cls in split.classes[:1]:
                out.pending.append(_Pending(FORMAT_CLASS, cls, False, cpath))
                self._normalised(
                    spec,
                    _text(given),
                    f"{cls} + {'、'.join(map(str, split.types))}"
                    if split.types
                    else f"{self.pack.fields.get(FORMAT_CLASS).zh}：{cls}",
                    cpath,
                    out,
                )
            value = split.types
            if not value and split.classes:
                return _MISSING
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
        if spec.compound and _compound_split(text):
            text = _compound_split(text)[0]  # type: ignore[index]
        if not text.strip():
            return _MISSING
        match = vocab.lookup(text)
        if match is None:
            return self._vocab_form(spec, vocab, text, cpath, out)
        label = match.concept.label_zh
        if match.is_defect or not isinstance(value, str):
            self._normalised(spec, value, label, cpath, out)
        return label

    def _vocab_form(
        self, spec: FieldSpec, vocab: Vocabulary, text: str, cpath: str, out: Coerced
    ) -> object:
        """A value outside the vocabulary: a noted, described or unknown form."""
        noted = split_note(text) if spec.note else None
        head = noted.value if noted else text
        match = vocab.lookup(head) if noted else None
        if match is not None and noted is not None and spec.note:
            label = match.concept.label_zh
            out.pending.append(_Pending(spec.note, noted.note, True, cpath))
            self._normalised(spec, text, label, cpath, out)
            return label
        described = self._forms.described_as(vocab.id, head)
        if described is not None and spec.note:
            out.pending.append(_Pending(spec.note, text, True, cpath))
            params = _names(spec) | {"canonical": described, "note_zh": self._note_zh(spec)}
            out.hits.append(Hit("GC-F015", cpath, params, text))
            return described
        params = _names(spec) | {"allowed": "、".join(vocab.labels())}
        out.hits.append(Hit("GC-F002", cpath, params, _text(text)))
        out.invalid.add(cpath)
        return _MISSING

    def _note_zh(self, spec: FieldSpec) -> str:
        table = self.pack.fields
        return table.get(spec.note).zh if spec.note and table.has(spec.note) else ""

    def _text_form(self, spec: FieldSpec, value: str, cpath: str, out: Coerced) -> bool:
        """Read an open type or a share type written as text; True when the value is taken."""
        if spec.id == OPEN_CONDITION:
            is_open = self._forms.open_type(value)
            if is_open is not None:
                spec_open = self.pack.fields.get(OPEN_TO_PUBLIC)
                params = _names(spec_open) | {"canonical": "是" if is_open else "否"}
                hit = Hit("GC-F003", _pointer(OPEN_TO_PUBLIC), params, value)
                out.pending.append(_Pending(OPEN_TO_PUBLIC, is_open, False, cpath, hit))
                return not is_open  # a closed type is no condition of opening
            return False
        vocab = self._vocab.get(SHARE_TYPE)
        match = vocab.lookup(value) if vocab is not None else None
        if match is None or match.kind is MatchKind.NOTATION or fold_value(value) in NO_CONDITION:
            return False  # 无条件 (共享) there says "no condition" (R1)
        out.pending.append(_Pending(SHARE_TYPE, match.concept.label_zh, False, cpath))
        out.hits.append(Hit("GC-F017", cpath, _names(spec), value))
        return True

    def _settle(self, out: Coerced) -> None:
        """Set what forms gave other fields: absent fields only; notes are appended."""
        for p in out.pending:
            if _pointer(p.field_id) in out.invalid:
                continue  # written, but unreadable: reported as such, never replaced
            spec = self.pack.fields.get(p.field_id)
            target = out.record
            if spec.parent is not None:
                target = target.setdefault(spec.parent, {})
            have = target.get(spec.key)
            if p.note and isinstance(have, str) and have and str(p.value) not in have:
                target[spec.key] = f"{have}；{p.value}"
            elif have is None:
                target[spec.key] = p.value
                out.renames.setdefault(_pointer(p.field_id), out.original(p.cpath))
                # A value the pack says every record means anyway is no liberty worth a finding.
                if p.hit is not None and self._forms.defaults.get(p.field_id) != p.value:
                    out.hits.append(p.hit)

    def _compound(self, spec: FieldSpec, value: str, cpath: str, dst: Record, out: Coerced) -> None:
        second = self.pack.fields.get(spec.compound or "")
        rest = _compound_split(value)[1]  # type: ignore[index]
        if second.kind is FieldKind.TEXTS:
            listed = self._list_value(second, rest, cpath, out)
            if isinstance(listed, list) and listed:
                dst[second.key] = listed
                self._normalised(spec, value, f"{dst[spec.key]} + {'、'.join(listed)}", cpath, out)
            return
        result = self._vocab_value(second, rest, cpath, out)
        if result is not _MISSING:
            dst[second.key] = result
            self._normalised(spec, value, f"{dst[spec.key]} + {result}", cpath, out)

    def _bool_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, bool):
            return value
        vocab = self._vocab[spec.id]
        match = vocab.lookup(str(value)) if isinstance(value, str | int) else None
        if match is None and spec.id == OPEN_TO_PUBLIC and isinstance(value, str):
            is_open = self._forms.open_type(value)
            if is_open is not None:  # an open type where yes/no is expected: keep it as condition
                if is_open:
                    out.pending.append(_Pending(OPEN_CONDITION, value, False, cpath))
                self._normalised(spec, value, "是" if is_open else "否", cpath, out)
                return is_open
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
            if not text:
                return _MISSING
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
    return spec.names()


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
