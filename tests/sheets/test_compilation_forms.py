"""Compilation forms as departments fill them in: a 序号 column, a 示例 row, numbered empty rows
(none of them resources), and one sheet per department."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from govcatalog import load_catalog, validate
from govcatalog.io.sheet_layout import SheetLayout, is_example, is_row_number

HEADINGS = [
    "信息资源分类（类）", "项", "目", "信息资源名称", "信息资源代码", "信息资源提供方",
    "信息资源提供方代码", "信息资源摘要", "信息资源格式", "信息项名称", "数据类型", "数据长度",
    "共享类型", "共享条件", "共享方式", "是否向社会开放", "开放条件", "更新周期", "发布日期",
]  # fmt: skip
EXAMPLE = [
    "部门信息资源目录", "07", "001", "XX信息", "307001/000009", "XX局", "11420600011060017B",
    "XX摘要", "数据库-mysql", "姓名", "字符型C", 50, "无条件共享", "", "共享平台方式-接口",
    "否", "", "每月", "2024-01-01",
]  # fmt: skip
ROWS = [
    [
        "部门信息资源目录", "07", "001", "企业登记信息", "307001/000001", "襄阳市市场监督管理局",
        "11420600011060017B", "全市企业登记的基本信息", "数据库-oracle", "企业名称", "字符型C",
        100, "无条件共享", "", "共享平台方式-接口", "否", "", "每日", "2024-03-01",
    ],
    [None] * 9 + ["统一社会信用代码", "字符型C", 18] + [None] * 7,
    [
        "部门信息资源目录", "07", "001", "个体工商户登记信息", "307001/000002",
        "襄阳市市场监督管理局", "11420600011060017B", "个体户登记信息", "数据库-oracle",
        "经营者姓名", "字符型C", 50, "有条件共享", "需提供办件依据", "共享平台方式-接口", "否",
        "", "每日", "2024-03-01",
    ],
]  # fmt: skip


def _book(path: Path, *, numbered: str | None, example: str | None, blank: int = 0) -> Path:
    """The form with an optional row-number column headed ``numbered``, an example row marked
    ``example`` and ``blank`` numbered rows left empty below the data."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    lead = [numbered] if numbered else []
    sheet.append(["某市政务信息资源目录编制表"])
    sheet.append(lead + HEADINGS)
    if example is not None:
        sheet.append(
            ([example] if numbered else []) + (EXAMPLE if numbered else [example, *EXAMPLE[1:]])
        )
    number = 0
    for row in ROWS:
        if row[0] is not None:
            number += 1
        sheet.append(([number if row[0] is not None else None] if numbered else []) + row)
    for n in range(blank):
        if numbered:
            sheet.append([number + n + 1])
    book.save(path)
    return path


def _seen(path: Path) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.location.pointer) for f in validate(path).findings)


@pytest.mark.parametrize("heading", ["序号", "序 号", "No.", "NO"])
@pytest.mark.parametrize("marker", ["示例", "例", "样例：", "填写示例"])
def test_row_numbers_and_an_example_row_change_nothing(
    tmp_path: Path, heading: str, marker: str
) -> None:
    plain = _book(tmp_path / "plain.xlsx", numbered=None, example=None)
    form = _book(tmp_path / "form.xlsx", numbered=heading, example=marker, blank=20)
    assert _seen(form) == _seen(plain)
    assert [f.code for f in validate(form).findings if f.code == "GC-S004"] == []
    loaded = load_catalog(form)
    assert [r.code for r in loaded.resources] == ["307001/000001", "307001/000002"]
    assert loaded.model_dump(mode="json") == load_catalog(plain).model_dump(mode="json")


def test_an_example_row_without_a_row_number_column(tmp_path: Path) -> None:
    # 示例 written where the first element goes: the row is still the form's example.
    form = _book(tmp_path / "form.xlsx", numbered=None, example="示例")
    assert [r.code for r in load_catalog(form).resources] == ["307001/000001", "307001/000002"]


LAYOUT = SheetLayout(heading_row=2, group_row=None, columns=(), row_number=1)


@pytest.mark.parametrize(
    "row",
    [
        {1: "示例", 2: "部门信息资源目录"},
        {1: "例1", 4: "XX信息"},
        {1: " 样例： ", 4: "XX信息"},
    ],
)
def test_example_rows(row: dict[int, object]) -> None:
    assert is_example(row, LAYOUT)


