"""Replacing the synonyms inside a requested name (配偶身份证号 → 配偶公民身份号).

The rule (:func:`rewrite_reference`): visit the synonym variants of at least two characters,
longest first (then in code-point order); each variant found in the name, whose group's item
name is not in it already, is replaced by that item name, and the next variants are looked for
in the name as it now is.

With thousands of variants (the licence types add some 14,000) visiting every variant for every
name costs milliseconds. :class:`RewriteTable` gives the same result by looking only at the
pieces of the name that could be variants: it knows, per bigram a variant starts with, the
lengths such variants have, and looks each piece of the name starting with a known bigram and
of a known length up (one dictionary lookup each, some dozens for a name). Of the variants
found, the first in the order after the last one applied whose item name is not in the name
is applied (the ones passed over do not apply to the name as it is), and the name as it now
is is looked at again. A name touches a few dozen entries of the table, wherever they are in
memory, not the hundreds filed under a common bigram.
"""

from __future__ import annotations

from collections.abc import Mapping

_Entry = tuple[int, str]
"""(place in the order, item name)."""
_UNFILED: _Entry = (-1, "")
"""What a piece that is no variant gives: a place before every other."""


def _ordered(synonyms: Mapping[str, str]) -> list[tuple[str, str]]:
    pairs = sorted(synonyms.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return [(v, t) for v, t in pairs if len(v) >= 2]


def rewrite_reference(norm: str, synonyms: Mapping[str, str]) -> str:
    """The rule, by visiting every variant (the reference for :class:`RewriteTable`)."""
    out = norm
    for variant, target in _ordered(synonyms):
        if variant in out and target not in out:
            out = out.replace(variant, target)
    return out


class RewriteTable:
    """The variants by their text, and their lengths by the bigram they start with.

    Args:
        synonyms: Normalised variant → normalised item name.
    """

    def __init__(self, synonyms: Mapping[str, str]) -> None:
        variants: dict[str, _Entry] = {}
        lengths: dict[str, set[int]] = {}
        for rank, (variant, target) in enumerate(_ordered(synonyms)):
            variants[variant] = (rank, target)
            lengths.setdefault(variant[:2], set()).add(len(variant))
        self._variants = variants
        self._lengths = {gram: tuple(sorted(sizes)) for gram, sizes in lengths.items()}

    def rewrite(self, norm: str) -> str:
        """``norm`` with the synonyms inside it replaced (as :func:`rewrite_reference`)."""
        if not self._variants or len(norm) < 2:
            return norm
        out = norm
        after = -1  # the place in the order reached so far
        while True:
            found = self._first_after(out, after)
            if found is None:
                return out
            after, variant, target = found
            out = out.replace(variant, target)

    def _first_after(self, out: str, after: int) -> tuple[int, str, str] | None:
        """The first variant in the order after ``after`` that applies to ``out`` as it is."""
        variants, lengths = self._variants, self._lengths
        found: tuple[int, str, str] | None = None
        best = len(variants)  # the place of the variant found so far (none: past the last)
        size = len(out)
        for start in range(size - 1):
            for length in lengths.get(out[start : start + 2], ()):
                if start + length > size:
                    break  # the lengths ascend
                piece = out[start : start + length]
                rank, target = variants.get(piece, _UNFILED)
                if after < rank < best and target not in out:
                    best, found = rank, (rank, piece, target)
        return found
