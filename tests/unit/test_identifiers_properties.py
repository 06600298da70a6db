"""Hypothesis properties: computed check characters pass, changed ones fail, nothing raises.

The check characters are computed here from the spec's formulas (§ 3.1–3.5), independently of
the library, so these tests also cross-check the implementation against the spec.
"""

from __future__ import annotations

from datetime import date

from hypothesis import event, given
from hypothesis import strategies as st

from govcatalog.identifiers import (
    USCC_REGISTRATION_TABLE,
    DivisionLevel,
    IdentifierKind,
    Problem,
    check_citizen_id,
    check_division_code,
    check_identifier,
    check_license_id,
    check_org_code,
    check_uscc,
    division_name,
    iter_divisions,
)

DIGITS = "0123456789"
UPPER_ALNUM = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ROOT = "1.2.156.3005.2"

# Reference check characters, written from the spec's formulas.


def citizen_check(body: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return "10X98765432"[total % 11]


def org_check(body: str) -> str:
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(UPPER_ALNUM.index(c) * w for c, w in zip(body, weights, strict=True))
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def uscc_check(body: str) -> str:
    weights = [3**i % 31 for i in range(17)]
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(body, weights, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def license_check(body: str) -> str:
    p = 36
    for c in body:
        t = (p + UPPER_ALNUM.index(c)) % 36 or 36
        p = (2 * t) % 37
    return UPPER_ALNUM[(37 - p) % 36]


def other_char(alphabet: str, char: str) -> st.SearchStrategy[str]:
    return st.sampled_from([c for c in alphabet if c != char])


# Strategies

DIVISION_CODES = sorted(d.code for d in iter_divisions())
PROVINCES = sorted(d.code[:2] for d in iter_divisions(level=DivisionLevel.PROVINCE))
PREFIXES = sorted(
    dept + cat for dept, row in USCC_REGISTRATION_TABLE.items() for cat in row.categories
)


@st.composite
def citizen_bodies(draw: st.DrawFn) -> str:
    division = draw(st.sampled_from(DIVISION_CODES))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)))
    sequence = draw(st.text(DIGITS, min_size=3, max_size=3))
    return division + born.strftime("%Y%m%d") + sequence


@st.composite
def org_codes(draw: st.DrawFn, alphabet: str = UPPER_ALNUM) -> str:
    body = draw(st.text(alphabet, min_size=8, max_size=8))
    return body + org_check(body)


@st.composite
def uscc_bodies(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(PREFIXES))
    division = draw(st.sampled_from(PROVINCES)) + draw(st.text(DIGITS, min_size=4, max_size=4))
    return prefix + division + draw(org_codes(USCC_CHARSET))


@st.composite
def usccs(draw: st.DrawFn) -> str:
    body = draw(uscc_bodies())
    return body + uscc_check(body)


@st.composite
def license_bodies(draw: st.DrawFn) -> list[str]:
    type_code = draw(usccs()) + draw(st.text(DIGITS, min_size=3, max_size=3))
    serial = draw(st.text(UPPER_ALNUM, min_size=1, max_size=32))
    version = draw(st.text(DIGITS, min_size=3, max_size=3))
    return [type_code, draw(usccs()), serial, version]


# Properties: computed check characters pass, any other character fails with CHECKSUM


@given(citizen_bodies(), st.data())
def test_citizen_id_check(body: str, data: st.DataObject) -> None:
    check = citizen_check(body)
    result = check_citizen_id(body + check, as_of=date(2021, 1, 1))
    assert result.valid, result.message_en
    assert result.normalized == body + check
    wrong = data.draw(other_char(DIGITS + "X", check))
    failed = check_citizen_id(body + wrong, as_of=date(2021, 1, 1))
    assert failed.problem is Problem.CHECKSUM
    assert failed.expected == check


@given(org_codes(), st.data())
def test_org_code_check(code: str, data: st.DataObject) -> None:
    assert check_org_code(code).normalized == f"{code[:8]}-{code[8]}"
    wrong = data.draw(other_char(DIGITS + "X", code[8]))
    failed = check_org_code(code[:8] + "-" + wrong)
    assert failed.problem is Problem.CHECKSUM
    assert failed.expected == code[8]


