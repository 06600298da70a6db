"""Regenerate the screenshots of docs/validate-your-workbook.md.

Writes the template, fills it as an editor might (with a few typical mistakes),
validates and annotates it, then renders the annotated workbook to PNG with
LibreOffice (headless, to PDF) and pdftoppm::

    python docs/assets/workbook/make_screenshots.py

Needs the Debian packages libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from govcatalog import get_pack, validate
from govcatalog.io.annotate import annotate_workbook
from govcatalog.io.sheet_writer import write_workbook

HERE = Path(__file__).resolve().parent

RESOURCES = [
    # 类, 项, 名称, 代码, 提供方, 提供方代码, 摘要, 格式分类, 格式类型, items,
    # 共享类型, 共享条件, 方式分类, 方式类型, 开放, 更新周期, 发布日期
    (
        "基础信息资源目录",
        "国家人口基础信息资源",
        "户籍人口信息",
        "101001/000001",
        "某市公安局",
        "91350100M000100Y43",
        "户籍人口基本信息",
        "数据库",
        "Oracle",
        [("姓名", "字符型C", 50), ("公民身份号码", "字符型C", 18), ("出生日期", "日期型", 8)],
        "有条件共享",
        None,
        "共享平台方式",
        "接口",
        "否",
        "每日",
        dt.datetime(2024, 3, 1),
    ),
    (
        "部门信息资源目录",
        "省（自治区、直辖市）及其下各级政务部门",
        "行政处罚信息",
        "307001/00002",
        "某市市场监督管理局",
        "91350100M000100Y44",
        "行政处罚决定信息",
        "电子表格",
        "xlsx",
        [("处罚决定书文号", "字符串型C", 50), ("处罚日期", "日期", None)],
        "不予共享",
        None,
        "共享平台方式",
        "文件",
        "是",
        "每天",
        dt.datetime(2024, 3, 1),
    ),
]
HEADS = [
    "类",
    "项",
    "信息资源名称",
    "信息资源代码",
    "信息资源提供方",
    "信息资源提供方代码",
    "信息资源摘要",
    "格式分类",
    "格式类型",
    None,
    "共享类型",
    "共享条件",
    "共享方式分类",
    "共享方式类型",
    "是否向社会开放",
    "更新周期",
    "发布日期",
]


def _fill(template: Path, out: Path) -> None:
    wb = load_workbook(template)
    ws = wb["信息资源目录"]
    col = {}
    for c in range(1, ws.max_column + 1):
        text = ws.cell(2, c).value or ws.cell(1, c).value
        col[str(text).replace("（必填项）", "")] = c
    row = 3
    for res in RESOURCES:
        first = row
        items = res[9]
        for n, (name, dtype, length) in enumerate(items):
            ws.cell(row, col["信息项名称"], name)
            ws.cell(row, col["数据类型"], dtype)
            if length:
                ws.cell(row, col["数据长度"], length)
            if n == 0:
                for head, value in zip(HEADS, res, strict=True):
                    if head is not None and value is not None:
                        cell = ws.cell(row, col[head], value)
                        cell.alignment = Alignment(vertical="top")
                        if isinstance(value, dt.datetime):
                            cell.number_format = "yyyy-mm-dd"
            row += 1
        for head in HEADS:
            if head is not None:
                ws.merge_cells(
                    start_row=first, start_column=col[head], end_row=row - 1, end_column=col[head]
                )
    wb.save(out)


def _render(
    book: Path, sheet: str, area: str, out: Path, tmp: Path, *, keep: str = "", height: int = 0
) -> None:
    """Render ``area`` of ``sheet`` to ``out``; ``keep``: columns shown; ``height``: crop (px)."""
    wb = load_workbook(book)
    for name in wb.sheetnames:
        if name != sheet:
            wb[name].sheet_state = "hidden"
    wb.active = wb.sheetnames.index(sheet)
    ws = wb[sheet]
    if keep:
        for c in range(1, ws.max_column + 1):
            letter = get_column_letter(c)
            if letter not in keep.split(","):
                ws.column_dimensions[letter].hidden = True
    ws.print_area = area
    ws.page_margins = PageMargins(left=0.2, right=0.2, top=0.2, bottom=0.2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    single = tmp / f"{out.stem}.xlsx"
    wb.save(single)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(single)],
        check=True,
        capture_output=True,
    )
    crop = ["-x", "0", "-y", "0", "-W", "1300", "-H", str(height)] if height else []
    pdf = str(tmp / f"{out.stem}.pdf")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "110",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            *crop,
            pdf,
            str(out.with_suffix("")),
        ],
        check=True,
    )


def main() -> None:
    pack = get_pack("gb-1272@^1")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        template = tmp / "template.xlsx"
        write_workbook(template, pack)
        filled = tmp / "filled.xlsx"
        _fill(template, filled)
        report = validate(filled, pack=pack)
        annotated = tmp / "checked.xlsx"
        annotate_workbook(filled, report, annotated)
        shown = "E,F,H,M,N,O,S,T,W,X,Y"
        _render(
            annotated,
            "信息资源目录",
            "A1:Z7",
            HERE / "annotated-catalog.png",
            tmp,
            keep=shown,
            height=170,
        )
        _render(annotated, "校验结果", "A1:G20", HERE / "annotated-summary.png", tmp, height=230)
        _render(template, "填写说明", "A1:E38", HERE / "template-instructions.png", tmp, height=640)
        shutil.copy(annotated, HERE / "example-annotated.xlsx")


if __name__ == "__main__":
    main()
