"""The generic rule that evaluates a pack's declared rules (``rules.toml``).

See :mod:`govcatalog.packs.declared` for how rules are written. The rule reads
single-valued resource fields from the canonical record; a value that was present but
unreadable has been reported already and is not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from govcatalog.packs.declared import DeclaredRule
from govcatalog.packs.pack import Pack
from govcatalog.rules.coerce import INVALID
from govcatalog.rules.engine import Rule, RuleContext
from govcatalog.rules.hits import Hit, Record

DECLARED_RULE_ID = "declared_rules"
"""Id of the rule that runs every declared rule of the pack."""


def _value(rec: Record, field_id: str) -> object:
    value: object = rec
    for part in field_id.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _pointer(field_id: str) -> str:
    return "/" + field_id.replace(".", "/")


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _filled(value: object) -> bool:
    return value not in (None, "", [], {})


def check_declared(rule: DeclaredRule, rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """The hits of one declared rule on one record."""
    invalid = rec.get(INVALID, ())
    if rule.when is not None:
        if _pointer(rule.when.field) in invalid:
            return
        if not rule.when.holds(_value(rec, rule.when.field)):
            return
    fields = ctx.pack.fields
    for fid in rule.require:
        pointer = _pointer(fid)
        if not _filled(_value(rec, fid)) and pointer not in invalid:
            spec = fields.get(fid)
            names: dict[str, object] = {"element_zh": spec.zh, "element_en": spec.en}
            yield Hit(rule.code, pointer, names)
    if rule.pattern is not None:
        value = _value(rec, rule.pattern.field)
        if isinstance(value, str) and not _compiled(rule.pattern.regex).search(value):
            spec = fields.get(rule.pattern.field)
            params: dict[str, object] = {
                "element_zh": spec.zh,
                "element_en": spec.en,
                "pattern": rule.pattern.regex,
            }
            yield Hit(rule.code, _pointer(rule.pattern.field), params, value)


def declared_rule(pack: Pack) -> Rule | None:
    """One :class:`Rule` running every declared rule of ``pack``, or None when it has none."""
    rules = pack.declared_rules
    if not rules:
        return None

    def check(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        for r in rules:
            yield from check_declared(r, rec, ctx)

    return Rule(DECLARED_RULE_ID, frozenset(r.code for r in rules), check)
