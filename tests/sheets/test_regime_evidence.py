"""A catalog without a date of its own is judged by what it says of itself: the day its form
says it was filled in (填报日期 above the headings, else in its footer), else the elements it gives that only a
later regime defines (数据分类分级, 使用条件 under 《政务数据共享条例》). A catalog date wins."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from formdates import FormDateWritten, form_dates, written_days, written_months
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.styles import Border, Side
from sheetbook import build_real_layout, headings

from govcatalog import load_catalog, validate
from govcatalog._dates import FormDay
from govcatalog.io.form_lines import form_date
from govcatalog.io.records import FormDate
from govcatalog.io.xlsx_parse import column_letter
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis


def _workbook(
    tmp_path: Path,
    *,
    line: object = None,
    beside: object = None,
    grade: bool = False,
    footer: dict[int, object] | None = None,
    gap: int = 2,
    below: list[str] | None = None,
    blank: int = 0,
    name: str = "form.xlsx",
) -> Path:
    """The real layout, with a form line in its title row (``line``, and ``beside`` in the
    cell after it), a 数据分类分级 column when ``grade``, and ``footer`` cells (column → value)
    ``gap`` rows below the data, the lines ``below`` under them and ``blank`` formatted empty
    rows after those (as templates carry)."""
    path = build_real_layout(tmp_path / name)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    last = sheet.max_column
    if line is not None:
        for merged in list(sheet.merged_cells.ranges):
            if merged.min_row == 1:
                sheet.unmerge_cells(str(merged))
        sheet.cell(1, last - 2, line)
        if beside is not None:
            sheet.cell(1, last - 1, beside)
    if grade:
        sheet.cell(2, last + 1, "数据分类分级")
        sheet.merge_cells(start_row=2, start_column=last + 1, end_row=3, end_column=last + 1)
        for row in range(4, sheet.max_row + 1):
            if sheet.cell(row, 4).value:  # a resource's first row (信息资源名称 is column D)
                sheet.cell(row, last + 1, "一般数据")
    if footer is not None:
        row = sheet.max_row + gap
        for column, value in footer.items():
            sheet.cell(row, column, value)
        for text in below or []:
            row += 1
            sheet.cell(row, 1, text)
        for empty in range(row + 1, row + 1 + blank):
            sheet.cell(empty, 1).border = Border(bottom=Side(style="thin"))
    book.save(path)
    return path


LAST_DATA_ROW = 1 + 2 + 5
"""The last row of the real layout's data: a title, two heading rows, five 信息项 rows."""


def _line_cell(*, beside: bool = False) -> str:
    """The cell :func:`_workbook` writes the form's date in: its line's, or the one after."""
    return f"{column_letter(len(headings()) - (1 if beside else 2))}1"


@pytest.mark.parametrize(
    ("line", "beside", "pack", "day"),
    [
        ("填报日期：2025年9月10日", None, "sharing-2025", dt.date(2025, 9, 10)),
        ("填表日期: 2025-07-31", None, "gb-1272", dt.date(2025, 7, 31)),
        ("编制日期：2025.8.1", None, "sharing-2025", dt.date(2025, 8, 1)),
        ("填报日期：", dt.datetime(2025, 10, 8), "sharing-2025", dt.date(2025, 10, 8)),
        ("报送日期", "2024年12月1日", "gb-1272", dt.date(2024, 12, 1)),
    ],
)
def test_the_form_date_decides_an_undated_workbook(
    tmp_path: Path, line: str, beside: object, pack: str, day: dt.date
) -> None:
    loaded = load_catalog_judged(_workbook(tmp_path, line=line, beside=beside))
    assert loaded.regime.pack.id == pack
    assert loaded.regime.basis is RegimeBasis.FORM
    assert loaded.regime.day == day
    report = validate(_workbook(tmp_path, line=line, beside=beside))
    cell = _line_cell(beside=beside is not None)
    assert f"按表格所填填报日期 {day}，见 目录!{cell}）" in report.regime_zh
    assert f"filled in, {day}, at 目录!{cell})" in report.regime_en


@pytest.mark.parametrize(
    "line",
    [
        "填报日期：2099年1月1日",
        "填报日期：2025年2月30日",
        "填报日期：2025年13月",
        "填报日期：2099年1月",
        "填报日期：9999年12月",  # no day after its last: never a stop
        "填报日期：0000年1月",
        "填报单位：某市市场监督管理局",
        "2025年9月10日",
    ],
)
@pytest.mark.parametrize("where", ["above", "footer"])
def test_no_real_past_form_date_leaves_the_default(tmp_path: Path, line: str, where: str) -> None:
    written = {"line": line} if where == "above" else {"footer": {1: line}}
    loaded = load_catalog_judged(_workbook(tmp_path, **written))  # type: ignore[arg-type]
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("gb-1272", RegimeBasis.DEFAULT)


