"""Reading .xlsx workbooks safely and fast: cell values only, streamed row by row.

A workbook is a zip of XML parts. Untrusted workbooks are bounded before anything is
parsed: the number of parts, the declared and the *actual* decompressed size (zip
bombs lie about sizes), and the number of cells. XML parts are parsed with entity
expansion, DTD loading and network access switched off. Formulas are never
evaluated: a formula cell gives the value the workbook saved with it, or nothing.
An encrypted (password-protected) workbook is an OLE container, not a zip, and is
refused with that reason.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Final

from lxml import etree

from govcatalog.errors import LoadError
from govcatalog.io.xlsx_bounds import (
    BoundedStream,
    Budget,
    Limits,
    check_parts,
    size_and_head,
    sniff,
)
from govcatalog.io.xlsx_rows import PREFIXED, CellRow, RowScanner, slow_row
from govcatalog.io.xlsx_tail import LastRows

__all__ = [
    "Limits",
    "MergedRange",
    "SheetTail",
    "Value",
    "Workbook",
    "column_index",
    "column_letter",
    "open_workbook",
    "slow_row",
    "split_ref",
]

_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MERGE: Final = re.compile(
    rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?\""
)
_REF: Final = re.compile(r"([A-Z]+)(\d+)")
_DATE_FMT_IDS: Final = frozenset(
    {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, *range(27, 37), *range(50, 59)}
)
_DATE_CODE: Final = re.compile(r"\"[^\"]*\"|\[[^\]]*\]|\\.")
_EPOCH_1900: Final = dt.datetime(1899, 12, 30)
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)

Value = str | int | float | bool | dt.datetime | None
"""A cell value as read: text, number, boolean, date-time, or empty."""


def column_letter(index: int) -> str:
    """A1 column letters of a 1-based column index (1 → A, 28 → AB)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """1-based column index of A1 column letters."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref: str) -> tuple[int, int]:
    """(row, column) of an A1 reference."""
    m = _REF.fullmatch(ref.upper())
    if m is None:
        raise ValueError(ref)
    return int(m.group(2)), column_index(m.group(1))


@dataclass(frozen=True, slots=True)
class MergedRange:
    """A merged block of cells (1-based, inclusive)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


@dataclass(frozen=True, slots=True)
class SheetTail:
    """The end of a sheet: its merged ranges (written after its cells), and its last rows with
    a value (row number, column → value), where a form's footer is."""

    merges: list[MergedRange]
    rows: list[tuple[int, dict[int, Value]]]


