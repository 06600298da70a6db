"""Strict and lenient modes, allow-lists, misuse, and the result type."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from govcatalog.identifiers import (
    CheckResult,
    IdentifierKind,
    Problem,
    check_citizen_id,
    check_division_code,
    check_identifier,
    check_license_id,
    check_org_code,
    check_uscc,
)

LICENSE = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F"


# Lenient mode


@pytest.mark.parametrize(
    ("value", "normalized"),
    [
        ("11010519491231002x", "11010519491231002X"),
        (" 110105 19491231 002X ", "11010519491231002X"),
        ("110105-19491231-002X", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
    ],
)
def test_citizen_id_lenient_normalizes(value: str, normalized: str) -> None:
    assert check_citizen_id(value).valid is False
    result = check_citizen_id(value, strict=False)
    assert result.valid
    assert result.normalized == normalized
    assert result.value == value


@pytest.mark.parametrize(
    "value", ["91350100m000100y43", "9135 0100 M000 100Y 43", "913501-00M000100Y43"]
)
def test_uscc_lenient_normalizes(value: str) -> None:
    assert not check_uscc(value).valid
    result = check_uscc(value, strict=False)
    assert result.valid
    assert result.normalized == "91350100M000100Y43"


@pytest.mark.parametrize("value", ["d2143569-x", "D2143569 - X", "D214 3569X"])
def test_org_code_lenient_normalizes(value: str) -> None:
    assert not check_org_code(value).valid
    assert check_org_code(value, strict=False).normalized == "D2143569-X"


def test_org_code_strict_accepts_both_printed_forms() -> None:
    assert check_org_code("D2143569X").normalized == "D2143569-X"
    assert check_org_code("D2143569-X").normalized == "D2143569-X"
    assert check_org_code("D214356-9X").problem is Problem.STRUCTURE
    assert check_org_code("D2143569-").problem is Problem.CHARSET
    assert check_org_code("D21435").problem is Problem.LENGTH


def test_division_lenient_normalizes() -> None:
    assert check_division_code("110 105").problem is Problem.CHARSET
    assert check_division_code("110 105", strict=False).normalized == "110105"


def test_license_id_lenient_upper_cases_and_drops_spaces() -> None:
    value = " " + LICENSE.lower() + "\n"
    assert check_license_id(value).problem is Problem.ROOT
    result = check_license_id(value, strict=False)
    assert result.valid
    assert result.normalized == LICENSE


def test_license_id_lenient_keeps_hyphens() -> None:
    # Dots separate a licence identifier's segments; a hyphen is not a separator there, so the
    # lenient mode does not drop it (it would join "243-0599" into another serial number).
    hyphenated = LICENSE.replace(".2430599.", ".243-0599.")
    result = check_license_id(hyphenated, strict=False)
    # 14 characters of root, then 1 + 21 + 1 + 18 + 1: the serial starts at character 57
    assert (result.problem, result.message_en) == (
        Problem.CHARSET,
        "character 60 '-' is not allowed, expected a digit or capital letter",
    )


def test_lenient_mode_drops_zero_width_spaces() -> None:
    # U+200B is not a space to str.isspace() nor removed by NFKC; pasted text often has one.
    assert check_org_code("D2143569\u200b-X", strict=False).normalized == "D2143569-X"
    assert check_org_code("D2143569\u200b-X").problem is Problem.LENGTH


def test_strict_is_the_default() -> None:
    assert check_identifier(IdentifierKind.USCC, "91350100m000100y43").problem is Problem.CHARSET
    lenient = check_identifier(IdentifierKind.USCC, "91350100m000100y43", strict=False)
    assert lenient.valid


# Allow-lists


def test_allow_list_marks_failures_allowed_and_keeps_the_problem() -> None:
    code = "91350211M0000XUF46"
    result = check_uscc(code, allow=frozenset({code}))
    assert result.valid
    assert result.allowed
    assert result.problem is Problem.CHECKSUM
    assert result.expected == "R"
    assert "允许清单" in result.message_zh
    assert "allow-list" in result.message_en


def test_allow_list_does_not_touch_valid_values() -> None:
    code = "91350100M000100Y43"
    result = check_uscc(code, allow=[code])
    assert result.valid
    assert not result.allowed
    assert result.problem is None


def test_allow_list_matches_the_lenient_form() -> None:
    result = check_uscc("91350100m0001tgqxm", strict=False, allow={"91350100M0001TGQXM"})
    assert result.allowed
    assert result.normalized == "91350100M0001TGQXM"


def test_allow_list_matches_the_lenient_form_of_a_value_of_the_wrong_length() -> None:
    # an eight-character code written in full-width digits: too short, but listed
    result = check_org_code("１２３４５６７８", strict=False, allow={"12345678"})
    assert (result.valid, result.allowed, result.problem) == (True, True, Problem.LENGTH)
    assert result.normalized == "12345678"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (IdentifierKind.CITIZEN_ID, "110105194912310021"),
        (IdentifierKind.USCC, "91350100M000100Y44"),
        (IdentifierKind.ORG_CODE, "12345678-9"),
        (IdentifierKind.DIVISION_CODE, "990101"),
        (IdentifierKind.LICENSE_ID, LICENSE[:-1] + "G"),
    ],
)
def test_allow_list_through_check_identifier(kind: IdentifierKind, value: str) -> None:
    assert not check_identifier(kind, value).valid
    result = check_identifier(kind, value, allow={value})
    assert result.valid
    assert result.allowed
    assert result.problem is not None


def test_allow_list_must_not_be_a_bare_string() -> None:
    with pytest.raises(TypeError, match="allow"):
        check_uscc("91350100M0001TGQXM", allow="91350100M0001TGQXM")


# Misuse and robustness


@pytest.mark.parametrize(
    "check", [check_citizen_id, check_uscc, check_org_code, check_division_code, check_license_id]
)
@pytest.mark.parametrize("value", [None, 110105, b"110105", ["110105"]])
def test_non_str_input_raises_type_error(check: object, value: object) -> None:
    with pytest.raises(TypeError, match="str"):
        check(value)  # type: ignore[operator]


@pytest.mark.parametrize(
    "check", [check_citizen_id, check_uscc, check_org_code, check_division_code, check_license_id]
)
@pytest.mark.parametrize("value", ["", "   ", "\t\n"])
def test_empty_values(check: object, value: str) -> None:
    for strict in (True, False):
        result = check(value, strict=strict)  # type: ignore[operator]
        assert result.problem is Problem.EMPTY
        assert not result.valid


def test_check_identifier_accepts_kind_values() -> None:
    result = check_identifier(IdentifierKind("组织机构代码"), "10000004-0")
    assert result.valid
    with pytest.raises(ValueError, match="not a valid"):
        check_identifier("passport", "10000004-0")  # type: ignore[arg-type]


# Citizen id specifics


def test_citizen_id_future_birth_date_relative_to_as_of() -> None:
    value = "11010520200101" + "001"
    from stdnum.iso7064 import mod_11_2

    value += mod_11_2.calc_check_digit(value)
    assert check_citizen_id(value).valid
    result = check_citizen_id(value, as_of=date(2019, 12, 31))
    assert (result.problem, result.message_zh, result.message_en) == (
        Problem.DATE,
        "出生日期 2020-01-01 晚于 2019-12-31",
        "birth date 2020-01-01 is after 2019-12-31",
    )
    assert check_citizen_id(value, as_of=date(2020, 1, 1)).valid  # born on the day: not after


def test_citizen_id_unknown_address_code() -> None:
    from stdnum.iso7064 import mod_11_2

    body = "99999919491231002"
    result = check_citizen_id(body + mod_11_2.calc_check_digit(body))
    assert result.problem is Problem.UNKNOWN_DIVISION


def test_citizen_id_non_digit_body() -> None:
    result = check_citizen_id("1101051949A231002X")
    assert result.problem is Problem.CHARSET
    assert "11" in result.message_en


# USCC specifics


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("B1350100M000100Y43", Problem.REGISTRATION_CATEGORY),  # no department B
        ("94350100M000100Y43", Problem.REGISTRATION_CATEGORY),  # 工商 has no category 4
        ("Y2350100M000100Y43", Problem.REGISTRATION_CATEGORY),  # 其他 has only category 1
        ("9135A100M000100Y43", Problem.STRUCTURE),  # division must be digits
        ("9135010M000100Y43", Problem.LENGTH),
    ],
)
def test_uscc_structure_problems(value: str, problem: Problem) -> None:
    assert check_uscc(value).problem is problem


def test_uscc_embedded_problems() -> None:
    from stdnum.cn import uscc

    unknown_province = "91990100M000100Y4"
    result = check_uscc(unknown_province + uscc.calc_check_digit(unknown_province))
    assert result.problem is Problem.EMBEDDED
    assert "99" in result.message_en
    bad_org = "91350100M000100Y5"
    result = check_uscc(bad_org + uscc.calc_check_digit(bad_org))
    assert result.problem is Problem.EMBEDDED
    assert "should have check character 4" in result.message_en
    assert result.expected is None


def test_uscc_registration_departments_with_letters() -> None:
    from stdnum.cn import uscc

    org_code = "MA012345"
    org_check = next(c for c in "0123456789X" if check_org_code(org_code + c).valid)
    for prefix in ("A1", "N2", "Y1"):
        body = prefix + "110000" + org_code + org_check
        result = check_uscc(body + uscc.calc_check_digit(body))
        assert result.valid, result.message_en
        assert result.details["registration_department"] == prefix[0]


# License id specifics


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2.16.156.11100000000013338W032.11220000013544541J.2430599.001.F", Problem.ROOT),
        ("1.2.156.3005.2", Problem.ROOT),
        ("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001", Problem.STRUCTURE),
        ("1.2.156.3005.2.11100000000013338W32.11220000013544541J.2430599.001.F", Problem.STRUCTURE),
        ("1.2.156.3005.2.11100000000013338W032.11220000013544541J..001.F", Problem.STRUCTURE),
        ("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F", Problem.STRUCTURE),
        ("1.2.156.3005.2.11100000000013338W032.11220000013544541J.243-599.001.F", Problem.CHARSET),
    ],
)
def test_license_id_structure_problems(value: str, problem: Problem) -> None:
    assert check_license_id(value).problem is problem


def test_license_id_embedded_uscc_is_checked() -> None:
    from stdnum.iso7064 import mod_37_36

    body = "11100000000013338X032" + "11220000013544541J" + "2430599" + "001"
    check = mod_37_36.calc_check_digit(body)
    value = f"1.2.156.3005.2.11100000000013338X032.11220000013544541J.2430599.001.{check}"
    result = check_license_id(value)
    assert result.problem is Problem.EMBEDDED
    assert "11100000000013338X" in result.message_en


# The result type


def test_check_result_is_frozen_and_hashable() -> None:
    result = check_org_code("10000004-0")
    assert isinstance(result, CheckResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.valid = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.details["body"] = "x"  # type: ignore[index]
    assert hash(result) == hash(check_org_code("10000004-0"))


def test_problem_values_are_stable() -> None:
    assert {p.value for p in Problem} == {
        "empty",
        "length",
        "charset",
        "structure",
        "checksum",
        "date",
        "unknown-division",
        "not-in-force",
        "registration-category",
        "root",
        "embedded",
    }
    for problem in Problem:
        assert problem.title_zh
        assert problem.title_en


def test_kind_metadata() -> None:
    assert IdentifierKind.CITIZEN_ID.standard == "GB 11643-1999"
    assert IdentifierKind.LICENSE_ID.label_en == "electronic licence identifier"
    assert [k.value for k in IdentifierKind] == [
        "公民身份号码",
        "统一社会信用代码",
        "组织机构代码",
        "行政区划代码",
        "证照标识",
    ]


def _license(type_code: str, issuer: str, serial: str, version: str) -> str:
    from stdnum.iso7064 import mod_37_36

    check = mod_37_36.calc_check_digit(type_code + issuer + serial + version)
    return ".".join(["1.2.156.3005.2", type_code, issuer, serial, version, check])


def test_license_id_check_segment_must_be_one_character() -> None:
    assert check_license_id(LICENSE + "F").problem is Problem.STRUCTURE


def test_license_id_issuer_uscc_is_checked() -> None:
    value = _license("11100000000013338W032", "11220000013544541K", "2430599", "001")
    result = check_license_id(value)
    assert result.problem is Problem.EMBEDDED
    assert "issuer" in result.message_en
    assert check_license_id(value, strict=False).problem is Problem.EMBEDDED


def test_license_id_lenient_other_issuer() -> None:
    value = _license("11100000000013338W032", "SX0001", "2430599", "001")
    assert check_license_id(value).problem is Problem.STRUCTURE
    result = check_license_id(value, strict=False)
    assert result.valid
    assert result.details["issuer_kind"] == "other"
