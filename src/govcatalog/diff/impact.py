"""The change catalogue and the orders that decide whether a change breaks consumers.

Every kind of change is declared once, in ``changes.toml`` beside this module: its
stable code, its :class:`Impact`, its inverse (the kind reported when the same change
is read backwards) and bilingual titles and reason templates. This module reads that
file and holds the few orders the classification needs:

* 共享类型 by :attr:`~govcatalog.model.ShareType.openness` (无条件 → 有条件 → 不予共享 tightens);
* 更新周期 by the vocabulary's ``govcat:order`` (实时 first; 其他 cannot be ordered);
* 数据类型 by a small lattice of widenings (:data:`TYPE_WIDENINGS`): a change along it is
  *widened*, against it *narrowed*, any other change of type a plain change.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib.resources import files
from types import MappingProxyType
from typing import Final

from govcatalog.model.enums import DataType, SecrecyClass, ShareType, UpdateCycle
from govcatalog.vocab import load_vocabulary


class Impact(StrEnum):
    """What a change means for the systems that consume the catalog."""

    BREAKING = "breaking"
    """Consumers may stop working: something they relied on was removed or restricted."""
    COMPATIBLE = "compatible"
    """Something was added or loosened; existing consumers keep working."""
    EDITORIAL = "editorial"
    """Wording only (abstract, names, descriptions)."""

    @property
    def rank(self) -> int:
        """Severity order: breaking (2) > compatible (1) > editorial (0)."""
        return {Impact.BREAKING: 2, Impact.COMPATIBLE: 1, Impact.EDITORIAL: 0}[self]


class ChangeKind(StrEnum):
    """Every kind of change, named as in ``changes.toml``."""

    RESOURCE_ADDED = "resource-added"
    RESOURCE_REMOVED = "resource-removed"
    RESOURCE_RECODED = "resource-recoded"
    RESOURCE_AMBIGUOUS = "resource-ambiguous"
    NAME_CHANGED = "name-changed"
    ABSTRACT_CHANGED = "abstract-changed"
    PROVIDER_CHANGED = "provider-changed"
    CATEGORY_CHANGED = "category-changed"
    FORMAT_CHANGED = "format-changed"
    FORMAT_TYPE_ADDED = "format-type-added"
    FORMAT_TYPE_REMOVED = "format-type-removed"
    FORMAT_DESCRIPTION_CHANGED = "format-description-changed"
    SHARE_TYPE_TIGHTENED = "share-type-tightened"
    SHARE_TYPE_LOOSENED = "share-type-loosened"
    SHARE_CONDITION_CHANGED = "share-condition-changed"
    SHARE_MODE_CHANGED = "share-mode-changed"
    OPENING_WITHDRAWN = "opening-withdrawn"
    OPENING_GRANTED = "opening-granted"
    OPEN_CONDITION_CHANGED = "open-condition-changed"
    UPDATE_CYCLE_SLOWED = "update-cycle-slowed"
    UPDATE_CYCLE_QUICKENED = "update-cycle-quickened"
    UPDATE_CYCLE_CHANGED = "update-cycle-changed"
    PUBLISH_DATE_CHANGED = "publish-date-changed"
    RELATED_CODE_ADDED = "related-code-added"
    RELATED_CODE_REMOVED = "related-code-removed"
    SECRECY_RAISED = "secrecy-raised"
    SECRECY_LOWERED = "secrecy-lowered"
    VALUE_DECLARED = "value-declared"
    EXTENSION_CHANGED = "extension-changed"
    ITEM_ADDED = "item-added"
    ITEM_REMOVED = "item-removed"
    ITEM_RENAMED = "item-renamed"
    ITEM_TYPE_CHANGED = "item-type-changed"
    ITEM_TYPE_WIDENED = "item-type-widened"
    ITEM_TYPE_NARROWED = "item-type-narrowed"
    ITEM_LENGTH_INCREASED = "item-length-increased"
    ITEM_LENGTH_DECREASED = "item-length-decreased"
    ITEMS_REORDERED = "items-reordered"
    ITEM_DESCRIPTION_CHANGED = "item-description-changed"
    ITEM_ATTRIBUTE_CHANGED = "item-attribute-changed"
    CATALOG_INFO_CHANGED = "catalog-info-changed"
    FIELD_ADDED_EVERYWHERE = "field-added-everywhere"
    FIELD_REMOVED_EVERYWHERE = "field-removed-everywhere"

    @property
    def spec(self) -> ChangeSpec:
        """This kind's entry in the change catalogue."""
        return change_catalogue()[self]


