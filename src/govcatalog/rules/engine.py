"""The rule engine: rules are plain functions registered with the codes they emit.

A :class:`Rule` looks at one canonical record (``RESOURCE`` scope) and gives its
:class:`~govcatalog.records.hits.Hit` objects: a generator function will do; the built-in
rules return a tuple or list (empty, and no generator made, for the many records that pass).
A :class:`RuleSet` is an immutable collection; :meth:`RuleSet.extend` returns a new set and
refuses to replace a rule unless told ``replace=True``. Catalog-wide checks (duplicate codes,
related codes) work on per-resource summaries, see :mod:`govcatalog.rules.catalog`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from govcatalog._lazy import load_function
from govcatalog.errors import PackError, RuleConflict
from govcatalog.packs.pack import Pack
from govcatalog.records.hits import Hit, Record


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may consult besides the record.

    Attributes:
        pack: The effective pack.
        today: The day of validation (for date checks); fixed per run.
        memo: Results of pure, costly checks (identifier check digits) keyed by their
            arguments, so a value repeated across resources is checked once per run.
    """

    pack: Pack
    today: dt.date
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)


RuleFunction = Callable[[Record, RuleContext], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule and the finding codes it may emit.

    Attributes:
        id: Stable rule id (the function's name by default).
        codes: Codes the rule may emit; emitting any other is a bug the engine reports.
        check: The function.
    """

    id: str
    codes: frozenset[str]
    check: RuleFunction

    def __call__(self, record: Record, ctx: RuleContext) -> Iterable[Hit]:
        return self.check(record, ctx)


def rule(*codes: str, rule_id: str | None = None) -> Callable[[RuleFunction], Rule]:
    """Register a function giving hits (a generator function, say) as a :class:`Rule` emitting
    ``codes``: ``rule("GC-R005")(open_attributes)``, or as a decorator.

    The built-in rules are registered with a call, not a decorator, so that their functions stay
    plain functions (mutation testing leaves decorated functions alone).
    """

    def wrap(fn: RuleFunction) -> Rule:
        return Rule(rule_id or fn.__name__, frozenset(codes), fn)

    return wrap


@dataclass(frozen=True)
class RuleSet:
    """An immutable, ordered collection of rules."""

    rules: tuple[Rule, ...] = ()
    _checks: tuple[RuleFunction, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # the functions themselves, for run: one attribute look-up less per rule and resource
        object.__setattr__(self, "_checks", tuple(r.check for r in self.rules))

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def codes(self) -> frozenset[str]:
        """Every code some rule of the set may emit."""
        return frozenset(c for r in self.rules for c in r.codes)

    def extend(self, rules: Iterable[Rule], *, replace: bool = False) -> RuleSet:
        """A new set with ``rules`` added.

        Raises:
            RuleConflict: When a rule id exists already and ``replace`` is False.
        """
        current = {r.id: r for r in self.rules}
        for r in rules:
            if r.id in current and not replace:
                msg = f"rule {r.id!r} exists; pass replace=True to replace it"
                raise RuleConflict(msg)
            current[r.id] = r
        return RuleSet(tuple(current.values()))

    def without(self, rule_ids: Iterable[str]) -> RuleSet:
        """A new set without the named rules."""
        drop = frozenset(rule_ids)
        return RuleSet(tuple(r for r in self.rules if r.id not in drop))

    def run(self, record: Record, ctx: RuleContext) -> Iterator[Hit]:
        """Run every rule on one record."""
        hits: list[Hit] = []
        for check in self._checks:
            hits.extend(check(record, ctx))
        return iter(hits)


def pack_rules(pack: Pack) -> tuple[Rule, ...]:
    """The rules of the rule sets a pack names in ``[rules] modules`` (``"module:function"``).

    Raises:
        PackError: When a name does not lead to a function returning a :class:`RuleSet`.
    """
    out: list[Rule] = []
    for target in pack.rule_modules:
        try:
            found = load_function(target)()
        except (ImportError, AttributeError, TypeError) as exc:  # TypeError: it wants arguments
            raise PackError(pack.ref, "pack.toml", f"[rules] modules: {exc}") from None
        if not isinstance(found, RuleSet):
            msg = f"[rules] modules: {target} does not return a RuleSet"
            raise PackError(pack.ref, "pack.toml", msg)
        out.extend(found)
    return tuple(out)
