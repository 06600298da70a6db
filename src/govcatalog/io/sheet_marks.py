"""Tick-box columns: an element's values as sub-headings, a tick under the one that holds.

Compilation forms often give a choice as boxes to tick rather than a value to write::

    |        共享类型         |  是否向社会开放  |
    | 无条件共享 | 有条件共享 | 不予共享 |  是  |  否  |
    |     √      |            |          |      |  √   |

The heading names the element (共享类型, a vocabulary or yes/no element), each sub-heading is
one of its values, and a row ticks one. The row's value is then that sub-heading. A tick is
√, ✓, ●, 是, Y, 1 …; a cross or an empty box (×, □, 否) is no tick; any other text ticks
the box with a note (有条件共享 with 仅限公安 reads 有条件共享（仅限公安）, whose bracket the
element's reader keeps as its condition). Boxes ticked twice in a row give both values
joined (无条件共享、有条件共享), which the element's reader then reports as no value of it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final, Protocol

from govcatalog.packs.fields import FieldKind, FieldSpec

TICK_MARKS: Final = "√✓✔☑✅●■★"
"""Marks that tick a box, alone in a cell or before an option in one (☑有条件共享)."""
EMPTY_MARKS: Final = "×✗✘☐□○"
"""Marks of a box left unticked."""
TICKS: Final = frozenset(TICK_MARKS) | {"是", "y", "yes", "1", "true"}
"""Cell texts (stripped, lower case) that tick a box."""
NOT_TICKED: Final = frozenset(EMPTY_MARKS) | {"否", "n", "no", "0", "false"}
"""Cell texts (stripped, lower case) that leave a box unticked, as an empty cell does."""
_KINDS: Final = (FieldKind.VOCAB, FieldKind.BOOL)


class ValueMatcher(Protocol):
    """What finding tick-box columns needs of the heading matcher."""

    def match(self, group: str | None, heading: str) -> FieldSpec | None: ...

    def value_of(self, spec: FieldSpec, text: str) -> str | None: ...


def mark_columns(
    heads: Mapping[int, str], below: Mapping[int, str], matcher: ValueMatcher
) -> dict[int, tuple[FieldSpec, str]]:
    """Column → (element, value) of the tick-box columns under ``heads``, the headings, when
    the row ``below`` them gives values as sub-headings: two or more adjacent columns under
    one heading naming a vocabulary or yes/no element, each headed by a different value of
    it. Empty when there are none."""
    found: dict[int, tuple[FieldSpec, str]] = {}
    run: list[int] = []
    heading = ""
    for c in sorted(set(heads) | set(below)):
        written = heads.get(c) or (heading if run and c == run[-1] + 1 else "")
        if written != heading or not run or c != run[-1] + 1:
            found.update(_run(heading, run, below, matcher))
            run, heading = [], written
        run.append(c)
    found.update(_run(heading, run, below, matcher))
    return found


def _run(
    heading: str, run: list[int], below: Mapping[int, str], matcher: ValueMatcher
) -> dict[int, tuple[FieldSpec, str]]:
    if len(run) < 2 or not heading:
        return {}
    spec = matcher.match(None, heading)
    if spec is None or spec.kind not in _KINDS or not spec.vocabulary:
        return {}
    values = [matcher.value_of(spec, below.get(c, "")) for c in run]
    if None in values or len(set(values)) != len(values):
        return {}
    return {c: (spec, value) for c, value in zip(run, values, strict=True) if value is not None}


def ticked(value: str, cell: object) -> str | None:
    """What a cell under the sub-heading ``value`` says: ``value`` when it ticks the box,
    ``value（text）`` when it holds some other text, None when it is empty or not ticked."""
    if cell is None or isinstance(cell, bool | int | float):  # a number: 1 ticks, 0 does not
        return value if cell else None
    text = str(cell).strip()
    folded = text.lower()
    if not text or folded in NOT_TICKED:
        return None
    if folded in TICKS:
        return value
    return f"{value}（{text}）"


_BOX = re.compile(rf"([{TICK_MARKS}{EMPTY_MARKS}])\s*([^\s{TICK_MARKS}{EMPTY_MARKS}]+)")


def ticked_in_text(text: str) -> str | None:
    """The options ticked in one cell written as boxes (``☑有条件共享 □无条件共享``, as a
    form prints a choice): those ticked joined by 、, or None when the cell is no such list
    (fewer than two boxes, or none ticked)."""
    boxes = _BOX.findall(text)
    if len(boxes) < 2:
        return None
    chosen = [option for box, option in boxes if box in TICK_MARKS]
    return "、".join(chosen) if chosen else None


def marked(values: Sequence[tuple[str, object]]) -> str | None:
    """The value a row's tick-box columns of one element give ((sub-heading, cell) in column
    order): the ticked one, those ticked joined by 、 when several are, None when none is."""
    chosen = [t for value, cell in values if (t := ticked(value, cell)) is not None]
    return "、".join(chosen) if chosen else None


def first_ticked(values: Sequence[tuple[str, object]]) -> int | None:
    """The position in ``values`` ((sub-heading, cell) in column order) of the first box
    ticked, where the row's value is located; None when none is."""
    return next((i for i, (v, cell) in enumerate(values) if ticked(v, cell) is not None), None)
