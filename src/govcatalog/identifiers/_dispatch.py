"""``check_identifier``: one entry point for every identifier kind."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType

from ._citizen_id import check_citizen_id
from ._division import check_division_code
from ._license_id import check_license_id
from ._org_code import check_org_code
from ._result import CheckResult, IdentifierKind
from ._uscc import check_uscc

_Check = Callable[..., CheckResult]

_CHECKS: Mapping[IdentifierKind, _Check] = MappingProxyType(
    {
        IdentifierKind.CITIZEN_ID: check_citizen_id,
        IdentifierKind.USCC: check_uscc,
        IdentifierKind.ORG_CODE: check_org_code,
        IdentifierKind.DIVISION_CODE: check_division_code,
        IdentifierKind.LICENSE_ID: check_license_id,
    }
)


def check_identifier(
    kind: IdentifierKind, value: str, *, strict: bool = True, allow: Collection[str] = ()
) -> CheckResult:
    """Check a value as the given kind of identifier.

    Args:
        kind: Which identifier ``value`` should be.
        value: The value to check.
        strict: Passed on to the kind's check function.
        allow: Values to accept even if they fail.

    Returns:
        The result of ``check_citizen_id``, ``check_uscc``, ``check_org_code``,
        ``check_division_code`` or ``check_license_id``.

    Raises:
        TypeError: If ``value`` is not a str.
        ValueError: If ``kind`` is not an ``IdentifierKind``.

    Example:
        >>> check_identifier(IdentifierKind.ORG_CODE, "10000004-0").valid
        True
    """
    check = _CHECKS[IdentifierKind(kind)]
    result: CheckResult = check(value, strict=strict, allow=allow)
    return result
