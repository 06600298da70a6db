"""Workbooks in the formats older catalog systems export: Excel 97–2003 (.xls), WPS (.et), .ods.

govcatalog reads .xlsx with its own bounded parser. The binary formats are read through
python-calamine (the ``xls`` extra) into the same shape — sheets, rows of ``{column: value}``
and merged ranges — so the sheet reader finds the heading band, joins item sheets and locates
cells exactly as it does for .xlsx. A workbook is read whole (an .xls holds at most 65,536
rows a sheet); the cell bound of :class:`~govcatalog.io.xlsx_bounds.Limits` still applies.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Self

from govcatalog._optional import require
from govcatalog.errors import LoadError
from govcatalog.io.xlsx_bounds import OLE_MAGIC, Limits
from govcatalog.io.xlsx_parse import MergedRange, SheetTail, Value, open_workbook
from govcatalog.io.xlsx_tail import walk_up

ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
"""What an OpenDocument spreadsheet says right after its first zip header."""


class SheetSource(Protocol):
    """What the sheet reader needs of an opened workbook, whatever its file format."""

    sheets: dict[str, str]
    hidden: frozenset[str]
    """The sheets the workbook hides."""

    def iter_rows(self, sheet: str) -> Iterator[tuple[int, dict[int, Value]]]: ...

    def merged_ranges(self, sheet: str) -> list[MergedRange]: ...

    def hidden_rows(self, sheet: str) -> set[int]: ...

    def tail(self, sheet: str) -> SheetTail: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


def _encrypted(name: str) -> LoadError:
    return LoadError(
        name,
        "工作簿已加密（设有打开密码），无法读取；请取消密码后再试",
        "the workbook is encrypted (password to open); remove the password and try again",
    )


def is_legacy(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a workbook this module reads."""
    return head.startswith(OLE_MAGIC) or ODS_MIMETYPE in head[:128]


def _value(raw: object) -> Value:
    """A cell as the .xlsx parser gives it: integral numbers as int, dates as datetime."""
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 2**53:
        return int(raw)
    if isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, dt.date):
        return dt.datetime(raw.year, raw.month, raw.day)
    if isinstance(raw, dt.time | dt.timedelta):
        return str(raw)
    if isinstance(raw, str | int | float | bool):
        return raw
    return None if raw is None else str(raw)


_EMPTY = (None, "")


def _values(row: list[object]) -> dict[int, Value]:
    """Column → value of a row's cells that hold something."""
    return {col: _value(raw) for col, raw in enumerate(row, start=1) if raw not in _EMPTY}


