"""The worked validation matrix (spec § 7) and the worked examples of spec § 3.1–3.5."""

from __future__ import annotations

from collections.abc import Callable

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

Check = Callable[[str], CheckResult]

ROOT = "1.2.156.3005.2"
LICENSE_F = f"{ROOT}.11100000000013338W032.11220000013544541J.2430599.001.F"

# (check, input, problem or None when valid, expected check character)
MATRIX: list[tuple[Check, str, Problem | None, str | None]] = [
    (check_citizen_id, "11010519491231002X", None, None),
    (check_citizen_id, "440524188001010014", None, None),
    (check_citizen_id, "110105194912310021", Problem.CHECKSUM, "X"),
    (check_citizen_id, "11010519490231002X", Problem.DATE, None),
    (check_uscc, "91350100M000100Y43", None, None),
    (check_uscc, "11100000000013338W", None, None),
    (check_uscc, "91440300123456788M", None, None),
    (check_uscc, "91350100M000100Y44", Problem.CHECKSUM, "3"),
    (check_uscc, "91350100M0001TGQXM", Problem.CHECKSUM, "1"),
    (check_uscc, "9I350100M000100Y43", Problem.CHARSET, None),
    (check_org_code, "D2143569-X", None, None),
    (check_org_code, "10000004-0", None, None),
    (check_org_code, "12345678-9", Problem.CHECKSUM, "8"),
    (check_division_code, "110105", None, None),
    (check_division_code, "1101", Problem.LENGTH, None),
    (check_division_code, "990101", Problem.UNKNOWN_DIVISION, None),
    (check_division_code, "220581102001", None, None),
    (check_license_id, LICENSE_F, None, None),
    (check_license_id, LICENSE_F[:-1] + "G", Problem.CHECKSUM, "F"),
    (check_license_id, LICENSE_F.replace("3005", "3003"), Problem.ROOT, None),
]


@pytest.mark.parametrize(
    ("check", "value", "problem", "expected"),
    MATRIX,
    ids=[f"{row[0].__name__}-{row[1][-24:]}" for row in MATRIX],
)
def test_validation_matrix(
    check: Check, value: str, problem: Problem | None, expected: str | None
) -> None:
    result = check(value)
    assert result.valid is (problem is None)
    assert result.problem is problem
    assert result.expected == expected
    assert result.value == value
    assert not result.allowed
    if problem is None:
        assert result.normalized == value
    else:
        assert result.normalized is None


def test_checksum_messages_name_both_characters() -> None:
    result = check_uscc("91350100M000100Y44")
    assert result.message_zh == "校验码应为 3，实为 4"
    assert result.message_en == "check character should be 3, found 4"
    assert check_citizen_id("110105194912310021").message_zh == "校验码应为 X，实为 1"


def test_matrix_12_digit_code_kinds() -> None:
    details = check_division_code("220581102001").details
    assert details["township"] == "102"
    assert details["township_kind"] == "镇"
    assert details["village"] == "001"
    assert details["village_kind"] == "居民委员会"
    assert details["statistical_level"] == "village"


def test_matrix_unknown_province_message() -> None:
    result = check_division_code("990101")
    assert "99" in result.message_zh
    assert "province" in result.message_en


# § 3.1 公民身份号码


def test_citizen_id_parts() -> None:
    details = check_citizen_id("11010519491231002X").details
    assert details == {
        "division": "110105",
        "address_check": "lenient",
        "division_name": "朝阳区",
        "division_in_force_at_birth": "true",
        "division_name_at_birth": "朝阳区",
        "birth_date": "1949-12-31",
        "sequence": "002",
        "sex": "female",
        "check": "X",
    }
    assert check_citizen_id("440524188001010014").details["sex"] == "male"


def test_citizen_id_parts_of_a_birth_on_the_tenth_checked_dated() -> None:
    # 11010519491210002: weighted sum 142 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2),
    # 142 mod 11 = 10, check (12 - 10) mod 11 = 2
    details = check_citizen_id("110105194912100022", dated_division=True).details
    assert details == {
        "division": "110105",
        "address_check": "dated",
        "division_name": "朝阳区",
        "division_in_force_at_birth": "true",
        "division_name_at_birth": "朝阳区",
        "birth_date": "1949-12-10",
        "sequence": "002",
        "sex": "female",
        "check": "2",
    }


def test_citizen_id_abolished_birth_place_is_accepted() -> None:
    # 440524 潮阳县 was abolished in the 1990s; the birth-place code stays valid.
    result = check_citizen_id("440524188001010014")
    assert result.valid
    assert result.details["division_name"] == "潮阳县"


def test_citizen_id_lowercase_x_is_strict_charset_error() -> None:
    result = check_citizen_id("11010519491231002x")
    assert result.problem is Problem.CHARSET
    assert "strict=False" in result.message_en
    lenient = check_citizen_id("11010519491231002x", strict=False)
    assert lenient.valid
    assert lenient.normalized == "11010519491231002X"


def test_citizen_id_legacy_15_digit_upgrade() -> None:
    result = check_citizen_id("110105491231002", strict=False)
    assert result.valid
    assert result.normalized == "11010519491231002X"
    assert result.details["legacy_number"] == "110105491231002"
    strict = check_citizen_id("110105491231002")
    assert strict.problem is Problem.LENGTH
    assert "strict=False" in strict.message_en


