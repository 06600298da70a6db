"""What a data request (需求清单) says: who asks, for what, for which items and subjects.

Read from JSON, CSV or xlsx by :mod:`govcatalog.resolve.request`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import UsagePurpose


class RequestFormat(StrEnum):
    """Input formats of a request file."""

    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class Requester:
    """The requesting department.

    Attributes:
        name: 部门名称.
        code: Its 统一社会信用代码, if given.
    """

    name: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class SubjectKey:
    """A subject identifier the requester wants data about.

    Attributes:
        value: The identifier as written.
        kind: The identifier kind, if the requester said; otherwise it is inferred.
    """

    value: str
    kind: IdentifierKind | None = None


@dataclass(frozen=True)
class DataRequest:
    """A data request: who asks, for what purpose, for which items and subjects.

    Attributes:
        requester: The requesting department.
        purpose: 使用用途, if stated.
        items: The requested item names as the requester wrote them.
        keys: Subject keys (公民身份号码, 统一社会信用代码, 行政区划代码, 证照标识 …).
        date: Day of the request (due dates count from it); None means the day of resolving.
        basis: 使用依据 — the duty or law the use rests on (第二十条).
        scene: 使用场景 — the matter the data serves.
        scope: 使用范围 — who uses it, within what bounds.
        method: 共享方式 — 服务接口, 批量交换, 文件下载 … (第二十二条).
        period: 使用时限 — how long the data is used.
    """

    requester: Requester
    purpose: UsagePurpose | None = None
    items: tuple[str, ...] = ()
    keys: tuple[SubjectKey, ...] = ()
    date: dt.date | None = None
    basis: str | None = None
    scene: str | None = None
    scope: str | None = None
    method: str | None = None
    period: str | None = None

    def missing(self, required: Iterable[str]) -> tuple[str, ...]:
        """The ``required`` fields this request leaves empty, in the order given."""
        return tuple(f for f in required if not getattr(self, f, None))


FIELD_NAMES: Mapping[str, tuple[str, str]] = {
    "purpose": ("使用用途", "purpose"),
    "basis": ("使用依据", "basis of use"),
    "scene": ("使用场景", "scenario of use"),
    "scope": ("使用范围", "scope of use"),
    "method": ("共享方式", "delivery method"),
    "period": ("使用时限", "period of use"),
}
"""Names of the request fields a pack may require, in Chinese and English."""
