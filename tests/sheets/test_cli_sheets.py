"""End to end from the command line: template → fill → validate → annotate; export; exit codes."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sheetbook import build_real_layout, column_of
from typer.testing import CliRunner

from govcatalog import load_catalog, validate
from govcatalog.cli.app import _register, app
from govcatalog.io.annotate import annotate_workbook
from govcatalog.io.sheet_reader import ANNOTATION_SHEET
from govcatalog.packs import Pack

_register()
runner = CliRunner()


def _fill(template: Path, out: Path) -> None:
    """Fill the written template as an editor would: one resource with two items, one mistake."""
    wb = load_workbook(template)
    ws = wb["信息资源目录"]
    heads = {}
    for col in range(1, ws.max_column + 1):
        text = ws.cell(2, col).value or ws.cell(1, col).value
        heads[str(text).replace("（必填项）", "")] = col
    row = {
        "类": "基础信息资源目录",
        "项": "国家人口基础信息资源",
        "信息资源名称": "户籍人口信息",
        "信息资源代码": "101001/000001",
        "信息资源提供方": "某市公安局",
        "信息资源提供方代码": "91350100M000100Y43",
        "信息资源摘要": "户籍人口基本信息",
        "格式分类": "数据库",
        "格式类型": "Oracle",
        "共享类型": "无条件共享",
        "共享方式分类": "共享平台方式",
        "共享方式类型": "接口",
        "是否向社会开放": "否",
        "更新周期": "每周几",  # not a value of the vocabulary
        "发布日期": "2024-03-01",
    }
    for name, value in row.items():
        ws.cell(3, heads[name], value)
    for r, (item, dtype) in enumerate((("姓名", "字符型C"), ("公民身份号码", "字符型C")), start=3):
        ws.cell(r, heads["信息项名称"], item)
        ws.cell(r, heads["数据类型"], dtype)
        ws.cell(r, heads["数据长度"], 18)
    wb.save(out)


def test_template_fill_validate_annotate(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    result = runner.invoke(app, ["template", "--pack", "gb-1272", str(template)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(template)
    ws = wb["信息资源目录"]
    assert ws.freeze_panes == "A3"
    assert any(c.value == "共享属性" for c in ws[1])
    assert len(ws.data_validations.dataValidation) >= 8
    assert {"填写说明", "目录信息"} <= set(wb.sheetnames)

    filled = tmp_path / "filled.xlsx"
    _fill(template, filled)
    annotated = tmp_path / "checked.xlsx"
    result = runner.invoke(
        app, ["validate", str(filled), "--annotate", str(annotated), "--lang", "en"]
    )
    assert result.exit_code == 1, result.output
    assert "信息资源目录!" in result.output
    report = validate(filled)
    f002 = [f for f in report.findings if f.code == "GC-F002"]
    assert [(f.location.sheet, f.location.pointer) for f in f002] == [
        ("信息资源目录", "/resources/0/update_cycle")
    ]
    out = load_workbook(annotated)
    cell = out["信息资源目录"][f002[0].location.cell or ""]
    assert cell.comment is not None
    assert "GC-F002" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    summary = out[ANNOTATION_SHEET]
    codes = [summary.cell(r, 2).value for r in range(3, summary.max_row + 1)]
    assert sorted(codes) == sorted(f.code for f in report.findings)


def test_annotate_api_marks_merged_cells_at_their_anchor(tmp_path: Path, pack: Pack) -> None:
    source = build_real_layout(tmp_path / "city.xlsx", conflict=True)
    report = validate(source, pack=pack)
    marked = annotate_workbook(source, report, tmp_path / "out.xlsx")
    assert marked == len(
        {(f.location.sheet, f.location.cell) for f in report.findings if f.location.cell}
    )
    ws = load_workbook(tmp_path / "out.xlsx")["目录"]
    assert "GC-R002" in ws[f"{column_of('共享条件/不予共享依据')}7"].comment.text


def test_annotate_needs_one_workbook(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "a.json", "--annotate", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2


def test_unreadable_workbook_exits_2_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    result = runner.invoke(app, ["validate", str(path), "--annotate", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 2
    assert "encrypted" in result.output
    assert not (tmp_path / "o.xlsx").exists()


def test_export_to_xml_and_back_to_a_workbook(tmp_path: Path, pack: Pack) -> None:
    source = build_real_layout(tmp_path / "city.xlsx")
    xml = tmp_path / "city.xml"
    result = runner.invoke(app, ["export", str(source), "--to", "xml", "-o", str(xml)])
    assert result.exit_code == 0, result.output
    book = tmp_path / "again.xlsx"
    result = runner.invoke(app, ["export", str(xml), "--to", "xlsx", "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert load_catalog(book, pack=pack) == load_catalog(source, pack=pack)


def test_export_of_unreadable_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<!DOCTYPE x><x/>", encoding="utf-8")
    result = runner.invoke(app, ["export", str(bad), "--to", "xml", "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == 2
    assert "DOCTYPE" in result.output


def test_schema_xsd(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--xsd"])
    assert result.exit_code == 0
    assert "xs:schema" in result.output