@given(uscc_bodies(), st.data())
def test_uscc_check(body: str, data: st.DataObject) -> None:
    check = uscc_check(body)
    assert check_uscc(body + check).valid
    wrong = data.draw(other_char(USCC_CHARSET, check))
    failed = check_uscc(body + wrong)
    assert failed.problem is Problem.CHECKSUM
    assert failed.expected == check


@given(license_bodies(), st.data())
def test_license_id_check(parts: list[str], data: st.DataObject) -> None:
    check = license_check("".join(parts))
    value = ".".join([ROOT, *parts, check])
    assert check_license_id(value).valid
    wrong = data.draw(other_char(UPPER_ALNUM, check))
    failed = check_license_id(".".join([ROOT, *parts, wrong]))
    assert failed.problem is Problem.CHECKSUM
    assert failed.expected == check


@given(st.sampled_from(DIVISION_CODES))
def test_every_listed_code_checks_valid(code: str) -> None:
    result = check_division_code(code)
    assert result.valid
    assert result.details["name"] == division_name(code)


@st.composite
def legacy_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """A 15-digit number built by construction: valid, or wrong in exactly one named way."""
    kind = draw(st.sampled_from(["valid", "valid", "valid", "bad-date", "unknown-division"]))
    division = draw(st.sampled_from(DIVISION_CODES))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
    birth = born.strftime("%y%m%d")
    if kind == "bad-date":
        month, day = draw(st.sampled_from([(13, 1), (0, 10), (2, 30), (4, 31), (6, 0)]))
        birth = f"{born:%y}{month:02d}{day:02d}"
    elif kind == "unknown-division":
        division = draw(st.sampled_from(["990000", "000000", "710199", "120999"]))
        assert division not in DIVISION_CODES
    return kind, division + birth + draw(st.text(DIGITS, min_size=3, max_size=3))


@given(legacy_numbers())
def test_legacy_upgrade_matches_the_spec(case: tuple[str, str]) -> None:
    kind, number = case
    event(kind)
    result = check_citizen_id(number, strict=False)
    assert result.details.get("legacy_number") == number
    assert not check_citizen_id(number, strict=True).valid  # strict asks for 18 characters
    if kind == "valid":
        # 6 + "19" + the 9 digits after the division, then the check character of the 17.
        upgraded = number[:6] + "19" + number[6:]
        upgraded += citizen_check(upgraded)
        assert result.valid, result.problem
        assert result.normalized == upgraded
        assert result.details["birth_date"] == f"19{number[6:8]}-{number[8:10]}-{number[10:12]}"
        assert result.details["sex"] == ("male" if int(number[14]) % 2 else "female")
    elif kind == "bad-date":
        assert result.problem is Problem.DATE
    else:
        assert result.problem is Problem.UNKNOWN_DIVISION


# Properties: nothing raises on arbitrary text

CHECKS = [check_citizen_id, check_uscc, check_org_code, check_division_code, check_license_id]


@given(st.sampled_from(CHECKS), st.text(), st.booleans())
def test_checks_never_raise(check: object, text: str, strict: bool) -> None:
    result = check(text, strict=strict)  # type: ignore[operator]
    assert result.value == text
    assert result.valid is (result.problem is None)
    assert result.message_zh
    assert result.message_en
    if result.problem is Problem.CHECKSUM:
        assert result.expected is not None


@given(st.sampled_from(list(IdentifierKind)), st.text(), st.booleans())
def test_check_identifier_never_raises(kind: IdentifierKind, text: str, strict: bool) -> None:
    assert check_identifier(kind, text, strict=strict).kind is kind


@given(st.text(alphabet=UPPER_ALNUM + ".-x ", max_size=120), st.booleans())
def test_license_id_never_raises_on_near_miss(tail: str, strict: bool) -> None:
    check_license_id(f"{ROOT}.{tail}", strict=strict)


@given(st.text(alphabet=DIGITS + "Xx -", min_size=14, max_size=20), st.booleans())
def test_citizen_id_never_raises_on_near_miss(text: str, strict: bool) -> None:
    check_citizen_id(text, strict=strict)


@given(st.text(alphabet=USCC_CHARSET + "IOZSV-", min_size=16, max_size=20))
def test_uscc_never_raises_on_near_miss(text: str) -> None:
    check_uscc(text)


@given(st.text(alphabet=DIGITS, min_size=12, max_size=12))
def test_twelve_digit_never_raises(text: str) -> None:
    check_division_code(text)


@given(st.text())
def test_division_name_never_raises(text: str) -> None:
    division_name(text)
