"""Rows of a catalog sheet → resource records, with the cell of every value.

One row per 信息项; the resource-level cells of a resource are repeated on each of
its rows or merged over them. A new resource starts where a merged key cell starts
or where the key (信息资源代码, 信息资源名称 by default) changes; rows with empty key
cells continue the resource above. A resource-level value that differs between the
rows of one resource is reported (GC-S008), and the first one is used. The notes and
sign-off lines that end the table are no rows of it (:mod:`.tail_notes`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from govcatalog.io.form_lines import is_footer
from govcatalog.io.lists import split_list
from govcatalog.io.records import DocumentProblem, RawRecord, pointer_token
from govcatalog.io.sheet_cells import SheetLocator
from govcatalog.io.sheet_columns import SheetColumn
from govcatalog.io.sheet_layout import SheetLayout, is_example, is_numbering
from govcatalog.io.sheet_marks import first_ticked, marked
from govcatalog.io.tail_notes import TailNotes
from govcatalog.io.xlsx_parse import MergedRange, Value, column_letter
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.templates import ColumnLevel

_SPLIT: Final = re.compile(r"\s*[,，;；、|\n]\s*")


def _empty(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(col: SheetColumn, value: Value) -> object:
    """A cell value in the form the field expects, where the cell form is only a sheet's habit."""
    spec = col.field
    if spec is None:
        return value.isoformat() if isinstance(value, dt.datetime) else value
    kind = spec.kind
    if kind in (FieldKind.TEXT, FieldKind.CODE) and type(value) is int:
        return str(value)
    if kind in (FieldKind.TEXTS, FieldKind.CODES):
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("[") and text.endswith("]"):
                return text  # list syntax ("['xls', 'csv']"): read, and reported, with the record
            return [p for p in _SPLIT.split(text) if p]
        return [str(value)] if type(value) is int else value
    if kind is FieldKind.DATE and isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if kind is FieldKind.INT:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
    return value


def _pointer(field_id: str) -> str:
    return "/" + field_id.replace(".", "/")


@dataclass(slots=True)
class _Resource:
    row: int
    key: tuple[str, ...]
    data: dict[str, object] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    seen: dict[str, object] = field(default_factory=dict)
    raw: dict[str, object] = field(default_factory=dict)
    items: list[dict[str, object]] = field(default_factory=list)
    unknown: dict[int, list[tuple[int | None, object, str]]] = field(default_factory=dict)


