"""The rows of a worksheet part, scanned fast where the markup is plain.

Most sheets are written by Excel, WPS or openpyxl in one plain form
(``<c r="B3" s="2" t="s"><v>7</v></c>``, or an inline ``<is><t>`` string). Rows whose
every cell has that form are scanned with one compiled pattern, character references
resolved by lxml in one call per row; any other row (comments, CDATA, rich text,
unusual attributes, malformed references) is parsed by lxml with the safe settings,
so the fast path never guesses. Both give the same values (tested).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, Protocol

from lxml import etree

from govcatalog.errors import LoadError

_ROW: Final = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_OPEN_ROW: Final = re.compile(rb"<row\b[^>]*(?<!/)>")
_ROW_NUM: Final = re.compile(rb'\br="(\d+)"')
_HIDDEN: Final = re.compile(rb'\bhidden="(?:1|true)"')
_FAST_CELL: Final = re.compile(
    rb'<c r="([A-Z]+)\d+"(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?(?: s="(\d+)")?\s*'
    rb"(?:/>|>(?:<f>[^<]*</f>|<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?"
    rb'(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
)
# Rows with anything else (comments, CDATA, rich text, unknown entities) go through lxml.
_ODD: Final = re.compile(
    rb"<!\[CDATA\[|<!--|&(?!#x[0-9a-fA-F]+;|#[0-9]+;|lt;|gt;|amp;|quot;|apos;)"
)
ROOT: Final = re.compile(rb"<(\w+:)?worksheet\b([^>]*)>")
"""The root tag of a worksheet part: its prefix, if any, and its attributes (namespaces)."""
_DTD: Final = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_CHUNK: Final = 1 << 20
_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

CellRow = tuple[int, list[tuple[str, str | None, str | None, str | None]]]
"""(row number or 0, [(column letters or "", style ``s``, type ``t``, value text)]) of one row."""


def slow_row(row: etree._Element) -> CellRow:
    """A row element as (row number or 0, [(column letters, s, t, value text)]), via lxml."""
    r = row.get("r")
    cells: list[tuple[str, str | None, str | None, str | None]] = []
    v_tag, t_tag, rph = f"{_NS}v", f"{_NS}t", f"{_NS}rPh"
    for c in row:
        if c.tag != f"{_NS}c":
            continue
        ref = c.get("r")
        letters = ref.rstrip("0123456789") if ref else ""
        t = c.get("t")
        if t == "inlineStr":
            # Phonetic runs (rPh) are reading aids, not part of the text.
            text = "".join(x.text or "" for x in c.iter(t_tag) if x.getparent().tag != rph)
            cells.append((letters, c.get("s"), t, text))
        else:
            cells.append((letters, c.get("s"), t, c.findtext(v_tag)))
    return (int(r) if r and r.isdigit() else 0), cells


class Readable(Protocol):
    """A byte stream (a decompressed zip part)."""

    def read(self, n: int = -1, /) -> bytes:
        """Up to ``n`` bytes; empty at the end."""
        ...


def _text(raw: bytes) -> str:
    """Character data without references, line ends normalised as XML does."""
    text = raw.decode()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _refused(name: str) -> LoadError:
    return LoadError(
        name,
        "工作簿部件含有 DOCTYPE/实体定义，出于安全原因拒绝读取",
        "a part of the workbook has a DOCTYPE or entity declaration; refused for safety",
    )


def _too_large(name: str, bound: int) -> LoadError:
    return LoadError(
        name,
        f"工作表的一行超过 {bound} 字节（行未闭合？），已拒绝读取",
        f"a sheet row is larger than {bound} bytes (an unclosed row?); refused",
    )


def _unclosed(name: str) -> LoadError:
    return LoadError(
        name,
        "工作表不是有效的 XML：行未闭合",
        "a sheet is not well-formed XML: a row is never closed",
    )


class RowScanner:
    """Scans ``<row>`` elements of one worksheet part from a byte stream.

    Args:
        stream: The (bounded) decompressed part.
        name: The workbook name, for errors.
        hidden: Where the number of each row the sheet hides (``hidden="1"``) is added, as
            the row is read.
    """

    def __init__(
        self,
        stream: Readable,
        name: str,
        *,
        max_row_bytes: int = 16 * 1024**2,
        hidden: set[int] | None = None,
    ) -> None:
        self._stream = stream
        self._hidden = hidden
        self._name = name
        self._max_row_bytes = max_row_bytes
        self._open_tag = b""
        self._parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )

    def _fallback(self, row_xml: bytes) -> CellRow:
        try:
            wrapper = etree.fromstring(self._open_tag + row_xml + b"</wrapper>", self._parser)
        except etree.XMLSyntaxError as exc:
            raise LoadError(
                self._name,
                f"工作表不是有效的 XML：{exc.msg}",
                f"a sheet is not well-formed XML: {exc.msg}",
            ) from None
        return slow_row(wrapper[0])

    def _texts(self, texts: list[bytes]) -> list[str]:
        """Character data of a row's cells, references resolved by lxml in one call."""
        root = etree.fromstring(b"<r><t>" + b"</t><t>".join(texts) + b"</t></r>", self._parser)
        return [t.text or "" for t in root]

    def _row(self, m: re.Match[bytes], last: int) -> CellRow:
        attrs, body = m.group(1), m.group(2)
        num = _ROW_NUM.search(attrs)
        rownum = int(num.group(1)) if num else last + 1
        if self._hidden is not None and b"hidden" in attrs and _HIDDEN.search(attrs):
            self._hidden.add(rownum)
        if not body:
            return rownum, []
        if _ODD.search(body) is None:
            cells = _FAST_CELL.findall(body)
            if len(cells) == body.count(b"<c ") + body.count(b"<c>") + body.count(b"<c/>"):
                texts = [c[4] or c[5] for c in cells]
                decoded = self._texts(texts) if b"&" in body else None
                return rownum, [
                    (
                        c[0].decode(),
                        (c[1] or c[3]).decode() or None,
                        c[2].decode() or None,
                        (decoded[i] if decoded else _text(texts[i])) if texts[i] else None,
                    )
                    for i, c in enumerate(cells)
                ]
        return rownum, self._fallback(m.group(0))[1]

    def _started(self, head: bytes, chunk: bytes) -> bool:
        """Read the root tag from the start of the part; False while it is not all there.

        Raises:
            LoadError: For a DOCTYPE or entity declaration.
            PREFIXED: When the part needs the lxml path (a prefix, or UTF-16).
        """
        if utf16(head):
            if _DTD.search(head.decode("utf-16", "ignore").encode()):
                raise _refused(self._name)
            raise _Prefixed  # not ASCII-compatible: lxml reads it
        if _DTD.search(head):
            raise _refused(self._name)
        root = ROOT.search(head)
        if root is None and chunk and len(head) <= self._max_row_bytes:
            return False
        if root is None or root.group(1):
            raise _Prefixed
        self._open_tag = b"<wrapper" + root.group(2) + b">"
        return True

    def rows(self) -> Iterator[CellRow]:
        """Every row, in document order.

        Raises:
            LoadError: For a DOCTYPE or entity declaration, or a row that is not well-formed.
        """
        buf = b""
        pending: list[bytes] = []  # chunks read since the last complete row
        pending_size = 0
        last = 0
        first = True
        while True:
            chunk = self._stream.read(_CHUNK)
            if first:
                buf += chunk
                if not self._started(buf, chunk):
                    continue
                first = False
            elif chunk and b"</row>" not in (buf[-5:] if not pending else pending[-1][-5:]) + chunk:
                # No row ends in this chunk: gather it without re-joining (linear time),
                # and refuse a row that grows past the bound.
                pending.append(chunk)
                pending_size += len(chunk)
                if pending_size > self._max_row_bytes:
                    raise _too_large(self._name, self._max_row_bytes)
                continue
            else:
                buf = b"".join((buf, *pending, chunk))
                pending.clear()
                pending_size = 0
            end = buf.rfind(b"</row>")
            stop = end + 6 if end >= 0 else 0
            # At the end, what follows the last row end may hold only empty rows
            # (``<row/>``): an open ``<row>`` there is never closed.
            if not chunk and _OPEN_ROW.search(buf, stop):
                raise _unclosed(self._name)
            pos = 0
            for m in _ROW.finditer(buf, 0, stop):
                rownum, cells = self._row(m, last)
                last = rownum
                pos = m.end()
                yield rownum, cells
            buf = buf[max(pos, 0) :] if chunk else b""
            if not chunk:
                return


def utf16(head: bytes) -> bool:
    """Whether a part starts as UTF-16 (a byte-order mark, or NULs between ASCII)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 4 and 0 in head[:4])


class _Prefixed(Exception):
    """The worksheet uses a namespace prefix: scan it with lxml instead."""


PREFIXED = _Prefixed
"""Raised by :meth:`RowScanner.rows` before any row when the sheet needs the lxml path."""
