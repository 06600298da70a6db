"""Catalog version history: catalogs and their immutable, content-hashed versions.

Revision ID: history_0001
Revises: 0001_base
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "history_0001"
down_revision = "0001_base"
branch_labels = ("history",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gc_catalogs",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_catalogs"),
        sa.UniqueConstraint("name", name="uq_gc_catalogs_name"),
    )
    op.create_table(
        "gc_catalog_versions",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("catalog_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(200), nullable=True),
        sa.Column("resource_count", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_catalog_versions"),
        sa.ForeignKeyConstraint(
            ["catalog_id"],
            ["gc_catalogs.id"],
            name="fk_gc_catalog_versions_catalog_id_gc_catalogs",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("catalog_id", "number", name="uq_gc_catalog_versions_catalog_id"),
    )
    op.create_index(
        "ix_gc_catalog_versions_catalog_id", "gc_catalog_versions", ["catalog_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_gc_catalog_versions_catalog_id", table_name="gc_catalog_versions")
    op.drop_table("gc_catalog_versions")
    op.drop_table("gc_catalogs")
