"""Character sets and the message helpers shared by the check modules."""

from __future__ import annotations

from collections.abc import Collection

from ._result import Failure, Problem

DIGITS = "0123456789"
UPPER_ALNUM = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# GB 32100-2015: the 31 characters of the USCC, without I, O, Z, S and V.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def is_digits(text: str) -> bool:
    """Return True if ``text`` is non-empty and all ASCII digits (``str.isdigit`` is wider)."""
    return bool(text) and all(c in DIGITS for c in text)


def first_outside(text: str, allowed: Collection[str]) -> int | None:
    """Return the index of the first character of ``text`` not in ``allowed``, or None."""
    for index, char in enumerate(text):
        if char not in allowed:
            return index
    return None


def empty_failure() -> Failure:
    """The failure for an empty or blank value."""
    return Failure(Problem.EMPTY, "值为空", "the value is empty")


def length_failure(
    what_zh: str, what_en: str, expected_zh: str, expected_en: str, found: int
) -> Failure:
    """A length failure, e.g. "公民身份号码应为 18 位，实为 17 位".

    Args:
        what_zh: The Chinese name of the value or segment.
        what_en: The English name of the value or segment.
        expected_zh: The expected length, in Chinese (e.g. "18 位").
        expected_en: The expected length, in English (e.g. "18 characters").
        found: The actual number of characters.
    """
    return Failure(
        Problem.LENGTH,
        f"{what_zh}应为 {expected_zh}，实为 {found} 位",
        f"{what_en} should have {expected_en}, found {found}",
    )


def charset_failure(
    text: str, index: int, allowed_zh: str, allowed_en: str, *, offset: int = 0
) -> Failure:
    """A failure for the character at ``text[index]``.

    Args:
        text: The text that was scanned.
        index: The index of the offending character in ``text``.
        allowed_zh: What is allowed there, in Chinese.
        allowed_en: What is allowed there, in English.
        offset: Added to ``index`` when ``text`` is a segment of the whole value.
    """
    char = text[index]
    position = index + offset + 1
    hint_zh = hint_en = ""
    if char.islower() and char.upper() in UPPER_ALNUM:
        hint_zh = "（小写字母须大写，或使用非严格模式）"
        hint_en = " (letters must be upper-case, or use strict=False)"
    return Failure(
        Problem.CHARSET,
        f"第 {position} 位字符 {char!r} 不允许，应为{allowed_zh}{hint_zh}",
        f"character {position} {char!r} is not allowed, expected {allowed_en}{hint_en}",
    )


def checksum_failure(expected: str, found: str) -> Failure:
    """A check-character failure: "校验码应为 X，实为 1"."""
    return Failure(
        Problem.CHECKSUM,
        f"校验码应为 {expected}，实为 {found}",
        f"check character should be {expected}, found {found}",
        expected=expected,
    )
