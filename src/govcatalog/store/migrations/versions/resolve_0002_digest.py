"""Resolver index: a digest per catalog over its resources' digests.

Revision ID: resolve_0002
Revises: resolve_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "resolve_0002"
down_revision = "resolve_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gc_resolve_catalog") as batch:
        batch.add_column(sa.Column("digest", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("gc_resolve_catalog") as batch:
        batch.drop_column("digest")
