"""Whether the texts a record gives are plain: neither blank, nor with spaces around them, nor a
placeholder (暂无, null …), nor after an apostrophe typed to keep digits as text.

The fast path's types check each text's length in C; this is the rest of what the coercer's
quick path asks of a text before taking it as written (:mod:`govcatalog.records.fast`).
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from govcatalog._lenient import APOSTROPHES
from govcatalog.packs.value_forms import ValueForms

REMEMBERED = 50_000
"""Outcomes of carefully read values, and short plain texts, remembered per reader."""
_SHORT = 16
"""Texts up to this long are remembered once seen plain: the names of data items recur."""


class PlainTexts:
    """Tells plain texts from blank ones and placeholders, remembering short plain texts."""

    def __init__(self, forms: ValueForms) -> None:
        self._placeholder = forms.is_placeholder
        self._bound = forms.bound
        self._plain: set[str | None] = {None}
        """Short texts known to be neither blank nor a placeholder (and None: no text)."""

    def all_plain(self, texts: list[Any]) -> bool:
        """Whether none of ``texts`` (str, or None where there is no text) is blank or a
        placeholder. A text longer than any placeholder with no space and only printable
        characters is neither (see :meth:`~govcatalog.packs.value_forms.ValueForms.is_placeholder`),
        the others are asked."""
        bound, placeholder, plain = self._bound, self._placeholder, self._plain
        for value in texts:
            if value in plain:  # None, or a short text seen plain before (姓名, 性别 …)
                continue
            if value[0] in APOSTROPHES:
                return False  # maybe digits typed as text ('0101): the coercer reads it
            if len(value) > bound and " " not in value and value.isprintable():
                continue
            if value[0].isspace() or value[-1].isspace() or placeholder(value):
                return False  # blank, spaces around it, or a placeholder
            if len(value) <= _SHORT:
                if len(plain) >= REMEMBERED:
                    plain.clear()
                    plain.add(None)
                plain.add(value)
        return True


def item_texts(items: object, keys: tuple[str, ...], texts: list[Any]) -> None:
    """Add the texts under ``keys`` of each item of a list (gathered in C; the types let no
    empty text through, so those not written are left out) to ``texts``."""
    if items:
        for key in keys:
            texts.extend(filter(None, map(dict.get, items, repeat(key))))  # type: ignore[call-overload]
