"""Elements a file's resources do not give, said once for the file where that is the truth.

A required element a resource lacks is a finding of that resource (GC-F001). Where the file
itself is the reason — a portal's export never publishes the element (GC-S009), a workbook
has no column for it (GC-S012), for a resource's element or for one of its data items' — the
file's findings say it once instead, and the findings it stands for are left out
(:meth:`~govcatalog.validate.validator.Validator.absent_elements`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from govcatalog.io.records import SheetReading
from govcatalog.io.xlsx_parse import column_index
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.pack import Pack
from govcatalog.records.hits import Hit
from govcatalog.report import Finding, Location, Severity
from govcatalog.rules.document import element_without_column


def said_once(
    pack: Pack,
    per_file: bool,
    absent: list[tuple[str, Finding]],
    resources: int,
    sheets: Sequence[SheetReading],
) -> dict[str, Hit]:
    """The finding that stands for all those of an element the file lacks, by the element's
    pointer: GC-S009 under a pack that reports what an export lacks once (``per_file``), where
    no resource gives it or a sheet has no column for it; GC-S012 where no sheet of a workbook
    has its column, a data item's element included. None for an element some resources lack
    while the file has room for it: each of those keeps its own finding.

    Args:
        pack: The pack the file is judged under.
        per_file: Whether the pack reports what an export lacks once (GC-S009).
        absent: (element pointer, finding) of every element a resource (or data item) lacks.
        resources: How many resources the file has.
        sheets: How the sheets of a workbook were read (none for other documents).
    """
    counts = Counter(pointer for pointer, _ in absent)
    once: dict[str, Hit] = {}
    for pointer, count in sorted(counts.items()):
        spec = pack.fields.get(".".join(pointer.strip("/").split("/")))
        if spec.parent and pack.fields.get(spec.parent).kind is FieldKind.GROUPS:
            # an element of the data items: said once only where no sheet has its column
            if (hit := element_without_column(spec, count, sheets, items=True)) is not None:
                once[pointer] = hit
        elif per_file:
            # none gives it, or a sheet has no column for it (those that give it had it
            # from another element: 接口 as a 数据格式 gives its 信息资源格式分类)
            lacks = count >= resources or element_without_column(spec, count, sheets)
            if lacks and resources >= 2:
                params = {"element_zh": spec.zh, "element_en": spec.en, "count": count}
                once[pointer] = Hit("GC-S009", pointer, params)
        elif (hit := element_without_column(spec, count, sheets)) is not None:
            once[pointer] = hit
    return once


_ABSENT_CODES = frozenset({"GC-F001", "GC-R006"})
"""Findings that say an element is missing (GC-R006: the data items of a structured format)."""


def absent_codes(pack: Pack) -> frozenset[str]:
    """The codes that say an element is not given: GC-F001, GC-R006, and the error codes of
    the pack's declared rules that only require elements (《政务数据共享条例》's GC-L001 …)."""
    book = pack.codebook
    declared = {
        r.code
        for r in pack.declared_rules
        if r.require and r.pattern is None and book[r.code].severity is Severity.ERROR
    }
    return _ABSENT_CODES | declared


def element_pointer(pointer: str) -> str:
    """The pointer of the element a finding of one resource is about: a data item's element
    without the item's index (``/items/3/data_type`` → ``/items/data_type``)."""
    return "/".join(p for p in pointer.split("/") if not p.isdigit())


def gathered_severity(absent: list[tuple[str, Finding]]) -> dict[str, Severity]:
    """The most serious severity of the findings of each pointer."""
    found: dict[str, Severity] = {}
    for pointer, f in absent:
        have = found.get(pointer)
        if have is None or f.severity.rank > have.rank:
            found[pointer] = f.severity
    return found


def headings(file: str, sheets: Sequence[SheetReading]) -> Location:
    """The first heading of the first sheet read as data: where a missing column is said."""
    if not sheets or not sheets[0].columns:
        return Location(file)
    first = sheets[0]
    letters = first.columns[0][0]
    # the row and column as a sheet's findings give them: the report lists it with the headings
    return Location(
        file,
        line=first.heading_row,
        column=column_index(letters),
        sheet=first.sheet,
        cell=f"{letters}{first.heading_row}",
    )
