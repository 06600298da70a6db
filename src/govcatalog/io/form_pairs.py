"""The names and values of registration forms on a sheet (see :mod:`.sheet_form`).

A row pairs each element's name with the next cell that holds something and is no name; a
cell may also hold both, ``信息资源名称：企业登记信息``. The rows of names, then the 信息项
table (headed by a row naming two or more elements of a 信息项, read down to the first gap),
make one form; names after the table start the next form on the same sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from govcatalog.io.form_lines import is_footer
from govcatalog.io.sheet_layout import (
    MIN_MATCHES,
    SCAN_ROWS,
    START_ROWS,
    HeadingMatcher,
    SheetLayout,
)
from govcatalog.io.xlsx_parse import Value
from govcatalog.packs.fields import FieldSpec

MIN_PAIRS = 4
"""Fewest elements named with a value for a sheet (or a part of one) to be a form."""

Grid = Mapping[int, Mapping[int, Value]]
Row = tuple[int, dict[int, Value]]


@dataclass(frozen=True, slots=True)
class Pair:
    """A name and where its value is.

    Attributes:
        row: The row.
        column: The name's column.
        label: The name as written.
        spec: The element it names; None for a name that is no element.
        value_column: The value's column (the name's own for an inline pair); None when the
            name has no value beside it.
        inline: The value written in the name's cell after a colon, if so.
    """

    row: int
    column: int
    label: str
    spec: FieldSpec | None
    value_column: int | None
    inline: str | None = None


@dataclass
class Form:
    """One form: its pairs, and its 信息项 table (heading row, element by column, rows)."""

    pairs: list[Pair] = field(default_factory=list)
    item_row: int | None = None
    item_columns: dict[int, FieldSpec] = field(default_factory=dict)
    items: list[tuple[int, Mapping[int, Value]]] = field(default_factory=list)

    def elements(self) -> set[str]:
        """The elements the form gives a value."""
        return {p.spec.id for p in self.pairs if p.spec is not None and p.value_column}


def _text(value: Value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _filled(values: Mapping[int, Value]) -> list[int]:
    """The columns of a row's cells that hold something, in order."""
    return sorted(c for c, v in values.items() if _text(v) or not isinstance(v, str | None))


def _element(matcher: HeadingMatcher, text: str) -> FieldSpec | None:
    spec = matcher.match(None, text) if text else None
    return None if spec is None or spec.id.startswith("items.") else spec


def _inline(text: str, matcher: HeadingMatcher) -> tuple[str, FieldSpec, str] | None:
    """(name, element, value) of a cell holding both: ``信息资源名称：企业登记信息``."""
    for sep in ("：", ":"):
        head, found, rest = text.partition(sep)
        spec = _element(matcher, head.strip()) if found and rest.strip() else None
        if spec is not None:
            return head.strip(), spec, rest.strip()
    return None


def pairs_of(row: int, values: Mapping[int, Value], matcher: HeadingMatcher) -> list[Pair]:
    """The names of elements in a row, each with the next cell holding a value (not a name)."""
    cols = _filled(values)
    pairs: list[Pair] = []
    taken: set[int] = set()
    for i, c in enumerate(cols):
        if c in taken:
            continue
        text = _text(values[c])
        spec = _element(matcher, text)
        if spec is None:
            inline = _inline(text, matcher)
            if inline is not None:
                pairs.append(Pair(row, c, inline[0], inline[1], c, inline[2]))
            continue
        nxt = cols[i + 1] if i + 1 < len(cols) else None
        if nxt is not None and _is_name(values[nxt], matcher):
            nxt = None  # the next cell is a name of its own
        if nxt is not None:
            taken.add(nxt)
        pairs.append(Pair(row, c, text, spec, nxt))
    return pairs


def _is_name(value: Value, matcher: HeadingMatcher) -> bool:
    text = _text(value)
    return _element(matcher, text) is not None or _inline(text, matcher) is not None


def item_heading(values: Mapping[int, Value], matcher: HeadingMatcher) -> dict[int, FieldSpec]:
    """Column → element of a row naming two or more elements of a 信息项 (else empty)."""
    found = {c: matcher.match(None, _text(v)) for c, v in values.items()}
    items = {c: s for c, s in found.items() if s is not None and s.id.startswith("items.")}
    return items if len(items) >= 2 else {}


def form_pairs(rows: Grid, matcher: HeadingMatcher) -> int:
    """How many distinct elements of a resource the rows name with a value."""
    return len({p.spec.id for r, v in rows.items() for p in pairs_of(r, v, matcher)
                if p.spec is not None and p.value_column is not None})  # fmt: skip


