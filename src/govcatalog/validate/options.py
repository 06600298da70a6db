"""How to validate, and what validating one resource or one partition gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from govcatalog._quick_init import quick_init
from govcatalog.report import Finding, Severity, Stats
from govcatalog.rules.catalog import ResourceSummary
from govcatalog.vocab import Evidence

EVIDENCE_RANK = {Evidence.CONFIRMED: 3, Evidence.IMPL: 2, Evidence.UNCONFIRMED: 1}
"""Evidence levels in order, for ``min_evidence``."""


@dataclass(frozen=True)
class ValidationOptions:
    """How to validate.

    Attributes:
        today: The day of validation (default: today); fixes date checks for tests.
        select: Report only these codes (None: all).
        ignore: Never report these codes.
        severity: Severity overrides by code, applied after the pack's.
        min_evidence: Report only codes whose evidence is at least this strong
            (``UNCONFIRMED``, the default, reports everything).
        partition_size: Resources per partition when an executor is used.
        max_findings: Stop collecting after this many findings (None: no limit); the
            report then says it was cut (``Report.truncated``).
    """

    today: dt.date | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    min_evidence: Evidence = Evidence.UNCONFIRMED
    partition_size: int = 2000
    max_findings: int | None = None

    def __hash__(self) -> int:
        return hash(
            (
                self.today,
                self.select,
                self.ignore,
                tuple(sorted(self.severity.items())),
                self.min_evidence,
                self.partition_size,
                self.max_findings,
            )
        )


@quick_init
@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """Findings and summary of one resource."""

    findings: list[Finding]
    summary: ResourceSummary | None
    items: int
    absent: tuple[tuple[str, Finding], ...] = ()
    """Missing required elements (canonical pointer, GC-F001 finding), when the pack reports
    elements absent from a whole file once (``absent_elements = "per-file"``); not in
    ``findings``."""


@dataclass(frozen=True, slots=True)
class PartitionOutcome:
    """Findings and summaries of a partition of resources."""

    findings: list[Finding]
    summaries: list[ResourceSummary]
    resources: int
    items: int
    absent: list[tuple[str, Finding]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LocalOutcome:
    """A document's findings but the catalog-wide ones, and the summaries those rules need."""

    findings: list[Finding]
    summaries: list[ResourceSummary]
    stats: Stats
