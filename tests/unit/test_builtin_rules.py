"""The built-in rule functions called on one canonical record each: every hit written out in full
(code, pointer, message parameters, value), and the records one step away that give none. The
rules of 《政务数据共享条例》 run with the data of the pack ``sharing-2025``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from govcatalog.identifiers import check_identifier
from govcatalog.model.code import CodeProblem, parse_resource_code
from govcatalog.packs import Pack, get_pack
from govcatalog.records.coerce import PARSED_CODE
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin.classification import base_items_shared, code_and_classification
from govcatalog.rules.builtin.content import (
    data_items,
    dates,
    format_rules,
    open_attributes,
    provider_code,
)
from govcatalog.rules.builtin.share import share_attributes
from govcatalog.rules.builtin.sharing2025 import (
    BasisVerdict,
    conditions_name_scope_and_purpose,
    grade_against_share_type,
    not_shared_basis,
    rules,
)
from govcatalog.rules.engine import RuleContext, RuleFunction
from govcatalog.vocab import Vocabulary
from tests.helpers import in_chinese

TODAY = dt.date(2026, 1, 15)
CP = "/share/share_condition"
F003 = {"element_zh": "共享条件", "element_en": "Share condition", "canonical": "无条件"}
GUIDE = {"standard_zh": "编制指南", "standard_en": "the guide"}
MODE_CLASS = {"element_zh": "共享方式分类", "element_en": "Share mode class", **GUIDE}
MODE_TYPE = {"element_zh": "共享方式类型", "element_en": "Share mode type", **GUIDE}


def _share(pack: Pack, **share: object) -> list[Hit]:
    return in_chinese(share_attributes({"share": share}, RuleContext(pack, TODAY)))


PLATFORM = {"share_mode_class": "共享平台方式", "share_mode_type": "接口"}


@pytest.mark.parametrize(
    ("share", "hits"),
    [
        # 无条件共享: a real condition is R001; a "none" other than 无条件 is written 无条件 (F003).
        ({"share_condition": "仅限公安部门"}, [Hit("GC-R001", CP, {}, "仅限公安部门")]),
        ({"share_condition": "不限"}, [Hit("GC-F003", CP, F003, "不限")]),
        ({"share_condition": " 无。"}, [Hit("GC-F003", CP, F003, " 无。")]),
        ({"share_condition": "无条件。"}, []),
        ({"share_condition": " ，"}, []),
        ({"share_condition": "无　条件"}, []),  # spaces inside, ideographic or not, are folded
        ({"share_condition": "不 限"}, [Hit("GC-F003", CP, F003, "不 限")]),
        ({}, []),
    ],
)
def test_unconditional_sharing_states_no_condition(
    pack: Pack, share: dict[str, object], hits: list[Hit]
) -> None:
    assert _share(pack, share_type="无条件共享", **PLATFORM, **share) == hits


@pytest.mark.parametrize(
    ("condition", "hits"),
    [
        (None, [Hit("GC-R002", CP, {}, None)]),
        ("无", [Hit("GC-R002", CP, {}, "无")]),
        ("无限制", [Hit("GC-R002", CP, {}, "无限制")]),
        ("仅用于户籍核验", []),
    ],
)
def test_conditional_sharing_states_a_condition(
    pack: Pack, condition: str | None, hits: list[Hit]
) -> None:
    assert _share(pack, share_type="有条件共享", share_condition=condition, **PLATFORM) == hits


@pytest.mark.parametrize(
    ("condition", "hits"),
    [
        (None, [Hit("GC-R003", CP, {}, None)]),
        ("不限", [Hit("GC-R003", CP, {}, "不限")]),
        ("涉及个人隐私", [Hit("GC-R013", CP, {}, "涉及个人隐私")]),
        ("依据《中华人民共和国保守国家秘密法》", []),
        ("依据保密法", []),
        ("按上级通知", []),
        ("依据第十二条", []),
    ],
)
def test_not_shared_states_a_legal_basis(
    pack: Pack, condition: str | None, hits: list[Hit]
) -> None:
    assert _share(pack, share_type="不予共享", share_condition=condition) == hits


def test_not_shared_names_no_share_mode(pack: Pack) -> None:
    basis = "依据《中华人民共和国保守国家秘密法》"
    assert _share(pack, share_type="不予共享", share_condition=basis, **PLATFORM) == [
        Hit(
            "GC-R004",
            "/share/share_mode_class",
            {"share_mode": "共享平台方式 / 接口"},
            "共享平台方式 / 接口",
        )
    ]
    assert _share(pack, share_type="不予共享", share_condition=basis, share_mode_type="接口") == [
        Hit("GC-R004", "/share/share_mode_class", {"share_mode": "接口"}, "接口")
    ]
    assert _share(pack, share_type="不予共享", share_condition=basis, share_mode_class="") == []


def test_a_share_mode_is_required_where_the_share_type_asks_for_one(pack: Pack) -> None:
    assert _share(pack, share_type="无条件共享") == [
        Hit("GC-F001", "/share/share_mode_class", MODE_CLASS)
    ]
    assert _share(pack, share_type="无条件共享", share_mode_class="共享平台方式") == [
        Hit("GC-F001", "/share/share_mode_type", MODE_TYPE)
    ]
    assert _share(pack, share_type="无条件共享", share_mode_class="邮件方式") == []
    assert _share(pack) == []
    assert _share(pack, share_mode_class="共享平台方式", share_mode_type="接口") == []


def test_an_unreadable_share_mode_is_not_also_missing(pack: Pack) -> None:
    rec: Record = {
        "share": {"share_type": "无条件共享"},
        "$invalid": frozenset({"/share/share_mode_class"}),
    }
    assert list(share_attributes(rec, RuleContext(pack, TODAY))) == []


def test_a_share_mode_type_belongs_to_the_platform(pack: Pack) -> None:
    for mode_class in ("邮件方式", "介质方式"):
        hits = _share(
            pack, share_type="无条件共享", share_mode_class=mode_class, share_mode_type="文件"
        )
        params = {"share_mode_class": mode_class, "share_mode_type": "文件"}
        assert hits == [Hit("GC-R010", "/share/share_mode_type", params, "文件")]
    assert _share(pack, share_type="无条件共享", share_mode_type="文件") == [
        Hit("GC-F001", "/share/share_mode_class", MODE_CLASS)
    ]


def _run(rule: RuleFunction, pack: Pack, rec: Record) -> list[Hit]:
    return in_chinese(rule(rec, RuleContext(pack, TODAY)))


@pytest.mark.parametrize(
    ("opened", "hits"),
    [
        ({"open_to_public": True}, [Hit("GC-R005", "/open/open_condition")]),
        ({"open_to_public": True, "open_condition": ""}, [Hit("GC-R005", "/open/open_condition")]),
        ({"open_to_public": True, "open_condition": "注册后下载"}, []),
        ({"open_to_public": False}, []),
        ({"open_to_public": "是"}, []),  # not a value the coercer gives: only True asks
        ({}, []),
    ],
)
def test_open_to_the_public_states_a_condition(
    pack: Pack, opened: dict[str, object], hits: list[Hit]
) -> None:
    assert _run(open_attributes, pack, {"open": opened}) == hits
    assert _run(open_attributes, pack, {}) == []


ITEMS = [{"name": "姓名"}, {"name": "性别"}]


@pytest.mark.parametrize("format_class", ["数据库", "电子表格"])
def test_a_structured_format_lists_its_items(pack: Pack, format_class: str) -> None:
    fmt = {"format_class": format_class}
    r006 = Hit("GC-R006", "/items", {"format_class": format_class}, format_class)
    assert _run(format_rules, pack, {"format": fmt}) == [r006]
    assert _run(format_rules, pack, {"format": fmt, "items": []}) == [r006]
    assert _run(format_rules, pack, {"format": fmt, "items": ITEMS}) == []
    unreadable: Record = {"format": fmt, "$invalid": frozenset({"/items"})}
    assert _run(format_rules, pack, unreadable) == []


def test_other_formats_are_described(pack: Pack) -> None:
    other = {"format_class": "其他", "format_types": ["CAD"]}
    assert _run(format_rules, pack, {"format": other}) == [
        Hit("GC-R012", "/format/other_description")
    ]
    described = {**other, "other_description": "工程图纸"}
    assert _run(format_rules, pack, {"format": described}) == []
    assert _run(format_rules, pack, {"format": {"format_class": "电子文件"}}) == []
    assert _run(format_rules, pack, {}) == []


def test_a_format_type_belongs_to_its_class(pack: Pack) -> None:
    fmt = {"format_class": "电子表格", "format_types": ["xls", "mp4", "jpg", "XLS"]}
    ctx = RuleContext(pack, TODAY)
    expected = [
        Hit("GC-F012", "/format/format_types/1", {"format_class": "电子表格"}, "mp4"),
        Hit("GC-F012", "/format/format_types/2", {"format_class": "电子表格"}, "jpg"),
    ]
    assert in_chinese(format_rules({"format": fmt, "items": ITEMS}, ctx)) == expected
    # each (class, type) pair is looked up once per run, and the verdict kept
    assert ctx.memo == {
        ("format-type", "电子表格", "xls"): True,
        ("format-type", "电子表格", "mp4"): False,
        ("format-type", "电子表格", "jpg"): False,
        ("format-type", "电子表格", "XLS"): True,
    }
    assert in_chinese(format_rules({"format": fmt, "items": ITEMS}, ctx)) == expected
    described = {**fmt, "other_description": "视频与图片附件"}
    assert _run(format_rules, pack, {"format": described, "items": ITEMS}) == []
    image = {"format_class": "图形图像", "format_types": ["jpg"]}
    assert _run(format_rules, pack, {"format": image}) == []
    untyped = {"format_types": ["mp4"]}
    assert _run(format_rules, pack, {"format": untyped}) == []


def test_an_item_name_listed_twice_is_named_once_with_its_count(pack: Pack) -> None:
    names = ["姓名", "性别", "姓名", None, "姓名", None, "性别", "民族"]
    items = [{"name": n} for n in names]
    assert _run(data_items, pack, {"items": items}) == [
        Hit("GC-F011", "/items/0/name", {"count": 3}, "姓名"),
        Hit("GC-F011", "/items/1/name", {"count": 2}, "性别"),
    ]
    assert _run(data_items, pack, {"items": items[:2]}) == []
    assert _run(data_items, pack, {"items": items[:3:2]}) == [
        Hit("GC-F011", "/items/0/name", {"count": 2}, "姓名")
    ]
    assert _run(data_items, pack, {"items": [{"name": None}, {"name": None}]}) == []
    assert _run(data_items, pack, {"items": [{"name": "姓名"}]}) == []
    assert _run(data_items, pack, {}) == []
    nameless = [{"name": "姓名"}, {}, {"name": "姓名"}, {}]  # items without a name element
    assert _run(data_items, pack, {"items": nameless}) == [
        Hit("GC-F011", "/items/0/name", {"count": 2}, "姓名")
    ]
    assert _run(data_items, pack, {"items": [{}, {"name": "姓名"}, {}]}) == []


USCC = {"scheme_zh": "统一社会信用代码", "scheme_en": "unified social credit code"}


def test_the_provider_code_is_an_identifier_of_the_packs_scheme(pack: Pack) -> None:
    wrong = "91350100M000100Y44"  # the check character of 91350100M000100Y4… is 3
    reason = {
        "reason_zh": "校验码应为 3，实为 4",
        "reason_en": "check character should be 3, found 4",
    }
    ctx = RuleContext(pack, TODAY)
    assert list(provider_code({"provider_code": wrong}, ctx)) == [
        Hit("GC-F006", "/provider_code", {**USCC, **reason}, wrong)
    ]
    assert ctx.memo[(pack.provider_code_scheme, wrong)].expected == "3"
    assert list(provider_code({"provider_code": wrong}, ctx)) == [
        Hit("GC-F006", "/provider_code", {**USCC, **reason}, wrong)
    ]
    assert _run(provider_code, pack, {"provider_code": "91350100M000100Y43"}) == []
    assert _run(provider_code, pack, {"provider_code": ""}) == []
    assert _run(provider_code, pack, {}) == []
    unchecked = dataclasses.replace(pack, provider_code_scheme=None)
    assert _run(provider_code, unchecked, {"provider_code": wrong}) == []


def test_the_provider_code_is_checked_as_strictly_as_the_pack_says(pack: Pack) -> None:
    lower = "91350100m000100y43"
    assert [h.code for h in _run(provider_code, pack, {"provider_code": lower})] == ["GC-F006"]
    lenient = dataclasses.replace(pack, identifier_strict=False)
    assert _run(provider_code, lenient, {"provider_code": lower}) == []
    wrong = "91350100M000100Y44"
    allowed = dataclasses.replace(pack, identifier_allow=frozenset({wrong}))
    assert _run(provider_code, allowed, {"provider_code": wrong}) == []


def test_a_publish_date_after_the_day_of_validation(pack: Pack) -> None:
    assert _run(dates, pack, {"publish_date": dt.date(2026, 1, 16)}) == [
        Hit("GC-F007", "/publish_date", {"today": "2026-01-15"}, "2026-01-16")
    ]
    assert _run(dates, pack, {"publish_date": TODAY}) == []
    assert _run(dates, pack, {}) == []
    allowed = dataclasses.replace(pack, future_publish_date=False)
    assert _run(dates, allowed, {"publish_date": dt.date(2026, 1, 16)}) == []


BASE = "基础信息资源目录"
THEME = "主题信息资源目录"
BASE_XIANG = "国家人口基础信息资源、法人单位基础信息资源、自然资源和空间地理基础信息资源、社会信用基础信息资源、电子证照基础信息资源"


def _classified(lei: str | None, xiang: str | None, code: str | None) -> Record:
    parsed = parse_resource_code(code) if code else None
    assert not isinstance(parsed, CodeProblem)
    return {"category": {"lei": lei, "xiang": xiang}, "$code": parsed}


@pytest.mark.parametrize(
    ("given", "hits"),
    [
        ((BASE, "法人单位基础信息资源", "102001/000001"), []),
        ((BASE, "法人单位基础信息资源", None), []),
        (
            (BASE, "法人单位基础信息资源", "203001/000001"),
            [
                Hit("GC-R007", "/code", {"lei": BASE, "expected": "1"}, "2"),
                Hit("GC-F009", "/code", {"xiang": "法人单位基础信息资源", "expected": "02"}, "03"),
            ],
        ),
        (
            (BASE, "法人单位基础信息资源", "103001/000001"),
            [Hit("GC-F009", "/code", {"xiang": "法人单位基础信息资源", "expected": "02"}, "03")],
        ),
        (
            (BASE, "社会保障", "103001/000001"),
            [Hit("GC-F008", "/category/xiang", {"lei": BASE, "allowed": BASE_XIANG}, "社会保障")],
        ),
        (
            (THEME, None, "103001/000001"),
            [Hit("GC-R007", "/code", {"lei": THEME, "expected": "2"}, "1")],
        ),
        ((None, "社会保障", "103001/000001"), []),
        # 项 written as its code in the pack's table (基础: 01 人口 … 05 电子证照).
        ((BASE, "02", "102001/000001"), []),
        ((BASE, "02", None), []),
        (
            (BASE, "02", "103001/000001"),
            [Hit("GC-F009", "/code", {"xiang": "法人单位基础信息资源", "expected": "02"}, "03")],
        ),
        (
            (BASE, "06", "106001/000001"),  # 基础 has five 项: 06 is no code of one
            [Hit("GC-F008", "/category/xiang", {"lei": BASE, "allowed": BASE_XIANG}, "06")],
        ),
        (
            (THEME, "12", "212001/000001"),  # 应急维稳, the twelfth 项 of 主题
            [],
        ),
    ],
)
def test_the_code_agrees_with_the_classification(
    pack: Pack, given: tuple[str | None, str | None, str | None], hits: list[Hit]
) -> None:
    ctx = RuleContext(pack, TODAY)
    rec = _classified(*given)
    assert in_chinese(code_and_classification(rec, ctx)) == hits
    assert in_chinese(code_and_classification(rec, ctx)) == hits  # again, from the memo


def test_the_classes_are_looked_up_once_per_run(pack: Pack) -> None:
    ctx = RuleContext(pack, TODAY)
    list(code_and_classification(_classified(BASE, None, None), ctx))
    assert ctx.memo == {("resource-class", BASE, None): ("1", None, None, None)}
    list(code_and_classification(_classified(BASE, "02", None), ctx))
    list(code_and_classification(_classified(BASE, "社会保障", None), ctx))  # not kept: wrong
    list(code_and_classification(_classified("公共服务", "某项", None), ctx))  # nor a 类 without 项
    assert ctx.memo == {
        ("resource-class", BASE, None): ("1", None, None, None),
        ("resource-class", BASE, "02"): ("1", "法人单位基础信息资源", "02", None),
    }


CONDITIONAL = {"share_type": "有条件共享"}


@pytest.mark.parametrize(
    ("lei", "code", "share", "items", "hit"),
    [
        (BASE, None, CONDITIONAL, [], True),
        (None, "102001/000001", CONDITIONAL, [], True),
        (None, "202001/000001", CONDITIONAL, [], False),
        (THEME, "102001/000001", CONDITIONAL, [], False),
        (None, None, CONDITIONAL, [], False),
        (BASE, None, {"share_type": "不予共享"}, [], True),
        (BASE, None, {"share_type": "无条件共享"}, [], False),
        (BASE, None, {}, [], False),
        (BASE, None, CONDITIONAL, [{"base_item": False}, {"base_item": False}], False),
        (BASE, None, CONDITIONAL, [{"base_item": False}, {"base_item": True}], True),
        (BASE, None, CONDITIONAL, [{"base_item": False}, {}], True),
    ],
)
def test_base_items_of_base_resources_are_shared_unconditionally(
    pack: Pack,
    lei: str | None,
    code: str | None,
    share: dict[str, str],
    items: list[dict[str, bool]],
    hit: bool,
) -> None:
    rec = {**_classified(lei, None, code), "share": share, "items": items}
    share_type = share.get("share_type")
    params = {"share_type": share_type}
    expected = [Hit("GC-R011", "/share/share_type", params, share_type)] if hit else []
    assert _run(base_items_shared, pack, rec) == expected


def test_base_resources_told_by_their_code_or_without_a_share_element(pack: Pack) -> None:
    coded = {PARSED_CODE: parse_resource_code("102001/000001"), "share": CONDITIONAL}
    assert _run(base_items_shared, pack, coded) == [
        Hit("GC-R011", "/share/share_type", {"share_type": "有条件共享"}, "有条件共享")
    ]
    assert _run(base_items_shared, pack, {"category": {"lei": BASE}}) == []


# 《政务数据共享条例》: the rules the pack sharing-2025 names, with its data

UC = "/extensions/usage_conditions"


@pytest.fixture(scope="module")
def sharing() -> Pack:
    return get_pack("sharing-2025@^1")


def test_the_rule_set_the_sharing_pack_names() -> None:
    assert [(r.id, sorted(r.codes)) for r in rules()] == [
        ("not_shared_basis", ["GC-L005", "GC-L008"]),
        ("conditions_name_scope_and_purpose", ["GC-L004", "GC-L007"]),
        ("grade_against_share_type", ["GC-L006"]),
    ]


def _not_shared(basis: object, share_type: str = "不予共享") -> Record:
    return {"share": {"share_type": share_type, "share_condition": basis}}


def test_a_not_shared_basis_that_is_no_law(sharing: Pack) -> None:
    basis = "《某某管理办法》"
    reason = {
        "reason_zh": "《某某管理办法》为规章",
        "reason_en": "《某某管理办法》 is a departmental rule",
    }
    ctx = RuleContext(sharing, TODAY)
    assert list(not_shared_basis(_not_shared(basis), ctx)) == [Hit("GC-L005", CP, reason, basis)]
    # a basis repeated across the catalog is judged once per run
    assert ctx.memo == {("sharing2025-basis", basis): BasisVerdict(False, *reason.values())}
    assert list(not_shared_basis(_not_shared(basis), ctx)) == [Hit("GC-L005", CP, reason, basis)]


def test_a_not_shared_basis_of_unknown_form(sharing: Pack) -> None:
    basis = "《某某文件》"
    reason = {
        "reason_zh": "《某某文件》不在标准包的行政法规名录中，无法确认其为行政法规",
        "reason_en": "《某某文件》 is not in the pack's list of administrative regulations",
    }
    assert _run(not_shared_basis, sharing, _not_shared(basis)) == [
        Hit("GC-L008", CP, reason, basis)
    ]


@pytest.mark.parametrize(
    "rec",
    [
        _not_shared("《中华人民共和国保守国家秘密法》第九条"),
        _not_shared("《某某管理办法》", "有条件共享"),
        _not_shared(None),
        _not_shared("  "),
        _not_shared(12),
        {},
    ],
)
def test_a_not_shared_basis_that_gives_no_hit(sharing: Pack, rec: Record) -> None:
    assert _run(not_shared_basis, sharing, rec) == []


def test_the_national_pack_has_no_legal_forms_to_judge_by(pack: Pack) -> None:
    assert _run(not_shared_basis, pack, _not_shared("《某某管理办法》")) == []
    conditional = {"share": {"share_type": "有条件共享"}, "extensions": {"usage_conditions": "无"}}
    assert _run(conditions_name_scope_and_purpose, pack, conditional) == []


def _conditional(text: object, share_type: str = "有条件共享") -> Record:
    return {"share": {"share_type": share_type}, "extensions": {"usage_conditions": text}}


SCOPE = {"missing_zh": "共享范围", "missing_en": "a scope"}
PURPOSE = {"missing_zh": "使用用途", "missing_en": "a purpose"}


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("仅向 公安部门 提供，用于户籍核验", []),
        ("仅向公安部门提供", [Hit("GC-L007", UC, PURPOSE, "仅向公安部门提供")]),
        ("用于户籍核验", [Hit("GC-L007", UC, SCOPE, "用于户籍核验")]),
        ("申请后提供", [Hit("GC-L004", UC, {}, "申请后提供")]),
        (" ", []),
        (None, []),
    ],
)
def test_conditions_name_a_scope_and_a_purpose(
    sharing: Pack, text: str | None, hits: list[Hit]
) -> None:
    assert _run(conditions_name_scope_and_purpose, sharing, _conditional(text)) == hits


def test_only_conditional_sharing_states_conditions(sharing: Pack) -> None:
    unconditional = _conditional("申请后提供", "无条件共享")
    assert _run(conditions_name_scope_and_purpose, sharing, unconditional) == []
    assert _run(conditions_name_scope_and_purpose, sharing, {}) == []


def _graded(grade: object, share_type: str = "无条件共享") -> Record:
    return {"share": {"share_type": share_type}, "extensions": {"data_grade": grade}}


@pytest.mark.parametrize("grade", ["核心数据", "重要数据"])
def test_core_and_important_data_shared_unconditionally(sharing: Pack, grade: str) -> None:
    assert _run(grade_against_share_type, sharing, _graded(grade)) == [
        Hit("GC-L006", "/extensions/data_grade", {"grade": grade}, grade)
    ]
    assert _run(grade_against_share_type, sharing, _graded(grade, "有条件共享")) == []
    unreadable = {**_graded(grade), "$invalid": frozenset({"/extensions/data_grade"})}
    assert _run(grade_against_share_type, sharing, unreadable) == []


@pytest.mark.parametrize("grade", ["一般数据", "一般数据1级", "秘密", None, 3])
def test_other_grades_shared_unconditionally(sharing: Pack, grade: object) -> None:
    assert _run(grade_against_share_type, sharing, _graded(grade)) == []


def test_the_rules_use_the_verdicts_kept_for_the_run(pack: Pack) -> None:
    """A verdict in the memo is taken as it is, not worked out again for each resource."""
    ctx = RuleContext(pack, TODAY)
    ctx.memo[("format-type", "电子表格", "mp4")] = True
    fmt = {"format_class": "电子表格", "format_types": ["mp4", "jpg"]}
    assert in_chinese(format_rules({"format": fmt, "items": ITEMS}, ctx)) == [
        Hit("GC-F012", "/format/format_types/1", {"format_class": "电子表格"}, "jpg")
    ]
    scheme = pack.provider_code_scheme
    assert scheme is not None
    ctx.memo[(scheme, "91350100M000100Y44")] = check_identifier(scheme, "91350100M000100Y43")
    assert list(provider_code({"provider_code": "91350100M000100Y44"}, ctx)) == []
    ctx.memo[("share-condition-fold", "仅限公安部门")] = "无"  # as if it had been folded so
    unconditional = {"share_type": "无条件共享", **PLATFORM, "share_condition": "仅限公安部门"}
    assert in_chinese(share_attributes({"share": unconditional}, ctx)) == [
        Hit("GC-F003", CP, F003, "仅限公安部门")
    ]
    ctx.memo[("resource-class", BASE, "社会保障")] = ("9", "社会保障", None, None)
    rec = _classified(BASE, "社会保障", "103001/000001")
    assert in_chinese(code_and_classification(rec, ctx)) == [
        Hit("GC-R007", "/code", {"lei": BASE, "expected": "9"}, "1")
    ]


def test_a_pack_without_a_xiang_code_table_checks_no_xiang_digits(pack: Pack) -> None:
    untabled = dataclasses.replace(pack, xiang_codes={})
    rec = _classified(BASE, "法人单位基础信息资源", "103001/000001")
    assert _run(code_and_classification, untabled, rec) == []


def test_a_basis_judged_once_is_not_judged_again(sharing: Pack) -> None:
    ctx = RuleContext(sharing, TODAY)
    basis = "《某某管理办法》"
    ctx.memo[("sharing2025-basis", basis)] = BasisVerdict(True)
    assert list(not_shared_basis(_not_shared(basis), ctx)) == []


def _with_grades(sharing: Pack, grades: Vocabulary) -> Pack:
    return dataclasses.replace(sharing, vocabularies={**sharing.vocabularies, "data-grade": grades})


def test_a_regions_own_level_under_important_data_is_important_data(sharing: Pack) -> None:
    grades = sharing.vocabularies["data-grade"]
    important = grades.concept("重要数据")
    level = dataclasses.replace(
        grades.concept("一般数据1级"),
        iri=important.iri + "-1",
        label_zh="重要数据一级",
        label_en="important data, level 1",
        alt_labels=(),
        hidden_labels=(),
        broader=important.iri,
    )
    own = dataclasses.replace(grades, concepts=(*grades.concepts, level))
    assert _run(grade_against_share_type, _with_grades(sharing, own), _graded("重要数据一级")) == [
        Hit("GC-L006", "/extensions/data_grade", {"grade": "重要数据一级"}, "重要数据一级")
    ]


def test_a_level_whose_broader_level_the_pack_left_out(sharing: Pack) -> None:
    narrowed = sharing.vocabularies["data-grade"].restrict(exclude=["一般数据"])
    pack = _with_grades(sharing, narrowed)
    assert _run(grade_against_share_type, pack, _graded("一般数据1级")) == []
    assert _run(grade_against_share_type, pack, _graded("核心数据")) == [
        Hit("GC-L006", "/extensions/data_grade", {"grade": "核心数据"}, "核心数据")
    ]
