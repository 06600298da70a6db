"""How departments ask: names with modifiers before the item, and names of whole resources.

Departments write the item they need with who or what it belongs to in front: 申请人身份证号码,
机动车号牌号码, 企业法定代表人姓名. A Chinese compound puts its head last, so the item is the
longest key (an item name or a synonym variant) the requested name *ends with*;
:func:`find_contained` finds it. Only a key of at least two characters that covers at least
:data:`MIN_COVERAGE` of the name counts, and keys inside the name but not at its end do not
(姓名拼音 is not a 姓名).

They also ask for a whole resource or licence instead of an item: 营业执照信息, 婚姻登记信息.
:func:`resource_key` is the form resource names are compared in: normalised, with the trailing
words that name "the data about" (信息, 数据, 资料, 情况 …) removed, so 婚姻登记 and 婚姻登记信息
meet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from govcatalog.resolve.normalise import normalise

MIN_COVERAGE = 0.4
"""The least share of the requested name's characters a contained key must cover."""

_T = TypeVar("_T")

GENERIC_TAILS: tuple[str, ...] = (
    "信息表",
    "信息",
    "数据",
    "资料",
    "情况",
    "详情",
    "明细",
    "记录",
    "必填",
    "选填",
)
"""Trailing words a requester adds to the name of what is wanted (longest first)."""


def strip_generic(norm: str) -> str:
    """``norm`` without one trailing generic word, keeping at least two characters.

    Example:
        >>> strip_generic("营业执照信息"), strip_generic("信息")
        ('营业执照', '信息')
    """
    for tail in GENERIC_TAILS:
        if norm.endswith(tail) and len(norm) - len(tail) >= 2:
            return norm[: -len(tail)]
    return norm


def resource_key(name: str) -> str:
    """The form resource names and requested names are compared in.

    Example:
        >>> resource_key("婚姻登记信息"), resource_key("婚姻登记"), resource_key("营业执照")
        ('婚姻登记', '婚姻登记', '营业执照')
    """
    return strip_generic(normalise(name))


def find_contained(norm: str, lookup: Callable[[str], _T | None]) -> tuple[str, _T, float] | None:
    """The longest key ``norm`` ends with that ``lookup`` knows, with its coverage.

    Args:
        norm: The normalised requested name.
        lookup: Returns what a key leads to, or None for an unknown key.

    Returns:
        ``(key, what it leads to, coverage)``, or None when no key of at least two characters
        covering :data:`MIN_COVERAGE` of ``norm`` ends it. ``norm`` itself is not tried.
    """
    size = len(norm)
    for start in range(1, size - 1):
        key = norm[start:]
        coverage = len(key) / size
        if coverage < MIN_COVERAGE:
            return None
        found = lookup(key)
        if found is not None:
            return key, found, coverage
    return None
