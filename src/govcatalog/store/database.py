"""Opening a store: URL resolution, engine settings per dialect, and migrations."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

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


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine with the settings govcatalog relies on for each dialect."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (``alembic upgrade heads``) on ``engine``."""
    script = files("govcatalog") / "store" / "migrations"
    with as_file(script) as path, engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(path))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


@dataclass(frozen=True)
class Database:
    """An open, migrated store.

    Attributes:
        url: The SQLAlchemy URL.
        engine: The engine.
    """

    url: str
    engine: Engine

    def session(self) -> Session:
        """A new session (use as a context manager)."""
        return sessionmaker(self.engine, expire_on_commit=False)()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the store at ``url`` (default: :func:`default_url`)."""
    the_url = url or default_url()
    engine = create_store_engine(the_url)
    if upgrade:
        migrate(engine)
    return Database(the_url, engine)
