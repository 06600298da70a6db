"""How element names are matched: a heading, a form's label or a JSON key, folded so that the
ways people write a name (full width, spaces, a required-marker, a note in brackets, a colon
after a label, a number before it) all meet the name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CLASSIFICATION_LEVEL = re.compile(r".*分类(?:\((类|项|目|细目)\)|[-_—](类|项|目|细目))")
"""A heading that names one level of a classification: 信息资源分类（类）, 资源分类-项."""


_MARKS = ("*", "＊", "★", "☆", "※", "\n", "\r", "\t", " ", "\u3000")
"""Characters dropped from a name: a required-marker (*信息资源名称), white space."""
_LABEL = re.compile(r"^(?:\d{1,2}[.、)]|[一二三四五六七八九十]{1,3}、|\(\d{1,2}\))?(.+?):?$")
"""A form's label: a number before it (1. 一、 (1)) and a colon after it are no part of it."""


@lru_cache(maxsize=8192)
def fold_key(key: str) -> str:
    """Normalise a key for matching: NFKC, no spaces, no "（必填）"-style notes, no numbering
    or colon around a label, casefolded."""
    text = unicodedata.normalize("NFKC", key)
    for mark in _MARKS:
        text = text.replace(mark, "")
    text = _LABEL.fullmatch(text)[1] if len(text) > 1 else text  # type: ignore[index]
    level = _CLASSIFICATION_LEVEL.fullmatch(text)
    if level is not None:  # 信息资源分类（项）: the bracket names the level, it is no note
        return level.group(1) or level.group(2)
    for open_, close in (("(", ")"), ("【", "】"), ("[", "]")):
        if text.count(open_) != text.count(close):  # a stray bracket: "信息资源名称)"
            text = _balanced(text, open_, close)
        start = text.find(open_)
        end = text.find(close, start + 1)
        if start > 0 and end == len(text) - 1:
            text = text[:start]
    return text.casefold()


def _balanced(text: str, open_: str, close: str) -> str:
    """``text`` without the brackets that have no partner."""
    kept: list[str] = []
    opened: list[int] = []
    for ch in text:
        if ch == close and not opened:
            continue
        if ch == open_:
            opened.append(len(kept))
        elif ch == close:
            opened.pop()
        kept.append(ch)
    for i in reversed(opened):
        del kept[i]
    return "".join(kept)
