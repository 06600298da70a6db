"""组织机构代码 (GB 11714-1997): eight body characters and a weighted MOD 11 check."""

from __future__ import annotations

from collections.abc import Collection

from govcatalog._lenient import lenient_clean

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
    UPPER_ALNUM,
    charset_failure,
    checksum_failure,
    empty_failure,
    first_outside,
    length_failure,
)

_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = DIGITS + "X"


def org_code_check_char(body: str) -> str:
    """Compute the check character of an eight-character org-code body (internal).

    Args:
        body: Eight digits or upper-case letters (A = 10 … Z = 35).

    Returns:
        ``"0"``–``"9"`` or ``"X"``.
    """
    total = sum(
        UPPER_ALNUM.index(char) * weight for char, weight in zip(body, _WEIGHTS, strict=True)
    )
    remainder = 11 - total % 11
    return "X" if remainder == 10 else "0" if remainder == 11 else str(remainder)


def _split(candidate: str, outcome: Outcome) -> str | None:
    """Return the nine characters without the hyphen, or None after recording a failure."""
    if len(candidate) == 9:
        return candidate
    if len(candidate) == 10:
        if candidate[8] == "-":
            return candidate[:8] + candidate[9]
        outcome.failure = Failure(
            Problem.STRUCTURE,
            f"10 位组织机构代码的第 9 位应为连字符，实为 {candidate[8]!r}",
            f"character 9 of a 10-character organization code should be a hyphen,"
            f" found {candidate[8]!r}",
        )
        return None
    outcome.failure = length_failure(
        "组织机构代码",
        "an organization code",
        "9 位（或带连字符 10 位）",
        "9 characters (10 with the hyphen)",
        len(candidate),
    )
    return None


def _inspect(text: str, strict: bool) -> Outcome:
    candidate = text if strict else lenient_clean(text)
    outcome = Outcome(candidate)
    if not candidate.strip():
        outcome.failure = empty_failure()
        return outcome
    chars = _split(candidate, outcome)
    if chars is None:
        return outcome
    body, check = chars[:8], chars[8]
    outcome.canonical = f"{body}-{check}"
    bad = first_outside(body, UPPER_ALNUM)
    if bad is not None:
        outcome.failure = charset_failure(body, bad, "数字或大写字母", "a digit or capital letter")
        return outcome
    if check not in _CHECK_CHARS:
        outcome.failure = charset_failure(
            chars, 8, "数字或 X", "a digit or X", offset=len(candidate) - 9
        )
        return outcome
    outcome.details["body"] = body
    outcome.details["check"] = check
    expected = org_code_check_char(body)
    if expected != check:
        outcome.failure = checksum_failure(expected, check)
    return outcome


def check_org_code(value: str, *, strict: bool = True, allow: Collection[str] = ()) -> CheckResult:
    """Check a 组织机构代码 (organization code, GB 11714-1997).

    Both the printed form ``XXXXXXXX-X`` and the bare nine characters are accepted. The body is
    digits and capital letters (A = 10 … Z = 35); the check character is ``0``–``9`` or ``X``,
    computed with the weights 3 7 9 10 5 8 4 2 and MOD 11.

    Args:
        value: The code to check.
        strict: When False, upper-case letters, drop spaces and hyphens, and fold full-width
            characters.
        allow: Values to accept even if they fail.

    Returns:
        The result; ``normalized`` is the printed form ``XXXXXXXX-X`` and ``details`` holds
        ``body`` and ``check``.

    Raises:
        TypeError: If ``value`` is not a str.

    Example:
        >>> check_org_code("D2143569X").normalized
        'D2143569-X'
    """
    text = require_str(value)
    outcome = _inspect(text, strict)
    return finish(IdentifierKind.ORG_CODE, text, outcome, require_allow(allow))
