"""The lenient reading of a code as typed: full-width forms folded, spaces dropped, the apostrophe
a spreadsheet user types to keep digits as text dropped (private module: the identifier checks,
the reading of 信息资源代码 in another form and of a text so typed share it)."""

from __future__ import annotations

import re
import unicodedata

HYPHENS = frozenset("-‐‑‒–—―－")
"""The hyphens and dashes that Chinese documents use between digit groups."""

APOSTROPHES = frozenset("'‘’`＇")
"""What a spreadsheet user types before digits to keep them as text (``'91350100M000100Y43``;
with a Chinese input method ``’``, ``‘`` or ``＇``; or the backtick beside the key): no part of
the value."""

_TYPED_AS_TEXT = re.compile(r"[\w/\\.\-]*\d[\w/\\.\-]*", re.ASCII)
"""What follows such an apostrophe: digits, with the letters and marks of a code."""


def typed_as_text(text: str) -> str:
    """``text`` without the apostrophe typed before it to keep its digits as text, when it is a
    number or a code so typed; otherwise ``text`` as it is.

    >>> typed_as_text("'91350100M000100Y43"), typed_as_text("’0101"), typed_as_text("'的'")
    ('91350100M000100Y43', '0101', "'的'")
    """
    if text[:1] in APOSTROPHES and _TYPED_AS_TEXT.fullmatch(text, 1):
        return text[1:]
    return text


def lenient_clean(text: str, *, drop_hyphens: bool = True) -> str:
    """Normalise full-width forms, drop spaces (and hyphens), drop an apostrophe typed before
    the value to keep it as text (:data:`APOSTROPHES`) and upper-case the letters.

    Args:
        text: The value as given.
        drop_hyphens: Also drop hyphens and dashes.

    Returns:
        The cleaned text.

    >>> lenient_clean("３０７００１ ／ ０００００１")
    '307001/000001'
    >>> lenient_clean("’91350100m000100y43")
    '91350100M000100Y43'
    """
    folded = unicodedata.normalize("NFKC", text).lstrip()
    if folded[:1] in APOSTROPHES:
        folded = folded[1:]
    kept = (
        c
        for c in folded
        if not c.isspace() and not (drop_hyphens and c in HYPHENS) and c != "\u200b"
    )
    return "".join(kept).upper()
