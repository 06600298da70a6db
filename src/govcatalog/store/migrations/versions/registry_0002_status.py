"""Pack registry: status changes of published pack versions.

Revision ID: registry_0002
Revises: registry_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "registry_0002"
down_revision = "registry_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gc_pack_status",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_version_id", sa.Integer, nullable=False),
        sa.Column("old_status", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_pack_status"),
        sa.ForeignKeyConstraint(
            ["pack_version_id"],
            ["gc_pack_versions.id"],
            name="fk_gc_pack_status_pack_version_id_gc_pack_versions",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_gc_pack_status_pack_version_id", "gc_pack_status", ["pack_version_id"])


def downgrade() -> None:
    op.drop_index("ix_gc_pack_status_pack_version_id", "gc_pack_status")
    op.drop_table("gc_pack_status")
