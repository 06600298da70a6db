"""The licence-type catalog (证照类型目录) of the e-licence base database, read from a pack.

A base-data pack may ship ``licences.toml``: the licence types (营业执照, 居民身份证, 结婚证 …) with
the names requesters write for them, the kind of authority that issues each, who holds it and
therefore which subject key fetches it, the law that creates it and an evidence level; and the
items every type has (编号, 持证主体, 持证主体代码, 颁发机构, 颁发日期, 有效期 …) with the suffixes
requesters write for them.

Nothing here is matched by code: :meth:`LicenceCatalog.resources` turns each type into a resource
of the e-licence base catalog (items named ``<licence><suffix>``: 营业执照编号), and
:meth:`LicenceCatalog.synonyms` turns every alias and suffix variant into synonym groups
(驾驶证号码 → 机动车驾驶证编号, 营业执照复印件 → 营业执照), so exact, synonym, containment and fuzzy
matching treat licences like any other item. Along a pack lineage a licence id repeated replaces
the parent's type; new ids add types.
"""

from __future__ import annotations

import functools
import hashlib
import json
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import ShareType
from govcatalog.resolve.model import ItemSpec, ResourceSpec
from govcatalog.vocab import Evidence

LICENCE_FILE = "licences.toml"
"""The file of a base-data pack that holds its licence types."""


class HolderKind(StrEnum):
    """Who holds a licence, and so which subject key fetches it."""

    PERSON = "person"
    """A natural person (自然人): fetched by 公民身份号码."""
    LEGAL_ENTITY = "legal-entity"
    """A legal person or other organisation (法人和其他组织): fetched by 统一社会信用代码."""
    BOTH = "both"
    """Either (不动产权证书, 机动车行驶证 …): fetched by either key."""

    @property
    def label_zh(self) -> str:
        """The holder kind in Chinese."""
        return _HOLDER_ZH[self]

    @property
    def keys(self) -> tuple[IdentifierKind, ...]:
        """The subject keys that fetch a licence of this holder kind."""
        return _HOLDER_KEYS[self]


_HOLDER_ZH = {
    HolderKind.PERSON: "自然人",
    HolderKind.LEGAL_ENTITY: "法人和其他组织",
    HolderKind.BOTH: "自然人、法人和其他组织",
}
_HOLDER_KEYS = {
    HolderKind.PERSON: (IdentifierKind.CITIZEN_ID,),
    HolderKind.LEGAL_ENTITY: (IdentifierKind.USCC,),
    HolderKind.BOTH: (IdentifierKind.CITIZEN_ID, IdentifierKind.USCC),
}


@dataclass(frozen=True, slots=True)
class LicenceItem:
    """An item every licence type has.

    Attributes:
        key: Stable id, e.g. ``number``.
        suffix: Appended to the licence name to name the item (``""``: the licence itself).
        variants: The suffixes requesters write instead (``号码`` for ``编号``).
        data_type: 数据类型 label.
        description: Definition.
    """

    key: str
    suffix: str
    variants: tuple[str, ...]
    data_type: str
    description: str


