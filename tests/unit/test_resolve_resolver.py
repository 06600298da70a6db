"""Resolving requests: match kinds, actions, due dates, ambiguity, supply/demand, keys."""

from __future__ import annotations

import datetime as dt

import pytest

from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import ShareType, UsagePurpose
from govcatalog.resolve import (
    Action,
    BaseDataPack,
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    KeyStatus,
    MatchKind,
    Requester,
    ResolveIndex,
    ResolveOptions,
    ResourceSpec,
    SubjectKey,
    base_entries,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.resolver import Resolution

DAY = dt.date(2025, 9, 26)
FIFTY_ONE = ResolveOptions(pack="gb-1272@^1")
"""These tests pin the answers of 国发〔2016〕51号 (the regulation's are in test_resolve_regime.py)."""


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


@pytest.fixture(scope="module")
def index(bases: BaseDataPack) -> ResolveIndex:
    return build_index(bases)


def run(
    index: ResolveIndex, bases: BaseDataPack, *items: str, keys: tuple[SubjectKey, ...] = ()
) -> Resolution:
    req = DataRequest(Requester("某市民政局"), UsagePurpose.BUSINESS_COORDINATION, items, keys, DAY)
    return resolve(req, index, bases=bases, options=FIFTY_ONE)


def test_exact_synonym_and_inner_synonym(index: ResolveIndex, bases: BaseDataPack) -> None:
    res = run(index, bases, "姓名", "居民身份证号码", "企业名称", "配偶身份证号")
    kinds = [r.kind for r in res.items]
    assert kinds == [MatchKind.EXACT, MatchKind.SYNONYM, MatchKind.SYNONYM, MatchKind.SYNONYM]
    assert [r.match.name for r in res.items if r.match] == [
        "姓名",
        "公民身份号码",
        "机构名称",
        "配偶公民身份号码",
    ]
    assert res.items[0].score > res.items[1].score > res.items[3].score
    assert res.items[1].match is not None
    assert res.items[1].match.resource.database == "population"
    assert res.ok


def test_actions_follow_share_types(index: ResolveIndex, bases: BaseDataPack) -> None:
    take, apply, refused = run(index, bases, "公民身份号码", "婚姻状况", "指纹信息").items
    assert take.action is Action.TAKE
    assert take.due is None
    assert take.no_recollection
    assert apply.action is Action.APPLY
    assert apply.no_recollection
    assert apply.due is not None
    assert apply.due.due == dt.date(2025, 10, 16)
    assert apply.due.covered
    assert refused.action is Action.REFUSED
    assert not refused.no_recollection
    assert refused.legal_basis
    assert "居民身份证法" in refused.legal_basis


def test_fuzzy_match_with_reason(index: ResolveIndex, bases: BaseDataPack) -> None:
    (item,) = run(index, bases, "注册资本金").items
    assert item.kind is MatchKind.FUZZY
    assert item.match is not None
    assert item.match.name == "注册资本"
    assert 80 <= item.score < 95
    assert "注册资本" in item.reason_zh


def test_unmatched_lists_candidates_never_guesses(index: ResolveIndex, bases: BaseDataPack) -> None:
    far, near = run(index, bases, "车辆号牌号", "户籍").items
    assert far.kind is MatchKind.UNMATCHED
    assert far.match is None
    assert far.action is Action.NONE
    assert near.kind is MatchKind.UNMATCHED
    assert near.match is None
    assert [c.item.name for c in near.options] == ["常住户口所在地住址"]
    assert all(c.score < 80 for c in near.options)
    assert not run(index, bases, "户籍").ok


def test_empty_name(index: ResolveIndex, bases: BaseDataPack) -> None:
    (item,) = run(index, bases, "（）").items
    assert item.kind is MatchKind.UNMATCHED
    assert item.normalised == ""


def _dept(cid: str, code: str, share: ShareType, *names: str, version: str = "1") -> CatalogEntry:
    res = ResourceSpec(code, f"{cid}资源", share, None, cid, tuple(ItemSpec(n) for n in names))
    return CatalogEntry(cid, version, CatalogRole.DEPARTMENT, None, None, (res,))


def test_base_items_win_over_department_items(bases: BaseDataPack) -> None:
    idx = build_index(
        bases, [_dept("民政局", "301001/000001", ShareType.CONDITIONAL, "姓名", "低保金额")]
    )
    name, amount = run(idx, bases, "姓名", "低保金额").items
    assert name.match is not None
    assert name.match.resource.database == "population"
    assert amount.kind is MatchKind.EXACT
    assert amount.match is not None
    assert amount.match.resource.catalog == "民政局"
    assert amount.action is Action.APPLY


def test_several_department_items_are_ambiguous(bases: BaseDataPack) -> None:
    idx = build_index(
        bases,
        [
            _dept("民政局", "301001/000001", ShareType.CONDITIONAL, "低保金额"),
            _dept("财政局", "302001/000001", ShareType.UNCONDITIONAL, "低保金额"),
        ],
    )
    (item,) = run(idx, bases, "低保金额").items
    assert item.kind is MatchKind.AMBIGUOUS
    assert item.match is None
    assert item.options_total == 2
    assert {c.item.resource.catalog for c in item.options} == {"民政局", "财政局"}


def test_two_equally_close_fuzzy_hits_are_ambiguous(bases: BaseDataPack) -> None:
    idx = ResolveIndex.build(
        [
            _dept("甲局", "301001/000001", ShareType.UNCONDITIONAL, "房屋坐落地址"),
            _dept("乙局", "302001/000001", ShareType.UNCONDITIONAL, "房屋坐落位置"),
        ]
    )
    (item,) = run(idx, bases, "房屋坐落").items
    assert item.kind is MatchKind.AMBIGUOUS
    assert {c.item.name for c in item.options} == {"房屋坐落地址", "房屋坐落位置"}


def test_a_name_asked_again_follows_index_updates(bases: BaseDataPack) -> None:
    idx = ResolveIndex.build([_dept("民政局", "301001/000001", ShareType.CONDITIONAL, "低保金额")])
    (first,) = run(idx, bases, "低保金额").items
    assert first.action is Action.APPLY
    idx.update(_dept("民政局", "301001/000001", ShareType.UNCONDITIONAL, "低保金额", version="2"))
    (second,) = run(idx, bases, "低保金额").items
    assert second.action is Action.TAKE
    idx.update(_dept("财政局", "302001/000001", ShareType.UNCONDITIONAL, "低保金额"))
    (third,) = run(idx, bases, "低保金额").items
    assert third.kind is MatchKind.AMBIGUOUS
    idx.remove_catalog("财政局")
    idx.remove_catalog("民政局")
    (fourth,) = run(idx, bases, "低保金额").items
    assert fourth.kind is MatchKind.UNMATCHED


def test_a_name_asked_again_gets_the_due_date_of_its_request(bases: BaseDataPack) -> None:
    idx = ResolveIndex.build([_dept("民政局", "301001/000001", ShareType.CONDITIONAL, "低保金额")])
    later = dt.date(2025, 12, 1)
    dues = []
    for day in (DAY, later, DAY):
        req = DataRequest(Requester("x"), None, ("低保金额", "低保金额"), (), day)
        items = resolve(req, idx, bases=bases, options=FIFTY_ONE).items
        assert items[0] == items[1]
        assert items[0].due is not None
        assert items[0].due.start == day
        assert items[0].due.working_days == 10
        assert items[0].due.covered
        dues.append(items[0].due.due)
    # Counted by hand on the 2025 arrangement: from Friday 26 September, 28 September (Sunday,
    # adjusted working day), 29–30 September, 9–11 October (11th a Saturday, adjusted working
    # day) and 13–16 October; the national holiday 1–8 October is skipped. From Monday
    # 1 December, ten weekdays end on Monday 15 December.
    assert dues == [dt.date(2025, 10, 16), dt.date(2025, 12, 15), dt.date(2025, 10, 16)]


def test_missing_share_type_is_undetermined(bases: BaseDataPack) -> None:
    res = ResourceSpec("301001/000001", "x", None, None, None, (ItemSpec("低保金额"),))
    idx = ResolveIndex.build(
        [CatalogEntry("民政局", "1", CatalogRole.DEPARTMENT, None, None, (res,))]
    )
    (item,) = run(idx, bases, "低保金额").items
    assert item.action is Action.UNDETERMINED
    assert not item.no_recollection


def test_due_date_uses_the_options_calendar_and_today(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    from govcatalog.resolve import parse_calendar

    cal = parse_calendar('[years.2025]\nholidays = ["2025-03-03"]\n')
    req = DataRequest(Requester("x"), None, ("婚姻状况",))
    res = resolve(
        req, index, bases=bases, options=ResolveOptions(calendar=cal, today=dt.date(2025, 2, 28))
    )
    assert res.day == dt.date(2025, 2, 28)
    (item,) = res.items
    assert item.due is not None
    assert item.due.due == dt.date(2025, 3, 17)


@pytest.mark.parametrize(
    ("key", "status", "database"),
    [
        (SubjectKey("11010519491231002X"), KeyStatus.ROUTED, "population"),
        (SubjectKey("11100000000013338W"), KeyStatus.ROUTED, "legal-entity"),
        (SubjectKey("420600"), KeyStatus.ROUTED, "geography"),
        (
            SubjectKey("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"),
            KeyStatus.ROUTED,
            "e-licence",
        ),
        (SubjectKey("11010519491231002X", IdentifierKind.USCC), KeyStatus.INVALID, None),
        (SubjectKey("91350100M000100Y44"), KeyStatus.INVALID, None),
        (SubjectKey("hello"), KeyStatus.INVALID, None),
        (SubjectKey("990000"), KeyStatus.INVALID, None),
    ],
)
def test_key_routing(
    index: ResolveIndex,
    bases: BaseDataPack,
    key: SubjectKey,
    status: KeyStatus,
    database: str | None,
) -> None:
    (route,) = run(index, bases, keys=(key,)).keys
    assert route.status is status
    assert route.database == database
    if status is KeyStatus.ROUTED:
        assert route.resources
    else:
        assert route.reason_zh
        assert route.reason_en


def test_division_key_names_the_division(index: ResolveIndex, bases: BaseDataPack) -> None:
    (route,) = run(index, bases, keys=(SubjectKey("420600"),)).keys
    assert route.details["division_name"] == "襄阳市"


def test_keys_without_base_catalogs_in_the_index(bases: BaseDataPack) -> None:
    idx = ResolveIndex.build([], bases.synonyms.normalised())
    (route,) = run(idx, bases, keys=(SubjectKey("420600"),)).keys
    assert route.status is KeyStatus.ROUTED
    assert route.resources == ()


def test_base_entries_ids(bases: BaseDataPack) -> None:
    assert [e.id for e in base_entries(bases)] == [
        "base:population",
        "base:legal-entity",
        "base:geography",
        "base:e-licence",
    ]
