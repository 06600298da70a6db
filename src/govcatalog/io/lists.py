"""Lists written as one text: ``xls、csv；json``, ``["xls", "json"]``, a cell of names.

Readers (a workbook cell listing 信息项) and the record layer (a list-valued element written
as text) take lists apart the same way.
"""

from __future__ import annotations

import json
import re
from typing import Final

__all__ = ["LIST_SEPARATORS", "is_list_syntax", "split_list"]

LIST_SEPARATORS: Final = re.compile(r"\s*[,，;；、|\n]\s*")
"""Separators of list-like text: comma (half and full width), semicolon, 顿号, bar, newline."""

_QUOTES = "'\"‘’“”"


def split_list(text: str) -> list[str]:
    """The parts of a list written as text.

    JSON or Python list syntax (``["xls", "json"]``, ``['xls', 'json']``) and lists
    separated by commas, 顿号, semicolons, bars or line breaks; quotes around parts and
    empty parts are dropped.

    Examples:
        >>> split_list("['xls', 'json', 'csv']")
        ['xls', 'json', 'csv']
        >>> split_list("xls、csv；json")
        ['xls', 'csv', 'json']
    """
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and all(isinstance(p, str | int | float) for p in parsed):
            return [str(p).strip() for p in parsed if str(p).strip()]
        body = body[1:-1]
    parts = (p.strip().strip(_QUOTES).strip() for p in LIST_SEPARATORS.split(body))
    return [p for p in parts if p]


def is_list_syntax(text: str) -> bool:
    """True when ``text`` is written as a list (brackets, or more than one part)."""
    body = text.strip()
    return (body.startswith("[") and body.endswith("]")) or len(split_list(body)) > 1
