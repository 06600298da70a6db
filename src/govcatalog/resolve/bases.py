"""The base databases (基础信息资源库) as a data pack: catalogs, synonyms and calendar.

A base-data pack is an ordinary pack directory (``pack.toml``) that also carries

- ``databases.toml`` — one ``[[database]]`` per base database: id, name, the catalog file
  describing it, the identifier kinds (subject keys) it serves and the items carrying them;
- ``catalogs/*.json`` — the base catalogs, canonical JSON valid under the national pack;
- ``synonyms.toml`` — ``[[group]]`` tables: an item name and the variants requesters write;
- ``holidays.toml`` — the working-day calendar (:mod:`govcatalog.resolve.calendar`);
- ``licences.toml`` — the licence types of the e-licence database
  (:mod:`govcatalog.resolve.licences`).

The shipped pack ``base-databases@1`` holds reference sets (no standard publishes official
item lists). A deployment publishes a pack with ``extends = "base-databases@^1"``: along the
lineage, a database id defined nearer the leaf replaces the parent's, synonym groups add up,
calendar years replace per year and licence ids replace per id. Nothing here is code to edit.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import as_file
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.loading import load_catalog
from govcatalog.model import Catalog
from govcatalog.packs.registry import default_registry, get_pack
from govcatalog.resolve.calendar import WorkingCalendar, parse_calendar
from govcatalog.resolve.licences import LICENCE_FILE, LicenceCatalog, check_catalog, parse_licences
from govcatalog.resolve.model import CatalogEntry, CatalogRole, catalog_entry
from govcatalog.resolve.normalise import normalise

if TYPE_CHECKING:
    from govcatalog.resolve.index import ResolveIndex

BASE_PACK = "base-databases@^1"
"""The shipped base-data pack."""


@dataclass(frozen=True, slots=True)
class BaseDatabase:
    """One base database.

    Attributes:
        id: Stable id, e.g. ``population``.
        name: Its name in the guide, e.g. ``国家人口基础信息资源``.
        short: Short name, e.g. ``人口``.
        keys: Identifier kinds of the subjects it serves.
        key_items: Names of the items that carry those keys.
        catalog: The catalog file describing it.
        pack: ``id@version`` of the pack that defined it.
    """

    id: str
    name: str
    short: str
    keys: tuple[IdentifierKind, ...]
    key_items: tuple[str, ...]
    catalog: Traversable = field(repr=False, compare=False)
    pack: str = ""


@dataclass(frozen=True)
class SynonymTable:
    """Item names and the variants requesters write for them.

    Attributes:
        groups: Item name as catalogs write it → variants.
    """

    groups: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def normalised(self) -> Mapping[str, str]:
        """Normalised variant → normalised item name (variants equal to the name left out).

        Raises:
            PackError: When one variant belongs to two groups.
        """
        out: dict[str, str] = {}
        for item, variants in self.groups.items():
            target = normalise(item)
            for variant in variants:
                key = normalise(variant)
                if not key or key == target:
                    continue
                if out.get(key, target) != target:
                    raise PackError("synonyms", "synonyms.toml", f"{variant!r} is in two groups")
                out[key] = target
        return MappingProxyType(out)

    def merged(self, other: SynonymTable) -> SynonymTable:
        """A table with ``other``'s variants added to these."""
        groups = {k: list(v) for k, v in self.groups.items()}
        for item, variants in other.groups.items():
            known = groups.setdefault(item, [])
            known.extend(v for v in variants if v not in known)
        return SynonymTable(MappingProxyType({k: tuple(v) for k, v in groups.items()}))


@dataclass(frozen=True)
class BaseDataPack:
    """The effective base-data pack: databases, synonyms and calendar along the lineage.

    Attributes:
        ref: ``id@version`` of the leaf pack.
        databases: The base databases, in definition order.
        synonyms: The merged synonym table (the licence types' names and items included).
        calendar: The merged working-day calendar.
        licences: The merged licence-type catalog (证照类型目录).
    """

    ref: str
    databases: tuple[BaseDatabase, ...]
    synonyms: SynonymTable
    calendar: WorkingCalendar
    licences: LicenceCatalog = field(default_factory=LicenceCatalog)

    def database(self, ident: str) -> BaseDatabase:
        """The database with this id.

        Raises:
            KeyError: When there is none.
        """
        for db in self.databases:
            if db.id == ident:
                return db
        raise KeyError(ident)

    def for_key(self, kind: IdentifierKind) -> BaseDatabase | None:
        """The base database serving subjects identified by ``kind``, if any."""
        return next((db for db in self.databases if kind in db.keys), None)

    def iter_catalogs(self) -> Iterator[tuple[BaseDatabase, Catalog]]:
        """Each database with its catalog read into the model (national pack rules)."""
        pack = get_pack("gb-1272@^1")
        for db in self.databases:
            with as_file(db.catalog) as path:
                yield db, load_catalog(path, pack=pack)


