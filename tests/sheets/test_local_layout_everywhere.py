"""Every command reads a workbook with the pack's own layout: diff and score as validate does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from govcatalog import get_pack, load_catalog, validate
from govcatalog.diff import diff
from govcatalog.io.formats import read_document
from govcatalog.packs import Pack
from govcatalog.records import iter_records
from govcatalog.score import assess
from govcatalog.validate import ValidationOptions, Validator

LAYOUT = """
[template]
id = "county"
title_zh = "某县政务信息资源目录"
sheet = "县级目录"
resource_key = ["code"]
default = true

[[column]]
field = "code"
heading = "资源标识码"

[[column]]
field = "name"
heading = "资源中文名称"

[[column]]
field = "provider"
heading = "责任单位"

[[column]]
field = "share.share_type"
heading = "共享类别"

[[column]]
field = "items.name"
heading = "字段中文名"
group = "数据项"
"""


@pytest.fixture
def county(tmp_path: Path) -> Pack:
    root = tmp_path / "county"
    (root / "templates").mkdir(parents=True)
    (root / "pack.toml").write_text(
        '[pack]\nid = "county-x"\nversion = "1.0.0"\nextends = "gb-1272@^1"\nstatus = "draft"\n',
        encoding="utf-8",
    )
    (root / "templates" / "county.toml").write_text(LAYOUT, encoding="utf-8")
    return get_pack(root)


def _book(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "县级目录"
    ws.append(["资源标识码", "资源中文名称", "责任单位", "共享类别", "数据项"])
    ws.append([None, None, None, None, "字段中文名"])
    for r in ("A", "B", "C", "D"):
        ws.merge_cells(f"{r}1:{r}2")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


OLD = [
    ["101001/000001", "户籍人口", "县公安局", "无条件共享", "姓名"],
    [None, None, None, None, "性别"],
]
NEW = [
    ["101001/000001", "户籍人口信息", "县公安局", "有条件共享", "姓名"],
    [None, None, None, None, "性别"],
    [None, None, None, None, "民族"],
]


def test_every_reader_gets_the_pack(county: Pack, tmp_path: Path) -> None:
    book = _book(tmp_path / "a.xlsx", OLD)
    with_pack = [r.record for r in iter_records(read_document(book, pack=county), county)]
    assert [r["code"] for r in with_pack if r] == ["101001/000001"]
    assert load_catalog(book, pack=county).resources[0].provider == "县公安局"
    assert not [f for f in validate(book, pack=county).findings if f.code == "GC-S004"]


def test_diff_of_workbooks_under_a_local_layout(county: Pack, tmp_path: Path) -> None:
    old = _book(tmp_path / "old.xlsx", OLD)
    new = _book(tmp_path / "new.xlsx", NEW)
    changes = diff(old, new, pack=county)
    seen = {(c.resource.code if c.resource else None, c.field, c.kind.value) for c in changes}
    fields = {f for _, f, _ in seen}
    assert {c for c, _, _ in seen} == {"101001/000001"}
    assert {"name", "share.share_type"} <= fields
    assert any(c.item is not None and c.item.name == "民族" for c in changes)
    assert not diff(old, old, pack=county)


def test_score_of_a_workbook_under_a_local_layout(county: Pack, tmp_path: Path) -> None:
    book = _book(tmp_path / "s.xlsx", NEW)
    day = dt.date(2026, 1, 1)
    result = assess(book, pack=county, today=day)
    assert [r.code for r in result.resources] == ["101001/000001"]
    assert [d.name for d in result.departments] == ["县公安局"]
    alone = validate(book, pack=county, options=ValidationOptions(today=day))
    assert result.report.findings == alone.findings


def test_the_score_hook_sees_each_resource_once(county: Pack, tmp_path: Path) -> None:
    book = _book(tmp_path / "h.xlsx", NEW)
    seen: list[str] = []
    validator = Validator(county, on_record=lambda read: seen.append(read.raw.pointer))
    validator.validate_document(read_document(book, pack=county))
    assert len(seen) == 1
