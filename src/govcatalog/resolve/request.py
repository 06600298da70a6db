"""A department's data request (需求清单), read from JSON, CSV or xlsx.

JSON::

    {"requester": {"name": "某市民政局", "code": "11420600011093474X"},
     "purpose": "业务协同", "date": "2025-09-26",
     "items": ["身份证号码", "单位名称"],
     "keys": [{"kind": "公民身份号码", "value": "11010519491231002X"}]}

Chinese keys are accepted too (申请部门, 统一社会信用代码, 使用用途, 申请日期, 需求信息项,
主体标识). Under 《政务数据共享条例》 a request also states (第二十条) its 使用依据 (``basis``),
使用场景 (``scene``), 使用范围 (``scope``), 共享方式 (``method``: 服务接口、批量交换 …) and
使用时限 (``period``); which of them are required is the pack's data (``requests.toml``).
CSV and xlsx (first sheet) have a header row; each row names one requested item and/or one
subject key; the requester, purpose and date may be given on any row but must not disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from govcatalog._optional import require
from govcatalog.errors import InvalidSource, LoadError
from govcatalog.identifiers import IdentifierKind
from govcatalog.io.formats import check_file
from govcatalog.model.enums import UsagePurpose
from govcatalog.resolve.request_model import (
    FIELD_NAMES,
    DataRequest,
    Requester,
    RequestFormat,
    SubjectKey,
)
from govcatalog.vocab import load_vocabulary

__all__ = [
    "FIELD_NAMES",
    "MAX_REQUEST_BYTES",
    "DataRequest",
    "RequestFormat",
    "RequestSource",
    "Requester",
    "SubjectKey",
    "open_request",
    "read_request",
    "request_from_bytes",
    "request_from_dict",
    "request_from_rows",
    "sniff_request",
]

MAX_REQUEST_BYTES = 20 * 1024 * 1024
"""Largest request file read."""


_TEXT_FIELDS = ("basis", "scene", "scope", "method", "period")


_FIELDS: Mapping[str, str] = {
    "requester": "requester",
    "申请部门": "requester",
    "需求部门": "requester",
    "部门名称": "requester",
    "requester_code": "requester_code",
    "统一社会信用代码": "requester_code",
    "部门代码": "requester_code",
    "purpose": "purpose",
    "使用用途": "purpose",
    "用途": "purpose",
    "date": "date",
    "申请日期": "date",
    "item": "item",
    "items": "item",
    "需求信息项": "item",
    "信息项": "item",
    "信息项名称": "item",
    "key": "key",
    "keys": "key",
    "主体标识": "key",
    "key_kind": "key_kind",
    "主体标识类型": "key_kind",
    "basis": "basis",
    "使用依据": "basis",
    "scene": "scene",
    "使用场景": "scene",
    "应用场景": "scene",
    "scope": "scope",
    "使用范围": "scope",
    "method": "method",
    "共享方式": "method",
    "period": "period",
    "使用时限": "period",
    "使用期限": "period",
}


def _fail(source: str, zh: str, en: str) -> LoadError:
    return LoadError(source, zh, en)


def parse_purpose(text: str, source: str = "request") -> UsagePurpose:
    """The usage purpose a text stands for (作为行政依据, 工作参考, 数据校核, 业务协同).

    Raises:
        LoadError: When the text is not a usage purpose.
    """
    match = load_vocabulary("usage-purpose").lookup(text.strip())
    if match is None:
        allowed = "、".join(p.value for p in UsagePurpose)
        raise _fail(source, f"使用用途“{text}”无效，应为{allowed}", f"unknown purpose {text!r}")
    return UsagePurpose(match.concept.label_zh)


def _kind(text: str, source: str) -> IdentifierKind:
    try:
        return IdentifierKind(text.strip())
    except ValueError:
        raise _fail(source, f"主体标识类型“{text}”未知", f"unknown key kind {text!r}") from None


def _date(text: str, source: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _fail(
            source, f"日期“{text}”应为 YYYY-MM-DD", f"date {text!r} is not YYYY-MM-DD"
        ) from None


def _key(value: object, source: str) -> SubjectKey:
    if isinstance(value, Mapping):
        kind = value.get("kind") or value.get("主体标识类型")
        raw = value.get("value") or value.get("主体标识")
        if not isinstance(raw, str):
            raise _fail(source, "主体标识缺少 value", "a subject key needs a value")
        return SubjectKey(raw.strip(), _kind(str(kind), source) if kind else None)
    if isinstance(value, str):
        return SubjectKey(value.strip())
    raise _fail(source, "主体标识应为字符串或对象", "a subject key must be a string or object")


def request_from_dict(data: Mapping[str, object], source: str = "request") -> DataRequest:
    """A request from its JSON object (English or Chinese keys).

    Raises:
        LoadError: When a value has the wrong shape or is unknown.
    """
    norm = {_FIELDS.get(str(k), str(k)): v for k, v in data.items()}
    req = norm.get("requester")
    if isinstance(req, Mapping):
        name = req.get("name") or req.get("部门名称")
        code = req.get("code") or req.get("统一社会信用代码")
    else:
        name, code = req, norm.get("requester_code")
    if not isinstance(name, str) or not name.strip():
        raise _fail(source, "缺少申请部门名称", "the requesting department's name is missing")
    items = norm.get("item", [])
    if not isinstance(items, list):
        raise _fail(source, "需求信息项应为列表", "items must be a list")
    names: list[str] = []
    for item in items:
        if type(item) is str:  # the common case, without the costlier Mapping check
            names.append(item)
            continue
        text = item.get("name") if isinstance(item, Mapping) else item
        if not isinstance(text, str):
            raise _fail(source, "需求信息项应为字符串", "each item must be a string")
        names.append(text)
    keys = norm.get("key", [])
    if not isinstance(keys, list):
        raise _fail(source, "主体标识应为列表", "keys must be a list")
    purpose = norm.get("purpose")
    day = norm.get("date")
    texts = {f: _text(norm.get(f), f, source) for f in _TEXT_FIELDS}
    return DataRequest(
        requester=Requester(name.strip(), str(code).strip() if code else None),
        purpose=parse_purpose(str(purpose), source) if purpose else None,
        items=tuple(names),
        keys=tuple(_key(k, source) for k in keys),
        date=_date(str(day), source) if day else None,
        basis=texts["basis"],
        scene=texts["scene"],
        scope=texts["scope"],
        method=_method(texts["method"]),
        period=texts["period"],
    )


def _text(value: object, field: str, source: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        zh, en = FIELD_NAMES[field]
        raise _fail(source, f"{zh}应为文字", f"{en} must be text")
    text = str(value).strip()
    return text or None


def _method(text: str | None) -> str | None:
    """共享方式 in its canonical form when the vocabulary knows it (the list is open: 等)."""
    if text is None:
        return None
    match = load_vocabulary("delivery-method").lookup(text)
    return match.concept.label_zh if match is not None else text


def request_from_rows(rows: Iterable[Sequence[object]], source: str = "request") -> DataRequest:
    """A request from table rows, the first being the header.

    Raises:
        LoadError: When the header has no item or key column, or rows disagree.
    """
    it = iter(rows)
    header = next(it, None)
    if header is None:
        raise _fail(source, "表格为空", "the table is empty")
    columns = [_FIELDS.get(str(h).strip() if h is not None else "", "") for h in header]
    if "item" not in columns and "key" not in columns:
        raise _fail(source, "表头缺少“需求信息项”列", "the header has no 需求信息项 (item) column")
    single: dict[str, str] = {}
    items: list[str] = []
    keys: list[SubjectKey] = []
    for row in it:
        cells = {
            c: str(v).strip() for c, v in zip(columns, row, strict=False) if c and v is not None
        }
        for field in ("requester", "requester_code", "purpose", "date", *_TEXT_FIELDS):
            value = cells.get(field)
            if value and single.setdefault(field, value) != value:
                raise _fail(
                    source,
                    f"各行的{field}不一致：{single[field]} / {value}",
                    f"rows disagree on {field}: {single[field]!r} / {value!r}",
                )
        if cells.get("item"):
            items.append(cells["item"])
        if cells.get("key"):
            kind = cells.get("key_kind")
            keys.append(SubjectKey(cells["key"], _kind(kind, source) if kind else None))
    data: dict[str, object] = {**single, "item": items}
    return request_from_dict(data, source) if not keys else _with_keys(data, keys, source)


def _with_keys(data: dict[str, object], keys: list[SubjectKey], source: str) -> DataRequest:
    return replace(request_from_dict(data, source), keys=tuple(keys))


def _xlsx_rows(path: Path | bytes, source: str) -> list[tuple[object, ...]]:
    load_workbook = require("openpyxl", "reading an .xlsx request").load_workbook
    try:
        book = load_workbook(
            io.BytesIO(path) if isinstance(path, bytes) else path, read_only=True, data_only=True
        )
    except Exception as exc:
        raise _fail(source, f"无法读取 xlsx：{exc}", f"cannot read xlsx: {exc}") from None
    try:
        sheet = book.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _decode(raw: bytes, source: str, fmt: RequestFormat) -> str:
    """UTF-8 (with or without BOM); a CSV also GB18030 (which covers GBK), as ``validate`` reads."""
    encodings = ("utf-8-sig", "gb18030") if fmt is RequestFormat.CSV else ("utf-8-sig",)
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if fmt is RequestFormat.CSV:
        raise _fail(source, "不是 UTF-8 或 GB18030 编码的文本", "not UTF-8 or GB18030 text")
    raise _fail(source, "不是 UTF-8 编码的文本", "not UTF-8 text")


def read_request(path: Path, fmt: RequestFormat | None = None) -> DataRequest:
    """Read a request file (format from the suffix unless given).

    Raises:
        LoadError: When the file cannot be read or is not a request.
    """
    source = str(path)
    check_file(path, source, ("需求", "request"))  # a directory, missing or empty: as elsewhere
    try:
        size = path.stat().st_size
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise _fail(source, f"无法读取：{reason}", f"cannot read: {reason}") from None
    if size > MAX_REQUEST_BYTES:
        raise _fail(source, "文件过大", f"file larger than {MAX_REQUEST_BYTES} bytes")
    suffix = path.suffix.lower().lstrip(".")
    try:
        the_fmt = fmt or RequestFormat(suffix)
    except ValueError:
        raise _fail(source, f"不支持的格式 .{suffix}", f"unsupported format .{suffix}") from None
    if the_fmt is RequestFormat.XLSX:
        return request_from_rows(_xlsx_rows(path, source), source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(source, f"无法读取：{exc}", f"cannot read: {exc}") from None
    return request_from_bytes(raw, the_fmt, source)


def sniff_request(raw: bytes) -> RequestFormat:
    """The format of a request's bytes: a zip is a workbook, ``{`` starts JSON, else CSV."""
    if raw.startswith(b"PK\x03\x04"):
        return RequestFormat.XLSX
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return RequestFormat.JSON if head in (b"{", b"[") else RequestFormat.CSV


