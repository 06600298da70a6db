"""Subject keys: validate each with the identifier checks and route it to its base database.

公民身份号码 → 人口, 统一社会信用代码 (and 组织机构代码) → 法人单位, 行政区划代码 → 自然资源和
空间地理, 证照标识 → 电子证照 — as the base-data pack's ``databases.toml`` declares. A key given
without its kind is recognised by shape; when its shape fits two kinds and it passes both
checks, it is reported as ambiguous rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from govcatalog.identifiers import CheckResult, IdentifierKind, check_identifier, get_division
from govcatalog.resolve.bases import BaseDatabase
from govcatalog.resolve.lookup import ItemIndex
from govcatalog.resolve.normalise import normalise
from govcatalog.resolve.request_model import SubjectKey


class KeyStatus(StrEnum):
    """Outcome of routing one subject key."""

    ROUTED = "routed"
    """Valid, and a base database serves it."""
    INVALID = "invalid"
    """Fails its identifier check (or has no recognisable shape)."""
    AMBIGUOUS = "ambiguous"
    """Given without a kind and valid as more than one kind."""
    UNSERVED = "unserved"
    """Valid, but no base database declares this kind."""


@dataclass(frozen=True, slots=True)
class KeyRoute:
    """Where a subject key leads.

    Attributes:
        key: The key as requested.
        status: Routed, invalid, ambiguous or unserved.
        kind: The identifier kind (given or recognised), if one.
        normalized: The canonical form when valid.
        database: Id of the base database serving it.
        database_name: Name of that database.
        resources: Codes of that database's resources carrying the key item.
        reason_zh: Why (the check's message, or what was recognised).
        reason_en: The same in English.
        details: Parsed parts; for a division code also its name and level.
    """

    key: SubjectKey
    status: KeyStatus
    kind: IdentifierKind | None
    normalized: str | None
    database: str | None
    database_name: str | None
    resources: tuple[str, ...]
    reason_zh: str
    reason_en: str
    details: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))


def _shape_kinds(value: str) -> list[IdentifierKind]:
    text = value.strip().upper()
    if text.startswith("1.2.156."):
        return [IdentifierKind.LICENSE_ID]
    if text.isdigit() and len(text) in (6, 12):
        return [IdentifierKind.DIVISION_CODE]
    if len(text) == 18:
        return [IdentifierKind.CITIZEN_ID, IdentifierKind.USCC]
    if len(text) in (9, 10):
        return [IdentifierKind.ORG_CODE]
    return []


def _resources(db: BaseDatabase, index: ItemIndex) -> tuple[str, ...]:
    codes: list[str] = []
    for name in db.key_items:
        targets = index.exact(normalise(name), limit=1000)
        for item in targets.first if targets else ():
            if item.resource.database == db.id and item.resource.code not in codes:
                codes.append(item.resource.code)
    return tuple(codes)


def _routed(
    key: SubjectKey,
    result: CheckResult,
    databases: Sequence[BaseDatabase],
    index: ItemIndex,
) -> KeyRoute:
    details = dict(result.details)
    if result.kind is IdentifierKind.DIVISION_CODE and result.normalized:
        division = get_division(result.normalized[:6])
        if division is not None:
            details.update(division_name=division.name, division_level=division.level.value)
    db = next((d for d in databases if result.kind in d.keys), None)
    if db is None:
        return KeyRoute(
            key, KeyStatus.UNSERVED, result.kind, result.normalized, None, None, (),
            f"有效的{result.kind.value}，但没有基础信息资源库提供",
            f"valid {result.kind.label_en}, but no base database serves it",
            MappingProxyType(details),
        )  # fmt: skip
    return KeyRoute(
        key, KeyStatus.ROUTED, result.kind, result.normalized, db.id, db.name,
        _resources(db, index),
        f"有效的{result.kind.value}，由{db.name}提供",
        f"valid {result.kind.label_en}, served by {db.name}",
        MappingProxyType(details),
    )  # fmt: skip


def route_key(
    key: SubjectKey,
    databases: Sequence[BaseDatabase],
    index: ItemIndex,
    *,
    strict: bool = True,
) -> KeyRoute:
    """Validate a subject key and route it to the base database that serves it.

    Args:
        key: The key.
        databases: The base databases (their ``keys`` say what each serves).
        index: The index, to list the resources carrying the key item.
        strict: Passed to the identifier checks.
    """
    kinds = [key.kind] if key.kind else _shape_kinds(key.value)
    if not kinds:
        return KeyRoute(
            key, KeyStatus.INVALID, None, None, None, None, (),
            "无法识别的主体标识（请注明主体标识类型）",
            "unrecognised subject key (state its kind)",
        )  # fmt: skip
    results = [check_identifier(k, key.value, strict=strict) for k in kinds]
    valid = [r for r in results if r.valid]
    if len(valid) > 1:
        names = "、".join(r.kind.value for r in valid)
        return KeyRoute(
            key, KeyStatus.AMBIGUOUS, None, None, None, None, (),
            f"同时是有效的{names}，请注明主体标识类型",
            "valid as " + " and as ".join(r.kind.label_en for r in valid) + "; state its kind",
        )  # fmt: skip
    if valid:
        return _routed(key, valid[0], databases, index)
    first = results[0]
    reason_zh = "；".join(f"作为{r.kind.value}：{r.message_zh}" for r in results)
    reason_en = "; ".join(f"as {r.kind.label_en}: {r.message_en}" for r in results)
    return KeyRoute(
        key, KeyStatus.INVALID, first.kind if len(results) == 1 else None, None, None, None, (),
        reason_zh, reason_en, MappingProxyType({"problem": first.problem or ""}),
    )  # fmt: skip
