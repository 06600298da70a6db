"""The field table: the elements of a catalog entry, their names and their kinds.

The table is data in the pack (``fields.toml``): the guide's Chinese element names,
the aliases real catalog systems write, the kind of value, the vocabulary and
whether this pack requires the element. Readers use it to map keys to govcatalog's
canonical names; the validator uses it for type, vocabulary and required checks.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from govcatalog.errors import PackError
from govcatalog.packs._lines import line_of, toml_error_line
from govcatalog.packs.key_fold import fold_key
from govcatalog.vocab import Evidence


class FieldKind(StrEnum):
    """What kind of value an element holds."""

    TEXT = "text"
    CODE = "code"
    CODES = "codes"
    VOCAB = "vocab"
    BOOL = "bool"
    DATE = "date"
    INT = "int"
    TEXTS = "texts"
    GROUP = "group"
    GROUPS = "groups"


class FieldLevel(StrEnum):
    """Whether a field describes the catalog as a whole or one resource."""

    CATALOG = "catalog"
    RESOURCE = "field"


@dataclass(frozen=True, slots=True)
class Column:
    """An element's column in the compilation workbook (``column = {...}`` in the field table).

    Attributes:
        heading: The column heading; the element's Chinese name when not given.
        aliases: Other headings that mean this column in workbooks of this layout.
        width: Column width in characters.
    """

    heading: str | None = None
    aliases: tuple[str, ...] = ()
    width: int = 14


def _column(raw: Mapping[str, Any]) -> Column:
    unknown = set(raw) - {"heading", "aliases", "width"}
    if unknown:
        msg = f"column: unknown keys {sorted(unknown)}"
        raise ValueError(msg)
    heading = raw.get("heading")
    return Column(
        heading=None if heading is None else str(heading),
        aliases=tuple(str(a) for a in raw.get("aliases", ())),
        width=int(raw.get("width", 14)),
    )


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One element of the catalog format.

    Attributes:
        id: Canonical dotted path, e.g. ``share.share_type``.
        zh: The guide's element name, e.g. 共享类型.
        en: English name.
        kind: The kind of value.
        element: The guide's core-element number (1–13) for top-level elements.
        vocabulary: Vocabulary scheme id for ``vocab``/``bool``/``texts`` kinds.
        required: Whether this pack requires the element.
        max_length: Longest allowed text, in characters.
        aliases: Other keys that mean this element.
        system_keys: The keys catalog systems write for this element in their JSON exports
            (``shareType``, ``resourceName``): more names of it, under which a code (``1``,
            ``2``) is read as the value it numbers only when ``system_codes`` says so.
        system_codes: The systems writing ``system_keys`` number the values as the
            vocabulary's notations do (the evidence shows their code list); when False, a
            code written under one of them is no value (the systems number them differently,
            or no source gives their list).
        evidence: How sure we are of the element and its requirement.
        compound: For a vocabulary field whose value may carry a second field after a
            "/" (共享平台方式/文件), the id of that second field.
        level: Catalog facts or resource element.
        top_concepts_only: Only the top concepts of the vocabulary are allowed
            (``concepts = "top"``), e.g. the 类 of a scheme that also lists the 项.
        rdf: The RDF property path of the element, as written in ``fields.toml``
            (``govcat:shareAttributes / govcat:shareType``): from the resource node, or from
            the data item node for item elements; empty when the element has none.
        change: The diff change kind of a new value of the element (``name-changed``);
            None for the default of its kind of element.
        note: The id of the text field that keeps what a value's form adds: the note of
            ``每年(更新说明:…)`` or the original of a described form (不定期 → 其他).
        main: For a group, the id of the field a plain value written for the whole group
            goes to (开放属性: "无条件开放" → 开放条件).
        path: For a group, a single cell may hold its members' values in order as a path
            (信息资源分类: 部门信息资源目录/省（自治区、直辖市）及其下各级政务部门/市场监管局).
        size: The id of the field a size written after the value gives (varchar2(50) → 数据长度).
        rdf_class: For a group written as a node of its own, the node's class.
        rdf_node: The fragment of that node's IRI (``#classification``); the group's key
            by default (one node per entry of a list of groups: ``#item-<n>``).
        rdf_agent: For an element whose path goes through an agent (``govcat:provider /
            foaf:name``), the id of the element identifying the agent.
        xml: The element's name in the XML exchange form (the key when not given).
        column: The element's column in the pack's compilation workbook, or None.
    """

    id: str
    zh: str
    en: str
    kind: FieldKind
    element: int | None = None
    vocabulary: str | None = None
    required: bool = False
    max_length: int | None = None
    aliases: tuple[str, ...] = ()
    system_keys: tuple[str, ...] = ()
    system_codes: bool = False
    evidence: Evidence = Evidence.UNCONFIRMED
    compound: str | None = None
    level: FieldLevel = FieldLevel.RESOURCE
    top_concepts_only: bool = False
    rdf: tuple[str, ...] = ()
    change: str | None = None
    note: str | None = None
    main: str | None = None
    path: bool = False
    size: str | None = None
    rdf_class: str | None = None
    rdf_node: str | None = None
    rdf_agent: str | None = None
    xml: str | None = None
    column: Column | None = None
    standard_zh: str = field(default="", compare=False)
    """The local standard that declared (or last changed) the field, named for hints; empty for
    the national guide's own elements."""
    standard_en: str = field(default="", compare=False)
    """The same in English."""
    parent: str | None = field(init=False, compare=False)
    """The id of the enclosing group, or None at top level (derived from ``id``)."""
    key: str = field(init=False, compare=False)
    """The canonical key of this field inside its parent (derived from ``id``)."""
    uncoded_keys: frozenset[str] = field(init=False, compare=False, repr=False)
    """Folded system keys under which a code is no value (empty when ``system_codes``)."""

    def __post_init__(self) -> None:
        head, sep, tail = self.id.rpartition(".")
        object.__setattr__(self, "parent", head if sep else None)
        object.__setattr__(self, "key", tail)
        uncoded = () if self.system_codes else self.system_keys
        object.__setattr__(self, "uncoded_keys", frozenset(fold_key(k) for k in uncoded))

    def reads_codes(self, key: str) -> bool:
        """Whether a code written under ``key`` (as written) is read as the value it numbers."""
        return not self.uncoded_keys or fold_key(key) not in self.uncoded_keys

    def names(self) -> dict[str, object]:
        """Message parameters naming the element and the standard that asks for it."""
        return {
            "element_zh": self.zh,
            "element_en": self.en,
            "standard_zh": self.standard_zh or "编制指南",
            "standard_en": self.standard_en or "the guide",
        }


