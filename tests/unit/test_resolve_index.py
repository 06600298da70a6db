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
from govcatalog.resolve.containment import resource_key


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


def test_a_base_catalog_comes_back_whole_and_its_resources_keep_what_the_catalog_said() -> None:
    spec = ResourceSpec(
        "101/1", "人口基本信息", ShareType.CONDITIONAL, "经授权后共享", "市公安局",
        (ItemSpec("公民身份号码"), ItemSpec("姓名")),
    )  # fmt: skip
    entry = CatalogEntry(
        "base:population", "2024", CatalogRole.BASE, "population", "人口库", (spec,)
    )
    index = ResolveIndex.build([entry])
    assert index.entries() == [entry]
    (resource,) = index.resources()
    assert (resource.role, resource.database, resource.database_name) == (
        CatalogRole.BASE,
        "population",
        "人口库",
    )
    assert (resource.share_type, resource.share_condition, resource.provider) == (
        ShareType.CONDITIONAL,
        "经授权后共享",
        "市公安局",
    )


def test_update_counts_each_resource() -> None:
    index = ResolveIndex()
    first = cat("1", *(res(f"301/{i}", f"项目{i}") for i in range(6)))
    assert index.update(first) == UpdateStats(added=6)
    # 0 and 1 unchanged, 2 and 3 changed, 4 and 5 removed, 6 and 7 added
    second = cat(
        "2",
        res("301/0", "项目0"),
        res("301/1", "项目1"),
        res("301/2", "项目二"),
        res("301/3", "项目三"),
        res("301/6", "项目6"),
        res("301/7", "项目7"),
    )
    assert index.update(second) == UpdateStats(added=2, changed=2, removed=2, unchanged=2)
    assert index.remove_catalog("民政局") == UpdateStats(removed=6)


def test_a_removed_base_catalog_leaves_no_items_behind() -> None:
    base = CatalogEntry(
        "base:population", "1", CatalogRole.BASE, "population", "人口库", (res("101/1", "姓名"),)
    )
    index = ResolveIndex.build([base, cat("1", res("301/1", "姓名"))])
    found = index.exact("姓名")
    assert found is not None
    assert (found.base_count, found.other_count) == (1, 1)
    index.remove_catalog("base:population")
    found = index.exact("姓名")
    assert found is not None
    assert (found.base_count, found.other_count) == (0, 1)
    index.update(CatalogEntry("base:population", "2", CatalogRole.BASE, None, None, ()))
    index.remove_catalog("民政局")
    assert index.exact("姓名") is None


def test_build_takes_the_synonyms() -> None:
    index = ResolveIndex.build([cat("1", res("101/1", "公民身份号码"))], {"身份证号": "公民身份号"})
    found = index.synonym("身份证号")
    assert found is not None
    assert (found.via, found.total) == ("公民身份号", 1)


def _twelve() -> ResolveIndex:
    """Twelve resources with an item 姓名 each, and twelve names one character from 甲乙丙丁."""
    people = [res(f"301/{i}", "姓名") for i in range(12)]
    near = [res(f"302/{i}", f"甲乙丙丁{chr(0x4E00 + i)}") for i in range(12)]
    return ResolveIndex.build([cat("1", *people, *near)], {"名字": "姓名"})


def test_lookups_give_ten_items_unless_told_otherwise() -> None:
    index = _twelve()
    for found in (index.exact("姓名"), index.synonym("名字"), index.targets("名字")):
        assert found is not None
        assert (found.total, len(found.first)) == (12, 10)
    for found in (index.exact("姓名", 3), index.synonym("名字", 3), index.targets("姓名", 3)):
        assert found is not None
        assert (found.total, len(found.first)) == (12, 3)
    assert len(index.fuzzy("甲乙丙丁")) == 10
    assert len(index.fuzzy("甲乙丙丁", limit=4)) == 4


def test_targets_are_a_keys_own_items_else_its_groups() -> None:
    index = _twelve()
    own = index.targets("姓名")
    group = index.targets("名字")
    assert own is not None and group is not None
    assert (own.key, own.via, group.key, group.via) == ("姓名", None, "名字", "姓名")
    assert index.targets("无此项") is None


def test_the_default_fuzzy_cutoff_is_60_inclusive() -> None:
    # 甲乙丙己庚 shares 甲乙 and 乙丙, half of the query's four bigrams, and three of its five
    # characters: ratio 2 * 3 / (5 + 5) = 60 %.
    index = ResolveIndex.build([cat("1", res("301/1", "甲乙丙己庚"))])
    assert index.fuzzy("甲乙丙丁戊") == [lookup.FuzzyHit("甲乙丙己庚", 60.0)]
    assert index.fuzzy("甲乙丙丁戊", cutoff=60.5) == []


def test_resources_by_name_their_items_and_the_memo() -> None:
    index = ResolveIndex.build([cat("1", res("301/1", "低保金额", "救助对象"))])
    (resource,) = index.resources_named(resource_key("资源301/1"))
    assert resource.code == "301/1"
    items = index.resource_items(resource)
    assert [(item.position, item.spec.name) for item in items] == [(0, "低保金额"), (1, "救助对象")]
    assert index.memo("answers") is index.snapshot().memo("answers")
    assert index.memo("answers") is not index.memo("other")


def test_names_written_differently_share_one_key() -> None:
    # 姓 名 and 姓名（ ） normalise to 姓名; 身份证号 is a synonym variant before it is an item name
    index = ResolveIndex.build(
        [
            cat(
                "1",
                res("301/1", "姓名", "身份证号"),
                res("301/2", "姓 名"),
                res("301/3", "姓名（ ）"),
            )
        ],
        {"身份证号": "公民身份号"},
    )
    found = index.exact("姓名")
    assert found is not None
    assert found.total == 3
    assert sorted(index.live_keys()) == ["姓名", "身份证号"]


def test_an_item_name_without_letters_or_digits_is_skipped_and_the_next_one_indexed() -> None:
    index = ResolveIndex.build([cat("1", res("301/1", "（ ）", "姓名"))])
    (resource,) = index.resources()
    assert [(i.position, i.spec.name) for i in index.resource_items(resource)] == [(1, "姓名")]
    assert len(index) == 1
