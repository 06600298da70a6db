"""A sheet of registration forms (信息资源登记表), one resource each, not a table of resources.

Departments often fill in one form per resource: each element's name in a cell with its value
in the next, one or two pairs to a row, then the resource's 信息项 as a small table::

    | 信息资源名称 | 企业登记信息       | 信息资源代码       | 307001/000001 |
    | 信息资源提供方 | 某市市场监督管理局 | 信息资源提供方代码 | 9135…         |
    | 共享类型     | 有条件共享         | 共享条件           | 仅限政务部门  |
    | 信息项名称   | 数据类型           | 数据长度           |               |
    | 企业名称     | 字符型             | 200                |               |

A sheet is read so when more of its first rows pair an element's name with a value than its
best heading row names elements of a resource. Each pair gives the element its value, at the
value's cell; a name without a value (a group's name over its members, an element left
blank) gives none. A name that is no element, in a column of names, followed by a value, is
kept as an extension field (GC-S004), as an unknown column is. The first row naming two or
more elements of a 信息项 heads the 信息项 table, read down to the first empty row; names
after it start the next form (:mod:`.form_pairs` finds them). A value written as boxes
(☑有条件共享 □无条件共享) is the one ticked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from govcatalog.io.form_lines import form_date
from govcatalog.io.form_pairs import Form, Grid, Pair, pairs_of, read_forms, unknown_pairs
from govcatalog.io.records import (
    DocumentProblem,
    RawRecord,
    SourceDocument,
    pointer_token,
)
from govcatalog.io.sheet_cells import SheetLocator
from govcatalog.io.sheet_columns import SheetColumn
from govcatalog.io.sheet_layout import HeadingMatcher, SheetLayout
from govcatalog.io.sheet_marks import ticked_in_text
from govcatalog.io.sheet_rows import SheetRecords, convert, put
from govcatalog.io.xlsx_parse import Value, column_letter
from govcatalog.packs.fields import suggestion_params
from govcatalog.packs.pack import Pack
from govcatalog.packs.templates import ColumnLevel


class FormRecords(SheetRecords):
    """The resources of a sheet of registration forms, one a form (see the module)."""

    def __init__(
        self,
        sheet: str,
        layout: SheetLayout,
        matcher: HeadingMatcher,
        doc: SourceDocument,
        *,
        first_index: int = 0,
    ) -> None:
        super().__init__(sheet, layout, [], (), doc.problems, first_index=first_index)
        self._matcher = matcher
        self._doc = doc

    def records(self, rows: Iterator[tuple[int, dict[int, Value]]]) -> Iterator[RawRecord]:
        """The forms' resources, in order (none for an empty form)."""
        grid = dict(rows)
        forms = read_forms(grid, self._matcher)
        for form in forms:
            record = self._record(grid, form)
            if record is not None:
                yield record
        self._update_reading(forms)

    def _record(self, grid: Grid, form: Form) -> RawRecord | None:
        data: dict[str, object] = {}
        cells: dict[str, str] = {}
        given: set[str] = set()
        for p in [*form.pairs, *unknown_pairs(form, grid)]:
            if p.value_column is None:
                continue
            value = p.inline if p.inline is not None else grid[p.row][p.value_column]
            where = f"{column_letter(p.value_column)}{p.row}"
            if p.spec is None:
                data.setdefault("extensions", {})[p.label] = value  # type: ignore[index]
                cells[f"/extensions/{pointer_token(p.label)}"] = where
                self._unknown(p)
                continue
            if p.spec.id in given:  # named twice: the first value counts
                continue
            given.add(p.spec.id)
            if isinstance(value, str):
                value = ticked_in_text(value) or value
            column = SheetColumn(p.value_column, p.label, p.spec, ColumnLevel.RESOURCE)
            put(data, p.spec.id, convert(column, value))
            cells["/" + p.spec.id.replace(".", "/")] = where
        items = self._items(form, cells)
        if items:
            data["items"] = items
        if not data:
            return None
        cells.setdefault("", f"{column_letter(form.pairs[0].column)}{form.pairs[0].row}")
        record = RawRecord(
            self.index, f"/resources/{self.index}", data, SheetLocator(cells), self.sheet, cells
        )
        self.index += 1
        return record

    def _items(self, form: Form, cells: dict[str, str]) -> list[dict[str, object]]:
        items: list[dict[str, object]] = []
        for r, values in form.items:
            item: dict[str, object] = {}
            base = f"/items/{len(items)}"
            for c, spec in form.item_columns.items():
                value = values.get(c)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                item[spec.key] = convert(SheetColumn(c, spec.zh, spec, ColumnLevel.ITEM), value)
                cells[f"{base}/{spec.key}"] = f"{column_letter(c)}{r}"
            if item:
                cells[base] = f"{column_letter(min(form.item_columns))}{r}"
                items.append(item)
        return items

    def _unknown(self, p: Pair) -> None:
        self.problems.append(
            unknown_heading(self._matcher.pack, self.sheet, p.label, p.row, p.column)
        )

    def _update_reading(self, forms: list[Form]) -> None:
        """The sheet's reading, with every element its forms name (not only those of its
        first rows), so that an element they lack is said as lacking."""
        named = [p for form in forms for p in form.pairs if p.spec is not None]
        columns = tuple(
            (f"{column_letter(p.column)}{p.row}", p.label, p.spec.id)  # type: ignore[union-attr]
            for p in named
        )
        columns += tuple(
            (column_letter(c), s.zh, s.id)
            for form in forms
            for c, s in sorted(form.item_columns.items())
        )
        first = named[0].row if named else 1
        self._doc.sheets[:] = [
            replace(
                s,
                heading_row=first,
                group_row=None,
                first_data_row=first,
                columns=columns,
                form_date=self.layout.form_date,
                form=True,
            )
            if s.sheet == self.sheet
            else s
            for s in self._doc.sheets
        ]


def unknown_heading(pack: Pack, sheet: str, heading: str, row: int, column: int) -> DocumentProblem:
    """GC-S004 for a heading (``group/heading``) or a form's name that is no element, with
    the elements nearest to it."""
    name = heading.rpartition("/")[2]
    near = suggestion_params(pack.fields.nearest(name) or pack.fields.nearest(name, "items"))
    return DocumentProblem(
        pointer="",
        detail_zh=str(near["detail_zh"]),
        detail_en=str(near["detail_en"]),
        line=row,
        column=column,
        code="GC-S004",
        sheet=sheet,
        cell=f"{column_letter(column)}{row}",
        value=heading,
    )


def form_layout(rows: Grid, matcher: HeadingMatcher, found: SheetLayout | None) -> SheetLayout:
    """The layout of a form sheet from its first rows: a column for each element named (and
    the form's date above the heading layout ``found`` there, if any, else in those rows)."""
    columns: list[SheetColumn] = []
    seen: set[str] = set()
    first: int | None = None
    for r in sorted(rows):
        for p in pairs_of(r, rows[r], matcher):
            if p.spec is not None and p.spec.id not in seen:
                seen.add(p.spec.id)
                first = r if first is None else first
                columns.append(SheetColumn(p.column, p.label, p.spec, ColumnLevel.RESOURCE))
    day = found.form_date if found is not None else form_date(rows, max(rows, default=0) + 1)
    return SheetLayout(first or 1, None, tuple(columns), form_date=day)
