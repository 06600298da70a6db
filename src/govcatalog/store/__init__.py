"""Persistence with SQLAlchemy: SQLite by default, PostgreSQL by URL; Alembic migrations."""

from govcatalog.store.database import Database, default_url, open_database

__all__ = ["Database", "default_url", "open_database"]
