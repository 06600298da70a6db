"""The validator: one pack's rules over resources, partitions and documents, as located findings.

The work is split into pure functions over one resource (:meth:`Validator.check_record`)
and over a partition of resources (:meth:`Validator.check_partition`), whose results
are merged by the catalog-wide rules.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import replace

from govcatalog._collector import collector_paused
from govcatalog.errors import LoadError, PackError
from govcatalog.io.records import RawRecord, SheetReading, SourceDocument
from govcatalog.io.top_plan import SAID_TWICE
from govcatalog.packs.pack import Pack
from govcatalog.packs.value_forms import AbsentElements
from govcatalog.records.coerce import Coercer
from govcatalog.records.fast import reads as reads_of
from govcatalog.records.hits import Hit
from govcatalog.records.read import ReadRecord, RecordHook, iter_records
from govcatalog.report import Finding, Location, Report, Stats
from govcatalog.rules.builtin import BUILTIN_RULES
from govcatalog.rules.catalog import CatalogHit, ResourceSummary, check_catalog
from govcatalog.rules.declared import declared_rule
from govcatalog.rules.document import (
    check_catalog_facts,
    dates_given_twice,
    document_problem,
    empty_catalog,
    facts_not_an_object,
    labels_given_again,
    not_an_object,
)
from govcatalog.rules.engine import RuleContext, RuleSet, pack_rules
from govcatalog.validate.absent import (
    absent_codes,
    element_pointer,
    gathered_severity,
    headings,
    said_once,
)
from govcatalog.validate.findings import FindingMaker
from govcatalog.validate.options import (
    LocalOutcome,
    PartitionOutcome,
    RecordOutcome,
    ValidationOptions,
)
from govcatalog.validate.parallel import PartitionTask, bounded_map, detach, partitions, streamed
from govcatalog.validate.unreadable import unreadable_report


class Validator:
    """Validates records against one pack. Stateless after construction; reuse it.

    Args:
        pack: The effective pack.
        options: Selection and overrides.
        rules: The resource-level rules (default: the national pack's); the rule sets the
            pack names (``[rules] modules``) and the rules it declares as data
            (``rules.toml``) are added to them.
        on_record: Called with each resource as it is read, in this process (so that, e.g.,
            scoring reads every resource once, in the same pass as validation); a validator
            with a hook does not run partitions on an executor.

    Raises:
        PackError: When a rule may emit a code the pack's codebook does not declare.
    """

    def __init__(
        self,
        pack: Pack,
        options: ValidationOptions | None = None,
        rules: RuleSet = BUILTIN_RULES,
        *,
        on_record: RecordHook | None = None,
    ) -> None:
        self.pack = pack
        self.on_record = on_record
        self.options = options or ValidationOptions()
        declared = declared_rule(pack)
        rules = rules.extend(pack_rules(pack), replace=True)
        self.rules = rules if declared is None else rules.extend([declared], replace=True)
        undeclared = sorted(self.rules.codes - set(pack.codebook))
        if undeclared:
            raise PackError(pack.ref, "codebook.toml", f"rules emit undeclared codes: {undeclared}")
        self.context = RuleContext(pack, self.options.today or dt.date.today())
        self.coercer = Coercer(pack)
        self._make = FindingMaker(pack, self.options)
        self._absent_once = pack.value_forms.absent_elements is AbsentElements.PER_FILE
        self._absent_codes = absent_codes(pack)

    def finding(self, hit: Hit, location: Location) -> Finding | None:
        """The finding for a hit, or None when its code is switched off."""
        return self._make.finding(hit, location)

    # ------------------------------------------------------------------ one resource
    def check_record(self, raw: RawRecord, file: str) -> RecordOutcome:
        """Validate one resource record (pure: same record, same outcome)."""
        return self.check_read(
            ReadRecord(raw, self.coercer.resource(raw.data, frozenset(), raw.repeated)), file
        )

    def check_read(self, read: ReadRecord, file: str) -> RecordOutcome:
        """Validate one resource already read (see :func:`govcatalog.records.iter_records`)."""
        if self.on_record is not None:
            self.on_record(read)
        raw, coerced = read.raw, read.coerced
        if coerced is None:
            hit = not_an_object(raw.data)
            return RecordOutcome(list(self._make.emit([hit], raw, None, file, None)), None, 0)
        rec = coerced.record
        code = rec.get("code")
        resource = code if isinstance(code, str) else None
        prov = rec.get("provider")
        provider = prov if isinstance(prov, str) else None
        hits = list(coerced.hits)
        hits.extend(self.rules.run(rec, self.context))
        findings: list[Finding] = []
        absent: tuple[tuple[str, Finding], ...] = ()
        if hits and (self._absent_once or raw.sheet is not None):
            sheet = raw.sheet is not None
            missing = [h for h in hits if self._absent(h, sheet)]
            if missing:
                hits = [h for h in hits if not self._absent(h, sheet)]
                absent = tuple(
                    (element_pointer(h.pointer), f)
                    for h in missing
                    for f in self._make.emit([h], raw, coerced, file, resource, provider=provider)
                )
        if hits:
            findings = list(self._make.emit(hits, raw, coerced, file, resource, provider=provider))
        codes = rec.get("related_codes")
        original = coerced.original
        related = (
            tuple((c, original(f"/related_codes/{i}")) for i, c in enumerate(codes))
            if codes
            else ()
        )
        renamed = bool(coerced.renames)  # else every pointer is as written
        summary = ResourceSummary(
            index=raw.index,
            pointer=raw.pointer,
            code=resource,
            name=rec.get("name"),
            provider=prov,
            related=related,
            code_pointer=original("/code") if renamed else "/code",
            name_pointer=original("/name") if renamed else "/name",
            locator=raw.locator,
            sheet=raw.sheet,
            cells=raw.cells,
        )
        return RecordOutcome(findings, summary, len(rec.get("items") or ()), absent)

    def check_partition(self, records: Sequence[RawRecord], file: str) -> PartitionOutcome:
        """Validate a partition of resources."""
        reads = iter_records(records, self.pack, coercer=self.coercer)
        return self.check_reads(reads, len(records), file)

    def check_reads(
        self, reads: Iterable[ReadRecord], count: int | None, file: str
    ) -> PartitionOutcome:
        """Validate a partition of ``count`` resources already read (None: as many as
        ``reads`` gives)."""
        findings: list[Finding] = []
        summaries: list[ResourceSummary] = []
        absent: list[tuple[str, Finding]] = []
        items = seen = 0
        for read in reads:
            seen += 1
            out = self.check_read(read, file)
            findings.extend(out.findings)
            absent.extend(out.absent)
            if out.summary is not None:
                summaries.append(out.summary)
            items += out.items
        return PartitionOutcome(
            findings, summaries, seen if count is None else count, items, absent
        )

    def absent_elements(
        self,
        absent: list[tuple[str, Finding]],
        resources: int,
        file: str,
        sheets: Sequence[SheetReading] = (),
    ) -> list[Finding]:
        """One finding per required element no resource of the file gives, the rest as is.

        Under a pack that reports what an export lacks once (``absent_elements =
        "per-file"``), that finding is a GC-S009: where no resource gives the element, or
        where a sheet has no column for it (the resources that give it then had it from
        another element). On a workbook, where no sheet has the
        element's column, it is a GC-S012 at the headings; a column that is there but empty
        keeps a finding per cell. The one finding is never more serious than those it stands
        for (after the caller's severity overrides), unless the caller sets its own code's.

        Args:
            absent: (canonical pointer, GC-F001 finding) of every resource.
            resources: How many resources the file has.
            file: The file's name.
            sheets: How the sheets of a workbook were read (none for other documents).
        """
        once = said_once(self.pack, self._absent_once, absent, resources, sheets)
        out = [f for p, f in absent if p not in once]
        where = headings(file, sheets)
        gathered = gathered_severity(absent)
        for pointer, hit in once.items():
            f = self.finding(hit, where if hit.code == "GC-S012" else Location(file))
            if f is not None and hit.code not in self.options.severity:
                # it stands for the findings it gathers: never more serious than they are made
                least = gathered[pointer]
                if least.rank < f.severity.rank:
                    f = replace(f, severity=least)
            if f is not None:
                out.append(f)
        return out

    def _absent(self, hit: Hit, sheet: bool) -> bool:
        """Whether a hit says an element of the resource is not given; on a sheet, an element
        of one of its data items too (a sheet may have no column for it)."""
        if hit.code not in self._absent_codes:
            return False
        return sheet or not any(p.isdigit() for p in hit.pointer.split("/"))

    def check_catalog(self, summaries: list[ResourceSummary], file: str) -> list[Finding]:
        """Run the catalog-wide rules over all summaries."""
        found = (self.catalog_finding(ch, file) for ch in check_catalog(summaries))
        return [f for f in found if f is not None]

    def catalog_finding(self, hit: CatalogHit, file: str) -> Finding | None:
        """The finding of a catalog-wide rule's hit in ``file``, or None when switched off."""
        return self.finding(
            Hit(hit.code, hit.pointer, hit.params, hit.value),
            hit.summary.location(hit.pointer, file),
        )

    def check_info(self, doc: SourceDocument) -> list[Finding]:
        """Validate the catalog facts and the document's shape."""
        findings: list[Finding] = []
        for p in doc.problems:
            hit = document_problem(p)
            f = self.finding(
                hit, Location(doc.name, None, p.pointer, p.line, p.column, p.sheet, p.cell)
            )
            if f is not None:
                findings.append(f)
        if doc.info is not None:
            coerced = self.coercer.catalog_info(doc.info.data, doc.info.repeated)
            if coerced is None:
                hits = [facts_not_an_object()]
                findings.extend(self._make.emit(hits, doc.info, None, doc.name, None))
            else:
                hits = [*coerced.hits, *check_catalog_facts(coerced.record, self.pack)]
                findings.extend(self._make.emit(hits, doc.info, coerced, doc.name, None))
                again = labels_given_again(doc.info, doc.info_replaced, self.pack)
                findings.extend(self._make.emit(again, doc.info, None, doc.name, None))
                replaced = doc.info_replaced
                for hit, raw in dates_given_twice(doc.info, replaced, self.pack, self.coercer):
                    findings.extend(self._make.emit((hit,), raw, None, doc.name, None))
        return findings

    # ------------------------------------------------------------------ documents
    def validate_document(
        self,
        doc: SourceDocument,
        executor: Executor | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Report:
        """Validate a whole document; with ``executor``, partitions run on it.

        Args:
            doc: The document.
            executor: Runs partitions (e.g. a ProcessPoolExecutor); None runs them here.
            progress: Called with the number of resources done after each partition.
        """
        started = time.perf_counter()
        local = self.validate_local(doc, executor, progress)
        findings = [*local.findings, *self.check_catalog(local.summaries, doc.name)]
        stats = replace(local.stats, seconds=time.perf_counter() - started)
        return Report.of(findings, stats, self.pack.ref).with_limit(self.options.max_findings)

    def validate_local(
        self,
        doc: SourceDocument,
        executor: Executor | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> LocalOutcome:
        """Everything :meth:`validate_document` does but the catalog-wide rules, whose
        summaries are returned (to run them over several files, see :mod:`govcatalog.batch`).

        The cyclic garbage collector is paused meanwhile (:mod:`govcatalog._collector`)."""
        with collector_paused():
            return self._local(doc, executor, progress)

    def _local(
        self,
        doc: SourceDocument,
        executor: Executor | None,
        progress: Callable[[int], None] | None,
    ) -> LocalOutcome:
        started = time.perf_counter()
        findings: list[Finding] = []
        summaries: list[ResourceSummary] = []
        resources = items = 0
        if executor is not None and self.on_record is not None:
            raise ValueError("a validator with an on_record hook runs its partitions itself")
        outcomes = self._outcomes(doc, executor)
        limit = self.options.max_findings
        stopped = False
        absent: list[tuple[str, Finding]] = []
        for out in outcomes:
            findings.extend(out.findings)
            absent.extend(out.absent)
            summaries.extend(out.summaries)
            resources += out.resources
            items += out.items
            if progress is not None:
                progress(resources)
            if limit is not None and len(findings) >= limit:
                # Enough to show: stop reading; the report says it was cut.
                stopped = True
                break
        if absent:
            findings.extend(self.absent_elements(absent, resources, doc.name, doc.sheets))
        findings.extend(self.check_info(doc))
        if resources == 0 and all(p.code in SAID_TWICE for p in doc.problems):
            f = self.finding(empty_catalog(), Location(doc.name, None, "", 1, 1))
            if f is not None:
                findings.append(f)
        seconds = time.perf_counter() - started
        stats = Stats(files=1, resources=resources, items=items, seconds=seconds, truncated=stopped)
        return LocalOutcome(findings, summaries, stats)

    def _outcomes(
        self, doc: SourceDocument, executor: Executor | None
    ) -> Iterator[PartitionOutcome]:
        """The outcome of each partition: read on the fast path where the document allows it,
        else here or on the executor."""
        size = self.options.partition_size
        fast = None if executor is not None else reads_of(doc, self.pack)
        if fast is not None:
            # each resource checked as it is read, and let go: the next reuses its memory
            return (self.check_reads(p, None, doc.name) for p in streamed(fast, size))
        if executor is None:
            return (self.check_partition(part, doc.name) for part in partitions(doc.records, size))
        task = PartitionTask(self.pack.ref, self.options, doc.name)
        return bounded_map(executor, task, (detach(p) for p in partitions(doc.records, size)))

    def unreadable(self, error: LoadError) -> Report:
        """A report for input that could not be read at all (GC-S001)."""
        return unreadable_report(self.pack, error)
