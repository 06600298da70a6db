"""The day a date written in another form gives: 2024年2月20日, 2024/2/20, 20240220, a timestamp,
a spreadsheet's serial number 45342 (a 发布日期 cell, a form's 填报日期), each also as typed with
a Chinese input method (full-width digits and separators: ２０２４－０３－０５, 2024．3．5); the
month a form dated by its month alone gives (2025年9月); and what a date written without its
day gives (2024-03, 2024年)."""

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


_HALF_WIDTH: Final = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
"""The full-width digits and separators a Chinese input method types, as ASCII."""


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
    timestamp, a spreadsheet's serial number 45342; full-width digits and separators too), or
    None.

    >>> date_form("２０２４－０３－０５"), date_form("2024．3．5")
    (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5))
    """
    folded = text.translate(_HALF_WIDTH)
    for form in _DATE_FORMS:
        m = form.match(folded)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    if text.isascii() and text.isdigit() and int(text) in _SERIALS:
        return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    return None


_YEAR = "([1-9１-９][0-9０-９]{3})"
_MONTH = "([0０]?[1-9１-９]|[1１][0-2０-２])"
DAYLESS_PATTERN: Final = f"^{_YEAR}(年({_MONTH}月份?)?|[-/.－／．]{_MONTH})?$"
"""A date written without its day: its year and month (2025年9月, 2025年09月份, 2025-09, 2025/9,
2025.9) or its year alone (2025, 2025年), in digits and separators of either width (２０２５－０９),
the year from 1000. The
SHACL shapes of a date element use it as it is (plain groups only, as XPath's regular
expressions have them)."""
_DAYLESS = re.compile(DAYLESS_PATTERN)


class Dayless(NamedTuple):
    """What a date written without its day gives: its year, and its month where written."""

    year: int
    month: int | None


def dayless_form(text: str) -> Dayless | None:
    """The year and month (or the year alone) of a date written without its day, or None for
    any other text.

    >>> dayless_form("2024年3月"), dayless_form("2024")
    (Dayless(year=2024, month=3), Dayless(year=2024, month=None))
    """
    m = _DAYLESS.fullmatch(text)
    if m is None:
        return None
    month = m[4] or m[5]
    return Dayless(int(m[1]), int(month) if month else None)


def month_form(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and the last day of a month written without its day (2025年9月, 2025年09月份,
    2025-09, 2025/9, 2025.9), or None."""
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
