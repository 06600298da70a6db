"""A workbook written by govcatalog, decorated with real-world noise, reads back the same catalog.

The noise is what catalog systems and editors add: a title row, a row of system field keys and a
row of notes below the headings, stray brackets and line breaks in headings, an empty template
sheet and a dropdown sheet beside the data sheet, and list-like strings in list cells.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from test_roundtrip_properties import _SETTINGS, PACK, catalogs

from govcatalog import load_catalog
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.model import Catalog

HEADING_ROWS = 2
"""The writer's heading rows: group headings, then sub-headings."""


def _noisy_heading(text: str, how: int) -> str:
    base = text.split("（", maxsplit=1)[0]
    return [
        text,
        base + "）",  # a stray bracket where the note was
        base[:2] + "\n" + base[2:] + "（必填项）",  # a line break inside the name
        "　" + text + " ",  # full-width and trailing spaces
        text + "）",  # a stray bracket after the note
    ][how % 5]


def _listlike(value: object) -> object:
    if isinstance(value, str) and "、" in value:
        return "['" + value.replace("、", "', '") + "']"
    return value


def decorate(src: Path, dst: Path, *, how: int, template_first: bool) -> None:
    """Copy the workbook ``src`` to ``dst`` with the noise (see the module docstring)."""
    book = load_workbook(src)
    data = book[PACK.template(None).sheet]
    out = Workbook()
    out.remove(out.active)
    rows = [list(r) for r in data.iter_rows(values_only=True)]
    width = max((len(r) for r in rows), default=1)
    merges = [m.bounds for m in data.merged_cells.ranges]  # (min_col, min_row, max_col, max_row)

    def shift(row: int) -> int:
        return row + 1 if row <= HEADING_ROWS else row + 3  # title; keys and notes after headings

    def headings(ws: object) -> None:
        ws.cell(1, 1, "某市政务信息资源目录（系统导出）")  # type: ignore[attr-defined]
        for r in range(1, HEADING_ROWS + 1):
            for c, value in enumerate(rows[r - 1], start=1):
                noisy = _noisy_heading(value, how + c) if isinstance(value, str) else value
                ws.cell(shift(r), c, noisy)  # type: ignore[attr-defined]
        for c in range(1, width + 1):
            ws.cell(HEADING_ROWS + 2, c, f"FIELD_{c:02d}")  # type: ignore[attr-defined]
        ws.cell(HEADING_ROWS + 3, 1, "（必填项）")  # type: ignore[attr-defined]
        ws.cell(HEADING_ROWS + 3, 2, "（选填项）")  # type: ignore[attr-defined]
        for c1, r1, c2, r2 in merges:
            if r2 <= HEADING_ROWS:
                ws.merge_cells(  # type: ignore[attr-defined]
                    start_row=shift(r1), start_column=c1, end_row=shift(r2), end_column=c2
                )

    sheets = ["模板", "政务信息资源目录"] if template_first else ["政务信息资源目录", "模板"]
    for name in sheets:
        ws = out.create_sheet(name)
        headings(ws)
        if name == "模板":
            continue
        for r, row in enumerate(rows[HEADING_ROWS:], start=HEADING_ROWS + 1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(shift(r), c, _listlike(value))
        for c1, r1, c2, r2 in merges:
            if r1 > HEADING_ROWS:
                ws.merge_cells(
                    start_row=shift(r1), start_column=c1, end_row=shift(r2), end_column=c2
                )
    lists = out.create_sheet("下拉选项")
    for r, value in enumerate(PACK.vocabulary("share-type").labels(), start=1):
        lists.cell(r, 1, value)
    for name in book.sheetnames:  # the catalog facts and instructions, as written
        if name != data.title and not name.startswith("_"):
            copy = out.create_sheet(name)
            for row in book[name].iter_rows(values_only=True):
                copy.append(list(row))
    out.save(dst)


@_SETTINGS
@given(catalog=catalogs(), merge=st.booleans(), how=st.integers(0, 4), first=st.booleans())
def test_noisy_workbook_reads_back_the_same_catalog(
    catalog: Catalog, merge: bool, how: int, first: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clean, noisy = Path(tmp) / "clean.xlsx", Path(tmp) / "noisy.xlsx"
        write_workbook(clean, PACK, catalog, merge=merge)
        decorate(clean, noisy, how=how, template_first=first)
        back = load_catalog(noisy, pack=PACK)
        assert back.info == catalog.info
        assert len(back.resources) == len(catalog.resources)
        for read, written in zip(back.resources, catalog.resources, strict=True):
            assert read.model_dump() == written.model_dump()
