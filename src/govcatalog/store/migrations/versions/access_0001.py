"""Access: bearer tokens (hashed), the write log and pack compatibility modes.

Revision ID: access_0001
Revises: 0001_base
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "access_0001"
down_revision = "0001_base"
branch_labels = ("access",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gc_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("scopes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_tokens"),
        sa.UniqueConstraint("name", name="uq_gc_tokens_name"),
        sa.UniqueConstraint("sha256", name="uq_gc_tokens_sha256"),
    )
    op.create_table(
        "gc_write_log",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(300), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gc_write_log"),
    )
    op.create_table(
        "gc_pack_modes",
        sa.Column("pack_id", sa.String(128), nullable=False),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("pack_id", name="pk_gc_pack_modes"),
    )


def downgrade() -> None:
    op.drop_table("gc_pack_modes")
    op.drop_table("gc_write_log")
    op.drop_table("gc_tokens")
