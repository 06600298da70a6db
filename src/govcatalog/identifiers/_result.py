"""Result types shared by every identifier check, and the problem catalogue.

Each kind of failure is declared once here (``Problem`` and its titles); the check modules only
fill in the specific values (position, expected character, ...) through the message helpers.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class IdentifierKind(StrEnum):
    """The identifiers this package checks; the value is the Chinese name used in the standards."""

    CITIZEN_ID = "公民身份号码"
    """Citizen identity number, GB 11643-1999."""
    USCC = "统一社会信用代码"
    """Unified social credit code, GB 32100-2015."""
    ORG_CODE = "组织机构代码"
    """Organization code, GB 11714-1997."""
    DIVISION_CODE = "行政区划代码"
    """Administrative division code, GB/T 2260 (and the 12-digit statistical code)."""
    LICENSE_ID = "证照标识"
    """Electronic licence identifier, GB/T 36904-2018."""

    @property
    def label_en(self) -> str:
        """The English name of the identifier, e.g. ``"citizen identity number"``."""
        return _KIND_INFO[self][0]

    @property
    def standard(self) -> str:
        """The standard that defines the identifier, e.g. ``"GB 11643-1999"``."""
        return _KIND_INFO[self][1]


_KIND_INFO: Mapping[IdentifierKind, tuple[str, str]] = MappingProxyType(
    {
        IdentifierKind.CITIZEN_ID: ("citizen identity number", "GB 11643-1999"),
        IdentifierKind.USCC: ("unified social credit code", "GB 32100-2015"),
        IdentifierKind.ORG_CODE: ("organization code", "GB 11714-1997"),
        IdentifierKind.DIVISION_CODE: ("administrative division code", "GB/T 2260"),
        IdentifierKind.LICENSE_ID: ("electronic licence identifier", "GB/T 36904-2018"),
    }
)


class Problem(StrEnum):
    """Why a value failed its check. The values are stable and machine-readable."""

    EMPTY = "empty"
    """The value is empty or blank."""
    LENGTH = "length"
    """The value (or one of its segments) has the wrong number of characters."""
    CHARSET = "charset"
    """A character is outside the identifier's character set."""
    STRUCTURE = "structure"
    """The parts are in the wrong place, or a segment is outside its defined range."""
    CHECKSUM = "checksum"
    """The check character does not match the one computed from the body."""
    DATE = "date"
    """An embedded date is not a real date, or lies in the future."""
    UNKNOWN_DIVISION = "unknown-division"
    """A division code (or its province) is not in the division list."""
    NOT_IN_FORCE = "not-in-force"
    """A division code is in the list but was not in use in the requested year."""
    REGISTRATION_CATEGORY = "registration-category"
    """A USCC's registration department or institution category is not defined."""
    ROOT = "root"
    """A licence identifier does not start with the root code ``1.2.156.3005.2``."""
    EMBEDDED = "embedded"
    """An identifier embedded in the value (org code, USCC, division) fails its own check."""

    @property
    def title_zh(self) -> str:
        """A short Chinese title for the problem."""
        return _PROBLEM_TITLES[self][0]

    @property
    def title_en(self) -> str:
        """A short English title for the problem."""
        return _PROBLEM_TITLES[self][1]


_PROBLEM_TITLES: Mapping[Problem, tuple[str, str]] = MappingProxyType(
    {
        Problem.EMPTY: ("值为空", "empty value"),
        Problem.LENGTH: ("长度错误", "wrong length"),
        Problem.CHARSET: ("含有不允许的字符", "character not allowed"),
        Problem.STRUCTURE: ("结构错误", "wrong structure"),
        Problem.CHECKSUM: ("校验码错误", "wrong check character"),
        Problem.DATE: ("日期错误", "invalid date"),
        Problem.UNKNOWN_DIVISION: ("行政区划代码未知", "unknown division code"),
        Problem.NOT_IN_FORCE: ("行政区划代码当年未使用", "division code not in use at the date"),
        Problem.REGISTRATION_CATEGORY: (
            "登记管理部门或机构类别代码未定义",
            "undefined registration department or category",
        ),
        Problem.ROOT: ("根代码错误", "wrong root code"),
        Problem.EMBEDDED: ("内嵌代码无效", "embedded code is invalid"),
    }
)


def _empty_details() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of checking one identifier value.

    Attributes:
        kind: Which identifier was checked.
        value: The value exactly as given.
        valid: True when the value passed, or failed but is on the caller's allow-list.
        normalized: The canonical form when ``valid`` (e.g. ``"D2143569-X"`` for an org code),
            otherwise None.
        problem: Why the value failed, or None when it passed. Still set when ``allowed``.
        expected: The expected check character when ``problem`` is ``Problem.CHECKSUM``.
        message_zh: One Chinese sentence describing the outcome.
        message_en: The same sentence in English.
        allowed: True when the value failed a check but is on the allow-list.
        details: The parsed parts, e.g. ``{"division": "110105", "birth_date": "1949-12-31"}``.
    """

    kind: IdentifierKind
    value: str
    valid: bool
    normalized: str | None
    problem: Problem | None
    expected: str | None
    message_zh: str
    message_en: str
    allowed: bool = False
    details: Mapping[str, str] = field(default_factory=_empty_details, hash=False)


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed check before it becomes part of a ``CheckResult`` (internal)."""

    problem: Problem
    message_zh: str
    message_en: str
    expected: str | None = None


@dataclass(slots=True)
class Outcome:
    """What a check module found: the canonical text, parsed parts and first failure (internal)."""

    canonical: str
    details: dict[str, str] = field(default_factory=dict)
    failure: Failure | None = None


def require_str(value: object) -> str:
    """Return ``value`` if it is a str, otherwise raise TypeError."""
    if not isinstance(value, str):
        msg = f"identifier value must be str, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def require_allow(allow: Collection[str]) -> Collection[str]:
    """Reject a bare string as an allow-list, where ``in`` would test for substrings."""
    if isinstance(allow, str):
        msg = "allow must be a collection of str values, not a single str"
        raise TypeError(msg)
    return allow


def finish(
    kind: IdentifierKind, value: str, outcome: Outcome, allow: Collection[str]
) -> CheckResult:
    """Turn an ``Outcome`` into a ``CheckResult``, applying the allow-list."""
    details = MappingProxyType(dict(outcome.details))
    failure = outcome.failure
    if failure is None:
        return CheckResult(
            kind=kind,
            value=value,
            valid=True,
            normalized=outcome.canonical,
            problem=None,
            expected=None,
            message_zh=f"有效的{kind.value}",
            message_en=f"valid {kind.label_en} ({kind.value})",
            details=details,
        )
    allowed = value in allow or outcome.canonical in allow
    return CheckResult(
        kind=kind,
        value=value,
        valid=allowed,
        normalized=outcome.canonical if allowed else None,
        problem=failure.problem,
        expected=failure.expected,
        message_zh=failure.message_zh + ("（已列入允许清单）" if allowed else ""),
        message_en=failure.message_en + (" (accepted: on the allow-list)" if allowed else ""),
        allowed=allowed,
        details=details,
    )
