"""Pack registry: published pack versions and their files.

Revision ID: registry_0001
Revises: 0001_base
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "registry_0001"
down_revision = "0001_base"
branch_labels = ("registry",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gc_pack_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_id", sa.String(128), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("major", sa.Integer, nullable=False),
        sa.Column("minor", sa.Integer, nullable=False),
        sa.Column("patch", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("extends", sa.String(160), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_pack_versions"),
        sa.UniqueConstraint("pack_id", "version", name="uq_gc_pack_versions_ref"),
    )
    op.create_index("ix_gc_pack_versions_pack_id", "gc_pack_versions", ["pack_id"])
    op.create_table(
        "gc_pack_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_version_id", sa.Integer, nullable=False),
        sa.Column("path", sa.String(256), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_pack_files"),
        sa.ForeignKeyConstraint(
            ["pack_version_id"],
            ["gc_pack_versions.id"],
            name="fk_gc_pack_files_pack_version_id_gc_pack_versions",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_gc_pack_files_pack_version_id", "gc_pack_files", ["pack_version_id"])


def downgrade() -> None:
    op.drop_index("ix_gc_pack_files_pack_version_id", "gc_pack_files")
    op.drop_table("gc_pack_files")
    op.drop_index("ix_gc_pack_versions_pack_id", "gc_pack_versions")
    op.drop_table("gc_pack_versions")
