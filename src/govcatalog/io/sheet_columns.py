"""The columns of a sheet as understood, and a second column heading a field another holds.

Templates give some elements twice under different names: 开放类型 (or 开放属性) beside 开放条件,
共享方式 beside 共享方式分类. Both name one field; the column written with the field's own name
holds it, and the other the field it must then mean — the second part of the field's compound
values (共享方式 → 共享方式类型), or the one required field of its group no column gives
(开放类型 → 是否向社会开放, read from the open type). Two columns of one field otherwise: the
second is an unknown column, kept and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from govcatalog.packs.fields import FieldKind, FieldSpec, FieldTable
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.templates import ColumnLevel


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """One column of a sheet as understood.

    Attributes:
        index: 1-based column index.
        heading: The heading as written (group and heading joined by "/" when both).
        field: The field the column holds, or None for an unknown column.
        level: Resource-level or item-level (unknown columns: item-level).
    """

    index: int
    heading: str
    field: FieldSpec | None
    level: ColumnLevel
    listed: bool = False
    """The column is headed by a group (信息项) and a cell lists its entries by name."""
    mark: str | None = None
    """A tick-box column: the value of ``field`` a tick in it gives (:mod:`.sheet_marks`)."""


def second_column(
    columns: list[SheetColumn], col: SheetColumn, seen: set[str], table: FieldTable
) -> SheetColumn:
    """A column heading a field an earlier column holds: an unknown column, unless one of
    the two is headed by the field's own name and the other by another name (开放条件 after
    开放类型, 共享方式 after 共享方式分类). The one of the field's own name holds it, and the
    other the field :func:`_free_field` finds (是否向社会开放 from the open type, 共享方式类型
    from 共享方式), if there is one."""
    spec = col.field
    assert spec is not None
    at = next(i for i, e in enumerate(columns) if e.field is not None and e.field.id == spec.id)
    earlier = columns[at]
    mine, theirs = _own_name(col.heading, spec), _own_name(earlier.heading, spec)
    if mine == theirs:
        return SheetColumn(col.index, col.heading, None, ColumnLevel.ITEM)
    other = _free_field(spec, seen, table)
    if other is not None:
        seen.add(other.id)
    if theirs:  # the earlier column is the field's own: this one takes the free field
        return SheetColumn(col.index, col.heading, other, col.level if other else ColumnLevel.ITEM)
    level = earlier.level if other is not None else ColumnLevel.ITEM
    columns[at] = SheetColumn(earlier.index, earlier.heading, other, level)
    return col


def _free_field(spec: FieldSpec, seen: set[str], table: FieldTable) -> FieldSpec | None:
    """The field a second column of ``spec`` holds: the second part of ``spec``'s compound
    values (共享方式 → 共享方式类型), else the one required field of its group no column holds
    (开放条件 → 是否向社会开放); None when there is none or more than one."""
    if spec.compound and spec.compound not in seen:
        return table.get(spec.compound)
    free = [
        f
        for f in table.children(spec.parent, spec.level)
        if f.required and f.id not in seen and f.kind is not FieldKind.GROUP
    ]
    return free[0] if spec.parent is not None and len(free) == 1 else None


def _own_name(heading: str, spec: FieldSpec) -> bool:
    return fold_key(heading.rpartition("/")[2]) == fold_key(spec.zh)
