"""Containment matches (申请人身份证号码 → 公民身份号码) and names of whole resources."""

from __future__ import annotations

import datetime as dt

import pytest

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    BaseDataPack,
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    MatchKind,
    Requester,
    ResolveIndex,
    ResourceSpec,
    ScanIndex,
    base_entries,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.containment import find_contained, resource_key, strip_generic
from govcatalog.resolve.resolver import ItemResolution

DAY = dt.date(2025, 9, 26)

TRAFFIC = CatalogEntry(
    "某市公安局交通管理支队目录",
    "1",
    CatalogRole.DEPARTMENT,
    None,
    None,
    (
        ResourceSpec(
            "301001/000001",
            "机动车登记信息",
            ShareType.CONDITIONAL,
            "限车辆管理业务",
            "某市公安局交通管理支队",
            (ItemSpec("号牌号码"), ItemSpec("号牌种类"), ItemSpec("车辆识别代号")),
        ),
    ),
)


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


@pytest.fixture(scope="module")
def index(bases: BaseDataPack) -> ResolveIndex:
    return build_index(bases, [TRAFFIC])


def one(index: ResolveIndex | ScanIndex, bases: BaseDataPack, name: str) -> ItemResolution:
    request = DataRequest(Requester("某市民政局"), None, (name,), (), DAY)
    return resolve(request, index, bases=bases).items[0]


def test_strip_generic_keeps_two_characters() -> None:
    assert strip_generic("营业执照信息") == "营业执照"
    assert strip_generic("信息") == "信息"
    assert strip_generic("户籍资料") == "户籍"
    assert resource_key("婚姻登记信息") == resource_key("婚姻登记") == "婚姻登记"


def test_find_contained_takes_the_longest_key_at_the_end() -> None:
    keys = {"姓名": 1, "代表人姓名": 2, "法定代表人姓名": 3}
    assert find_contained("企业法定代表人姓名", keys.get) == ("法定代表人姓名", 3, 7 / 9)
    assert find_contained("姓名拼音", keys.get) is None  # the head is not at the end
    assert find_contained("某某某某某某姓名", keys.get) is None  # covers too little


@pytest.mark.parametrize(
    ("requested", "database", "resource", "item"),
    [
        ("机动车号牌号码", None, "机动车登记信息", "号牌号码"),
        ("申请人身份证号码", "population", "人口基本信息", "公民身份号码"),
        ("企业法定代表人姓名", "legal-entity", "法人单位基本信息", "法定代表人姓名"),
        ("企业注册资本", "legal-entity", "法人单位基本信息", "注册资本"),
        ("婚姻状况信息", "population", "婚姻登记信息", "婚姻状况"),
        ("申请人配偶姓名", "population", "婚姻登记信息", "配偶姓名"),
    ],
)
def test_containment_across_base_and_department_catalogs(
    index: ResolveIndex,
    bases: BaseDataPack,
    requested: str,
    database: str | None,
    resource: str,
    item: str,
) -> None:
    answer = one(index, bases, requested)
    assert answer.kind is MatchKind.CONTAINED, answer
    assert answer.match is not None
    assert answer.match.resource.database == database
    assert answer.match.resource.name == resource
    assert answer.match.name == item
    assert 80 < answer.score < 90
    assert item in answer.reason_zh and item in answer.reason_en


def test_containment_scores_between_synonym_and_fuzzy(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    longer = one(index, bases, "企业法定代表人姓名")
    shorter = one(index, bases, "某市某区企业法定代表人姓名")
    assert shorter.score < longer.score < 90


@pytest.mark.parametrize(
    ("requested", "resource", "first"),
    [
        ("婚姻登记信息", "婚姻登记信息", "婚姻状况"),
        ("婚姻登记", "婚姻登记信息", "婚姻状况"),
        ("户籍迁移信息", "户籍迁移信息", "迁入日期"),
        ("法人单位基本信息", "法人单位基本信息", "统一社会信用代码"),
        ("机动车登记信息", "机动车登记信息", "号牌号码"),
    ],
)
def test_a_resource_name_resolves_to_the_resource_and_lists_its_items(
    index: ResolveIndex, bases: BaseDataPack, requested: str, resource: str, first: str
) -> None:
    answer = one(index, bases, requested)
    assert answer.kind is MatchKind.RESOURCE
    assert answer.match is not None and answer.match.resource.name == resource
    assert answer.options[0].item.name == first
    assert answer.options_total == len(answer.options)
    assert all(c.item.resource == answer.match.resource for c in answer.options)


def test_two_department_resources_of_one_name_are_ambiguous(bases: BaseDataPack) -> None:
    twin = CatalogEntry(
        "另一部门目录", "1", CatalogRole.DEPARTMENT, None, None,
        (ResourceSpec("302001/000001", "机动车登记信息", None, None, None, (ItemSpec("登记日期"),)),),
    )  # fmt: skip
    index = build_index(bases, [TRAFFIC, twin])
    answer = one(index, bases, "机动车登记信息")
    assert answer.kind is MatchKind.AMBIGUOUS
    assert answer.options_total == 2


def test_the_reference_scan_gives_the_same_answers(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    scan = ScanIndex([*base_entries(bases), TRAFFIC], bases.synonyms.normalised())
    for name in ("机动车号牌号码", "婚姻登记信息", "营业执照信息", "申请人身份证号码", "姓名拼音"):
        assert one(index, bases, name) == one(scan, bases, name)
