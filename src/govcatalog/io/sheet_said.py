"""What a reader says of a sheet as a whole: skipped (GC-S010), hidden (GC-S013), its hidden rows
read (GC-S018), or without headings (GC-S002)."""

from __future__ import annotations

import re

from govcatalog.io.records import DocumentProblem
from govcatalog.io.sheet_layout import START_ROWS
from govcatalog.io.xlsx_parse import column_letter


def skipped_sheet(sheet: str, why_zh: str, why_en: str) -> DocumentProblem:
    """A sheet not read as catalog data, said as information (GC-S010)."""
    return DocumentProblem("", why_zh, why_en, code="GC-S010", sheet=sheet, value=sheet)


_INSTRUCTIONS = re.compile(r"说明|须知|要求|指引|instruction|readme|guide", re.I)
"""A sheet name saying the sheet tells how to fill the form in (填表说明, 填报要求)."""
_HELPER_EN = "no headings (dropdown lists, a dictionary or notes)"
EMPTY_TEMPLATE = ("只有表头，没有数据（空模板）", "headings only, no data (an empty template)")


def without_headings(sheet: str, explains: bool = False) -> DocumentProblem:
    """A sheet without headings, skipped: instructions by what its lines say (``explains``:
    they explain the elements rather than give values) or by its name, else a helper sheet."""
    if explains:
        return skipped_sheet(
            sheet,
            "填表说明（各行解释元素如何填写，而不是填写的值）",
            "instructions (its lines explain how to fill in the elements, not their values)",
        )
    if _INSTRUCTIONS.search(sheet):
        return skipped_sheet(sheet, "填表说明，不是目录数据", "instructions, not catalog data")
    return skipped_sheet(sheet, "没有表头（下拉选项、字典或说明）", _HELPER_EN)


def hidden_sheet(sheet: str, count: int, *, items: bool = False) -> DocumentProblem:
    """A hidden sheet whose resources (``items``: 信息项, joined onto resources) are read
    (GC-S013): read like any other, and said, since those who edit the workbook do not see
    them (an old copy would double the catalog)."""
    if items:
        whose = ("个信息项", "data item" if count == 1 else "data items")
    else:
        whose = ("条信息资源", "resource" if count == 1 else "resources")
    params = {"count": count, "whose_zh": whose[0], "whose_en": whose[1]}
    return DocumentProblem("", "", "", code="GC-S013", sheet=sheet, value=sheet, params=params)


def no_headings(sheet: str | None) -> DocumentProblem:
    """No sheet (or file) with a heading row in its first rows (GC-S002)."""
    where = f"工作表“{sheet}”" if sheet else "文件"
    return DocumentProblem(
        "",
        f"{where}前 {START_ROWS} 行中找不到表头（信息资源名称、信息资源代码等列名）",
        f"no heading row (信息资源名称, 信息资源代码 …) in the first {START_ROWS} rows"
        + (f" of sheet {sheet!r}" if sheet else ""),
        sheet=sheet,
    )


def hidden_rows(sheet: str, rows: list[int], column: int) -> DocumentProblem:
    """The rows of resources a sheet hides (GC-S018), at the first of them in ``column``: read
    like any other row, and said, since those who edit the workbook do not see them (a
    resource withdrawn is often hidden rather than deleted)."""
    spans: list[tuple[int, int]] = []
    for r in sorted(rows):
        if spans and r == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], r)
        else:
            spans.append((r, r))
    written = [f"{a}" if a == b else f"{a}–{b}" for a, b in spans]
    params = {
        "rows": "、".join(written),
        "rows_en": ("Row " if len(rows) == 1 else "Rows ") + ", ".join(written),
        "are_en": "is" if len(rows) == 1 else "are",
        "sheet": sheet,
    }
    cell = f"{column_letter(column)}{min(rows)}"
    return DocumentProblem(
        "", "", "", code="GC-S018", sheet=sheet, cell=cell, value=written[0], params=params
    )
