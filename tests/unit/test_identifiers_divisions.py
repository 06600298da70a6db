"""The division list (python-stdnum's loc.dat) and division-code checks."""

from __future__ import annotations

from datetime import date

import pytest
import stdnum

from govcatalog.identifiers import (
    DIVISION_LIST_VERSION,
    Division,
    DivisionLevel,
    Problem,
    check_division_code,
    division_name,
    get_division,
    iter_divisions,
)

# Spec § 3.4, CONFIRMED.
_PROVINCE_NUMBERS = (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44)
_PROVINCE_NUMBERS_2 = (45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82)
PROVINCES = [str(number) for number in (*_PROVINCE_NUMBERS, *_PROVINCE_NUMBERS_2)]


def test_version_names_the_package_and_file() -> None:
    assert f"python-stdnum {stdnum.__version__}" in DIVISION_LIST_VERSION
    assert "loc.dat" in DIVISION_LIST_VERSION


def test_data_reaches_recent_years() -> None:
    years = [
        entry.last_year or entry.first_year or 0
        for division in iter_divisions()
        for entry in division.history
    ]
    assert max(years) >= 2024


def test_province_rows_match_the_spec_list() -> None:
    provinces = list(iter_divisions(level=DivisionLevel.PROVINCE))
    assert [p.code[:2] for p in provinces] == PROVINCES
    assert all(p.parent_code is None for p in provinces)
    assert division_name("110000") == "北京市"


def test_every_code_has_a_listed_parent() -> None:
    # loc.dat carries its province and prefecture rows, so nothing needs deriving; this test
    # fails if a later release drops them.
    for division in iter_divisions(level=DivisionLevel.COUNTY):
        assert division.parent_code is not None
        parent = get_division(division.parent_code)
        assert parent is not None
        assert division.parent_code == division.code[:4] + "00" or parent.level is (
            DivisionLevel.PROVINCE
        )
    for division in iter_divisions(level=DivisionLevel.PREFECTURE):
        assert division.parent_code == division.code[:2] + "0000"


def test_names_and_history() -> None:
    assert division_name("110105") == "朝阳区"
    assert division_name("999999") is None
    assert division_name("1101") is None
    renamed = get_division("130502")
    assert renamed is not None
    assert renamed.name == "襄都区"
    assert [entry.name for entry in renamed.history] == ["桥东区", "襄都区"]
    assert renamed.name_on(date(2010, 1, 1)) == "桥东区"
    assert renamed.current


def test_abolished_code() -> None:
    chongwen = get_division("110103")
    assert isinstance(chongwen, Division)
    assert chongwen.name == "崇文区"
    assert not chongwen.current
    assert chongwen.last_year == 2010
    assert chongwen.in_force(date(2010, 6, 1))
    assert not chongwen.in_force(date(2011, 1, 1))


def test_iter_divisions_as_of() -> None:
    in_2015 = {d.code for d in iter_divisions(as_of=date(2015, 1, 1))}
    everything = {d.code for d in iter_divisions()}
    assert "110103" not in in_2015
    assert "110103" in everything
    assert "110105" in in_2015
    assert in_2015 < everything


def test_division_name_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        division_name(110105)  # type: ignore[arg-type]


def test_check_abolished_code_with_and_without_as_of() -> None:
    result = check_division_code("110103")
    assert result.valid
    assert result.details["status"] == "abolished"
    late = check_division_code("110103", as_of=date(2015, 1, 1))
    assert late.problem is Problem.NOT_IN_FORCE
    assert "2010" in late.message_en
    assert check_division_code("110103", as_of=date(2005, 1, 1)).valid


def test_check_name_as_of() -> None:
    assert check_division_code("130502", as_of=date(2010, 1, 1)).details["name"] == "桥东区"
    assert check_division_code("130502").details["name"] == "襄都区"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("110199", Problem.UNKNOWN_DIVISION),
        ("11010", Problem.LENGTH),
        ("1101050", Problem.LENGTH),
        ("11010a", Problem.CHARSET),
        ("１１０１０５", Problem.CHARSET),
        ("11010²", Problem.CHARSET),
    ],
)
def test_six_digit_problems(code: str, problem: Problem) -> None:
    assert check_division_code(code).problem is problem


@pytest.mark.parametrize(
    ("code", "township_kind", "village_kind"),
    [
        ("110105001001", "街道", "居民委员会"),
        ("220581102001", "镇", "居民委员会"),
        ("220581102201", "镇", "村民委员会"),
        ("220581250210", "乡", "村民委员会"),
        ("220581400001", "政企合一单位", "居民委员会"),
    ],
)
def test_twelve_digit_kinds(code: str, township_kind: str, village_kind: str) -> None:
    details = check_division_code(code).details
    assert details["township_kind"] == township_kind
    assert details["village_kind"] == village_kind


def test_twelve_digit_township_level() -> None:
    details = check_division_code("220581102000").details
    assert details["statistical_level"] == "township"
    assert "village_kind" not in details


def test_twelve_digit_under_a_prefecture_without_counties() -> None:
    # 东莞市 (441900) has towns directly under the prefecture.
    assert check_division_code("441900003000").valid


@pytest.mark.parametrize(
    "code",
    [
        "220581000001",  # village without a township
        "220581600001",  # township segment beyond 599
        "110000001000",  # township directly under a province
        "220581102400",  # village segment beyond 399 (strict only)
    ],
)
def test_twelve_digit_structure_problems(code: str) -> None:
    assert check_division_code(code).problem is Problem.STRUCTURE


def test_twelve_digit_unknown_county_part() -> None:
    assert check_division_code("110199102001").problem is Problem.UNKNOWN_DIVISION


def test_unclassified_village_segment_is_lenient_only() -> None:
    result = check_division_code("220581102450", strict=False)
    assert result.valid
    assert result.details["village_kind_en"] == "unclassified"


@pytest.mark.parametrize(
    ("code", "year", "span"),
    [
        ("110119", 2010, "in use from 2015"),  # 延庆区, created 2015
        ("130103", 1980, "in use 1983–2014"),  # 石家庄 桥东区
        ("110103", 2015, "in use until 2010"),  # 崇文区
    ],
)
def test_not_in_force_messages(code: str, year: int, span: str) -> None:
    result = check_division_code(code, as_of=date(year, 1, 1))
    assert result.problem is Problem.NOT_IN_FORCE
    assert span in result.message_en
