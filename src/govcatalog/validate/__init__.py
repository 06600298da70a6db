"""Validation: read, coerce, run the rules, and turn hits into located, bilingual findings.

:func:`validate` reads a catalog and returns its report, in this process or, given a
:class:`concurrent.futures.Executor`, with partitions spread over it. The parts:
:mod:`~govcatalog.validate.options` (how to validate, outcomes),
:mod:`~govcatalog.validate.validator` (the rules over resources and documents),
:mod:`~govcatalog.validate.parallel` (partitions on an executor).
"""

from __future__ import annotations

from concurrent.futures import Executor

from govcatalog.errors import LoadError
from govcatalog.io.formats import InputFormat
from govcatalog.io.records import SourceDocument
from govcatalog.io.source import CatalogSource, settle
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime, pick_regime
from govcatalog.packs.registry import get_pack
from govcatalog.records.regime import document_date, open_judged, regime_of_document
from govcatalog.report import Report
from govcatalog.validate.options import PartitionOutcome, RecordOutcome, ValidationOptions
from govcatalog.validate.parallel import bounded_map
from govcatalog.validate.validator import Validator

__all__ = [
    "PartitionOutcome",
    "RecordOutcome",
    "ValidationOptions",
    "Validator",
    "bounded_map",
    "document_date",
    "validate",
]


def validate(
    source: CatalogSource,
    *,
    pack: Pack | str | None = None,
    options: ValidationOptions | None = None,
    fmt: InputFormat | str | None = None,
    executor: Executor | None = None,
) -> Report:
    """Validate a catalog and return every finding.

    Data problems never raise: an unreadable file gives a report with one GC-S001
    finding. Misuse does raise (an unknown pack, an unsupported format).

    Args:
        source: A catalog: a path (any supported format), a mapping, JSON/YAML text, the
            bytes of a file or a binary file object (a workbook too), or an opened document.
        pack: The pack, a reference like ``gb-1272@^1``, or None to judge the catalog
            under the rules in force on its date (``issued``): 国发〔2016〕51号 before
            2025-08-01, 《政务数据共享条例》 from then on; an undated catalog under the
            national pack, and an open-data portal export (known by its headings) under
            ``open-data-portal``. The report says which (``Report.regime_zh``).
        options: Selection and overrides.
        fmt: Input format, e.g. ``"csv"`` (default: from the file suffix or the content).
        executor: Optional executor to validate partitions in parallel.

    Returns:
        The report.
    """
    the_pack = None if pack is None else pack if isinstance(pack, Pack) else get_pack(pack)
    source, name = settle(source)
    unnamed = pick_regime(None, named=the_pack) if the_pack else pick_regime(None)
    if isinstance(source, SourceDocument):
        dated = unnamed if the_pack else regime_of_document(source, unnamed.pack) or unnamed
        return _validate_document(source, dated, options, executor)
    try:
        judged = open_judged(source, named=the_pack, fmt=fmt, name=name)
    except LoadError as exc:
        report = Validator(unnamed.pack, options).unreadable(exc)
        return report.with_regime(*_describe(unnamed))
    return _validate_document(judged.document, judged.regime, options, executor)


def _describe(regime: Regime) -> tuple[str, str]:
    return regime.describe_zh(), regime.describe_en()


def _validate_document(
    doc: SourceDocument,
    regime: Regime,
    options: ValidationOptions | None,
    executor: Executor | None,
) -> Report:
    validator = Validator(regime.pack, options)
    try:
        report = validator.validate_document(doc, executor)
    except LoadError as exc:
        report = validator.unreadable(exc)
    return report.with_regime(*_describe(regime))
