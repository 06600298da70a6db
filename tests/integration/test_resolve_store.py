"""The resolver index persisted to SQLite and PostgreSQL, updated incrementally."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    Requester,
    ResourceSpec,
    UpdateStats,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.index_store import IndexStore
from govcatalog.store import open_database


def dept(version: str, *resources: tuple[str, tuple[str, ...]]) -> CatalogEntry:
    specs = tuple(
        ResourceSpec(
            code,
            f"资源{code}",
            ShareType.CONDITIONAL,
            None,
            "民政局",
            tuple(ItemSpec(n) for n in names),
        )
        for code, names in resources
    )
    return CatalogEntry("民政局", version, CatalogRole.DEPARTMENT, None, None, specs)


def test_save_load_and_resolve_the_same(db_url: str) -> None:
    bases = load_base_pack()
    first = dept("1", ("301001/000001", ("低保金额", "救助对象")))
    index = build_index(bases, [first])
    db = open_database(db_url)
    try:
        assert {"gc_resolve_catalog", "gc_resolve_item"} <= set(
            inspect(db.engine).get_table_names()
        )
        store = IndexStore(db)
        stats = store.save(index)
        assert stats["民政局"] == UpdateStats(added=1)
        assert store.save(index)["民政局"] == UpdateStats(unchanged=1)
        loaded = store.load()
        assert len(loaded) == len(index)
        assert loaded.synonyms == index.synonyms
        request = DataRequest(
            Requester("某局"),
            None,
            ("身份证号码", "低保金额", "救助对像", "婚姻状况"),
            (),
            dt.date(2025, 9, 26),
        )
        a = resolve(request, index, bases=bases).to_json_dict()
        b = resolve(request, loaded, bases=bases).to_json_dict()
        assert a == b
    finally:
        db.dispose()


def test_incremental_sync(db_url: str) -> None:
    db = open_database(db_url)
    try:
        store = IndexStore(db)
        v1 = dept("1", ("301001/000001", ("低保金额",)), ("301001/000002", ("养老机构名称",)))
        assert store.sync(v1) == UpdateStats(added=2)
        assert store.sync(v1) == UpdateStats(unchanged=2)
        v2 = dept("2", ("301001/000001", ("低保标准",)), ("301001/000003", ("婚姻登记机关",)))
        v2 = CatalogEntry(v2.id, v2.version, v2.role, None, None, (*v2.resources, v1.resources[1]))
        assert store.sync(v2) == UpdateStats(added=1, changed=1, removed=0, unchanged=1)
        v3 = dept("3", ("301001/000001", ("低保标准",)))
        assert store.sync(v3) == UpdateStats(removed=2, unchanged=1)
        assert store.catalogs() == {"民政局": "3"}
        loaded = store.load()
        assert loaded.exact("低保标准") is not None
        assert loaded.exact("低保金额") is None
        assert loaded.exact("养老机构名称") is None
        assert store.remove("民政局") == UpdateStats(removed=1)
        assert store.catalogs() == {}
        assert len(store.load()) == 0
    finally:
        db.dispose()
