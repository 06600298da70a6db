"""The rules of the national pack, grouped by the part of the guide they enforce.

A rule is a plain function, registered once with the codes it may emit in its module's ``RULES``
(``rule(code, …)(function)``); this set runs the modules' rules one module after the other.
"""

from govcatalog.rules.builtin import classification, content, share
from govcatalog.rules.engine import RuleSet

BUILTIN_RULES = RuleSet((*classification.RULES, *share.RULES, *content.RULES))
"""Every resource-level rule of the national pack, in the order they run."""

__all__ = ["BUILTIN_RULES"]