class SheetRecords:
    """Builds the resource records of one sheet from its data rows.

    Args:
        sheet: The worksheet name.
        layout: The sheet's layout.
        merges: Merged ranges below the headings.
        key_fields: Field ids that identify a resource.
        problems: Where document-level problems are appended.
        first_index: Index of the sheet's first resource in the document.
    """

    def __init__(
        self,
        sheet: str,
        layout: SheetLayout,
        merges: Iterable[MergedRange],
        key_fields: tuple[str, ...],
        problems: list[DocumentProblem],
        *,
        first_index: int = 0,
    ) -> None:
        self.sheet = sheet
        self.layout = layout
        self.problems = problems
        self.index = first_index
        merges = tuple(merges)
        self.notes = TailNotes(layout, merges)
        """The notes and sign-off lines below the table, which are no resources."""
        self.hidden: set[int] = set()  # the rows the sheet hides, known as each is read
        self.hidden_read: list[int] = []  # those of them read as rows of resources
        self._columns = list(layout.columns)
        self._letters = {c.index: column_letter(c.index) for c in layout.columns}
        by_field = {c.field.id: c.index for c in layout.columns if c.field is not None}
        self._key_cols = [by_field[f] for f in key_fields if f in by_field]
        self._res_cols = [
            c for c in self._columns if c.field is not None and c.level is ColumnLevel.RESOURCE
        ]
        self._item_cols = [
            c for c in self._columns if c.field is not None and c.level is ColumnLevel.ITEM
        ]
        self._unknown_cols = [c for c in self._columns if c.field is None]
        self._listed = [c for c in self._item_cols if c.listed]
        self._marks: dict[str, list[tuple[int, str]]] = {}
        """(column, value) of the tick-box columns, by the field they give a value."""
        for c in self._res_cols:
            if c.mark is not None and c.field is not None:
                self._marks.setdefault(c.field.id, []).append((c.index, c.mark))
        self._used = frozenset(c.index for c in self._columns)
        self._headings = {
            c.index: frozenset(part.strip() for part in c.heading.split("/")) for c in self._columns
        }
        self._res_plan = [
            (c, c.field.id, _pointer(c.field.id), self._letters[c.index])  # type: ignore[union-attr]
            for c in self._res_cols
        ]
        self._carried = {plan[0].index: plan for plan in self._res_plan if plan[0].mark is None}
        """The resource-level columns a merged cell's value carries to each resource it spans."""
        self._item_plan = [
            (c, c.field.key, "", self._letters[c.index])  # type: ignore[union-attr]
            for c in self._item_cols
        ]
        self._merges = sorted(
            (
                m
                for m in merges
                if m.min_row >= layout.first_data_row
                and (m.max_row > m.min_row or m.max_col > m.min_col)
            ),
            key=lambda m: m.min_row,
        )

    def records(self, rows: Iterator[tuple[int, dict[int, Value]]]) -> Iterator[RawRecord]:
        """The resource records of the rows (data rows only; heading rows are skipped)."""
        pending = deque(self._merges)
        active: list[tuple[MergedRange, Value]] = []
        current: _Resource | None = None
        first_data_row = self.layout.first_data_row
        used = self._used
        key_cols = self._key_cols
        # Continuation cells of merged resource-level columns are skipped, not filled.
        fill = frozenset(c.index for c in self._columns if c not in self._res_cols) | set(key_cols)
        for rownum, values in self.notes.held_back(rows):
            if rownum < first_data_row:
                continue
            inside: set[int] = set()
            starts: set[int] = set()
            if active:
                active = [(m, v) for m, v in active if m.max_row >= rownum]
            while pending and pending[0].min_row <= rownum:
                m = pending.popleft()
                if m.max_row >= rownum:
                    active.append((m, values.get(m.min_col)))
            for m, top in active:
                if rownum > m.min_row:
                    inside.update(range(m.min_col, m.max_col + 1))
                    first_filled = m.min_col
                else:
                    if m.max_row > m.min_row:
                        starts.add(m.min_col)
                    inside.update(range(m.min_col + 1, m.max_col + 1))
                    first_filled = m.min_col + 1
                if top is not None:
                    for c in range(first_filled, m.max_col + 1):
                        if c in fill:
                            values[c] = top
            if used.isdisjoint(values) or all(_empty(values.get(c)) for c in used):
                continue
            if is_footer(values) or is_example(values, self.layout):  # 填表人：…  合计  示例
                continue
            if self._repeats_headings(values) or is_numbering(values):  # a paged export repeats
                continue  # the headings, and the row numbering their columns, on every page
            if rownum in self.hidden:
                self.hidden_read.append(rownum)
            key = tuple(self._key_text(values.get(c)) for c in key_cols)
            continued = not inside.isdisjoint(key_cols)
            fresh = not starts.isdisjoint(key_cols)
            if current is None or fresh or (not continued and any(key) and key != current.key):
                if current is not None:
                    yield self._finish(current)
                current = _Resource(rownum, key)
                if inside:
                    self._carry(current, active, rownum)
            self._row(current, rownum, values, inside)
        if current is not None:
            yield self._finish(current)

    def _list_items(
        self, res: _Resource, item: dict[str, object], rownum: int
    ) -> dict[str, object]:
        """A cell of a 信息项 column listing names (姓名、性别) gives one 信息项 a name; the
        last is returned for the row's other 信息项 cells, the others are added to ``res``."""
        col = self._listed[0]
        key = col.field.key  # type: ignore[union-attr]
        value = item.get(key)
        parts = split_list(value) if isinstance(value, str) else []
        if len(parts) < 2:
            return item
        letter = self._letters[col.index]
        for name in parts[:-1]:
            base = f"/items/{len(res.items)}"
            res.items.append({key: name})
            res.cells[base] = res.cells[f"{base}/{key}"] = f"{letter}{rownum}"
        return {**item, key: parts[-1]}

    def _carry(self, res: _Resource, active: list[tuple[MergedRange, Value]], rownum: int) -> None:
        """A resource that starts inside a cell merged over the rows of resources above it too
        (a 类 or a 信息资源提供方 merged over all of a department's rows) has its value, at the
        merged cell."""
        for m, top in active:
            plan = self._carried.get(m.min_col) if m.min_row < rownum else None
            if plan is None or _empty(top):
                continue
            col, field_id, pointer, letter = plan
            converted = convert(col, top)
            res.seen[field_id] = converted
            res.raw[field_id] = top
            res.cells[pointer] = f"{letter}{m.min_row}"
            put(res.data, field_id, converted)

    @staticmethod
    def _key_text(value: Value) -> str:
        return "" if _empty(value) else str(value).strip()

    def _cell(self, col: int, row: int) -> str:
        return f"{self._letters[col]}{row}"

    def _row(self, res: _Resource, rownum: int, values: dict[int, Value], inside: set[int]) -> None:
        if self._marks:
            values = self._ticked(values)
        cells = res.cells
        row = str(rownum)
        if not cells:
            first = self._key_cols[0] if self._key_cols else self._columns[0].index
            cells[""] = self._cell(first, rownum)
        seen = res.seen
        for col, field_id, pointer, letter in self._res_plan:
            if col.index in inside:  # a merged cell's continuation: same value as its top
                continue
            value = values.get(col.index)
            if _empty(value):
                if pointer not in cells:
                    cells[pointer] = letter + row
                continue
            if field_id not in seen:
                converted = convert(col, value)
                seen[field_id] = converted
                res.raw[field_id] = value
                cells[pointer] = letter + row
                put(res.data, field_id, converted)
            elif value != res.raw[field_id] and convert(col, value) != seen[field_id]:
                self._disagree(res, col, pointer, value, rownum)
        item: dict[str, object] = {}
        for col, key, _, _ in self._item_plan:
            value = values.get(col.index)
            if value is not None and not _empty(value):
                item[key] = convert(col, value)
        if item and self._listed:
            item = self._list_items(res, item, rownum)
        if item:
            base = f"/items/{len(res.items)}"
            res.items.append(item)
            cells[base] = self._item_plan[0][3] + row
            for _, key, _, letter in self._item_plan:
                cells[f"{base}/{key}"] = letter + row
        for col in self._unknown_cols:
            value = values.get(col.index)
            if not _empty(value):
                res.unknown.setdefault(col.index, []).append(
                    (
                        len(res.items) - 1 if item else None,
                        convert(col, value),
                        self._cell(col.index, rownum),
                    )
                )

    def _repeats_headings(self, values: dict[int, Value]) -> bool:
        """Whether a row is the headings (or group headings) again, as a paged export repeats
        them: two or more cells, at least half of those filled, each its column's heading
        exactly as written above."""
        same = filled = 0
        headings = self._headings
        for c, value in values.items():
            if isinstance(value, str) and value:
                filled += 1
                same += value.strip() in headings.get(c, ())
        return same >= 2 and 2 * same >= filled

    def _ticked(self, values: dict[int, Value]) -> dict[int, Value]:
        """The row with each element's tick boxes read as its value, in the first ticked
        column (the others emptied)."""
        out = dict(values)
        for boxes in self._marks.values():
            cells = [(mark, out.pop(c, None)) for c, mark in boxes]
            first = first_ticked(cells)
            if first is not None:
                out[boxes[first][0]] = marked(cells)
        return out

    def _disagree(
        self, res: _Resource, col: SheetColumn, pointer: str, value: Value, rownum: int
    ) -> None:
        where = res.cells[pointer]
        first = res.seen[col.field.id]  # type: ignore[union-attr]
        self.problems.append(
            DocumentProblem(
                pointer=f"/resources/{self.index}{pointer}",
                detail_zh=f"“{col.heading}”在 {where} 为“{first}”，在此为“{value}”，取前者",
                detail_en=f"{col.heading!r} is {first!r} in {where} but {value!r} here; "
                "the first is used",
                line=rownum,
                column=col.index,
                code="GC-S008",
                sheet=self.sheet,
                cell=self._cell(col.index, rownum),
                value=str(value),
            )
        )

    def _finish(self, res: _Resource) -> RawRecord:
        data = res.data
        if res.items:
            data["items"] = res.items
        headings = {c.index: c.heading for c in self._unknown_cols}
        for col, entries in res.unknown.items():
            heading = headings[col]
            distinct = {repr(v) for _, v, _ in entries}
            if len(distinct) == 1:
                data.setdefault("extensions", {})[heading] = entries[0][1]  # type: ignore[index]
                res.cells[f"/extensions/{_escape(heading)}"] = entries[0][2]
            elif all(i is not None for i, _, _ in entries):
                for i, value, _cell in entries:
                    res.items[i].setdefault("extensions", {})[heading] = value  # type: ignore[index]
            else:
                data.setdefault("extensions", {})[heading] = [v for _, v, _ in entries]  # type: ignore[index]
                res.cells[f"/extensions/{_escape(heading)}"] = entries[0][2]
        record = RawRecord(
            self.index,
            f"/resources/{self.index}",
            data,
            SheetLocator(res.cells),
            self.sheet,
            res.cells,
        )
        self.index += 1
        return record


def _escape(key: str) -> str:
    return pointer_token(key)


def put(data: dict[str, object], field_id: str, value: object) -> None:
    head, sep, key = field_id.rpartition(".")
    target = data
    if sep:
        sub = target.setdefault(head, {})
        assert isinstance(sub, dict)
        target = sub
    target[key] = value
