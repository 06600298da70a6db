"""Compatibility between two versions of a pack, in the modes schema registries use.

A catalog is *valid* under a pack when validating it gives no finding of severity
``error`` (the default ``--fail-on``). Between an OLD and a NEW version of a pack:

- **BACKWARD**: every catalog valid under OLD stays valid under NEW (a standard may be
  loosened, never tightened — catalogs already compiled keep passing);
- **FORWARD**: every catalog valid under NEW is valid under OLD (systems still checking
  with OLD accept catalogs written for NEW);
- **FULL**: both; **NONE**: no check.

The ``*_TRANSITIVE`` modes check NEW against every earlier version, not only the last.
Each difference between the two effective packs is a :class:`Change` of one
:class:`ChangeKind`, which says which direction it breaks. The classification is
conservative: a change is called breaking whenever some catalog could notice it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.report import Severity

_RANK = {None: 0, Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class CompatMode(StrEnum):
    """Which compatibility a new version must keep."""

    NONE = "none"
    BACKWARD = "backward"
    FORWARD = "forward"
    FULL = "full"
    BACKWARD_TRANSITIVE = "backward-transitive"
    FORWARD_TRANSITIVE = "forward-transitive"
    FULL_TRANSITIVE = "full-transitive"

    @property
    def backward(self) -> bool:
        """Whether old catalogs must stay valid."""
        return self.value.startswith(("backward", "full"))

    @property
    def forward(self) -> bool:
        """Whether new catalogs must be valid under the old version."""
        return self.value.startswith(("forward", "full"))

    @property
    def transitive(self) -> bool:
        """Whether every earlier version is checked, not only the previous one."""
        return self.value.endswith("-transitive")


class ChangeKind(StrEnum):
    """Kinds of difference between two pack versions."""

    FIELD_ADDED_OPTIONAL = "field-added-optional"
    FIELD_ADDED_REQUIRED = "field-added-required"
    FIELD_REMOVED = "field-removed"
    FIELD_MADE_REQUIRED = "field-made-required"
    FIELD_MADE_OPTIONAL = "field-made-optional"
    FIELD_KIND_CHANGED = "field-kind-changed"
    FIELD_VOCABULARY_CHANGED = "field-vocabulary-changed"
    MAX_LENGTH_LOWERED = "max-length-lowered"
    MAX_LENGTH_RAISED = "max-length-raised"
    KEY_REMOVED = "key-removed"
    KEY_ADDED = "key-added"
    VOCABULARY_VALUE_REMOVED = "vocabulary-value-removed"
    VOCABULARY_VALUE_ADDED = "vocabulary-value-added"
    CODE_TABLE_ENTRY_REMOVED = "code-table-entry-removed"
    CODE_TABLE_ENTRY_ADDED = "code-table-entry-added"
    RULE_ADDED = "rule-added"
    RULE_REMOVED = "rule-removed"
    RULE_CHANGED = "rule-changed"
    SEVERITY_RAISED = "severity-raised"
    SEVERITY_LOWERED = "severity-lowered"
    CODE_ADDED = "code-added"
    CODE_REMOVED = "code-removed"
    CODE_RENAMED = "code-renamed"
    SETTING_TIGHTENED = "setting-tightened"
    SETTING_LOOSENED = "setting-loosened"
    SETTING_CHANGED = "setting-changed"
    METADATA_CHANGED = "metadata-changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between OLD and NEW.

    Attributes:
        kind: What changed.
        subject: What it changed on (a field id, ``scheme: value``, a code).
        detail: Old and new values, in words.
        breaks_backward: Some catalog valid under OLD is invalid under NEW.
        breaks_forward: Some catalog valid under NEW is invalid under OLD.
    """

    kind: ChangeKind
    subject: str
    detail: str = ""
    breaks_backward: bool = False
    breaks_forward: bool = False

    def breaks(self, mode: CompatMode) -> bool:
        """Whether this change violates ``mode``."""
        return (mode.backward and self.breaks_backward) or (mode.forward and self.breaks_forward)

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True, slots=True)
class Violation:
    """A change that a compatibility mode does not allow.

    Attributes:
        old: ``id@version`` of the older pack compared with.
        new: ``id@version`` of the new pack.
        change: The change.
    """

    old: str
    new: str
    change: Change

    def __str__(self) -> str:
        directions = [
            d
            for d, b in (
                ("BACKWARD", self.change.breaks_backward),
                ("FORWARD", self.change.breaks_forward),
            )
            if b
        ]
        return f"{self.old} -> {self.new}: {self.change} breaks {'+'.join(directions)}"