@dataclass(frozen=True, slots=True)
class LicenceType:
    """One licence type of the 证照类型目录.

    Attributes:
        id: Stable id, e.g. ``business-licence``.
        code: 信息资源代码 of its resource in the e-licence base catalog.
        name: 证照类型名称, e.g. ``营业执照``.
        aliases: Other names requesters write (``工商营业执照``).
        authority: The kind of authority that issues it (``市场监督管理部门``).
        holder: Who holds it.
        basis: The law or regulation that creates it.
        evidence: How sure the entry is (see the file's header).
        sources: Ids of the file's ``[[source]]`` entries.
        share_type: 共享类型 of its resource.
        number_item: The base item that is its number (居民身份证 → 公民身份号码), if any.
        extra: Further items, named ``<name><extra>``.
        pack: ``id@version`` of the pack that defined it.
    """

    id: str
    code: str
    name: str
    aliases: tuple[str, ...]
    authority: str
    holder: HolderKind
    basis: str
    evidence: Evidence
    sources: tuple[str, ...] = ()
    share_type: ShareType = ShareType.UNCONDITIONAL
    number_item: str | None = None
    extra: tuple[str, ...] = ()
    pack: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then the aliases."""
        return (self.name, *self.aliases)

    @property
    def subject_keys(self) -> tuple[IdentifierKind, ...]:
        """The subject keys that fetch it (by its holder kind)."""
        return self.holder.keys


@dataclass(frozen=True, slots=True)
class LicenceSource:
    """Where an entry's evidence comes from.

    Attributes:
        id: Id the entries refer to.
        title: What the source is.
        where: Where it is found.
    """

    id: str
    title: str
    where: str


@dataclass(frozen=True)
class LicenceCatalog:
    """The effective licence-type catalog along a pack lineage.

    Attributes:
        database: Id of the base database the types belong to (``e-licence``).
        types: The licence types, in definition order.
        items: The items every type has.
        sources: The evidence sources.
    """

    database: str = ""
    types: tuple[LicenceType, ...] = ()
    items: tuple[LicenceItem, ...] = ()
    sources: Mapping[str, LicenceSource] = field(default_factory=lambda: MappingProxyType({}))

    def __len__(self) -> int:
        """Number of licence types."""
        return len(self.types)

    def get(self, ident: str) -> LicenceType | None:
        """The type with this id, or None."""
        return next((t for t in self.types if t.id == ident), None)

    def by_code(self) -> Mapping[str, LicenceType]:
        """Resource code → licence type."""
        return self._by_code

    @functools.cached_property
    def _by_code(self) -> Mapping[str, LicenceType]:
        return MappingProxyType({t.code: t for t in self.types})

    def item_names(self, licence: LicenceType) -> Iterator[tuple[LicenceItem | None, str]]:
        """The items of a type, as (common item or None for an extra, item name)."""
        for item in self.items:
            if item.key == "number" and licence.number_item:
                continue
            yield item, licence.name + item.suffix
        for extra in licence.extra:
            yield None, licence.name + extra

    def resources(self) -> tuple[ResourceSpec, ...]:
        """One resource per licence type, for the e-licence base catalog."""
        out = []
        for lic in self.types:
            items = []
            for n, (item, name) in enumerate(self.item_names(lic), 1):
                what = item.description if item else f"{lic.name}上载明的{name[len(lic.name) :]}。"
                items.append(
                    ItemSpec(
                        name=name,
                        data_element=f"ZZLX{lic.code[-6:]}{n:02d}",
                        base_item=True,
                        data_type=item.data_type if item else "字符型",
                        description=what,
                    )
                )
            keys = "或".join(k.value for k in lic.subject_keys)
            out.append(
                ResourceSpec(
                    code=lic.code,
                    name=lic.name,
                    share_type=lic.share_type,
                    share_condition=None
                    if lic.share_type is ShareType.UNCONDITIONAL
                    else f"凭持证主体{keys}，限{lic.name}核验所需",
                    provider=lic.authority,
                    items=tuple(items),
                )
            )
        return tuple(out)

    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Synonym groups: item name → the names requesters write for it.

        Every alias of a type, with every suffix variant of an item, names that item; the type's
        own name with a variant does too. A type's number, when it is a base item
        (``number_item``), is named by the number variants of its aliases.
        """
        groups: dict[str, list[str]] = {}
        for lic in self.types:
            for item, name in self.item_names(lic):
                suffixes = (item.suffix, *item.variants) if item else (name[len(lic.name) :],)
                groups.setdefault(name, []).extend(
                    alias + s for alias in lic.names for s in suffixes if alias + s != name
                )
            if lic.number_item:
                number = next((i for i in self.items if i.key == "number"), None)
                if number is not None:
                    suffixes = (number.suffix, *number.variants)
                    groups.setdefault(lic.number_item, []).extend(
                        alias + s for alias in lic.names for s in suffixes
                    )
        return {k: tuple(dict.fromkeys(v)) for k, v in groups.items()}

    def digest(self) -> str:
        """A content hash (changes when a type or item changes); computed once."""
        return self._digest

    @functools.cached_property
    def _digest(self) -> str:
        data = [
            self.database,
            [[t.id, t.code, t.name, t.aliases, t.authority, t.holder, t.share_type, t.number_item,
              t.extra] for t in self.types],
            [[i.key, i.suffix, i.variants, i.data_type, i.description] for i in self.items],
        ]  # fmt: skip
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def merged(self, other: LicenceCatalog) -> LicenceCatalog:
        """This catalog with ``other``'s types (a repeated id replaces), items and sources."""
        types = {t.id: t for t in self.types}
        types.update({t.id: t for t in other.types})
        items = {i.key: i for i in self.items}
        items.update({i.key: i for i in other.items})
        sources = dict(self.sources)
        sources.update(other.sources)
        return LicenceCatalog(
            other.database or self.database,
            tuple(types.values()),
            tuple(items.values()),
            MappingProxyType(sources),
        )


