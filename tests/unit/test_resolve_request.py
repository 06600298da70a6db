"""Reading requests from JSON, CSV and xlsx."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from govcatalog.errors import LoadError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import UsagePurpose
from govcatalog.resolve import SubjectKey, read_request, request_from_dict

ROWS = [
    [
        "申请部门",
        "统一社会信用代码",
        "使用用途",
        "申请日期",
        "需求信息项",
        "主体标识",
        "主体标识类型",
    ],
    [
        "某市民政局",
        "11420600011093474X",
        "业务协同",
        "2025-09-26",
        "身份证号码",
        "420600",
        "行政区划代码",
    ],
    [None, None, None, None, "单位名称", None, None],
    ["某市民政局", None, None, None, "婚姻状况", "11010519491231002X", None],
]


def check(req_path: Path) -> None:
    req = read_request(req_path)
    assert req.requester.name == "某市民政局"
    assert req.requester.code == "11420600011093474X"
    assert req.purpose is UsagePurpose.BUSINESS_COORDINATION
    assert req.date == dt.date(2025, 9, 26)
    assert req.items == ("身份证号码", "单位名称", "婚姻状况")
    assert req.keys == (
        SubjectKey("420600", IdentifierKind.DIVISION_CODE),
        SubjectKey("11010519491231002X"),
    )


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "req.csv"
    path.write_text("\n".join(",".join(c or "" for c in row) for row in ROWS), encoding="utf-8")
    check(path)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_csv_in_the_encodings_validate_reads(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "req.csv"
    text = "\n".join(",".join(c or "" for c in row) for row in ROWS)
    path.write_bytes(text.encode(encoding))
    check(path)


def test_csv_in_an_unknown_encoding_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "req.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x30")
    with pytest.raises(LoadError, match="GB18030"):
        read_request(path)


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for row in ROWS:
        book.active.append(row)
    path = tmp_path / "req.xlsx"
    book.save(path)
    check(path)


def test_json(tmp_path: Path) -> None:
    data = {
        "requester": {"name": "某市民政局", "code": "11420600011093474X"},
        "purpose": "业务协同",
        "date": "2025-09-26",
        "items": ["身份证号码", {"name": "单位名称"}, "婚姻状况"],
        "keys": [{"kind": "行政区划代码", "value": "420600"}, "11010519491231002X"],
    }
    path = tmp_path / "req.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    check(path)


def test_chinese_keys_and_hidden_purpose_label() -> None:
    req = request_from_dict({"申请部门": "某局", "使用用途": "行政依据", "需求信息项": ["姓名"]})
    assert req.purpose is UsagePurpose.ADMINISTRATIVE_BASIS
    assert req.items == ("姓名",)


@pytest.mark.parametrize(
    "data",
    [
        {"items": ["姓名"]},
        {"requester": "某局", "purpose": "随便用用", "items": []},
        {"requester": "某局", "items": "姓名"},
        {"requester": "某局", "items": [1]},
        {"requester": "某局", "date": "26/09/2025"},
        {"requester": "某局", "keys": [{"kind": "车牌号", "value": "x"}]},
        {"requester": "某局", "keys": [3]},
    ],
)
def test_bad_requests(data: dict[str, object]) -> None:
    with pytest.raises(LoadError):
        request_from_dict(data)


def test_rows_that_disagree(tmp_path: Path) -> None:
    path = tmp_path / "req.csv"
    path.write_text("申请部门,需求信息项\n甲局,姓名\n乙局,性别\n", encoding="utf-8")
    with pytest.raises(LoadError, match="disagree"):
        read_request(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("r.json", "{"),
        ("r.json", "[]"),
        ("r.csv", "a,b\n1,2\n"),
        ("r.csv", ""),
        ("r.txt", "x"),
        ("r.xlsx", "not a zip"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError):
        read_request(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError):
        read_request(tmp_path / "none.json")