def request_from_bytes(
    raw: bytes, fmt: RequestFormat | None = None, source: str = "<bytes>"
) -> DataRequest:
    """A request from the bytes of a JSON, CSV or xlsx request (format sniffed unless given).

    Raises:
        LoadError: When the bytes are not a request.
    """
    if len(raw) > MAX_REQUEST_BYTES:
        raise _fail(source, "文件过大", f"file larger than {MAX_REQUEST_BYTES} bytes")
    the_fmt = fmt or sniff_request(raw)
    if the_fmt is RequestFormat.XLSX:
        return request_from_rows(_xlsx_rows(raw, source), source)
    text = _decode(raw, source, the_fmt)
    if not text.strip():
        raise _fail(source, "文件为空", "the file is empty")
    if the_fmt is RequestFormat.CSV:
        return request_from_rows(csv.reader(io.StringIO(text)), source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            source,
            f"JSON 语法错误：{exc.msg}",
            f"JSON syntax error: {exc.msg}",
            exc.lineno,
            exc.colno,
        ) from None
    if not isinstance(data, dict):
        raise _fail(source, "应为 JSON 对象", "expected a JSON object")
    return request_from_dict(data, source)


RequestSource = DataRequest | Mapping[str, object] | str | os.PathLike[str] | bytes | IO[bytes]
"""What a request is read from: a request, its JSON object, JSON text, a path, bytes or a file."""


