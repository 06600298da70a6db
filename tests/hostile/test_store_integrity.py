"""Stores under attack and under load: tampered rows are caught, never answered from;
eight processes opening one empty database at once all succeed or fail cleanly."""

from __future__ import annotations

import json
import multiprocessing
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, update
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.errors import IndexDamaged
from govcatalog.model.enums import ShareType
from govcatalog.packs.published import AlreadyPublished, PackStore
from govcatalog.resolve import CatalogEntry, CatalogRole, ItemSpec, ResourceSpec
from govcatalog.resolve.index_store import (
    IndexStore,
    ResolveCatalog,
    ResolveItem,
    ResolveResource,
)
from govcatalog.store import open_database
from govcatalog.store.history import History, HistoryError, VersionRow
from tests.helpers import resource, write_catalog

_register()
runner = CliRunner()
PROCESSES = 8
STANDARDS = Path(__file__).resolve().parents[2] / "standards"


def _entry(version: str = "1", share: ShareType = ShareType.NOT_SHARED) -> CatalogEntry:
    spec = ResourceSpec(
        "301001/000001", "婚姻登记信息", share, None, "民政局", (ItemSpec("婚姻状况"),)
    )
    return CatalogEntry("民政局", version, CatalogRole.DEPARTMENT, None, None, (spec,))


@pytest.mark.parametrize(
    "tamper",
    [
        update(ResolveResource).values(share_type=ShareType.UNCONDITIONAL.value),
        update(ResolveItem).values(name="姓名"),
        delete(ResolveItem),
        delete(ResolveResource),
        update(ResolveCatalog).values(database="population"),
        update(ResolveResource).values(share_type="bogus"),
    ],
    ids=["share-type", "item-name", "items-gone", "resources-gone", "catalog-row", "bad-enum"],
)
def test_tampered_index_is_refused(db_url: str, tamper: object) -> None:
    db = open_database(db_url)
    try:
        store = IndexStore(db)
        store.sync(_entry())
        assert store.load() is not None
        with db.session() as session, session.begin():
            session.execute(tamper)  # type: ignore[call-overload]
        with pytest.raises(IndexDamaged, match="damaged"):
            store.load()
        # Syncing the true content again repairs it (the version string is unchanged).
        assert store.repair([_entry()], ["民政局"]) == ("民政局",)
        (entry,) = store.entries()
        assert entry.resources[0].share_type is ShareType.NOT_SHARED
    finally:
        db.dispose()


def test_resync_rewrites_content_changed_under_the_same_version(db_url: str) -> None:
    db = open_database(db_url)
    try:
        store = IndexStore(db)
        store.sync(_entry("1", ShareType.NOT_SHARED))
        stats = store.sync(_entry("1", ShareType.CONDITIONAL))
        assert stats.changed == 1
        (entry,) = store.entries()
        assert entry.resources[0].share_type is ShareType.CONDITIONAL
    finally:
        db.dispose()


def test_resolve_rebuilds_a_damaged_index_of_the_catalogs_it_was_given(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'idx.sqlite'}"
    request = tmp_path / "req.json"
    request.write_text(
        json.dumps(
            {"requester": {"name": "某局"}, "date": "2025-09-26", "items": ["身份证号码"]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    first = runner.invoke(app, ["resolve", str(request), "--database", url, "-f", "json"])
    assert first.exit_code in (0, 1), first.output
    db = open_database(url)
    with db.session() as session, session.begin():
        session.execute(update(ResolveResource).values(share_type="无条件共享"))
    db.dispose()
    again = runner.invoke(app, ["resolve", str(request), "--database", url, "-f", "json"])
    assert again.exit_code == first.exit_code, again.output
    assert "rebuilt the damaged index" in again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_damaged_sqlite_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "idx.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    cat = write_catalog(tmp_path / "c.json", resource())
    result = runner.invoke(
        app, ["history", "add", str(cat), "-c", "x", "--db", f"sqlite:///{path}"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("govcatalog: database error")
    assert result.stderr.count("\n") == 1


def test_history_content_that_is_not_zlib_is_reported(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'h.sqlite'}")
    try:
        history = History(db)
        history.add("city", {"resources": []})
        with db.session() as session, session.begin():
            session.execute(update(VersionRow).values(content=b"not zlib"))
        with pytest.raises(HistoryError, match="does not match its hash"):
            history.document("city")
        with db.session() as session, session.begin():
            session.execute(update(VersionRow).values(content=zlib.compress(b"[1]")))
        with pytest.raises(HistoryError, match="does not match its hash"):
            history.document("city")
    finally:
        db.dispose()


def _history_add(url: str, n: int) -> str:
    db = open_database(url)
    try:
        added = History(db).add(f"city{n % 2}", {"resources": [resource()]}, label=str(n))
        return "created" if added.created else "unchanged"
    finally:
        db.dispose()


def _index_sync(url: str, n: int) -> str:
    db = open_database(url)
    try:
        store = IndexStore(db)
        store.set_synonyms({"身份证号": "公民身份号码"})
        store.sync(_entry(version=str(n % 2)))
        return str(len(store.load()))
    finally:
        db.dispose()


def _publish(url: str, n: int) -> str:
    del n
    store = PackStore(open_database(url))
    try:
        store.publish(STANDARDS / "example-province" / "1.0.0")
        return "published"
    except AlreadyPublished:
        return "already"
    finally:
        store.close()


def _run(job: Callable[[str, int], str], url: str, barrier: Any, n: int, out: Any) -> None:
    barrier.wait(timeout=60)
    try:
        out.put((n, job(url, n)))
    except BaseException as exc:  # reported to the parent, which fails the test
        out.put((n, f"error: {type(exc).__name__}: {exc}"))


def _together(job: Callable[[str, int], str], url: str) -> list[str]:
    """``job`` in PROCESSES processes that start at the same moment."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(PROCESSES)
    out = ctx.Queue()
    procs = [ctx.Process(target=_run, args=(job, url, barrier, n, out)) for n in range(PROCESSES)]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return [results[n] for n in range(PROCESSES)]


def test_eight_processes_on_a_fresh_database(db_url: str) -> None:
    """First use of one empty store by 8 processes at once, then steady state."""
    first = _together(_history_add, db_url)  # the schema is created here, by one of them
    assert sorted(first) == ["created"] * 2 + ["unchanged"] * (PROCESSES - 2), first
    again = _together(_history_add, db_url)
    assert again == ["unchanged"] * PROCESSES, again
    synced = _together(_index_sync, db_url)
    assert synced == [synced[0]] * PROCESSES, synced
    published = _together(_publish, db_url)
    assert sorted(published) == ["already"] * (PROCESSES - 1) + ["published"], published


def test_eight_processes_each_first_to_a_fresh_index(db_url: str) -> None:
    synced = _together(_index_sync, db_url)
    assert synced == [synced[0]] * PROCESSES, synced


def test_eight_processes_publish_first_to_a_fresh_registry(db_url: str) -> None:
    published = _together(_publish, db_url)
    assert sorted(published) == ["already"] * (PROCESSES - 1) + ["published"], published
