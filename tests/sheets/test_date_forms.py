"""A date typed with a Chinese input method — full-width digits and separators, ２０２４－０３－０５,
2024－03－05, 2024．3．5, the full stop for the point (2024。3。5) — with spaces around its
separators (2024 年 3 月 5 日, 2024 - 03 - 05) or in the other forms catalogs write (2024/3/5,
2024.03.05, 2024年3月5日) is the day its ISO form names, with the finding of a date written in
another form (GC-F003), in JSON and in a workbook, as a 发布日期 and as the catalog's date that
decides its regime. One written to the month only (２０２４年３月, 2024 年 3 月, 2024。3) lacks
its day (GC-F019), as 2024年3月 does. A comma is no separator (2024,3,5 stays no date)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from formdates import written_days, written_months
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import load_catalog, validate
from govcatalog._dates import FormDay
from govcatalog.io.form_lines import form_date
from govcatalog.loading import load_catalog_judged
from govcatalog.packs import Pack
from govcatalog.records.coerce import INVALID, Coercer
from govcatalog.report import Report
from tests.helpers import resource

DATE_COLUMN = HEADINGS.index("发布日期")

FORMS = {
    "２０２４－０３－０５": dt.date(2024, 3, 5),
    "2024－03－05": dt.date(2024, 3, 5),
    "２０２４-０３-０５": dt.date(2024, 3, 5),
    "2024．3．5": dt.date(2024, 3, 5),
    "2024/3/5": dt.date(2024, 3, 5),
    "２０２４／３／５": dt.date(2024, 3, 5),
    "2024.03.05": dt.date(2024, 3, 5),
    "2024年3月5日": dt.date(2024, 3, 5),
    "２０２４年３月５日": dt.date(2024, 3, 5),
    "2024 年 3 月 5 日": dt.date(2024, 3, 5),
    "2024年 3月 5日": dt.date(2024, 3, 5),
    "2024 - 03 - 05": dt.date(2024, 3, 5),
    "2024\u3000年\u30003\u3000月\u30005\u3000日": dt.date(2024, 3, 5),
    "2024。3。5": dt.date(2024, 3, 5),
    "２０２４。０３。０５": dt.date(2024, 3, 5),
    "2024 / 3 / 5 10:30": dt.date(2024, 3, 5),
}
MONTHS = [
    "２０２４年３月", "２０２４－０３", "2024－03", "2024．3", "２０２４／３", "2024年3月",
    "2024 年 3 月", "2024年 3月份", "2024 - 03", "2024。3", "２０２４。０３",
]  # fmt: skip
NO_DATES = ["2024,3,5", "2024，3，5", "2024、3、5", "2024 03 05", "20 24-03-05", "2024-0 3-05"]
"""Not a day: a comma or a space alone separates numbers as readily as the parts of a date,
and a space between two digits is no part of one."""


@pytest.mark.parametrize(("text", "day"), FORMS.items())
def test_each_form_reads_as_its_day(pack: Pack, text: str, day: dt.date) -> None:
    out = Coercer(pack).resource({"publish_date": text})
    assert out is not None
    assert out.record["publish_date"] == day
    hits = [h for h in out.hits if h.pointer == "/publish_date"]
    assert [(h.code, str(h.params["canonical"]), h.value) for h in hits] == [
        ("GC-F003", day.isoformat(), text)
    ]


@pytest.mark.parametrize("text", MONTHS)
def test_a_month_in_any_width_lacks_its_day(pack: Pack, text: str) -> None:
    out = Coercer(pack).resource({"publish_date": text})
    plain = Coercer(pack).resource({"publish_date": "2024年3月"})
    assert out is not None and plain is not None
    hits = [(h.code, h.params) for h in out.hits if h.pointer == "/publish_date"]
    assert hits == [(h.code, h.params) for h in plain.hits if h.pointer == "/publish_date"]
    assert [code for code, _ in hits] == ["GC-F019"]
    assert out.record[INVALID] == frozenset({"/publish_date"})


@pytest.mark.parametrize("text", NO_DATES)
def test_a_comma_or_a_space_between_digits_is_no_date(pack: Pack, text: str) -> None:
    out = Coercer(pack).resource({"publish_date": text})
    assert out is not None
    assert "publish_date" not in out.record
    assert [h.code for h in out.hits if h.pointer == "/publish_date"] == ["GC-R009"]


_DATE_LIKE = st.text(alphabet="0123456789 年月日份-/.。,，－．／\u3000", min_size=4, max_size=14)
"""Text of the characters dates are written with, mostly no date."""


@settings(max_examples=150, deadline=None)
@given(
    text=written_days(hi=dt.date.today()).map(lambda w: w[0])
    | written_months(hi=dt.date.today()).map(lambda w: w[0])
    | st.sampled_from(NO_DATES)
    | _DATE_LIKE
)
def test_a_form_date_is_read_as_a_publish_date_is(pack: Pack, text: str) -> None:
    """A form's 填报日期 is read as a 发布日期 is: the same day, or the same month where the
    发布日期 lacks its day (GC-F019), or nothing where it is no date."""
    out = Coercer(pack).resource({"publish_date": text})
    assert out is not None
    read = out.record.get("publish_date")
    lacks_day = [h for h in out.hits if h.code == "GC-F019" and h.params["missing_zh"] == "日"]
    dated = form_date({1: {1: f"填报日期：{text}"}, 2: {1: "信息资源名称"}}, 2)
    day = None if dated is None else dated.day
    if isinstance(read, dt.date):
        assert day == (FormDay(read, read) if read <= dt.date.today() else None)
    elif lacks_day:  # a month (test_regime_evidence reads its days), or None after today
        assert day is None or (day.month and day.first.day == 1)
    else:
        assert day is None


def _others(
    report: Report, codes: tuple[str, ...] = ("GC-F003",)
) -> list[tuple[str, str | None, str]]:
    """The findings but those of ``codes`` at a 发布日期 (a date written in another form)."""
    return [f for f in seen(report) if not (f[0] in codes and "/publish_date" in (f[1] or ""))]


def _forms(report: Report) -> list[tuple[str | None, str | None]]:
    return sorted(
        (f.location.pointer, f.value)
        for f in report.findings
        if f.code == "GC-F003" and (f.location.pointer or "").endswith("/publish_date")
    )


@settings(max_examples=40, deadline=None)
@given(written=st.lists(written_days(), min_size=1, max_size=4))
def test_a_json_catalog_in_any_form_is_the_catalog_in_iso_form(
    written: list[tuple[str, dt.date]],
) -> None:
    """Any of the forms, in any width, reads as its ISO form: the same catalog and findings,
    and a GC-F003 at each 发布日期 so written."""
    codes = [f"101001/{i + 1:06d}" for i in range(len(written))]
    messy = [resource(code=c, publish_date=t) for c, (t, _) in zip(codes, written, strict=True)]
    plain = [
        resource(code=c, publish_date=d.isoformat())
        for c, (_, d) in zip(codes, written, strict=True)
    ]
    assert load_catalog({"resources": messy}) == load_catalog({"resources": plain})
    read, iso = validate({"resources": messy}), validate({"resources": plain})
    assert _others(read) == seen(iso)
    assert _forms(read) == sorted(
        (f"/resources/{i}/publish_date", t) for i, (t, _) in enumerate(written)
    )


@settings(max_examples=30, deadline=None)
@given(written=written_days(dt.date(2025, 5, 1), dt.date(2025, 12, 31)))
def test_a_catalog_date_in_any_form_decides_as_its_iso_form(
    written: tuple[str, dt.date],
) -> None:
    text, day = written
    messy = load_catalog_judged({"catalog": {"issued": text}, "resources": [resource()]}).regime
    iso = load_catalog_judged({"catalog": {"issued": day.isoformat()}, "resources": [resource()]})
    assert (messy.pack.ref, messy.basis, messy.day) == (iso.regime.pack.ref, iso.regime.basis, day)


def _sheet(path: Path, dates: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目录"
    sheet.append(HEADINGS)
    for i, written in enumerate(dates):
        cells = row(i)
        cells[DATE_COLUMN] = written
        sheet.append(cells)
    book.save(path)
    return path


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    written=st.lists(
        written_days() | written_months().map(lambda w: (w[0], None)), min_size=1, max_size=6
    )
)
def test_a_messy_workbook_is_the_plain_one(
    tmp_path: Path, written: list[tuple[str, dt.date | None]]
) -> None:
    """发布日期 cells in any form and width read as the plain workbook's ISO cells (a GC-F003
    at each); a month in any width reads as 2024年3月 does (GC-F019)."""
    messy = _sheet(tmp_path / "messy.xlsx", [t for t, _ in written])
    plain = _sheet(
        tmp_path / "plain.xlsx",
        [d.isoformat() if d else f"{t.translate(_HALF)}" for t, d in written],
    )
    assert load_catalog(messy) == load_catalog(plain)
    read, iso = validate(messy), validate(plain)
    assert _others(read, ("GC-F003", "GC-F019")) == _others(iso, ("GC-F003", "GC-F019"))
    letter = chr(ord("A") + DATE_COLUMN)

    def cells(report: Report, code: str) -> list[str]:
        return sorted(
            str(f.location.cell)
            for f in report.findings
            if f.code == code and str(f.location.cell).startswith(letter)
        )

    assert cells(read, "GC-F003") == sorted(
        f"{letter}{i + 2}" for i, (_, d) in enumerate(written) if d is not None
    )
    assert cells(read, "GC-F019") == cells(iso, "GC-F019")
    assert len(cells(read, "GC-F019")) == sum(d is None for _, d in written)


_HALF = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")


def test_a_json_file_of_full_width_dates(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    catalog = {"catalog": {"issued": "２０２５－０９－１２"}, "resources": [resource()]}
    path.write_text(json.dumps(catalog, ensure_ascii=False), "utf-8")
    report = validate(path)
    assert "按日期 2025-09-12" in report.regime_zh
    assert [(f.code, f.location.pointer) for f in report.findings if f.code == "GC-F003"] == [
        ("GC-F003", "/catalog/issued")
    ]
