"""The document shape shared by JSON and YAML catalogs.

A catalog document is an object with the catalog facts under ``catalog`` and the
resources under ``resources``; the Chinese keys that catalog systems export are
accepted too. A bare list is read as a list of resources.
"""

from __future__ import annotations

from typing import Final, Literal

INFO_KEYS: Final = frozenset({"catalog", "目录", "目录信息", "目录基本信息"})
"""Keys under which a document holds the catalog facts."""

RESOURCE_KEYS: Final = frozenset({"resources", "信息资源", "资源", "信息资源列表", "资源列表"})
"""Keys under which a document lists its resources."""

_NAMES: Final = {
    "zh": {
        dict: "对象",
        list: "列表",
        str: "文本",
        bool: "布尔值",
        int: "数字",
        float: "数字",
        type(None): "空值",
    },
    "en": {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    },
}


def type_name(value: object, lang: Literal["zh", "en"]) -> str:
    """Human name of a JSON value's type."""
    return _NAMES[lang].get(type(value), type(value).__name__)


ENVELOPE_DEPTH: Final = 3
"""How deep an API response envelope is searched for its list of records."""


def envelope_path(value: object, depth: int = ENVELOPE_DEPTH) -> tuple[tuple[str, ...], int] | None:
    """Where an API response envelope keeps its records, and how many there are.

    Portals and catalog systems answer with ``{"code": 200, "data": {"list": [...]}}``,
    ``{"result": {"records": [...]}}`` or ``{"rows": [...], "total": n}``. Given the value of
    one key of a document without a list of resources, this is the path of keys to the
    largest list of objects under it (``()`` when the value is that list itself), searched
    ``depth`` objects deep, or None when it holds none.
    """
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            return (), len(value)
        return None
    if not isinstance(value, dict) or depth <= 0:
        return None
    best: tuple[tuple[str, ...], int] | None = None
    for key, inner in value.items():
        found = envelope_path(inner, depth - 1)
        if found is not None and (best is None or found[1] > best[1]):
            best = ((str(key), *found[0]), found[1])
    return best
