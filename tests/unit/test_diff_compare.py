"""Classification of changes between realistic catalog versions, one kind at a time."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from govcatalog.diff import ChangeKind, Impact, Side, apply_patch, canonical_document, compare
from govcatalog.diff.load import side_from_document

K = ChangeKind


def resource(code: str, name: str, provider: str = "市公安局", **extra: Any) -> dict[str, Any]:
    """A resource as a city catalog writes it (canonical keys)."""
    record: dict[str, Any] = {
        "category": {"lei": "基础信息资源目录", "xiang": "人口"},
        "name": name,
        "code": code,
        "provider": provider,
        "provider_code": "11330100002482061N",
        "abstract": f"{name}，包括基本身份信息。",
        "format": {"format_class": "数据库", "format_types": ["Oracle"]},
        "items": [
            {"name": "姓名", "data_type": "字符型", "length": 50},
            {"name": "公民身份号码", "data_type": "字符型", "length": 18},
            {"name": "出生日期", "data_type": "日期型"},
            {"name": "年龄", "data_type": "整型", "length": 3},
        ],
        "share": {
            "share_type": "无条件共享",
            "share_mode_class": "共享平台方式",
            "share_mode_type": "接口",
        },
        "open": {"open_to_public": True, "open_condition": "实名注册后下载"},
        "update_cycle": "每日",
        "publish_date": "2024-03-01",
        "related_codes": ["101001/000002"],
    }
    record.update(extra)
    return record


def catalog() -> dict[str, Any]:
    return {
        "catalog": {"name": "某市政务信息资源目录", "version": "2024.1", "issued": "2024-03-01"},
        "resources": [
            resource("101001/000001", "人口基本信息"),
            resource("101002/000001", "法人基本信息", "市市场监管局"),
            resource("201003/000007", "社会保险参保信息", "市人社局"),
        ],
    }


def changed(edit: Any) -> list[tuple[ChangeKind, str]]:
    """Kinds and fields reported when ``edit`` is applied to a copy of the catalog."""
    old = catalog()
    new = copy.deepcopy(old)
    edit(new)
    result = compare(side_from_document(old), side_from_document(new))
    assert apply_patch(
        canonical_document(side_from_document(old)), result.to_patch()
    ) == canonical_document(side_from_document(new))
    return [(c.kind, c.field) for c in result]


def first(doc: dict[str, Any]) -> dict[str, Any]:
    resources: list[dict[str, Any]] = doc["resources"]
    return resources[0]


def test_a_version_compared_with_itself_has_no_change() -> None:
    side = side_from_document(catalog())
    result = compare(side, side)
    assert not result
    assert len(result) == 0


def test_removed_and_added_resources() -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["resources"].pop(1)
        doc["resources"].append(resource("301005/000001", "不动产登记信息", "市自然资源局"))

    assert sorted(changed(edit)) == sorted([(K.RESOURCE_REMOVED, ""), (K.RESOURCE_ADDED, "")])


def test_a_changed_code_is_matched_by_content_and_reported_recoded() -> None:
    def edit(doc: dict[str, Any]) -> None:
        first(doc)["code"] = "101001/000099"

    result = compare(side_from_document(catalog()), side_from_document(_edited(edit)))
    assert [(c.kind, c.old, c.new) for c in result] == [
        (K.RESOURCE_RECODED, "101001/000001", "101001/000099")
    ]
    assert result.changes[0].impact is Impact.BREAKING


def test_duplicate_names_are_ambiguous_never_guessed() -> None:
    old = catalog()
    old["resources"].append(resource("101001/000005", "人口基本信息"))
    new = copy.deepcopy(old)
    new["resources"][0]["code"] = "101001/000011"
    new["resources"][3]["code"] = "101001/000012"
    result = compare(side_from_document(old), side_from_document(new))
    assert [c.kind for c in result] == [K.RESOURCE_AMBIGUOUS]
    change = result.changes[0]
    assert change.old == ("101001/000001", "101001/000005")
    assert change.new == ("101001/000011", "101001/000012")


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("无条件共享", "有条件共享", K.SHARE_TYPE_TIGHTENED),
        ("有条件共享", "不予共享", K.SHARE_TYPE_TIGHTENED),
        ("无条件共享", "不予共享", K.SHARE_TYPE_TIGHTENED),
        ("不予共享", "有条件共享", K.SHARE_TYPE_LOOSENED),
        ("有条件共享", "无条件共享", K.SHARE_TYPE_LOOSENED),
    ],
)
def test_share_type_tightened_or_loosened(old: str, new: str, kind: ChangeKind) -> None:
    before, after = catalog(), catalog()
    first(before)["share"]["share_type"] = old
    first(after)["share"]["share_type"] = new
    result = compare(side_from_document(before), side_from_document(after))
    assert [(c.kind, c.old, c.new) for c in result] == [(kind, old, new)]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("每日", "每月", K.UPDATE_CYCLE_SLOWED),
        ("实时", "每日", K.UPDATE_CYCLE_SLOWED),
        ("每年", "每季度", K.UPDATE_CYCLE_QUICKENED),
        ("每日", "其他", K.UPDATE_CYCLE_CHANGED),
    ],
)
def test_update_cycle_order_comes_from_the_vocabulary(old: str, new: str, kind: ChangeKind) -> None:
    before, after = catalog(), catalog()
    first(before)["update_cycle"] = old
    first(after)["update_cycle"] = new
    result = compare(side_from_document(before), side_from_document(after))
    assert [c.kind for c in result] == [kind]


def test_update_cycle_dropped_counts_as_slowed() -> None:
    assert changed(lambda d: first(d).pop("update_cycle")) == [
        (K.UPDATE_CYCLE_SLOWED, "update_cycle")
    ]


def test_opening_withdrawn_and_granted() -> None:
    assert (K.OPENING_WITHDRAWN, "open.open_to_public") in changed(
        lambda d: first(d)["open"].update(open_to_public=False)
    )
    before, after = catalog(), catalog()
    first(before)["open"]["open_to_public"] = False
    result = compare(side_from_document(before), side_from_document(after))
    assert [(c.kind, c.impact) for c in result] == [(K.OPENING_GRANTED, Impact.COMPATIBLE)]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("整型", "数值型", K.ITEM_TYPE_WIDENED),
        ("整型", "双精度型", K.ITEM_TYPE_WIDENED),
        ("双精度型", "整型", K.ITEM_TYPE_NARROWED),
        ("整型", "字符型", K.ITEM_TYPE_CHANGED),
        ("日期型", "日期时间型", K.ITEM_TYPE_CHANGED),
    ],
)
def test_data_type_lattice(old: str, new: str, kind: ChangeKind) -> None:
    before, after = catalog(), catalog()
    first(before)["items"][3]["data_type"] = old
    first(after)["items"][3]["data_type"] = new
    result = compare(side_from_document(before), side_from_document(after))
    assert [(c.kind, c.item.name if c.item else None) for c in result] == [(kind, "年龄")]


def test_item_changes() -> None:
    def edit(doc: dict[str, Any]) -> None:
        items = first(doc)["items"]
        items[0]["length"] = 30  # 姓名 shorter
        items[1]["name"] = "身份证号"  # renamed in place
        del items[2]  # 出生日期 removed
        items.append({"name": "性别", "data_type": "字符型", "length": 1})

    kinds = changed(edit)
    assert sorted(kinds) == sorted(
        [
            (K.ITEM_LENGTH_DECREASED, "items.length"),
            (K.ITEM_RENAMED, "items.name"),
            (K.ITEM_REMOVED, "items"),
            (K.ITEM_ADDED, "items"),
        ]
    )


def test_items_reordered_is_one_change() -> None:
    def edit(doc: dict[str, Any]) -> None:
        items = first(doc)["items"]
        items[0], items[3] = items[3], items[0]

    assert changed(edit) == [(K.ITEMS_REORDERED, "items")]


def test_element_changes_and_their_impacts() -> None:
    def edit(doc: dict[str, Any]) -> None:
        r = first(doc)
        r["abstract"] = "人口基本信息。"
        r["name"] = "人口基础信息"
        r["provider"] = "市大数据局"
        r["format"]["format_types"] = ["Oracle", "csv"]
        r["related_codes"] = []
        r["secrecy"] = "涉密政务信息资源目录"

    result = compare(side_from_document(catalog()), side_from_document(_edited(edit)))
    impacts = {c.kind: c.impact for c in result}
    assert impacts == {
        K.ABSTRACT_CHANGED: Impact.EDITORIAL,
        K.NAME_CHANGED: Impact.EDITORIAL,
        K.PROVIDER_CHANGED: Impact.BREAKING,
        K.FORMAT_TYPE_ADDED: Impact.COMPATIBLE,
        K.RELATED_CODE_REMOVED: Impact.COMPATIBLE,
        K.SECRECY_RAISED: Impact.BREAKING,
    }


def test_catalog_facts() -> None:
    assert changed(lambda d: d["catalog"].update(version="2024.2")) == [
        (K.CATALOG_INFO_CHANGED, "catalog.version")
    ]


def test_reasons_are_filled_in_both_languages() -> None:
    from govcatalog.diff.load import field_names
    from govcatalog.packs import get_pack
    from govcatalog.report import Lang

    before, after = catalog(), catalog()
    first(after)["provider"] = "市大数据局"
    result = compare(side_from_document(before), side_from_document(after), field_names(get_pack()))
    change = result.changes[0]
    assert "市大数据局" in change.reason(Lang.ZH, result.names)
    assert "信息资源提供方" in change.reason(Lang.ZH, result.names)
    assert "{" not in change.reason(Lang.EN, result.names)


def test_fail_threshold() -> None:
    result = compare(
        side_from_document(catalog()), side_from_document(_edited(lambda d: d["resources"].pop()))
    )
    assert result.fails(Impact.BREAKING)
    assert not result.fails(None)
    additions = compare(Side("a", {}, []), side_from_document({"resources": [resource("1", "x")]}))
    assert not additions.fails(Impact.BREAKING)
    assert additions.fails(Impact.COMPATIBLE)


def _edited(edit: Any) -> dict[str, Any]:
    doc = catalog()
    edit(doc)
    return doc