@dataclass
class Workbook:
    """An opened .xlsx workbook: its sheets, shared strings and date styles.

    Use :func:`open_workbook`; close it (or use it as a context manager) when done.
    ``fast_scan`` scans plain rows with a compiled pattern (else every row via lxml).
    """

    name: str
    zip: zipfile.ZipFile
    limits: Limits
    budget: Budget
    sheets: dict[str, str] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    """Sheets the workbook hides (``state="hidden"`` or ``"veryHidden"``)."""
    strings: list[str] = field(default_factory=list)
    date_styles: frozenset[int] = frozenset()
    date1904: bool = False
    cells_read: int = 0
    fast_scan: bool = True
    _hidden_rows: dict[str, set[int]] = field(default_factory=dict, repr=False)

    def hidden_rows(self, sheet: str) -> set[int]:
        """The rows ``sheet`` hides (``<row hidden="1">``), each added as :meth:`iter_rows`
        reads it: all of them once the sheet's rows are read."""
        return self._hidden_rows.setdefault(sheet, set())

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying zip file."""
        self.zip.close()

    def _open(self, part: str) -> BoundedStream:
        try:
            info = self.zip.getinfo(part)
            lim = self.limits
            part_limit = max(lim.ratio_floor, lim.max_ratio * max(info.compress_size, 1))
            return BoundedStream(self.zip.open(info), self.budget, part_limit)
        except KeyError:
            raise LoadError(
                self.name, f"工作簿缺少部件 {part}", f"the workbook lacks part {part}"
            ) from None
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
            raise _broken(self.name, exc) from None

    def _iterparse(self, part: str, tag: str | tuple[str, ...]) -> Iterator[etree._Element]:
        stream = self._open(part)
        try:
            for _, el in etree.iterparse(
                stream,
                events=("end",),
                tag=tag,
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            ):
                yield el
        except etree.XMLSyntaxError as exc:
            raise LoadError(
                self.name,
                f"{part} 不是有效的 XML：{exc.msg}",
                f"{part} is not well-formed XML: {exc.msg}",
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _broken(self.name, exc) from None
        finally:
            stream.close()

    def merged_ranges(self, sheet: str) -> list[MergedRange]:
        """The merged cell ranges of a sheet (read without parsing the sheet's cells)."""
        return self.tail(sheet).merges

    def tail(self, sheet: str) -> SheetTail:
        """The merged cell ranges of a sheet and its last rows with a value, in one pass over
        its part without parsing the cells above them."""
        stream = self._open(self.sheets[sheet])
        out: list[MergedRange] = []
        columns: dict[bytes, int] = {}
        tail = b""
        last = LastRows()
        try:
            while chunk := stream.read(1 << 20):
                last.feed(chunk)
                buf = tail + chunk
                end = 0
                for m in _MERGE.finditer(buf):
                    l1, n1, l2, n2 = m.groups()
                    c1 = columns.get(l1) or columns.setdefault(l1, column_index(l1.decode()))
                    r1 = int(n1)
                    if l2 is None:
                        c2, r2 = c1, r1
                    else:
                        c2 = columns.get(l2) or columns.setdefault(l2, column_index(l2.decode()))
                        r2 = int(n2)
                    out.append(MergedRange(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
                    end = m.end()
                tail = buf[max(end, len(buf) - 256) :]
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _broken(self.name, exc) from None
        finally:
            stream.close()
        letters: dict[str, int] = {}
        rows = [(n, self._values(cells, letters)) for n, cells in last.rows()]
        return SheetTail(out, [(n, values) for n, values in rows if values])

    def _raw_rows(self, sheet: str) -> Iterator[CellRow]:
        part = self.sheets[sheet]
        stream = self._open(part)
        hidden = self.hidden_rows(sheet)
        try:
            try:
                if self.fast_scan:
                    bound = self.limits.max_row_bytes
                    scanner = RowScanner(stream, self.name, max_row_bytes=bound, hidden=hidden)
                    yield from scanner.rows()
                    return
            except PREFIXED:
                pass
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _broken(self.name, exc) from None
        finally:
            stream.close()
        last = 0
        for row in self._iterparse(part, f"{_NS}row"):
            number, cells = slow_row(row)
            last = number or last + 1
            if row.get("hidden") in ("1", "true"):
                hidden.add(last)
            yield number, cells
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]

    def iter_rows(self, sheet: str) -> Iterator[tuple[int, dict[int, Value]]]:
        """(row number, {column: value}) of every row with a value, in order.

        Raises:
            LoadError: When the sheet is damaged or over the cell bound.
        """
        rownum = 0
        columns: dict[str, int] = {}
        for number, cells in self._raw_rows(sheet):
            rownum = number or rownum + 1
            values = self._values(cells, columns)
            self.cells_read += len(values)
            if self.cells_read > self.limits.max_cells:
                raise LoadError(
                    self.name,
                    f"单元格过多（上限 {self.limits.max_cells}），已拒绝读取",
                    f"too many cells (limit {self.limits.max_cells}); refused",
                )
            if values:
                yield rownum, values

    def _values(
        self, cells: list[tuple[str, str | None, str | None, str | None]], columns: dict[str, int]
    ) -> dict[int, Value]:
        """Column → value of a row's cells (``columns``: the indexes of letters met so far)."""
        values: dict[int, Value] = {}
        col = 0
        for letters, style, t, v in cells:
            if letters:
                col = columns.get(letters) or columns.setdefault(letters, column_index(letters))
            else:
                col += 1
            if v:  # else no value, or a formula saved without its result
                values[col] = self._value(style, t, v)
        return values

    def _value(self, style: str | None, t: str | None, v: str) -> Value:
        try:
            if t == "s":
                return self.strings[int(v)]
            if t is None or t == "n":
                num: int | float = int(v) if v.isdigit() else float(v)
                if style is not None and int(style) in self.date_styles:
                    epoch = _EPOCH_1904 if self.date1904 else _EPOCH_1900
                    return epoch + dt.timedelta(days=float(num))
                return num
            if t == "b":
                return v == "1"
            if t == "d":
                return dt.datetime.fromisoformat(v)
        except (ValueError, IndexError, OverflowError):
            return v
        # "str" (a formula's saved text), "inlineStr", and "e" (an error value such as #N/A)
        return v


def _broken(name: str, exc: BaseException) -> LoadError:
    return LoadError(name, f"工作簿已损坏：{exc}", f"the workbook is damaged: {exc}")


def open_workbook(path: str | bytes, name: str, limits: Limits | None = None) -> Workbook:
    """Open an .xlsx workbook (a file, or its bytes), checking its bounds and reading its parts.

    Raises:
        LoadError: When the file is not a readable, unencrypted, bounded .xlsx workbook.
    """
    lim = limits or Limits()
    if isinstance(path, bytes):
        size, head = len(path), path[:8]
    else:
        size, head = size_and_head(path, name)
    if size > lim.max_file_bytes:
        raise LoadError(
            name,
            f"文件过大（{size} 字节，上限 {lim.max_file_bytes}）",
            f"file too large ({size} bytes, limit {lim.max_file_bytes})",
        )
    sniff(head, name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _broken(name, exc) from None
    return _checked(zf, name, lim)


def _checked(zf: zipfile.ZipFile, name: str, lim: Limits) -> Workbook:
    check_parts(zf, name, lim)
    wb = Workbook(name, zf, lim, Budget(name, lim.max_unzipped_bytes))
    try:
        _read_workbook(wb)
    except BaseException:
        zf.close()
        raise
    return wb


def _read_workbook(wb: Workbook) -> None:
    names = set(wb.zip.namelist())
    rels: dict[str, str] = {}
    for el in wb._iterparse("xl/_rels/workbook.xml.rels", f"{_PKG_REL}Relationship"):
        target = el.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        rels[el.get("Id", "")] = path
    hidden: set[str] = set()
    for el in wb._iterparse("xl/workbook.xml", (f"{_NS}sheet", f"{_NS}workbookPr")):
        if el.tag == f"{_NS}workbookPr":
            wb.date1904 = el.get("date1904") in ("1", "true")
            continue
        part = rels.get(el.get(f"{_REL_NS}id", ""))
        if part and part in names:
            sheet = el.get("name", part)
            wb.sheets[sheet] = part
            if el.get("state") in ("hidden", "veryHidden"):
                hidden.add(sheet)
    wb.hidden = frozenset(hidden)
    if "xl/sharedStrings.xml" in names:
        si, t_tag, rph = f"{_NS}si", f"{_NS}t", f"{_NS}rPh"
        for el in wb._iterparse("xl/sharedStrings.xml", si):
            # Phonetic runs (rPh) are reading aids, not part of the text.
            wb.strings.append(
                "".join(t.text or "" for t in el.iter(t_tag) if t.getparent().tag != rph)
            )
            el.clear()
    if "xl/styles.xml" in names:
        wb.date_styles = _date_styles(wb)


def _date_styles(wb: Workbook) -> frozenset[int]:
    custom: dict[int, str] = {}
    xfs: list[int] = []
    for el in wb._iterparse("xl/styles.xml", (f"{_NS}numFmt", f"{_NS}cellXfs")):
        if el.tag == f"{_NS}numFmt":
            custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
        else:
            xfs = [int(xf.get("numFmtId", "0")) for xf in el if xf.tag == f"{_NS}xf"]
    out = set()
    for index, fmt_id in enumerate(xfs):
        code = custom.get(fmt_id)
        if fmt_id in _DATE_FMT_IDS or (code is not None and _is_date_code(code)):
            out.add(index)
    return frozenset(out)


def _is_date_code(code: str) -> bool:
    bare = _DATE_CODE.sub("", code).lower()
    return any(ch in bare for ch in "ymd") and "general" not in bare