# § 3.2 统一社会信用代码


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",
        "11100000000013338W",
        "11430000006122244L",
        "11220000013544541J",
        "11330105002500287C",
        "11110000000021135M",
        "11420503087246977F",
        "11100000MB0341032Y",
        "113700000045030270",
        "11100000000013661B",
        "91440300123456788M",
    ],
)
def test_uscc_worked_valid(code: str) -> None:
    assert check_uscc(code).valid


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("91350100M0001TGQXM", "1"),
        ("91350211M0000XUF46", "R"),
        ("91350203M0001FUE2P", "J"),
    ],
)
def test_uscc_fujian_pilot_codes_fail_the_check(code: str, expected: str) -> None:
    result = check_uscc(code)
    assert result.problem is Problem.CHECKSUM
    assert result.expected == expected
    allowed = check_uscc(code, allow=[code])
    assert allowed.valid
    assert allowed.allowed
    assert allowed.problem is Problem.CHECKSUM
    assert allowed.expected == expected
    assert allowed.normalized == code


def test_uscc_parts() -> None:
    details = check_uscc("91350100M000100Y43").details
    assert details == {
        "registration_department": "9",
        "registration_department_name": "工商",
        "category": "1",
        "category_name": "企业",
        "division": "350100",
        "division_name": "福州市",
        "org_code": "M000100Y-4",
        "check": "3",
    }


def test_uscc_central_authority_division_100000() -> None:
    result = check_uscc("11100000000013338W")
    assert result.valid
    assert result.details["division"] == "100000"
    assert result.details["org_code"] == "00001333-8"


# § 3.3 组织机构代码


@pytest.mark.parametrize(
    ("body", "check"),
    [("00001333", "8"), ("M000100Y", "4"), ("D2143569", "X"), ("10000004", "0"), ("12345678", "8")],
)
def test_org_code_worked_examples(body: str, check: str) -> None:
    printed = f"{body}-{check}"
    assert check_org_code(printed).normalized == printed
    assert check_org_code(body + check).normalized == printed


def test_org_code_wrong_check_expects_8() -> None:
    result = check_org_code("12345678-9")
    assert (result.problem, result.expected) == (Problem.CHECKSUM, "8")


# § 3.4 行政区划代码


@pytest.mark.parametrize("code", ["110000", "110100", "110105", "110000000000", "220581000000"])
def test_division_levels_zero_padded(code: str) -> None:
    assert check_division_code(code).valid


# § 3.5 证照标识


@pytest.mark.parametrize(
    "identifier",
    [
        f"{ROOT}.11100000000013338W011.11430000006122244L.20230000403.001.U",
        f"{ROOT}.11100000000013338W032.11220000013544541J.2430599.001.F",
        f"{ROOT}.11100000000013338W009.11330105002500287C.2025052201.002.0",
    ],
)
def test_license_id_worked_valid(identifier: str) -> None:
    result = check_license_id(identifier)
    assert result.valid
    assert result.details["root"] == ROOT


def test_license_id_swagger_example_is_invalid() -> None:
    value = (
        f"{ROOT}.11100000000013661B006.113700000045046442.209FA4E88F9E4C878F3E9BED2CE7EA49.001.M"
    )
    result = check_license_id(value)
    assert (result.problem, result.expected) == (Problem.CHECKSUM, "D")


def test_license_id_parts() -> None:
    details = check_license_id(LICENSE_F).details
    assert details["type_code"] == "11100000000013338W032"
    assert details["type_definer"] == "11100000000013338W"
    assert details["type_sequence"] == "032"
    assert details["issuer"] == "11220000013544541J"
    assert details["issuer_kind"] == "uscc"
    assert details["serial"] == "2430599"
    assert details["version"] == "001"
    assert details["check"] == "F"


def test_license_id_check_with_root_included_is_wrong() -> None:
    # The vendor variant that puts the root into the check computation gets a different
    # check character on real identifiers, so those identifiers fail here.
    from stdnum.iso7064 import mod_37_36

    body = (ROOT + ".11100000000013338W032.11220000013544541J.2430599.001").replace(".", "")
    wrong = mod_37_36.calc_check_digit(body)
    assert wrong != "F"
    assert check_license_id(LICENSE_F[:-1] + wrong).problem is Problem.CHECKSUM


def test_license_id_local_variant_needs_lenient_mode() -> None:
    value = f"{ROOT}.11100000MB03271699022.340100.000000016.001.9"
    strict = check_license_id(value)
    assert strict.problem is Problem.STRUCTURE
    assert "strict=False" in strict.message_en
    lenient = check_license_id(value, strict=False)
    assert lenient.valid
    assert lenient.details["issuer_kind"] == "division"
    assert lenient.details["issuer_name"] == "合肥市"


def test_check_identifier_dispatches_every_matrix_row() -> None:
    kinds: dict[Check, IdentifierKind] = {
        check_citizen_id: IdentifierKind.CITIZEN_ID,
        check_uscc: IdentifierKind.USCC,
        check_org_code: IdentifierKind.ORG_CODE,
        check_division_code: IdentifierKind.DIVISION_CODE,
        check_license_id: IdentifierKind.LICENSE_ID,
    }
    for check, value, _problem, _expected in MATRIX:
        direct = check(value)
        assert check_identifier(kinds[check], value) == direct
        assert direct.kind is kinds[check]
