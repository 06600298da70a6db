"""A template's instructions (填写说明) copied into a workbook and renamed (Sheet3, 说明(2), 附件1)
are known by what they say — texts that explain the elements, not their values — and skipped
as the named instructions sheet is, said as GC-S010: the workbook reads as it does without
them. A registration form with real values, however long, is still read as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from formbook import resource_pairs, write_forms, write_table
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from plainrows import seen
from sheetbook import build_real_layout

from govcatalog import get_pack, load_catalog, validate
from govcatalog.inspection import inspect
from govcatalog.io.form_notes import explains
from govcatalog.io.sheet_layout import HeadingMatcher
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)

EXPLAINED = {
    "信息资源名称": "按实际情况填写，应简明扼要地描述信息资源的内容。",
    "信息资源代码": "由前段码和后段码组成，前段码为类、项、目、细目，后段码为顺序码。",
    "信息资源提供方": "填写提供信息资源的政务部门全称。",
    "信息资源提供方代码": "填写部门的统一社会信用代码。",
    "信息资源摘要": "对信息资源内容的概要描述，不超过200字。",
    "信息资源格式": "从电子文件、电子表格、数据库、图形图像、流媒体中选择。",
    "共享类型": "从无条件共享、有条件共享、不予共享中选择。",
    "共享条件": "有条件共享的，应注明共享条件；不予共享的，应注明依据。",
    "共享方式": "如：共享平台方式、邮件或拷盘方式。",
    "是否向社会开放": "可否向社会公众开放，填写“是”或“否”。",
    "开放条件": "向社会开放的，应注明开放条件。",
    "更新周期": "如实时、每日、每周、每月、每季度、每年等。",
    "发布日期": "格式为CCYY-MM-DD，例如2024-03-01。",
    "信息项名称": "信息资源中具体数据项的名称。",
}
"""What a template's instructions say of each element."""

RESOURCE_ELEMENTS = sorted(set(EXPLAINED) - {"信息项名称"})
NUMBERS = ["{n}.", "{n}、", "（{n}）", ""]
SHEETS = ["Sheet3", "说明(2)", "附件1", "Sheet1 (2)"]
SKIPPED_EN = "instructions (its lines explain how to fill in the elements, not their values)"


def _with_instructions(path: Path, sheet: str, rows: list[list[object]]) -> Path:
    build_real_layout(path)
    book = load_workbook(path)
    ws = book.create_sheet(sheet)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _lines(names: list[str], number: str, cells: int) -> list[list[object]]:
    """The instructions: a title, then a line an element (``cells``: 1, the number, name and
    text in one cell; 2, the text in the next; 3, 序号 | 元素名称 | 填写说明)."""
    rows: list[list[object]] = [["填写说明"]]
    if cells == 3:
        rows.append(["序号", "元素名称", "填写说明"])
    for n, name in enumerate(names, start=1):
        label = number.format(n=n) + name
        if cells == 1:
            rows.append([f"{label}：{EXPLAINED[name]}"])
        elif cells == 2:
            rows.append([label, EXPLAINED[name]])
        else:
            rows.append([n, name, EXPLAINED[name]])
    return rows


def _skipped(path: Path) -> list[tuple[str, str]]:
    return list(inspect(path).skipped)


def _without_skips(report: object) -> list[tuple[str, str | None, str]]:
    return [f for f in seen(report) if f[0] != "GC-S010"]  # type: ignore[arg-type]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(st.sampled_from(RESOURCE_ELEMENTS), min_size=2, max_size=13, unique=True),
    item=st.booleans(),
    number=st.sampled_from(NUMBERS),
    cells=st.integers(1, 3),
    sheet=st.sampled_from(SHEETS),
)
def test_copied_instructions_are_skipped(
    tmp_path: Path, names: list[str], item: bool, number: str, cells: int, sheet: str
) -> None:
    """Any two or more of a resource's elements explained (and a 信息项's, or not), numbered or
    not, in one cell, beside their names or in a table of their own, under any name: the
    catalog of the sheet beside them."""
    event("as many lines as a form" if len(names) >= 4 else "a few lines")
    names = [*names, "信息项名称"] if item else names
    plain = build_real_layout(tmp_path / "plain.xlsx")
    copied = _with_instructions(tmp_path / "copied.xlsx", sheet, _lines(names, number, cells))
    assert load_catalog(copied) == load_catalog(plain)
    assert _without_skips(validate(copied)) == seen(validate(plain))
    assert _skipped(copied) == [(sheet, SKIPPED_EN)]


