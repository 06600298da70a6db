"""How a sheet starts: the headings of a table, or registration forms, or neither.

The first rows of a sheet (:data:`~govcatalog.io.sheet_layout.SCAN_ROWS` rows with a value)
hold a table's headings, under a title and notes, or the first names of a form (a resource's
信息资源登记表, :mod:`.sheet_form`). A sheet with no headings there is read on, down to row
:data:`~govcatalog.io.sheet_layout.START_ROWS`, for a table's heading row or a form that begins
lower, below a title block, instructions and a department's header of many rows; the rows of a
sheet with headings in its first rows are not read further.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from govcatalog.io.form_notes import explains_elements
from govcatalog.io.form_pairs import Row, heads_table, is_form, read_on
from govcatalog.io.sheet_form import form_layout
from govcatalog.io.sheet_layout import (
    SCAN_ROWS,
    START_ROWS,
    HeadingMatcher,
    SheetLayout,
    find_layout,
)
from govcatalog.io.xlsx_parse import MergedRange


def _near(merges: list[MergedRange], last: int) -> list[tuple[int, int, int, int]]:
    """The merged ranges that start on or above row ``last`` + 1, as bounds."""
    return [(m.min_row, m.min_col, m.max_row, m.max_col) for m in merges if m.min_row <= last + 1]


class SheetStart(NamedTuple):
    """How a sheet starts: its layout (None for no headings and no form), whether it is a
    sheet of forms, the rows read to tell, and whether those rows explain the elements rather
    than give them values (instructions, :mod:`.form_notes`)."""

    layout: SheetLayout | None
    form: bool
    head: list[Row]
    instructions: bool = False


def _read_to(head: list[Row], rows: Iterator[Row], last: int) -> None:
    """Read ``rows`` on into ``head`` down to row ``last``."""
    if head and head[-1][0] >= last:
        return
    for r, values in rows:
        head.append((r, values))
        if r >= last:
            return


def _with_room(
    found: SheetLayout | None,
    head: list[Row],
    rows: Iterator[Row],
    merges: list[MergedRange],
    matcher: HeadingMatcher,
    room: int,
    last: int | None = None,
) -> SheetLayout | None:
    """The layout ``found`` in ``head``, looked for again once the ``room`` rows below its
    heading row are read too (a row of sub-headings, the band's rows), if they were not: a
    heading row on or above row ``last``, if given."""
    if found is None or head[-1][0] >= found.heading_row + room:
        return found
    _read_to(head, rows, found.heading_row + room)
    return find_layout(dict(head), _near(merges, head[-1][0]), matcher, last)


def sheet_start(
    head: list[Row],
    rows: Iterator[Row],
    merges: list[MergedRange],
    matcher: HeadingMatcher,
) -> SheetStart:
    """How a sheet starts, from its first rows (``head``), read on from ``rows`` when they hold
    no headings, for a table's heading row or a form may begin lower
    (:func:`~govcatalog.io.form_pairs.read_on`)."""
    layout = find_layout(dict(head), _near(merges, SCAN_ROWS), matcher)
    layout = _with_room(layout, head, rows, merges, matcher, 1)  # its sub-headings may follow
    top = dict(head)
    form = is_form(top, layout, matcher)  # one resource's registration form (登记表)
    if layout is None:
        head = read_on(head, rows, matcher)
        near = _near(merges, head[-1][0] if head else 0)
        found = find_layout(dict(head), near, matcher, START_ROWS)
        layout = _with_room(found, head, rows, merges, matcher, SCAN_ROWS, START_ROWS)
        top = dict(head)
        # Notes above a table may name its elements, each with a text beside it, as a form
        # does: a table's headings below them say it is no form.
        form = is_form(top, layout, matcher) and not heads_table(layout)
    # Instructions name the elements with a text beside each, as a form does; they are no form
    # (a table below them is read).
    instructions = (form or layout is None) and explains_elements(top, matcher)
    if instructions:
        form = False
        layout = layout if heads_table(layout) else None
    if form:
        layout = form_layout(top, matcher, layout)
    return SheetStart(layout, form, head, instructions)
