"""The day a date written in another form gives: 2024年2月20日, 2024/2/20, 20240220, a timestamp,
a spreadsheet's serial number 45342 (a 发布日期 cell, a form's 填报日期), each also as typed with
a Chinese input method (full-width digits and separators: ２０２４－０３－０５, 2024．3．5; the
ideographic full stop: 2024。3。5) and with spaces around its separators (2024 年 3 月 5 日,
2024 - 03 - 05); the month a form dated by its month alone gives (2025年9月); and what a date
written without its day gives (2024-03, 2024年).

A comma is no separator of a date: ``2024,3,5`` lists three numbers as readily as it spells a
day (a cell listing values is written so, 、 and ，as well), and ``2024,03`` is a number written
with a thousands separator as readily as a month; both stay "no date". Nor is a space alone:
``2024 03 05`` may be three numbers, and a space between two digits (``20 24-03-05``) is no
part of a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final, NamedTuple

_DATE_FORMS = (
    re.compile(
        r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
    ),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"),
)


_HALF_WIDTH: Final = str.maketrans("０１２３４５６７８９－／．。", "0123456789-/..")
"""The full-width digits and separators a Chinese input method types, as ASCII (the
ideographic full stop 。 as the point it is typed for)."""

SPACE: Final = "[ \t\u3000\u00a0]"
"""A space written beside a separator of a date (2024 年 3 月, 2024 - 03): a space, a tab, the
ideographic space of a Chinese input method, a no-break space. Written out, not ``\\s``, so
that the reader and the SHACL shapes (XPath's ``\\s`` is narrower) mean the same characters."""
_GAPS = re.compile(f"{SPACE}*([-/.年月]){SPACE}*|{SPACE}+(?=日)")
"""Spaces around a separator of a date, or before its 日: dropped before it is read. A space
between two digits is kept, and the text then reads as no date."""


def _closed(text: str) -> str:
    """``text`` in half-width digits and separators, without spaces around its separators
    (２０２４ 年 ３ 月 → 2024年3月; 2024。3。5 → 2024.3.5)."""
    return _GAPS.sub(r"\1", text.strip().translate(_HALF_WIDTH))


_EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of a spreadsheet's date serial numbers (Excel's 1900 date system, as WPS and
LibreOffice write it): a date cell saved as a number, or exported to CSV, reads 45342."""
_SERIALS = range(
    (dt.date(1990, 1, 1) - _EXCEL_EPOCH).days, (dt.date(2100, 1, 1) - _EXCEL_EPOCH).days
)
"""The serial numbers read as dates: 1990-01-01 to 2099-12-31, five digits, which no other
form of a 发布日期 writes."""


def date_form(text: str) -> dt.date | None:
    """The day a date written in another form gives (2024年2月20日, 2024/2/20, 20240220, a
    timestamp, a spreadsheet's serial number 45342, or 45342.5 with the time of day; full-width
    digits and separators, 。 for the point, spaces around the separators too), or None.

    >>> date_form("２０２４－０３－０５"), date_form("2024。3。5"), date_form("2024 年 3 月 5 日")
    (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5), datetime.date(2024, 3, 5))
    >>> date_form("2024,3,5"), date_form("2024 03 05")
    (None, None)
    """
    folded = _closed(text)
    for form in _DATE_FORMS:
        m = form.match(folded)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    whole, point, fraction = text.strip().partition(".")
    if whole.isascii() and whole.isdigit() and (not point or fraction.isdecimal()):
        return serial_day(int(whole))
    return None


def serial_day(number: float) -> dt.date | None:
    """The day of a spreadsheet's serial number (45342), or of a date-and-time cell saved as a
    number (45342.5: noon of that day); None outside 1990 to 2099.

    >>> serial_day(45352.5), serial_day(2024.5)
    (datetime.date(2024, 3, 1), None)
    """
    day = int(number)
    return _EXCEL_EPOCH + dt.timedelta(days=day) if day in _SERIALS and number >= 0 else None


_YEAR = "([1-9１-９][0-9０-９]{3})"
_MONTH = "([0０]?[1-9１-９]|[1１][0-2０-２])"
DAYLESS_PATTERN: Final = (
    f"^{SPACE}*{_YEAR}({SPACE}*年({SPACE}*{_MONTH}{SPACE}*月份?)?"
    f"|{SPACE}*[-/.－／．。]{SPACE}*{_MONTH})?{SPACE}*$"
)
"""A date written without its day: its year and month (2025年9月, 2025年09月份, 2025-09, 2025/9,
2025.9, 2025。9) or its year alone (2025, 2025年), in digits and separators of either width
(２０２５－０９), spaces around the separators allowed (2025 年 9 月, 2025 - 09), the year from
1000. The SHACL shapes of a date element use it as it is (plain groups only, as XPath's
regular expressions have them)."""
_DAYLESS = re.compile(DAYLESS_PATTERN)


class Dayless(NamedTuple):
    """What a date written without its day gives: its year, and its month where written."""

    year: int
    month: int | None


def dayless_form(text: str) -> Dayless | None:
    """The year and month (or the year alone) of a date written without its day, or None for
    any other text.

    >>> dayless_form("2024 年 3 月"), dayless_form("2024")
    (Dayless(year=2024, month=3), Dayless(year=2024, month=None))
    """
    m = _DAYLESS.fullmatch(text)
    if m is None:
        return None
    month = m[4] or m[5]
    return Dayless(int(m[1]), int(month) if month else None)


def month_form(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and the last day of a month written without its day (2025年9月, 2025年09月份,
    2025-09, 2025/9, 2025.9, 2025。9, 2025 年 9 月), or None."""
    given = dayless_form(text)
    if given is None or given.month is None:
        return None
    year, month = given.year, given.month
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


class FormDay(NamedTuple):
    """When a form says it was filled in: one day (``first == last``), or a month written
    without its day (its first and last day)."""

    first: dt.date
    last: dt.date

    @property
    def month(self) -> bool:
        """Whether the form gave only the month."""
        return self.first != self.last
