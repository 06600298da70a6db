"""Text folding for vocabulary lookup (private helper of :mod:`govcatalog.vocab`).

Real catalogs write the same value with full-width letters, stray spaces, zero-width
characters copied from web pages, or upper/lower case variants of ASCII codes. Folding maps
all of these onto one key, so that such a value can be recognised and reported as
normalised rather than rejected.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# Brackets a template may put around a trailing code ("数值型(N)"). NFKC has already turned
# full-width parentheses and square brackets into ASCII ones; 【】 have no compatibility form.
_BRACKETS: tuple[tuple[str, str], ...] = (("", ""), ("(", ")"), ("[", "]"), ("【", "】"))


def fold(text: str) -> str:
    """Return the lookup key of ``text``.

    NFKC-normalises (full-width → half-width, compatibility forms → canonical), removes every
    whitespace and invisible format character (category ``Cf``, e.g. zero-width space or BOM)
    anywhere in the text, and lower-cases ASCII letters only, so Chinese text is untouched.

    Args:
        text: Any text.

    Returns:
        The folded key; ``""`` when nothing visible is left.
    """
    normalised = unicodedata.normalize("NFKC", text)
    kept = "".join(
        ch for ch in normalised if not (ch.isspace() or unicodedata.category(ch) == "Cf")
    )
    return kept.translate(_ASCII_LOWER)


def is_code_like(notation: str) -> bool:
    """Tell whether a notation can end a "label + code" template form (ASCII letters/digits)."""
    return notation.isascii() and notation.isalnum()


class CodeSplit(NamedTuple):
    """A folded text split into the part before a trailing code and the code."""

    rest: str
    code: str


def split_trailing_code(folded: str, codes: tuple[str, ...]) -> CodeSplit | None:
    """Split a folded "label + code" form such as ``"字符串型c"`` or ``"数值型(n)"``.

    Args:
        folded: Text already passed through :func:`fold`.
        codes: Folded notations to try, longest first so that "11" wins over "1".

    Returns:
        The split for the first code the text ends with (optionally in brackets) when
        something is left before it, else ``None``.
    """
    for code in codes:
        for opening, closing in _BRACKETS:
            suffix = f"{opening}{code}{closing}"
            if len(folded) > len(suffix) and folded.endswith(suffix):
                return CodeSplit(folded[: -len(suffix)], code)
    return None
