"""Names re-spelt for fuzzy scoring: the most frequent characters as code points below 256.

rapidfuzz looks a character below 256 up in a table and any other in a hash map, so scoring a
CJK name costs several times what a Latin-1 one does. The score (``fuzz.ratio``, from the
longest common subsequence and the two lengths) depends only on which characters are equal, so
renaming characters one-to-one leaves it unchanged. :class:`ScoringSpelling` gives the 255 most
frequent characters of the keys the code points 1–255 and every other character of the keys
its own code point from 256 on (surrogates and U+FFFF left out). A character of a query that
no key holds becomes U+FFFF, which no key holds either: it matched nothing before and matches
nothing after.

Example:
    >>> from rapidfuzz import fuzz
    >>> spelling = ScoringSpelling(["企业名称", "企业代码"])
    >>> sorted(map(ord, spelling.spell("企业名称代码")))
    [1, 2, 3, 4, 5, 6]
    >>> spelt = fuzz.ratio(spelling.spell("企业名"), spelling.spell("企业名称"))
    >>> spelt == fuzz.ratio("企业名", "企业名称")
    True
    >>> spelling.spell("个人") == "\\uffff\\uffff"
    True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

_LOW = 255
"""How many characters get a code point below 256 (0 is left out)."""
_UNKNOWN = "\uffff"
"""What a character no key holds becomes."""


def _code(rank: int) -> str:
    """The code point of the character of this frequency rank (0 = most frequent)."""
    code = rank + 1
    if code >= 0xD800:  # no surrogates
        code += 0x800
    if code >= 0xFFFF:  # U+FFFF is for characters no key holds
        code += 1
    return chr(code)


class _Table(dict[int, str]):
    """The renaming for ``str.translate``: characters no key holds become U+FFFF."""

    __slots__ = ()

    def __missing__(self, code: int) -> str:
        return _UNKNOWN


class ScoringSpelling:
    """A one-to-one renaming of the keys' characters, most frequent first (see the module).

    Args:
        keys: The names whose characters are renamed.
    """

    __slots__ = ("_table",)

    def __init__(self, keys: Iterable[str]) -> None:
        counts = Counter("".join(keys))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        self._table = _Table({ord(char): _code(rank) for rank, (char, _) in enumerate(ranked)})

    def spell(self, text: str) -> str:
        """``text`` with its characters renamed."""
        return text.translate(self._table)

    @property
    def low(self) -> int:
        """How many characters got a code point below 256."""
        return min(len(self._table), _LOW)
