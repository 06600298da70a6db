"""Validation: read, coerce, run the rules, and turn hits into located, bilingual findings.

:func:`validate` reads a catalog and returns its report, in this process or, given a
:class:`concurrent.futures.Executor`, with partitions spread over it. The parts:
:mod:`~govcatalog.validate.options` (how to validate, outcomes),
:mod:`~govcatalog.validate.validator` (the rules over resources and documents),
:mod:`~govcatalog.validate.parallel` (partitions on an executor).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Executor
from itertools import chain

from govcatalog.errors import LoadError
from govcatalog.io.formats import InputFormat
from govcatalog.io.records import SourceDocument
from govcatalog.io.source import CatalogSource, settle
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import pick_regime
from govcatalog.packs.registry import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.read import open_document
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
            national pack. The report says which (``Report.regime_zh``).
        options: Selection and overrides.
        fmt: Input format, e.g. ``"csv"`` (default: from the file suffix or the content).
        executor: Optional executor to validate partitions in parallel.

    Returns:
        The report.
    """
    if pack is not None:
        the_pack = pack if isinstance(pack, Pack) else get_pack(pack)
        regime = pick_regime(None, named=the_pack)
    else:
        regime = pick_regime(None)  # the national pack, until the catalog's date says more
    validator = Validator(regime.pack, options)
    source, name = settle(source)
    try:
        doc = (
            source
            if isinstance(source, SourceDocument)
            else open_document(source, regime.pack, fmt=fmt, name=name)
        )
        if pack is None:
            dated = pick_regime(document_date(doc, regime.pack))
            if dated.pack.ref != regime.pack.ref:
                validator = Validator(dated.pack, options)
                if not isinstance(source, SourceDocument):  # read again with its elements
                    doc = open_document(source, dated.pack, fmt=fmt, name=name)
            regime = dated
        report = validator.validate_document(doc, executor)
    except LoadError as exc:
        report = validator.unreadable(exc)
    return report.with_regime(regime.describe_zh(), regime.describe_en())


def document_date(doc: SourceDocument, pack: Pack) -> dt.date | None:
    """The date a catalog document gives itself (its 发布日期 / ``issued``), if any.

    This is the date that decides the regime it is judged under (:func:`pick_regime`).
    A streaming reader (JSON) knows the facts only once it has passed them: when they come
    after the resources, the date is not seen and None is returned.
    """
    if doc.info is None:
        # Streaming readers fill the facts in as they reach them: look at the first
        # resource (and put it back), which is enough when the facts come first.
        first = next(doc.records, None)
        if first is not None:
            doc.records = chain((first,), doc.records)
    if doc.info is None:
        return None
    coerced = Coercer(pack).catalog_info(doc.info.data)
    if coerced is None:
        return None
    issued = coerced.record.get("issued")
    if isinstance(issued, dt.date):
        return issued
    if isinstance(issued, str):
        try:
            return dt.date.fromisoformat(issued)
        except ValueError:
            return None
    return None
