"""The dated address-code check of 公民身份号码: the birthplace code in use at the birth date."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from stdnum.iso7064 import mod_11_2

from govcatalog.identifiers import (
    Division,
    DivisionLevel,
    Problem,
    check_citizen_id,
    iter_divisions,
)


def number(code: str, year: int) -> str:
    body = f"{code}{year}0615123"
    return body + mod_11_2.calc_check_digit(body)


def test_a_code_used_before_it_existed_fails_only_when_dated() -> None:
    value = number("110112", 1985)  # 通州区: the code is in use since 1997 (通县 was 110223)
    lenient = check_citizen_id(value)
    assert lenient.valid
    assert lenient.details["address_check"] == "lenient"
    assert lenient.details["division_in_force_at_birth"] == "false"
    dated = check_citizen_id(value, dated_division=True)
    assert not dated.valid
    assert dated.problem is Problem.NOT_IN_FORCE
    assert dated.details["address_check"] == "dated"
    assert (dated.message_zh, dated.message_en) == (
        "地址码 110112（通州区）在出生年份 1985 未使用（使用年份 1997–今）",
        "address code 110112 (通州区) was not in use in the birth year 1985 (in use 1997-today)",
    )


def test_an_abolished_code_used_while_it_existed_passes_both_ways() -> None:
    value = number("440524", 1988)  # 潮阳县: the code was in use 1983–1993
    for dated in (False, True):
        result = check_citizen_id(value, dated_division=dated)
        assert result.valid, result
        assert result.details["division_in_force_at_birth"] == "true"


def test_an_abolished_code_used_after_it_ended_fails_when_dated() -> None:
    value = number("440524", 2005)
    assert check_citizen_id(value).valid
    assert check_citizen_id(value, dated_division=True).problem is Problem.NOT_IN_FORCE


def test_other_failures_come_first() -> None:
    bad_date = "110112198502300010"
    assert check_citizen_id(bad_date, dated_division=True).problem is Problem.DATE


# every county code that began after 1980, a sample spread over the list
_LATE = [
    d
    for d in iter_divisions(level=DivisionLevel.COUNTY)
    if d.first_year is not None and d.first_year > 1981
]
_SAMPLE = list(itertools.islice(_LATE, 0, None, max(1, len(_LATE) // 40)))


@pytest.mark.parametrize("division", _SAMPLE, ids=lambda d: d.code)
def test_the_year_before_a_code_began_fails_and_its_first_year_passes(division: Division) -> None:
    assert division.first_year is not None
    year = division.first_year - 1
    before = check_citizen_id(number(division.code, year), dated_division=True)
    first = check_citizen_id(number(division.code, division.first_year), dated_division=True)
    assert before.valid is division.in_force(dt.date(year, 6, 15))  # an earlier spell of use
    assert first.valid
    assert check_citizen_id(number(division.code, year)).valid  # lenient by default
