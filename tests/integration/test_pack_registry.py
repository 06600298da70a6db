"""The registry store on SQLite and on a real PostgreSQL server: publish, immutability,
concurrent publishers, atomic failure, compatibility on publish, and serving packs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from govcatalog.packs.content import pack_files
from govcatalog.packs.published import (
    AlreadyPublished,
    PackIntegrityError,
    PackStore,
    PublishError,
)
from govcatalog.store import open_database
from govcatalog.store.registry import PackFileRow, PackVersionRow

STANDARDS = Path(__file__).resolve().parents[2] / "standards"


def write_pack(root: Path, version: str, fields: str = "") -> Path:
    folder = root / version
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(
        f'[pack]\nid = "city"\nversion = "{version}"\nstatus = "active"\n'
        'extends = "example-province@^1"\n',
        encoding="utf-8",
    )
    (folder / "fields.toml").write_text(fields, encoding="utf-8")
    return folder


REQUIRE_SCOPE = '[[field]]\nid = "extensions.data_scope"\nrequired = true\n'
ADD_OPTIONAL = '[[field]]\nid = "extensions.note"\nzh = "备注"\nen = "Note"\nkind = "text"\n'


@pytest.fixture
def store(db_url: str) -> Iterator[PackStore]:
    s = PackStore(open_database(db_url))
    yield s
    s.close()


def count(store: PackStore) -> tuple[int, int]:
    with store.db.session() as session:
        versions = session.scalar(select(func.count()).select_from(PackVersionRow))
        files = session.scalar(select(func.count()).select_from(PackFileRow))
    return versions or 0, files or 0


def test_publish_and_read_back(store: PackStore) -> None:
    folder = STANDARDS / "example-province" / "1.0.0"
    published = store.publish(folder)
    assert published.ref == "example-province@1.0.0"
    assert [p.ref for p in store.versions()] == ["example-province@1.0.0"]
    assert store.files("example-province", "1.0.0") == pack_files(folder)
    pack = store.registry().load("example-province@^1")
    assert pack.lineage == ("example-province@1.0.0", "gb-1272@1.0.0")
    with pytest.raises(AlreadyPublished):
        store.publish(folder)
    with pytest.raises(LookupError):
        store.files("example-province", "9.9.9")


def test_published_version_is_checked_on_read(store: PackStore, tmp_path: Path) -> None:
    store.publish(write_pack(tmp_path, "1.0.0"))
    with store.db.session() as session, session.begin():
        session.execute(update(PackFileRow).values(content=b"# tampered\n"))
    with pytest.raises(PackIntegrityError, match=r"city@1\.0\.0"):
        store.files("city", "1.0.0")
    # One damaged version is left out of the registry; it does not break the others.
    assert not (store.root() / "city").is_dir()
    assert store.registry().load("gb-1272@^1").id == "gb-1272"


def test_failed_publish_leaves_nothing(store: PackStore, tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "1.0.0", ADD_OPTIONAL)

    def fail_on_second_file(_mapper: object, _conn: object, target: PackFileRow) -> None:
        if target.path == "pack.toml":
            raise RuntimeError("disk full")

    event.listen(PackFileRow, "after_insert", fail_on_second_file)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            store.publish(folder)
    finally:
        event.remove(PackFileRow, "after_insert", fail_on_second_file)
    assert count(store) == (0, 0)
    store.publish(folder)
    assert count(store) == (1, 2)


def test_concurrent_publishers_exactly_one_wins(db_url: str, tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "1.0.0")
    open_database(db_url).dispose()  # migrate once, before the race
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = []

    def publisher() -> None:
        s = PackStore(open_database(db_url, upgrade=False))
        check = s.check_publish

        def check_then_wait(*args: object, **kwargs: object) -> object:
            report = check(*args, **kwargs)  # type: ignore[arg-type]
            barrier.wait()  # both have seen "not published yet": the database decides
            return report

        s.check_publish = check_then_wait  # type: ignore[method-assign]
        try:
            outcomes.append(s.publish(folder))
        except AlreadyPublished as exc:
            outcomes.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=publisher) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    wins = [o for o in outcomes if not isinstance(o, Exception)]
    losses = [o for o in outcomes if isinstance(o, AlreadyPublished)]
    assert len(wins) == 1
    assert len(losses) == 1
    assert "another publisher was first" in str(losses[0])
    check = PackStore(open_database(db_url))
    try:
        assert count(check) == (1, 2)
        assert check.files("city", "1.0.0") == pack_files(folder)
    finally:
        check.close()


def test_breaking_change_needs_a_major_version(store: PackStore, tmp_path: Path) -> None:
    store.publish(write_pack(tmp_path, "1.0.0"))
    store.publish(write_pack(tmp_path, "1.1.0", ADD_OPTIONAL))  # compatible: fine
    with pytest.raises(PublishError, match="needs a new major version") as err:
        store.publish(write_pack(tmp_path, "1.2.0", ADD_OPTIONAL + REQUIRE_SCOPE))
    assert "field-made-required: extensions.data_scope" in str(err.value)
    assert [p.ref for p in store.versions("city")] == ["city@1.0.0", "city@1.1.0"]
    store.publish(write_pack(tmp_path, "2.0.0", ADD_OPTIONAL + REQUIRE_SCOPE))
    assert store.registry().load("city@^2").fields.get("extensions.data_scope").required
    assert not store.registry().load("city@^1").fields.get("extensions.data_scope").required


def test_export_serves_as_a_pack_root(store: PackStore, tmp_path: Path) -> None:
    store.publish(write_pack(tmp_path / "src", "1.0.0", ADD_OPTIONAL))
    folders = store.export(tmp_path / "out")
    assert folders == [tmp_path / "out" / "city" / "1.0.0"]
    from govcatalog.packs.registry import PackRegistry

    pack = PackRegistry().with_root("export", tmp_path / "out").load("city@1.0.0")
    assert pack.fields.has("extensions.note")
