"""The document shape shared by JSON and YAML catalogs.

A catalog document is an object with the catalog facts under ``catalog`` and the
resources under ``resources``; the Chinese keys that catalog systems export are
accepted too. A bare list is read as a list of resources.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Final, Literal, NamedTuple

from govcatalog.io.records import DocumentProblem
from govcatalog.packs.key_fold import fold_key

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


def not_a_list(
    key: str, pointer: str, value: object, line: int | None = None, column: int | None = None
) -> DocumentProblem:
    """GC-S002: the member naming the resources holds no list."""
    return DocumentProblem(
        pointer,
        f"“{key}”应为列表，实为{type_name(value, 'zh')}",
        f"{key!r} must be a list, found {type_name(value, 'en')}",
        line,
        column,
    )


ENVELOPE_DEPTH: Final = 3
"""How deep an API response envelope is searched for its list of records."""

ResourceNames = Mapping[str, Hashable]
"""The names a resource's keys are known by (a pack's ``fields.key_map(None)``: each folded
name — key, Chinese name, alias, a system's key — to the element it names): what tells an
envelope's list of resources from its other lists."""

RESOURCE_LIKE: Final = 3
"""How many elements the keys of a list's first objects name, at least, for its objects to
look like resources: an entry of a dictionary of codes names at most two (its code and its
name: ``{"code": "1", "name": "无条件共享"}``), a resource many more."""
_LOOKED_AT = 5
"""How many of a list's first objects are looked at for the elements their keys name."""


class Envelope(NamedTuple):
    """Where an API response envelope keeps a list of objects.

    Attributes:
        keys: The keys down to the list (``()`` for the value itself).
        size: How many objects it holds.
        resources: Whether its objects look like resources (their keys name at least
            :data:`RESOURCE_LIKE` elements).
    """

    keys: tuple[str, ...]
    size: int
    resources: bool

    def beats(self, other: Envelope | None) -> bool:
        """Whether this list is taken before ``other``: a list of resources before any other,
        then the larger; of two alike, the first met."""
        return other is None or (self.resources, self.size) > (other.resources, other.size)


def looks_like_resources(items: Sequence[Mapping[object, object]], names: ResourceNames) -> bool:
    """Whether the keys of the first objects of a list name at least :data:`RESOURCE_LIKE`
    elements of a resource, by any of their names."""
    named: set[Hashable] = set()
    for item in items[:_LOOKED_AT]:
        for key in item:
            element = names.get(str(key)) or names.get(fold_key(str(key)))
            if element is not None:
                named.add(element)
                if len(named) >= RESOURCE_LIKE:
                    return True
    return False


def envelope_path(
    value: object, depth: int = ENVELOPE_DEPTH, names: ResourceNames | None = None
) -> Envelope | None:
    """Where an API response envelope keeps its records, and how many there are.

    Portals and catalog systems answer with ``{"code": 200, "data": {"list": [...]}}``,
    ``{"result": {"records": [...]}}`` or ``{"rows": [...], "total": n}``, often with lists
    of lookup values beside the records (``"dict": [{"value": "1", "label": "无条件共享"}, …]``).
    Given the value of one key of a document without a list of resources, this is the path of
    keys to its list of objects (``()`` when the value is that list itself), searched ``depth``
    objects deep: of the lists whose objects look like resources by ``names`` the largest,
    else the largest list of objects; None when it holds none.
    """
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            like = names is not None and looks_like_resources(value, names)
            return Envelope((), len(value), like)
        return None
    if not isinstance(value, dict) or depth <= 0:
        return None
    best: Envelope | None = None
    for key, inner in value.items():
        found = envelope_path(inner, depth - 1, names)
        if found is not None and found.beats(best):
            best = found._replace(keys=(str(key), *found.keys))
    return best
