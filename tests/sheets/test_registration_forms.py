"""A sheet that is one resource's registration form (信息资源登记表: each element's name beside
its value, then a 信息项 table) reads as the same resource written as a row of a table: the same
catalog, the same findings, each at the value's cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from formbook import (
    ITEM_HEADINGS,
    ITEMS,
    resource_pairs,
    write_forms,
    write_table,
)
from formdates import REGULATION_FROM, FormDateWritten, form_dates
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from govcatalog import validate
from govcatalog.inspection import inspect
from govcatalog.io.sheet_layout import SCAN_ROWS, START_ROWS
from govcatalog.io.sheet_marks import ticked_in_text
from govcatalog.loading import load_catalog, load_catalog_judged
from govcatalog.packs.regime import RegimeBasis
from govcatalog.report import Report
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


def _seen(report: Report) -> list[tuple[str, str | None, str]]:
    return sorted((f.code, f.location.pointer, f.message_en) for f in report.findings)


def _regime(path: Path) -> tuple[str, RegimeBasis, dt.date | None, bool]:
    regime = load_catalog_judged(path).regime
    return regime.pack.ref, regime.basis, regime.day, regime.month


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    shares=st.lists(
        st.sampled_from(["无条件共享", "有条件共享", "不予共享"]), min_size=1, max_size=3
    ),
    per_row=st.integers(1, 2),
    left=st.integers(1, 2),
    seed=st.integers(0, 1000),
    label=st.sampled_from(["{}", "{}：", "{}:", "*{}", "1.{}", "一、{}：", "（1）{}", "★{}"]),
    start=st.integers(2, START_ROWS),
    dated=st.one_of(form_dates(), form_dates(), st.none()),
    footer_on=st.integers(0, 2),
)
def test_forms_read_as_the_rows_of_awrite_table(
    tmp_path: Path,
    shares: list[str],
    per_row: int,
    left: int,
    seed: int,
    label: str,
    start: int,
    dated: FormDateWritten | None,
    footer_on: int,
) -> None:
    """Labels as forms print them too: with a colon, a number or a required-marker; the form
    below a title, instructions and a department's header down to any row up to
    :data:`START_ROWS`; the day it was filled in, in the footer of one of the forms, decides
    the regime as it does written above the table (the elements the regulation adds are
    given under it, as a table has their columns)."""
    event(f"form begins below row {SCAN_ROWS}" if start > SCAN_ROWS else "form in the first rows")
    event("no date" if dated is None else "dated in a form's footer")
    regulation = dated is not None and dated.first >= REGULATION_FROM
    resources = [resource_pairs(i, s, regulation=regulation) for i, s in enumerate(shares)]
    table = write_table(tmp_path / "table.xlsx", resources, [dated.line] if dated else None)
    footer = dated.footer if dated else None
    forms = write_forms(
        tmp_path / "forms.xlsx",
        resources,
        per_row,
        left,
        seed,
        label=label,
        start=start,
        footer=footer,
        footer_on=footer_on,
    )
    assert _regime(forms) == _regime(table)
    assert load_catalog(forms) == load_catalog(table)
    assert _seen(validate(forms, options=OPTIONS)) == _seen(validate(table, options=OPTIONS))


@pytest.mark.parametrize("start", [2, SCAN_ROWS + 1, START_ROWS])
def test_a_form_whose_first_row_leaves_its_element_empty(tmp_path: Path, start: int) -> None:
    """A form's first row may name an element and leave it empty (共享条件 of a resource shared
    without conditions): the form begins there all the same, down to row :data:`START_ROWS`."""
    pairs = resource_pairs(0, "无条件共享")
    empty_first = sorted(pairs, key=lambda pair: pair[1] != "")
    assert empty_first[0][1] == ""
    forms = write_forms(tmp_path / "f.xlsx", [empty_first], 1, 1, 0, start=start, shuffle=False)
    table = write_table(tmp_path / "t.xlsx", [pairs])
    assert load_catalog(forms) == load_catalog(table)
    assert _seen(validate(forms, options=OPTIONS)) == _seen(validate(table, options=OPTIONS))


def test_a_finding_is_at_the_value_cell_of_its_sheet(tmp_path: Path) -> None:
    resources = [resource_pairs(0, "无条件共享"), resource_pairs(1, "无条件共享")]
    path = write_forms(tmp_path / "f.xlsx", resources, 2, 1, 0)
    book = load_workbook(path)
    sheet = book["登记表2"]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "更新周期":
                sheet.cell(cell.row, cell.column + 1, "每旬一次")
                where = f"{sheet.cell(cell.row, cell.column + 1).coordinate}"
    book.save(path)
    report = validate(path, options=OPTIONS)
    wrong = [f for f in report.findings if f.location.pointer == "/resources/1/update_cycle"]
    assert [(f.code, f.location.sheet, f.location.cell) for f in wrong] == [
        ("GC-F002", "登记表2", where)
    ]


def test_an_unknown_name_with_a_value_is_kept_and_said(tmp_path: Path) -> None:
    path = write_forms(tmp_path / "f.xlsx", [resource_pairs(0, "无条件共享")], 1, 1, 0)
    book = load_workbook(path)
    sheet = book.active
    sheet.insert_rows(3)
    sheet["A3"], sheet["B3"] = "联系人", "张三"
    book.save(path)
    catalog = load_catalog(path)
    assert catalog.resources[0].extensions == {"联系人": "张三"}
    said = [f for f in validate(path, options=OPTIONS).findings if f.code == "GC-S004"]
    assert [(f.location.cell, f.value) for f in said] == [("A3", "联系人")]


def test_an_empty_form_is_noresource_pairs(tmp_path: Path) -> None:
    empty = [(label, "") for label, _ in resource_pairs(0, "无条件共享")]
    path = write_forms(
        tmp_path / "f.xlsx", [resource_pairs(0, "无条件共享"), empty], 2, 1, 0, items=[]
    )
    catalog = load_catalog(path)
    assert len(catalog.resources) == 1
    skipped = [f for f in validate(path, options=OPTIONS).findings if f.code == "GC-S010"]
    assert [f.value for f in skipped] == ["登记表2"]


def test_a_choice_printed_as_boxes_is_the_box_ticked(tmp_path: Path) -> None:
    pairs = [
        (label, "□无条件共享 ☑有条件共享 □不予共享" if label == "共享类型" else value)
        for label, value in resource_pairs(0, "有条件共享")
    ]
    share = load_catalog(write_forms(tmp_path / "f.xlsx", [pairs], 2, 1, 0)).resources[0].share
    assert share.share_type.value == "有条件共享"


def test_ticked_in_text() -> None:
    assert ticked_in_text("☑有条件共享 □无条件共享 □不予共享") == "有条件共享"
    assert ticked_in_text("□是 ■否") == "否"
    assert ticked_in_text("√无条件共享 √有条件共享") == "无条件共享、有条件共享"
    assert ticked_in_text("□是 □否") is None
    assert ticked_in_text("有条件共享") is None


def test_a_form_without_an_element_lacks_it_in_itsresource_pairs(tmp_path: Path) -> None:
    """A form has no columns: an element it does not name is missing from its resource
    (GC-F001, at the form), not a column missing from the sheet (GC-S012)."""
    pairs = [
        (label, value) for label, value in resource_pairs(0, "无条件共享") if label != "发布日期"
    ]
    report = validate(write_forms(tmp_path / "f.xlsx", [pairs], 2, 1, 0), options=OPTIONS)
    lacking = [f for f in report.findings if "发布日期" in f.message_zh]
    assert [(f.code, f.location.pointer, f.location.sheet) for f in lacking] == [
        ("GC-F001", "/resources/0/publish_date", "登记表1")
    ]


def _stacked(path: Path, resources: list[list[tuple[str, object]]], inline: bool) -> Path:
    """The forms one below another on one sheet, a blank row between; with ``inline``, each
    name and value in one cell (信息资源名称：企业登记信息), as forms copied from a document are."""
    wb = Workbook()
    ws = wb.active
    ws.title = "登记表"
    row = 1
    for pairs in resources:
        ws.cell(row, 1, "政务信息资源登记表")
        row += 1
        for label, value in pairs:
            if inline:
                ws.cell(row, 1, f"{label}：{value}" if value != "" else label)
            else:
                ws.cell(row, 1, label)
                ws.cell(row, 2, value if value != "" else None)
            row += 1
        for c, heading in enumerate(ITEM_HEADINGS, start=1):
            ws.cell(row, c, heading)
        for item in ITEMS:
            row += 1
            for c, value in enumerate(item, start=1):
                ws.cell(row, c, value)
        ws.cell(row + 1, 1, "填表人：张三")
        row += 3
    wb.save(path)
    return path


@pytest.mark.parametrize("inline", [False, True])
def test_forms_one_below_another_are_as_many_resources(tmp_path: Path, inline: bool) -> None:
    resources = [
        resource_pairs(i, s) for i, s in enumerate(["无条件共享", "有条件共享", "不予共享"])
    ]
    table = write_table(tmp_path / "table.xlsx", resources)
    stacked = _stacked(tmp_path / "stacked.xlsx", resources, inline)
    assert load_catalog(stacked) == load_catalog(table)
    assert _seen(validate(stacked, options=OPTIONS)) == _seen(validate(table, options=OPTIONS))


def test_a_name_below_the_table_stays_with_its_form(tmp_path: Path) -> None:
    """备注 after the 信息项 table is the form's own, not the start of another form."""
    path = _stacked(tmp_path / "f.xlsx", [resource_pairs(0, "无条件共享")], False)
    book = load_workbook(path)
    sheet = book.active
    last = sheet.max_row + 1
    sheet.cell(last, 1, "联系人")
    sheet.cell(last, 2, "李四")
    sheet.cell(last + 1, 1, "更新周期说明")
    sheet.cell(last + 1, 2, "每月初更新")
    book.save(path)
    catalog = load_catalog(path)
    assert len(catalog.resources) == 1
    assert catalog.resources[0].update_note == "每月初更新"
    assert catalog.resources[0].extensions == {"联系人": "李四"}


