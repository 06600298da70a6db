"""Reading catalogs from compilation workbooks (.xlsx) and CSV files.

The layout (heading rows, column → field) is found from the pack's template profile
and field table (:mod:`govcatalog.io.sheet_layout`); rows become one record per
resource with the sheet and cell of every value (:mod:`govcatalog.io.sheet_rows`).
Catalog facts are read from the profile's info sheet (元素 | 值), when present.
Columns that hold no element are kept as extension fields and reported once each.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from govcatalog.io.csv_text import csv_rows, decode_csv
from govcatalog.io.form_lines import disagreeing, footer_date
from govcatalog.io.form_unit import ELEMENTS, UnitGiven, footer_unit, header_unit
from govcatalog.io.item_sheets import ItemTable, is_resource_layout, item_layout
from govcatalog.io.json_reader import read_bytes
from govcatalog.io.legacy_workbook import SheetSource, open_any_workbook
from govcatalog.io.records import (
    DocumentProblem,
    RawRecord,
    SheetReading,
    SourceDocument,
    pointer_token,
)
from govcatalog.io.sheet_cells import SheetLocator
from govcatalog.io.sheet_form import FormRecords, unknown_heading
from govcatalog.io.sheet_layout import SCAN_ROWS, HeadingMatcher, SheetLayout
from govcatalog.io.sheet_rows import SheetRecords
from govcatalog.io.sheet_said import (
    EMPTY_TEMPLATE,
    hidden_rows,
    hidden_sheet,
    no_headings,
    skipped_sheet,
    without_headings,
)
from govcatalog.io.sheet_start import sheet_start
from govcatalog.io.tail_notes import with_notes
from govcatalog.io.xlsx_parse import (
    Limits,
    MergedRange,
    Value,
    column_letter,
)
from govcatalog.io.xlsx_tail import TailWindow
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.packs.templates import TemplateProfile

ANNOTATION_SHEET = "校验结果"
"""Name of the summary sheet an annotated workbook carries (never read as catalog data)."""

Rows = Iterator[tuple[int, dict[int, Value]]]
TailRows = Iterable[tuple[int, dict[int, Value]]]
"""A sheet's last rows with a value (the footer's)."""


def _unknown_problems(sheet: str, layout: SheetLayout, pack: Pack) -> list[DocumentProblem]:
    row = layout.heading_row
    return [
        unknown_heading(pack, sheet, col.heading, row, col.index)
        for col in layout.columns
        if col.field is None
    ]


def _sheet_records(
    sheet: str,
    rows: Rows,
    merges: list[MergedRange],
    *,
    last_rows: TailRows | Callable[[], TailRows],
    matcher: HeadingMatcher,
    profile: TemplateProfile,
    doc: SourceDocument,
    first_index: int,
) -> tuple[SheetRecords, Rows] | DocumentProblem:
    """The builder of a sheet's records and its rows (those read already put back), or why a
    sheet without headings or forms is skipped. ``last_rows`` gives the sheet's last rows,
    where a form may say in its footer when it was filled in: the sheet's date when there is
    none above its headings, else a date to compare with that one."""
    layout, form, head, explains = sheet_start(list(islice(rows, SCAN_ROWS)), rows, merges, matcher)
    if layout is None:
        return without_headings(sheet, explains)
    last = last_rows() if callable(last_rows) else last_rows
    footer = footer_date(last, layout.first_data_row - 1)
    if layout.form_date is None:
        layout, footer = replace(layout, form_date=footer), None
    unit = None
    if not form:  # a registration form's lines are its own
        above = header_unit(dict(head), layout.group_row or layout.heading_row)
        unit = above or footer_unit(last, layout.first_data_row - 1)
    doc.sheets.append(
        SheetReading(
            sheet,
            layout.heading_row,
            layout.group_row,
            layout.first_data_row,
            tuple(
                (column_letter(c.index), c.heading, c.field.id if c.field else None)
                for c in layout.columns
            ),
            layout.form_date,
            footer_date=footer,
            unit=unit,
        )
    )
    builder = (
        FormRecords(sheet, layout, matcher, doc, first_index=first_index)
        if form
        else SheetRecords(sheet, layout, merges, profile.resource_key, doc.problems)
    )
    builder.index = first_index
    return builder, chain(head, rows)


def _unit_given(
    doc: SourceDocument, sheet: str, layout: SheetLayout, pack: Pack
) -> UnitGiven | None:
    """What gives the resources of ``sheet`` the unit its form names, if it names one."""
    unit = next((r.unit for r in doc.sheets if r.sheet == sheet), None)
    if unit is None:
        return None
    names = {e: (pack.fields.get(e).zh, pack.fields.get(e).en) for e in ELEMENTS}
    return UnitGiven(sheet, unit, layout, names)


def _say_unit(doc: SourceDocument, given: UnitGiven | None) -> None:
    """GC-S017 for a sheet whose resources took the unit its form names."""
    said = given.said() if given is not None else None
    if said is not None:
        doc.problems.append(said)


def _info_records(sheet: str, rows: Rows, pack: Pack) -> tuple[RawRecord | None, list[RawRecord]]:
    """The catalog facts of the info sheet (元素 | 值), and each row whose label a later row
    gives again as a record of its own: the facts hold a label's last row, in the place of
    that row (so that the later of two labels of one element is the later row)."""
    keys = pack.fields.key_map("catalog")
    data: dict[str, object] = {}
    cells: dict[str, str] = {}
    replaced: list[RawRecord] = []
    for rownum, values in rows:
        label, value = values.get(1), values.get(2)
        if not isinstance(label, str) or fold_key(label) not in keys:
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        pointer = "/" + pointer_token(label)
        if label in data:
            earlier = {pointer: cells[pointer]}
            replaced.append(
                RawRecord(
                    -1, "/catalog", {label: data.pop(label)}, SheetLocator(earlier), sheet, earlier
                )
            )
        data[label] = (
            value.date().isoformat()
            if hasattr(value, "date") and not isinstance(value, str)
            else value
        )
        cells[pointer] = f"B{rownum}"
    if not data:
        return None, []
    return RawRecord(-1, "/catalog", data, SheetLocator(cells), sheet, cells), replaced


def _resolve(pack: Pack | None, profile: str | None) -> tuple[Pack, TemplateProfile]:
    the_pack = pack or get_pack(DEFAULT_PACK)
    return the_pack, the_pack.template(profile)


def read_xlsx(
    path: Path | bytes,
    name: str | None = None,
    pack: Pack | None = None,
    *,
    profile: str | None = None,
    limits: Limits | None = None,
) -> SourceDocument:
    """Read a catalog from an .xlsx workbook.

    Every sheet is read but the info, instructions and annotation sheets and hidden helper
    sheets (``_值域``): a workbook may hold one sheet per department beside the template's
    own, and a sheet without catalog data is skipped and said (GC-S010). A sheet the
    workbook hides is read like a visible one, and its resources (an item sheet's 信息项) are
    said (GC-S013). Records are produced lazily; the workbook stays open until they are
    exhausted.

    Args:
        path: The workbook (or its bytes).
        name: The name to report (default: the path).
        pack: The pack whose profile and field table map the headings (default: national).
        profile: The template profile (default: the pack's ``national``).
        limits: Bounds on the untrusted workbook.

    Raises:
        LoadError: When the workbook is unreadable, encrypted or over its bounds.
    """
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    the_pack, prof = _resolve(pack, profile)
    wb = open_any_workbook(path if isinstance(path, bytes) else str(path), label, limits)
    doc = SourceDocument(label, None, iter(()))
    try:
        if prof.info_sheet in wb.sheets:
            rows = wb.iter_rows(prof.info_sheet)
            doc.info, doc.info_replaced = _info_records(prof.info_sheet, rows, the_pack)
        aux = {prof.info_sheet, prof.instructions_sheet, ANNOTATION_SHEET}
        sheets = [s for s in wb.sheets if s not in aux and not s.startswith("_")]
    except BaseException:
        wb.close()
        raise
    records = _xlsx_records(wb, sheets, the_pack, prof, doc)

    def release() -> None:  # the sheets' streams as well as the workbook
        records.close()
        wb.close()

    doc.records, doc.release = records, release
    return doc


def _xlsx_records(
    wb: SheetSource, sheets: list[str], pack: Pack, profile: TemplateProfile, doc: SourceDocument
) -> Generator[RawRecord]:
    matcher = HeadingMatcher(pack, profile)
    index = 0
    found = False
    skipped: list[DocumentProblem] = []
    with wb:
        opened: dict[str, tuple[SheetRecords, Rows] | DocumentProblem] = {}
        for sheet in sheets:
            tail = wb.tail(sheet)
            opened[sheet] = _sheet_records(
                sheet,
                wb.iter_rows(sheet),
                tail.merges,
                last_rows=tail.rows,
                matcher=matcher,
                profile=profile,
                doc=doc,
                first_index=0,
            )
        doc.problems.extend(disagreeing(doc.sheets))  # GC-S014: its dates under two regimes
        items = _item_sheets(wb, opened, pack, profile, doc)
        for sheet in sheets:
            if sheet in items.sheets:
                continue
            start = opened[sheet]
            if isinstance(start, DocumentProblem):
                skipped.append(start)
                continue
            builder, rows = start
            builder.index = index
            builder.hidden = wb.hidden_rows(sheet)
            unknown = _unknown_problems(sheet, builder.layout, pack)
            given = _unit_given(doc, sheet, builder.layout, pack)
            for record in given.records(builder.records(rows)) if given else builder.records(rows):
                if unknown:  # said once, and only for a sheet that holds data
                    doc.problems.extend(unknown)
                    unknown = []
                found = True
                yield items.table.attach(record)
            with_notes(doc, sheet, builder.notes, read=builder.index - index)
            _say_unit(doc, given)
            if builder.hidden_read:
                first = builder.layout.columns[0].index
                doc.problems.append(hidden_rows(sheet, builder.hidden_read, first))
            if sheet in wb.hidden and builder.index > index:
                doc.problems.append(hidden_sheet(sheet, builder.index - index))
            if builder.index == index:
                doc.sheets[:] = [r for r in doc.sheets if r.sheet != sheet]
                skipped.append(skipped_sheet(sheet, *EMPTY_TEMPLATE))
            index = builder.index
    if not found:
        doc.problems.append(no_headings(sheets[0] if len(sheets) == 1 else None))
    else:
        doc.problems.extend(items.table.orphans())
        for sheet in sorted(items.sheets & wb.hidden, key=sheets.index):
            if joined := items.table.joined(sheet):
                doc.problems.append(hidden_sheet(sheet, joined, items=True))
        doc.problems.extend(skipped)


@dataclass
class _ItemSheets:
    """The item sheets of a workbook (read already) and the 信息项 they give."""

    sheets: set[str] = field(default_factory=set)
    table: ItemTable = field(default_factory=ItemTable)


def _item_sheets(
    wb: SheetSource,
    opened: dict[str, tuple[SheetRecords, Rows] | DocumentProblem],
    pack: Pack,
    profile: TemplateProfile,
    doc: SourceDocument,
) -> _ItemSheets:
    """Read the sheets that hold only 信息项 of resources listed on another sheet."""
    out = _ItemSheets(table=ItemTable(pack.code_rules))
    matcher = HeadingMatcher(pack, profile)
    layouts = {s: o[0].layout for s, o in opened.items() if isinstance(o, tuple)}
    if not any(is_resource_layout(layout) for layout in layouts.values()):
        return out
    for sheet, layout in layouts.items():
        as_items = item_layout(layout, matcher)
        if as_items is None:
            continue
        _, rows = opened[sheet]  # type: ignore[misc]
        merges = wb.merged_ranges(sheet)
        builder = SheetRecords(sheet, as_items, merges, profile.resource_key, doc.problems)
        out.sheets.add(sheet)
        for record in builder.records(out.table.read_codes(rows, as_items)):
            out.table.add(record)
        with_notes(doc, sheet, builder.notes, read=builder.index, items=True)
        moved = {c.index for c in layout.columns if c.field is not None}
        for problem in _unknown_problems(sheet, as_items, pack):
            if problem.column in moved:  # a resource element's heading, on a row of one 信息项
                problem = replace(  # noqa: PLW2901
                    problem,
                    detail_zh="（在信息项表中属于每个信息项；本标准的信息项没有此元素）",
                    detail_en=" (on the item sheet it belongs to each data item; the "
                    "standard's data items have no such element)",
                )
            doc.problems.append(problem)
    return out


def read_csv(
    path: Path | bytes,
    name: str | None = None,
    pack: Pack | None = None,
    *,
    profile: str | None = None,
    max_bytes: int = 512 * 1024**2,
) -> SourceDocument:
    """Read a catalog from a CSV file (or its bytes) laid out like the workbook (UTF-8 or GB18030).

    Cells are located as on a sheet named after the file (A1 references).

    Raises:
        LoadError: When the file is unreadable or too large.
    """
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    the_pack, prof = _resolve(pack, profile)
    text = decode_csv(read_bytes(path, label, max_bytes), label)
    sheet = Path(label).stem if isinstance(path, bytes) else path.stem
    doc = SourceDocument(label, None, iter(()))
    doc.records = _csv_records(text, sheet, the_pack, prof, doc)
    return doc


def _last_rows(rows: Rows) -> list[tuple[int, dict[int, Value]]]:
    """The last rows of a CSV file with a value, as a workbook's are kept."""
    window: TailWindow[dict[int, Value]] = TailWindow()
    for n, values in rows:
        window.push(n, values, len(values))
    return [(n, values) for n, values, _ in window.rows]


def _csv_records(
    text: str, sheet: str, pack: Pack, profile: TemplateProfile, doc: SourceDocument
) -> Iterator[RawRecord]:
    opened = _sheet_records(
        sheet,
        csv_rows(text, doc.name),
        [],
        last_rows=lambda: _last_rows(csv_rows(text, doc.name)),
        matcher=HeadingMatcher(pack, profile),
        profile=profile,
        doc=doc,
        first_index=0,
    )
    if isinstance(opened, DocumentProblem):
        doc.problems.append(no_headings(None))
        return
    builder, rows = opened
    doc.problems.extend(disagreeing(doc.sheets))
    doc.problems.extend(_unknown_problems(sheet, builder.layout, pack))
    given = _unit_given(doc, sheet, builder.layout, pack)
    yield from given.records(builder.records(rows)) if given else builder.records(rows)
    with_notes(doc, sheet, builder.notes, read=builder.index)
    _say_unit(doc, given)