@dataclass(frozen=True, slots=True)
class CompatReport:
    """The outcome of a compatibility check.

    Attributes:
        mode: The mode checked.
        new: ``id@version`` of the new pack.
        compared: ``id@version`` of each older pack compared with.
        changes: Every change against the previous version.
        violations: The changes (against any compared version) the mode forbids.
    """

    mode: CompatMode
    new: str
    compared: tuple[str, ...]
    changes: tuple[Change, ...]
    violations: tuple[Violation, ...]

    @property
    def compatible(self) -> bool:
        """True when nothing violates the mode."""
        return not self.violations


def _effective(pack: Pack, code: str) -> Severity | None:
    return None if code in pack.ignore else pack.codebook[code].severity


def _field_changes(old: FieldSpec | None, new: FieldSpec | None, fid: str) -> Iterator[Change]:
    if old is None and new is not None:
        if new.required:
            yield Change(ChangeKind.FIELD_ADDED_REQUIRED, fid, new.zh, breaks_backward=True)
        else:
            yield Change(ChangeKind.FIELD_ADDED_OPTIONAL, fid, new.zh)
        return
    if new is None and old is not None:
        # An unknown key is kept as an extension (info); a required one is now missing.
        yield Change(ChangeKind.FIELD_REMOVED, fid, old.zh, breaks_forward=old.required)
        return
    assert old is not None
    assert new is not None
    if old.kind != new.kind:
        yield Change(ChangeKind.FIELD_KIND_CHANGED, fid, f"{old.kind} -> {new.kind}", True, True)
    if old.vocabulary != new.vocabulary:
        detail = f"{old.vocabulary} -> {new.vocabulary}"
        yield Change(ChangeKind.FIELD_VOCABULARY_CHANGED, fid, detail, True, True)
    if new.required and not old.required:
        yield Change(ChangeKind.FIELD_MADE_REQUIRED, fid, new.zh, breaks_backward=True)
    if old.required and not new.required:
        yield Change(ChangeKind.FIELD_MADE_OPTIONAL, fid, new.zh, breaks_forward=True)
    lo = old.max_length if old.max_length is not None else 1 << 62
    hi = new.max_length if new.max_length is not None else 1 << 62
    detail = f"{old.max_length} -> {new.max_length}"
    if hi < lo:
        yield Change(ChangeKind.MAX_LENGTH_LOWERED, fid, detail, breaks_backward=True)
    elif hi > lo:
        yield Change(ChangeKind.MAX_LENGTH_RAISED, fid, detail, breaks_forward=True)
    old_keys = {old.key, old.zh, *old.aliases, *old.system_keys}
    new_keys = {new.key, new.zh, *new.aliases, *new.system_keys}
    for key in sorted(old_keys - new_keys):
        yield Change(ChangeKind.KEY_REMOVED, f"{fid}: {key}", breaks_backward=True)
    for key in sorted(new_keys - old_keys):
        yield Change(ChangeKind.KEY_ADDED, f"{fid}: {key}", breaks_forward=True)


def _fields(old: Pack, new: Pack) -> Iterator[Change]:
    olds = {(f.level, f.id): f for f in old.fields.fields}
    news = {(f.level, f.id): f for f in new.fields.fields}
    for key in [*olds, *(k for k in news if k not in olds)]:
        level, fid = key
        name = fid if level.value == "field" else f"catalog.{fid}"
        yield from _field_changes(olds.get(key), news.get(key), name)


