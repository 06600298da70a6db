"""An .xlsx test workbook written again as Excel 97–2003 (.xls), with xlwt (a dev dependency)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

VISIBILITY = {"visible": 0, "hidden": 1, "veryHidden": 2}
"""An .xlsx sheet state as the visibility of an .xls sheet."""


def as_xls(xlsx: Path, xls: Path) -> Path:
    """The same sheets, values, merged ranges and sheet states, written as Excel 97–2003."""
    import xlwt

    source = load_workbook(xlsx)
    book = xlwt.Workbook()
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    plain = xlwt.easyxf("")
    for ws in source.worksheets:
        out = book.add_sheet(ws.title)
        out.visibility = VISIBILITY[ws.sheet_state]
        merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        inside = {
            (r, c)
            for m in ws.merged_cells.ranges
            for r in range(m.min_row, m.max_row + 1)
            for c in range(m.min_col, m.max_col + 1)
        }
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                r, c = cell.row, cell.column
                style = dates if isinstance(value, dt.datetime | dt.date) else plain
                if (r, c) in merged:
                    m = merged[(r, c)]
                    out.write_merge(r - 1, m.max_row - 1, c - 1, m.max_col - 1, value, style)
                elif (r, c) not in inside and value is not None:
                    out.write(r - 1, c - 1, value, style)
    book.save(str(xls))
    return xls