def test_an_undated_workbook_with_a_regulation_element_is_judged_under_it(tmp_path: Path) -> None:
    path = _workbook(tmp_path, grade=True)
    loaded = load_catalog_judged(path)
    assert loaded.regime.pack.id == "sharing-2025"
    assert loaded.regime.basis is RegimeBasis.ELEMENTS
    grade = loaded.regime.pack.fields.get("extensions.data_grade")
    assert loaded.regime.elements == ((grade.zh, grade.en),)
    report = validate(path)
    assert "但填有此规则所定的元素（数据分类分级）" in report.regime_zh
    unknown = [f.message_zh for f in report.findings if f.code == "GC-S004"]
    assert unknown and not any(
        "数据分类分级" in m for m in unknown
    )  # an element here (联系人 is not)
    lacking = [f.message_zh for f in report.findings if f.code == "GC-S012"]
    assert any("使用条件" in m for m in lacking)  # which the regulation requires


def test_the_form_date_wins_over_the_elements(tmp_path: Path) -> None:
    loaded = load_catalog_judged(_workbook(tmp_path, line="填报日期：2025年3月1日", grade=True))
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("gb-1272", RegimeBasis.FORM)


def _json(tmp_path: Path, resource_keys: dict[str, object], issued: str | None) -> Path:
    example = Path(__file__).resolve().parents[2] / "examples" / "city-catalog.json"
    data = json.loads(example.read_text("utf-8"))
    if issued is None:
        data.pop("catalog", None)
    else:
        data.setdefault("catalog", {})["issued"] = issued
    data["resources"] = data["resources"][:3]
    data["resources"][0].update(resource_keys)
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    "keys",
    [
        {"数据分类分级": "一般数据"},
        {"extensions": {"data_grade": "一般数据", "usage_conditions": "仅用于政务服务"}},
    ],
)
def test_a_json_catalog_is_judged_by_its_elements_unless_dated(
    tmp_path: Path, keys: dict[str, object]
) -> None:
    loaded = load_catalog_judged(_json(tmp_path, keys, None))
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("sharing-2025", RegimeBasis.ELEMENTS)
    dated = load_catalog_judged(_json(tmp_path, keys, "2025-07-01"))
    assert (dated.regime.pack.id, dated.regime.basis) == ("gb-1272", RegimeBasis.DATE)


def test_a_plain_undated_catalog_keeps_the_default(tmp_path: Path) -> None:
    loaded = load_catalog_judged(_json(tmp_path, {}, None))
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("gb-1272", RegimeBasis.DEFAULT)


_LABELS = st.sampled_from(["填报日期", "填表日期", "编制日期", "报送日期", "制表日期"])
_COLONS = st.sampled_from(["：", ":", " ：", ""])


@given(
    written=written_days(hi=dt.date.today(), iso=True),
    label=_LABELS,
    colon=_COLONS,
    above=st.integers(min_value=2, max_value=5),
)
def test_form_date_reads_the_day_as_written(
    written: tuple[str, dt.date], label: str, colon: str, above: int
) -> None:
    """In any form and width (２０２５－０９－１０, 2025．9．10), the day its ISO form gives."""
    text, day = written
    rows = {1: {1: "某市政务数据目录", 7: label + colon + text}, above: {1: "信息资源名称"}}
    assert form_date(rows, above) == FormDate(FormDay(day, day), "G1")
    assert form_date(rows, 1) is None  # only the rows above the headings


@given(
    written=written_months(hi=dt.date.today()),
    label=_LABELS.map(lambda label: label.replace("日期", "时间")) | _LABELS,
    colon=_COLONS,
)
def test_form_date_reads_a_month_as_its_first_and_last_day(
    written: tuple[str, dt.date], label: str, colon: str
) -> None:
    text, first = written
    dated = form_date({1: {3: label + colon + text}, 2: {1: "信息资源名称"}}, 2)
    assert dated is not None and dated.cell == "C1"
    found = dated.day
    assert found.month
    assert found.first == first
    assert (found.last + dt.timedelta(days=1)).day == 1
    assert found.last - found.first < dt.timedelta(days=31)


