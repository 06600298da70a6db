"""Opening a store: URL resolution, engine settings per dialect, and migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

URL_VARIABLE = "GOVCATALOG_DATABASE_URL"
"""Environment variable naming the database (any SQLAlchemy URL)."""


def default_url() -> str:
    """The store URL: ``$GOVCATALOG_DATABASE_URL``, else an SQLite file in the data folder."""
    url = os.environ.get(URL_VARIABLE)
    if url:
        return url
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "govcatalog"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'govcatalog.sqlite'}"


_WAL_SWITCH_SECONDS = 30.0
"""How long a new connection keeps trying to switch a fresh file to WAL while others hold it."""


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database in WAL mode, waiting while another connection holds a lock.

    SQLite answers ``PRAGMA journal_mode=WAL`` with "database is locked" at once, without
    the busy handler, when another connection holds a lock on a file still in rollback
    mode: several processes opening one fresh file together meet exactly that. The mode
    is kept in the file, so once one of them has switched, the others find ``wal`` and
    write nothing.
    """
    deadline = time.monotonic() + _WAL_SWITCH_SECONDS
    pause = 0.005
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    _switch_to_wal(cursor)
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine with the settings govcatalog relies on for each dialect."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


_MIGRATION_LOCK = 0x676F7663  # "govc": the advisory lock key that serialises migrations


def _begin_immediate(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _no_implicit_transactions(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]


def _locking_engine(engine: Engine) -> Engine:
    """``engine`` itself, or for SQLite one whose transactions take the write lock at once.

    pysqlite starts a transaction late and deferred, and runs DDL outside transactions:
    two processes opening an empty file at once would both create the tables, and two
    writers that read first fail when they upgrade to writing. A ``BEGIN IMMEDIATE``
    transaction takes the write lock as it begins, so the second waits for the first
    (SQLAlchemy's recipe for pysqlite transactions).
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine
    locked = create_engine(engine.url, connect_args={"timeout": 60}, poolclass=NullPool)
    event.listen(locked, "connect", _sqlite_pragmas)
    event.listen(locked, "connect", _no_implicit_transactions)
    event.listen(locked, "begin", _begin_immediate)
    return locked


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (``alembic upgrade heads``) on ``engine``.

    Safe when several processes open an empty store at once: on PostgreSQL the
    migration holds a transaction-scoped advisory lock, on SQLite a write lock, so one
    process creates the schema and the others find it done.
    """
    script = files("govcatalog") / "store" / "migrations"
    target = _locking_engine(engine)
    try:
        with as_file(script) as path, target.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            cfg = Config()
            cfg.set_main_option("script_location", str(path))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    finally:
        if target is not engine:
            target.dispose()


@dataclass(frozen=True)
class Database:
    """An open, migrated store.

    Attributes:
        url: The SQLAlchemy URL.
        engine: The engine.
    """

    url: str
    engine: Engine
    writer: Engine | None = None

    def session(self) -> Session:
        """A new session (use as a context manager)."""
        return sessionmaker(self.engine, expire_on_commit=False)()

    def write_session(self) -> Session:
        """A new session for one write transaction (``with db.write_session() as s, s.begin()``).

        On SQLite its transaction takes the write lock as it begins, waiting for a
        concurrent writer, so concurrent writers queue instead of failing midway.
        """
        return sessionmaker(self.writer or self.engine, expire_on_commit=False)()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
        if self.writer is not None:
            self.writer.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the store at ``url`` (default: :func:`default_url`)."""
    the_url = url or default_url()
    engine = create_store_engine(the_url)
    if upgrade:
        migrate(engine)
    writer = _locking_engine(engine)
    return Database(the_url, engine, None if writer is engine else writer)
