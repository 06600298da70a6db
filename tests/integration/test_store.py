"""The store opens and migrates on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import threading
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from govcatalog.store import open_database


def _script_heads() -> set[str]:
    """The heads of the shipped migration scripts, as alembic reads them."""
    with as_file(files("govcatalog") / "store" / "migrations") as path:
        cfg = Config()
        cfg.set_main_option("script_location", str(path))
        return set(ScriptDirectory.from_config(cfg).get_heads())


def _state(engine: Engine) -> tuple[set[str], set[str], dict[str, list[str]]]:
    """Tables, applied revisions and each table's columns."""
    insp = inspect(engine)
    tables = set(insp.get_table_names())
    columns = {t: sorted(c["name"] for c in insp.get_columns(t)) for t in tables}
    with engine.connect() as conn:
        versions = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return tables, versions, columns


def test_open_and_migrate_creates_tables(db_url: str) -> None:
    db = open_database(db_url)
    try:
        tables, versions, columns = _state(db.engine)
        assert {"gc_store_info", "alembic_version"} <= tables
        assert columns["gc_store_info"] == ["key", "value"]
        assert versions == _script_heads()  # every branch at its head
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO gc_store_info (key, value) VALUES ('probe', 'kept')"))
        # migrating twice is a no-op: same tables, columns and revisions, the data kept
        again = open_database(db_url)
        try:
            assert _state(again.engine) == (tables, versions, columns)
            with again.engine.connect() as conn:
                rows = conn.execute(text("SELECT key, value FROM gc_store_info")).all()
            assert [tuple(r) for r in rows] == [("probe", "kept")]
        finally:
            again.dispose()
    finally:
        db.dispose()


def test_a_fresh_sqlite_file_locked_by_another_writer_is_opened_once_it_is_free(
    tmp_path: Path,
) -> None:
    """SQLite refuses the switch to WAL at once while a writer holds a rollback-mode file.

    Several processes opening one fresh store meet this; the store waits for the lock
    instead of failing with "database is locked".
    """
    path = tmp_path / "fresh.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE held (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO held VALUES (1)")
    with pytest.raises(sqlite3.OperationalError, match="locked"):  # what SQLite itself does
        sqlite3.connect(path, timeout=5).execute("PRAGMA journal_mode=WAL")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        db = open_database(f"sqlite:///{path}")
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert "alembic_version" in inspect(db.engine).get_table_names()
        db.dispose()
    finally:
        release.join()
        holder.close()
