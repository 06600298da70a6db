"""The resolver index, persisted: catalogs, resources, items and synonyms in SQL tables.

SQLite by default, PostgreSQL by URL (:func:`govcatalog.store.open_database`). A shared
deployment keeps one store; each process loads it into a
:class:`~govcatalog.resolve.index.ResolveIndex` (:meth:`IndexStore.load`). Updates are
incremental: when a catalog's version changes, only the resources whose content hash changed
are deleted and inserted again (:meth:`IndexStore.sync`).

What is read back is verified: every resource row (with its items) must match the
digest stored with it, and every catalog the digest over its resources, so an edited,
truncated or half-deleted index is never answered from (:class:`IndexDamaged`). A
re-sync compares content digests, not only version strings: a catalog whose content
changed under the same version is written again.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column

from govcatalog.errors import IndexDamaged
from govcatalog.model.enums import ShareType
from govcatalog.resolve.index import ResolveIndex
from govcatalog.resolve.model import (
    CatalogEntry,
    CatalogRole,
    ItemSpec,
    ResourceSpec,
    UpdateStats,
)
from govcatalog.store.base import Base
from govcatalog.store.database import Database


class ResolveCatalog(Base):
    """One indexed catalog version."""

    __tablename__ = "gc_resolve_catalog"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    database: Mapped[str | None] = mapped_column(String(64))
    database_name: Mapped[str | None] = mapped_column(String(200))
    digest: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ResolveResource(Base):
    """One indexed resource with its content hash."""

    __tablename__ = "gc_resolve_resource"
    __table_args__ = (
        ForeignKeyConstraint(["catalog_id"], ["gc_resolve_catalog.id"], ondelete="CASCADE"),
    )

    catalog_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    code: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    share_type: Mapped[str | None] = mapped_column(String(16))
    share_condition: Mapped[str | None] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))


class ResolveItem(Base):
    """One indexed data item."""

    __tablename__ = "gc_resolve_item"
    __table_args__ = (
        ForeignKeyConstraint(
            ["catalog_id", "code"],
            ["gc_resolve_resource.catalog_id", "gc_resolve_resource.code"],
            ondelete="CASCADE",
        ),
    )

    catalog_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    code: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    data_element: Mapped[str | None] = mapped_column(String(200))
    base_item: Mapped[bool | None] = mapped_column(Boolean)
    data_type: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)


class ResolveSynonym(Base):
    """A normalised synonym variant and the normalised item name it stands for."""

    __tablename__ = "gc_resolve_synonym"

    variant: Mapped[str] = mapped_column(String(400), primary_key=True)
    target: Mapped[str] = mapped_column(String(400))


_T = TypeVar("_T")
_ATTEMPTS = 8


def catalog_digest(entry: CatalogEntry, digests: Iterable[str]) -> str:
    """A digest over a catalog's facts and its resources' digests (in code order)."""
    h = hashlib.sha256()
    head = [entry.id, entry.role.value, entry.database or "", entry.database_name or ""]
    h.update("\0".join(head).encode("utf-8"))
    for digest in sorted(digests):
        h.update(b"\n" + digest.encode("ascii"))
    return h.hexdigest()


def _retrying(work: Callable[[], _T]) -> _T:
    """Run one write transaction, again when a concurrent writer won a race."""
    for attempt in range(_ATTEMPTS):
        try:
            return work()
        except (IntegrityError, OperationalError):
            if attempt == _ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1) + random.random() * 0.05)  # noqa: S311
    raise AssertionError  # pragma: no cover - the loop returns or raises


def _resource_rows(
    catalog_id: str, spec: ResourceSpec
) -> tuple[dict[str, object], list[dict[str, object]]]:
    res: dict[str, object] = {
        "catalog_id": catalog_id,
        "code": spec.code,
        "name": spec.name,
        "share_type": spec.share_type.value if spec.share_type else None,
        "share_condition": spec.share_condition,
        "provider": spec.provider,
        "digest": spec.digest(),
    }
    items: list[dict[str, object]] = [
        {
            "catalog_id": catalog_id,
            "code": spec.code,
            "position": position,
            "name": item.name,
            "data_element": item.data_element,
            "base_item": item.base_item,
            "data_type": item.data_type,
            "description": item.description,
        }
        for position, item in enumerate(spec.items)
    ]
    return res, items


class IndexStore:
    """The resolver index in a store database.

    Args:
        db: An open, migrated store (:func:`govcatalog.store.open_database`).
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    def catalogs(self) -> dict[str, str]:
        """Catalog id → stored version."""
        with self.db.session() as session:
            rows = session.execute(select(ResolveCatalog.id, ResolveCatalog.version))
            return {row[0]: row[1] for row in rows}

    def set_synonyms(self, synonyms: Mapping[str, str]) -> None:
        """Replace the stored synonym table."""

        def work() -> None:
            with self.db.write_session() as session, session.begin():
                session.execute(delete(ResolveSynonym))
                if synonyms:
                    rows = [{"variant": v, "target": t} for v, t in sorted(synonyms.items())]
                    session.execute(insert(ResolveSynonym), rows)

        _retrying(work)

    def sync(self, entry: CatalogEntry) -> UpdateStats:
        """Store a catalog version; only resources whose content changed are rewritten.

        A catalog is skipped only when its content digest is the stored one — a new
        content under an unchanged version string is written.
        """
        digests = {spec.code: spec.digest() for spec in entry.resources}

        def work() -> UpdateStats:
            with self.db.write_session() as session, session.begin():
                return self._sync(session, entry, digests)

        return _retrying(work)

    def _sync(self, session: Session, entry: CatalogEntry, digests: dict[str, str]) -> UpdateStats:
        row = session.get(ResolveCatalog, entry.id)
        rows = session.execute(
            select(ResolveResource.code, ResolveResource.digest).where(
                ResolveResource.catalog_id == entry.id
            )
        )
        stored = {row[0]: row[1] for row in rows}
        whole = catalog_digest(entry, digests.values())
        if (
            row is not None
            and row.version == entry.version
            and row.digest == whole
            and stored == digests
        ):
            return UpdateStats(unchanged=len(stored))
        if row is None:
            session.add(
                ResolveCatalog(
                    id=entry.id,
                    version=entry.version,
                    role=entry.role.value,
                    database=entry.database,
                    database_name=entry.database_name,
                    digest=whole,
                )
            )
        else:
            row.version = entry.version
            row.role = entry.role.value
            row.database = entry.database
            row.database_name = entry.database_name
            row.digest = whole
        session.flush()
        wanted = {spec.code: spec for spec in entry.resources}
        stale = sorted(c for c in stored if c not in wanted or stored[c] != digests[c])
        fresh = [s for s in entry.resources if stored.get(s.code) != digests[s.code]]
        if stale:
            cond = (ResolveItem.catalog_id == entry.id) & ResolveItem.code.in_(stale)
            session.execute(delete(ResolveItem).where(cond))
            cond = (ResolveResource.catalog_id == entry.id) & ResolveResource.code.in_(stale)
            session.execute(delete(ResolveResource).where(cond))
        res_rows: list[dict[str, object]] = []
        item_rows: list[dict[str, object]] = []
        for spec in fresh:
            res, items = _resource_rows(entry.id, spec)
            res_rows.append(res)
            item_rows.extend(items)
        if res_rows:
            session.execute(insert(ResolveResource), res_rows)
        if item_rows:
            session.execute(insert(ResolveItem), item_rows)
        changed = sum(1 for s in fresh if s.code in stored)
        return UpdateStats(
            added=len(fresh) - changed,
            changed=changed,
            removed=sum(1 for c in stored if c not in wanted),
            unchanged=len(entry.resources) - len(fresh),
        )

    def remove(self, catalog_id: str) -> UpdateStats:
        """Remove a catalog with its resources and items."""
        with self.db.write_session() as session, session.begin():
            count = len(
                session.execute(
                    select(ResolveResource.code).where(ResolveResource.catalog_id == catalog_id)
                ).all()
            )
            session.execute(delete(ResolveItem).where(ResolveItem.catalog_id == catalog_id))
            session.execute(delete(ResolveResource).where(ResolveResource.catalog_id == catalog_id))
            session.execute(delete(ResolveCatalog).where(ResolveCatalog.id == catalog_id))
        return UpdateStats(removed=count)

    def save(self, index: ResolveIndex) -> dict[str, UpdateStats]:
        """Make the store hold what ``index`` holds (incrementally); per-catalog statistics."""
        self.set_synonyms(index.synonyms)
        out = {entry.id: self.sync(entry) for entry in index.entries()}
        for catalog_id in sorted(set(self.catalogs()) - set(out)):
            out[catalog_id] = self.remove(catalog_id)
        return out

    def entries(self) -> Iterable[CatalogEntry]:
        """The stored catalogs as index entries (ordered by id, code and position).

        Raises:
            IndexDamaged: When rows do not match their digests (edited, deleted, torn).
        """
        with self.db.session() as session:
            catalogs = session.scalars(select(ResolveCatalog).order_by(ResolveCatalog.id)).all()
            resources = session.scalars(
                select(ResolveResource).order_by(ResolveResource.catalog_id, ResolveResource.code)
            ).all()
            items = session.scalars(
                select(ResolveItem).order_by(
                    ResolveItem.catalog_id, ResolveItem.code, ResolveItem.position
                )
            ).all()
        damaged: dict[str, str] = {}
        by_catalog = _resource_specs(resources, items, damaged)
        out = _catalog_entries(catalogs, by_catalog, damaged)
        if damaged:
            ids = tuple(sorted(damaged))
            raise IndexDamaged(ids, damaged[ids[0]])
        return out

    def synonyms(self) -> dict[str, str]:
        """The stored synonym table."""
        with self.db.session() as session:
            rows = session.execute(select(ResolveSynonym.variant, ResolveSynonym.target))
            return {row[0]: row[1] for row in rows}

    def load(self) -> ResolveIndex:
        """Build the in-memory index from the store, verified.

        Raises:
            IndexDamaged: When rows do not match their digests.
        """
        return ResolveIndex.build(self.entries(), self.synonyms())

    def repair(self, entries: Iterable[CatalogEntry], damaged: Iterable[str]) -> tuple[str, ...]:
        """Write the damaged catalogs again from ``entries``; the ids rewritten."""
        given = {e.id: e for e in entries}
        rebuilt = []
        for catalog_id in damaged:
            if catalog_id in given:
                self.remove(catalog_id)
                self.sync(given[catalog_id])
                rebuilt.append(catalog_id)
        return tuple(rebuilt)