def _strings(entry: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f"{key} must be a list of strings"
        raise TypeError(msg)
    return tuple(value)


def _type(entry: Mapping[str, object], ref: str) -> LicenceType:
    number = entry.get("number_item")
    return LicenceType(
        id=str(entry["id"]),
        code=str(entry["code"]),
        name=str(entry["name"]),
        aliases=_strings(entry, "aliases"),
        authority=str(entry["authority"]),
        holder=HolderKind(str(entry["holder"])),
        basis=str(entry["basis"]),
        evidence=Evidence(str(entry["evidence"])),
        sources=_strings(entry, "sources"),
        share_type=ShareType(str(entry.get("share", ShareType.UNCONDITIONAL.value))),
        number_item=str(number) if number else None,
        extra=_strings(entry, "extra"),
        pack=ref,
    )


def _item(entry: Mapping[str, object]) -> LicenceItem:
    return LicenceItem(
        key=str(entry["key"]),
        suffix=str(entry.get("suffix", "")),
        variants=_strings(entry, "variants"),
        data_type=str(entry.get("data_type", "字符型")),
        description=str(entry.get("description", "")),
    )


def _tables(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        msg = f"[[{key}]] must be tables"
        raise TypeError(msg)
    return value


def parse_licences(text: str, ref: str = "licences") -> LicenceCatalog:
    """Read a ``licences.toml`` text.

    Raises:
        PackError: When the text is not TOML, an entry lacks a field or has a bad value, or a
            type cites a source the file does not declare.
    """
    try:
        data = tomllib.loads(text)
        sources = {
            str(s["id"]): LicenceSource(str(s["id"]), str(s["title"]), str(s["where"]))
            for s in _tables(data, "source")
        }
        types = tuple(_type(e, ref) for e in _tables(data, "licence"))
        items = tuple(_item(e) for e in _tables(data, "item"))
    except (tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as exc:
        raise PackError(ref, LICENCE_FILE, f"bad licence table: {exc}") from None
    for lic in types:
        unknown = [s for s in lic.sources if s not in sources]
        if unknown:
            raise PackError(ref, LICENCE_FILE, f"{lic.id}: unknown sources {unknown}")
    return LicenceCatalog(str(data.get("database", "")), types, items, MappingProxyType(sources))


def check_catalog(catalog: LicenceCatalog, ref: str) -> None:
    """Reject repeated names or codes among the effective types (after merging a lineage).

    Raises:
        PackError: When two types share a name, an alias or a resource code.
    """
    seen: dict[str, str] = {}
    for lic in catalog.types:
        for what in (lic.code, *lic.names):
            other = seen.setdefault(what, lic.id)
            if other != lic.id:
                raise PackError(ref, LICENCE_FILE, f"{what!r} is used by {other} and {lic.id}")
