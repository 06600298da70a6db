"""Writing the compilation workbook: the empty template, or a catalog laid out in it.

The layout comes from the pack's template profile: two heading rows (first-level
headings merged over their columns, single headings merged down), required
columns marked "（必填项）" in red, dropdown lists fed from the pack's vocabularies
(on a hidden sheet, so lists of any length work), frozen heading rows, a sheet of
catalog facts and an instructions sheet in Chinese. A catalog written here and read
back with :func:`govcatalog.load_catalog` equals the original.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govcatalog.io.cells import append_text, check_destination
from govcatalog.io.xlsx_parse import column_letter
from govcatalog.model.resource import Catalog, DataItem, Resource
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.templates import ColumnLevel, TemplateColumn, TemplateProfile

REQUIRED_MARK = "（必填项）"
"""Appended to the heading of a required column (readers ignore it)."""

VOCAB_SHEET = "_值域"
"""Hidden sheet holding the dropdown lists."""

HEADER_ROWS = 2
"""Heading rows of a written workbook."""

_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_GROUP_FILL = PatternFill("solid", fgColor="BDD7EE")
_THIN = Side(style="thin", color="8EA9C1")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TOP = Alignment(vertical="top", wrap_text=True)
_DROPDOWN_ROWS = 2000
"""Rows below the data that still get dropdown lists in a written workbook."""


def _merge(ws: Worksheet, rng: CellRange) -> None:
    # The ranges written never overlap; MultiCellRange.add would check that in O(n) each time.
    ws.merged_cells.ranges.add(rng)


def _bool_text(value: bool) -> str:
    return "是" if value else "否"


def cell_value(spec: FieldSpec, value: object) -> object:
    """A model value as a workbook cell holds it (labels, 是/否, joined lists, dates)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _bool_text(value)
    if isinstance(value, tuple | list):
        return "、".join(str(v) for v in value) or None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if spec.kind is FieldKind.INT:
        return value
    return str(value)


def _field_value(obj: Resource | DataItem, field_id: str) -> object:
    target: object = obj
    for part in field_id.split("."):
        if isinstance(target, dict):  # extensions: the local elements
            target = target.get(part)
        else:
            target = getattr(target, part, None)
    return target


def _heading(col: TemplateColumn) -> str:
    return col.heading + (REQUIRED_MARK if col.field.required else "")


def _styled(
    ws: Worksheet,
    value: object,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    align: Alignment = _CENTER,
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = font or Font(bold=True)
    if fill is not None:
        cell.fill = fill
    cell.border = _BORDER
    cell.alignment = align
    return cell


def _head_rows(ws: Worksheet, columns: Sequence[TemplateColumn], extra: Sequence[str]) -> None:
    row1: list[object] = []
    row2: list[object] = []
    start = 0
    while start < len(columns):
        col = columns[start]
        red = Font(bold=True, color="C00000") if col.field.required else None
        if col.group is None:
            row1.append(_styled(ws, _heading(col), font=red, fill=_HEAD_FILL))
            row2.append(_styled(ws, None, fill=_HEAD_FILL))
            _merge(ws, CellRange(min_col=start + 1, min_row=1, max_col=start + 1, max_row=2))
            start += 1
            continue
        end = start
        while end + 1 < len(columns) and columns[end + 1].group == col.group:
            end += 1
        for i in range(start, end + 1):
            sub = columns[i]
            row1.append(_styled(ws, col.group if i == start else None, fill=_GROUP_FILL))
            sub_red = Font(bold=True, color="C00000") if sub.field.required else None
            row2.append(_styled(ws, _heading(sub), font=sub_red, fill=_HEAD_FILL))
        if end > start:
            _merge(ws, CellRange(min_col=start + 1, min_row=1, max_col=end + 1, max_row=1))
        start = end + 1
    for j, heading in enumerate(extra, start=len(columns) + 1):
        row1.append(_styled(ws, heading, fill=_HEAD_FILL))
        row2.append(_styled(ws, None, fill=_HEAD_FILL))
        _merge(ws, CellRange(min_col=j, min_row=1, max_col=j, max_row=2))
    append_text(ws, row1)
    append_text(ws, row2)


def _extension_value(value: object) -> object:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False)


