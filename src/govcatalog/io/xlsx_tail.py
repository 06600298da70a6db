"""The last rows of a worksheet part that hold a value, kept while the part streams past.

A compilation form may say below its table when it was filled in (填报单位：…  填报日期：…),
and that day decides the rules a workbook is judged under before its rows are read. The
reader streams each sheet's part once for its merged ranges, which come after the cells;
:class:`LastRows` is fed the same chunks and keeps the XML of the last rows holding a value
— a few rows whatever the size of the sheet, and past any number of empty formatted rows
below the table — which are parsed on their own at the end. Notes often follow the footer
(填表说明： and a line for each element): the rows of one or two values at the end of the sheet
are kept as well as the :data:`LAST_ROWS` rows above them (:class:`TailWindow`), up to
:data:`NOTE_ROWS` of them. Only the end of each chunk is looked at once the rows to keep are
found in it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Final, Generic, TypeVar

from lxml import etree

from govcatalog.io.xlsx_rows import ROOT, CellRow, slow_row, utf16

LAST_ROWS: Final = 20
"""How many rows with a value are kept from the end of a sheet, above its notes."""
NOTE_ROWS: Final = 1000
"""How many rows of notes below them are kept as well: rows of one or two values (a numbered
note, a line of the 填表说明), the last of a sheet."""
NOTE_VALUES: Final = 2
"""A row with this many values or fewer is a note's (a number and its text)."""
MAX_ROW_BYTES: Final = 64 * 1024
"""A longer row is not kept: a form's footer is a few short cells."""
MAX_NOTE_BYTES: Final = 4 << 20
"""The rows of notes kept hold at most this many bytes of XML (the oldest are let go)."""
_HEAD_BYTES: Final = 1 << 20
"""The root tag must start the part within this many bytes; else no row is kept."""

_AFTER_NAME: Final = (b" ", b">", b"/", b"\t", b"\n", b"\r")
"""What follows ``<row`` in a row's start tag (and not in ``<rowBreaks``)."""

T = TypeVar("T")


class TailWindow(Generic[T]):
    """The last rows of a sheet pushed to it in order: its trailing notes (rows of at most
    :data:`NOTE_VALUES` values, up to :data:`NOTE_ROWS` of them and :data:`MAX_NOTE_BYTES`)
    and the ``keep`` rows above them, wherever the data ends."""

    def __init__(self, keep: int = LAST_ROWS, notes: int = NOTE_ROWS) -> None:
        self.rows: deque[tuple[int, T, int]] = deque()
        self._keep = keep
        self._notes = notes
        self._run = 0
        self._bytes = 0

    def push(self, n: int, row: T, values: int, size: int = 0) -> None:
        """Take row ``n`` (``values`` values, ``size`` bytes of XML) below those taken."""
        self.rows.append((n, row, size))
        self._bytes += size
        self._run = self._run + 1 if values <= NOTE_VALUES else 0
        room = self._keep + min(self._run, self._notes)
        while len(self.rows) > room or (self._bytes > MAX_NOTE_BYTES and len(self.rows) > 1):
            self._bytes -= self.rows.popleft()[2]


def walk_up(
    rows: Iterable[tuple[int, T, int]], keep: int = LAST_ROWS, notes: int = NOTE_ROWS
) -> list[tuple[int, T, int]]:
    """Of rows read from the bottom of a sheet up (row number, row, values), those a
    :class:`TailWindow` keeps, in the sheet's order: read up to the ``keep`` rows at and above
    the lowest that is no note's, or to as many notes as it keeps."""
    out: list[tuple[int, T, int]] = []
    above = 0
    for n, row, values in rows:
        out.append((n, row, values))
        above += bool(above) or values > NOTE_VALUES
        if above >= keep or len(out) >= keep + notes:
            break
    return out[::-1]


