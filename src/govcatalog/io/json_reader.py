"""Reading catalogs from JSON: lazily, one resource at a time, with positions.

The whole text is decoded once; resources are then parsed one by one with the
standard library's C scanner, so memory holds the text and one resource's objects,
never the whole parsed catalog.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govcatalog.errors import LoadError
from govcatalog.io._jsonlocator import JsonLocator
from govcatalog.io._jsonpos import LineCounter, _skip_ws, line_col
from govcatalog.io.records import (
    DocumentProblem,
    Locator,
    RawRecord,
    SourceDocument,
    pointer_to,
    pointer_token,
)
from govcatalog.io.repeats import LastKeyLocator, repeated_in
from govcatalog.io.shape import (
    ENVELOPE_DEPTH,
    INFO_KEYS,
    RESOURCE_KEYS,
    Envelope,
    ResourceNames,
    envelope_path,
    type_name,
)

if TYPE_CHECKING:
    from govcatalog.packs.pack import Pack

_DECODER = json.JSONDecoder()

DEFAULT_MAX_BYTES = 2 * 1024**3
"""Largest JSON input read by default (2 GiB)."""


def decode_text(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or raise LoadError with the position."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            name,
            f"不是有效的 UTF-8 编码（第 {exc.start} 字节）",
            f"not valid UTF-8 (byte {exc.start})",
            line=line,
        ) from None


def read_bytes(path: Path | bytes, name: str, max_bytes: int) -> bytes:
    """Read a file (or take bytes already read), refusing more than ``max_bytes``."""
    if isinstance(path, bytes):
        if len(path) > max_bytes:
            raise LoadError(
                name,
                f"文件过大（{len(path)} 字节，上限 {max_bytes}）",
                f"file too large ({len(path)} bytes, limit {max_bytes})",
            )
        return path
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                name,
                f"文件过大（{size} 字节，上限 {max_bytes}）",
                f"file too large ({size} bytes, limit {max_bytes})",
            )
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(
            name, f"无法打开文件：{exc.strerror}", f"cannot open: {exc.strerror}"
        ) from None


def _syntax_error(name: str, exc: json.JSONDecodeError) -> LoadError:
    return LoadError(
        name, f"JSON 语法错误：{exc.msg}", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno
    )


def _decode(text: str, i: int, name: str) -> tuple[object, int]:
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


def _record(
    text: str, span: tuple[int, int], index: int, pointer: str, data: object, lines: LineCounter
) -> RawRecord:
    line, col = lines.at(span[0])
    again = repeated_in(text, span[0], span[1], data)
    if again:  # located at the values read, the last of each key
        located: Locator = LastKeyLocator(text[span[0] : span[1]], line, col)
    else:
        located = JsonLocator(text, span[0], span[1], line, col)
    return RawRecord(index, pointer, data, located, None, None, again)


def _iter_array(
    text: str, i: int, pointer: str, name: str, lines: LineCounter
) -> Generator[RawRecord, None, int]:
    """Yield the array's elements as records; return the offset of its closing ']'."""
    i = _skip_ws(text, i + 1)
    index = 0
    while i < len(text) and text[i] != "]":
        try:
            data, end = _decode(text, i, name)
        except json.JSONDecodeError as exc:
            raise _syntax_error(name, exc) from None
        yield _record(text, (i, end), index, f"{pointer}/{index}", data, lines)
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


def read_json_text(text: str, name: str, names: ResourceNames | None = None) -> SourceDocument:
    """Read a catalog from JSON text.

    Resources are parsed lazily while ``records`` is iterated; the catalog facts
    (``info``) and shape problems are complete once it is exhausted. A syntax error
    raises :class:`LoadError` (with line and column) from the iteration. In an API response
    envelope without a list of resources, the list whose objects' keys ``names`` knows as a
    resource's is read (see :func:`~govcatalog.io.shape.envelope_path`).

    Raises:
        LoadError: When the text is empty or does not start a JSON value.
    """
    i = _skip_ws(text, 0)
    if i >= len(text):
        raise LoadError(name, "文件为空", "the file is empty")
    doc = SourceDocument(name, None, iter(()))
    if text[i] == "[":
        doc.records = _iter_array(text, i, "", name, LineCounter(text))
    elif text[i] == "{":
        doc.records = _iter_object(text, i, name, doc, names)
    else:
        try:
            _decode(text, i, name)
        except json.JSONDecodeError as exc:
            raise _syntax_error(name, exc) from None
        ln, col = line_col(text, i)
        doc.problems.append(
            DocumentProblem("", "顶层不是对象", "the top level is not an object", ln, col)
        )
    return doc


@dataclass
class _TopLevel:
    """What the top-level object holds besides the resources, gathered while it is scanned.

    Attributes:
        found: The resource list (or what stands in its place) was met.
        envelope: Where the list of records wrapped in an API response envelope is: the
            offset of the member's value, and the list (keys from the top down to it).
        names: What the keys of a resource are known by, to tell its list.
    """

    found: bool = False
    envelope: tuple[int, Envelope] | None = None
    names: ResourceNames | None = None


def _at(text: str, j: int, name: str, zh: str, en: str) -> LoadError:
    ln, col = line_col(text, j)
    return LoadError(name, f"JSON 语法错误：{zh}", f"JSON syntax error: {en}", ln, col)