@pytest.mark.parametrize(
    "row",
    [
        {1: 1, 4: "示例"},  # a resource named 示例 is data
        {1: 3, 2: "部门信息资源目录"},
        {2: "例如：按月更新"},  # text that starts with 例 is no marker
        {1: "示例数据集", 4: "XX"},
    ],
)
def test_data_rows_are_no_examples(row: dict[int, object]) -> None:
    assert not is_example(row, LAYOUT)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("序号", True),
        ("序  号", True),
        ("No.", True),
        ("#", True),
        ("编号", False),
        ("信息资源代码", False),
    ],
)
def test_row_number_headings(heading: str, expected: bool) -> None:
    assert is_row_number(heading) is expected


def test_every_department_sheet_is_read(tmp_path: Path) -> None:
    # The template's own sheet name (信息资源目录) first, a department's sheet beside it, and
    # sheets that hold no catalog data.
    path = _book(tmp_path / "form.xlsx", numbered="序号", example="示例")
    book = load_workbook(path)
    first = book.worksheets[0]
    first.title = "信息资源目录"
    second = book.copy_worksheet(first)
    second.title = "民政局"
    for row in second.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("307001/"):
                cell.value = cell.value.replace("307001/", "307002/")
            if cell.value == "襄阳市市场监督管理局":
                cell.value = "襄阳市民政局"
    book.create_sheet("Sheet3")
    book.save(path)
    loaded = load_catalog(path)
    assert [r.code for r in loaded.resources] == [
        "307001/000001",
        "307001/000002",
        "307002/000001",
        "307002/000002",
    ]
    skipped = [f.location.sheet for f in validate(path).findings if f.code == "GC-S010"]
    assert skipped == ["Sheet3"]


def test_a_data_items_column_that_lists_names(tmp_path: Path) -> None:
    # One row a resource, its 信息项 named in one cell (信息项, not 信息项名称).
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    heads = ["信息资源名称", "信息资源代码", "信息资源提供方", "信息项", "共享类型"]
    sheet.append(heads)
    sheet.append(
        [
            "企业登记信息",
            "307001/000001",
            "市场监管局",
            "企业名称、统一社会信用代码\n法定代表人",
            "无条件共享",
        ]
    )
    sheet.append(["个体户信息", "307001/000002", "市场监管局", "经营者姓名", "无条件共享"])
    path = tmp_path / "listed.xlsx"
    book.save(path)
    loaded = load_catalog(path)
    assert [[i.name for i in r.items] for r in loaded.resources] == [
        ["企业名称", "统一社会信用代码", "法定代表人"],
        ["经营者姓名"],
    ]
    report = validate(path)
    assert not [f for f in report.findings if f.code in ("GC-S004", "GC-R006")]
    # the sheet has no 数据类型 column: said once at the headings, for the four data items
    assert not [f for f in report.findings if (f.location.pointer or "").endswith("/data_type")]
    (no_column,) = [
        f for f in report.findings if f.code == "GC-S012" and "数据类型" in f.message_zh
    ]
    assert "4 个信息项" in no_column.message_zh
    assert no_column.location.cell == "A1"


def test_a_data_item_name_column_is_never_split(tmp_path: Path) -> None:
    # Under 信息项名称 a cell is one name, whatever it holds.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["信息资源名称", "信息资源代码", "信息资源提供方", "信息项名称", "数据类型"])
    sheet.append(["区划信息", "307001/000003", "民政局", "省、市、县名称", "字符型"])
    path = tmp_path / "named.xlsx"
    book.save(path)
    assert [i.name for i in load_catalog(path).resources[0].items] == ["省、市、县名称"]


def test_an_instructions_sheet_is_said_to_be_one(tmp_path: Path) -> None:
    book = Workbook()
    data = book.active
    assert data is not None
    data.append(["信息资源名称", "信息资源代码", "信息资源提供方"])
    data.append(["企业登记信息", "307001/000001", "襄阳市市场监督管理局"])
    notes = book.create_sheet("填报说明")
    notes.append(["一、信息资源名称：填写信息资源的名称。"])
    notes.append(["二、信息资源代码：按编制指南编码。"])
    lists = book.create_sheet("字典")
    lists.append(["无条件共享"])
    lists.append(["有条件共享"])
    path = tmp_path / "form.xlsx"
    book.save(path)
    said = {
        f.location.sheet: (f.message_zh, f.message_en)
        for f in validate(path).findings
        if f.code == "GC-S010"
    }
    assert set(said) == {"填报说明", "字典"}
    assert "填表说明" in said["填报说明"][0] and "instructions" in said["填报说明"][1]
    assert "下拉选项" in said["字典"][0] and "dropdown" in said["字典"][1]
