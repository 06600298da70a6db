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
