"""Reading catalogs from real-layout workbooks and CSV files, with cell-located findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheetbook import RES_A, build_real_layout, column_of

from govcatalog import load_catalog, validate
from govcatalog.io.sheet_reader import read_csv, read_xlsx
from govcatalog.packs import Pack
from govcatalog.report import Report


def _by_code(report: Report, code: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (f.location.sheet, f.location.cell, f.location.pointer)
        for f in report.findings
        if f.code == code
    ]


def test_real_layout_groups_rows_into_resources(real_layout: Path, pack: Pack) -> None:
    doc = read_xlsx(real_layout, "city.xlsx", pack)
    records = list(doc.records)
    assert [len(r.data["items"]) for r in records] == [3, 2]  # type: ignore[index, call-overload]
    first = records[0].data
    assert isinstance(first, dict)
    assert first["code"] == RES_A["信息资源编码"]
    assert first["provider_code"] == RES_A["部门代码"]  # alias 部门代码
    assert first["share"]["share_condition"] == "仅用于行政审批"  # alias 共享条件/不予共享依据
    assert first["category"]["lei"] == "部门信息资源目录"  # alias 类分类 under 信息资源分类
    assert first["extensions"] == {"联系人": "张三"}  # unknown column kept
    assert records[0].sheet == "目录"


def test_cells_are_located_for_resource_item_and_nested_pointers(
    real_layout: Path, pack: Pack
) -> None:
    record = next(iter(read_xlsx(real_layout, "city.xlsx", pack).records))
    assert record.cells is not None
    assert record.cells["/code"] == f"{column_of('信息资源编码')}4"
    assert record.cells["/share/share_type"] == f"{column_of('共享类型')}4"
    assert record.cells["/items/2/data_type"] == f"{column_of('数据类型')}6"
    assert record.locator.locate("/items/1/data_type") == (5, 12)


def test_findings_carry_sheet_and_cell(real_layout: Path, pack: Pack) -> None:
    report = validate(real_layout, pack=pack)
    share_condition = column_of("共享条件/不予共享依据")
    assert ("目录", f"{share_condition}7", "/resources/1/share/share_condition") in _by_code(
        report, "GC-R002"
    )
    normalised = _by_code(report, "GC-F003")
    assert ("目录", f"{column_of('数据类型')}5", "/resources/0/items/1/data_type") in normalised
    assert ("目录", f"{column_of('更新周期')}7", "/resources/1/update_cycle") in normalised
    unknown = [f for f in report.findings if f.code == "GC-S004"]
    assert [(f.value, f.location.cell) for f in unknown] == [("联系人", f"{column_of('联系人')}3")]
    assert not [f for f in report.findings if f.code == "GC-F002"]  # C, 字符串型C, 字符型C all read


def test_repeated_and_merged_resource_cells_read_alike(tmp_path: Path, pack: Pack) -> None:
    merged = load_catalog(build_real_layout(tmp_path / "m.xlsx"), pack=pack)
    repeated = load_catalog(build_real_layout(tmp_path / "r.xlsx", merge=False), pack=pack)
    assert merged == repeated
    assert len(merged.resources) == 2


def test_disagreeing_rows_are_reported_with_the_cell(tmp_path: Path, pack: Pack) -> None:
    report = validate(build_real_layout(tmp_path / "c.xlsx", conflict=True), pack=pack)
    assert _by_code(report, "GC-S008") == [
        ("目录", f"{column_of('更新周期')}8", "/resources/1/update_cycle")
    ]


def _write_csv(path: Path, encoding: str) -> Path:
    rows = [
        "信息资源名称,信息资源代码,信息资源提供方,资源提供方代码,信息项名称,数据类型,数据长度,共享类型",
        "人口信息,101001/000001,某市公安局,bad-code,姓名,字符型C,50,无条件共享",
        ",,,,性别,C,2,",
        "法人信息,102001/000001,某市市场监管局,,名称,字符型,100,随便",
    ]
    path.write_bytes(("\n".join(rows) + "\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030", "gbk", "utf-16"])
def test_csv_in_either_encoding(tmp_path: Path, pack: Pack, encoding: str) -> None:
    path = _write_csv(tmp_path / "catalog.csv", encoding)
    records = list(read_csv(path, "catalog.csv", pack).records)
    assert [r.data["name"] for r in records] == ["人口信息", "法人信息"]  # type: ignore[index, call-overload]
    assert records[0].data["items"][1] == {"name": "性别", "data_type": "C", "length": 2}  # type: ignore[index, call-overload]
    report = validate(path, pack=pack)
    assert ("catalog", "H4", "/resources/1/share/share_type") in _by_code(report, "GC-F002")


def test_utf16_without_its_byte_order_mark_is_refused_in_one_line(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "catalog.csv", "utf-16-le")  # no BOM: cannot be told apart
    report = validate(path)
    assert [(f.code, f.message_en) for f in report.findings] == [
        ("GC-S001", "Cannot read the input: not UTF-8, UTF-16 or GB18030 text")
    ]


def test_sheet_without_headings_is_a_shape_problem(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    report = validate(path, pack=pack)
    assert [f.code for f in report.findings] == ["GC-S002"]


def test_broken_csv_is_unreadable_not_a_traceback(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "信息资源名称,信息资源代码,信息资源提供方\n" + '"' + "x" * 200_000 + '",a,b\n',
        encoding="utf-8",
    )
    report = validate(path, pack=pack)
    assert [f.code for f in report.findings] == ["GC-S001"]
    assert "CSV" in report.findings[0].message_en
