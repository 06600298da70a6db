"""统一社会信用代码 (GB 32100-2015): registration table, division, embedded org code, check."""

from __future__ import annotations

from collections.abc import Collection

from stdnum.cn import uscc as stdnum_uscc

from govcatalog._lenient import lenient_clean

from ._division_data import get_division, known_province
from ._org_code import org_code_check_char
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
    USCC_CHARSET,
    charset_failure,
    checksum_failure,
    empty_failure,
    first_outside,
    is_digits,
    length_failure,
)
from ._uscc_table import USCC_REGISTRATION_TABLE

# Central registration authorities use 100000 (中华人民共和国) as their division code; it is
# not a province and so not a row of the division list.
_NATIONAL_DIVISION = "100000"


def uscc_check_char(body: str) -> str:
    """Compute the check character of a 17-character USCC body (internal)."""
    # stdnum's calc_check_digit is the GB 32100 algorithm; its validate() is not used because
    # it requires positions 1-8 to be digits, which rejects departments A, N and Y.
    return str(stdnum_uscc.calc_check_digit(body))


def _check_registration(code: str, details: dict[str, str]) -> Failure | None:
    department = USCC_REGISTRATION_TABLE.get(code[0])
    if department is None:
        known = "、".join(USCC_REGISTRATION_TABLE)
        return Failure(
            Problem.REGISTRATION_CATEGORY,
            f"登记管理部门代码 {code[0]} 未定义（应为 {known} 之一）",
            f"registration department code {code[0]} is not defined (expected one of"
            f" {', '.join(USCC_REGISTRATION_TABLE)})",
        )
    details["registration_department"] = department.code
    details["registration_department_name"] = department.name
    category = department.categories.get(code[1])
    if category is None:
        allowed = "、".join(department.categories)
        return Failure(
            Problem.REGISTRATION_CATEGORY,
            f"机构类别代码 {code[1]} 不适用于登记管理部门 {department.code}（{department.name}），"
            f"应为 {allowed} 之一",
            f"institution category code {code[1]} is not defined for registration department"
            f" {department.code} ({department.name_en}); expected one of"
            f" {', '.join(department.categories)}",
        )
    details["category"] = code[1]
    details["category_name"] = category
    return None


def _check_embedded(code: str) -> Failure | None:
    division = code[2:8]
    if division != _NATIONAL_DIVISION and known_province(division) is None:
        return Failure(
            Problem.EMBEDDED,
            f"登记管理机关行政区划码 {division} 的省级代码 {division[:2]} 未知",
            f"the registration division code {division} has an unknown province {division[:2]}",
        )
    body, check = code[8:16], code[16]
    expected = org_code_check_char(body)
    if expected != check:
        return Failure(
            Problem.EMBEDDED,
            f"主体标识码（组织机构代码）{body}-{check} 的校验码应为 {expected}，实为 {check}",
            f"the embedded organization code {body}-{check} should have check character"
            f" {expected}, found {check}",
        )
    return None


def _inspect(text: str, strict: bool) -> Outcome:
    candidate = text if strict else lenient_clean(text)
    outcome = Outcome(candidate)
    details = outcome.details
    if not candidate.strip():
        outcome.failure = empty_failure()
        return outcome
    if len(candidate) != 18:
        outcome.failure = length_failure(
            "统一社会信用代码",
            "a unified social credit code",
            "18 位",
            "18 characters",
            len(candidate),
        )
        return outcome
    bad = first_outside(candidate, USCC_CHARSET)
    if bad is not None:
        outcome.failure = charset_failure(
            candidate,
            bad,
            "数字或大写字母（不含 I、O、Z、S、V）",
            "a digit or capital letter other than I, O, Z, S, V",
        )
        return outcome
    outcome.failure = _check_registration(candidate, details)
    if outcome.failure is not None:
        return outcome
    division = candidate[2:8]
    if not is_digits(division):
        outcome.failure = Failure(
            Problem.STRUCTURE,
            f"第 3–8 位登记管理机关行政区划码应为 6 位数字，实为 {division}",
            f"positions 3-8 (registration division code) should be 6 digits, found {division}",
        )
        return outcome
    details["division"] = division
    known = get_division(division)
    if known is not None:
        details["division_name"] = known.name
    details["org_code"] = f"{candidate[8:16]}-{candidate[16]}"
    details["check"] = candidate[17]
    expected = uscc_check_char(candidate[:17])
    if expected != candidate[17]:
        outcome.failure = checksum_failure(expected, candidate[17])
        return outcome
    outcome.failure = _check_embedded(candidate)
    return outcome


def check_uscc(value: str, *, strict: bool = True, allow: Collection[str] = ()) -> CheckResult:
    """Check a 统一社会信用代码 (unified social credit code, GB 32100-2015).

    The checks run in this order, and the first failure is reported: length, characters
    (31 characters, no I O Z S V), registration department and institution category
    (``USCC_REGISTRATION_TABLE``), six-digit registration division code, the MOD 31 check
    character, and finally the embedded parts: the division's province (or ``100000`` for
    central authorities) and the embedded organization code's check character.

    Args:
        value: The code to check.
        strict: When False, upper-case letters, drop spaces and hyphens, and fold full-width
            characters.
        allow: Values to accept even if they fail, such as the early Fujian pilot codes
            (``91350100M0001TGQXM``) that are legal but fail the check.

    Returns:
        The result; ``details`` holds ``registration_department`` (and ``_name``),
        ``category`` (and ``_name``), ``division`` (and ``division_name`` when listed),
        ``org_code`` and ``check``.

    Raises:
        TypeError: If ``value`` is not a str.

    Example:
        >>> check_uscc("91350100M000100Y44").expected
        '3'
    """
    text = require_str(value)
    outcome = _inspect(text, strict)
    return finish(IdentifierKind.USCC, text, outcome, require_allow(allow))