class LastRows:
    """The last ``keep`` rows with a value of one worksheet part, fed its bytes in order.

    Each kept row is its XML and its place among the part's rows (the row number of a row
    written without one, as :meth:`govcatalog.io.xlsx_parse.Workbook.iter_rows` counts it).
    """

    def __init__(self, keep: int = LAST_ROWS, notes: int = NOTE_ROWS) -> None:
        self._kept: TailWindow[bytes] = TailWindow(keep, notes)
        self._keep = keep
        self._notes = notes
        self._head = b""
        self._open_tag: bytes | None = None
        self._done = False
        self._row = b"<row"
        self._values = (b"<v>", b"<is>")
        self._end = b"</sheetData>"
        self._carry = b""
        self._carry_row = False
        self._seen = 0

    def feed(self, chunk: bytes) -> None:
        """Take the next bytes of the part."""
        if self._done:
            return
        if self._open_tag is None:
            chunk = self._start(chunk)
            if self._open_tag is None:
                return
        self._scan(self._carry + chunk)

    def _start(self, chunk: bytes) -> bytes:
        """Read the root tag (its namespaces, its prefix) from the start of the part; what
        follows it. A part in UTF-16, or without a root tag at its start, keeps no row."""
        self._head += chunk
        head = self._head
        if utf16(head):
            self._done = True
            return b""
        root = ROOT.search(head)
        if root is None:
            self._done = len(head) > _HEAD_BYTES
            return b""
        prefix = root.group(1) or b""
        self._row = b"<" + prefix + b"row"
        self._values = (b"<" + prefix + b"v>", b"<" + prefix + b"is>")
        self._end = b"</" + prefix + b"sheetData>"
        self._open_tag = b"<wrapper" + root.group(2) + b">"
        self._head = b""
        return head[root.end() :]

    def _is_start(self, buf: bytes, at: int) -> bool:
        return buf[at + len(self._row) : at + len(self._row) + 1] in _AFTER_NAME

    def _last_start(self, buf: bytes, end: int) -> int:
        """Where the last row starting before ``end`` starts, or -1."""
        while (at := buf.rfind(self._row, 0, end)) >= 0:
            if self._is_start(buf, at):
                return at
            end = at
        return -1

    def _count(self, buf: bytes, before: int) -> int:
        """How many rows start in ``buf`` before ``before`` (among the cells, ``<row`` starts
        nothing else: one pass counts them)."""
        return buf.count(self._row, 0, before + len(self._row) - 1)

    def _has_value(self, buf: bytes, start: int, end: int) -> bool:
        return any(buf.find(tag, start, end) >= 0 for tag in self._values)

    def _up(self, buf: bytes, last: int, n: int) -> Iterator[tuple[int, bytes, int]]:
        """The rows of ``buf`` with a value that end at or before ``last``, from the bottom
        up: (row number, XML, how many values)."""
        end = last
        while (start := self._last_start(buf, end)) >= 0:
            if end - start <= MAX_ROW_BYTES and self._has_value(buf, start, end):
                yield n, buf[start:end], sum(buf.count(t, start, end) for t in self._values)
            n, end = n - 1, start

    def _scan(self, buf: bytes) -> None:
        """Keep the rows of ``buf`` that end in it (the last may go on in the next chunk)."""
        stop = buf.find(self._end)
        if stop >= 0:  # the rows end here: what follows (merged ranges …) holds none
            buf, self._done = buf[:stop], True
        last = self._last_start(buf, len(buf))
        if last < 0:  # no row starts here; a row's start may be cut at the chunk's end
            # what is carried is counted with the next chunk: a whole <row at the very end
            # (its next byte not come yet) is counted there, not here as well
            carried = len(buf) - len(self._row)
            self._seen += self._count(buf, carried)
            self._carry, self._carry_row = buf[-len(self._row) :], False
            return
        before = self._count(buf, last)
        rows = self._up(buf, last, self._seen + before)
        for n, row, values in walk_up(rows, self._keep, self._notes):
            self._kept.push(n, row, values, len(row))
        self._seen += before
        if len(buf) - last > MAX_ROW_BYTES:  # too long to keep: counted, and let go
            self._seen += 1
            self._carry, self._carry_row = buf[-len(self._row) :], False
        else:
            self._carry, self._carry_row = buf[last:], True

    def rows(self) -> list[CellRow]:
        """The kept rows, in order, each with its row number; none when they are not
        well-formed (reading the sheet says why)."""
        if self._carry_row:  # the last row: it ends with the part's rows
            row = self._carry
            if self._has_value(row, 0, len(row)):
                values = sum(row.count(t) for t in self._values)
                self._kept.push(self._seen + 1, row, values, len(row))
            self._carry, self._carry_row = b"", False
        kept = self._kept.rows
        if self._open_tag is None or not kept:
            return []
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        xml = self._open_tag + b"".join(row for _, row, _ in kept) + b"</wrapper>"
        try:
            parsed = etree.fromstring(xml, parser)
        except etree.XMLSyntaxError:
            return []
        elements = [el for el in parsed if isinstance(el.tag, str)]
        if len(elements) != len(kept):
            return []
        out: list[CellRow] = []
        for (n, _, _), el in zip(kept, elements, strict=True):
            number, cells = slow_row(el)
            out.append((number or n, cells))
        return out
