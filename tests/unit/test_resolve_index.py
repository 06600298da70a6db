"""The in-memory index: incremental updates and lookups."""

from __future__ import annotations

import pytest

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    ItemSpec,
    ResolveIndex,
    ResourceSpec,
    ScanIndex,
    UpdateStats,
    lookup,
)


def res(code: str, *names: str, share: ShareType = ShareType.UNCONDITIONAL) -> ResourceSpec:
    return ResourceSpec(code, f"资源{code}", share, None, None, tuple(ItemSpec(n) for n in names))


def cat(version: str, *resources: ResourceSpec, cid: str = "民政局") -> CatalogEntry:
    return CatalogEntry(cid, version, CatalogRole.DEPARTMENT, None, None, resources)


def test_only_changed_resources_are_reindexed() -> None:
    index = ResolveIndex()
    first = cat("1", res("301/1", "低保金额", "救助对象"), res("301/2", "养老机构名称"))
    assert index.update(first) == UpdateStats(added=2)
    assert len(index) == 3
    # same version: skipped without looking
    assert index.update(first) == UpdateStats(unchanged=2)
    second = cat("2", res("301/1", "低保金额", "救助对象"), res("301/3", "婚姻登记机关"))
    assert index.update(second) == UpdateStats(added=1, removed=1, unchanged=1)
    third = cat("3", res("301/1", "低保标准"), res("301/3", "婚姻登记机关"))
    assert index.update(third) == UpdateStats(changed=1, unchanged=1)
    assert index.exact("低保金额") is None
    assert index.fuzzy("低保金额", cutoff=50) == [] or all(
        h.key != "低保金额" for h in index.fuzzy("低保金额", cutoff=50)
    )
    assert index.exact("低保标准") is not None
    assert index.exact("养老机构名称") is None
    assert index.catalogs == {"民政局": "3"}


def test_removed_keys_are_dead_for_fuzzy_lookups() -> None:
    index = ResolveIndex()
    index.update(cat("1", res("301/1", "养老机构名称")))
    assert [h.key for h in index.fuzzy("养老机构的名称")] == ["养老机构名称"]
    index.update(cat("2", res("301/2", "其他")))
    assert index.fuzzy("养老机构的名称") == []
    assert "养老机构名称" not in index.live_keys()


def test_remove_catalog() -> None:
    index = ResolveIndex()
    index.update(cat("1", res("301/1", "甲乙丙"), cid="a"))
    index.update(cat("1", res("302/1", "甲乙丙"), cid="b"))
    found = index.exact("甲乙丙")
    assert found is not None
    assert found.total == 2
    assert index.remove_catalog("a") == UpdateStats(removed=1)
    assert index.remove_catalog("a") == UpdateStats()
    found = index.exact("甲乙丙")
    assert found is not None
    assert found.total == 1


def test_synonym_variants_are_keys() -> None:
    index = ResolveIndex({"身份证号": "公民身份号"})
    assert index.synonym("身份证号") is None  # no item yet
    index.update(cat("1", res("101/1", "公民身份号码")))
    found = index.synonym("身份证号")
    assert found is not None
    assert found.via == "公民身份号"
    assert {h.key for h in index.fuzzy("居民身份证号")} >= {"身份证号"}


def test_entries_round_trip() -> None:
    entry = cat("7", res("301/1", "低保金额", "救助对象"), res("301/2", "养老机构名称"))
    index = ResolveIndex.build([entry])
    (back,) = index.entries()
    assert back == entry
    assert [r.code for r in index.resources()] == ["301/1", "301/2"]


def test_scan_and_index_agree_on_a_small_case() -> None:
    entries = [cat("1", res("301/1", "低保金额", "低保对象姓名", "救助金额"))]
    index = ResolveIndex.build(entries)
    scan = ScanIndex(entries)
    for q in ["低保金", "救助", "对象姓名", "低保"]:
        assert index.fuzzy(q, cutoff=40) == scan.fuzzy(q, cutoff=40)


def test_a_snapshot_keeps_its_version_while_the_index_changes() -> None:
    index = ResolveIndex.build([cat("1", res("301/1", "低保金额"))])
    before = index.snapshot()
    assert index.snapshot() is before  # made once per version
    before.memo("answers").remember("低保金额", "kept")
    index.update(cat("2", res("301/2", "救助对象")))
    after = index.snapshot()
    assert after is not before
    assert before.exact("低保金额") is not None  # the old version, unchanged
    assert before.exact("救助对象") is None
    assert after.exact("低保金额") is None
    assert after.exact("救助对象") is not None
    assert before.memo("answers") == {"低保金额": "kept"}
    assert after.memo("answers") == {}  # a new version starts with empty memos
    assert [h.key for h in before.fuzzy("低保的金额")] == ["低保金额"]
    assert after.fuzzy("低保的金额") == []
    assert len(before) == len(after) == 1
    assert before.catalogs == {"民政局": "1"}
    index.update(cat("2", res("301/2", "救助对象")))  # same version: nothing changes
    assert index.snapshot() is after


def test_a_memo_forgets_its_oldest_answers_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookup, "MEMO_SIZE", 2)
    memo: lookup.Memo[int] = lookup.Memo()
    for i, name in enumerate(["甲", "乙", "丙"]):
        assert memo.remember(name, i) == i
    assert memo == {"乙": 1, "丙": 2}