def _vocabularies(old: Pack, new: Pack) -> Iterator[Change]:
    for sid in sorted(set(old.vocabularies) & set(new.vocabularies)):
        a = old.vocabularies[sid].labels()
        b = new.vocabularies[sid].labels()
        for label in a:
            if label not in b:
                subject = f"{sid}: {label}"
                yield Change(ChangeKind.VOCABULARY_VALUE_REMOVED, subject, breaks_backward=True)
        for label in b:
            if label not in a:
                subject = f"{sid}: {label}"
                yield Change(ChangeKind.VOCABULARY_VALUE_ADDED, subject, breaks_forward=True)


def _code_tables(old: Pack, new: Pack) -> Iterator[Change]:
    a = {(lei, name, code) for lei, t in old.xiang_codes.items() for name, code in t.items()}
    b = {(lei, name, code) for lei, t in new.xiang_codes.items() for name, code in t.items()}
    for lei, name, code in sorted(a - b):
        subject = f"xiang {lei}/{name}={code}"
        yield Change(ChangeKind.CODE_TABLE_ENTRY_REMOVED, subject, breaks_backward=True)
    for lei, name, code in sorted(b - a):
        subject = f"xiang {lei}/{name}={code}"
        yield Change(ChangeKind.CODE_TABLE_ENTRY_ADDED, subject, breaks_forward=True)


def _codes(old: Pack, new: Pack) -> Iterator[Change]:
    removed = sorted(set(old.codebook) - set(new.codebook))
    added = sorted(set(new.codebook) - set(old.codebook))
    titles = {new.codebook[c].title_en: c for c in added}
    for code in removed:
        # A published finding code is a contract (users select, ignore and look it up).
        renamed = titles.pop(old.codebook[code].title_en, None)
        if renamed:
            yield Change(ChangeKind.CODE_RENAMED, code, f"{code} -> {renamed}", True, True)
            added.remove(renamed)
        else:
            yield Change(ChangeKind.CODE_REMOVED, code, "", True, True)
    for code in added:
        yield Change(ChangeKind.CODE_ADDED, code, new.codebook[code].title_en)
    for code in sorted(set(old.codebook) & set(new.codebook)):
        a, b = _effective(old, code), _effective(new, code)
        if _RANK[b] > _RANK[a]:
            detail = f"{a or 'off'} -> {b}"
            raised = b is Severity.ERROR
            yield Change(ChangeKind.SEVERITY_RAISED, code, detail, breaks_backward=raised)
        elif _RANK[b] < _RANK[a]:
            detail = f"{a} -> {b or 'off'}"
            lowered = a is Severity.ERROR
            yield Change(ChangeKind.SEVERITY_LOWERED, code, detail, breaks_forward=lowered)


def _rules(old: Pack, new: Pack) -> Iterator[Change]:
    a = {r.id: r for r in old.declared_rules}
    b = {r.id: r for r in new.declared_rules}
    for rid, rule in b.items():
        blocking = _effective(new, rule.code) is Severity.ERROR
        if rid not in a:
            yield Change(ChangeKind.RULE_ADDED, rid, rule.code, breaks_backward=blocking)
        elif a[rid] != rule:
            was_blocking = _effective(old, a[rid].code) is Severity.ERROR
            yield Change(ChangeKind.RULE_CHANGED, rid, rule.code, blocking, was_blocking)
    for rid, rule in a.items():
        if rid not in b:
            blocking = _effective(old, rule.code) is Severity.ERROR
            yield Change(ChangeKind.RULE_REMOVED, rid, rule.code, breaks_forward=blocking)
    # Rule sets written in Python ([rules] modules): what they check is not visible as data,
    # so adding one may reject what the old pack accepted, and removing one the reverse.
    for module in new.rule_modules:
        if module not in old.rule_modules:
            yield Change(ChangeKind.RULE_ADDED, module, "rule module", breaks_backward=True)
    for module in old.rule_modules:
        if module not in new.rule_modules:
            yield Change(ChangeKind.RULE_REMOVED, module, "rule module", breaks_forward=True)


