"""The rules of the national pack, grouped by the part of the guide they enforce."""

from govcatalog.rules.builtin.classification import base_items_shared, code_and_classification
from govcatalog.rules.builtin.content import (
    data_items,
    dates,
    format_rules,
    open_attributes,
    provider_code,
)
from govcatalog.rules.builtin.share import share_attributes
from govcatalog.rules.engine import RuleSet

BUILTIN_RULES = RuleSet(
    (
        code_and_classification,
        base_items_shared,
        share_attributes,
        open_attributes,
        format_rules,
        data_items,
        provider_code,
        dates,
    )
)
"""Every resource-level rule of the national pack, in the order they run."""

__all__ = ["BUILTIN_RULES"]
