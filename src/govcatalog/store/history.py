"""Catalog version history: immutable, content-hashed versions of each catalog.

A version is the canonical JSON document of a catalog (``Catalog.to_json_dict()``
form), serialised with sorted keys, hashed with SHA-256 and stored compressed. A
version is written in one transaction: the catalog row (when new) and the version
row are committed together or not at all. Versions are never updated; adding a
document identical to the latest version returns that version instead of a copy.

Each version has an *effective* date — the day it came into force (given, else the
catalog's own ``issued`` date, else the day it was added) — so that "the catalog as
it stood on a date" is the latest version effective on or before that date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column

from govcatalog.errors import HistoryError
from govcatalog.store.base import Base
from govcatalog.store.database import Database

_ATTEMPTS = 8
"""Tries of one history write that lost a race with a concurrent writer."""


class CatalogRow(Base):
    """A catalog whose versions are kept (``gc_catalogs``)."""

    __tablename__ = "gc_catalogs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class VersionRow(Base):
    """One immutable version of a catalog (``gc_catalog_versions``)."""

    __tablename__ = "gc_catalog_versions"
    __table_args__ = (UniqueConstraint("catalog_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    catalog_id: Mapped[int] = mapped_column(
        ForeignKey("gc_catalogs.id", ondelete="CASCADE"), nullable=False, index=True
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    effective: Mapped[dt.date] = mapped_column(Date, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    label: Mapped[str | None] = mapped_column(String(200), nullable=True)
    resource_count: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


@dataclass(frozen=True, slots=True)
class CatalogVersion:
    """Facts about one stored version.

    Attributes:
        catalog: The catalog's name.
        number: Version number (1, 2, …) within the catalog.
        sha256: SHA-256 of the canonical serialisation.
        effective: The day the version came into force.
        created_at: When it was stored (UTC).
        label: Free label (e.g. the catalog's own version string).
        resource_count: Number of resources.
    """

    catalog: str
    number: int
    sha256: str
    effective: dt.date
    created_at: dt.datetime
    label: str | None
    resource_count: int

    @property
    def ref(self) -> str:
        """``catalog@vN``."""
        return f"{self.catalog}@v{self.number}"


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of :meth:`History.add`.

    Attributes:
        version: The version stored (or the identical latest one).
        created: False when the document equalled the latest version.
    """

    version: CatalogVersion
    created: bool


def serialise(document: Mapping[str, Any]) -> bytes:
    """The canonical serialisation that is hashed: sorted keys, no spaces, UTF-8."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def content_hash(document: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a document's canonical serialisation."""
    return hashlib.sha256(serialise(document)).hexdigest()


def _facts(catalog: str, row: VersionRow) -> CatalogVersion:
    created = row.created_at
    if created.tzinfo is None:  # SQLite returns naive datetimes
        created = created.replace(tzinfo=dt.UTC)
    return CatalogVersion(
        catalog, row.number, row.sha256, row.effective, created, row.label, row.resource_count
    )


def _verify(session: Session, row: VersionRow) -> None:
    """Read the version back inside the transaction and check its hash before committing."""
    stored = session.get(VersionRow, row.id)
    if stored is None or hashlib.sha256(zlib.decompress(stored.content)).hexdigest() != row.sha256:
        raise HistoryError(f"version {row.number} did not read back intact")


def _effective(document: Mapping[str, Any], given: dt.date | None, now: dt.datetime) -> dt.date:
    if given is not None:
        return given
    issued = (document.get("catalog") or {}).get("issued")
    if isinstance(issued, str):
        try:
            return dt.date.fromisoformat(issued)
        except ValueError:
            pass
    return now.date()


class History:
    """Versions of catalogs kept in a store.

    Args:
        db: An open, migrated store (:func:`govcatalog.store.open_database`).
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        catalog: str,
        document: Mapping[str, Any],
        *,
        effective: dt.date | None = None,
        label: str | None = None,
    ) -> Added:
        """Store a new version of ``catalog`` (created on first use), atomically.

        Args:
            catalog: The catalog's name, e.g. ``city-x``.
            document: The canonical JSON document of the version.
            effective: The day it comes into force (default: its ``issued`` date, else today).
            label: A free label (default: the catalog's own ``version``).

        Raises:
            HistoryError: When the write fails (nothing is stored then).
        """
        raw = serialise(document)
        digest = hashlib.sha256(raw).hexdigest()
        now = dt.datetime.now(dt.UTC)
        info = document.get("catalog") or {}
        the_label = label if label is not None else info.get("version")
        # Writers that start together race for the catalog row and the next number;
        # the loser's transaction rolls back whole and is tried again on what the
        # winner stored (then it is "unchanged", or the number after the winner's).
        for attempt in range(_ATTEMPTS):
            try:
                return self._add(catalog, raw, digest, document, effective, the_label, now)
            except (IntegrityError, OperationalError) as exc:
                if attempt == _ATTEMPTS - 1:
                    detail = str(getattr(exc, "orig", exc)).split("\n", 1)[0]
                    msg = f"could not store a version of {catalog!r}: {detail}"
                    raise HistoryError(msg) from None
                time.sleep(0.05 * (attempt + 1) + random.random() * 0.05)  # noqa: S311
        raise AssertionError  # pragma: no cover - the loop returns or raises

    def _add(
        self,
        catalog: str,
        raw: bytes,
        digest: str,
        document: Mapping[str, Any],
        effective: dt.date | None,
        the_label: object,
        now: dt.datetime,
    ) -> Added:
        with self.db.write_session() as session, session.begin():
            row = session.scalars(select(CatalogRow).where(CatalogRow.name == catalog)).first()
            if row is None:
                row = CatalogRow(name=catalog, created_at=now)
                session.add(row)
                session.flush()
            latest = session.scalars(
                select(VersionRow)
                .where(VersionRow.catalog_id == row.id)
                .order_by(VersionRow.number.desc())
                .limit(1)
            ).first()
            if latest is not None and latest.sha256 == digest:
                return Added(_facts(catalog, latest), created=False)
            version = VersionRow(
                catalog_id=row.id,
                number=(latest.number if latest else 0) + 1,
                sha256=digest,
                effective=_effective(document, effective, now),
                created_at=now,
                label=None if the_label is None else str(the_label),
                resource_count=len(document.get("resources") or ()),
                content=zlib.compress(raw, 6),
            )
            session.add(version)
            session.flush()
            _verify(session, version)
            return Added(_facts(catalog, version), created=True)

    def catalogs(self) -> tuple[str, ...]:
        """Names of the catalogs with stored versions, sorted."""
        with self.db.session() as session:
            return tuple(session.scalars(select(CatalogRow.name).order_by(CatalogRow.name)))

    def _catalog_id(self, session: Session, catalog: str) -> int:
        found = session.scalars(select(CatalogRow.id).where(CatalogRow.name == catalog)).first()
        if found is None:
            raise HistoryError(f"no catalog {catalog!r} in the store")
        return found

    def versions(self, catalog: str) -> tuple[CatalogVersion, ...]:
        """Every version of ``catalog``, oldest first.

        Raises:
            HistoryError: When the catalog is unknown.
        """
        with self.db.session() as session:
            cid = self._catalog_id(session, catalog)
            rows = session.scalars(
                select(VersionRow).where(VersionRow.catalog_id == cid).order_by(VersionRow.number)
            )
            return tuple(_facts(catalog, r) for r in rows)

    def _row(self, session: Session, catalog: str, number: int | None) -> VersionRow:
        cid = self._catalog_id(session, catalog)
        query = select(VersionRow).where(VersionRow.catalog_id == cid)
        if number is None:
            query = query.order_by(VersionRow.number.desc()).limit(1)
        else:
            query = query.where(VersionRow.number == number)
        row = session.scalars(query).first()
        if row is None:
            which = "no versions" if number is None else f"no version {number}"
            raise HistoryError(f"catalog {catalog!r} has {which}")
        return row

    def get(self, catalog: str, number: int | None = None) -> CatalogVersion:
        """One version (default: the latest).

        Raises:
            HistoryError: When the catalog or version is unknown.
        """
        with self.db.session() as session:
            return _facts(catalog, self._row(session, catalog, number))

    def at(self, catalog: str, day: dt.date) -> CatalogVersion:
        """The version in force on ``day``: the latest effective on or before it.

        Raises:
            HistoryError: When no version was in force then.
        """
        with self.db.session() as session:
            cid = self._catalog_id(session, catalog)
            row = session.scalars(
                select(VersionRow)
                .where(VersionRow.catalog_id == cid, VersionRow.effective <= day)
                .order_by(VersionRow.effective.desc(), VersionRow.number.desc())
                .limit(1)
            ).first()
            if row is None:
                raise HistoryError(f"no version of {catalog!r} was in force on {day.isoformat()}")
            return _facts(catalog, row)

    def document(self, catalog: str, number: int | None = None) -> dict[str, Any]:
        """The canonical JSON document of a version, checked against its hash.

        Raises:
            HistoryError: When the version is unknown or its content is damaged.
        """
        with self.db.session() as session:
            row = self._row(session, catalog, number)
            damaged = HistoryError(
                f"{catalog}@v{row.number}: stored content does not match its hash"
            )
            try:
                raw = zlib.decompress(row.content)
            except (zlib.error, TypeError):
                raise damaged from None
            if hashlib.sha256(raw).hexdigest() != row.sha256:
                raise damaged
            try:
                data = json.loads(raw)
            except (ValueError, RecursionError):
                raise damaged from None
            if not isinstance(data, dict):
                raise damaged
            return data

    def count(self, catalog: str) -> int:
        """Number of versions of ``catalog`` (0 when unknown)."""
        with self.db.session() as session:
            found = session.scalars(select(CatalogRow.id).where(CatalogRow.name == catalog)).first()
            if found is None:
                return 0
            total = session.scalar(
                select(func.count()).select_from(VersionRow).where(VersionRow.catalog_id == found)
            )
            return int(total or 0)
