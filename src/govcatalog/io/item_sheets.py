"""Workbooks that keep the 信息项 on a sheet of their own, keyed by the resource.

Many catalog systems export two sheets: one row per resource on the first (信息资源表),
one row per 信息项 on the second (信息项表), whose rows name their resource by
信息资源代码 (or 信息资源名称). A sheet is such an item sheet when it has a key column, at
least two 信息项 columns and hardly any of the resource elements a resource sheet carries,
and the workbook also has a resource sheet. Its rows are joined onto the resources by
code, compared as read (``307001-000001`` is ``307001/000001``), else by name; every other
column of an item sheet belongs to its row's 信息项 (an item element by its heading, else an
item extension), so nothing written is lost. Cells keep their own sheet (``信息项!C5``).
Rows whose resource is nowhere are reported (GC-S011); a hidden item sheet is said
(GC-S013), counting the 信息项 it gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from govcatalog.io.records import DocumentProblem, RawRecord
from govcatalog.io.sheet_cells import SheetLocator
from govcatalog.io.sheet_columns import SheetColumn
from govcatalog.io.sheet_layout import HeadingMatcher, SheetLayout
from govcatalog.io.xlsx_parse import Value
from govcatalog.model.code import CodeRules
from govcatalog.model.code_forms import canonical_code
from govcatalog.packs.templates import ColumnLevel

Rows = Iterator[tuple[int, dict[int, Value]]]

KEYS: tuple[str, ...] = ("code", "name")
"""The resource elements an item sheet names its resource by, most specific first."""

_MIN_ITEM_COLUMNS = 2
_MAX_RESOURCE_ELEMENTS = 2
"""An item sheet carries at most this many required resource elements besides the keys."""
_MIN_RESOURCE_ELEMENTS = 3
"""A resource sheet carries at least this many required resource elements besides the keys."""


def _required_elements(layout: SheetLayout) -> int:
    return sum(
        1
        for c in layout.columns
        if c.field is not None
        and c.level is ColumnLevel.RESOURCE
        and c.field.required
        and c.field.id not in KEYS
    )


def is_resource_layout(layout: SheetLayout) -> bool:
    """Whether a sheet lists resources with their own elements (not only their 信息项)."""
    return _required_elements(layout) >= _MIN_RESOURCE_ELEMENTS


def item_layout(layout: SheetLayout, matcher: HeadingMatcher) -> SheetLayout | None:
    """The layout of an item sheet read as such, or None when the sheet is not one.

    The key columns stay resource-level; every other resource-level column becomes a
    信息项 column: the item element its heading names, else an unknown (extension) one.
    """
    keys = [c for c in layout.columns if c.field is not None and c.field.id in KEYS]
    items = [c for c in layout.columns if c.field is not None and c.level is ColumnLevel.ITEM]
    if not keys or len(items) < _MIN_ITEM_COLUMNS:
        return None
    if _required_elements(layout) > _MAX_RESOURCE_ELEMENTS:
        return None
    taken = {c.field.id for c in items if c.field is not None}
    columns: list[SheetColumn] = []
    for col in layout.columns:
        if col in keys or col.level is ColumnLevel.ITEM:
            columns.append(col)
            continue
        heading = col.heading.rpartition("/")[2]
        spec = matcher.match("items", heading)
        if spec is not None and spec.parent == "items" and spec.id not in taken:
            taken.add(spec.id)
            columns.append(SheetColumn(col.index, col.heading, spec, ColumnLevel.ITEM))
        else:
            columns.append(SheetColumn(col.index, col.heading, None, ColumnLevel.ITEM))
    return replace(layout, columns=tuple(columns))


@dataclass
class _Group:
    """The 信息项 an item sheet gives one resource, with their cells."""

    key: tuple[str, str]
    """How its rows name their resource: ("code", the code as read) or ("name", the name)."""
    items: list[object] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    sheets: dict[str, int] = field(default_factory=dict)
    """How many of its 信息项 each item sheet gave."""
    first_cell: str = ""
    used: bool = False


class ItemTable:
    """The 信息项 of a workbook's item sheets, by the key of their resource.

    A code is compared as read (:func:`~govcatalog.model.code_forms.canonical_code`, the
    reading the record layer gives a resource's code), so ``307001-000001`` on the item sheet
    joins ``307001/000001`` on the resource sheet. A code that spells no code, or more than
    one, joins only the same text, or else the resource its row names.
    """

    def __init__(self, rules: CodeRules = CodeRules()) -> None:
        self._rules = rules
        self._groups: dict[tuple[str, str], _Group] = {}
        self._written: dict[str, str] = {}
        """The first form each code read on an item sheet was written in."""

    def read_codes(self, rows: Rows, layout: SheetLayout) -> Rows:
        """The rows of an item sheet with each code cell read as the code it spells, so that
        the rows of one resource are one group of rows, and agree, in whatever form each
        writes its code (a code that spells none stays as written)."""
        column = next((c.index for c in layout.columns if c.field and c.field.id == "code"), None)
        if column is None:  # keyed by name
            yield from rows
            return
        for rownum, values in rows:
            value = values.get(column)
            if isinstance(value, str) and rownum >= layout.first_data_row:
                read = canonical_code(value.strip(), self._rules)
                if read is not None and read != value:
                    self._written.setdefault(read, value.strip())
                    yield rownum, {**values, column: read}
                    continue
            yield rownum, values

    def _keys(self, data: dict[str, object], *, names: bool) -> list[tuple[str, str]]:
        """The keys a record is found by, most specific first: its code as read (as written
        when it spells no code), then its name (``names``: always; else only when its code
        spells no code)."""
        code, name = _text(data.get("code")), _text(data.get("name"))
        keys: list[tuple[str, str]] = []
        if code:
            read = canonical_code(code, self._rules)
            keys.append(("code", read or code))
            names = names or read is None
        if name and (names or not code):
            keys.append(("name", name))
        return keys

    def add(self, record: RawRecord) -> None:
        """Take the 信息项 of one group of rows of an item sheet."""
        data = record.data if isinstance(record.data, dict) else {}
        keys = self._keys(data, names=False)
        if not keys:
            return
        group = next((self._groups[k] for k in keys if k in self._groups), None)
        if group is None:
            group = _Group(keys[0])
        for k in keys:
            self._groups.setdefault(k, group)
        cells = record.cells or {}
        shared = data.get("extensions")  # a column with one value on every row of the group
        offset = len(group.items)
        given_items = list(data.get("items") or ())
        for n, given in enumerate(given_items):
            item = given
            if isinstance(shared, dict) and isinstance(given, dict):
                item = {**given, "extensions": {**shared, **(given.get("extensions") or {})}}
            group.items.append(item)
            prefix = f"/items/{n}"
            for pointer, cell in cells.items():
                if pointer == prefix or pointer.startswith(prefix + "/"):
                    moved = f"/items/{offset + n}" + pointer[len(prefix) :]
                    group.cells[moved] = f"{record.sheet}!{cell}"
        if given_items and record.sheet is not None:
            group.sheets[record.sheet] = group.sheets.get(record.sheet, 0) + len(given_items)
        if not group.first_cell:
            group.first_cell = f"{record.sheet}!{cells.get('', 'A1')}"

    def attach(self, record: RawRecord) -> RawRecord:
        """``record`` with the 信息项 the item sheets give it appended."""
        data = record.data
        if not isinstance(data, dict) or not self._groups:
            return record
        keys = self._keys(data, names=True)
        group = next((self._groups[k] for k in keys if k in self._groups), None)
        if group is None:
            return record
        group.used = True
        items = list(data.get("items") or ())
        offset = len(items)
        cells = dict(record.cells or {})
        for pointer, cell in group.cells.items():
            n, _, rest = pointer[len("/items/") :].partition("/")
            cells[f"/items/{offset + int(n)}" + (f"/{rest}" if rest else "")] = cell
        joined = {**data, "items": [*items, *group.items]}
        return RawRecord(
            record.index, record.pointer, joined, SheetLocator(cells), record.sheet, cells
        )

    def _distinct(self) -> list[_Group]:
        return list({id(g): g for g in self._groups.values()}.values())

    def joined(self, sheet: str) -> int:
        """How many 信息项 of ``sheet`` joined a resource."""
        return sum(g.sheets.get(sheet, 0) for g in self._distinct() if g.used)

    def orphans(self) -> list[DocumentProblem]:
        """One problem for each resource an item sheet names that no resource sheet has."""
        out = []
        for group in self._distinct():
            if group.used:
                continue
            key, value = group.key
            if key == "code":
                value = self._written.get(value, value)  # as the first of its rows writes it
            sheet, _, cell = group.first_cell.partition("!")
            what_zh = "信息资源代码" if key == "code" else "信息资源名称"
            what_en = "resource code" if key == "code" else "resource name"
            out.append(
                DocumentProblem(
                    pointer="",
                    detail_zh=f"{len(group.items)} 个信息项的{what_zh}为“{value}”，"
                    "信息资源表中没有此信息资源",
                    detail_en=f"{len(group.items)} data item(s) name the {what_en} {value!r}, "
                    "which no resource has",
                    code="GC-S011",
                    sheet=sheet,
                    cell=cell,
                    value=value,
                )
            )
        return out


def _text(value: object) -> str:
    """A key cell's text, stripped ("" for none)."""
    return "" if value is None else str(value).strip()
