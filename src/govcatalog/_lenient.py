"""The lenient reading of a code as typed: full-width forms folded, spaces dropped (private
module: the identifier checks and the reading of 信息资源代码 in another form share it)."""

from __future__ import annotations

import unicodedata

HYPHENS = frozenset("-‐‑‒–—―－")
"""The hyphens and dashes that Chinese documents use between digit groups."""


def lenient_clean(text: str, *, drop_hyphens: bool = True) -> str:
    """Normalise full-width forms, drop spaces (and hyphens) and upper-case the letters.

    Args:
        text: The value as given.
        drop_hyphens: Also drop hyphens and dashes.

    Returns:
        The cleaned text.

    >>> lenient_clean("３０７００１ ／ ０００００１")
    '307001/000001'
    """
    folded = unicodedata.normalize("NFKC", text)
    kept = (
        c
        for c in folded
        if not c.isspace() and not (drop_hyphens and c in HYPHENS) and c != "\u200b"
    )
    return "".join(kept).upper()
