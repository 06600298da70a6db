"""The text of a CSV file and its rows: the encodings and separators catalog systems, portals
and Excel write."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from govcatalog.errors import LoadError
from govcatalog.io.xlsx_parse import Value


def decode_csv(raw: bytes, name: str) -> str:
    """The text of a CSV file: UTF-8, GB18030 (Excel's 'CSV' on a Chinese system) or, with its
    byte-order mark, UTF-16 (Excel's 'Unicode text')."""
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError(
        name, "不是 UTF-8、UTF-16 或 GB18030 编码的文本", "not UTF-8, UTF-16 or GB18030 text"
    )


_DELIMITERS = (",", ";", "\t", "|")
"""Cell separators of the CSV files catalog systems and portals write (Excel writes ";" in
some locales, portals write tab-separated files)."""


def csv_delimiter(text: str, lines: int = 20) -> str:
    """The separator of a CSV text: of those that split its first lines into several cells
    (quoted cells read as cells), the one that gives the same number of cells on the most
    lines; ties go to the more cells, then to ``,``."""
    head = "\n".join(line for line in text.splitlines()[:lines] if line.strip())
    best, score = ",", (0, 0)
    for sep in _DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(head), delimiter=sep)]
        except csv.Error:
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        modal = max(set(wide), key=lambda w: (wide.count(w), w))
        key = (wide.count(modal), modal)
        if key > score:
            best, score = sep, key
    return best


def csv_rows(text: str, name: str) -> Iterator[tuple[int, dict[int, Value]]]:
    """The rows of a CSV text that hold something: (row number, column → cell)."""
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))
    n = 0
    try:
        for n, row in enumerate(reader, start=1):
            values: dict[int, Value] = {c: v for c, v in enumerate(row, start=1) if v.strip()}
            if values:
                yield n, values
    except csv.Error as exc:
        raise LoadError(
            name, f"CSV 格式错误（第 {n + 1} 行）：{exc}", f"CSV error (row {n + 1}): {exc}", n + 1
        ) from None