@pytest.mark.parametrize(
    ("line", "pack", "shown"),
    [
        ("填报日期：2025年9月", "sharing-2025", "2025-09"),
        ("填报时间：2025年8月", "sharing-2025", "2025-08"),  # the regulation applies from its 1st
        ("编制日期：2025-07", "gb-1272", "2025-07"),
    ],
)
def test_a_form_dated_by_its_month_decides_when_the_whole_month_does(
    tmp_path: Path, line: str, pack: str, shown: str
) -> None:
    loaded = load_catalog_judged(_workbook(tmp_path, line=line))
    assert (loaded.regime.pack.id, loaded.regime.basis) == (pack, RegimeBasis.FORM)
    assert loaded.regime.month
    report = validate(_workbook(tmp_path, line=line))
    assert f"按表格所填填报日期 {shown}，见 目录!{_line_cell()}）" in report.regime_zh
    assert f"filled in, {shown}, at 目录!{_line_cell()})" in report.regime_en


@pytest.mark.usefixtures("regulation_from_mid_september")
def test_a_month_astride_two_regimes_decides_nothing(tmp_path: Path) -> None:
    """Were a regime to start within a month, a form dated by that month alone would not say
    which applies: the catalog is then judged as if the form gave no date."""
    loaded = load_catalog_judged(_workbook(tmp_path, line="填报日期：2025年9月"))
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("gb-1272", RegimeBasis.DEFAULT)
    whole = load_catalog_judged(_workbook(tmp_path, line="填报日期：2025年10月"))
    assert (whole.regime.pack.id, whole.regime.basis) == ("sharing-2025", RegimeBasis.FORM)


def _judged(path: Path) -> tuple[str, RegimeBasis, dt.date | None, bool, str | None]:
    regime = load_catalog_judged(path).regime
    return regime.pack.ref, regime.basis, regime.day, regime.month, regime.sheet


def _seen(path: Path) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.code, f.location.pointer, f.location.cell) for f in validate(path).findings)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dated=form_dates(),
    gap=st.integers(1, 3),
    below=st.lists(
        st.sampled_from(["第 1 页 共 1 页", "填表说明：带*号为必填项。", "合计：2 条"]), max_size=8
    ),
    blank=st.sampled_from([0, 3, 400]),
    shift=st.integers(0, 6),
)
def test_a_footer_date_decides_as_the_same_date_above_the_headings(
    tmp_path: Path,
    dated: FormDateWritten,
    gap: int,
    below: list[str],
    blank: int,
    shift: int,
) -> None:
    """The day a form's footer says it was filled in (in a cell of its own, after the unit
    and the person in one cell, before a telephone, or the label with the date in the next
    cell; other footer lines and hundreds of formatted empty rows after it) gives the same
    regime, catalog and findings as the same day written above the headings; the report says
    the footer's cell."""
    footer = {1 + shift + offset: value for offset, value in dated.footer.items()}
    footed = _workbook(tmp_path, footer=footer, gap=gap, below=below, blank=blank, name="f.xlsx")
    above = _workbook(tmp_path, line=dated.line, name="above.xlsx")
    assert _judged(footed) == _judged(above)
    assert _judged(footed)[1:3] == (RegimeBasis.FORM, dated.first)  # as its ISO form would
    cell = f"{column_letter(1 + shift + dated.at)}{LAST_DATA_ROW + gap}"
    assert load_catalog_judged(footed).regime.cell == cell
    assert load_catalog(footed) == load_catalog(above)
    assert _seen(footed) == _seen(above)


def test_the_date_above_the_headings_wins_over_the_footer(tmp_path: Path) -> None:
    path = _workbook(tmp_path, line="填报日期：2025年7月1日", footer={1: "填报日期：2025年9月1日"})
    regime = load_catalog_judged(path).regime
    assert (regime.pack.id, regime.day, regime.cell) == (
        "gb-1272",
        dt.date(2025, 7, 1),
        _line_cell(),
    )


def test_a_footer_date_of_a_csv_file_decides_too(tmp_path: Path) -> None:
    """A CSV file's last lines are read as a workbook's are (its sheet named after the file)."""
    book = load_workbook(_workbook(tmp_path, footer={1: "填报日期：2025年9月12日"}))
    sheet = book.worksheets[0]
    with (tmp_path / "目录.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    regime = load_catalog_judged(tmp_path / "目录.csv").regime
    assert (regime.pack.id, regime.basis, regime.day) == (
        "sharing-2025",
        RegimeBasis.FORM,
        dt.date(2025, 9, 12),
    )
    assert (regime.sheet, regime.cell) == ("目录", f"A{LAST_DATA_ROW + 2}")
