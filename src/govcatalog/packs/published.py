"""Publishing packs to a registry database, and reading them back.

:class:`PackStore` keeps published pack versions in the store (SQLite by default,
PostgreSQL by URL; ``$GOVCATALOG_REGISTRY_URL``). Publishing checks the pack, checks
compatibility with the versions already published and writes all files in one
transaction; a version, once published, never changes, and its content hash is checked
on every read. Only its status moves on (:meth:`PackStore.set_status`), recorded
beside it with its history. The published packs serve as a pack root (:meth:`PackStore.root`) for a
:class:`~govcatalog.packs.registry.PackRegistry`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from govcatalog.errors import (
    AlreadyPublished,
    PackIntegrityError,
    PublishError,
    StatusChangeError,
)
from govcatalog.packs.compat import CompatMode, CompatReport, check_compat
from govcatalog.packs.content import content_hash, inside, pack_files
from govcatalog.packs.lifecycle import transition_problem
from govcatalog.packs.memtree import MemoryTree
from govcatalog.packs.pack import Pack, PackStatus
from govcatalog.packs.registry import REGISTRY_URL_VARIABLE, PackRegistry
from govcatalog.packs.versions import PackRef, Version, check_pack_id
from govcatalog.store.database import Database, default_url, open_database
from govcatalog.store.registry import PackFileRow, PackStatusRow, PackVersionRow


def registry_url() -> str:
    """``$GOVCATALOG_REGISTRY_URL``, else the default store URL."""
    return os.environ.get(REGISTRY_URL_VARIABLE) or default_url()


@dataclass(frozen=True, slots=True)
class PublishedPack:
    """A published pack version.

    Attributes:
        id: Pack id.
        version: Version.
        status: Current lifecycle status: the last change recorded, else its manifest's.
        extends: Parent reference, or None.
        content_hash: Hash over its files (see :func:`content_hash`).
        published_at: When it was published (UTC).
    """

    id: str
    version: Version
    status: str
    extends: str | None
    content_hash: str
    published_at: dt.datetime

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One recorded status change of a published version.

    Attributes:
        ref: ``id@version``.
        old: Status before.
        new: Status after.
        changed_at: When it was recorded (UTC).
    """

    ref: str
    old: PackStatus
    new: PackStatus
    changed_at: dt.datetime


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _published(row: PackVersionRow, status: str | None = None) -> PublishedPack:
    try:
        check_pack_id(row.pack_id)
        version = Version.parse(row.version)
    except ValueError as exc:
        msg = f"the registry holds a damaged row (id {row.pack_id!r}): {exc}"
        raise PackIntegrityError(msg) from None
    if version != Version(row.major, row.minor, row.patch):
        msg = f"the registry holds a damaged row: {row.pack_id}@{row.version} disagrees with itself"
        raise PackIntegrityError(msg)
    return PublishedPack(
        row.pack_id,
        version,
        status or row.status,
        row.extends,
        row.content_hash,
        row.published_at,
    )


