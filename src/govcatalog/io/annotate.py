"""Findings back into the workbook: highlighted cells, comments and a summary sheet.

The copy keeps everything the editor wrote (styles, merges, dropdowns, formulas as
formulas); each cell with findings is filled by its most serious severity and
carries the findings as a comment; a summary sheet lists every finding with a link
to its cell. Findings without a cell (the catalog as a whole) appear only there.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from govcatalog._optional import require
from govcatalog.errors import LoadError
from govcatalog.io.cells import append_text, check_destination
from govcatalog.io.sheet_reader import ANNOTATION_SHEET
from govcatalog.report import Finding, Lang, Report, Severity

_FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
    Severity.INFO: PatternFill("solid", fgColor="DDEBF7"),
}
_LABELS = {
    Lang.ZH: {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    Lang.EN: {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_HEADINGS = {
    Lang.ZH: ("严重程度", "代码", "工作表", "单元格", "信息资源代码", "位置", "说明", "建议"),
    Lang.EN: ("Severity", "Code", "Sheet", "Cell", "Resource code", "Pointer", "Message", "Hint"),
}
_MAX_COMMENT = 30_000


def _text(f: Finding, lang: Lang) -> str:
    message = f.message_zh if lang is Lang.ZH else f.message_en
    hint = f.hint_zh if lang is Lang.ZH else f.hint_en
    head = f"[{f.code} {_LABELS[lang][f.severity]}] {message}"
    if hint:
        head += ("\n建议：" if lang is Lang.ZH else "\nHint: ") + hint
    return head


def _anchor(ws: Worksheet, ref: str) -> str:
    """The top-left cell of the merged range holding ``ref`` (or ``ref`` itself)."""
    if not isinstance(ws[ref], MergedCell):
        return ref
    for rng in ws.merged_cells.ranges:
        if ref in rng:
            return str(rng.start_cell.coordinate)
    return ref


def _summary(wb: Workbook, report: Report, lang: Lang) -> None:
    if ANNOTATION_SHEET in wb.sheetnames:
        del wb[ANNOTATION_SHEET]
    ws = wb.create_sheet(ANNOTATION_SHEET, 0)
    n = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    labels = _LABELS[lang]
    title = (
        f"校验结果：{labels[Severity.ERROR]} {n[Severity.ERROR]} 个，{labels[Severity.WARNING]} "
        f"{n[Severity.WARNING]} 个，{labels[Severity.INFO]} {n[Severity.INFO]} 个"
        f"（标准包 {report.pack}）"
        if lang is Lang.ZH
        else f"Validation: {n[Severity.ERROR]} errors, {n[Severity.WARNING]} warnings, "
        f"{n[Severity.INFO]} notes (pack {report.pack})"
    )
    append_text(ws, [title])
    ws["A1"].font = Font(bold=True, size=13)
    append_text(ws, list(_HEADINGS[lang]))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for f in report.findings:
        loc = f.location
        append_text(
            ws,
            [
                labels[f.severity],
                f.code,
                loc.sheet,
                loc.cell,
                loc.resource,
                loc.pointer,
                f.message_zh if lang is Lang.ZH else f.message_en,
                f.hint_zh if lang is Lang.ZH else f.hint_en,
            ],
        )
        row = ws.max_row
        ws.cell(row, 1).fill = _FILLS[f.severity]
        if loc.sheet and loc.cell:
            link = ws.cell(row, 4)
            link.hyperlink = f"#'{loc.sheet}'!{loc.cell}"
            link.font = Font(color="0563C1", underline="single")
    for letter, width in zip("ABCDEFGH", (8, 10, 14, 8, 18, 30, 60, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:H{max(ws.max_row, 2)}"


def annotate_workbook(source: Path, report: Report, output: Path, *, lang: Lang = Lang.ZH) -> int:
    """Write a copy of ``source`` with the findings of ``report`` marked in their cells.

    Args:
        source: The validated workbook (read by the safe reader first: validate it,
            then annotate it).
        report: The report of validating it.
        output: The annotated copy to write.
        lang: Language of comments and the summary.

    Returns:
        The number of cells marked.

    Raises:
        LoadError: When the workbook cannot be opened.
    """
    check_destination(output)
    # The workbook is untrusted: openpyxl parses it through defusedxml when that is installed.
    require("defusedxml", "annotating a workbook")
    try:
        wb = load_workbook(source, keep_vba=False, data_only=False, keep_links=False)
    except Exception as exc:
        raise LoadError(
            str(source), f"无法打开工作簿：{exc}", f"cannot open the workbook: {exc}"
        ) from None
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        loc = f.location
        if loc.sheet and loc.cell and loc.sheet in wb.sheetnames:
            by_cell[(loc.sheet, _anchor(wb[loc.sheet], loc.cell))].append(f)
    for (sheet, ref), findings in by_cell.items():
        cell = wb[sheet][ref]
        worst = max(findings, key=lambda f: f.severity.rank).severity
        cell.fill = _FILLS[worst]
        text = "\n\n".join(_text(f, lang) for f in findings)[:_MAX_COMMENT]
        comment = Comment(text, "govcatalog")
        comment.width = 320
        comment.height = min(60 + 18 * text.count("\n") + len(text) // 2, 600)
        cell.comment = comment
    _summary(wb, report, lang)
    wb.save(output)
    return len(by_cell)
