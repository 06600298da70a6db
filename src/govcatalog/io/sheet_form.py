"""A sheet that is one resource's registration form (信息资源登记表), not a table of resources.

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
more elements of a 信息项 heads the 信息项 table, read down to the first empty row. A value
written as boxes (☑有条件共享 □无条件共享) is the one ticked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from govcatalog.io.records import (
    DocumentProblem,
    RawRecord,
    SheetReading,
    SourceDocument,
    pointer_token,
)
from govcatalog.io.sheet_layout import HeadingMatcher, SheetColumn, SheetLayout
from govcatalog.io.sheet_marks import ticked_in_text
from govcatalog.io.sheet_rows import SheetLocator, SheetRecords, convert, put
from govcatalog.io.xlsx_parse import Value, column_letter
from govcatalog.packs.fields import FieldSpec, suggestion_params
from govcatalog.packs.templates import ColumnLevel

MIN_PAIRS = 4
"""Fewest elements named with a value for a sheet to be read as a form."""

Grid = Mapping[int, Mapping[int, Value]]


@dataclass(frozen=True, slots=True)
class Pair:
    """An element's name and the cell of its value (None when it has none)."""

    row: int
    column: int
    label: str
    spec: FieldSpec | None
    value_column: int | None


@dataclass
class _Form:
    pairs: list[Pair] = field(default_factory=list)
    item_row: int | None = None
    item_columns: dict[int, FieldSpec] = field(default_factory=dict)


