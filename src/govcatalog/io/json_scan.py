"""Reading the values of a JSON text one at a time, as the JSON reader streams a document.

The standard library's C scanner decodes one value at a time (:func:`decode_at`); a list of
resources is given a record an element (:func:`iter_array`), each with its place in the text.
Errors are :class:`~govcatalog.errors.LoadError` with the line and column where reading
stopped.
"""

from __future__ import annotations

import json
from collections.abc import Generator
from typing import Final

from govcatalog.errors import LoadError
from govcatalog.io._jsonlocator import JsonLocator
from govcatalog.io._jsonpos import LineCounter, _skip_ws, line_col
from govcatalog.io.records import Locator, RawRecord
from govcatalog.io.repeats import LastKeyLocator, repeated_in, replaced_values

_DECODER: Final = json.JSONDecoder()


def syntax_error(name: str, exc: json.JSONDecodeError) -> LoadError:
    """The LoadError of a JSON syntax error, where the decoder stopped."""
    return LoadError(
        name, f"JSON 语法错误：{exc.msg}", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno
    )


def decode_at(text: str, i: int, name: str) -> tuple[object, int]:
    """``raw_decode`` at ``i``; input nested deeper than the parser can follow is a LoadError."""
    try:
        return _DECODER.raw_decode(text, i)
    except RecursionError:
        ln, col = line_col(text, i)
        raise LoadError(
            name,
            "JSON 嵌套层次过深，无法读取",
            "the JSON is nested too deeply to read",
            ln,
            col,
        ) from None


def record(
    text: str, span: tuple[int, int], index: int, pointer: str, data: object, lines: LineCounter
) -> RawRecord:
    """One record of ``text[span[0]:span[1]]`` decoded as ``data``, located in the text (at
    the last value of a key it gives twice)."""
    line, col = lines.at(span[0])
    again = repeated_in(text, span[0], span[1], data)
    if again:  # located at the values read, the last of each key
        located: Locator = LastKeyLocator(text[span[0] : span[1]], line, col)
    else:
        located = JsonLocator(text, span[0], span[1], line, col)
    return RawRecord(index, pointer, data, located, None, None, again)


def facts(
    text: str, span: tuple[int, int], pointer: str, data: object, lines: LineCounter
) -> tuple[RawRecord, list[RawRecord]]:
    """The catalog facts at ``text[span[0]:span[1]]`` decoded as ``data``: their record, and
    each value a key of theirs gives before its last one
    (:attr:`~govcatalog.io.records.SourceDocument.info_replaced`)."""
    info = record(text, span, -1, pointer, data, lines)
    if not info.repeated:
        return info, []
    return info, replaced_values(text, span[0], lines.at(span[0]), pointer, info.repeated)


def iter_array(
    text: str, i: int, pointer: str, name: str, lines: LineCounter
) -> Generator[RawRecord, None, int]:
    """Yield the array's elements as records; return the offset of its closing ']'."""
    i = _skip_ws(text, i + 1)
    index = 0
    while i < len(text) and text[i] != "]":
        try:
            data, end = decode_at(text, i, name)
        except json.JSONDecodeError as exc:
            raise syntax_error(name, exc) from None
        yield record(text, (i, end), index, f"{pointer}/{index}", data, lines)
        index += 1
        i = _skip_ws(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_ws(text, i + 1)
        elif i < len(text) and text[i] != "]":
            ln, col = line_col(text, i)
            raise LoadError(
                name, "JSON 语法错误：缺少逗号", "JSON syntax error: expected ','", ln, col
            )
    if i >= len(text):
        ln, col = line_col(text, len(text))
        raise LoadError(
            name, "JSON 语法错误：列表未结束", "JSON syntax error: unterminated list", ln, col
        )
    return i


def at_error(text: str, j: int, name: str, zh: str, en: str) -> LoadError:
    """The LoadError of a JSON syntax error at ``j`` (``zh``, ``en``: what was expected)."""
    ln, col = line_col(text, j)
    return LoadError(name, f"JSON 语法错误：{zh}", f"JSON syntax error: {en}", ln, col)
