"""The lines a compilation form carries around its table: who filled it in, and when.

Above the headings, or in the footer below the data, a form says the day it was filled in
(填报日期：2025年9月10日, 填报时间：2025年9月, or the label with the date in the next cell). That
day decides the rules an undated workbook is judged under, wherever it is written: the top
of the sheet is read with the headings, its last rows while its merged ranges are
(:class:`~govcatalog.io.xlsx_tail.LastRows`), both before a resource is read. A footer row
(填表人：…  联系电话：…  合计) is no resource.

A workbook that gives several dates (above the headings and in the footer, on several sheets)
is dated by the first (:func:`dates_in_order`); one that falls under another regime than that
date is said where it is written (GC-S014, :func:`disagreeing`): the workbook contradicts
itself on which law judges it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from govcatalog._dates import FormDay, date_form, month_form
from govcatalog.io.records import DocumentProblem, FormDate, SheetReading
from govcatalog.io.xlsx_parse import column_letter
from govcatalog.packs.regime import regime_of_day

_FORM_DATE_LABELS = "填报|填表|编制|报送|制表"
"""What a form calls the day it was filled in (…日期), above its headings or in its footer."""

SIGNERS: Final = (
    "填表人|填报人|审核人|审批人|复核人|经办人|联系人|联系电话|单位负责人|负责人|分管领导|主管领导"
    "|制表人|制表|统计人"
)
"""Who signs a form below its table (填表人, 审核人 …), as the form's lines name them."""
UNIT_LABELS: Final = "填报单位|填表单位|报送单位|单位名称|提供单位|部门名称"
"""How a form names the unit that filled it in (填报单位：某市民政局), above its table or below."""
NOTE_LABELS: Final = "填表说明|填写说明|填报说明|特别说明|说明|附注|备注|注意|提示|注"
"""How a form labels its notes (注：, 备注：, 填表说明：)."""

_TOTAL: Final = "(?:合计|总计|小计|共计)"
_COUNT: Final = r"共?\s*\d+\s*[条项个]?\s*(?:信息资源|资源|信息项|数据项)?"
"""What a 合计 line counts (5, 5条, 共5条, 5条信息资源, 12个信息项), after its label or in a cell
of its own beside it."""
_TOTAL_LABEL = re.compile(rf"^{_TOTAL}\s*[:：]?$")
_COUNT_CELL = re.compile(rf"^{_COUNT}$")

_FOOTER = re.compile(
    rf"^({UNIT_LABELS}|审核|{SIGNERS}|电话|手机|邮箱"
    rf"|(?:{_FORM_DATE_LABELS})?日期|(?:{_FORM_DATE_LABELS})时间)"
    rf"[^:：]{{0,8}}[:：]|^{_TOTAL}(\s*[:：].*|\s*{_COUNT})?$"
    rf"|^({NOTE_LABELS})[:：]|^第\s*\d+\s*页",
    re.S,
)

_NOTE_LINE = re.compile(
    r"^(?:[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．])"
    r"\s*(?:[^:：]{1,20}[:：]\s*\S.*|.*[。；;])$",
    re.S,
)
"""A numbered line of the notes below a form (1.信息资源名称：按实际情况填写。,
（2）带★号的为必填项。): a number, then a name with its colon and a text, or a sentence."""
_NOTE_NUMBER = re.compile(
    r"^(?:[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．])$"
)
"""A note's number in a cell of its own, its line in the next (3、 | 共享类型：从…中选择。)."""

_FORM_DAY = re.compile(rf"(?:{_FORM_DATE_LABELS})(?:日期|时间)\s*[:：]?\s*(.*)$", re.S)
_DAY_LABEL = re.compile(rf"^(?:{_FORM_DATE_LABELS})(?:日期|时间)\s*[:：]?$")
"""The label alone, its date in the next cell (填报日期 | 2025-09-12)."""
_NEXT_LABEL = re.compile(r"\s+(?=[^\s:：]+[:：])")
"""Where the text after a date starts another line of the footer (2025年9月12日  填报人：张三)."""


def _written_day(written: object) -> FormDay | None:
    """The day (or month) a form's date cell, or the text after its label, gives: read as a
    发布日期 is (:func:`~govcatalog._dates.date_form`, spaces around its separators too)."""
    if isinstance(written, dt.datetime):
        written = written.date()
    if isinstance(written, dt.date):
        return FormDay(written, written)
    if not isinstance(written, str):
        return None
    for text in dict.fromkeys((written, _NEXT_LABEL.split(written.strip(), maxsplit=1)[0])):
        day = date_form(text)
        if day is not None:
            return FormDay(day, day)
        month = month_form(text.strip())
        if month is not None:
            return FormDay(*month)
    return None


def row_date(row: int, values: Mapping[int, object]) -> FormDate | None:
    """The day (or month) a row says the form was filled in, with the cell that says it;
    None for none, or one after today (a typo)."""
    today = dt.date.today()
    for c, value in sorted(values.items()):
        labelled = _FORM_DAY.search(value.strip()) if isinstance(value, str) else None
        if labelled is None:
            continue
        where = c if labelled[1] else c + 1
        found = _written_day(labelled[1] or values.get(where))
        if found is not None and found.first <= today:
            return FormDate(found, f"{column_letter(where)}{row}")
    return None


