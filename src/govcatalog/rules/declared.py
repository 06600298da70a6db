"""The generic rule that evaluates a pack's declared rules (``rules.toml``).

See :mod:`govcatalog.packs.declared` for how rules are written. The rule reads
single-valued resource fields from the canonical record; a value that was present but
unreadable has been reported already and is not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govcatalog.packs.declared import DeclaredRule
from govcatalog.packs.pack import Pack
from govcatalog.records.coerce import INVALID
from govcatalog.records.hits import Hit, Record, value_at
from govcatalog.rules.engine import Rule, RuleContext

DECLARED_RULE_ID = "declared_rules"
"""Id of the rule that runs every declared rule of the pack."""


def _pointer(field_id: str) -> str:
    return "/" + field_id.replace(".", "/")


def _filled(value: object) -> bool:
    return value is not None and value not in ("", [], {})


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A declared rule prepared for the hot path: paths split, pointers and regex built."""

    rule: DeclaredRule
    when: tuple[tuple[str, ...], str] | None
    require: tuple[tuple[str, tuple[str, ...], str], ...]
    pattern: tuple[str, tuple[str, ...], str, re.Pattern[str]] | None

    @classmethod
    def of(cls, rule: DeclaredRule) -> _Compiled:
        def prepared(fid: str) -> tuple[str, tuple[str, ...], str]:
            return fid, tuple(fid.split(".")), _pointer(fid)

        when = None
        if rule.when is not None:
            when = (tuple(rule.when.field.split(".")), _pointer(rule.when.field))
        pattern = None
        if rule.pattern is not None:
            fid, path, pointer = prepared(rule.pattern.field)
            pattern = (fid, path, pointer, re.compile(rule.pattern.regex))
        return cls(rule, when, tuple(prepared(f) for f in rule.require), pattern)

    def check(self, rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        rule = self.rule
        invalid = rec.get(INVALID, ())
        if self.when is not None and rule.when is not None:
            path, pointer = self.when
            if pointer in invalid or not rule.when.holds(value_at(rec, path)):
                return
        for fid, path, pointer in self.require:
            if not _filled(value_at(rec, path)) and pointer not in invalid:
                spec = ctx.pack.fields.get(fid)
                names: dict[str, object] = spec.names()
                yield Hit(rule.code, pointer, names)
        if self.pattern is not None:
            fid, path, pointer, regex = self.pattern
            value = value_at(rec, path)
            if isinstance(value, str) and not regex.search(value):
                spec = ctx.pack.fields.get(fid)
                params: dict[str, object] = {
                    "element_zh": spec.zh,
                    "element_en": spec.en,
                    "pattern": regex.pattern,
                }
                yield Hit(rule.code, pointer, params, value)


def check_declared(rule: DeclaredRule, rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """The hits of one declared rule on one record."""
    return _Compiled.of(rule).check(rec, ctx)


def declared_rule(pack: Pack) -> Rule | None:
    """One :class:`Rule` running every declared rule of ``pack``, or None when it has none."""
    if not pack.declared_rules:
        return None
    compiled = tuple(_Compiled.of(r) for r in pack.declared_rules)

    def check(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        for c in compiled:
            yield from c.check(rec, ctx)

    return Rule(DECLARED_RULE_ID, frozenset(r.code for r in pack.declared_rules), check)
