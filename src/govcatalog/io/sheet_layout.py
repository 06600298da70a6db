"""Finding the heading rows of a catalog sheet and mapping its columns to fields.

Real compilation workbooks put one or two heading rows under an optional title:
a first-level heading (共享属性) merged over its second-level headings (共享类型,
共享条件), and columns without sub-headings merged down over both rows. Headings
carry notes ("（必填项）"), asterisks and line breaks, and the same element goes by
several names (信息资源提供方代码, 资源提供方代码, 部门代码). A heading is matched, in
order, against the template profile (group + heading, then heading alone), the
field table inside the group it sits under, and the field table at resource and
信息项 level. Anything left is an unknown column: kept and reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from govcatalog.io.form_lines import form_date
from govcatalog.io.records import FormDate
from govcatalog.io.sheet_columns import SheetColumn, second_column
from govcatalog.io.sheet_marks import mark_columns
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.packs.templates import ColumnLevel, TemplateProfile

SCAN_ROWS = 15
"""How many rows at the top of a sheet may hold the title and headings."""

START_ROWS = 100
"""How far down a sheet without headings in its first :data:`SCAN_ROWS` rows a table's heading
row, or its first registration form, may begin: below a title block, instructions or a
department's header of many rows."""

MIN_MATCHES = 3
"""Fewest recognised headings for a row to count as the heading row."""


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """Where a sheet's headings are and what each column holds.

    Attributes:
        heading_row: The row of the (second-level) headings.
        group_row: The row of first-level headings, or None for one heading row.
        columns: The columns that have a heading, in order. A second column for a
            field an earlier column already holds is an unknown column.
    """

    heading_row: int
    group_row: int | None
    columns: tuple[SheetColumn, ...]
    band_end: int | None = None
    """The last row of the heading band: rows of system field keys (INFOCODE, nameEn …),
    notes and instructions right below the headings; None when the headings end it."""
    row_number: int | None = None
    """The column of the form's row numbers (序号), which holds no element: it is not read,
    and marks an example row (示例) when it says so."""
    form_date: FormDate | None = None
    """When the form says, above its headings or else in its footer, it was filled in
    (:mod:`.form_lines`)."""

    @property
    def first_data_row(self) -> int:
        """The first row below the heading band."""
        return (self.band_end or self.heading_row) + 1


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")
_NOTE = re.compile(
    r"^[(（【\[].*[)）】\]]$|^(填写说明|填表说明|说明|注|备注|示例|例|填报要求)[:：]", re.S
)


_ROW_NUMBER = frozenset({"序号", "序", "行号", "no", "no.", "#"})
"""Headings of the form's row-number column (folded)."""

_EXAMPLE = re.compile(r"^(示例|样例|举例|例|例子|范例|填写示例|填报示例|填写样例)\s*\d*[:：]?$")


def is_row_number(heading: str) -> bool:
    """True for the heading of a form's row-number column: 序号, No."""
    return fold_key(heading).lower() in _ROW_NUMBER


def is_example(values: Mapping[int, object], layout: SheetLayout) -> bool:
    """True for a row the form fills in as an example: 示例 (or 例, 样例 …) where the row
    number goes, or alone in the row's first cell."""
    marker = values.get(layout.row_number) if layout.row_number is not None else None
    if marker is None:
        first = min((c for c, v in values.items() if v is not None and v != ""), default=None)
        marker = values.get(first) if first is not None else None
    return isinstance(marker, str) and bool(_EXAMPLE.match(marker.strip()))


def is_note(text: str) -> bool:
    """True for a heading cell that is only a note: （必填项）, （选填项）, 说明：…"""
    return bool(_NOTE.match(text.strip()))