GUIDE_NOTES = ["填表说明："] + [
    f"{n}.{name}：按实际情况填写。"
    for n, name in enumerate(
        [
            "信息资源分类",
            "信息资源名称",
            "信息资源代码",
            "信息资源提供方",
            "信息资源提供方代码",
            "信息资源摘要",
            "信息资源格式",
            "信息项名称",
            "数据类型",
            "数据长度",
            "共享类型",
            "共享条件",
            "共享方式",
            "是否向社会开放",
            "开放条件",
            "更新周期",
            "更新周期说明",
            "发布日期",
            "关联资源代码",
            "涉密属性",
        ],
        start=1,
    )
]
"""Instructions above a table, a line for each element of the guide (more than the table has
columns), each naming it with a text beside it, as a form's line does."""


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(notes=st.integers(1, START_ROWS - 1))
def test_a_table_below_notes_naming_its_elements_is_no_form(tmp_path: Path, notes: int) -> None:
    """Below any number of notes, its heading row on or above row :data:`START_ROWS`, it reads
    as the table without them, never as a form of the elements the notes name."""
    event("headings in the first rows" if notes < SCAN_ROWS else "headings lower")
    resources = [resource_pairs(i, s) for i, s in enumerate(["无条件共享", "有条件共享"])]
    plain = write_table(tmp_path / "plain.xlsx", resources)
    lines = [GUIDE_NOTES[n % len(GUIDE_NOTES)] for n in range(notes)]
    noted = write_table(tmp_path / "noted.xlsx", resources, lines)
    reading = inspect(noted)
    assert not any(s.form for s in reading.sheets)
    assert [s.heading_row for s in reading.sheets] == [notes + 1]
    assert load_catalog(noted) == load_catalog(plain)
    assert _seen(validate(noted, options=OPTIONS)) == _seen(validate(plain, options=OPTIONS))