def open_request(source: RequestSource, fmt: RequestFormat | str | None = None) -> DataRequest:
    """A request from any of :data:`RequestSource` (``fmt``: ``json``, ``csv`` or ``xlsx``).

    Raises:
        InvalidSource: For an object that is no request input.
        LoadError: When the input is not a request.
    """
    the_fmt = RequestFormat(fmt.lower().lstrip(".")) if isinstance(fmt, str) else fmt
    if isinstance(source, DataRequest):
        return source
    if isinstance(source, Mapping):
        return request_from_dict(source, "<dict>")
    if isinstance(source, bytes | bytearray):
        return request_from_bytes(bytes(source), the_fmt)
    if isinstance(source, str) and (source.lstrip().startswith("{") or "\n" in source.strip()):
        return request_from_bytes(source.encode("utf-8"), the_fmt, "<text>")
    if isinstance(source, str | os.PathLike):
        return read_request(Path(source), the_fmt)
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes | bytearray):
            raise InvalidSource(f"a file object whose read() gives {type(data).__name__}")
        name = getattr(source, "name", None)
        label = str(name) if isinstance(name, str | os.PathLike) else "<stream>"
        if the_fmt is None and isinstance(name, str):
            suffix = Path(name).suffix.lower().lstrip(".")
            the_fmt = RequestFormat(suffix) if suffix in set(RequestFormat) else None
        return request_from_bytes(bytes(raw), the_fmt, label)
    raise InvalidSource(f"an object of type {type(source).__name__}")