@dataclass(frozen=True, slots=True)
class ChangeSpec:
    """One entry of the change catalogue.

    Attributes:
        kind: The change kind.
        code: Stable code, e.g. ``GC-D102``.
        impact: Impact on consumers.
        inverse: The kind reported for the same change read backwards.
        title_zh: Chinese title.
        title_en: English title.
        reason_zh: Chinese reason template.
        reason_en: English reason template.
    """

    kind: ChangeKind
    code: str
    impact: Impact
    inverse: ChangeKind
    title_zh: str
    title_en: str
    reason_zh: str
    reason_en: str


@functools.cache
def change_catalogue() -> MappingProxyType[ChangeKind, ChangeSpec]:
    """The change catalogue read from ``changes.toml``, in file order.

    Raises:
        ValueError: When the file and :class:`ChangeKind` disagree.
    """
    text = (files("govcatalog.diff") / "changes.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    unknown = set(table) - {k.value for k in ChangeKind}
    missing = {k.value for k in ChangeKind} - set(table)
    if unknown or missing:
        raise ValueError(
            f"changes.toml: unknown kinds {sorted(unknown)}, missing {sorted(missing)}"
        )
    specs = {
        ChangeKind(key): ChangeSpec(
            kind=ChangeKind(key),
            code=entry["code"],
            impact=Impact(entry["impact"]),
            inverse=ChangeKind(entry["inverse"]),
            title_zh=entry["title_zh"],
            title_en=entry["title_en"],
            reason_zh=entry["reason_zh"],
            reason_en=entry["reason_en"],
        )
        for key, entry in table.items()
    }
    return MappingProxyType(specs)


@functools.cache
def codes() -> MappingProxyType[str, ChangeKind]:
    """Change kinds by their code (``GC-D102`` → resource-removed)."""
    return MappingProxyType({spec.code: kind for kind, spec in change_catalogue().items()})


# ---------------------------------------------------------------- orders


def share_openness(value: str | None) -> int:
    """Openness of a 共享类型: 2 无条件, 1 有条件, 0 不予共享, -1 not stated (gives nothing)."""
    return -1 if value is None else ShareType(value).openness


@functools.cache
def _cycle_orders() -> MappingProxyType[str, int]:
    vocab = load_vocabulary("update-cycle")
    return MappingProxyType({c.label_zh: c.order or 0 for c in vocab.concepts})


UNORDERED_CYCLES: Final = frozenset({UpdateCycle.OTHER.value})
"""Update cycles that cannot be compared with the others."""


def cycle_rank(value: str | None) -> float | None:
    """Slowness of an 更新周期 (its ``govcat:order``; 实时 is 1), ``inf`` when not stated.

    Returns:
        The rank, or None for a cycle that cannot be ordered (其他).
    """
    if value is None:
        return float("inf")
    if value in UNORDERED_CYCLES:
        return None
    return float(_cycle_orders()[value])


TYPE_WIDENINGS: Final = frozenset(
    {
        (DataType.INTEGER, DataType.NUMERIC),
        (DataType.INTEGER, DataType.FLOAT),
        (DataType.INTEGER, DataType.DOUBLE),
        (DataType.INTEGER, DataType.CURRENCY),
        (DataType.FLOAT, DataType.DOUBLE),
        (DataType.CURRENCY, DataType.NUMERIC),
        (DataType.CHAR, DataType.MEMO),
    }
)
"""(from, to) pairs of 数据类型 where every value of *from* is a value of *to*.

The lattice is deliberately small: 整型 fits 数值型, 浮点型, 双精度型 and 货币型; 浮点型
fits 双精度型; 货币型 fits 数值型; 字符型 fits 备注型 (longer text). Any other change of
type — 字符型 → 数值型, 日期型 → 日期时间型 — changes how values are written and is
reported as a plain change (breaking).
"""


def _closure(pairs: frozenset[tuple[DataType, DataType]]) -> frozenset[tuple[str, str]]:
    out = {(a.value, b.value) for a, b in pairs}
    while True:
        more = {(a, d) for a, b in out for c, d in out if b == c} - out
        if not more:
            return frozenset(out)
        out |= more


WIDER: Final = _closure(TYPE_WIDENINGS)
"""The transitive closure of :data:`TYPE_WIDENINGS`, as label pairs."""


def is_secret(value: str | None) -> bool:
    """Whether a 涉密属性 marks the resource as secret."""
    return value == SecrecyClass.SECRET.value