def _iter_object(
    text: str, i: int, name: str, doc: SourceDocument, names: ResourceNames | None
) -> Iterator[RawRecord]:
    top = _TopLevel(names=names)
    lines = LineCounter(text)
    j = _skip_ws(text, i + 1)
    try:
        while j < len(text) and text[j] != "}":
            if text[j] != '"':
                raise _at(text, j, name, "键应为带引号的名称", "expected a name in double quotes")
            key, j = _decode(text, j, name)
            j = _skip_ws(text, j)
            if j >= len(text) or text[j] != ":":
                raise _at(text, j, name, "缺少冒号", "expected ':'")
            start = j = _skip_ws(text, j + 1)
            pointer = "/" + pointer_token(key)
            if key in RESOURCE_KEYS and not top.found and j < len(text) and text[j] == "[":
                top.found = True
                end = yield from _iter_array(text, start, pointer, name, lines)
                j = _skip_ws(text, end + 1)
            else:
                j = _member(text, (key, pointer, start), name, doc, top, lines)
            if j < len(text) and text[j] == ",":
                j = _skip_ws(text, j + 1)
            elif j < len(text) and text[j] != "}":
                raise _at(text, j, name, "缺少逗号", "expected ','")
    except json.JSONDecodeError as exc:
        raise _syntax_error(name, exc) from None
    if j >= len(text):
        raise _at(text, len(text), name, "对象未结束", "unterminated object")
    if _skip_ws(text, j + 1) < len(text):
        raise _at(text, _skip_ws(text, j + 1), name, "多余的内容", "extra data")
    yield from _wrapped_or_missing(text, i, name, doc, top, lines)


def _member(
    text: str,
    member: tuple[object, str, int],
    name: str,
    doc: SourceDocument,
    top: _TopLevel,
    lines: LineCounter,
) -> int:
    """Read a top-level member other than the resource list: the catalog facts, a resource
    list that is not a list, or a candidate envelope. Returns where the member ends."""
    key, pointer, start = member
    value, j = _decode(text, start, name)
    if key in RESOURCE_KEYS and not top.found:
        top.found = True
        ln, col = line_col(text, start)
        doc.problems.append(
            DocumentProblem(
                pointer,
                f"“{key}”应为列表，实为{type_name(value, 'zh')}",
                f"{key!r} must be a list, found {type_name(value, 'en')}",
                ln,
                col,
            )
        )
    elif key in INFO_KEYS and doc.info is None:
        doc.info = _record(text, (start, j), -1, pointer, value, lines)
    elif not top.found:
        wrapped = envelope_path(value, ENVELOPE_DEPTH - 1, top.names)
        if wrapped is not None and wrapped.beats(top.envelope and top.envelope[1]):
            top.envelope = (start, wrapped._replace(keys=(str(key), *wrapped.keys)))
    return _skip_ws(text, j)


def _wrapped_or_missing(
    text: str, i: int, name: str, doc: SourceDocument, top: _TopLevel, lines: LineCounter
) -> Iterator[RawRecord]:
    """The records of the envelope when no resource list was met; else a missing list."""
    if top.found:
        return
    if top.envelope is not None:
        start, wrapped = top.envelope
        keys = wrapped.keys
        at = _seek(text, start, keys[1:], name)
        pointer = pointer_to(keys)
        yield from _iter_array(text, at, pointer, name, lines)
        return
    ln, col = line_col(text, i)
    doc.problems.append(
        DocumentProblem(
            "", "缺少信息资源列表（resources）", 'no list of resources ("resources")', ln, col
        )
    )


def _seek(text: str, at: int, keys: tuple[str, ...], name: str) -> int:
    """The offset of the value reached from the object at ``at`` by following ``keys``."""
    for wanted in keys:
        j = _skip_ws(text, at + 1)
        while True:
            key, j = _decode(text, j, name)
            j = _skip_ws(text, _skip_ws(text, j) + 1)  # past the ':'
            if key == wanted:
                at = j
                break
            _, j = _decode(text, j, name)
            j = _skip_ws(text, _skip_ws(text, j) + 1)  # past the ','
    return at


def read_json(
    path: Path | bytes,
    name: str | None = None,
    pack: Pack | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceDocument:
    """Read a catalog from a JSON file or its bytes (see :func:`read_json_text`); ``pack``
    names the keys of a resource, by which its list is told in an API response envelope."""
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    text = decode_text(read_bytes(path, label, max_bytes), label)
    return read_json_text(text, label, None if pack is None else pack.fields.key_map(None))


def read_jsonl_text(text: str, name: str) -> SourceDocument:
    """Read a catalog from JSON Lines: one resource a line, as crawls and log-style exports
    write them. Blank lines are skipped; each resource is located by its line.

    Raises:
        LoadError: When the text is empty; a line that is no JSON value raises from the
            iteration, with its line and column.
    """
    if not text.strip():
        raise LoadError(name, "文件为空", "the file is empty")
    doc = SourceDocument(name, None, iter(()))
    doc.records = _iter_lines(text, name)
    return doc


def _iter_lines(text: str, name: str) -> Iterator[RawRecord]:
    lines = LineCounter(text)
    index = 0
    start = _skip_ws(text, 0)
    while start < len(text):
        try:
            data, stop = _decode(text, start, name)
        except json.JSONDecodeError as exc:
            raise _syntax_error(name, exc) from None
        newline = text.find("\n", stop)
        line_end = len(text) if newline < 0 else newline
        if text[stop:line_end].strip():
            ln, col = line_col(text, _skip_ws(text, stop))
            raise LoadError(
                name,
                "JSON Lines 语法错误：一行只能有一个值",
                "JSON Lines syntax error: one value a line",
                ln,
                col,
            )
        yield _record(text, (start, stop), index, f"/{index}", data, lines)
        index += 1
        start = _skip_ws(text, line_end)


def read_jsonl(
    path: Path | bytes, name: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read a catalog from a JSON Lines file or its bytes (see :func:`read_jsonl_text`)."""
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    return read_jsonl_text(decode_text(read_bytes(path, label, max_bytes), label), label)
