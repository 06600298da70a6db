"""Rules a pack declares as data (``rules.toml``), so a standard can add a rule without code.

A local standard often says "when 共享类型 is 有条件共享, 关联信息系统 must be filled" or
"数据范围 must name a division". Such rules are written as ``[[rule]]`` tables::

    [[rule]]
    id = "conditional-share-names-system"
    code = "EP-R001"
    when = { field = "share.share_type", equals = "有条件共享" }
    require = ["extensions.related_system"]

    [[rule]]
    id = "scope-names-division"
    code = "EP-R002"
    pattern = { field = "extensions.data_scope", regex = "(省|市|县|区)" }

``when`` (optional) restricts the rule to records whose field equals one value
(``equals``) or one of several (``in``), or is filled at all (``present = true``).
``require`` lists fields that must then be filled; ``pattern`` a field whose value, when
present, must match a regular expression. Every rule emits exactly one finding code,
which the pack's codebook must declare. An extension may redeclare a rule of its
parent with the same ``id`` to tighten it. The generic rule that evaluates them is
:func:`govcatalog.rules.declared.declared_rule`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from govcatalog.errors import PackError
from govcatalog.packs._lines import line_of, toml_error_line
from govcatalog.packs._regex_safety import regex_problem

_ALLOWED_KEYS = frozenset({"id", "code", "when", "require", "pattern", "description"})


@dataclass(frozen=True, slots=True)
class Condition:
    """When a declared rule applies.

    Attributes:
        field: Field id whose value is tested.
        values: The value must be one of these (empty: any value, see ``present``).
        present: With no ``values``: the field must be filled (True) or empty (False).
    """

    field: str
    values: tuple[str | bool, ...] = ()
    present: bool = True

    def holds(self, value: object) -> bool:
        """True when a record whose field has ``value`` satisfies the condition."""
        if self.values:
            return value in self.values
        filled = value not in (None, "", [], {})
        return filled == self.present


@dataclass(frozen=True, slots=True)
class Pattern:
    """A regular expression a filled field must match.

    Attributes:
        field: Field id.
        regex: The expression (``re.search`` semantics).
    """

    field: str
    regex: str


@dataclass(frozen=True, slots=True)
class DeclaredRule:
    """One rule written as data.

    Attributes:
        id: Stable id, unique in the effective pack.
        code: The finding code it emits (declared in the codebook).
        when: Condition under which it applies, or None (always).
        require: Fields that must be filled.
        pattern: A field that must match a regular expression, or None.
        description: What the rule is for (documentation only).
    """

    id: str
    code: str
    when: Condition | None = None
    require: tuple[str, ...] = ()
    pattern: Pattern | None = None
    description: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field id the rule reads."""
        ids = [self.when.field] if self.when else []
        ids.extend(self.require)
        if self.pattern:
            ids.append(self.pattern.field)
        return tuple(ids)

    def to_dict(self) -> dict[str, object]:
        """The rule as written in ``rules.toml``."""
        out: dict[str, object] = {"id": self.id, "code": self.code}
        if self.when:
            cond: dict[str, object] = {"field": self.when.field}
            if self.when.values:
                cond["in"] = list(self.when.values)
            else:
                cond["present"] = self.when.present
            out["when"] = cond
        if self.require:
            out["require"] = list(self.require)
        if self.pattern:
            out["pattern"] = {"field": self.pattern.field, "regex": self.pattern.regex}
        if self.description:
            out["description"] = self.description
        return out


def _condition(raw: object, where: str) -> Condition:
    if not isinstance(raw, dict) or "field" not in raw:
        msg = f"{where}: `when` must be a table with a `field`"
        raise ValueError(msg)
    if "equals" in raw:
        values: tuple[str | bool, ...] = (raw["equals"],)
    else:
        values = tuple(raw.get("in", ()))
    return Condition(str(raw["field"]), values, bool(raw.get("present", True)))


def _rule(raw: Mapping[str, object]) -> DeclaredRule:
    rid = str(raw.get("id", ""))
    if not rid or "code" not in raw:
        msg = f"rule {rid or '?'}: needs an `id` and a `code`"
        raise ValueError(msg)
    extra = sorted(set(raw) - _ALLOWED_KEYS)
    if extra:
        msg = f"rule {rid}: unknown keys {extra}"
        raise ValueError(msg)
    require = raw.get("require", ())
    if not isinstance(require, list | tuple):
        msg = f"rule {rid}: `require` must be a list of field ids"
        raise ValueError(msg)
    pattern = None
    if "pattern" in raw:
        p = raw["pattern"]
        if not isinstance(p, dict) or "field" not in p or "regex" not in p:
            msg = f"rule {rid}: `pattern` needs `field` and `regex`"
            raise ValueError(msg)
        try:
            re.compile(str(p["regex"]))
        except re.error as exc:
            msg = f"rule {rid}: bad regex: {exc}"
            raise ValueError(msg) from None
        problem = regex_problem(str(p["regex"]))
        if problem is not None:
            msg = f"rule {rid}: unsafe regex {str(p['regex'])!r}: {problem}"
            raise ValueError(msg)
        pattern = Pattern(str(p["field"]), str(p["regex"]))
    if not require and pattern is None:
        msg = f"rule {rid}: needs `require` or `pattern`"
        raise ValueError(msg)
    return DeclaredRule(
        id=rid,
        code=str(raw["code"]),
        when=_condition(raw["when"], f"rule {rid}") if "when" in raw else None,
        require=tuple(str(r) for r in require),
        pattern=pattern,
        description=str(raw.get("description", "")),
    )


def parse_rules(text: str, *, pack: str, file: str = "rules.toml") -> tuple[DeclaredRule, ...]:
    """Parse a ``rules.toml`` document.

    Raises:
        PackError: On a syntax error or a malformed rule (with the line where it is).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None
    rules: list[DeclaredRule] = []
    for raw in data.get("rule", []):
        try:
            rules.append(_rule(raw))
        except ValueError as exc:
            rid = str(raw.get("id", ""))
            raise PackError(pack, file, str(exc), line_of(text, f'"{rid}"')) from None
    return tuple(rules)


def merge_rules(
    parent: Iterable[DeclaredRule], own: Iterable[DeclaredRule]
) -> tuple[DeclaredRule, ...]:
    """The parent's rules with ``own`` added; a rule with a parent's id replaces it."""
    merged = {r.id: r for r in parent}
    for r in own:
        merged[r.id] = r
    return tuple(merged.values())