def _setting(name: str, old: object, new: object, tighter: bool | None) -> Iterator[Change]:
    if old == new:
        return
    detail = f"{old} -> {new}"
    if tighter is None:
        yield Change(ChangeKind.SETTING_CHANGED, name, detail, True, True)
    elif tighter:
        yield Change(ChangeKind.SETTING_TIGHTENED, name, detail, breaks_backward=True)
    else:
        yield Change(ChangeKind.SETTING_LOOSENED, name, detail, breaks_forward=True)


def _settings(old: Pack, new: Pack) -> Iterator[Change]:
    yield from _setting("code", old.code_rules, new.code_rules, None)
    yield from _setting(
        "identifiers.provider_code", old.provider_code_scheme, new.provider_code_scheme, None
    )
    yield from _setting(
        "identifiers.strict",
        old.identifier_strict,
        new.identifier_strict,
        new.identifier_strict,
    )
    dropped = old.identifier_allow - new.identifier_allow
    allowed = new.identifier_allow - old.identifier_allow
    yield from _setting(
        "identifiers.allow",
        sorted(old.identifier_allow),
        sorted(new.identifier_allow),
        None if dropped and allowed else bool(dropped),
    )
    yield from _setting(
        "dates.future_publish_date",
        old.future_publish_date,
        new.future_publish_date,
        new.future_publish_date,
    )
    for attr in (
        "title_zh",
        "title_en",
        "publisher",
        "basis",
        "status",
        "extends",
        "effective_from",
        "supersedes",
    ):
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b:
            yield Change(ChangeKind.METADATA_CHANGED, attr, f"{a} -> {b}")
    # Time limits bind departments, not catalogs: a change is reported, never a break.
    for ident in sorted(old.deadlines.keys() | new.deadlines.keys()):
        da, db = old.deadlines.get(ident), new.deadlines.get(ident)
        days_a = f"{da.working_days}+{da.extension}" if da else "none"
        days_b = f"{db.working_days}+{db.extension}" if db else "none"
        if days_a != days_b:
            detail = f"{days_a} -> {days_b} working days ({(db or da).article})"  # type: ignore[union-attr]
            yield Change(ChangeKind.METADATA_CHANGED, f"deadline.{ident}", detail)


def classify(old: Pack, new: Pack) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, fields first."""
    return (
        *_fields(old, new),
        *_vocabularies(old, new),
        *_code_tables(old, new),
        *_codes(old, new),
        *_rules(old, new),
        *_settings(old, new),
    )


def check_compat(
    new: Pack, history: Sequence[Pack] | Pack, mode: CompatMode = CompatMode.BACKWARD
) -> CompatReport:
    """Check ``new`` against the earlier versions in ``history`` under ``mode``.

    Args:
        new: The new version.
        history: The earlier versions (or one), any order; versions not older than
            ``new`` are ignored. A plain mode compares with the newest of them, a
            transitive mode with all.
        mode: The compatibility to keep.
    """
    olds = [history] if isinstance(history, Pack) else list(history)
    earlier = sorted((p for p in olds if p.version < new.version), key=lambda p: p.version)
    if not earlier and olds:
        earlier = [max(olds, key=lambda p: p.version)]
    targets: Iterable[Pack] = earlier if mode.transitive else earlier[-1:]
    targets = list(targets)
    violations: list[Violation] = []
    changes: tuple[Change, ...] = ()
    for old in targets:
        found = classify(old, new)
        if old is targets[-1]:
            changes = found
        if mode is not CompatMode.NONE:
            violations.extend(Violation(old.ref, new.ref, c) for c in found if c.breaks(mode))
    return CompatReport(mode, new.ref, tuple(p.ref for p in targets), changes, tuple(violations))


def breaks_backward(changes: Iterable[Change]) -> bool:
    """Whether any change breaks backward compatibility (needs a major version bump)."""
    return any(c.breaks_backward for c in changes)