def _extension_keys(
    catalog: Catalog | None, columns: Sequence[TemplateColumn]
) -> tuple[list[str], list[str]]:
    """Extension keys of resources, then of items, in first-seen order (those without a column
    of the profile)."""
    laid_out = {c.field.key for c in columns if c.field.parent == "extensions"}
    res_keys: dict[str, None] = {}
    item_keys: dict[str, None] = {}
    for res in catalog.resources if catalog else ():
        res_keys.update(dict.fromkeys(k for k in res.extensions if k not in laid_out))
        for item in res.items:
            item_keys.update(dict.fromkeys(k for k in item.extensions if k not in res_keys))
    return list(res_keys), [k for k in item_keys if k not in res_keys]


def _resource_rows(
    ws: Worksheet,
    res: Resource,
    columns: Sequence[TemplateColumn],
    merge: bool,
    ext: tuple[list[str], list[str]],
) -> Iterator[list[object]]:
    items: Sequence[DataItem | None] = res.items or (None,)
    for n, item in enumerate(items):
        row: list[object] = []
        for col in columns:
            if col.level is ColumnLevel.ITEM:
                value = None if item is None else _field_value(item, col.field.id.partition(".")[2])
            elif n > 0 and merge:
                value = None
            else:
                value = _field_value(res, col.field.id)
            cell = cell_value(col.field, value)
            if isinstance(cell, dt.datetime):
                dated = WriteOnlyCell(ws, value=cell)
                dated.number_format = "yyyy-mm-dd"
                cell = dated
            row.append(cell)
        skip = n > 0 and merge
        row.extend(None if skip else _extension_value(res.extensions.get(k)) for k in ext[0])
        row.extend(
            None if item is None else _extension_value(item.extensions.get(k)) for k in ext[1]
        )
        yield row


def _vocab_sheet(wb: Workbook, pack: Pack, columns: Sequence[TemplateColumn]) -> dict[str, str]:
    ws = wb.create_sheet(VOCAB_SHEET)
    ws.sheet_state = "hidden"
    schemes = sorted({c.dropdown for c in columns if c.dropdown})
    lists = [list(pack.vocabulary(s).labels()) for s in schemes]
    append_text(ws, schemes)
    for i in range(max((len(x) for x in lists), default=0)):
        append_text(ws, [x[i] if i < len(x) else None for x in lists])
    return {
        s: f"'{VOCAB_SHEET}'!${column_letter(j + 1)}$2:${column_letter(j + 1)}${len(lists[j]) + 1}"
        for j, s in enumerate(schemes)
    }


def _dropdowns(
    ws: Worksheet, columns: Sequence[TemplateColumn], ranges: dict[str, str], last_row: int
) -> None:
    for j, col in enumerate(columns, start=1):
        if col.dropdown is None:
            continue
        dv = DataValidation(type="list", formula1=ranges[col.dropdown], allow_blank=True)
        dv.error = f"请从下拉列表中选择“{col.heading}”的取值"
        dv.errorTitle = "取值不在值域中"
        dv.showErrorMessage = True
        letter = column_letter(j)
        dv.add(f"{letter}{HEADER_ROWS + 1}:{letter}{last_row}")
        ws.data_validations.append(dv)


def _info_sheet(
    wb: Workbook, pack: Pack, profile: TemplateProfile, catalog: Catalog | None
) -> None:
    ws = wb.create_sheet(profile.info_sheet)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 40
    append_text(ws, [_styled(ws, "元素", fill=_HEAD_FILL), _styled(ws, "值", fill=_HEAD_FILL)])
    info = catalog.info if catalog is not None else None
    for spec in pack.fields.catalog_fields():
        value = getattr(info, spec.id, None) if info is not None else None
        if spec.id == "pack" and value is None and catalog is None:
            value = pack.ref
        append_text(ws, [spec.zh, cell_value(spec, value)])