def form_date(rows: Mapping[int, Mapping[int, object]], above: int) -> FormDate | None:
    """When a compilation form says it was filled in, from its rows above the headings: the
    first such row's day (see :func:`row_date`)."""
    for r in sorted(rows):
        if r >= above:
            break
        found = row_date(r, rows[r])
        if found is not None:
            return found
    return None


def footer_date(rows: Iterable[tuple[int, Mapping[int, object]]], below: int) -> FormDate | None:
    """When a compilation form says, in its footer, it was filled in: of its last ``rows``
    (row number, values) below row ``below``, the lowest footer row that gives a day (see
    :func:`row_date`). A row that is not a footer row is read as data, so a date in it is
    not the form's."""
    for r, values in sorted(rows, key=lambda row: row[0], reverse=True):
        if r <= below:
            break
        found = row_date(r, values) if is_footer(values) else None
        if found is not None:
            return found
    return None


def is_footer(values: Mapping[int, object]) -> bool:
    """True for a row below the data that belongs to the form, not to the catalog: who filled it
    in and when (填表人：…  联系电话：…  填报单位（盖章）：…, 填报日期 with its date in the next
    cell), a 合计 row (合计：5 条, or 合计 with its counts in the cells after it: 合计 | 5 |
    12个信息项), a page number (第 1 页 共 3 页), a closing note and its numbered lines (填表说明：,
    1.信息资源名称：按实际情况填写。)."""
    filled = totals = False
    number = ""  # a note's number in a cell of its own: its line is in the next
    for c, value in sorted(values.items()):
        if value is None or value == "":
            continue
        filled = True
        text = value.strip() if isinstance(value, str) else ""
        if totals and _counts(value, text):
            continue  # 合计 | 5 | 12个信息项: what the line counts, in cells of their own
        totals = totals or bool(text and _TOTAL_LABEL.match(text))
        if text and _NOTE_NUMBER.match(text):
            number = text
            continue
        if text and (_footer_text(text) or (number and _NOTE_LINE.match(number + text))):
            number = ""
            continue
        if _day_label(values.get(c - 1)) and _written_day(value) is not None:
            continue  # the date beside its label
        if _day_label(value) and _written_day(values.get(c + 1)) is not None:
            continue  # the label beside its date
        return False  # a number, a date or a bare value is data
    return filled


def _counts(value: object, text: str) -> bool:
    """Whether a cell after a 合计 label is what it counts: a whole number, 5条, 12个信息项."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value).is_integer()
    return bool(text) and _COUNT_CELL.match(text) is not None


def _day_label(value: object) -> bool:
    """Whether a cell is the label of the form's date alone (填报日期, 填表时间：)."""
    return isinstance(value, str) and _DAY_LABEL.match(value.strip()) is not None


def _footer_text(text: str) -> bool:
    """A footer's text: a label with its colon (填表人：…), 合计 …, or the form's date with its
    label, a colon or none (填报日期2025年9月12日)."""
    if _FOOTER.match(text) or _NOTE_LINE.match(text):
        return True
    dated = _FORM_DAY.match(text)
    return dated is not None and _written_day(dated[1]) is not None


def dates_in_order(sheets: Sequence[SheetReading]) -> Iterator[tuple[str, FormDate]]:
    """Every date a workbook's forms give, with its sheet, the one that dates the workbook
    first: each sheet's date above its headings (else its footer's), then its footer's, sheet
    by sheet."""
    for reading in sheets:
        for found in (reading.form_date, reading.footer_date):
            if found is not None:
                yield reading.sheet, found


def disagreeing(sheets: Sequence[SheetReading]) -> list[DocumentProblem]:
    """GC-S014 for each date of a workbook's forms that falls under another regime than the
    date that dates the workbook (the first of :func:`dates_in_order`), at its cell. Dates
    under one regime are not said, however they differ: which of them is taken changes
    nothing. A month astride two regimes (no month is, today) says neither."""
    dates = list(dates_in_order(sheets))
    if len(dates) < 2:
        return []
    sheet, first = dates[0]
    decided = regime_of_day(first.day)
    if decided is None:
        return []
    problems = []
    for other_sheet, other in dates[1:]:
        regime = regime_of_day(other.day)
        if regime is None or regime.pack.ref == decided.pack.ref:
            continue
        params = {
            "element_zh": "填报日期",
            "element_en": "Form date",
            "decided": decided.written_day,
            "decided_at": f"{sheet}!{first.cell}",
            "regime_zh": regime.name_zh,
            "regime_en": regime.name_en,
            "decided_regime_zh": decided.name_zh,
            "decided_regime_en": decided.name_en,
        }
        problems.append(
            DocumentProblem(
                "",
                "",
                "",
                code="GC-S014",
                sheet=other_sheet,
                cell=other.cell,
                value=regime.written_day,
                params=params,
            )
        )
    return problems