@dataclass
class LegacyWorkbook:
    """An opened .xls / .et / .ods workbook with the reading interface of an .xlsx one."""

    name: str
    book: Any
    limits: Limits
    sheets: dict[str, str] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    cells_read: int = 0
    closed: bool = False
    _tables: dict[str, list[list[object]]] = field(default_factory=dict, repr=False)

    def __enter__(self) -> LegacyWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the workbook (once: closing it again does nothing)."""
        if not self.closed:
            self.closed = True
            self._tables.clear()
            self.book.close()

    def _table(self, sheet: str) -> list[list[object]]:
        """The sheet's cells, as calamine gives them: once, for its tail and then its rows."""
        table = self._tables.pop(sheet, None)
        if table is None:
            table = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        return table

    def iter_rows(self, sheet: str) -> Iterator[tuple[int, dict[int, Value]]]:
        """(row number, {column: value}) of every row with a value, in order.

        Raises:
            LoadError: When the workbook holds more cells than its bound.
        """
        for rownum, row in enumerate(self._table(sheet), start=1):
            values = _values(row)
            if not values:
                continue
            self.cells_read += len(values)
            if self.cells_read > self.limits.max_cells:
                raise LoadError(
                    self.name,
                    f"单元格过多（超过 {self.limits.max_cells} 个）",
                    f"too many cells (more than {self.limits.max_cells})",
                )
            yield rownum, values

    def hidden_rows(self, sheet: str) -> set[int]:
        """None: the reader of these formats does not tell which rows a sheet hides."""
        return set()

    def merged_ranges(self, sheet: str) -> list[MergedRange]:
        """The merged cell ranges of a sheet (1-based, inclusive)."""
        ranges = self.book.get_sheet_by_name(sheet).merged_cell_ranges or ()
        return [MergedRange(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges]

    def tail(self, sheet: str) -> SheetTail:
        """The merged cell ranges of a sheet and its last rows with a value (its cells are kept
        for :meth:`iter_rows`, which reads them next)."""
        table = self._tables[sheet] = self._table(sheet)
        up = ((n, _values(table[n - 1])) for n in range(len(table), 0, -1))
        last = walk_up((n, values, len(values)) for n, values in up if values)
        return SheetTail(self.merged_ranges(sheet), [(n, values) for n, values, _ in last])


def open_legacy_workbook(
    path: str | bytes, name: str, limits: Limits | None = None
) -> LegacyWorkbook:
    """Open an .xls, .et or .ods workbook (a file or its bytes).

    Raises:
        MissingExtra: When python-calamine (the ``xls`` extra) is not installed.
        LoadError: When the workbook is encrypted, damaged or over its bounds.
    """
    lim = limits or Limits()
    calamine = require("python_calamine", "reading .xls, .et and .ods workbooks")
    size = len(path) if isinstance(path, bytes) else Path(path).stat().st_size
    if size > lim.max_file_bytes:
        raise LoadError(
            name,
            f"文件过大（{size} 字节，上限 {lim.max_file_bytes}）",
            f"file too large ({size} bytes, limit {lim.max_file_bytes})",
        )
    try:
        book = (
            calamine.CalamineWorkbook.from_filelike(io.BytesIO(path))
            if isinstance(path, bytes)
            else calamine.CalamineWorkbook.from_path(str(path))
        )
    except calamine.PasswordError:
        raise _encrypted(name) from None
    except Exception as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LoadError(
            name,
            f"工作簿已损坏或已加密，无法读取（{detail}）；请用 Excel 或 WPS 打开后另存为 .xlsx",
            f"the workbook is damaged or encrypted ({detail}); open it in Excel or WPS and "
            "save it as .xlsx",
        ) from None
    hidden = frozenset(
        m.name for m in book.sheets_metadata if m.visible != calamine.SheetVisibleEnum.Visible
    )
    return LegacyWorkbook(name, book, lim, {s: s for s in book.sheet_names}, hidden)


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted .xlsx keeps inside its OLE container (named in UTF-16)."""


def _encrypted_ooxml(path: str | bytes, name: str) -> bool:
    """Whether an OLE file is an encrypted .xlsx rather than an .xls: Excel saves a workbook
    with a password to open as an OLE container holding an ``EncryptedPackage`` stream."""
    if Path(name).suffix.lower() in (".xlsx", ".xlsm"):
        return True
    if isinstance(path, bytes):
        return _ENCRYPTED_PACKAGE in path[: 1 << 20]
    try:
        with open(path, "rb") as fh:  # noqa: PTH123 - a plain path string is what callers hold
            return _ENCRYPTED_PACKAGE in fh.read(1 << 20)
    except OSError:
        return False


def open_any_workbook(path: str | bytes, name: str, limits: Limits | None = None) -> SheetSource:
    """Open a workbook of any format govcatalog reads, by its first bytes, not its name.

    Raises:
        MissingExtra: For an .xls, .et or .ods workbook without the ``xls`` extra.
        LoadError: When it is no readable workbook (an HTML page saved as .xls, say).
    """
    if isinstance(path, bytes):
        head = path[:128]
    else:
        try:
            with open(path, "rb") as fh:  # noqa: PTH123 - a plain path string is what callers hold
                head = fh.read(128)
        except OSError:
            head = b""  # the .xlsx opener reports what is wrong with the file
    if head.startswith(OLE_MAGIC) and _encrypted_ooxml(path, name):
        raise _encrypted(name)
    if is_legacy(head):
        return open_legacy_workbook(path, name, limits)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        raise LoadError(
            name,
            "这是另存为工作簿的网页（HTML 表格），不是工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx",
            "this is a web page (an HTML table) saved as a workbook, not a workbook; open it "
            "in Excel or WPS and save it as .xlsx",
        )
    return open_workbook(path, name, limits)
