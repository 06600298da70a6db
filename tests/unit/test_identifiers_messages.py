"""Every failure of the identifier checks says what is wrong in both languages: the exact
messages, written out by hand (positions counted on the value, check characters from the
standards' worked examples), for each structural failure of each kind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from stdnum.iso7064 import mod_37_36

from govcatalog.identifiers import (
    CheckResult,
    Problem,
    check_citizen_id,
    check_division_code,
    check_license_id,
    check_org_code,
    check_uscc,
)

ROOT = "1.2.156.3005.2"
TYPE = "11100000000013338W032"  # the USCC of the defining authority, then 032
ISSUER = "11220000013544541J"


def _licence(type_code: str, issuer: str, serial: str, version: str, check: str) -> str:
    return f"{ROOT}.{type_code}.{issuer}.{serial}.{version}.{check}"


def _checked(type_code: str, issuer: str) -> str:
    """A licence identifier whose own check character is right (ISO 7064 MOD 37,36)."""
    check = mod_37_36.calc_check_digit(f"{type_code}{issuer}2430599001")
    return _licence(type_code, issuer, "2430599", "001", check)


Row = tuple[Callable[[str], CheckResult], str, Problem, str, str]

ROWS: list[Row] = [
    (
        check_license_id,
        f"{ROOT}.A.B.C.D",
        Problem.STRUCTURE,
        "根代码后应有 5 段（证照类型代码.证照颁发机构代码.流水号.版本号.校验位），实为 4 段",
        "the root code should be followed by 5 segments (type code, issuer code, serial number,"
        " version, check character), found 4",
    ),
    (
        check_license_id,
        _licence(TYPE, "", "2430599", "001", "F"),
        Problem.STRUCTURE,
        "证照颁发机构代码应为非空，实为 ''",
        "the issuer code should be non-empty, found ''",
    ),
    (
        # 14 characters of root, then 1 + 21 + 1 + 18 + 1: the serial starts at character 57
        check_license_id,
        _licence(TYPE, ISSUER, "24a0599", "001", "F"),
        Problem.CHARSET,
        "第 59 位字符 'a' 不允许，应为数字或大写字母（小写字母须大写，或使用非严格模式）",
        "character 59 'a' is not allowed, expected a digit or capital letter"
        " (letters must be upper-case, or use strict=False)",
    ),
    (
        check_license_id,
        _licence("11100000000013338WA32", ISSUER, "2430599", "001", "F"),
        Problem.STRUCTURE,
        "证照类型代码应为 18 位统一社会信用代码加 3 位数字，实为 '11100000000013338WA32'",
        "the type code should be an 18-character USCC and 3 digits, found '11100000000013338WA32'",
    ),
    (
        check_license_id,
        _licence(TYPE, "340100", "2430599", "001", "F"),
        Problem.STRUCTURE,
        "证照颁发机构代码应为 18 位统一社会信用代码（非严格模式可接受地方代码），实为 '340100'",
        "the issuer code should be an 18-character USCC (strict=False accepts local codes),"
        " found '340100'",
    ),
    (
        check_license_id,
        _licence(TYPE, ISSUER, "2430599", "01", "F"),
        Problem.STRUCTURE,
        "版本号应为 3 位数字，实为 '01'",
        "the version should be 3 digits, found '01'",
    ),
    (
        check_license_id,
        _licence(TYPE, ISSUER, "2430599", "001", "FF"),
        Problem.STRUCTURE,
        "校验位应为 1 个字符，实为 'FF'",
        "the check character should be one character, found 'FF'",
    ),
    (
        # 11100000000013338W is the USCC of the worked examples: X is the wrong check
        check_license_id,
        _checked("11100000000013338X032", ISSUER),
        Problem.EMBEDDED,
        "证照类型代码中的统一社会信用代码 11100000000013338X 无效：校验码应为 W，实为 X",
        "the USCC 11100000000013338X in the type code is invalid:"
        " check character should be W, found X",
    ),
    (
        check_license_id,
        _checked(TYPE, "11220000013544541K"),
        Problem.EMBEDDED,
        "证照颁发机构代码 11220000013544541K 无效：校验码应为 J，实为 K",
        "the issuer code 11220000013544541K is invalid: check character should be J, found K",
    ),
    (
        # MOD 37,36 over 11100000000013338W032 11220000013544541J 2430599 001, worked by hand
        # (ISO 7064 hybrid: p = 2 * ((p + c) mod 36 or 36) mod 37 from p = 36; check 37 - p) is F
        check_license_id,
        _licence(TYPE, ISSUER, "2430599", "001", "G"),
        Problem.CHECKSUM,
        "校验码应为 F，实为 G",
        "check character should be F, found G",
    ),
]


# GB 32100-2015 table 1: registration departments 1–9, A, N, Y; 工商 (9) registers 企业 (1),
# 个体工商户 (2) and 农民专业合作社 (3). The check characters come from the standard's MOD 31.
ROWS += [
    (
        check_uscc,
        "B1350100M000100Y43",
        Problem.REGISTRATION_CATEGORY,
        "登记管理部门代码 B 未定义（应为 1、2、3、4、5、6、7、8、9、A、N、Y 之一）",
        "registration department code B is not defined"
        " (expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, A, N, Y)",
    ),
    (
        check_uscc,
        "95350100M000100Y43",
        Problem.REGISTRATION_CATEGORY,
        "机构类别代码 5 不适用于登记管理部门 9（工商），应为 1、2、3 之一",
        "institution category code 5 is not defined for registration department 9"
        " (industry and commerce); expected one of 1, 2, 3",
    ),
    (
        check_uscc,
        "9Z350100M000100Y43",
        Problem.CHARSET,
        "第 2 位字符 'Z' 不允许，应为数字或大写字母（不含 I、O、Z、S、V）",
        "character 2 'Z' is not allowed, expected a digit or capital letter other than I, O, Z, S, V",
    ),
    (
        check_uscc,
        "9135A100M000100Y4Y",
        Problem.STRUCTURE,
        "第 3–8 位登记管理机关行政区划码应为 6 位数字，实为 35A100",
        "positions 3-8 (registration division code) should be 6 digits, found 35A100",
    ),
    (
        check_uscc,
        "91990100M000100Y4U",
        Problem.EMBEDDED,
        "登记管理机关行政区划码 990100 的省级代码 99 未知",
        "the registration division code 990100 has an unknown province 99",
    ),
    (
        check_uscc,
        "91350100M000100Y56",
        Problem.EMBEDDED,
        "主体标识码（组织机构代码）M000100Y-5 的校验码应为 4，实为 5",
        "the embedded organization code M000100Y-5 should have check character 4, found 5",
    ),
    (
        check_uscc,
        "91350100M000100Y4",
        Problem.LENGTH,
        "统一社会信用代码应为 18 位，实为 17 位",
        "a unified social credit code should have 18 characters, found 17",
    ),
    (
        check_division_code,
        "1101A5",
        Problem.CHARSET,
        "第 5 位字符 'A' 不允许，行政区划代码只含数字",
        "character 5 'A' is not allowed, division codes are digits only",
    ),
    (
        check_division_code,
        "11010",
        Problem.LENGTH,
        "行政区划代码应为 6 位或 12 位，实为 5 位",
        "a division code should have 6 or 12 digits, found 5",
    ),
    (
        check_division_code,
        "990101",
        Problem.UNKNOWN_DIVISION,
        "省级代码 99 未知",
        "unknown province code 99",
    ),
]


# 公民身份号码 (GB 11643-1999) and 组织机构代码 (GB 11714-1997): positions count from 1 on the value
# as given; in the printed form XXXXXXXX-X the check character is the tenth.
ROWS += [
    (
        check_citizen_id,
        "11010519491231002",
        Problem.LENGTH,
        "公民身份号码应为 18 位，实为 17 位",
        "a citizen identity number should have 18 characters, found 17",
    ),
    (
        check_citizen_id,
        "110105491231002",
        Problem.LENGTH,
        "公民身份号码应为 18 位，实为 15 位（15 位旧号码须在非严格模式下升级）",
        "a citizen identity number should have 18 characters, found 15"
        " (15-digit legacy numbers are upgraded with strict=False)",
    ),
    (
        check_citizen_id,
        "11010519491301002X",
        Problem.DATE,
        "出生日期码 19491301 不是有效日期",
        "birth date code 19491301 is not a real date",
    ),
    (
        check_citizen_id,
        "990105194912310021",
        Problem.UNKNOWN_DIVISION,
        "地址码 990105 不在行政区划代码表中",
        "address code 990105 is not a known division code",
    ),
    (
        check_citizen_id,
        "11010519491231002Y",
        Problem.CHARSET,
        "第 18 位字符 'Y' 不允许，应为数字或 X",
        "character 18 'Y' is not allowed, expected a digit or X",
    ),
    (
        check_citizen_id,
        "11010A19491231002X",
        Problem.CHARSET,
        "第 6 位字符 'A' 不允许，应为数字",
        "character 6 'A' is not allowed, expected a digit",
    ),
    (check_citizen_id, "   ", Problem.EMPTY, "值为空", "the value is empty"),
    (
        check_org_code,
        "12345678",
        Problem.LENGTH,
        "组织机构代码应为 9 位（或带连字符 10 位），实为 8 位",
        "an organization code should have 9 characters (10 with the hyphen), found 8",
    ),
    (
        check_org_code,
        "12345678X9",
        Problem.STRUCTURE,
        "10 位组织机构代码的第 9 位应为连字符，实为 'X'",
        "character 9 of a 10-character organization code should be a hyphen, found 'X'",
    ),
    (
        check_org_code,
        "1234567a-8",
        Problem.CHARSET,
        "第 8 位字符 'a' 不允许，应为数字或大写字母（小写字母须大写，或使用非严格模式）",
        "character 8 'a' is not allowed, expected a digit or capital letter"
        " (letters must be upper-case, or use strict=False)",
    ),
    (
        check_org_code,
        "D2143569-Y",
        Problem.CHARSET,
        "第 10 位字符 'Y' 不允许，应为数字或 X",
        "character 10 'Y' is not allowed, expected a digit or X",
    ),
    (
        check_org_code,
        "D2143569Y",
        Problem.CHARSET,
        "第 9 位字符 'Y' 不允许，应为数字或 X",
        "character 9 'Y' is not allowed, expected a digit or X",
    ),
]


@pytest.mark.parametrize(
    ("check", "value", "problem", "zh", "en"), ROWS, ids=[f"{r[0].__name__}-{r[1]}" for r in ROWS]
)
def test_each_failure_says_what_is_wrong(
    check: Callable[[str], CheckResult], value: str, problem: Problem, zh: str, en: str
) -> None:
    result = check(value)
    assert (result.problem, result.message_zh, result.message_en) == (problem, zh, en)


# ---------------------------------------------------------------- 行政区划代码: parts by name
# Names and years are rows of the division list (GB/T 2260 as python-stdnum dates it):
# 海南省 was set up in 1988, 潮阳县 became a city in 1993.
BEIJING = {"province": "110000", "province_name": "北京市"}
MEIHEKOU = {
    "division": "220581",
    "name": "梅河口市",
    "level": "county",
    "status": "current",
    "first_year": "1989",
    "province": "220000",
    "province_name": "吉林省",
}


@pytest.mark.parametrize(
    ("code", "details"),
    [
        (
            "110105",
            {"division": "110105", "name": "朝阳区", "level": "county", "status": "current"}
            | BEIJING,
        ),
        (
            "440524",
            {
                "division": "440524",
                "name": "潮阳县",
                "level": "county",
                "status": "abolished",
                "first_year": "1983",
                "last_year": "1993",
                "province": "440000",
                "province_name": "广东省",
            },
        ),
        (
            "460000",
            {
                "division": "460000",
                "name": "海南省",
                "level": "province",
                "status": "current",
                "first_year": "1988",
                "province": "460000",
                "province_name": "海南省",
            },
        ),
        (
            "220581000000",
            MEIHEKOU | {"township": "000", "village": "000", "statistical_level": "division"},
        ),
        (
            "220581100200",
            MEIHEKOU
            | {
                "township": "100",
                "village": "200",
                "township_kind": "镇",
                "township_kind_en": "town",
                "statistical_level": "village",
                "village_kind": "村民委员会",
                "village_kind_en": "villagers' committee",
            },
        ),
        (
            "220581400000",
            MEIHEKOU
            | {
                "township": "400",
                "village": "000",
                "township_kind": "政企合一单位",
                "township_kind_en": "government-enterprise unit",
                "statistical_level": "township",
            },
        ),
    ],
)
def test_division_details(code: str, details: dict[str, str]) -> None:
    result = check_division_code(code)
    assert result.valid
    assert result.details == details


@pytest.mark.parametrize(
    ("township", "kind"),
    [
        ("001", "街道"),
        ("099", "街道"),
        ("100", "镇"),
        ("199", "镇"),
        ("200", "乡"),
        ("399", "乡"),
        ("400", "政企合一单位"),
        ("599", "政企合一单位"),
    ],
)
def test_each_township_range_ends_where_gb_t_10114_says(township: str, kind: str) -> None:
    assert check_division_code(f"220581{township}000").details["township_kind"] == kind


@pytest.mark.parametrize(
    ("village", "kind"),
    [("001", "居民委员会"), ("199", "居民委员会"), ("200", "村民委员会"), ("399", "村民委员会")],
)
def test_each_village_range(village: str, kind: str) -> None:
    assert check_division_code(f"220581102{village}").details["village_kind"] == kind


def test_an_unclassified_village_segment_passes_only_leniently() -> None:
    lenient = check_division_code("220581099450", strict=False)
    assert lenient.valid
    assert {k: lenient.details[k] for k in ("village_kind", "village_kind_en")} == {
        "village_kind": "未分类",
        "village_kind_en": "unclassified",
    }
    strict = check_division_code("220581099450")
    assert (strict.problem, strict.message_zh, strict.message_en) == (
        Problem.STRUCTURE,
        "村级代码 450 不在 001–399 范围内",
        "village segment 450 is outside 001–399",
    )


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        (
            "110000001000",
            "乡级代码 001 不能直接位于省级代码 110000 之下",
            "township segment 001 cannot sit directly under province code 110000",
        ),
        (
            "220581600000",
            "乡级代码 600 不在 001–599 范围内",
            "township segment 600 is outside 001–599",
        ),
        (
            "220581000001",
            "乡级代码为 000 时村级代码应为 000，实为 001",
            "the village segment should be 000 when the township segment is 000, found 001",
        ),
    ],
)
def test_statistical_code_failures(code: str, zh: str, en: str) -> None:
    result = check_division_code(code)
    assert (result.problem, result.message_zh, result.message_en) == (Problem.STRUCTURE, zh, en)


def test_a_birthplace_code_no_longer_in_use_in_the_year_of_birth() -> None:
    # 110103 崇文区 was merged into 东城区 in 2010; its start predates the dated list (1980).
    result = check_citizen_id("110103201501010014", dated_division=True)
    assert (result.problem, result.message_zh, result.message_en) == (
        Problem.NOT_IN_FORCE,
        "地址码 110103（崇文区）在出生年份 2015 未使用（使用年份 1980 前–2010）",
        "address code 110103 (崇文区) was not in use in the birth year 2015"
        " (in use before 1980-2010)",
    )
    assert check_citizen_id("110103201501010014").valid  # lenient by default


def test_org_code_parts_and_checksum_message() -> None:
    assert check_org_code("D2143569-X").details == {"body": "D2143569", "check": "X"}
    result = check_org_code("12345678-9")
    assert (result.message_zh, result.message_en) == (
        "校验码应为 8，实为 9",
        "check character should be 8, found 9",
    )
