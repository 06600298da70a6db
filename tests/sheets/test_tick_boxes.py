"""Tick-box columns: 共享类型 over 无条件共享 | 有条件共享 | 不予共享, 是否向社会开放 over 是 | 否,
a tick under the value that holds. Such a workbook reads as the same workbook with the values
written in one column each: the same catalog and the same findings, each at the ticked cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from govcatalog import validate
from govcatalog.io.sheet_marks import marked, ticked
from govcatalog.loading import load_catalog
from govcatalog.report import Report
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

SHARE_TYPES = ["无条件共享", "有条件共享", "不予共享"]
OPEN = ["是", "否"]
BEFORE = ["信息资源名称", "信息资源代码", "信息资源提供方", "信息资源提供方代码", "信息资源摘要"]
AFTER = ["共享条件", "更新周期", "发布日期", "信息项名称", "数据类型"]
USCC = "91350100M000100Y43"
OPTIONS = ValidationOptions(today=TODAY)


def _values(i: int, share: str, condition: str) -> tuple[list[object], list[object]]:
    before: list[object] = [f"登记信息{i}", f"307001/{i + 1:06d}", "某市市场监督管理局", USCC]
    before.append(f"第{i}类登记信息")
    after: list[object] = [condition, "每月", "2024-03-01", "企业名称", "字符型"]
    return before, after


def _written(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """The values written in one column each."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    ws.append([*BEFORE, "共享类型", "是否向社会开放", *AFTER])
    for i, (share, opened, condition) in enumerate(rows):
        before, after = _values(i, share, condition)
        ws.append([*before, share, opened, *after])
    wb.save(path)
    return path


def _ticked(path: Path, rows: list[tuple[str, str, str]], tick: str, *, merged: bool) -> Path:
    """The same as tick boxes under two heading rows (the group headings merged, or written
    once over their first column)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    width = len(BEFORE) + len(SHARE_TYPES) + len(OPEN) + len(AFTER)
    top: list[object] = [*BEFORE, "共享类型", None, None, "是否向社会开放", None, *AFTER]
    ws.append(top)
    ws.append([None] * len(BEFORE) + SHARE_TYPES + OPEN + [None] * len(AFTER))
    for c in range(1, width + 1):
        if top[c - 1] is not None and c not in (6, 9):
            ws.merge_cells(start_row=1, start_column=c, end_row=2, end_column=c)
    if merged:
        ws.merge_cells("F1:H1")
        ws.merge_cells("I1:J1")
    for i, (share, opened, condition) in enumerate(rows):
        before, after = _values(i, share, condition)
        boxes = [tick if s == share else None for s in SHARE_TYPES]
        boxes += [tick if o == opened else None for o in OPEN]
        ws.append([*before, *boxes, *after])
    wb.save(path)
    return path


def _seen(report: Report) -> list[tuple[str, str | None, str]]:
    return sorted((f.code, f.location.pointer, f.message_en) for f in report.findings)


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(SHARE_TYPES),
        st.sampled_from(OPEN),
        st.sampled_from(["", "仅限公安部门使用"]),
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_ROWS, tick=st.sampled_from(["√", "✓", "●", "是", "Y", "1"]), merged=st.booleans())
def test_tick_boxes_read_as_the_values_written(
    tmp_path: Path, rows: list[tuple[str, str, str]], tick: str, merged: bool
) -> None:
    written = _written(tmp_path / "written.xlsx", rows)
    boxes = _ticked(tmp_path / "boxes.xlsx", rows, tick, merged=merged)
    assert load_catalog(boxes) == load_catalog(written)
    assert _seen(validate(boxes, options=OPTIONS)) == _seen(validate(written, options=OPTIONS))


def test_a_finding_on_a_ticked_value_is_at_the_ticked_cell(tmp_path: Path) -> None:
    """Text in a box is the value with a note: read as such (GC-F003), in that box's cell."""
    path = _ticked(tmp_path / "b.xlsx", [("有条件共享", "是", "")], "√", merged=True)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["G3"] = "仅限公安部门使用"  # under 有条件共享
    book.active["I3"] = "无条件开放"  # under 是
    book.save(path)
    report = validate(path, options=OPTIONS)
    read = {
        f.location.pointer: (f.code, f.location.cell)
        for f in report.findings
        if f.location.pointer and f.code == "GC-F003"
    }
    assert read == {
        "/resources/0/share/share_type": ("GC-F003", "G3"),
        "/resources/0/open/open_to_public": ("GC-F003", "I3"),
    }
    share = load_catalog(path).resources[0].share
    assert share.share_condition == "仅限公安部门使用"


def test_two_boxes_ticked_are_two_values_where_one_is_taken(tmp_path: Path) -> None:
    path = _ticked(tmp_path / "b.xlsx", [("无条件共享", "否", "")], "√", merged=True)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["G3"] = "√"  # 有条件共享 too
    book.save(path)
    report = validate(path, options=OPTIONS)
    wrong = [f for f in report.findings if f.location.pointer == "/resources/0/share/share_type"]
    assert [(f.code, f.value, f.location.cell) for f in wrong] == [
        ("GC-F018", "无条件共享、有条件共享", "F3")
    ]


def test_text_in_a_box_is_the_value_with_its_note(tmp_path: Path) -> None:
    path = _ticked(tmp_path / "b.xlsx", [("有条件共享", "否", "")], "仅限公安部门使用", merged=True)
    catalog = load_catalog(path)
    share = catalog.resources[0].share
    assert (share.share_type.value, share.share_condition) == ("有条件共享", "仅限公安部门使用")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("√", "有条件共享"),
        (" ✔ ", "有条件共享"),
        ("Yes", "有条件共享"),
        (1, "有条件共享"),
        (1.0, "有条件共享"),
        (True, "有条件共享"),
        (None, None),
        ("", None),
        ("×", None),
        ("□", None),
        ("否", None),
        (0, None),
        (0.0, None),
        (False, None),
        ("仅限公安", "有条件共享（仅限公安）"),
    ],
)
def test_what_ticks_a_box(cell: object, expected: str | None) -> None:
    assert ticked("有条件共享", cell) == expected


def test_marked_joins_the_ticked_values() -> None:
    assert marked([("是", "√"), ("否", None)]) == "是"
    assert marked([("是", "√"), ("否", "√")]) == "是、否"
    assert marked([("是", ""), ("否", "×")]) is None
