"""Reading one value for its element: what each kind of element keeps, and every liberty taken
or refusal written out as its hit (code, pointer, parameters, value)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from govcatalog.errors import PackError
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.pack import load_pack
from govcatalog.records.coerce import INVALID, PARSED_CODE, Coercer
from govcatalog.records.hits import Hit
from tests.helpers import in_chinese

GUIDE = {"standard_zh": "编制指南", "standard_en": "the guide"}
NAME = {"element_zh": "信息资源名称", "element_en": "Resource name", **GUIDE}
CODE = {"element_zh": "信息资源代码", "element_en": "Resource code", **GUIDE}
DATE = {"element_zh": "发布日期", "element_en": "Publish date", **GUIDE}
LENGTH = {"element_zh": "数据长度", "element_en": "Data length", **GUIDE}
OPEN = {"element_zh": "是否向社会开放", "element_en": "Open to the public", **GUIDE}
RELATED = {"element_zh": "关联资源代码", "element_en": "Related resource codes", **GUIDE}
CYCLE = {"element_zh": "更新周期", "element_en": "Update cycle", **GUIDE}
TYPES = {"element_zh": "信息资源格式类型", "element_en": "Format types", **GUIDE}
FORMAT_CLASS = {"element_zh": "信息资源格式分类", "element_en": "Format class", **GUIDE}
MODE_CLASS = {"element_zh": "共享方式分类", "element_en": "Share mode class", **GUIDE}
NO_SLASH = {
    "reason_zh": "应由前段码和后段码以一个“/”分隔",
    "reason_en": "must be a classification code and a sequence code separated by one '/'",
}


def _read(pack: Pack, data: dict[str, Any]) -> tuple[dict[str, Any], list[Hit]]:
    """The record without the parsed code, and the hits other than missing elements."""
    out = Coercer(pack).resource(data)
    assert out is not None
    record = {k: v for k, v in out.record.items() if k != "$code"}
    return record, in_chinese(h for h in out.hits if h.code != "GC-F001")


def _wrong(
    element: dict[str, str], expected: tuple[str, str], actual: tuple[str, str]
) -> dict[str, str]:
    return {
        **element,
        "expected_zh": expected[0],
        "expected_en": expected[1],
        "actual_zh": actual[0],
        "actual_en": actual[1],
    }


def test_text_from_numbers(pack: Pack) -> None:
    # a number reads as the digits written; one in exponent form is reported as rewritten
    assert _read(pack, {"name": 12}) == ({"name": "12"}, [])
    assert _read(pack, {"name": 1.5}) == ({"name": "1.5"}, [])
    assert _read(pack, {"name": 1e20}) == (
        {"name": "1e+20"},
        [Hit("GC-F003", "/name", {**NAME, "canonical": "1e+20"}, "1e+20")],
    )
    # a code may have lost its leading zeros: rewritten even from a whole number
    assert _read(pack, {"code": 101001}) == (
        {"code": "101001"},
        [
            Hit("GC-F003", "/code", {**CODE, "canonical": "101001"}, "101001"),
            Hit("GC-F005", "/code", NO_SLASH, "101001"),
        ],
    )


@pytest.mark.parametrize(
    ("value", "actual"), [(True, ("布尔值", "a boolean")), (["x"], ("列表", "a list"))]
)
def test_text_of_the_wrong_type(pack: Pack, value: object, actual: tuple[str, str]) -> None:
    assert _read(pack, {"name": value}) == (
        {INVALID: frozenset({"/name"})},
        [Hit("GC-S003", "/name", _wrong(NAME, ("文本", "text"), actual), repr(value))],
    )


def test_text_longer_than_its_element_allows(pack: Pack) -> None:
    assert _read(pack, {"name": "名" * 50}) == ({"name": "名" * 50}, [])
    long = "名" * 51
    assert _read(pack, {"name": long}) == (
        {"name": long},
        [Hit("GC-F004", "/name", {**NAME, "length": 51, "max_length": 50}, long)],
    )


@pytest.mark.parametrize("placeholder", ["/", "无", "-", "null"])  # null: the longest
def test_a_placeholder_is_a_missing_value(pack: Pack, placeholder: str) -> None:
    assert _read(pack, {"name": placeholder}) == (
        {},
        [Hit("GC-F016", "/name", NAME, placeholder)],
    )
    # except for the share condition, where 无 says "no condition"
    assert _read(pack, {"share": {"share_condition": "无"}}) == (
        {"share": {"share_condition": "无"}},
        [],
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024/3/1", dt.date(2024, 3, 1)),
        ("2024.03.01", dt.date(2024, 3, 1)),
        ("2024年3月1日", dt.date(2024, 3, 1)),
        ("2024年3月1日 08:30", dt.date(2024, 3, 1)),
        ("20240301", dt.date(2024, 3, 1)),
        ("2024-03-01T08:00:00+08:00", dt.date(2024, 3, 1)),
        ("2024-03-01 08:00", dt.date(2024, 3, 1)),
        ("2024-3-1", dt.date(2024, 3, 1)),
        ("2024-03-1 08:00", dt.date(2024, 3, 1)),
        # a number cell of a workbook: typed as digits, or a date cell saved as its serial
        (20240301, dt.date(2024, 3, 1)),
        ("45342", dt.date(2024, 2, 20)),
        (45342, dt.date(2024, 2, 20)),
        (45342.0, dt.date(2024, 2, 20)),
        (45342.5, dt.date(2024, 2, 20)),  # a date-and-time cell saved as a number: its day
        ("45342.375", dt.date(2024, 2, 20)),
        ("32874", dt.date(1990, 1, 1)),
        (73050, dt.date(2099, 12, 31)),
    ],
)
def test_dates_in_other_forms_are_rewritten(pack: Pack, text: object, day: dt.date) -> None:
    assert _read(pack, {"publish_date": text}) == (
        {"publish_date": day},
        [Hit("GC-F003", "/publish_date", {**DATE, "canonical": day.isoformat()}, str(text))],
    )


def test_dates_taken_as_they_are(pack: Pack) -> None:
    assert _read(pack, {"publish_date": "2024-03-01"}) == (
        {"publish_date": dt.date(2024, 3, 1)},
        [],
    )
    assert _read(pack, {"publish_date": " 2024-03-01 "}) == (
        {"publish_date": dt.date(2024, 3, 1)},
        [],
    )
    assert _read(pack, {"publish_date": dt.date(2024, 3, 1)}) == (
        {"publish_date": dt.date(2024, 3, 1)},
        [],
    )
    assert _read(pack, {"publish_date": "  "}) == ({}, [])
    # the keys after a date are read as well
    after = {"publish_date": "2024-03-01", "name": "人口信息"}
    assert _read(pack, after) == ({"publish_date": dt.date(2024, 3, 1), "name": "人口信息"}, [])
    moment = dt.datetime(2024, 3, 1, 8, 0)
    assert _read(pack, {"publish_date": moment}) == (
        {"publish_date": dt.date(2024, 3, 1)},
        [Hit("GC-F003", "/publish_date", {**DATE, "canonical": "2024-03-01"}, "2024-03-01 08:00")],
    )


@pytest.mark.parametrize(
    "value",
    [
        "2024-02-30",
        "2024年13月1日",
        "2024/2/30",
        "2024-2-30",
        "March 2024",
        "2024/13",  # no month 13: not a month without its day either (GC-F019)
        32873,  # a serial number before 1990: not read as a date
        73051,
        32873.5,
        "45342.",
        "24-03-01",
        "2024-W01-1",  # an ISO week date, which date.fromisoformat would take
    ],
)
def test_a_date_that_is_no_date(pack: Pack, value: object) -> None:
    shown = value if isinstance(value, str) else repr(value)
    assert _read(pack, {"publish_date": value}) == (
        {INVALID: frozenset({"/publish_date"})},
        [Hit("GC-R009", "/publish_date", DATE, shown)],
    )


def test_lengths_are_positive_whole_numbers(pack: Pack) -> None:
    lengths: list[object] = [50, "50", 2.0, 1, 0, 2.5, "0", True, -3, " 7 ", "a"]
    record, hits = _read(
        pack, {"items": [{"name": str(i), "length": v} for i, v in enumerate(lengths)]}
    )
    assert [item.get("length") for item in record["items"]] == [
        50,
        50,
        2,
        1,
        None,
        None,
        None,
        None,
        None,
        7,
        None,
    ]
    assert record[INVALID] == frozenset(f"/items/{i}/length" for i in (4, 5, 6, 7, 8, 10))
    p = "/items/{}/length".format
    assert hits == [
        Hit("GC-F003", p(1), {**LENGTH, "canonical": "50"}, "50"),
        Hit("GC-F003", p(2), {**LENGTH, "canonical": "2"}, "2.0"),
        Hit("GC-F010", p(4), LENGTH, "0"),
        Hit("GC-F010", p(5), LENGTH, "2.5"),
        Hit("GC-F010", p(6), LENGTH, "0"),
        Hit("GC-F010", p(7), LENGTH, "True"),
        Hit("GC-F010", p(8), LENGTH, "-3"),
        Hit("GC-F003", p(9), {**LENGTH, "canonical": "7"}, " 7 "),
        Hit("GC-F010", p(10), LENGTH, "a"),
    ]


@pytest.mark.parametrize(
    ("text", "length"),
    [("18.0", 18), ("18.00", 18), ("18位", 18), ("50 个字符", 50), ("50字符", 50), ("4字节", 4)],
)
def test_lengths_written_with_a_unit_or_a_zero_fraction(pack: Pack, text: str, length: int) -> None:
    record, hits = _read(pack, {"items": [{"name": "x", "length": text}]})
    assert record["items"] == [{"name": "x", "length": length}]
    params = {**LENGTH, "canonical": str(length)}  # the number as the message says it
    assert hits == [Hit("GC-F003", "/items/0/length", params, text)]


@pytest.mark.parametrize(
    ("text", "length"),
    [("10,2", 10), ("10，2", 10), ("(10,2)", 10), ("（38，10）", 38), ("8, 0", 8)],
)
def test_lengths_written_as_precision_and_scale(pack: Pack, text: str, length: int) -> None:
    """NUMBER(10,2) in a data-element catalog: the length is the precision."""
    record, hits = _read(pack, {"items": [{"name": "x", "length": text}]})
    assert record["items"] == [{"name": "x", "length": length}]
    assert hits == [Hit("GC-F003", "/items/0/length", {**LENGTH, "canonical": str(length)}, text)]


@pytest.mark.parametrize(
    "text", ["0.0", "0位", "18.5", "10.2", "4,000", "1,50", "0,0", "varchar(50)", "位", "18米"]
)
def test_lengths_that_are_no_whole_number_of_characters(pack: Pack, text: str) -> None:
    _, hits = _read(pack, {"items": [{"name": "x", "length": text}]})
    assert hits == [Hit("GC-F010", "/items/0/length", LENGTH, text)]


@pytest.mark.parametrize(
    ("value", "read", "hits"),
    [
        (True, True, []),
        ("是", True, []),
        ("否", False, []),
        ("1", True, []),
        (1, True, [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "是"}, "1")]),
        (0, False, [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "否"}, "0")]),
        (
            "不予开放",
            False,
            [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "否"}, "不予开放")],
        ),
    ],
)
def test_yes_or_no(pack: Pack, value: object, read: bool, hits: list[Hit]) -> None:
    assert _read(pack, {"open": {"open_to_public": value}}) == (
        {"open": {"open_to_public": read}},
        hits,
    )


def test_an_open_type_where_yes_or_no_is_expected_is_kept_as_the_condition(pack: Pack) -> None:
    assert _read(pack, {"open": {"open_to_public": "有条件开放"}}) == (
        {"open": {"open_to_public": True, "open_condition": "有条件开放"}},
        [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "是"}, "有条件开放")],
    )


@pytest.mark.parametrize("value", ["可能", 2, 1.0])
def test_neither_yes_nor_no(pack: Pack, value: object) -> None:
    shown = value if isinstance(value, str) else repr(value)
    assert _read(pack, {"open": {"open_to_public": value}}) == (
        {"open": {}, INVALID: frozenset({"/open/open_to_public"})},
        [Hit("GC-F002", "/open/open_to_public", {**OPEN, "allowed": "是、否"}, shown)],
    )


def test_lists_of_codes(pack: Pack) -> None:
    assert _read(pack, {"related_codes": "101001/000001、bad"}) == (
        {"related_codes": ["101001/000001", "bad"]},
        [Hit("GC-F005", "/related_codes/1", NO_SLASH, "bad")],
    )
    written = "['101001/000001', '102001/000002']"
    assert _read(pack, {"related_codes": written}) == (
        {"related_codes": ["101001/000001", "102001/000002"]},
        [
            Hit(
                "GC-F003",
                "/related_codes",
                {**RELATED, "canonical": "101001/000001、102001/000002"},
                written,
            )
        ],
    )
    assert _read(pack, {"related_codes": ["101001/000001", 5, " "]}) == (
        {"related_codes": ["101001/000001"], INVALID: frozenset({"/related_codes/1"})},
        [
            Hit(
                "GC-S003",
                "/related_codes/1",
                _wrong(RELATED, ("文本列表", "a list of text"), ("数字", "a number")),
                "5",
            )
        ],
    )
    assert _read(pack, {"related_codes": 5}) == (
        {INVALID: frozenset({"/related_codes"})},
        [
            Hit(
                "GC-S003",
                "/related_codes",
                _wrong(RELATED, ("文本列表", "a list of text"), ("数字", "a number")),
                "5",
            )
        ],
    )


def test_format_types_that_name_the_class(pack: Pack) -> None:
    assert _read(pack, {"format": {"format_types": "xls,mp4"}}) == (
        {"format": {"format_types": ["xls", "mp4"]}},
        [Hit("GC-F003", "/format/format_types", {**TYPES, "canonical": "xls、mp4"}, "xls,mp4")],
    )
    given = ["数据库", "oracle"]
    assert _read(pack, {"format": {"format_types": given}}) == (
        {"format": {"format_types": ["oracle"], "format_class": "数据库"}},
        [
            Hit(
                "GC-F003",
                "/format/format_types",
                {**TYPES, "canonical": "数据库 + oracle"},
                repr(given),
            )
        ],
    )
    assert _read(pack, {"format": {"format_types": ["电子表格"]}}) == (
        {"format": {"format_class": "电子表格"}},
        [
            Hit(
                "GC-F003",
                "/format/format_types",
                {**TYPES, "canonical": "信息资源格式分类：电子表格"},
                "电子表格",
            )
        ],
    )


def test_compound_values_give_the_second_element(pack: Pack) -> None:
    assert _read(pack, {"format": {"format_class": "数据库-oracle"}}) == (
        {"format": {"format_class": "数据库", "format_types": ["oracle"]}},
        [
            Hit(
                "GC-F003",
                "/format/format_class",
                {**FORMAT_CLASS, "canonical": "数据库 + oracle"},
                "数据库-oracle",
            )
        ],
    )
    assert _read(pack, {"share": {"share_mode_class": "共享平台方式/接口"}}) == (
        {"share": {"share_mode_class": "共享平台方式", "share_mode_type": "接口"}},
        [
            Hit(
                "GC-F003",
                "/share/share_mode_class",
                {**MODE_CLASS, "canonical": "共享平台方式 + 接口"},
                "共享平台方式/接口",
            )
        ],
    )


def test_a_compound_whose_second_part_is_unknown(pack: Pack) -> None:
    mode_type = {"element_zh": "共享方式类型", "element_en": "Share mode type", **GUIDE}
    assert _read(pack, {"share": {"share_mode_class": "共享平台方式/不存在"}}) == (
        {
            "share": {"share_mode_class": "共享平台方式"},
            INVALID: frozenset({"/share/share_mode_class"}),
        },
        [
            Hit(
                "GC-F002",
                "/share/share_mode_class",
                {**mode_type, "allowed": "数据库、文件、接口"},
                "不存在",
            )
        ],
    )


ALLOWED_CYCLES = "实时、每日、每周、每月、每季度、每半年、每年、其他"


@pytest.mark.parametrize(
    ("value", "read", "hits"),
    [
        ("每日", {"update_cycle": "每日"}, []),
        (
            "每天",
            {"update_cycle": "每日"},
            [Hit("GC-F003", "/update_cycle", {**CYCLE, "canonical": "每日"}, "每天")],
        ),
        (  # systems number the cycles each their own way, one of them under this very key
            3,
            {INVALID: frozenset({"/update_cycle"})},
            [Hit("GC-F002", "/update_cycle", {**CYCLE, "allowed": ALLOWED_CYCLES}, "3")],
        ),
        ("  ", {}, []),
        (
            "每两天",
            {INVALID: frozenset({"/update_cycle"})},
            [Hit("GC-F002", "/update_cycle", {**CYCLE, "allowed": ALLOWED_CYCLES}, "每两天")],
        ),
        (
            True,
            {INVALID: frozenset({"/update_cycle"})},
            [
                Hit(
                    "GC-S003",
                    "/update_cycle",
                    _wrong(
                        CYCLE,
                        ("值域中的取值", "a value of the vocabulary"),
                        ("布尔值", "a boolean"),
                    ),
                    "True",
                )
            ],
        ),
        (
            "不定期（按需）",
            {"update_cycle": "其他", "update_note": "不定期（按需）"},
            [
                Hit(
                    "GC-F015",
                    "/update_cycle",
                    {
                        **CYCLE,
                        "canonical": "其他",
                        "note_zh": "更新周期说明",
                        "note_en": "Update cycle note",
                    },
                    "不定期（按需）",
                )
            ],
        ),
    ],
)
def test_a_value_of_a_vocabulary(
    pack: Pack, value: object, read: dict[str, object], hits: list[Hit]
) -> None:
    assert _read(pack, {"update_cycle": value}) == (read, hits)


CONDITION = {"element_zh": "共享条件", "element_en": "Share condition", **GUIDE}
READ_AS_CONDITIONAL = {**CONDITION, "share_type": "有条件共享"}


def test_a_share_type_written_as_the_condition(pack: Pack) -> None:
    assert _read(pack, {"share": {"share_condition": "有条件共享"}}) == (
        {"share": {"share_type": "有条件共享"}},
        [Hit("GC-F017", "/share/share_condition", READ_AS_CONDITIONAL, "有条件共享")],
    )
    # 无条件共享 there says "no condition"
    given = {"share_type": "有条件共享", "share_condition": "无条件共享"}
    assert _read(pack, {"share": given}) == ({"share": given}, [])


def test_an_open_type_written_as_the_condition(pack: Pack) -> None:
    assert _read(pack, {"open": {"open_condition": "不予开放"}}) == (
        {"open": {"open_to_public": False}},
        [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "否"}, "不予开放")],
    )
    assert _read(pack, {"open": {"open_condition": "有条件开放"}}) == (
        {"open": {"open_condition": "有条件开放", "open_to_public": True}},
        [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "是"}, "有条件开放")],
    )
    # said already: the type is not set again, nor reported
    given = {"open_to_public": True, "open_condition": "有条件开放"}
    assert _read(pack, {"open": given}) == ({"open": given}, [])


def test_a_compound_whose_second_part_is_a_list(pack: Pack) -> None:
    assert _read(pack, {"format": {"format_class": "电子表格/xls,csv"}}) == (
        {"format": {"format_class": "电子表格", "format_types": ["xls", "csv"]}},
        [
            Hit("GC-F003", "/format/format_class", {**TYPES, "canonical": "xls、csv"}, "xls,csv"),
            Hit(
                "GC-F003",
                "/format/format_class",
                {**FORMAT_CLASS, "canonical": "电子表格 + xls、csv"},
                "电子表格/xls,csv",
            ),
        ],
    )
    # an empty list after the class gives the class alone
    assert _read(pack, {"format": {"format_class": "数据库-[]"}}) == (
        {"format": {"format_class": "数据库"}},
        [Hit("GC-F003", "/format/format_class", {**TYPES, "canonical": ""}, "[]")],
    )


def test_lengths_read_the_careful_way(pack: Pack) -> None:
    # Chinese keys take every item past the quick path: the value reader decides alone
    items = [{"信息项名称": str(i), "数据长度": v} for i, v in enumerate([1, "1", 1.0, 50, 0])]
    record, hits = _read(pack, {"items": items})
    assert [item.get("length") for item in record["items"]] == [1, 1, 1, 50, None]
    assert hits == [
        Hit("GC-F003", "/items/1/length", {**LENGTH, "canonical": "1"}, "1"),
        Hit("GC-F003", "/items/2/length", {**LENGTH, "canonical": "1"}, "1.0"),
        Hit("GC-F010", "/items/4/length", LENGTH, "0"),
    ]


def test_an_open_type_never_replaces_a_written_condition(pack: Pack) -> None:
    given = {"open_to_public": "有条件开放", "open_condition": "仅限注册用户"}
    assert _read(pack, {"open": given}) == (
        {"open": {"open_to_public": True, "open_condition": "仅限注册用户"}},
        [Hit("GC-F003", "/open/open_to_public", {**OPEN, "canonical": "是"}, "有条件开放")],
    )


def test_a_form_for_an_unreadable_element_leaves_the_next_forms_alone(pack: Pack) -> None:
    record, hits = _read(
        pack,
        {
            "format": {"format_class": "xx", "format_types": ["电子表格", "xls"]},
            "update_cycle": "不定期（按需）",
        },
    )
    assert record["format"] == {"format_types": ["xls"]}  # 电子表格 does not replace xx
    assert record["update_cycle"] == "其他"
    assert record["update_note"] == "不定期（按需）"
    assert [h.code for h in hits] == ["GC-F002", "GC-F003", "GC-F015"]


def test_declared_extensions_are_read_for_their_elements() -> None:
    sharing = get_pack("sharing-2025@^1")
    grade = {"element_zh": "数据分类分级", "element_en": "Data grading level"}
    out = Coercer(sharing).resource({"extensions": {"data_grade": "重要", "foo": 1}})
    assert out is not None
    assert out.record["extensions"] == {"data_grade": "重要数据", "foo": 1}
    f003 = [h for h in out.hits if h.code == "GC-F003"]
    assert len(f003) == 1
    assert (f003[0].pointer, f003[0].value, str(f003[0].params["canonical"])) == (
        "/extensions/data_grade",
        "重要",
        "重要数据",
    )
    assert {k: f003[0].params[k] for k in grade} == grade


def test_a_plain_value_for_a_group_without_a_main_element(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[pack]\nid = "child"\nversion = "1.0.0"\nstatus = "active"\nextends = "gb-1272@^1"\n',
        encoding="utf-8",
    )
    (tmp_path / "fields.toml").write_text(
        '[[field]]\nid = "extensions.contact"\nzh = "联系方式"\nen = "Contact"\nkind = "group"\n\n'
        '[[field]]\nid = "extensions.contact.phone"\nzh = "联系电话"\nen = "Phone"\nkind = "text"\n',
        encoding="utf-8",
    )
    child = load_pack(tmp_path, get_pack())
    cpath = "/extensions/contact"
    record, hits = _read(child, {"联系方式": "张三"})
    assert record == {"extensions": {}, INVALID: frozenset({cpath})}
    assert [(h.code, h.pointer, h.value) for h in hits] == [("GC-S003", cpath, "张三")]
    record, hits = _read(child, {"联系方式": {"联系电话": "010-1234"}})
    assert (record, hits) == ({"extensions": {"contact": {"phone": "010-1234"}}}, [])
    # A group whose main element names no field is refused when the pack loads.
    with (tmp_path / "fields.toml").open("a", encoding="utf-8") as fields:
        fields.write(
            '\n[[field]]\nid = "extensions.review"\nzh = "审核信息"\nen = "Review"\n'
            'kind = "group"\nmain = "extensions.review.reviewer"\n'
        )
    with pytest.raises(PackError, match="names no field"):
        load_pack(tmp_path, get_pack())


def test_a_value_with_a_note_in_brackets_keeps_the_note(pack: Pack) -> None:
    out = Coercer(pack).resource({"更新周期": "每日（节假日除外）"})
    assert out is not None
    assert (out.record["update_cycle"], out.record["update_note"]) == ("每日", "节假日除外")
    assert in_chinese(h for h in out.hits if h.code != "GC-F001") == [
        Hit(
            "GC-F003",
            "/update_cycle",
            {**CYCLE, "canonical": "每日，更新周期说明：节假日除外"},
            "每日（节假日除外）",
        )
    ]
    assert out.original("/update_note") == "/更新周期"  # the note was written there


def test_only_compound_elements_are_split_at_a_slash(pack: Pack) -> None:
    assert _read(pack, {"update_cycle": "每日/每周"}) == (
        {INVALID: frozenset({"/update_cycle"})},
        [Hit("GC-F002", "/update_cycle", {**CYCLE, "allowed": ALLOWED_CYCLES}, "每日/每周")],
    )


def test_a_long_value_is_shown_cut_to_200_characters(pack: Pack) -> None:
    for length, shown in ((200, "月" * 200), (201, "月" * 199 + "…")):
        _, hits = _read(pack, {"update_cycle": "月" * length})
        assert hits == [
            Hit("GC-F002", "/update_cycle", {**CYCLE, "allowed": ALLOWED_CYCLES}, shown)
        ]


def test_blank_text_is_a_missing_value(pack: Pack) -> None:
    assert _read(pack, {"name": "  "}) == ({}, [])
    assert _read(pack, {"name": ""}) == ({}, [])


def test_a_vocabulary_element_given_a_list(pack: Pack) -> None:
    wrong = _wrong(CYCLE, ("值域中的取值", "a value of the vocabulary"), ("列表", "a list"))
    assert _read(pack, {"update_cycle": ["每日"]}) == (
        {INVALID: frozenset({"/update_cycle"})},
        [Hit("GC-S003", "/update_cycle", wrong, "['每日']")],
    )


def test_an_element_written_twice_keeps_the_last_and_reports_it(pack: Pack) -> None:
    assert _read(pack, {"信息资源名称": "乙", "name": "甲"}) == (
        {"name": "甲"},
        [Hit("GC-S007", "/name", NAME, "name")],
    )
    assert _read(pack, {"name": "甲", "信息资源名称": "乙"}) == (
        {"name": "乙"},
        [Hit("GC-S007", "/name", NAME, "信息资源名称")],
    )


def test_the_length_limit_holds_for_text_read_the_careful_way(pack: Pack) -> None:
    assert _read(pack, {"信息资源名称": "名" * 50}) == ({"name": "名" * 50}, [])
    long = "名" * 51
    assert _read(pack, {"信息资源名称": long}) == (
        {"name": long},
        [Hit("GC-F004", "/name", {**NAME, "length": 51, "max_length": 50}, long)],
    )


def test_a_related_code_is_never_taken_for_the_resources_own(pack: Pack) -> None:
    out = Coercer(pack).resource({"related_codes": ["203001/000001"]})
    assert out is not None
    assert PARSED_CODE not in out.record
    own = Coercer(pack).resource({"code": "bad", "related_codes": ["203001/000001"]})
    assert own is not None
    assert PARSED_CODE not in own.record


def test_format_types_naming_classes_give_the_first_class_only(pack: Pack) -> None:
    given = ["数据库", "电子表格", "xls"]
    assert _read(pack, {"format": {"format_types": given}}) == (
        {"format": {"format_types": ["xls"], "format_class": "数据库"}},
        [
            Hit(
                "GC-F003",
                "/format/format_types",
                {**TYPES, "canonical": "数据库 + xls"},
                repr(given),
            )
        ],
    )
    two = ["数据库", "oracle", "mysql"]
    assert _read(pack, {"format": {"format_types": two}}) == (
        {"format": {"format_types": ["oracle", "mysql"], "format_class": "数据库"}},
        [
            Hit(
                "GC-F003",
                "/format/format_types",
                {**TYPES, "canonical": "数据库 + oracle、mysql"},
                repr(two),
            )
        ],
    )
    # a class written already stays as written
    record, _ = _read(
        pack, {"format": {"format_class": "数据库", "format_types": ["电子表格", "xls"]}}
    )
    assert record["format"] == {"format_class": "数据库", "format_types": ["xls"]}


def test_a_list_part_of_the_wrong_type_leaves_the_next_parts(pack: Pack) -> None:
    record, hits = _read(pack, {"related_codes": ["101001/000001", 5, "102001/000002"]})
    assert record["related_codes"] == ["101001/000001", "102001/000002"]
    assert [(h.code, h.pointer) for h in hits] == [("GC-S003", "/related_codes/1")]


def test_a_share_type_in_the_condition_never_replaces_the_written_one(pack: Pack) -> None:
    given = {"share_type": "无条件共享", "share_condition": "有条件共享"}
    assert _read(pack, {"share": given}) == (
        {"share": {"share_type": "无条件共享"}},
        [Hit("GC-F017", "/share/share_condition", READ_AS_CONDITIONAL, "有条件共享")],
    )
