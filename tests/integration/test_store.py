"""The store opens and migrates on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from importlib.resources import as_file, files

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
