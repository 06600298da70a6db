"""Eight publishers of the same version at once, against PostgreSQL: one wins, seven get 409."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcatalog.packs.content import content_hash, pack_files
from govcatalog.packs.published import PackStore
from govcatalog.store import open_database
from govcatalog.store.access import AccessStore
from tests.conftest import _postgres_url
from tests.service.conftest import Service, httpx, start_service
from tests.service.packs import pack_folder, zipped

CLIENTS = 8


@pytest.fixture
def pg_service(tmp_path: Path) -> Iterator[Service]:
    """A service on a private schema of the PostgreSQL test database."""
    url = _postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server reachable (set GOVCATALOG_TEST_PG_URL)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield from start_service(
            f"{url}{sep}options=-csearch_path%3D{schema}",
            tmp_path,
            *("--workers", "2", "--threads", str(CLIENTS)),
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.postgres
def test_eight_concurrent_publishes_of_one_version(pg_service: Service, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path, "race-pack", "1.0.0")
    body = zipped(folder)
    tokens = [pg_service.token(f"publisher-{i}", "publish:race-pack") for i in range(CLIENTS)]
    start = threading.Barrier(CLIENTS)
    statuses: list[int] = []
    lock = threading.Lock()

    def publish(token: str) -> None:
        with httpx.Client(base_url=pg_service.url, timeout=120) as http:
            start.wait()
            r = http.post(
                "/packs",
                content=body,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/zip"},
            )
        with lock:
            statuses.append(r.status_code)

    threads = [threading.Thread(target=publish, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(statuses) == [201] + [409] * (CLIENTS - 1), statuses
    db = open_database(pg_service.db_url)
    try:
        store = PackStore(db)
        (published,) = store.versions("race-pack")
        # nothing corrupt: the stored files read back whole and equal what was sent
        assert store.files("race-pack", "1.0.0") == pack_files(folder)
        assert published.content_hash == content_hash(pack_files(folder))
        log = [w for w in AccessStore(db).writes(100) if w.action == "publish"]
    finally:
        db.dispose()
    assert sorted(w.status for w in log) == sorted(statuses)
    assert {w.actor for w in log} == {f"publisher-{i}" for i in range(CLIENTS)}
    with httpx.Client(base_url=pg_service.url) as http:
        assert http.get("/health").json()["store"] == "postgresql"
        assert http.get("/packs/race-pack").json()["versions"][0]["version"] == "1.0.0"
