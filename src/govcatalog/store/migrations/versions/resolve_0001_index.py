"""Resolver index: catalogs, resources, items and synonyms.

Revision ID: resolve_0001
Revises: 0001_base
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "resolve_0001"
down_revision = "0001_base"
branch_labels = ("resolve",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gc_resolve_catalog",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("database", sa.String(64), nullable=True),
        sa.Column("database_name", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gc_resolve_catalog")),
    )
    op.create_table(
        "gc_resolve_resource",
        sa.Column("catalog_id", sa.String(200), nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("share_type", sa.String(16), nullable=True),
        sa.Column("share_condition", sa.Text(), nullable=True),
        sa.Column("provider", sa.Text(), nullable=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("catalog_id", "code", name=op.f("pk_gc_resolve_resource")),
        sa.ForeignKeyConstraint(
            ["catalog_id"],
            ["gc_resolve_catalog.id"],
            name=op.f("fk_gc_resolve_resource_catalog_id_gc_resolve_catalog"),
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "gc_resolve_item",
        sa.Column("catalog_id", sa.String(200), nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("data_element", sa.String(200), nullable=True),
        sa.Column("base_item", sa.Boolean(), nullable=True),
        sa.Column("data_type", sa.String(32), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("catalog_id", "code", "position", name=op.f("pk_gc_resolve_item")),
        sa.ForeignKeyConstraint(
            ["catalog_id", "code"],
            ["gc_resolve_resource.catalog_id", "gc_resolve_resource.code"],
            name=op.f("fk_gc_resolve_item_catalog_id_gc_resolve_resource"),
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "gc_resolve_synonym",
        sa.Column("variant", sa.String(400), nullable=False),
        sa.Column("target", sa.String(400), nullable=False),
        sa.PrimaryKeyConstraint("variant", name=op.f("pk_gc_resolve_synonym")),
    )


def downgrade() -> None:
    op.drop_table("gc_resolve_synonym")
    op.drop_table("gc_resolve_item")
    op.drop_table("gc_resolve_resource")
    op.drop_table("gc_resolve_catalog")
