"""What readers produce: raw resource records with a way back to their position."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol, runtime_checkable

from govcatalog._dates import FormDay
from govcatalog._quick_init import quick_init


class Locator(Protocol):
    """Finds the position of a value inside one record's source text."""

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the deepest existing value on ``pointer``.

        ``pointer`` is a JSON pointer relative to the record, using the keys as
        written in the input.
        """
        ...


@runtime_checkable
class ManyLocator(Locator, Protocol):
    """A locator that finds many pointers of its record at once, reading the record once
    for all (where one at a time each is searched for from the record's start)."""

    def locate_many(self, pointers: Sequence[str]) -> list[tuple[int | None, int | None]]:
        """:meth:`~Locator.locate` of each pointer, in order."""
        ...


FEW_POINTERS: Final = 8
"""Up to this many pointers of one record are located one at a time: searching from the
record's start for each costs less than reading the whole record once."""


def locate_all(locator: Locator, pointers: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Line and column of each pointer (relative to the record), in order: at once where the
    locator can and there are more than :data:`FEW_POINTERS`, so that a record with thousands
    of findings is not searched thousands of times."""
    if len(pointers) <= FEW_POINTERS or not isinstance(locator, ManyLocator):
        return [locator.locate(pointer) for pointer in pointers]
    return locator.locate_many(pointers)


def pointer_token(key: object) -> str:
    """``key`` as one token of a JSON pointer (RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``)."""
    return str(key).replace("~", "~0").replace("/", "~1")


def pointer_to(keys: tuple[str, ...] | list[str]) -> str:
    """The JSON pointer of the value reached by ``keys`` (``""`` for none)."""
    return "".join("/" + pointer_token(k) for k in keys)


@dataclass(frozen=True, slots=True)
class Position:
    """A fixed position (for records whose parts cannot be located more precisely)."""

    line: int | None = None
    column: int | None = None

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Always the record's own position."""
        return self.line, self.column


@quick_init
@dataclass(frozen=True, slots=True)
class RawRecord:
    """One resource (or the catalog facts) as read, before any interpretation.

    Attributes:
        index: Position in the document's list of resources (-1 for catalog facts).
        pointer: JSON pointer of the record in the input, e.g. ``/resources/12``.
        data: The parsed value (normally a mapping).
        locator: Finds line/column of parts of the record, when the format allows.
        sheet: For spreadsheet input, the worksheet.
        cells: For spreadsheet input, relative pointer → A1 cell of each value.
        repeated: Pointers (relative, as written) of the keys an object of the record gives
            more than once: ``data`` holds the last value of each, as a JSON decoder does.
    """

    index: int
    pointer: str
    data: object
    locator: Locator = field(default_factory=Position)
    sheet: str | None = None
    cells: dict[str, str] | None = None
    repeated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentProblem:
    """A problem with the document as a whole: wrong shape (GC-S002) by default.

    Readers of spreadsheets also report unknown columns (GC-S004, ``value`` = the
    heading) and cells that contradict each other (GC-S008) this way, with the cell.
    ``params`` are the parameters of the code's message besides ``detail_zh`` and
    ``detail_en`` (a hidden sheet's count and what it counts, GC-S013; the dates a workbook
    gives under two regimes, GC-S014).
    """

    pointer: str
    detail_zh: str
    detail_en: str
    line: int | None = None
    column: int | None = None
    code: str = "GC-S002"
    sheet: str | None = None
    cell: str | None = None
    value: str | None = None
    params: Mapping[str, object] | None = None


@dataclass(slots=True)
class SourceDocument:
    """A catalog document being read: catalog facts, resources (lazily) and shape problems.

    Attributes:
        name: The file name as given by the caller.
        info: The catalog facts record, if the document has one.
        records: The resource records, produced lazily in document order.
        problems: Problems with the document's shape.
    """

    name: str
    info: RawRecord | None
    records: Iterator[RawRecord]
    problems: list[DocumentProblem] = field(default_factory=list)
    sheets: list[SheetReading] = field(default_factory=list)
    """How each sheet read as catalog data was laid out (spreadsheets only)."""
    release: Callable[[], None] | None = field(default=None, repr=False)
    """Lets go of what the reader holds open (a workbook): see :meth:`close`."""
    info_replaced: list[RawRecord] = field(default_factory=list)
    """Rows of catalog facts whose label a later row gives again (a 目录信息 sheet labelling two
    rows 发布日期), each a record of its own (its label and value, and its cell): ``info``
    holds each label's last row, as a JSON object holds a repeated key's last value."""

    def close(self) -> None:
        """Let go of what the reader holds open, for a document dropped before its records
        are read to the end (they close it themselves when they are)."""
        if self.release is not None:
            self.release()


@dataclass(frozen=True, slots=True)
class FormDate:
    """When a compilation form says it was filled in (填报日期), and where it says so.

    Attributes:
        day: The day, or a month written without its day.
        cell: The cell holding the date (A1), on the sheet it was read from.
    """

    day: FormDay
    cell: str


@dataclass(frozen=True, slots=True)
class UnitLine:
    """A value a form's line gives its unit (a name, a code), where and under which label.

    Attributes:
        value: The name or code, as written (a seal note such as （盖章） left out).
        cell: The cell holding it (A1), on the sheet it was read from.
        label: The line's label (填报单位, 统一社会信用代码 …).
    """

    value: str
    cell: str
    label: str


@dataclass(frozen=True, slots=True)
class FormUnit:
    """The unit a compilation form names once, above its headings or in its footer
    (填报单位：…, 统一社会信用代码：…): its name and code, either may be missing."""

    name: UnitLine | None
    code: UnitLine | None
    footer: bool = False


@dataclass(frozen=True, slots=True)
class SheetReading:
    """How a reader understood one sheet: its heading band and each column's field.

    Attributes:
        sheet: The sheet's name.
        heading_row: The row of the (second-level) headings.
        group_row: The row of first-level headings, if any.
        first_data_row: The first row read as data (below keys, notes and instructions).
        columns: (A1 column letters, heading as written, field id or None) of each column.
        form_date: When the form says, above its headings or else in its footer, it was
            filled in (填报日期), and in which cell.
        footer_date: When its footer says so as well, beside a date above the headings
            (which is the sheet's ``form_date``): compared with it, never deciding.
    """

    sheet: str
    heading_row: int
    group_row: int | None
    first_data_row: int
    columns: tuple[tuple[str, str, str | None], ...]
    form_date: FormDate | None = None
    form: bool = False
    """The sheet is one resource's registration form: names beside values, no headings."""
    footer_date: FormDate | None = None
    notes: tuple[int, int] | None = None
    """The first and last row of the notes and sign-off lines that end the table (本表一式两份。,
    单位（盖章）), not read as resources (:mod:`.tail_notes`)."""
    items: bool = False
    """The sheet holds 信息项 of resources listed on another sheet (an item sheet)."""
    unit: FormUnit | None = None
    """The unit the form names above its headings, else in its footer (填报单位：…): the
    provider of its resources that name none (:mod:`.form_unit`)."""