def test_the_templates_own_instructions_copied_are_skipped(tmp_path: Path) -> None:
    """govcatalog's template, filled in, with its 填写说明 copied as 说明(2): before, the copy
    read as two forms of resources (必填 and 选填 their values)."""
    pack = get_pack("gb-1272")
    catalog = load_catalog(build_real_layout(tmp_path / "plain.xlsx"))
    path = tmp_path / "own.xlsx"
    write_workbook(path, pack, catalog)
    plain = tmp_path / "template.xlsx"
    write_workbook(plain, pack, catalog)
    book = load_workbook(path)
    book.copy_worksheet(book["填写说明"]).title = "说明(2)"
    book.save(path)
    assert load_catalog(path) == load_catalog(plain)
    assert _without_skips(validate(path)) == seen(validate(plain))
    assert _skipped(path) == [("说明(2)", SKIPPED_EN)]


def test_the_skip_is_said_in_the_report(tmp_path: Path) -> None:
    path = _with_instructions(tmp_path / "c.xlsx", "Sheet3", _lines(list(EXPLAINED), "{n}.", 1))
    said = [f for f in validate(path).findings if f.code == "GC-S010"]
    assert [(f.location.sheet, f.message_zh) for f in said] == [
        (
            "Sheet3",
            "工作表“Sheet3”未作为目录数据读取：填表说明（各行解释元素如何填写，而不是填写的值）。",
        )
    ]


ABSTRACT = (
    "本信息资源记录某市市场监督管理局依法办理的企业设立、变更、注销登记信息，内容包括企业名称、"
    "统一社会信用代码、法定代表人、住所、注册资本、成立日期、经营范围、登记机关和核准日期等，"
    "按规定向有关政务部门提供，用于行政审批、市场监管、信用监管和数据校核，"
    "数据来源于企业登记业务系统，经审核后每月汇总更新一次，历史数据自二〇一五年起完整保存，"
)
"""A long abstract, as real forms write them: its words (包括, 按规定, 用于) are a value's."""


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.integers(20, len(ABSTRACT)),
    label=st.sampled_from(["{}", "{}：", "1.{}", "一、{}：", "（1）{}"]),
    share=st.sampled_from(["无条件共享", "有条件共享", "不予共享"]),
    per_row=st.integers(1, 2),
)
def test_a_form_with_long_values_is_read(
    tmp_path: Path, size: int, label: str, share: str, per_row: int
) -> None:
    """A registration form whose 信息资源摘要 is up to 200 characters and more, its names
    numbered as instructions number theirs: the resource of the same table."""
    text = ABSTRACT[:size].rstrip("，") + "。"
    pairs = [(n, text if n == "信息资源摘要" else v) for n, v in resource_pairs(0, share)]
    table = write_table(tmp_path / "table.xlsx", [pairs])
    form = write_forms(tmp_path / "form.xlsx", [pairs], per_row, 1, 0, label=label)
    assert [s.form for s in inspect(form).sheets] == [True]
    assert load_catalog(form) == load_catalog(table)
    assert seen(validate(form, options=OPTIONS)) == seen(validate(table, options=OPTIONS))


@pytest.mark.parametrize(
    ("name", "text", "verdict"),
    [
        ("信息资源名称", "按实际情况填写。", True),
        ("信息资源代码", "由前段码和后段码组成。", True),
        ("共享类型", "从无条件共享、有条件共享、不予共享中选择。", True),
        ("更新周期", "如实时、每日、每周、每月等。", True),
        ("发布日期", "格式为CCYY-MM-DD", True),
        ("信息资源代码", "307001/000001", False),
        ("共享类型", "有条件共享", False),
        ("共享类型", "☑有条件共享 □无条件共享", False),
        ("更新周期", "每月", False),
        ("发布日期", "2024年3月1日", False),
        ("信息资源摘要", ABSTRACT, None),  # free text, no instruction's words: can't tell
        ("信息资源提供方", "某市市场监督管理局", None),
        ("3.信息资源提供方", "提供信息资源的政务部门的全称。", True),  # a numbered name's sentence
        ("信息资源提供方", "提供信息资源的政务部门的全称。", None),
    ],
)
def test_what_explains_an_element(name: str, text: str, verdict: bool | None) -> None:
    pack = get_pack("gb-1272")
    matcher = HeadingMatcher(pack, pack.template(None))
    spec = matcher.match(None, name)
    assert spec is not None
    assert explains(name, spec, text, matcher) is verdict
