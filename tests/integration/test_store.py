"""The store opens and migrates on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from sqlalchemy import inspect

from govcatalog.store import open_database


def test_open_and_migrate_creates_tables(db_url: str) -> None:
    db = open_database(db_url)
    try:
        assert "gc_store_info" in inspect(db.engine).get_table_names()
        # migrating twice is a no-op
        open_database(db_url).dispose()
    finally:
        db.dispose()