@dataclass(frozen=True)
class FieldTable:
    """All fields of a pack, with key lookup per level."""

    fields: tuple[FieldSpec, ...]
    _by_id: Mapping[str, FieldSpec] = field(init=False, repr=False, compare=False)
    _keys: Mapping[str | None, Mapping[str, FieldSpec]] = field(
        init=False, repr=False, compare=False
    )
    _by_char: dict[str | None, dict[str, set[str]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, FieldSpec] = {}
        for spec in self.fields:
            by_id[f"{spec.level.value}:{spec.id}"] = spec
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_keys", MappingProxyType(_key_maps(self.fields)))
        object.__setattr__(self, "_by_char", {})

    def get(self, field_id: str, level: FieldLevel = FieldLevel.RESOURCE) -> FieldSpec:
        """The field with this id (KeyError when unknown)."""
        return self._by_id[f"{level.value}:{field_id}"]

    def has(self, field_id: str, level: FieldLevel = FieldLevel.RESOURCE) -> bool:
        """True when the table has this field."""
        return f"{level.value}:{field_id}" in self._by_id

    def resource_fields(self) -> tuple[FieldSpec, ...]:
        """Resource-level fields, in table order."""
        return tuple(f for f in self.fields if f.level is FieldLevel.RESOURCE)

    def catalog_fields(self) -> tuple[FieldSpec, ...]:
        """Catalog-level fields, in table order."""
        return tuple(f for f in self.fields if f.level is FieldLevel.CATALOG)

    def children(
        self, group: str | None, level: FieldLevel = FieldLevel.RESOURCE
    ) -> tuple[FieldSpec, ...]:
        """Direct children of a group (``None`` for the top level)."""
        return tuple(f for f in self.fields if f.level is level and f.parent == group)

    def key_map(self, scope: str | None) -> Mapping[str, FieldSpec]:
        """Folded key → field, for keys written inside ``scope``.

        ``scope`` is ``None`` for a resource object, ``"catalog"`` for the catalog
        facts object, or a group id (``share``, ``items``) for that group's objects.
        At resource level the leaves of single groups may also be written flat
        (共享类型 directly in the resource).
        """
        return self._keys.get(scope, MappingProxyType({}))

    def nearest(self, key: str, scope: str | None = None, limit: int = 2) -> tuple[FieldSpec, ...]:
        """The fields whose names are closest to an unknown ``key`` (for a suggestion)."""
        names = self.key_map(scope)
        word = fold_key(key)
        # Only a name sharing a character with the key can be near it: asked of those alone,
        # difflib gives the same names in the same order (by score, then name), and fast.
        close = difflib.get_close_matches(word, self._sharing(scope, word), n=limit * 3, cutoff=0.5)
        out: list[FieldSpec] = []
        for name in close:
            spec = names[name]
            if spec not in out:
                out.append(spec)
        return tuple(out[:limit])

    def _sharing(self, scope: str | None, word: str) -> list[str]:
        """The names of ``scope``'s keys that have a character of ``word`` (each character's
        names are found once per scope, when first asked)."""
        by_char = self._by_char.get(scope)
        if by_char is None:
            index: dict[str, set[str]] = {}
            for name in self.key_map(scope):
                for char in name:
                    index.setdefault(char, set()).add(name)
            by_char = self._by_char[scope] = index
        return list(set[str]().union(*[by_char.get(char, ()) for char in set(word)]))

    def with_fields(self, extra: Iterable[FieldSpec]) -> FieldTable:
        """A new table with ``extra`` fields added or replacing same-id fields."""
        replaced = {(f.level, f.id): f for f in extra}
        kept = [replaced.pop((f.level, f.id), f) for f in self.fields]
        return FieldTable((*kept, *replaced.values()))


def suggestion_params(near: tuple[FieldSpec, ...]) -> dict[str, object]:
    """``detail_zh``/``detail_en`` naming the nearest elements of an unknown key (or empty)."""
    if not near:
        return {"detail_zh": "", "detail_en": ""}
    return {
        "detail_zh": "（最接近的元素：" + "、".join(f.zh for f in near) + "）",
        "detail_en": " (nearest elements: " + ", ".join(f"{f.en} ({f.zh})" for f in near) + ")",
    }


def _names(spec: FieldSpec) -> Iterable[str]:
    yield spec.key
    yield spec.zh
    yield from spec.aliases
    yield from spec.system_keys


def _key_maps(fields: Iterable[FieldSpec]) -> dict[str | None, Mapping[str, FieldSpec]]:
    maps: dict[str | None, dict[str, FieldSpec]] = {}
    flat: list[FieldSpec] = []
    all_fields = list(fields)
    kinds = {f.id: f.kind for f in all_fields if f.level is FieldLevel.RESOURCE}
    for spec in all_fields:
        scope = "catalog" if spec.level is FieldLevel.CATALOG else spec.parent
        target = maps.setdefault(scope, {})
        for name in _names(spec):
            target.setdefault(fold_key(name), spec)
        if (
            spec.level is FieldLevel.RESOURCE
            and spec.parent
            and kinds.get(spec.parent) is FieldKind.GROUP
        ):
            flat.append(spec)
    top = maps.setdefault(None, {})
    for spec in flat:  # flat leaves never shadow a top-level name
        for name in (spec.zh, *spec.aliases, *spec.system_keys):
            top.setdefault(fold_key(name), spec)
    return {k: MappingProxyType(v) for k, v in maps.items()}


def check_aliases(table: FieldTable, *, pack: str) -> None:
    """Raise PackError when one key means two fields in the same scope."""
    seen: dict[tuple[str | None, str], str] = {}
    for spec in table.fields:
        scope = "catalog" if spec.level is FieldLevel.CATALOG else spec.parent
        for name in _names(spec):
            k = (scope, fold_key(name))
            if k in seen and seen[k] != spec.id:
                raise PackError(
                    pack, "fields.toml", f"key {name!r} names both {seen[k]} and {spec.id}"
                )
            seen[k] = spec.id


_CONVERT: Mapping[str, Callable[[Any], object]] = MappingProxyType(
    {
        "zh": str,
        "en": str,
        "kind": FieldKind,
        "element": lambda v: v,
        "vocabulary": lambda v: v,
        "required": bool,
        "max_length": lambda v: v,
        "aliases": tuple,
        "system_keys": tuple,
        "system_codes": bool,
        "evidence": Evidence,
        "compound": lambda v: v,
        "rdf": lambda v: tuple(part.strip() for part in str(v).split(" / ")),
        "change": str,
        "note": str,
        "main": str,
        "path": bool,
        "size": str,
        "rdf_class": str,
        "rdf_node": str,
        "rdf_agent": str,
        "xml": str,
        "column": _column,
    }
)


def _spec(raw: Mapping[str, Any], level: FieldLevel, base: FieldTable | None) -> FieldSpec:
    """One entry; one naming a field of ``base`` without a ``kind`` overrides only what it gives."""
    given = {k: conv(raw[k]) for k, conv in _CONVERT.items() if k in raw}
    if "concepts" in raw:
        given["top_concepts_only"] = raw["concepts"] == "top"
    fid = str(raw["id"])
    if base is not None and "kind" not in raw and base.has(fid, level):
        inherited = base.get(fid, level)
        for names in ("aliases", "system_keys"):  # a local standard adds names, never loses one
            if names in given:
                have: tuple[str, ...] = getattr(inherited, names)
                added = tuple(a for a in given[names] if a not in have)  # type: ignore[attr-defined]
                given[names] = (*have, *added)
        return replace(inherited, **given)  # type: ignore[arg-type]
    given.setdefault("evidence", Evidence.UNCONFIRMED)
    return FieldSpec(id=fid, level=level, **given)  # type: ignore[arg-type]


def parse_fields(
    text: str, *, pack: str, file: str = "fields.toml", base: FieldTable | None = None
) -> FieldTable:
    """Parse a ``fields.toml`` document.

    Args:
        text: The document.
        pack: The pack's reference, for error messages.
        file: The file name, for error messages.
        base: The parent's field table. An entry whose ``id`` names a parent field and
            that gives no ``kind`` is a *partial override*: only the keys it gives change
            (``[[field]] id = "abstract"  required = true``).

    Raises:
        PackError: On a syntax error, an unknown kind or a key that names two fields.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None
    specs: list[FieldSpec] = []
    for level in FieldLevel:
        for raw in data.get(level.value, []):
            try:
                specs.append(_spec(raw, level, base))
            except (KeyError, ValueError, TypeError) as exc:
                fid = raw.get("id", "?")
                line = line_of(text, f'"{fid}"')
                raise PackError(pack, file, f"{level.value} {fid}: {exc}", line) from None
    table = FieldTable(tuple(specs))
    check_aliases(table, pack=pack)
    return table
