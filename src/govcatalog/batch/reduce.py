"""The reduce step: catalog-wide rules over the summaries of every file of one catalog.

Each file's task sends back one :class:`~govcatalog.rules.catalog.ResourceSummary` per
resource (code, name, provider, related codes, a few fixed positions); the rules that look
across resources — unique codes (GC-R008), related codes that resolve (GC-C001) and are not
the resource itself (GC-C002), one name per provider (GC-C003) — run here over all of them,
so a duplicate or a related code in another file is seen as it is in one file.

On an executor the step is a task of its own (:func:`catalog_wire`): it is sent the
summaries as the workers sent them (bytes the caller does not restore) and sends back the
findings. A national catalog's step is several tasks, one a shard of the rules' keys
(:mod:`govcatalog.rules.catalog_shards`), each sent only the summaries of its keys.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence

from govcatalog._collector import collector_paused
from govcatalog.batch.files import FileOutcome, named_pack, validator
from govcatalog.batch.wire import findings_to_rows, summary_columns_from_wire
from govcatalog.report import Finding
from govcatalog.rules.catalog import ResourceSummary, SummaryColumns, check_catalog
from govcatalog.rules.catalog_shards import WHOLE, Shard
from govcatalog.validate import ValidationOptions, Validator

Part = tuple[str | None, Sequence[ResourceSummary] | SummaryColumns]
"""The reference of the pack a file (or a range of it) was judged under, and its summaries
(or their columns, as the reduce task takes them from the wire)."""


def outcome_parts(outcomes: Iterable[FileOutcome]) -> list[Part]:
    """The parts of the catalog the outcomes hold (summaries restored)."""
    return [(o.pack, o.summaries) for o in outcomes]


def catalog_findings(
    parts: Iterable[Part], validator_of: Callable[[str], Validator], shard: Shard = WHOLE
) -> list[Finding]:
    """The catalog-wide findings of files read as parts of one catalog.

    Args:
        parts: Each file's (or range's) pack reference and summaries, in the order of the
            files and of their resources.
        validator_of: The validator of a pack reference (each finding is worded by the pack
            its file was judged under).
        shard: The shard of the rules the summaries were sent for (they are those of its
            keys): its findings alone.
    """
    pack_of: dict[str, str] = {}
    tables: list[SummaryColumns] = []
    for ref, part in parts:
        table = part if isinstance(part, SummaryColumns) else SummaryColumns.of(part)
        # every summary of a part names the part's file
        if ref and len(table):
            pack_of[table.summary(0).file or ""] = ref
        tables.append(table)
    summaries = SummaryColumns.joined(tables)
    validators = {ref: validator_of(ref) for ref in set(pack_of.values())}
    findings: list[Finding] = []
    for hit in check_catalog(summaries, shard):
        file = hit.summary.file or ""
        ref = pack_of.get(file)
        if ref is None:
            continue
        f = validators[ref].catalog_finding(hit, file)
        if f is not None:
            findings.append(f)
    return findings


def catalog_wire(
    parts: Sequence[tuple[str | None, bytes]],
    specs: Mapping[str, str],
    options: ValidationOptions,
    shard: Shard = WHOLE,
) -> bytes:
    """:func:`catalog_findings` run where it is sent, over summaries as the workers sent them.

    Args:
        parts: Each file's (or range's) pack reference and summaries as bytes
            (:func:`~govcatalog.batch.wire.summaries_to_shards`: those of ``shard``), in
            order.
        specs: How this process loads the pack of a reference (a reference or a directory).
        options: The options the files were validated with.
        shard: Which shard of the rules this task runs.

    Returns:
        The findings as rows (:func:`~govcatalog.batch.wire.findings_from_rows`), pickled.
    """
    with collector_paused():  # acyclic summaries and findings (see check_file_wire)
        # the columns the rules compare; a whole summary only where a rule reports
        restored = [(ref, summary_columns_from_wire(blob)) for ref, blob in parts]
        found = catalog_findings(
            restored, lambda ref: validator(None, named_pack(specs.get(ref, ref)), options), shard
        )
        return pickle.dumps(findings_to_rows(found), protocol=pickle.HIGHEST_PROTOCOL)
