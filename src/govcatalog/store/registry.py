"""Tables of the pack registry: published pack versions, their files and status changes.

A published version is immutable: its files are stored with their sha256 and a hash
over all of them, checked again whenever the version is read. ``(pack_id, version)``
is unique, so of two publishers of the same version exactly one commits. Its status
(draft, active, superseded, retired) may change after publication: each change is a
row of ``gc_pack_status``, the last one being the current status.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govcatalog.store.base import Base


class PackVersionRow(Base):
    """One published version of a pack."""

    __tablename__ = "gc_pack_versions"
    __table_args__ = (UniqueConstraint("pack_id", "version", name="uq_gc_pack_versions_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pack_id: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    version: Mapped[str] = mapped_column(String(32), nullable=False)
    major: Mapped[int] = mapped_column(Integer, nullable=False)
    minor: Mapped[int] = mapped_column(Integer, nullable=False)
    patch: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    extends: Mapped[str | None] = mapped_column(String(160), nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    files: Mapped[list[PackFileRow]] = relationship(
        back_populates="pack_version", cascade="all, delete-orphan", order_by="PackFileRow.path"
    )


class PackFileRow(Base):
    """One file of a published pack version."""

    __tablename__ = "gc_pack_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pack_version_id: Mapped[int] = mapped_column(
        ForeignKey("gc_pack_versions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    path: Mapped[str] = mapped_column(String(256), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    pack_version: Mapped[PackVersionRow] = relationship(back_populates="files")


class PackStatusRow(Base):
    """One status change of a published pack version (the history is kept)."""

    __tablename__ = "gc_pack_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pack_version_id: Mapped[int] = mapped_column(
        ForeignKey("gc_pack_versions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    old_status: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
