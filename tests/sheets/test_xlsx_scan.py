"""The fast row scanner and the lxml path read the same values from the same sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sheetbook import build_real_layout

from govcatalog.errors import LoadError
from govcatalog.io.xlsx_parse import open_workbook


def _both(path: Path, sheet: str) -> tuple[list[object], list[object]]:
    out = []
    for fast in (True, False):
        with open_workbook(str(path), path.name) as wb:
            wb.fast_scan = fast
            out.append(list(wb.iter_rows(sheet)))
    return out[0], out[1]


def _tricky(path: Path, *, write_only: bool) -> Path:
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("表") if write_only else wb.active
    if not write_only:
        ws.title = "表"
    rows = [
        ["名称 & <标记>", "引号\"'", "  前后空格  ", "多行\r\n文本\n第三行", "\t制表"],
        [1, 2.5, -3, 1e-7, 12345678901234567890],
        [True, False, dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1, 12, 30), None],
        ["=1+1", '="a"&"b"', "#N/A", "😀 emoji", "ｆｕｌｌ"],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("write_only", [True, False])
def test_fast_scan_equals_lxml_on_tricky_cells(tmp_path: Path, write_only: bool) -> None:
    path = _tricky(tmp_path / "t.xlsx", write_only=write_only)
    fast, slow = _both(path, "表")
    assert fast == slow
    assert fast[0][1][1] == "名称 & <标记>"
    assert "文本\n第三行" in str(fast[0][1][4])


def test_fast_scan_equals_lxml_on_a_real_layout(tmp_path: Path) -> None:
    path = build_real_layout(tmp_path / "city.xlsx", conflict=True)
    fast, slow = _both(path, "目录")
    assert fast == slow
    assert len(fast) == 8


def test_doctype_in_a_sheet_is_refused(tmp_path: Path) -> None:
    import zipfile

    good = build_real_layout(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", b'<!DOCTYPE x [<!ENTITY e "boom">]><worksheet', 1
                )
            dst.writestr(info, data)
    with open_workbook(str(bad), "bad.xlsx") as wb, pytest.raises(LoadError, match="DOCTYPE"):
        list(wb.iter_rows("目录"))
