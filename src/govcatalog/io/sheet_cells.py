"""Where a value read from a sheet is: the cell of each pointer of a record, a value not given
located beside the values of its group."""

from __future__ import annotations

from dataclasses import dataclass

from govcatalog.io.xlsx_parse import split_ref


@dataclass(frozen=True, slots=True)
class SheetLocator:
    """Finds row and column of a record's values from its cells (pointer → A1).

    A cell on another sheet than the record's is written with its sheet (``信息项!C5``).
    """

    cells: dict[str, str]

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Row and column of the cell of ``pointer`` (see :func:`cell_of`)."""
        ref = cell_of(self.cells, pointer)
        return split_ref(ref.rpartition("!")[2]) if ref else (None, None)


def cell_of(cells: dict[str, str], pointer: str) -> str | None:
    """The cell of ``pointer``; for a value not given, the cell of a value beside it in its
    group (a missing 开放条件 at the 是否向社会开放 that asks for it, a data item's missing 数据类型
    at its name), else of its nearest located parent."""
    probe = pointer
    while probe and probe not in cells:
        parent = probe.rpartition("/")[0]
        if parent:
            inside = parent + "/"
            sibling = next((k for k in cells if k.startswith(inside)), None)
            if sibling is not None:
                return cells[sibling]
        probe = parent
    return cells.get(probe)


def sheet_cell(
    sheet: str | None, cells: dict[str, str] | None, pointer: str
) -> tuple[str | None, str | None]:
    """The sheet and cell of ``pointer`` in a resource read from ``sheet`` (:func:`cell_of`);
    a value read from another sheet is on that one (``信息项!C5``)."""
    cell = None if cells is None else cell_of(cells, pointer)
    if cell is not None and "!" in cell:
        sheet, _, cell = cell.rpartition("!")
    return sheet, cell