class PackStore:
    """The registry database of published packs.

    Args:
        db: An open, migrated store.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, url: str | None = None) -> PackStore:
        """Open (and migrate) the registry at ``url`` (default :func:`registry_url`)."""
        return cls(open_database(url or registry_url()))

    def close(self) -> None:
        """Release the database connections."""
        self.db.dispose()

    # ------------------------------------------------------------------ reading
    def versions(self, pack_id: str | None = None) -> tuple[PublishedPack, ...]:
        """Published versions (of one pack, or all), sorted by id then version.

        Rows that are not a valid id and version (a damaged or edited registry) are
        left out.
        """
        query = select(PackVersionRow)
        if pack_id is not None:
            query = query.where(PackVersionRow.pack_id == pack_id)
        changes = select(PackStatusRow).order_by(PackStatusRow.id)
        with self.db.session() as session:
            rows = session.scalars(query).all()
            current = {c.pack_version_id: c.status for c in session.scalars(changes)}
            found = []
            for r in rows:
                try:
                    found.append(_published(r, current.get(r.id)))
                except PackIntegrityError:
                    continue
        return tuple(sorted(found, key=lambda p: (p.id, p.version)))

    def statuses(self) -> dict[str, PackStatus]:
        """The current status of every published version, by ``id@version``."""
        return {p.ref: PackStatus(p.status) for p in self.versions()}

    def status_history(self, pack_id: str, version: Version | str) -> tuple[StatusChange, ...]:
        """The recorded status changes of one published version, oldest first."""
        ref = f"{pack_id}@{version}"
        with self.db.session() as session:
            rows = session.scalars(
                select(PackStatusRow)
                .join(PackVersionRow, PackStatusRow.pack_version_id == PackVersionRow.id)
                .where(PackVersionRow.pack_id == pack_id, PackVersionRow.version == str(version))
                .order_by(PackStatusRow.id)
            ).all()
            return tuple(
                StatusChange(
                    ref, PackStatus(r.old_status), PackStatus(r.status), _utc(r.changed_at)
                )
                for r in rows
            )

    def set_status(self, pack_id: str, version: Version | str, status: PackStatus) -> StatusChange:
        """Record a status change of a published version; its files stay as they are.

        Raises:
            LookupError: When the version is not published.
            StatusChangeError: When the change is not an allowed transition.
        """
        ref = f"{pack_id}@{version}"
        with self.db.write_session() as session, session.begin():
            row = session.scalars(
                select(PackVersionRow)
                .where(PackVersionRow.pack_id == pack_id, PackVersionRow.version == str(version))
                .with_for_update()
            ).one_or_none()
            if row is None:
                msg = f"{ref} is not published"
                raise LookupError(msg)
            last = session.scalars(
                select(PackStatusRow.status)
                .where(PackStatusRow.pack_version_id == row.id)
                .order_by(PackStatusRow.id.desc())
                .limit(1)
            ).first()
            old = PackStatus(last or row.status)
            problem = transition_problem(old, status)
            if problem is not None:
                msg = f"cannot make {ref} {status.value}: {problem}"
                raise StatusChangeError(msg)
            now = dt.datetime.now(dt.UTC)
            session.add(
                PackStatusRow(
                    pack_version_id=row.id,
                    old_status=old.value,
                    status=status.value,
                    changed_at=now,
                )
            )
        return StatusChange(ref, old, status, now)

    def files(self, pack_id: str, version: Version | str) -> dict[str, bytes]:
        """The files of one published version, checked against its content hash.

        Raises:
            LookupError: When the version is not published.
            PackIntegrityError: When the files do not match the recorded hash.
        """
        with self.db.session() as session:
            row = session.scalars(
                select(PackVersionRow)
                .options(selectinload(PackVersionRow.files))
                .where(PackVersionRow.pack_id == pack_id, PackVersionRow.version == str(version))
            ).one_or_none()
            if row is None:
                msg = f"{pack_id}@{version} is not published"
                raise LookupError(msg)
            files = {f.path: bytes(f.content) for f in row.files}
            expected = row.content_hash
        if content_hash(files) != expected:
            msg = f"{pack_id}@{version}: content does not match its published hash"
            raise PackIntegrityError(msg)
        return files

    def root(self) -> MemoryTree:
        """Every published version as a pack root ``<id>/<version>/…`` (hashes checked)."""
        tree: dict[str, bytes] = {}
        for p in self.versions():
            try:
                files = self.files(p.id, p.version)
            except PackIntegrityError:
                # One damaged version must not make every other pack unusable: it is
                # left out (asking for it names it as unknown; ``files`` says why).
                continue
            for path, data in files.items():
                tree[f"{p.id}/{p.version}/{path}"] = data
        return MemoryTree(tree, "registry")

    def export(self, dest: Path) -> list[Path]:
        """Write every published version to ``dest/<id>/<version>/`` and list the folders."""
        written: list[Path] = []
        for p in self.versions():
            files = self.files(p.id, p.version)
            folder = inside(dest, f"{p.id}/{p.version}")
            for path, data in files.items():
                target = inside(dest, f"{p.id}/{p.version}/{path}")
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.parent.resolve().is_relative_to(dest.resolve()):
                    msg = f"{p.ref}/{path}: leads outside {dest}; refused"
                    raise PublishError(msg)
                target.write_bytes(data)
            written.append(folder)
        return written

    def registry(self, base: PackRegistry | None = None) -> PackRegistry:
        """``base`` (default: the installed packs) that also finds the published packs,
        with their current statuses."""
        return (base or PackRegistry()).with_root(self.origin, self.root(), self.statuses())

    @property
    def origin(self) -> str:
        """How packs from this registry are labelled (the URL without its password)."""
        return "registry:" + make_url(self.db.url).render_as_string(hide_password=True)

    # ------------------------------------------------------------------ publishing
    def check_publish(
        self, pack: Pack, mode: CompatMode = CompatMode.BACKWARD
    ) -> CompatReport | None:
        """Check that ``pack`` may be published; the compatibility report, if any.

        Raises:
            AlreadyPublished: When its version is published already.
            PublishError: When it breaks ``mode`` against the published versions without
                a new major version, or is older than the newest published version.
        """
        history = self.versions(pack.id)
        if any(p.version == pack.version for p in history):
            msg = f"{pack.ref} is published already; published versions never change"
            raise AlreadyPublished(msg)
        older = [p for p in history if p.version < pack.version]
        if not older:
            return None
        registry = self.registry()
        olds = [registry.load(PackRef.parse(p.ref)) for p in older]
        report = check_compat(pack, olds, mode)
        previous = max(p.version for p in older)
        if report.violations and pack.version.major == previous.major:
            why = "; ".join(str(v) for v in report.violations)
            msg = (
                f"{pack.ref} breaks {mode.value.upper()} compatibility with {previous} "
                f"and needs a new major version: {why}"
            )
            raise PublishError(msg)
        return report

    def publish(
        self,
        root: Traversable,
        *,
        registry: PackRegistry | None = None,
        mode: CompatMode = CompatMode.BACKWARD,
        allow_draft: bool = False,
    ) -> PublishedPack:
        """Check and publish the pack in ``root``; all its files or nothing.

        Args:
            root: The pack directory.
            registry: Where its parents are found (default: installed + published).
            mode: Compatibility to keep with the versions already published.
            allow_draft: Publish it even when its status is ``draft``.

        Raises:
            PackError: When the pack is inconsistent.
            AlreadyPublished: When another publisher won, or the version exists.
            PublishError: When compatibility forbids it, or it is a draft and
                ``allow_draft`` is false.
        """
        pack = (registry or self.registry()).load_path(root)
        if pack.status is PackStatus.DRAFT and not allow_draft:
            msg = (
                f'{pack.ref} is a draft; set status = "active" in pack.toml, '
                "or publish it as a draft with --allow-draft"
            )
            raise PublishError(msg)
        self.check_publish(pack, mode)
        files = pack_files(root)
        row = PackVersionRow(
            pack_id=pack.id,
            version=str(pack.version),
            major=pack.version.major,
            minor=pack.version.minor,
            patch=pack.version.patch,
            status=pack.status.value,
            extends=pack.extends,
            content_hash=content_hash(files),
            published_at=dt.datetime.now(dt.UTC),
            files=[
                PackFileRow(path=p, sha256=hashlib.sha256(b).hexdigest(), content=b)
                for p, b in sorted(files.items())
            ],
        )
        try:
            with self.db.write_session() as session, session.begin():
                session.add(row)
        except IntegrityError:
            msg = f"{pack.ref} is published already (another publisher was first)"
            raise AlreadyPublished(msg) from None
        return _published(row)
