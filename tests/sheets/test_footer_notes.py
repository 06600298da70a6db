"""A 填报日期 in a form's footer decides an undated workbook's regime however many lines of notes
follow it (a 填表说明 and a numbered line for each element): the same regime, catalog and
findings as the same table with its date above the headings, in .xlsx, .xls and CSV. The
notes are no resources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from formdates import FormDateWritten, form_dates
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from plainrows import HEADINGS, row, seen

from govcatalog import load_catalog, validate
from govcatalog.io.form_lines import footer_date, is_footer
from govcatalog.io.xlsx_tail import LAST_ROWS
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)


def _note(n: int, style: int) -> list[object]:
    """The ``n``-th line of the notes: in one cell (1.信息资源名称：…), its number in a cell of
    its own, or a sentence."""
    name = HEADINGS[n % len(HEADINGS)]
    if style == 0:
        return [f"{n}.{name}：按实际情况填写。"]
    if style == 1:
        return [f"{n}、", f"{name}：按实际情况填写。"]
    return [f"（{n}）带★号的为必填项，{name}须按实际情况填写。"]


def _table(
    path: Path,
    *,
    line: str | None = None,
    footer: dict[int, object] | None = None,
    notes: int = 0,
    style: int = 0,
) -> Path:
    """The plain table, dated by a ``line`` above its headings, or by the ``footer`` cells
    below its data and ``notes`` lines of notes under them."""
    book = Workbook()
    ws = book.active
    ws.title = "目录"
    if line is not None:
        ws.append([line])
    ws.append(HEADINGS)
    for i in range(5):
        ws.append(row(i))
    if footer is not None:
        ws.append([])
        ws.append([footer.get(c) for c in range(max(footer) + 1)])
        if notes:
            ws.append(["填表说明："])
        for n in range(1, notes):
            ws.append(_note(n, style))
    book.save(path)
    return path


def _regime(path: Path) -> tuple[str, RegimeBasis, dt.date | None, bool]:
    regime = load_catalog_judged(path).regime
    return regime.pack.ref, regime.basis, regime.day, regime.month


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dated=form_dates(), notes=st.integers(0, 300), style=st.integers(0, 2))
def test_a_footer_above_any_notes_dates_the_workbook(
    tmp_path: Path, dated: FormDateWritten, notes: int, style: int
) -> None:
    event("more notes than the last rows kept before" if notes >= LAST_ROWS else "a few notes")
    above = _table(tmp_path / "above.xlsx", line=dated.line)
    below = _table(tmp_path / "below.xlsx", footer=dated.footer, notes=notes, style=style)
    assert _regime(below) == _regime(above)
    assert _regime(below)[1] is RegimeBasis.FORM
    assert load_catalog(below) == load_catalog(above)
    assert seen(validate(below, options=OPTIONS)) == seen(validate(above, options=OPTIONS))


FOOTER = {0: "填报单位：某市市场监督管理局（盖章）  填报人：张三  填报日期：2025年9月12日"}
DATED = ("sharing-2025@1.0.0", RegimeBasis.FORM, dt.date(2025, 9, 12), False)


def test_the_regime_line_says_the_footer_cell(tmp_path: Path) -> None:
    path = _table(tmp_path / "t.xlsx", footer=FOOTER, notes=40)
    regime = load_catalog_judged(path).regime
    assert (regime.pack.id, regime.day, regime.sheet, regime.cell) == (
        "sharing-2025",
        dt.date(2025, 9, 12),
        "目录",
        "A8",
    )


def test_a_csv_file_with_notes_below_its_footer(tmp_path: Path) -> None:
    path = _table(tmp_path / "t.xlsx", footer=FOOTER, notes=40)
    book = load_workbook(path)
    lines = [
        ",".join("" if v is None else str(v) for v in r)
        for r in book.active.iter_rows(values_only=True)
    ]
    (tmp_path / "csv").mkdir()
    csv = tmp_path / "csv" / "目录.csv"
    csv.write_text("\n".join(lines), encoding="utf-8")
    assert _regime(csv) == _regime(path) == DATED
    assert load_catalog(csv) == load_catalog(path)


def test_an_xls_workbook_with_notes_below_its_footer(tmp_path: Path) -> None:
    pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the .xls workbooks")
    pytest.importorskip("python_calamine", reason="the xls extra reads them")
    from xlsbook import as_xls

    path = _table(tmp_path / "t.xlsx", footer=FOOTER, notes=40)
    xls = as_xls(path, tmp_path / "t.xls")
    assert _regime(xls) == _regime(path) == DATED
    assert load_catalog(xls) == load_catalog(path)


@pytest.mark.parametrize(
    "line",
    [
        {1: "1.信息资源名称：按实际情况填写。"},
        {1: "（2）带★号的为必填项。"},
        {1: "3、", 2: "共享类型：从无条件共享、有条件共享、不予共享中选择。"},
        {1: "十、更新周期：如实时、每日、每周、每月等。"},
    ],
)
def test_numbered_notes_are_footer_rows(line: dict[int, object]) -> None:
    assert is_footer(line)


@pytest.mark.parametrize(
    "line",
    [
        {1: "1、企业登记信息"},  # a numbered value, no sentence
        {1: "1.企业登记信息", 2: "307001/000001"},
        {1: "2、", 2: 18},
    ],
)
def test_numbered_values_are_data(line: dict[int, object]) -> None:
    assert not is_footer(line)


def test_a_note_explaining_the_date_gives_none() -> None:
    """A note saying how to write the 填报日期, with an example, does not date the form."""
    notes = [
        (8, {1: "填表说明："}),
        (9, {1: "5.填报日期：填写本表的日期，如2025年9月12日。"}),
        (10, {1: "6.填报日期：例如 2025年9月12日"}),
    ]
    assert all(is_footer(values) for _, values in notes)
    assert footer_date(notes, 7) is None
