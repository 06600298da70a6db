"""How a sheet starts: the headings of a table, or registration forms, or neither.

The first rows of a sheet (:data:`~govcatalog.io.sheet_layout.SCAN_ROWS` rows with a value)
hold a table's headings, under a title and notes, or the first names of a form (a resource's
信息资源登记表, :mod:`.sheet_form`). A sheet with no headings there is read on for a form that
begins lower, below a title, instructions and a department's header of many rows, down to row
:data:`~govcatalog.io.form_pairs.FORM_ROWS`; the rows of a table's sheet are not read further.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from govcatalog.io.form_pairs import Row, heads_table, is_form, read_on
from govcatalog.io.sheet_form import form_layout
from govcatalog.io.sheet_layout import SCAN_ROWS, HeadingMatcher, SheetLayout, find_layout
from govcatalog.io.xlsx_parse import MergedRange


def _near(merges: list[MergedRange], last: int) -> list[tuple[int, int, int, int]]:
    """The merged ranges that start on or above row ``last`` + 1, as bounds."""
    return [(m.min_row, m.min_col, m.max_row, m.max_col) for m in merges if m.min_row <= last + 1]


class SheetStart(NamedTuple):
    """How a sheet starts: its layout (None for no headings and no form), whether it is a
    sheet of forms, and the rows read to tell."""

    layout: SheetLayout | None
    form: bool
    head: list[Row]


def sheet_start(
    head: list[Row],
    rows: Iterator[Row],
    merges: list[MergedRange],
    matcher: HeadingMatcher,
) -> SheetStart:
    """How a sheet starts, from its first rows (``head``), read on from ``rows`` when they hold
    no headings, for a form may begin lower (:func:`~govcatalog.io.form_pairs.read_on`)."""
    top = dict(head)
    layout = find_layout(top, _near(merges, SCAN_ROWS), matcher)
    form = is_form(top, layout, matcher)  # one resource's registration form (登记表)
    if layout is None:
        head = read_on(head, rows, matcher)
        top = dict(head)
        lower = find_layout(top, _near(merges, max(top, default=0)), matcher)
        # Notes above a table may name its elements, each with a text beside it, as a form
        # does: a table's headings below them say it is no form.
        form = is_form(top, lower, matcher) and not heads_table(lower)
        layout = lower if form else None
    if form:
        layout = form_layout(top, matcher, layout)
    return SheetStart(layout, form, head)
