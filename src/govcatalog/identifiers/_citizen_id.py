"""公民身份号码 (GB 11643-1999): address code, birth date, sequence code and MOD 11-2 check."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from stdnum.iso7064 import mod_11_2

from govcatalog._lenient import lenient_clean

from ._division_data import get_division
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
from ._text import (
    DIGITS,
    charset_failure,
    checksum_failure,
    empty_failure,
    first_outside,
    is_digits,
    length_failure,
)

_CHECK_CHARS = DIGITS + "X"


def _upgrade_legacy(number: str) -> str:
    """Turn a 15-digit GB 11643-1989 number into its 18-digit form (century 19, new check)."""
    body = number[:6] + "19" + number[6:]
    return body + mod_11_2.calc_check_digit(body)


def _birth(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _check_birth_date(digits: str, as_of: date | None, details: dict[str, str]) -> Failure | None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return Failure(
            Problem.DATE,
            f"出生日期码 {digits} 不是有效日期",
            f"birth date code {digits} is not a real date",
        )
    details["birth_date"] = born.isoformat()
    reference = as_of if as_of is not None else date.today()
    if born > reference:
        return Failure(
            Problem.DATE,
            f"出生日期 {born.isoformat()} 晚于 {reference.isoformat()}",
            f"birth date {born.isoformat()} is after {reference.isoformat()}",
        )
    return None


def _years(first: int | None, last: int | None) -> str:
    return f"{first or '1980 前'}–{last or '今'}"


def _check_address(
    code: str, born: date | None, dated: bool, details: dict[str, str]
) -> Failure | None:
    # A birth-place code stays valid after its division is abolished, so by default any code
    # the list has ever held is accepted. In the dated mode the code must have been in use in
    # the year of birth (the list records years, not days).
    details["division"] = code
    details["address_check"] = "dated" if dated else "lenient"
    division = get_division(code)
    if division is None:
        return Failure(
            Problem.UNKNOWN_DIVISION,
            f"地址码 {code} 不在行政区划代码表中",
            f"address code {code} is not a known division code",
        )
    details["division_name"] = division.name
    if born is None:
        return None
    in_force = division.in_force(born)
    details["division_in_force_at_birth"] = "true" if in_force else "false"
    if in_force:
        details["division_name_at_birth"] = division.name_on(born)
        return None
    if not dated:
        return None
    years = _years(division.first_year, division.last_year)
    years_en = f"{division.first_year or 'before 1980'}-{division.last_year or 'today'}"
    return Failure(
        Problem.NOT_IN_FORCE,
        f"地址码 {code}（{division.name}）在出生年份 {born.year} 未使用（使用年份 {years}）",
        f"address code {code} ({division.name}) was not in use in the birth year {born.year}"
        f" (in use {years_en})",
    )


def _inspect(text: str, strict: bool, as_of: date | None, dated: bool) -> Outcome:
    candidate = text if strict else lenient_clean(text)
    outcome = Outcome(candidate)
    details = outcome.details
    if not candidate.strip():
        outcome.failure = empty_failure()
        return outcome
    if not strict and len(candidate) == 15 and is_digits(candidate):
        details["legacy_number"] = candidate
        candidate = outcome.canonical = _upgrade_legacy(candidate)
    if len(candidate) != 18:
        failure = length_failure(
            "公民身份号码", "a citizen identity number", "18 位", "18 characters", len(candidate)
        )
        if len(candidate) == 15 and is_digits(candidate):
            failure = Failure(
                Problem.LENGTH,
                failure.message_zh + "（15 位旧号码须在非严格模式下升级）",
                failure.message_en + " (15-digit legacy numbers are upgraded with strict=False)",
            )
        outcome.failure = failure
        return outcome
    bad = first_outside(candidate[:17], DIGITS)
    if bad is not None:
        outcome.failure = charset_failure(candidate, bad, "数字", "a digit")
        return outcome
    if candidate[17] not in _CHECK_CHARS:
        outcome.failure = charset_failure(candidate, 17, "数字或 X", "a digit or X")
        return outcome
    address_failure = _check_address(candidate[:6], _birth(candidate[6:14]), dated, details)
    date_failure = _check_birth_date(candidate[6:14], as_of, details)
    sequence = candidate[14:17]
    details["sequence"] = sequence
    details["sex"] = "male" if int(sequence[-1]) % 2 else "female"
    details["check"] = candidate[17]
    outcome.failure = date_failure or address_failure
    if outcome.failure is None:
        expected = mod_11_2.calc_check_digit(candidate[:17])
        if expected != candidate[17]:
            outcome.failure = checksum_failure(expected, candidate[17])
    return outcome


def check_citizen_id(
    value: str,
    *,
    strict: bool = True,
    allow: Collection[str] = (),
    as_of: date | None = None,
    dated_division: bool = False,
) -> CheckResult:
    """Check a 公民身份号码 (citizen identity number, GB 11643-1999).

    The checks run in this order, and the first failure is reported: length, characters,
    birth date (a real date, not after ``as_of`` or today), address code, and the ISO 7064
    MOD 11-2 check character.

    The address code is checked leniently by default: any division code the list has held is
    accepted, since a birth-place code stays valid after its division is abolished, and
    ``details["address_check"]`` says ``"lenient"``. With ``dated_division=True`` the code must
    also have been in use in the year of birth (python-stdnum's dated division list records
    years), so a code used before it existed fails with ``Problem.NOT_IN_FORCE``. Either way
    ``details["division_in_force_at_birth"]`` tells whether it was.

    Args:
        value: The number to check.
        strict: When False, upper-case a trailing ``x``, drop spaces and hyphens, fold
            full-width characters, and upgrade a 15-digit legacy number to 18 digits.
        allow: Values to accept even if they fail.
        as_of: The date a birth date may not be after; today by default.
        dated_division: Require the address code to have been in use in the year of birth.

    Returns:
        The result; ``details`` holds ``division``, ``division_name``, ``birth_date`` (ISO),
        ``sequence``, ``sex`` (``"male"``/``"female"``), ``check``, ``address_check``
        (``"lenient"``/``"dated"``), ``division_in_force_at_birth`` (``"true"``/``"false"``) and,
        ``division_name_at_birth`` (when it was in use) and, for an upgraded number,
        ``legacy_number``.

    Raises:
        TypeError: If ``value`` is not a str.

    Example:
        >>> check_citizen_id("11010519491231002X").details["sex"]
        'female'
    """
    text = require_str(value)
    outcome = _inspect(text, strict, as_of, dated_division)
    return finish(IdentifierKind.CITIZEN_ID, text, outcome, require_allow(allow))
