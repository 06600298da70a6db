"""行政区划代码: six-digit GB/T 2260 codes and 12-digit statistical division codes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from govcatalog._lenient import lenient_clean

from ._division_data import Division, DivisionLevel, get_division
from ._result import (
    CheckResult,
    Failure,
    IdentifierKind,
    Outcome,
    Problem,
    finish,
    require_allow,
    require_str,
)
from ._text import DIGITS, empty_failure, first_outside, length_failure


@dataclass(frozen=True, slots=True)
class _Segment:
    """A range of a 乡级 or 村级 segment and what codes in it stand for."""

    low: int
    high: int
    kind_zh: str
    kind_en: str


# 乡级 segment, GB/T 10114.
_TOWNSHIP_SEGMENTS = (
    _Segment(1, 99, "街道", "subdistrict"),
    _Segment(100, 199, "镇", "town"),
    _Segment(200, 399, "乡", "township"),
    _Segment(400, 599, "政企合一单位", "government-enterprise unit"),
)
# 村级 segment, 国家统计局 supplement. The split is not confirmed from the rule text.
_VILLAGE_SEGMENTS = (
    _Segment(1, 199, "居民委员会", "residents' committee"),
    _Segment(200, 399, "村民委员会", "villagers' committee"),
)


def _segment(code: str, segments: tuple[_Segment, ...]) -> _Segment | None:
    number = int(code)
    return next((s for s in segments if s.low <= number <= s.high), None)


def _describe(division: Division, details: dict[str, str]) -> None:
    details["division"] = division.code
    details["name"] = division.name
    details["level"] = division.level.value
    details["status"] = "current" if division.current else "abolished"
    if division.first_year is not None:
        details["first_year"] = str(division.first_year)
    if division.last_year is not None:
        details["last_year"] = str(division.last_year)
    province = get_division(division.code[:2] + "0000")
    if province is not None:
        details["province"] = province.code
        details["province_name"] = province.name


def _not_in_force(division: Division, year: int) -> Failure:
    first, last = division.first_year, division.last_year
    if first is not None and last is not None:
        span_zh, span_en = f"使用于 {first}–{last} 年", f"in use {first}–{last}"
    elif last is not None:
        span_zh, span_en = f"使用至 {last} 年", f"in use until {last}"
    else:
        span_zh, span_en = f"自 {first} 年起使用", f"in use from {first}"
    return Failure(
        Problem.NOT_IN_FORCE,
        f"行政区划代码 {division.code}（{division.name}）在 {year} 年未使用（{span_zh}）",
        f"division code {division.code} ({division.name}) was not in use in {year} ({span_en})",
    )


def _check_division_part(code: str, as_of: date | None, details: dict[str, str]) -> Failure | None:
    if get_division(code[:2] + "0000") is None:
        return Failure(
            Problem.UNKNOWN_DIVISION,
            f"省级代码 {code[:2]} 未知",
            f"unknown province code {code[:2]}",
        )
    division = get_division(code)
    if division is None:
        return Failure(
            Problem.UNKNOWN_DIVISION,
            f"行政区划代码 {code} 不在区划代码表中",
            f"division code {code} is not in the division list",
        )
    _describe(division, details)
    if as_of is not None and not division.in_force(as_of):
        return _not_in_force(division, as_of.year)
    if as_of is not None:
        details["name"] = division.name_on(as_of)
    return None


def _check_statistical(code: str, strict: bool, details: dict[str, str]) -> Failure | None:
    township, village = code[6:9], code[9:]
    details["township"] = township
    details["village"] = village
    if township == "000":
        details["statistical_level"] = "division"
        if village == "000":
            return None
        return Failure(
            Problem.STRUCTURE,
            f"乡级代码为 000 时村级代码应为 000，实为 {village}",
            f"the village segment should be 000 when the township segment is 000, found {village}",
        )
    if details.get("level") == DivisionLevel.PROVINCE.value:
        return Failure(
            Problem.STRUCTURE,
            f"乡级代码 {township} 不能直接位于省级代码 {code[:6]} 之下",
            f"township segment {township} cannot sit directly under province code {code[:6]}",
        )
    town = _segment(township, _TOWNSHIP_SEGMENTS)
    if town is None:
        return Failure(
            Problem.STRUCTURE,
            f"乡级代码 {township} 不在 001–599 范围内",
            f"township segment {township} is outside 001–599",
        )
    details["township_kind"] = town.kind_zh
    details["township_kind_en"] = town.kind_en
    details["statistical_level"] = "township"
    if village == "000":
        return None
    details["statistical_level"] = "village"
    place = _segment(village, _VILLAGE_SEGMENTS)
    if place is not None:
        details["village_kind"] = place.kind_zh
        details["village_kind_en"] = place.kind_en
        return None
    if not strict:
        details["village_kind"] = "未分类"
        details["village_kind_en"] = "unclassified"
        return None
    return Failure(
        Problem.STRUCTURE,
        f"村级代码 {village} 不在 001–399 范围内",
        f"village segment {village} is outside 001–399",
    )


def inspect_division(text: str, *, strict: bool, as_of: date | None) -> Outcome:
    """Check a six- or twelve-digit division code and collect its parts (internal)."""
    candidate = text if strict else lenient_clean(text)
    outcome = Outcome(candidate)
    if not candidate.strip():
        outcome.failure = empty_failure()
        return outcome
    bad = first_outside(candidate, DIGITS)
    if bad is not None:
        char = candidate[bad]
        outcome.failure = Failure(
            Problem.CHARSET,
            f"第 {bad + 1} 位字符 {char!r} 不允许，行政区划代码只含数字",
            f"character {bad + 1} {char!r} is not allowed, division codes are digits only",
        )
        return outcome
    if len(candidate) not in {6, 12}:
        outcome.failure = length_failure(
            "行政区划代码", "a division code", "6 位或 12 位", "6 or 12 digits", len(candidate)
        )
        return outcome
    outcome.failure = _check_division_part(candidate[:6], as_of, outcome.details)
    if outcome.failure is None and len(candidate) == 12:
        outcome.failure = _check_statistical(candidate, strict, outcome.details)
    return outcome


def check_division_code(
    value: str, *, strict: bool = True, as_of: date | None = None, allow: Collection[str] = ()
) -> CheckResult:
    """Check a 行政区划代码: a six-digit GB/T 2260 code or a 12-digit statistical code.

    A six-digit code must be in the division list (``DIVISION_LIST_VERSION``); abolished codes
    count unless ``as_of`` is given, in which case the code must have been in use in that year.
    A 12-digit code is the six-digit code, a 乡级 segment (001–099 街道, 100–199 镇,
    200–399 乡, 400–599 政企合一单位) and a 村级 segment (001–199 居民委员会,
    200–399 村民委员会), zero-padded for higher levels.

    Args:
        value: The code to check.
        strict: When False, drop spaces and hyphens, fold full-width digits, and accept a
            村级 segment outside 001–399 (reported as unclassified).
        as_of: Require the six-digit part to have been in use in the year of this date.
        allow: Values to accept even if they fail.

    Returns:
        The result; ``details`` holds the name, level, province and, for 12-digit codes, the
        segments and their kinds.

    Raises:
        TypeError: If ``value`` is not a str.

    Example:
        >>> check_division_code("220581102001").details["township_kind"]
        '镇'
    """
    text = require_str(value)
    outcome = inspect_division(text, strict=strict, as_of=as_of)
    return finish(IdentifierKind.DIVISION_CODE, text, outcome, require_allow(allow))