def _toml(root: Traversable, name: str, ref: str) -> dict[str, object] | None:
    f = root / name
    if not f.is_file():
        return None
    try:
        return tomllib.loads(f.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PackError(ref, name, str(exc)) from None


def _databases(data: Mapping[str, object], root: Traversable, ref: str) -> list[BaseDatabase]:
    out: list[BaseDatabase] = []
    entries = data.get("database", [])
    for entry in entries if isinstance(entries, list) else []:
        try:
            keys = tuple(IdentifierKind(str(k)) for k in entry.get("keys", []))
            db = BaseDatabase(
                id=str(entry["id"]),
                name=str(entry["name"]),
                short=str(entry.get("short", entry["name"])),
                keys=keys,
                key_items=tuple(str(k) for k in entry.get("key_items", [])),
                catalog=root / str(entry["catalog"]),
                pack=ref,
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise PackError(ref, "databases.toml", f"bad [[database]] entry: {exc}") from None
        if not db.catalog.is_file():
            raise PackError(ref, "databases.toml", f"{db.id}: catalog {entry['catalog']} missing")
        out.append(db)
    return out


def _synonyms(data: Mapping[str, object], ref: str) -> SynonymTable:
    groups: dict[str, tuple[str, ...]] = {}
    entries = data.get("group", [])
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or "item" not in entry:
            raise PackError(ref, "synonyms.toml", "each [[group]] needs an item")
        groups[str(entry["item"])] = tuple(str(v) for v in entry.get("variants", []))
    table = SynonymTable(MappingProxyType(groups))
    table.normalised()  # reject a variant listed in two groups now
    return table


def _lineage(root: Traversable) -> list[tuple[str, Traversable]]:
    chain: list[tuple[str, Traversable]] = []
    current: Traversable | None = root
    while current is not None:
        meta = tomllib.loads((current / "pack.toml").read_text(encoding="utf-8")).get("pack", {})
        ref = f"{meta.get('id')}@{meta.get('version')}"
        if any(ref == r for r, _ in chain):
            raise PackError(ref, "pack.toml", "extends forms a cycle")
        chain.append((ref, current))
        parent = meta.get("extends")
        current = default_registry().resolve(str(parent)).root if parent else None
    return chain[::-1]


def _derived(groups: Mapping[str, tuple[str, ...]], curated: SynonymTable) -> SynonymTable:
    """Synonym groups derived from the licence table, less the variants curated groups hold.

    A deployment's ``synonyms.toml`` may give a name to another item (身份证 → 公民身份号码): the
    curated group wins and the derived variant is left out.
    """
    taken = dict(curated.normalised())
    taken.update({normalise(item): normalise(item) for item in curated.groups})
    kept = {}
    for item, variants in groups.items():
        target = normalise(item)
        kept[item] = tuple(v for v in variants if taken.get(normalise(v), target) == target)
    return SynonymTable(MappingProxyType(kept))


def load_base_pack(ref: str | Path = BASE_PACK) -> BaseDataPack:
    """Load the effective base-data pack by reference or directory.

    Raises:
        UnknownPack: When the pack or a parent cannot be found.
        PackError: When a file is inconsistent.
    """
    path = Path(ref) if isinstance(ref, Path) else None
    if isinstance(ref, str) and ("/" in ref or ref.startswith(".")) and Path(ref).is_dir():
        path = Path(ref)
    root: Traversable = path if path is not None else default_registry().resolve(str(ref)).root
    databases: dict[str, BaseDatabase] = {}
    synonyms = SynonymTable()
    calendar = WorkingCalendar()
    licences = LicenceCatalog()
    leaf = ""
    for pack_ref, pack_root in _lineage(root):
        leaf = pack_ref
        dbs = _toml(pack_root, "databases.toml", pack_ref)
        if dbs is not None:
            for db in _databases(dbs, pack_root, pack_ref):
                databases[db.id] = db
        syn = _toml(pack_root, "synonyms.toml", pack_ref)
        if syn is not None:
            synonyms = synonyms.merged(_synonyms(syn, pack_ref))
        holidays = pack_root / "holidays.toml"
        if holidays.is_file():
            text = holidays.read_text(encoding="utf-8")
            calendar = calendar.with_years(parse_calendar(text, source=f"{pack_ref}/holidays.toml"))
        licence_file = pack_root / LICENCE_FILE
        if licence_file.is_file():
            licences = licences.merged(
                parse_licences(licence_file.read_text(encoding="utf-8"), pack_ref)
            )
    if not databases:
        raise PackError(leaf, "databases.toml", "no base database is defined along the lineage")
    if licences.types:
        check_catalog(licences, leaf)
        if licences.database not in databases:
            raise PackError(leaf, LICENCE_FILE, f"no base database {licences.database!r}")
        synonyms = synonyms.merged(_derived(licences.synonyms(), synonyms))
    synonyms.normalised()
    return BaseDataPack(leaf, tuple(databases.values()), synonyms, calendar, licences)


def base_entries(pack: BaseDataPack) -> list[CatalogEntry]:
    """The index entries of the pack's base catalogs (ids ``base:<database id>``).

    The database the licence types belong to gets one resource per type after its catalog's
    own; its version then names the licence table's digest too, so that a changed table is
    re-indexed by a persisted index.
    """
    out = []
    for db, catalog in pack.iter_catalogs():
        entry = catalog_entry(
            catalog,
            catalog_id=f"base:{db.id}",
            role=CatalogRole.BASE,
            database=db.id,
            database_name=db.name,
        )
        if pack.licences.types and db.id == pack.licences.database:
            entry = replace(
                entry,
                version=f"{entry.version}+licences.{pack.licences.digest()}",
                resources=(*entry.resources, *pack.licences.resources()),
            )
        out.append(entry)
    return out


def build_index(
    pack: BaseDataPack | None = None, catalogs: Iterable[CatalogEntry] = ()
) -> ResolveIndex:
    """An index over the base catalogs and, optionally, department catalogs (供需对接).

    Args:
        pack: The base-data pack; by default the shipped one.
        catalogs: Department catalogs to index as well (see
            :func:`~govcatalog.resolve.model.catalog_entry`).
    """
    from govcatalog.resolve.index import ResolveIndex  # noqa: PLC0415 - the resolve extra

    the_pack = pack if pack is not None else load_base_pack()
    index = ResolveIndex(the_pack.synonyms.normalised())
    for entry in (*base_entries(the_pack), *catalogs):
        index.update(entry)
    return index