_NUMBERED = re.compile(r"^(?:第\s*)?[(（]?\s*(\d{1,3})\s*[)）]?\s*栏?$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _column_number(value: object) -> tuple[str, int] | None:
    """The number a cell of a row numbering the columns gives, with its kind (digits or
    letters): 1, "1", （1）, 第1栏, ①, A; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return ("digit", int(value)) if float(value).is_integer() and value >= 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 1 and text in _CIRCLED:
        return "digit", _CIRCLED.index(text) + 1
    if len(text) == 1 and text.isascii() and text.isalpha():
        return "letter", ord(text.upper()) - ord("A") + 1
    found = _NUMBERED.match(text)
    return ("digit", int(found[1])) if found else None


def is_numbering(values: Mapping[int, object]) -> bool:
    """True for a row that numbers the columns below their headings (栏号: 1 2 3 …, （1）（2）…,
    ①②③ or A B C …): three or more cells, each a number of one kind, rising from left to right
    and never faster than the columns do. No row of data is so."""
    cells = sorted((c, v) for c, v in values.items() if v is not None and v != "")
    numbers = [_column_number(v) for _, v in cells]
    if len(cells) < MIN_MATCHES or any(n is None for n in numbers):
        return False
    kinds = {n[0] for n in numbers if n is not None}
    seq = [(c, n[1]) for (c, _), n in zip(cells, numbers, strict=True) if n is not None]
    return len(kinds) == 1 and all(0 < n2 - n1 <= c2 - c1 for (c1, n1), (c2, n2) in pairwise(seq))


def _band_row(values: Mapping[int, str], matcher: HeadingMatcher) -> bool:
    """A row of the heading band below the headings: system field keys, notes, instructions.

    System keys are ASCII identifiers (INFOCODE, nameEn, shareType) of which none is a value
    of the column's element; a note row holds only notes; an instruction row one long text.
    """
    cells = [v for v in values.values() if v]
    if not cells:
        return False
    if all(_KEY.match(v) for v in cells) and len(cells) >= MIN_MATCHES:
        return not any(matcher.is_value(v) for v in cells)
    if all(is_note(v) for v in cells):
        return True
    return len(cells) == 1 and len(cells[0]) > 40


class HeadingMatcher:
    """Maps (group heading, heading) pairs to fields of a pack, through a profile."""

    def __init__(self, pack: Pack, profile: TemplateProfile) -> None:
        self._profile = profile.headings()
        table = pack.fields
        self._table = table
        self.pack = pack
        self._vocabs = tuple(pack.vocabularies.values())
        self._top = table.key_map(None)
        self._items = table.key_map("items")
        self._groups: dict[str, str] = {}
        for spec in table.children(None):
            if spec.kind in (FieldKind.GROUP, FieldKind.GROUPS):
                for name in (spec.key, spec.zh, *spec.aliases, *spec.system_keys):
                    self._groups[fold_key(name)] = spec.id
        for col in profile.columns:
            if col.group:
                parent = col.field.parent
                if parent:
                    self._groups.setdefault(fold_key(col.group), parent)

    def _in_group(self, scope: str, key: str) -> FieldSpec | None:
        """The member of a group a sub-heading names: by its own name, by the group's name
        and it (信息资源格式 over 分类 is 信息资源格式分类), or as the one member whose
        name ends with it, the shortest such name deciding (开放属性 over 条件 is 开放条件,
        共享属性 over 类型 is 共享类型 rather than 共享方式类型)."""
        names = self._table.key_map(scope)
        spec = names.get(key)
        if spec is not None:
            return spec
        for group, group_scope in self._groups.items():
            if group_scope == scope and (spec := names.get(group + key)) is not None:
                return spec
        if len(key) < 2:
            return None
        ending = [(len(name), s) for name, s in names.items() if name.endswith(key)]
        if not ending:
            return None
        shortest = min(size for size, _ in ending)
        found = {s.id: s for size, s in ending if size == shortest}
        return next(iter(found.values())) if len(found) == 1 else None

    def value_of(self, spec: FieldSpec, text: str) -> str | None:
        """The value of ``spec``'s vocabulary ``text`` names (its label), or None."""
        match = self.pack.field_vocabulary(spec).lookup(text) if spec.vocabulary else None
        return None if match is None else match.concept.label_zh

    def is_value(self, text: str) -> bool:
        """True when ``text`` is a value of a vocabulary of the pack (a code such as "C")."""
        return any(v.lookup(text) is not None for v in self._vocabs)

    def is_group(self, heading: str) -> bool:
        """True when ``heading`` names a group of fields (共享属性, 信息项信息 …)."""
        return fold_key(heading) in self._groups

    def match(self, group: str | None, heading: str) -> FieldSpec | None:
        """The field a column headed ``heading`` under ``group`` holds, if any."""
        key = fold_key(heading)
        if not key:
            return None
        gkey = fold_key(group) if group else None
        fid = self._profile.get((gkey, key)) if gkey else None
        if fid is None and gkey in self._groups:
            spec = self._in_group(self._groups[gkey], key)
            if spec is not None:
                return spec
        if fid is None:
            fid = self._profile.get((None, key))
        if fid is not None:
            return self._table.get(fid)
        spec = self._top.get(key)
        if spec is not None and spec.kind not in (FieldKind.GROUP, FieldKind.GROUPS):
            return spec
        if spec is not None and spec.main and self._table.has(spec.main):
            return self._table.get(spec.main)  # one 信息资源格式 column holds the whole group
        if spec is None:
            spec = self._items.get(key)
            if spec is not None:
                return self._table.get(f"items.{spec.key}")
        return None


def _filled(
    rows: Mapping[int, Mapping[int, object]], merges: Sequence[tuple[int, int, int, int]]
) -> dict[int, dict[int, str]]:
    grid = {r: {c: _text(v) for c, v in vals.items() if _text(v)} for r, vals in rows.items()}
    for r1, c1, r2, c2 in merges:
        top = grid.get(r1, {}).get(c1)
        if not top:
            continue
        for r in range(r1, r2 + 1):
            if r in grid or r in rows:
                for c in range(c1, c2 + 1):
                    grid.setdefault(r, {})[c] = top
    return grid


def _columns(
    heads: Mapping[int, str],
    groups: Mapping[int, str],
    matcher: HeadingMatcher,
    marks: Mapping[int, tuple[FieldSpec, str]],
) -> tuple[list[SheetColumn], int | None]:
    """The columns under the headings, and the row-number column (序号) left out of them."""
    columns: list[SheetColumn] = []
    seen: set[str] = set()
    row_number: int | None = None
    for c in sorted(set(heads) | set(groups)):
        group = groups.get(c)
        heading = heads.get(c) or group or ""
        if row_number is None and is_row_number(heading):
            row_number = c
            continue
        if c in marks:  # one element's tick boxes: its values as sub-headings
            boxed, value = marks[c]
            columns.append(
                SheetColumn(c, f"{group}/{heading}", boxed, ColumnLevel.RESOURCE, mark=value)
            )
            seen.add(boxed.id)
            continue
        if is_note(heading) and group:
            heading = group  # （必填项） under 所属部门 is 所属部门
        if group == heading or (group and not matcher.is_group(group)):
            group = None
        spec = matcher.match(group, heading)
        written = f"{group}/{heading}" if group else heading
        level = (
            ColumnLevel.ITEM
            if spec is None or spec.id.startswith("items.")
            else ColumnLevel.RESOURCE
        )
        listed = level is ColumnLevel.ITEM and spec is not None and matcher.is_group(heading)
        col = SheetColumn(c, written, spec, level, listed)
        if spec is not None and spec.id in seen:
            col = second_column(columns, col, seen, matcher.pack.fields)
        if col.field is not None:
            seen.add(col.field.id)
        columns.append(col)
    return columns, row_number


def find_layout(
    rows: Mapping[int, Mapping[int, object]],
    merges: Sequence[tuple[int, int, int, int]],
    matcher: HeadingMatcher,
    last: int | None = None,
) -> SheetLayout | None:
    """The layout of a sheet from its first rows, or None when no heading row is found.

    Args:
        rows: The first rows (row → column → value), at least :data:`SCAN_ROWS` if the
            sheet has them.
        merges: Merged ranges (min_row, min_col, max_row, max_col) touching those rows.
        matcher: Heading matcher of the pack and profile.
        last: The lowest row the heading row may be on (the rows below it are the band's).
    """
    grid = _filled(rows, merges)
    best, best_row = 0, None
    for r in sorted(grid):
        if last is not None and r > last:
            break
        # Distinct elements named: a group heading merged over its sub-headings (信息项信息
        # over four columns) names one element, not four.
        named = (matcher.match(None, v) for v in grid[r].values())
        score = len({spec.id for spec in named if spec is not None})
        if score >= max(best, MIN_MATCHES) and (
            best_row is None or score > best or r == best_row + 1
        ):
            best, best_row = score, r
    if best_row is None:
        return None
    marks = mark_columns(grid[best_row], grid.get(best_row + 1, {}), matcher)
    if marks:  # the headings are group headings over the tick boxes' values
        best_row += 1
    above = grid.get(best_row - 1, {})
    group_row = best_row - 1 if marks or any(matcher.is_group(v) for v in above.values()) else None
    heads = grid[best_row]
    groups = above if group_row is not None else {}
    if group_row is None and above:
        # A group heading that names no group of the standard (所属部门 over a note) still
        # stands for the column when the cell below is only a note.
        groups = {c: v for c, v in above.items() if is_note(heads.get(c, "（）"))}
    columns, row_number = _columns(heads, groups, matcher, marks)
    band_end = None
    for r in range(best_row + 1, best_row + 1 + SCAN_ROWS):
        if r not in grid or not (_band_row(grid[r], matcher) or is_numbering(rows[r])):
            break
        band_end = r
    day = form_date(rows, group_row or best_row)
    return SheetLayout(best_row, group_row, tuple(columns), band_end, row_number, day)
