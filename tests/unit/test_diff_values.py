"""Each change carries exactly what it changed from and to, on which resource and data item:
the values are written out by hand for one edit at a time of the realistic catalog of
``test_diff_compare``."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from test_diff_compare import catalog, first, resource  # a sibling module of this one

from govcatalog.diff import Side, compare
from govcatalog.diff.compare import compare_resources, value_of
from govcatalog.diff.elements import ElementChanges, national_changes
from govcatalog.diff.load import side_from_document
from govcatalog.diff.match import Ambiguous, Matching, match_items, match_resources
from govcatalog.diff.result import ItemRef, ResourceRef

Edit = Callable[[dict[str, Any]], object]
FIRST = ResourceRef("101001/000001", "101001/000001", "人口基本信息", "人口基本信息")


def rows(edit: Edit, before: Edit | None = None) -> list[tuple[object, ...]]:
    """(kind, field, old, new, item, resource) of every change ``edit`` makes."""
    old = catalog()
    if before is not None:
        before(old)
    new = copy.deepcopy(old)
    edit(new)
    result = compare(side_from_document(old), side_from_document(new))
    return [(c.kind.value, c.field, c.old, c.new, c.item, c.resource) for c in result]


def _open(value: object) -> Edit:
    return lambda d: first(d)["open"].update(open_to_public=value)


def test_opening_values() -> None:
    field = "open.open_to_public"
    assert rows(_open(False)) == [("opening-withdrawn", field, True, False, None, FIRST)]
    assert rows(_open(True), _open(False)) == [("opening-granted", field, False, True, None, FIRST)]
    # Stating "not open" where nothing was said opens or closes nothing.
    assert rows(_open(False), _open(None)) == [("value-declared", field, None, False, None, FIRST)]


def test_secrecy_values() -> None:
    secret = "涉密政务信息资源目录"
    assert rows(lambda d: first(d).update(secrecy=secret)) == [
        ("secrecy-raised", "secrecy", None, secret, None, FIRST)
    ]
    assert rows(
        lambda d: first(d).update(secrecy="非涉密"), lambda d: first(d).update(secrecy=secret)
    ) == [("secrecy-lowered", "secrecy", secret, "非涉密", None, FIRST)]
    assert rows(lambda d: first(d).update(secrecy="非涉密")) == [
        ("value-declared", "secrecy", None, "非涉密", None, FIRST)
    ]


def test_an_update_cycle_that_cannot_be_ordered_is_changed_not_slowed() -> None:
    assert rows(lambda d: first(d).update(update_cycle="其他")) == [
        ("update-cycle-changed", "update_cycle", "每日", "其他", None, FIRST)
    ]
    assert rows(lambda d: first(d).update(update_cycle="实时")) == [
        ("update-cycle-quickened", "update_cycle", "每日", "实时", None, FIRST)
    ]


def test_format_types_compare_as_multisets() -> None:
    def before(d: dict[str, Any]) -> None:
        first(d)["format"]["format_types"] = ["Oracle", "json"]

    def edit(d: dict[str, Any]) -> None:
        first(d)["format"]["format_types"] = ["csv", "Oracle", "csv"]

    field = "format.format_types"
    assert rows(edit, before) == [
        ("format-type-added", field, None, "csv", None, FIRST),
        ("format-type-added", field, None, "csv", None, FIRST),
        ("format-type-removed", field, "json", None, None, FIRST),
    ]


def test_related_codes_added_and_removed() -> None:
    def edit(d: dict[str, Any]) -> None:
        first(d)["related_codes"] = ["201003/000007"]

    assert rows(edit) == [
        ("related-code-added", "related_codes", None, "201003/000007", None, FIRST),
        ("related-code-removed", "related_codes", "101001/000002", None, None, FIRST),
    ]


def _item(name: str, index: int) -> ItemRef:
    return ItemRef(name, name, index, index)


def test_item_values_and_positions() -> None:
    def edit(d: dict[str, Any]) -> None:
        items = first(d)["items"]
        items[0]["length"] = 60
        items[1]["extensions"] = {"x": "1"}
        items[2]["data_type"] = "日期时间型"
        items[3]["length"] = None  # no stated length: any length
        items[3]["data_type"] = "数值型"

    assert rows(edit) == [
        ("item-length-increased", "items.length", 50, 60, _item("姓名", 0), FIRST),
        (
            "item-attribute-changed",
            "items.extensions.x",
            None,
            "1",
            _item("公民身份号码", 1),
            FIRST,
        ),
        (
            "item-type-changed",
            "items.data_type",
            "日期型",
            "日期时间型",
            _item("出生日期", 2),
            FIRST,
        ),
        ("item-type-widened", "items.data_type", "整型", "数值型", _item("年龄", 3), FIRST),
        ("item-length-increased", "items.length", 3, None, _item("年龄", 3), FIRST),
    ]


def test_a_narrowed_type_and_a_shorter_item() -> None:
    def edit(d: dict[str, Any]) -> None:
        items = first(d)["items"]
        items[3]["data_type"] = "整型"
        items[3]["length"] = 2

    def before(d: dict[str, Any]) -> None:
        first(d)["items"][3]["data_type"] = "双精度型"

    assert rows(edit, before) == [
        ("item-type-narrowed", "items.data_type", "双精度型", "整型", _item("年龄", 3), FIRST),
        ("item-length-decreased", "items.length", 3, 2, _item("年龄", 3), FIRST),
    ]


def test_items_added_removed_and_reordered() -> None:
    def edit(d: dict[str, Any]) -> None:
        items = first(d)["items"]
        items[0], items[3] = items[3], items[0]

    names = ("姓名", "公民身份号码", "出生日期", "年龄")
    assert rows(edit) == [
        (
            "items-reordered",
            "items",
            names,
            ("年龄", "公民身份号码", "出生日期", "姓名"),
            None,
            FIRST,
        )
    ]

    def grow(d: dict[str, Any]) -> None:
        items = first(d)["items"]
        items.append({"name": "性别", "data_type": "字符型", "length": 1})
        items.append({"name": "民族", "data_type": "字符型", "length": 2})

    assert rows(grow) == [
        ("item-added", "items", None, "性别", ItemRef(None, "性别", None, 4), FIRST),
        ("item-added", "items", None, "民族", ItemRef(None, "民族", None, 5), FIRST),
    ]
    assert rows(lambda d: first(d)["items"].pop(1)) == [
        (
            "item-removed",
            "items",
            "公民身份号码",
            None,
            ItemRef("公民身份号码", None, 1, None),
            FIRST,
        )
    ]


def test_removed_and_added_resources_name_their_side() -> None:
    assert rows(lambda d: d["resources"].pop(1)) == [
        (
            "resource-removed",
            "",
            "101002/000001",
            None,
            None,
            ResourceRef("101002/000001", None, "法人基本信息", None),
        )
    ]
    assert rows(lambda d: d["resources"].append(resource("101009/000001", "新资源"))) == [
        (
            "resource-added",
            "",
            None,
            "101009/000001",
            None,
            ResourceRef(None, "101009/000001", None, "新资源"),
        )
    ]


def test_catalog_facts_values() -> None:
    assert rows(lambda d: d["catalog"].update(version="2024.2")) == [
        ("catalog-info-changed", "catalog.version", "2024.1", "2024.2", None, None)
    ]


# ---------------------------------------------------------------- matching, by index
def rec(name: str, provider: str = "甲局", code: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "provider": provider, **extra}
    if code is not None:
        out["code"] = code
    return out


def test_one_to_one_by_name_and_provider_and_the_rest_on_either_side() -> None:
    old = [rec("甲"), rec("乙"), rec("丙", items=[{"name": "x"}])]
    new = [rec("丙", items=[{"name": "y"}]), rec("丁"), rec("甲", abstract="新摘要")]
    assert match_resources(old, new) == Matching(((2, 0), (0, 2)), (1,), (1,))


def test_one_against_two_of_a_name_is_ambiguous() -> None:
    old = [rec("甲", abstract="a")]
    new = [rec("甲", abstract="b"), rec("甲", abstract="c")]
    matching = match_resources(old, new)
    assert matching == Matching((), (), (), (Ambiguous((0,), (0, 1)),))
    assert match_resources(new, old) == matching.mirror()
    assert matching.mirror() == Matching((), (), (), (Ambiguous((0, 1), (0,)),))


def test_two_against_one_of_a_name_is_ambiguous_too() -> None:
    old = [rec("甲", abstract="a"), rec("甲", abstract="b")]
    new = [rec("甲", abstract="c")]
    assert match_resources(old, new).ambiguous == (Ambiguous((0, 1), (0,)),)


def test_items_pair_by_name_then_by_position() -> None:
    old = [{"name": "a"}, {"name": "b"}, {"name": "c"}]
    new = [{"name": "c"}, {"name": "B"}, {"name": "a"}, {"name": "d"}]
    # a and c by name; b and B stand at the same place: one item renamed; d is new
    assert match_items(old, new) == Matching(((2, 0), (1, 1), (0, 2)), (), (3,))


# ---------------------------------------------------------------- records as given (no loader)
def raw(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(c.kind.value, c.field, c.old, c.new, c.item) for c in compare_resources(old, new)]


def test_a_length_stated_where_none_was_is_a_decrease() -> None:
    old = {"items": [{"name": "a", "length": None}]}
    new = {"items": [{"name": "a", "length": 5}]}
    assert raw(old, new) == [("item-length-decreased", "items.length", None, 5, _item("a", 0))]


def test_an_item_key_on_one_side_only_and_an_item_that_is_not_an_object() -> None:
    old = {"items": [{"name": "a"}, "b"]}
    new = {"items": [{"name": "a", "note": "x"}, {"name": "b"}]}
    # The string in the old list reads as an item without a name, at the same place as b.
    assert raw(old, new) == [
        ("item-attribute-changed", "items.note", None, "x", _item("a", 0)),
        ("item-renamed", "items.name", None, "b", ItemRef(None, "b", 1, 1)),
    ]


def test_format_types_that_are_not_a_list_count_as_none() -> None:
    old = {"format": {"format_types": "csv"}}
    new = {"format": {"format_types": ["csv"]}}
    assert raw(old, new) == [("format-type-added", "format.format_types", None, "csv", None)]


def test_exact_duplicates_pair_in_order_and_the_extra_one_is_added() -> None:
    old = [rec("甲", abstract="a"), rec("甲", abstract="a")]
    new = [rec("甲", abstract="b"), rec("甲", abstract="b"), rec("甲", abstract="b")]
    assert match_resources(old, new) == Matching(((0, 0), (1, 1)), (), (2,))


def test_a_dict_outside_the_groups_is_compared_whole() -> None:
    old = {"备注": {"a": 1}}
    new = {"备注": {"a": 2}}
    assert raw(old, new) == [("extension-changed", "备注", '{"a": 1}', '{"a": 2}', None)]


# ---------------------------------------------------------------- matching: each step decides
def test_a_code_used_twice_pairs_identical_records_whatever_their_key_order() -> None:
    day = dt.date(2024, 3, 1)  # not JSON: compared through its text
    a = rec("甲", code="X", items=[{"name": "x"}], publish_date=day)
    b = rec("甲", code="X", items=[{"name": "y"}], publish_date=day)
    old = [a, b]
    new = [dict(reversed(b.items())), dict(reversed(a.items()))]
    assert match_resources(old, new) == Matching(((1, 0), (0, 1)), (), ())


def test_records_equal_on_the_fields_both_versions_carry_pair_up() -> None:
    # A later crawl adds fields to every record: what both carry (name, provider, abstract)
    # tells the two 甲 apart, as long as it is at least half of what each version carries.
    old = [rec("甲", abstract="a1"), rec("甲", abstract="a2")]

    def crawled(extra: int) -> list[dict[str, Any]]:
        more = {f"f{i}": "v" for i in range(extra)}
        return [rec("甲", abstract="a2", **more), rec("甲", abstract="a1", **more)]

    paired = Matching(((1, 0), (0, 1)), (), ())
    assert match_resources(old, crawled(3)) == paired  # 3 shared of 6 carried
    assert match_resources(crawled(3), old) == paired  # the same pairs, seen from the other side
    ambiguous = Matching((), (), (), (Ambiguous((0, 1), (0, 1)),))
    assert match_resources(old, crawled(4)) == ambiguous  # 3 shared of 7 carried
    assert match_resources(crawled(4), old) == ambiguous


def test_the_names_of_the_data_items_tell_same_named_records_apart() -> None:
    old = [rec("甲", items=[{"name": "x"}], abstract="1"), rec("甲", items=[{"name": "y"}])]
    new = [rec("甲", items=[{"name": "y"}], abstract="2"), rec("甲", items=[{"name": "x"}])]
    assert match_resources(old, new) == Matching(((1, 0), (0, 1)), (), ())


def test_values_in_canonical_form() -> None:
    assert [value_of(v) for v in (None, "a", True, 3)] == [None, "a", True, 3]
    assert value_of(1.5) == "1.5"
    assert value_of(dt.date(2024, 3, 1)) == "2024-03-01"
    assert value_of(["b", "a"]) == ("b", "a")
    assert value_of([]) == ()
    assert value_of([1, "a"]) == '[1, "a"]'
    assert value_of({"b": 1, "a": "中"}) == '{"a": "中", "b": 1}'
    assert value_of({"d": dt.date(2024, 3, 1)}) == '{"d": "2024-03-01"}'


def test_a_change_after_an_unchanged_resource() -> None:
    second = ResourceRef("101002/000001", "101002/000001", "法人基本信息", "法人基本信息")
    assert rows(lambda d: d["resources"][1].update(abstract="新摘要。")) == [
        (
            "abstract-changed",
            "abstract",
            "法人基本信息，包括基本身份信息。",
            "新摘要。",
            None,
            second,
        )
    ]


def _everywhere(count: int) -> list[tuple[object, ...]]:
    def edit(d: dict[str, Any]) -> None:
        for r in d["resources"]:
            r["extensions"] = {"浏览量": 5}

    def keep(d: dict[str, Any]) -> None:
        del d["resources"][count:]

    return rows(edit, keep)


def test_a_field_added_to_every_resource_is_one_change_of_shape() -> None:
    # 95 % of the matched resources, and at least two
    assert _everywhere(2) == [("field-added-everywhere", "extensions.浏览量", None, 2, None, None)]
    assert _everywhere(3) == [("field-added-everywhere", "extensions.浏览量", None, 3, None, None)]
    assert [row[0] for row in _everywhere(1)] == ["extension-changed"]


def test_an_ambiguous_group_names_its_resources_by_position() -> None:
    old = Side("a", {}, [rec("甲", abstract="a")])
    new = Side("b", {}, [rec("甲", abstract="b"), rec("甲", abstract="c")])
    result = compare(old, new)
    assert [(c.kind.value, c.old, c.new, c.resource) for c in result] == [
        ("resource-ambiguous", ("#0",), ("#0", "#1"), ResourceRef(None, None, "甲", "甲"))
    ]


def test_the_other_side_not_a_list_or_not_an_object_and_item_extensions_changed() -> None:
    old = {"format": {"format_types": ["csv"]}, "items": [{"name": "a", "extensions": {"x": "1"}}]}
    new = {
        "format": {"format_types": "csv"},
        "items": [{"name": "a", "extensions": {"x": "2"}}, "b"],
    }
    assert raw(old, new) == [
        ("format-type-removed", "format.format_types", "csv", None, None),
        ("item-added", "items", None, None, ItemRef(None, None, None, 1)),
        ("item-attribute-changed", "items.extensions.x", "1", "2", _item("a", 0)),
    ]


def test_records_without_a_name_or_of_another_provider_are_not_paired_by_name() -> None:
    nameless = Matching((), (0,), (0,))
    assert (
        match_resources(
            [{"provider": "甲局", "abstract": "a"}], [{"provider": "甲局", "abstract": "b"}]
        )
        == nameless
    )
    assert (
        match_resources([rec("甲", "A局", abstract="1")], [rec("甲", "B局", abstract="2")])
        == nameless
    )


def test_empty_values_are_not_fields_a_version_carries() -> None:
    old = [rec("甲", abstract="a1"), rec("甲", abstract="a2")]
    more = {"f0": "v", "f1": "v", "f2": "v", "empty": "", "none": None, "nothing": []}
    new = [rec("甲", abstract="a2", **more), rec("甲", abstract="a1", **more)]
    # 3 shared of the 6 non-empty fields the new version carries: paired, as without the empties
    assert match_resources(old, new) == Matching(((1, 0), (0, 1)), (), ())


def test_an_item_extension_removed_and_one_kept() -> None:
    old = {"items": [{"name": "a", "extensions": {"x": "1", "y": "2"}}]}
    new = {"items": [{"name": "a", "extensions": {"y": "2"}}]}
    assert raw(old, new) == [
        ("item-attribute-changed", "items.extensions.x", "1", None, _item("a", 0))
    ]


def test_records_carrying_none_of_the_shared_fields_are_not_paired_by_them() -> None:
    # name, provider and abstract are shared (3 of the 4 and 5 fields carried); the two
    # records that carry none of them have nothing in common, so nothing pairs them
    old = [rec("甲", abstract="a"), {"备注": "x"}]
    new = [rec("甲", abstract="a", f0="v"), {"说明": "y"}]
    assert match_resources(old, new) == Matching(((0, 0),), (1,), (1,))


def test_dates_among_the_shared_fields_are_compared_through_their_text() -> None:
    march, april = dt.date(2024, 3, 1), dt.date(2024, 4, 1)
    old = [rec("甲", publish_date=march), rec("甲", publish_date=april)]
    new = [rec("甲", publish_date=april, f0="v"), rec("甲", publish_date=march, f0="v")]
    assert match_resources(old, new) == Matching(((1, 0), (0, 1)), (), ())


def test_a_pack_element_classified_as_the_pack_says() -> None:
    # A local element whose change is the secrecy classifier, as a pack's field table may say.
    national = national_changes()
    change = MappingProxyType({**national.change, "extensions.保密等级": "secrecy"})
    elements = ElementChanges(change, national.groups, national.item_keys)
    secret = "涉密政务信息资源目录"
    old = Side("a", {}, [rec("甲", extensions={"保密等级": "非涉密"})])
    new = Side("b", {}, [rec("甲", extensions={"保密等级": secret})])
    ref = ResourceRef(None, None, "甲", "甲")
    field = "extensions.保密等级"
    assert [(c.kind.value, c.field, c.old, c.new, c.resource) for c in compare(old, new)] == [
        ("extension-changed", field, "非涉密", secret, ref)
    ]
    assert [
        (c.kind.value, c.field, c.old, c.new, c.resource)
        for c in compare(old, new, elements=elements)
    ] == [("secrecy-raised", field, "非涉密", secret, ref)]


# ---------------------------------------------------------------- a code used more than once
def test_a_code_used_twice_pairs_its_identical_records_then_the_one_left_on_each_side() -> None:
    old = [rec("乙", code="X", abstract="b"), rec("甲", code="X", abstract="a1")]
    new = [rec("甲", code="X", abstract="a2"), rec("乙", code="X", abstract="b")]
    # 乙 is the same on both sides; 甲 is then the only X left on each side
    assert match_resources(old, new) == Matching(((1, 0), (0, 1)), (), ())


def test_a_code_used_twice_on_each_side_with_no_identical_records_is_ambiguous() -> None:
    old = [rec("甲", code="X", abstract="1"), rec("乙", code="X", abstract="2")]
    new = [rec("甲", code="X", abstract="3"), rec("乙", code="X", abstract="4")]
    assert match_resources(old, new) == Matching((), (), (), (Ambiguous((0, 1), (0, 1)),))


def test_one_code_on_one_side_twice_on_the_other_is_ambiguous() -> None:
    one = [rec("甲", code="X", abstract="1")]
    two = [rec("甲", code="X", abstract="2"), rec("甲", code="X", abstract="3")]
    assert match_resources(one, two) == Matching((), (), (), (Ambiguous((0,), (0, 1)),))
    assert match_resources(two, one) == Matching((), (), (), (Ambiguous((0, 1), (0,)),))


def test_a_code_left_on_one_side_only_goes_on_to_be_matched_by_content() -> None:
    old = [rec("甲", code="X", abstract="a"), rec("乙", code="X", abstract="b")]
    new = [rec("甲", code="X", abstract="a")]
    assert match_resources(old, new) == Matching(((0, 0),), (1,), ())


def test_every_shared_code_pairs_whatever_codes_come_before_it() -> None:
    # renamed resources: only their codes pair them; Y is in the old version only
    old = [rec("乙", code="Y"), rec("甲", code="X"), rec("丙", code="Z")]
    new = [rec("甲甲", code="X"), rec("丙丙", code="Z")]
    assert match_resources(old, new) == Matching(((1, 0), (2, 1)), (0,), ())


def test_records_of_one_name_that_cannot_be_told_apart_are_one_ambiguous_group() -> None:
    # The item names pair none of the 甲: two lists [x] on each side, and y and z alone. The
    # group is decided on name and provider, where all three 甲 of each side are ambiguous.
    old = [
        rec("甲", items=[{"name": "x"}], abstract="1"),
        rec("甲", items=[{"name": "x"}], abstract="2"),
        rec("甲", items=[{"name": "y"}], abstract="5"),
    ]
    new = [
        rec("甲", items=[{"name": "x"}], abstract="3"),
        rec("甲", items=[{"name": "x"}], abstract="4"),
        rec("甲", items=[{"name": "z"}], abstract="6"),
    ]
    assert match_resources(old, new) == Matching((), (), (), (Ambiguous((0, 1, 2), (0, 1, 2)),))


def test_ambiguous_groups_in_the_order_of_their_old_records() -> None:
    # the code X is found ambiguous first, the name 甲 after it; they are listed by position
    old = [
        rec("甲", abstract="1"),
        rec("甲", abstract="2"),
        rec("乙", code="X", abstract="3"),
        rec("丙", code="X", abstract="4"),
    ]
    new = [
        rec("甲", abstract="5"),
        rec("甲", abstract="6"),
        rec("乙", code="X", abstract="7"),
        rec("丙", code="X", abstract="8"),
    ]
    groups = (Ambiguous((0, 1), (0, 1)), Ambiguous((2, 3), (2, 3)))
    assert match_resources(old, new) == Matching((), (), (), groups)


def test_an_ambiguous_code_is_named_after_the_first_record_on_each_side() -> None:
    old = Side("v1", {}, [rec("甲", code="X", abstract="1"), rec("乙", code="X", abstract="2")])
    new = Side("v2", {}, [rec("丙", code="X", abstract="3"), rec("丁", code="X", abstract="4")])
    result = compare(old, new)
    assert [(c.kind.value, c.field, c.old, c.new, c.resource) for c in result] == [
        ("resource-ambiguous", "", ("X", "X"), ("X", "X"), ResourceRef(None, None, "甲", "丙"))
    ]
    assert (result.old_label, result.new_label) == ("v1", "v2")


def test_catalog_facts_stated_or_dropped() -> None:
    old = Side("a", {"version": "2024.1", "publisher": "市大数据局"}, [])
    new = Side("b", {"version": "2024.1", "issued": "2024-03-01"}, [])
    assert [(c.kind.value, c.field, c.old, c.new) for c in compare(old, new)] == [
        ("catalog-info-changed", "catalog.issued", None, "2024-03-01"),
        ("catalog-info-changed", "catalog.publisher", "市大数据局", None),
    ]
