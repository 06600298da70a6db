"""Reading catalogs from JSON: lazily, one resource at a time, with positions.

The whole text is decoded once; resources are then parsed one by one with the
standard library's C scanner, so memory holds the text and one resource's objects,
never the whole parsed catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from govcatalog.errors import LoadError
from govcatalog.io._jsonpos import LineCounter, _skip_ws, line_col
from govcatalog.io.json_envelope import TopLevel, consider, wrapped_or_missing
from govcatalog.io.json_planned import iter_planned
from govcatalog.io.json_scan import (
    at_error,
    decode_at,
    facts,
    iter_array,
    record,
    syntax_error,
)
from govcatalog.io.records import DocumentProblem, RawRecord, SourceDocument, pointer_token
from govcatalog.io.shape import INFO_KEYS, RESOURCE_KEYS, ResourceNames, not_a_list
from govcatalog.io.top_plan import gives_twice
from govcatalog.io.top_walk import once_each, scan_text

if TYPE_CHECKING:
    from govcatalog.packs.pack import Pack

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


def read_json_text(
    text: str, name: str, names: ResourceNames | None = None, *, once: bool = False
) -> SourceDocument:
    """Read a catalog from JSON text.

    Resources are parsed lazily while ``records`` is iterated; the catalog facts
    (``info``) and shape problems are complete once it is exhausted. A syntax error
    raises :class:`LoadError` (with line and column) from the iteration. In an API response
    envelope without a list of resources, the list whose objects' keys ``names`` knows as a
    resource's is read (see :func:`~govcatalog.io.shape.envelope_path`).

    Where the top-level object writes a key twice, or names its facts or its resources twice,
    the later is read and the earlier said (:mod:`govcatalog.io.top_plan`): the object is
    first scanned for them (:func:`~govcatalog.io.top_walk.scan_text`, about one more parse
    of the text), unless the caller knows it writes each key once and names each of them
    once at most (``once``: see :func:`~govcatalog.io.top_walk.once_each`).

    Raises:
        LoadError: When the text is empty or does not start a JSON value.
    """
    i = _skip_ws(text, 0)
    if i >= len(text):
        raise LoadError(name, "文件为空", "the file is empty")
    doc = SourceDocument(name, None, iter(()))
    if text[i] == "[":
        doc.records = iter_array(text, i, "", name, LineCounter(text))
    elif text[i] == "{":
        doc.records = _iter_object(text, i, name, doc, names, once)
    else:
        try:
            decode_at(text, i, name)
        except json.JSONDecodeError as exc:
            raise syntax_error(name, exc) from None
        ln, col = line_col(text, i)
        doc.problems.append(
            DocumentProblem("", "顶层不是对象", "the top level is not an object", ln, col)
        )
    return doc


def _iter_object(
    text: str, i: int, name: str, doc: SourceDocument, names: ResourceNames | None, once: bool
) -> Iterator[RawRecord]:
    if not once:
        members = scan_text(text, i)
        if members is not None and gives_twice([m.key for m in members]):
            yield from iter_planned(text, i, members, name, doc, names)
            return
    top = TopLevel(names=names)
    lines = LineCounter(text)
    j = _skip_ws(text, i + 1)
    try:
        while j < len(text) and text[j] != "}":
            if text[j] != '"':
                raise at_error(
                    text, j, name, "键应为带引号的名称", "expected a name in double quotes"
                )
            key, j = decode_at(text, j, name)
            j = _skip_ws(text, j)
            if j >= len(text) or text[j] != ":":
                raise at_error(text, j, name, "缺少冒号", "expected ':'")
            start = j = _skip_ws(text, j + 1)
            pointer = "/" + pointer_token(key)
            if key in RESOURCE_KEYS and not top.found and j < len(text) and text[j] == "[":
                top.found = True
                end = yield from iter_array(text, start, pointer, name, lines)
                j = _skip_ws(text, end + 1)
            else:
                j = _member(text, (str(key), pointer, start), name, doc, top, lines)
            if j < len(text) and text[j] == ",":
                j = _skip_ws(text, j + 1)
            elif j < len(text) and text[j] != "}":
                raise at_error(text, j, name, "缺少逗号", "expected ','")
    except json.JSONDecodeError as exc:
        raise syntax_error(name, exc) from None
    if j >= len(text):
        raise at_error(text, len(text), name, "对象未结束", "unterminated object")
    if _skip_ws(text, j + 1) < len(text):
        raise at_error(text, _skip_ws(text, j + 1), name, "多余的内容", "extra data")
    yield from wrapped_or_missing(text, i, name, doc, top, lines)


def _member(
    text: str,
    member: tuple[str, str, int],
    name: str,
    doc: SourceDocument,
    top: TopLevel,
    lines: LineCounter,
) -> int:
    """Read a top-level member other than the resource list: the catalog facts, a resource
    list that is not a list, or a candidate envelope. Returns where the member ends."""
    key, pointer, start = member
    value, j = decode_at(text, start, name)
    if key in RESOURCE_KEYS and not top.found:
        top.found = True
        doc.problems.append(not_a_list(key, pointer, value, *line_col(text, start)))
    elif key in INFO_KEYS and doc.info is None:
        doc.info, doc.info_replaced = facts(text, (start, j), pointer, value, lines)
    elif not top.found:
        consider(top, key, value, (start, j))
    return _skip_ws(text, j)


def read_json(
    path: Path | bytes,
    name: str | None = None,
    pack: Pack | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    once: bool | None = None,
) -> SourceDocument:
    """Read a catalog from a JSON file or its bytes (see :func:`read_json_text`); ``pack``
    names the keys of a resource, by which its list is told in an API response envelope.
    ``once``: whether the top-level object writes each key once and names its facts and its
    resources once at most, where the caller knows (None: msgspec is asked, in C, whatever
    ``GOVCATALOG_FAST`` says: :func:`~govcatalog.io.top_walk.once_each`)."""
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    buf = read_bytes(path, label, max_bytes)
    text = decode_text(buf, label)
    names = None if pack is None else pack.fields.key_map(None)
    return read_json_text(text, label, names, once=once_each(buf) if once is None else once)


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
            data, stop = decode_at(text, start, name)
        except json.JSONDecodeError as exc:
            raise syntax_error(name, exc) from None
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
        yield record(text, (start, stop), index, f"/{index}", data, lines)
        index += 1
        start = _skip_ws(text, line_end)


def read_jsonl(
    path: Path | bytes, name: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read a catalog from a JSON Lines file or its bytes (see :func:`read_jsonl_text`)."""
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    return read_jsonl_text(decode_text(read_bytes(path, label, max_bytes), label), label)
