"""A catalog without a date of its own is judged by what it says of itself: the day its form
says it was filled in (填报日期 above the headings), else the elements it gives that only a
later regime defines (数据分类分级, 使用条件 under 《政务数据共享条例》). A catalog date wins."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sheetbook import build_real_layout

from govcatalog import validate
from govcatalog._dates import FormDay
from govcatalog.io.sheet_layout import form_date
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis


def _workbook(
    tmp_path: Path, *, line: object = None, beside: object = None, grade: bool = False
) -> Path:
    """The real layout, with a form line in its title row (``line``, and ``beside`` in the
    cell after it) and a 数据分类分级 column when ``grade``."""
    path = build_real_layout(tmp_path / "form.xlsx")
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
    book.save(path)
    return path


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
    assert f"按表格所填填报日期 {day}" in report.regime_zh
    assert f"filled in, {day}" in report.regime_en


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
def test_no_real_past_form_date_leaves_the_default(tmp_path: Path, line: str) -> None:
    loaded = load_catalog_judged(_workbook(tmp_path, line=line))
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
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date.today()),
    label=_LABELS,
    colon=_COLONS,
    form=st.sampled_from(["{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}"]),
    above=st.integers(min_value=2, max_value=5),
)
def test_form_date_reads_the_day_as_written(
    day: dt.date, label: str, colon: str, form: str, above: int
) -> None:
    text = label + colon + form.format(y=day.year, m=day.month, d=day.day)
    rows = {1: {1: "某市政务数据目录", 7: text}, above: {1: "信息资源名称"}}
    assert form_date(rows, above) == FormDay(day, day)
    assert form_date(rows, 1) is None  # only the rows above the headings


@given(
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date.today()),
    label=_LABELS.map(lambda label: label.replace("日期", "时间")) | _LABELS,
    colon=_COLONS,
    form=st.sampled_from(["{y}年{m}月", "{y}年{m:02d}月份", "{y}-{m:02d}", "{y}/{m}", "{y}.{m}"]),
)
def test_form_date_reads_a_month_as_its_first_and_last_day(
    day: dt.date, label: str, colon: str, form: str
) -> None:
    text = label + colon + form.format(y=day.year, m=day.month)
    found = form_date({1: {3: text}, 2: {1: "信息资源名称"}}, 2)
    assert found is not None and found.month
    assert (found.first.year, found.first.month, found.first.day) == (day.year, day.month, 1)
    assert found.first <= day <= found.last
    assert (found.last + dt.timedelta(days=1)).day == 1


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
    assert f"按表格所填填报日期 {shown}）" in report.regime_zh
    assert f"filled in, {shown})" in report.regime_en


def test_a_month_astride_two_regimes_decides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a regime to start within a month, a form dated by that month alone would not say
    which applies: the catalog is then judged as if the form gave no date."""
    from govcatalog.records import regime as regime_module

    real = regime_module.pick_regime

    def mid_month(day: dt.date | None = None, **kwargs: object) -> object:
        if day is not None and day.month == 9 and day.year == 2025:  # the regulation from the 15th
            day = dt.date(2025, 7, 1) if day.day < 15 else day
        return real(day, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(regime_module, "pick_regime", mid_month)
    loaded = load_catalog_judged(_workbook(tmp_path, line="填报日期：2025年9月"))
    assert (loaded.regime.pack.id, loaded.regime.basis) == ("gb-1272", RegimeBasis.DEFAULT)
    whole = load_catalog_judged(_workbook(tmp_path, line="填报日期：2025年10月"))
    assert (whole.regime.pack.id, whole.regime.basis) == ("sharing-2025", RegimeBasis.FORM)
