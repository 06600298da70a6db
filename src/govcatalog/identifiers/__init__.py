"""Checks for the identifiers used by the base databases of a government catalog.

公民身份号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015), 组织机构代码 (GB 11714-1997),
行政区划代码 (GB/T 2260) and 证照标识 (GB/T 36904-2018). Every check is a pure function that
returns a ``CheckResult``; bad values never raise.

Example:
    >>> from govcatalog.identifiers import check_uscc
    >>> result = check_uscc("91350100M000100Y44")
    >>> result.valid, result.problem, result.expected
    (False, <Problem.CHECKSUM: 'checksum'>, '3')
"""

from ._citizen_id import check_citizen_id
from ._dispatch import check_identifier
from ._division import check_division_code
from ._division_data import (
    DIVISION_LIST_VERSION,
    Division,
    DivisionLevel,
    DivisionName,
    division_name,
    get_division,
    iter_divisions,
)
from ._license_id import check_license_id
from ._org_code import check_org_code
from ._result import CheckResult, IdentifierKind, Problem
from ._uscc import check_uscc
from ._uscc_table import USCC_REGISTRATION_TABLE, RegistrationDepartment

__all__ = [
    "DIVISION_LIST_VERSION",
    "USCC_REGISTRATION_TABLE",
    "CheckResult",
    "Division",
    "DivisionLevel",
    "DivisionName",
    "IdentifierKind",
    "Problem",
    "RegistrationDepartment",
    "check_citizen_id",
    "check_division_code",
    "check_identifier",
    "check_license_id",
    "check_org_code",
    "check_uscc",
    "division_name",
    "get_division",
    "iter_divisions",
]
