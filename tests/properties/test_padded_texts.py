"""A text written with spaces, line breaks or an ideographic space around it (a cell typed or
pasted so, a CHAR column padded by its system) reads as the text: the same catalog and the same
findings, each padded value said once (GC-F003) where it is written. Before, the padding was
kept: 姓名 and "姓名 " were two names, and a padded 信息资源提供方代码 was no 统一社会信用代码
(GC-F006)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import load_catalog, validate
from govcatalog.examples import path
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
CATALOG = json.loads(Path(path("city")).read_text(encoding="utf-8"))
CATALOG["resources"] = CATALOG["resources"][:4]
TEXTS = [
    ("name",),
    ("provider",),
    ("provider_code",),
    ("abstract",),
    ("category", "mu"),
    ("share", "share_condition"),
    ("open", "open_condition"),
    ("items", 0, "name"),
    ("items", 1, "name"),
]
"""Where the resources give a text element (the 信息资源名称, its 目, a 信息项's name …)."""
PADDING = st.lists(st.sampled_from([" ", "\u3000", "\n", "\t", "\r\n", "\xa0"]), max_size=3).map(
    "".join
)


def _at(resource: dict[str, Any], where: tuple[str | int, ...]) -> tuple[Any, str | int] | None:
    holder: Any = resource
    for step in where[:-1]:
        holder = holder.get(step) if isinstance(holder, dict) else None
        if isinstance(step, int) or holder is None:
            return None
    return (holder, where[-1]) if isinstance(holder, dict) and where[-1] in holder else None


def _seen(source: object) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.location.pointer) for f in validate(source, options=OPTIONS).findings)


@settings(max_examples=30, deadline=None)
@given(
    padded=st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(TEXTS), PADDING, PADDING),
        min_size=1,
        max_size=6,
    )
)
def test_a_padded_text_reads_as_the_text(
    padded: list[tuple[int, tuple[str | int, ...], str, str]],
) -> None:
    messy = copy.deepcopy(CATALOG)
    said: set[str] = set()
    for index, where, before, after in padded:
        resource = messy["resources"][index]
        if where[0] == "items":  # the items in the example, reached by index
            items = resource.get("items") or []
            spot = (items[where[1]], where[2]) if len(items) > where[1] else None  # type: ignore[index]
        else:
            spot = _at(resource, where)
        if spot is None or not before + after:
            continue
        holder, key = spot
        holder[key] = before + holder[key] + after
        said.add("/resources/" + "/".join(str(p) for p in (index, *where)))
    assert load_catalog(messy) == load_catalog(CATALOG)
    messy_seen = _seen(messy)
    assert sorted(p for c, p in messy_seen if c == "GC-F003" and p in said) == sorted(said)
    assert [f for f in messy_seen if f[0] != "GC-F003" or f[1] not in said] == _seen(CATALOG)


def test_padded_cells_of_a_workbook_read_as_their_texts(tmp_path: Path) -> None:
    """Every text cell of an element below the headings of a city's layout padded: the same
    catalog, and the same findings but the padding said at padded cells. (A column that is no
    element, 联系人, is kept as written.)"""
    from openpyxl import load_workbook

    from tests.sheets.sheetbook import build_real_layout, column_of

    plain = build_real_layout(tmp_path / "plain.xlsx")
    padded = build_real_layout(tmp_path / "padded.xlsx")
    book = load_workbook(padded)
    sheet = book.active
    cells = set()
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if isinstance(cell.value, str) and cell.column_letter != column_of("联系人"):
                cell.value = f" {cell.value}\n" if cell.column % 2 else f"\u3000{cell.value} "
                cells.add(cell.coordinate)
    book.save(padded)
    assert load_catalog(padded) == load_catalog(plain)

    said = {
        f.location.cell
        for f in validate(padded, options=OPTIONS).findings
        if f.code == "GC-F003" and f.value != f.value.strip()
    }

    def seen(report_of: Path) -> list[tuple[str, str | None, str | None]]:
        """The findings but those of a value's form at a padded cell (the padding is said
        there, as the form of a value such as 字符串型C was)."""
        return sorted(
            (f.code, f.location.pointer, f.location.cell)
            for f in validate(report_of, options=OPTIONS).findings
            if not (f.code == "GC-F003" and f.location.cell in said)
        )

    assert said and said <= cells
    assert seen(padded) == seen(plain)