def _resource_specs(
    resources: Sequence[ResolveResource], items: Sequence[ResolveItem], damaged: dict[str, str]
) -> dict[str, list[ResourceSpec]]:
    """The resource rows with their items, by catalog; rows that fail their digest are noted."""
    by_resource: dict[tuple[str, str], list[ItemSpec]] = {}
    for it in items:
        by_resource.setdefault((it.catalog_id, it.code), []).append(
            ItemSpec(it.name, it.data_element, it.base_item, it.data_type, it.description)
        )
    by_catalog: dict[str, list[ResourceSpec]] = {}
    for res in resources:
        try:
            spec = ResourceSpec(
                code=res.code,
                name=res.name,
                share_type=ShareType(res.share_type) if res.share_type else None,
                share_condition=res.share_condition,
                provider=res.provider,
                items=tuple(by_resource.pop((res.catalog_id, res.code), ())),
            )
        except ValueError as exc:
            damaged.setdefault(res.catalog_id, f"{res.catalog_id} {res.code}: {exc}")
            continue
        if spec.digest() != res.digest:
            problem = f"resource {res.code} of {res.catalog_id} does not match its digest"
            damaged.setdefault(res.catalog_id, problem)
        by_catalog.setdefault(res.catalog_id, []).append(spec)
    for catalog_id, code in by_resource:  # items whose resource row is gone
        damaged.setdefault(catalog_id, f"items of {code} in {catalog_id} have no resource")
    return by_catalog


def _catalog_entries(
    catalogs: Sequence[ResolveCatalog],
    by_catalog: Mapping[str, list[ResourceSpec]],
    damaged: dict[str, str],
) -> list[CatalogEntry]:
    """The catalog rows as entries; catalogs that fail their digest are noted."""
    known = {cat.id for cat in catalogs}
    for catalog_id in sorted(set(by_catalog) - known):
        damaged.setdefault(catalog_id, f"resources of {catalog_id} have no catalog row")
    out: list[CatalogEntry] = []
    for cat in catalogs:
        try:
            entry = CatalogEntry(
                id=cat.id,
                version=cat.version,
                role=CatalogRole(cat.role),
                database=cat.database,
                database_name=cat.database_name,
                resources=tuple(by_catalog.get(cat.id, ())),
            )
        except ValueError as exc:
            damaged.setdefault(cat.id, f"{cat.id}: {exc}")
            continue
        if cat.id not in damaged:
            whole = catalog_digest(entry, (r.digest() for r in entry.resources))
            if whole != cat.digest:
                damaged[cat.id] = f"catalog {cat.id} does not match its digest"
        out.append(entry)
    return out