def is_form(rows: Grid, layout: SheetLayout | None, matcher: HeadingMatcher) -> bool:
    """Whether a sheet whose first rows are ``rows`` (heading layout ``layout``, if any) is
    made of forms: more elements named with a value than its heading row names."""
    pairs = form_pairs(rows, matcher)
    if pairs < MIN_PAIRS:
        return False
    if layout is None:
        return True
    named = {c.field.id for c in layout.columns if c.field is not None}
    return pairs > len({f for f in named if not f.startswith("items.")})


def read_on(head: list[Row], rows: Iterator[Row], matcher: HeadingMatcher) -> list[Row]:
    """The first rows of a sheet whose top (``head``) holds no headings, read on from ``rows``
    for a form that begins lower: down to row :data:`START_ROWS`, and :data:`SCAN_ROWS` rows
    from the first naming an element — the room a form at the top has. (The first name may
    stand without its value: a form whose first row is row :data:`START_ROWS` and leaves its
    first element empty is read on all the same.) The rows
    down to :data:`START_ROWS` are all read, so that a table's headings below notes naming its
    elements (信息资源名称：填写资源的名称) are seen too (:func:`heads_table`)."""
    out = list(head)
    start = next((i for i, (r, v) in enumerate(out) if _names_element(r, v, matcher)), None)
    if out and out[-1][0] >= START_ROWS and (start is None or len(out) - start >= SCAN_ROWS):
        return out
    for r, values in rows:
        out.append((r, values))
        if start is None and r <= START_ROWS and _names_element(r, values, matcher):
            start = len(out) - 1
        if r >= START_ROWS and (start is None or len(out) - start >= SCAN_ROWS):
            break
    return out


def _names_element(row: int, values: Mapping[int, Value], matcher: HeadingMatcher) -> bool:
    return any(p.spec is not None for p in pairs_of(row, values, matcher))


def heads_table(layout: SheetLayout | None) -> bool:
    """Whether ``layout``'s heading row is a table's: it names elements of a resource, at least
    :data:`~govcatalog.io.sheet_layout.MIN_MATCHES`, in most of its cells (a form's rows give a
    value beside each name)."""
    if layout is None:
        return False
    named = [c.field.id for c in layout.columns if c.field is not None]
    resource = {f for f in named if not f.startswith("items.")}
    return len(resource) >= MIN_MATCHES and 2 * len(named) > len(layout.columns)


def read_forms(rows: Grid, matcher: HeadingMatcher) -> list[Form]:
    """The forms of a sheet, in order. Names after a form's 信息项 table start a new form when
    they give :data:`MIN_PAIRS` elements a value; fewer (a 备注 below the table) stay with
    the form above."""
    forms: list[Form] = []
    current: Form | None = None
    last_item = 0
    for r in sorted(rows):
        values = rows[r]
        pairs = pairs_of(r, values, matcher)
        if current is not None and current.item_row is None and not pairs:
            heading = item_heading(values, matcher)
            if heading:
                current.item_row, current.item_columns, last_item = r, heading, r
                continue
        if pairs:
            if current is None or current.item_row is not None:
                current = Form()
                forms.append(current)
            current.pairs.extend(pairs)
            continue
        if current is None or current.item_row is None or r != last_item + 1:
            continue  # a title, a note, or a row after the table's end
        if is_footer(values) or current.item_columns.keys().isdisjoint(_filled(values)):
            continue
        current.items.append((r, values))
        last_item = r
    return _joined(forms)


def _joined(forms: list[Form]) -> list[Form]:
    """The forms, each part with too few elements (a 备注 below a table) joined to the one
    above it."""
    out: list[Form] = []
    for form in forms:
        if out and len(form.elements()) < MIN_PAIRS:
            above = out[-1]
            above.pairs.extend(form.pairs)
            if form.item_row is not None and above.item_row is None:
                above.item_row, above.item_columns = form.item_row, form.item_columns
            above.items.extend(form.items)
            continue
        out.append(form)
    return out


def unknown_pairs(form: Form, rows: Grid) -> list[Pair]:
    """Names that are no element, with a value beside them, in the rows and columns of the
    form's names (联系人 张三): kept as extension fields."""
    columns = {p.column for p in form.pairs if p.spec is not None}
    out: list[Pair] = []
    top, bottom = min(p.row for p in form.pairs), max(p.row for p in form.pairs)
    table = {form.item_row, *(r for r, _ in form.items)}
    for r in sorted(r for r in rows if top <= r <= bottom and r not in table):
        values = rows[r]
        taken = {p.column for p in form.pairs if p.row == r}
        taken |= {p.value_column for p in form.pairs if p.row == r and p.value_column}
        cols = _filled(values)
        for c, nxt in pairwise(cols):
            if c in columns and not {c, nxt} & taken and _text(values[c]):
                out.append(Pair(r, c, _text(values[c]), None, nxt))
                taken |= {c, nxt}
    return out
