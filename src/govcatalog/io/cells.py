"""Cells written into workbooks hold values as text, never as formulas.

openpyxl turns any string that starts with ``=`` into a live formula. A catalog value
such as ``=HYPERLINK("http://…","点击")`` or ``=WEBSERVICE(…)`` would then run (or
phone home) when an editor opens the exported workbook. Every writer of govcatalog
appends its rows through :func:`append_text`, which stores such strings as text cells.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell


def as_text(ws: Any, value: object) -> object:
    """``value`` ready for ``ws.append``: a string or cell that would be a formula is text."""
    if isinstance(value, Cell):
        if value.data_type == "f":
            value.data_type = "s"
        return value
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def append_text(ws: Any, values: Iterable[object]) -> None:
    """Append one row to ``ws`` with every value stored as data, none as a formula."""
    ws.append([as_text(ws, v) for v in values])


def check_destination(path: Path) -> None:
    """Raise ``FileNotFoundError`` naming ``path`` when its folder does not exist.

    Checked before a workbook is built, so a wrong ``-o`` gives one clear line and
    leaves no half-written file or dangling writer behind.
    """
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"folder {folder} does not exist", str(path))
    if not os.access(folder, os.W_OK):
        raise PermissionError(errno.EACCES, f"folder {folder} is not writable", str(path))