def _instructions(wb: Workbook, pack: Pack, profile: TemplateProfile) -> None:
    ws = wb.create_sheet(profile.instructions_sheet)
    for letter, width in zip("ABCDE", (18, 24, 10, 40, 40), strict=True):
        ws.column_dimensions[letter].width = width
    title = WriteOnlyCell(ws, value=f"{profile.title_zh} 填写说明")
    title.font = Font(bold=True, size=14)
    append_text(ws, [title])
    for line in (
        f"依据：{pack.title_zh}（{pack.basis}）；标准包 {pack.ref}。",
        f"在“{profile.sheet}”工作表中每个信息项填写一行；同一信息资源的资源级列在各行重复填写，或合并单元格。",
        "标有“（必填项）”的列必须填写；带下拉列表的列请从列表中选择。",
        "信息资源代码形如“前段码/后段码”，例如 101001/000001。日期写作 CCYY-MM-DD。",
        "多个格式类型或关联资源代码用顿号“、”分隔。",
        f"目录名称、编制单位等目录信息填写在“{profile.info_sheet}”工作表。",
        "校验：govcatalog validate 文件.xlsx --annotate 标注.xlsx，问题单元格将被标注并附说明。",
    ):
        append_text(ws, [line])
    append_text(ws, [])
    append_text(
        ws,
        [_styled(ws, h, fill=_HEAD_FILL) for h in ("列名", "元素", "是否必填", "取值范围", "说明")],
    )
    for col in profile.columns:
        allowed = "、".join(pack.vocabulary(col.dropdown).labels()) if col.dropdown else ""
        group = f"{col.group} → " if col.group else ""
        append_text(
            ws,
            [
                f"{group}{col.heading}",
                f"{col.field.zh}（{col.field.id}）",
                "必填" if col.field.required else "选填",
                allowed,
                col.field.en,
            ],
        )


def write_workbook(
    path: Path,
    pack: Pack,
    catalog: Catalog | None = None,
    *,
    profile: str | None = None,
    merge: bool = True,
) -> None:
    """Write the compilation workbook of ``pack`` to ``path``, filled with ``catalog`` if given.

    Args:
        path: The .xlsx file to write.
        pack: The pack whose template profile and vocabularies lay out the workbook.
        catalog: Resources to fill in (one row per 信息项), or None for an empty template.
        profile: The template profile (default: ``national``).
        merge: Merge the resource-level cells of a resource's rows (else repeat them).

    Extension fields get a column each after the profile's columns, headed by their
    key (read back as unknown columns: kept, and reported as information).
    """
    check_destination(path)
    prof = pack.template(profile)
    columns = prof.columns
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(prof.sheet)
    for j, col in enumerate(columns, start=1):
        ws.column_dimensions[column_letter(j)].width = col.width
    ws.freeze_panes = f"A{HEADER_ROWS + 1}"
    ws.row_dimensions[1].height = 22
    ws.row_dimensions[2].height = 34
    ext = _extension_keys(catalog, columns)
    _head_rows(ws, columns, [*ext[0], *ext[1]])
    row = HEADER_ROWS
    if catalog is not None:
        res_cols = [j for j, c in enumerate(columns, start=1) if c.level is ColumnLevel.RESOURCE]
        res_cols += range(len(columns) + 1, len(columns) + 1 + len(ext[0]))
        for res in catalog.resources:
            first = row + 1
            for values in _resource_rows(ws, res, columns, merge, ext):
                append_text(ws, values)
                row += 1
            if merge and row > first:
                for j in res_cols:
                    _merge(ws, CellRange(min_col=j, min_row=first, max_col=j, max_row=row))
    ranges = _vocab_sheet(wb, pack, columns)
    _dropdowns(ws, columns, ranges, row + _DROPDOWN_ROWS)
    _info_sheet(wb, pack, prof, catalog)
    _instructions(wb, pack, prof)
    wb.save(path)


def write_catalog_xlsx(catalog: Catalog, path: Path, pack: Pack) -> None:
    """Write ``catalog`` into the pack's compilation workbook (resource cells merged)."""
    write_workbook(path, pack, catalog)
