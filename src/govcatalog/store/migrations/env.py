"""Alembic environment: runs on the connection :func:`govcatalog.store.database.migrate` passes."""

from __future__ import annotations

from alembic import context

from govcatalog.store import base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=base.Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
