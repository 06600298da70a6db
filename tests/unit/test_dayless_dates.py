"""A 发布日期 written without its day (2024年3月, 2024-03, 2024.3; 2024, 2024年) is a finding of its
own, GC-F019, that says what is missing — not "no date" (GC-R009) — and no day is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govcatalog import load_catalog, validate
from govcatalog.packs import Pack
from govcatalog.records.coerce import INVALID, Coercer
from tests.helpers import resource

MONTHS = [
    "2024年3月", "2024年03月", "2024年3月份", "2024-03", "2024-3", "2024/03", "2024/3", "2024.3",
    "2024.03", "２０２４年３月", " 2024-03 ", "2024 年 3 月", "2024 - 03", "2024。3", "2024。03",
]  # fmt: skip
YEARS = ["2024", "2024年", "２０２４年", 2024, 2024.0, "2024 年"]
LACKS_DAY = {
    "given_zh": "年、月",
    "given_en": "year and month",
    "missing_zh": "日",
    "missing_en": "day",
}
LACKS_MONTH = {
    "given_zh": "年份",
    "given_en": "year",
    "missing_zh": "月、日",
    "missing_en": "month and day",
}


def _date_hits(pack: Pack, value: object) -> tuple[dict[str, object], list[tuple[str, object]]]:
    out = Coercer(pack).resource({"publish_date": value})
    assert out is not None
    hits = [(h.code, h.params) for h in out.hits if h.pointer == "/publish_date"]
    return out.record, hits


@pytest.mark.parametrize(
    ("written", "words"),
    [*((m, LACKS_DAY) for m in MONTHS), *((y, LACKS_MONTH) for y in YEARS)],
)
def test_a_date_without_its_day_says_what_is_missing(
    pack: Pack, written: object, words: dict[str, str]
) -> None:
    record, hits = _date_hits(pack, written)
    assert "publish_date" not in record  # no day is made up for it
    assert record[INVALID] == frozenset({"/publish_date"})  # given, so not "missing" (GC-F001)
    element = pack.fields.get("publish_date").names()
    assert hits == [("GC-F019", element | words)]


@pytest.mark.parametrize(
    "written",
    [
        "2024/13",
        "2024年13月",
        "2024-00",
        "0999-01",
        "24-03",
        "2024-003",
        "二〇二四年三月",
        "2024年春",
        "2024,3",
        "2024，03",
        "2024 3",
        "20 24年3月",
    ],
)
def test_text_that_is_no_month_either_is_no_date(pack: Pack, written: str) -> None:
    assert _date_hits(pack, written)[1] == [("GC-R009", pack.fields.get("publish_date").names())]


def test_the_message_says_the_day_is_missing() -> None:
    report = validate({"resources": [resource(publish_date="2024年3月")]})
    assert [(f.code, f.severity.value) for f in report.findings] == [("GC-F019", "error")]
    finding = report.findings[0]
    assert finding.message_zh == (
        "“发布日期”的取值“2024年3月”只写到年、月，缺少日：日期应按 CCYY-MM-DD 写到日。"
    )
    assert "without the day" in finding.message_en
    assert "not a valid" not in finding.message_en
    assert (
        load_catalog({"resources": [resource(publish_date="2024年3月")]}).resources[0].publish_date
        is None
    )


def test_a_catalog_date_without_its_day(pack: Pack) -> None:
    report = validate({"catalog": {"发布日期": "2024年"}, "resources": [resource()]})
    assert [(f.code, f.location.pointer) for f in report.findings] == [
        ("GC-F019", "/catalog/发布日期")
    ]
    assert "without the month and day" in report.findings[0].message_en


def test_a_month_cell_of_a_workbook(tmp_path: Path) -> None:
    plain = resource()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["信息资源名称", "信息资源代码", "发布日期"])
    sheet.append([plain["name"], plain["code"], "2024年3月"])
    sheet.append([plain["name"] + "二", "101001/000002", "2024-03-01"])
    book.save(tmp_path / "目录.xlsx")
    report = validate(tmp_path / "目录.xlsx").with_codes({"GC-F019", "GC-R009"})
    assert [(f.code, f.location.cell) for f in report.findings] == [("GC-F019", "C2")]
