"""Catalog version history on SQLite and PostgreSQL: immutable, hashed, atomic."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from govcatalog.diff import apply_patch, compare
from govcatalog.diff.load import side_from_document
from govcatalog.store import history as history_module
from govcatalog.store import open_database
from govcatalog.store.history import CatalogRow, History, HistoryError, VersionRow, content_hash


def _doc(version: str, issued: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {
        "catalog": {"name": "某市目录", "version": version, "issued": issued},
        "resources": [
            {"name": n, "code": f"101001/{i:06d}", "items": [{"name": "姓名", "extensions": {}}]}
            for i, n in enumerate(names, 1)
        ],
    }


V1 = _doc("2024.1", "2024-01-10", ("人口基本信息", "法人基本信息"))
V2 = _doc("2024.2", "2024-07-01", ("人口基本信息",))
V3 = _doc("2025.1", "2025-01-05", ("人口基本信息", "婚姻登记信息"))


@pytest.fixture
def history(db_url: str) -> Any:
    db = open_database(db_url)
    try:
        yield History(db)
    finally:
        db.dispose()


def test_versions_are_numbered_hashed_and_read_back(history: History) -> None:
    added = [history.add("city-x", d) for d in (V1, V2, V3)]
    assert [a.version.number for a in added] == [1, 2, 3]
    assert all(a.created for a in added)
    assert added[0].version.sha256 == content_hash(V1)
    assert added[1].version.label == "2024.2"
    assert added[1].version.resource_count == 1
    assert history.document("city-x", 2) == V2
    assert history.document("city-x") == V3
    assert [v.number for v in history.versions("city-x")] == [1, 2, 3]
    assert history.catalogs() == ("city-x",)
    assert history.count("city-x") == 3


def test_adding_the_latest_content_again_stores_nothing(history: History) -> None:
    history.add("city-x", V1)
    again = history.add("city-x", V1)
    assert not again.created
    assert again.version.number == 1
    assert history.count("city-x") == 1
    # going back to older content is a new version
    history.add("city-x", V2)
    assert history.add("city-x", V1).version.number == 3


def test_version_in_force_at_a_date(history: History) -> None:
    for d in (V1, V2, V3):
        history.add("city-x", d)
    assert history.at("city-x", dt.date(2024, 1, 10)).number == 1
    assert history.at("city-x", dt.date(2024, 12, 31)).number == 2
    assert history.at("city-x", dt.date(2026, 1, 1)).number == 3
    with pytest.raises(HistoryError, match="in force"):
        history.at("city-x", dt.date(2023, 1, 1))
    explicit = history.add("city-y", V1, effective=dt.date(2020, 5, 1))
    assert explicit.version.effective == dt.date(2020, 5, 1)


def test_unknown_catalog_and_version(history: History) -> None:
    with pytest.raises(HistoryError, match="no catalog"):
        history.versions("nowhere")
    history.add("city-x", V1)
    with pytest.raises(HistoryError, match="no version 7"):
        history.document("city-x", 7)


def test_a_failed_write_leaves_nothing(history: History, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(history_module, "_verify", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        history.add("city-x", V1)
    with history.db.session() as session:
        assert session.scalar(select(func.count()).select_from(CatalogRow)) == 0
        assert session.scalar(select(func.count()).select_from(VersionRow)) == 0
    monkeypatch.undo()
    assert history.add("city-x", V1).version.number == 1


def test_stored_versions_diff_and_patch(history: History) -> None:
    history.add("city-x", V1)
    history.add("city-x", V3)
    old = side_from_document(history.document("city-x", 1), "city-x@v1")
    new = side_from_document(history.document("city-x", 2), "city-x@v2")
    result = compare(old, new)
    # the same code now names another resource: reported as a rename of that code
    renamed = [c for c in result if c.kind.value == "name-changed"]
    assert [(c.old, c.new) for c in renamed] == [("法人基本信息", "婚姻登记信息")]
    assert apply_patch(V1, result.to_patch()) == V3