def _text(value: Value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _filled(values: Mapping[int, Value]) -> list[int]:
    """The columns of a row's cells that hold something, in order."""
    return sorted(
        c for c, v in values.items() if v is not None and (_text(v) or not isinstance(v, str))
    )


def _element(matcher: HeadingMatcher, text: str) -> FieldSpec | None:
    return matcher.match(None, text) if text else None


def _pairs_of(row: int, values: Mapping[int, Value], matcher: HeadingMatcher) -> list[Pair]:
    """The element names of a row, each with the next cell holding a value (not a name)."""
    cols = _filled(values)
    pairs: list[Pair] = []
    for i, c in enumerate(cols):
        spec = _element(matcher, _text(values[c]))
        if spec is None or spec.id.startswith("items."):
            continue
        nxt = cols[i + 1] if i + 1 < len(cols) else None
        named = nxt is not None and _element(matcher, _text(values[nxt])) is not None
        pairs.append(Pair(row, c, _text(values[c]), spec, None if nxt is None or named else nxt))
    return pairs


def _item_heading(values: Mapping[int, Value], matcher: HeadingMatcher) -> dict[int, FieldSpec]:
    found = {c: _element(matcher, _text(v)) for c, v in values.items()}
    items = {c: s for c, s in found.items() if s is not None and s.id.startswith("items.")}
    return items if len(items) >= 2 else {}


def form_pairs(rows: Grid, matcher: HeadingMatcher) -> int:
    """How many distinct elements of a resource the rows name with a value beside them."""
    ids = {
        p.spec.id
        for r, values in rows.items()
        for p in _pairs_of(r, values, matcher)
        if p.spec is not None and p.value_column is not None
    }
    return len(ids)


def is_form(rows: Grid, layout: SheetLayout | None, matcher: HeadingMatcher) -> bool:
    """Whether a sheet whose first rows are ``rows`` (heading layout ``layout``, if any) is a
    registration form: more elements named with a value than its heading row names."""
    pairs = form_pairs(rows, matcher)
    if pairs < MIN_PAIRS:
        return False
    if layout is None:
        return True
    named = {c.field.id for c in layout.columns if c.field is not None}
    return pairs > len({f for f in named if not f.startswith("items.")})


def _read(rows: Grid, matcher: HeadingMatcher) -> _Form:
    form = _Form()
    label_columns: set[int] = set()
    for r in sorted(rows):
        values = rows[r]
        if form.item_row is None:
            heading = _item_heading(values, matcher)
            if heading:
                form.item_row, form.item_columns = r, heading
                continue
            found = _pairs_of(r, values, matcher)
            label_columns.update(p.column for p in found)
            form.pairs.extend(found)
    for r in sorted(rows):  # names that are no element, in a column of names, with a value
        if form.item_row is not None and r >= form.item_row:
            break
        values = rows[r]
        cols = _filled(values)
        taken = {p.column for p in form.pairs if p.row == r}
        taken |= {p.value_column for p in form.pairs if p.row == r and p.value_column}
        for i, c in enumerate(cols[:-1]):
            nxt = cols[i + 1]
            if c in label_columns and c not in taken and nxt not in taken and _text(values[c]):
                form.pairs.append(Pair(r, c, _text(values[c]), None, nxt))
                taken |= {c, nxt}
    return form


class FormRecords(SheetRecords):
    """The one resource of a registration form sheet (see the module)."""

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
        """The form's resource (none when no element has a value: an empty form)."""
        grid = dict(rows)
        form = _read(grid, self._matcher)
        data: dict[str, object] = {}
        cells: dict[str, str] = {}
        for p in form.pairs:
            if p.value_column is None:
                continue
            value = grid[p.row][p.value_column]
            where = f"{column_letter(p.value_column)}{p.row}"
            if p.spec is None:
                data.setdefault("extensions", {})[p.label] = value  # type: ignore[index]
                cells[f"/extensions/{pointer_token(p.label)}"] = where
                self._unknown(p)
                continue
            if p.spec.id in self._seen(data):
                continue
            if isinstance(value, str):
                value = ticked_in_text(value) or value
            column = SheetColumn(p.value_column, p.label, p.spec, ColumnLevel.RESOURCE)
            put(data, p.spec.id, convert(column, value))
            cells["/" + p.spec.id.replace(".", "/")] = where
        items = self._items(grid, form, cells)
        if items:
            data["items"] = items
        self._update_reading(form)
        if not data:
            return
        cells.setdefault("", f"{column_letter(form.pairs[0].column)}{form.pairs[0].row}")
        record = RawRecord(
            self.index, f"/resources/{self.index}", data, SheetLocator(cells), self.sheet, cells
        )
        self.index += 1
        yield record

    @staticmethod
    def _seen(data: dict[str, object]) -> set[str]:
        out: set[str] = set()
        for key, value in data.items():
            if isinstance(value, dict) and key != "extensions":
                out.update(f"{key}.{k}" for k in value)
            else:
                out.add(key)
        return out

    def _items(self, grid: Grid, form: _Form, cells: dict[str, str]) -> list[dict[str, object]]:
        items: list[dict[str, object]] = []
        if form.item_row is None:
            return items
        r = form.item_row + 1
        while r in grid:
            values = grid[r]
            item: dict[str, object] = {}
            for c, spec in form.item_columns.items():
                value = values.get(c)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                column = SheetColumn(c, spec.zh, spec, ColumnLevel.ITEM)
                item[spec.key] = convert(column, value)
                cells[f"/items/{len(items)}/{spec.key}"] = f"{column_letter(c)}{r}"
            if not item:
                break
            cells[f"/items/{len(items)}"] = f"{column_letter(min(form.item_columns))}{r}"
            items.append(item)
            r += 1
        return items

    def _unknown(self, p: Pair) -> None:
        fields = self._matcher.pack.fields
        near = suggestion_params(fields.nearest(p.label) or fields.nearest(p.label, "items"))
        self.problems.append(
            DocumentProblem(
                pointer="",
                detail_zh=str(near["detail_zh"]),
                detail_en=str(near["detail_en"]),
                line=p.row,
                column=p.column,
                code="GC-S004",
                sheet=self.sheet,
                cell=f"{column_letter(p.column)}{p.row}",
                value=p.label,
            )
        )

    def _update_reading(self, form: _Form) -> None:
        """The sheet's reading, with every element the form names (not only those of its
        first rows), so that an element it lacks is said as lacking."""
        named = [p for p in form.pairs if p.spec is not None]
        columns = tuple(
            (f"{column_letter(p.column)}{p.row}", p.label, p.spec.id)  # type: ignore[union-attr]
            for p in named
        )
        columns += tuple(
            (column_letter(c), s.zh, s.id) for c, s in sorted(form.item_columns.items())
        )
        first = named[0].row if named else 1
        reading = SheetReading(
            self.sheet, first, None, first, columns, self.layout.form_date, form=True
        )
        self._doc.sheets[:] = [reading if s.sheet == self.sheet else s for s in self._doc.sheets]


def form_layout(rows: Grid, matcher: HeadingMatcher, found: SheetLayout | None) -> SheetLayout:
    """The layout of a form sheet from its first rows: a column for each element named (and
    the form's date from the heading layout ``found`` there, if any)."""
    columns: list[SheetColumn] = []
    seen: set[str] = set()
    first: int | None = None
    for r in sorted(rows):
        for p in _pairs_of(r, rows[r], matcher):
            if p.spec is not None and p.spec.id not in seen:
                seen.add(p.spec.id)
                first = r if first is None else first
                columns.append(SheetColumn(p.column, p.label, p.spec, ColumnLevel.RESOURCE))
    day = found.form_date if found is not None else None
    return SheetLayout(first or 1, None, tuple(columns), form_date=day)
