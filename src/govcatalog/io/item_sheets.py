"""Workbooks that keep the 信息项 on a sheet of their own, keyed by the resource.

Many catalog systems export two sheets: one row per resource on the first (信息资源表),
one row per 信息项 on the second (信息项表), whose rows name their resource by
信息资源代码 (or 信息资源名称). A sheet is such an item sheet when it has a key column, at
least two 信息项 columns and hardly any of the resource elements a resource sheet carries,
and the workbook also has a resource sheet. Its rows are joined onto the resources by
code, else by name; every other column of an item sheet belongs to its row's 信息项 (an
item element by its heading, else an item extension), so nothing written is lost. Cells
keep their own sheet (``信息项!C5``). Rows whose resource is nowhere are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from govcatalog.io.records import DocumentProblem, RawRecord
from govcatalog.io.sheet_layout import HeadingMatcher, SheetColumn, SheetLayout
from govcatalog.io.sheet_rows import SheetLocator
from govcatalog.packs.templates import ColumnLevel

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

    items: list[object] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    first_cell: str = ""
    used: bool = False


class ItemTable:
    """The 信息项 of a workbook's item sheets, by the key of their resource."""

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], _Group] = {}

    def add(self, record: RawRecord) -> None:
        """Take the 信息项 of one group of rows of an item sheet."""
        data = record.data if isinstance(record.data, dict) else {}
        key = _key(data)
        if key is None:
            return
        group = self._groups.setdefault(key, _Group())
        cells = record.cells or {}
        shared = data.get("extensions")  # a column with one value on every row of the group
        offset = len(group.items)
        for n, given in enumerate(data.get("items") or ()):
            item = given
            if isinstance(shared, dict) and isinstance(given, dict):
                item = {**given, "extensions": {**shared, **(given.get("extensions") or {})}}
            group.items.append(item)
            prefix = f"/items/{n}"
            for pointer, cell in cells.items():
                if pointer == prefix or pointer.startswith(prefix + "/"):
                    moved = f"/items/{offset + n}" + pointer[len(prefix) :]
                    group.cells[moved] = f"{record.sheet}!{cell}"
        if not group.first_cell:
            group.first_cell = f"{record.sheet}!{cells.get('', 'A1')}"

    def attach(self, record: RawRecord) -> RawRecord:
        """``record`` with the 信息项 the item sheets give it appended."""
        data = record.data
        if not isinstance(data, dict) or not self._groups:
            return record
        group = next(
            (
                self._groups[(k, str(data[k]).strip())]
                for k in KEYS
                if data.get(k) is not None and (k, str(data[k]).strip()) in self._groups
            ),
            None,
        )
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

    def orphans(self) -> list[DocumentProblem]:
        """One problem for each resource an item sheet names that no resource sheet has."""
        out = []
        for (key, value), group in self._groups.items():
            if group.used:
                continue
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


def _key(data: dict[str, object]) -> tuple[str, str] | None:
    for k in KEYS:
        value = data.get(k)
        if value is not None and str(value).strip():
            return k, str(value).strip()
    return None
