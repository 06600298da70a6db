"""Dates and whole numbers as catalogs write them: read for one field, what was done said.

A 发布日期 in another form (2024/3/5, 2024年3月5日, 2024.03.05, a spreadsheet's serial
number: 45352, or 45352.5 with the time of day; a datetime cell; full-width digits and
separators, ２０２４－０３－０５) is the day it names (GC-F003); one written to the month or the
year lacks its day (GC-F019), which is not made up; anything else is no date (GC-R009). A
数据长度 written as text (``18``, ``18.0``, ``18位``) is the number, one written as a decimal
column's precision and scale (``10,2``, ``(10,2)``) the precision (GC-F003); anything else is
GC-F010.
"""

from __future__ import annotations

import datetime as dt
import re

from govcatalog._dates import date_form, dayless_form, serial_day
from govcatalog.packs.fields import FieldSpec
from govcatalog.records.coerced import MISSING, Coerced, excerpt, names, normalised
from govcatalog.records.hits import Hit

_INT_FORM = re.compile(r"^(\d+)(?:\.0+|\s*(?:位|个?字符|个?字节|个?汉字))?$")
"""A whole number written as text: digits, with ``.0`` or a unit of length (位, 字符, 字节)."""

_PRECISION_SCALE = re.compile(r"^[(（]?\s*(\d{1,2})\s*[,，]\s*(\d{1,2})\s*[)）]?$")
"""The precision and scale of a decimal column, as data-element catalogs write NUMBER(10,2):
``10,2``, ``10，2``, ``(10,2)``; its length is the precision. Not ``1,000`` (a thousands
separator: the scale has at most two digits, and is not above the precision), nor ``10.2`` (a
number cell holding 10.2 may as well be a mistyped length)."""

_DAYLESS_WORDS: dict[bool, dict[str, object]] = {
    False: {
        "given_zh": "年、月",
        "given_en": "year and month",
        "missing_zh": "日",
        "missing_en": "day",
    },
    True: {
        "given_zh": "年份",
        "given_en": "year",
        "missing_zh": "月、日",
        "missing_en": "month and day",
    },
}
"""What a date written without its day gives and lacks (GC-F019), by whether it is a year alone."""


def read_date(spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
    """The day a date element's value names, or :data:`MISSING` (what was wrong said)."""
    if isinstance(value, dt.datetime):
        out.hits.append(normalised(spec, value, value.date().isoformat(), cpath))
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and not value.is_integer() and serial_day(value) is not None:
        value = repr(value)  # 45352.5: a date-and-time cell saved as a number, read as its day
    number = int(value) if isinstance(value, float) and value.is_integer() else value
    if isinstance(number, str | int) and not isinstance(number, bool):  # 45342.0: an .xls
        text = str(number).strip()
        if not text:
            return MISSING
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass  # 2024-02-30, or full-width digits (２０２４-０３-０５)
        day = date_form(text)
        if day is not None:
            out.hits.append(normalised(spec, value, day.isoformat(), cpath))
            return day
        given = dayless_form(text)
        if given is not None:  # a month or a year: no day is made up for it
            words = _DAYLESS_WORDS[given.month is None]
            out.hits.append(Hit("GC-F019", cpath, names(spec) | words, excerpt(value)))
            out.invalid.add(cpath)
            return MISSING
    out.hits.append(Hit("GC-R009", cpath, names(spec), excerpt(value)))
    out.invalid.add(cpath)
    return MISSING


def read_int(spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
    """The positive whole number an element's value is, or :data:`MISSING` (said)."""
    if type(value) is int and value >= 1:
        return value
    text = value.strip() if isinstance(value, str) else ""
    form = _INT_FORM.match(text) or _PRECISION_SCALE.match(text)
    if form is not None and form.lastindex == 2 and int(form[2]) > int(form[1]):
        form = None  # 1,50: no precision and scale
    if form is not None and int(form[1]) >= 1:  # "18", "18.0" (a CSV of floats), "18位", "10,2"
        out.hits.append(normalised(spec, value, int(form[1]), cpath))
        return int(form[1])
    if isinstance(value, float) and value.is_integer() and value >= 1:
        out.hits.append(normalised(spec, value, int(value), cpath))
        return int(value)
    out.hits.append(Hit("GC-F010", cpath, names(spec), excerpt(value)))
    out.invalid.add(cpath)
    return MISSING
