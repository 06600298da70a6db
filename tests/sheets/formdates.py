"""A compilation form's date (填报日期) as forms write it: a line above the table, or cells of the
footer below it, for the tests that read both and expect the same regime."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

REGULATION_FROM = dt.date(2025, 8, 1)
"""The day 《政务数据共享条例》 took effect."""

LABELS = ["填报日期", "填表日期", "编制日期", "报送日期", "制表日期", "填报时间", "填表时间"]
COLONS = ["：", ":", " ：", ""]
DAY_FORMS = [
    "{y}年{m}月{d}日",
    "{y}年{m:02d}月{d:02d}日",
    "{y}-{m:02d}-{d:02d}",
    "{y}-{m}-{d}",
    "{y}/{m}/{d}",
    "{y}.{m}.{d}",
    "{y}.{m:02d}.{d:02d}",
]
MONTH_FORMS = ["{y}年{m}月", "{y}年{m:02d}月份", "{y}-{m:02d}", "{y}/{m}", "{y}.{m}"]
_FULL_WIDTH = dict(zip("0123456789-/.", "０１２３４５６７８９－／．", strict=True))
"""The digits and separators as a Chinese input method types them."""
_TYPED = {**{c: [w] for c, w in _FULL_WIDTH.items()}, ".": ["．", "。"]}
"""What a Chinese input method may type for each: the point as ． or as the full stop 。."""
_SEPARATORS = frozenset("-/.年月")
SPACES = ["", "", " ", "  ", "\u3000", "\t", "\u00a0"]
"""What may be written on either side of a date's separator (mostly nothing)."""


@st.composite
def widened(draw: st.DrawFn, text: str) -> str:
    """``text`` with any of its digits and separators typed full-width (each on its own), the
    point as 。 too, and spaces around any of its separators (2024 年 3 月 5 日, 2024 - 03)."""
    out = []
    for i, c in enumerate(text):
        typed = draw(st.sampled_from([c, *_TYPED.get(c, ())]))
        if c in _SEPARATORS:
            after = "" if text[i + 1 : i + 2] == "份" else draw(st.sampled_from(SPACES))  # 月份
            typed = draw(st.sampled_from(SPACES)) + typed + after
        elif c == "日":
            typed = draw(st.sampled_from(SPACES)) + typed
        out.append(typed)
    return "".join(out)


@st.composite
def written_days(
    draw: st.DrawFn,
    lo: dt.date = dt.date(1990, 1, 1),
    hi: dt.date = dt.date(2030, 12, 31),
    *,
    iso: bool = False,
) -> tuple[str, dt.date]:
    """A day in one of the forms catalogs and forms write it, any of its digits and separators
    full-width (the point as 。 too), spaces around any separator; the plain ISO form
    (``2024-03-05``, all half-width) only when ``iso``."""
    day = draw(st.dates(min_value=lo, max_value=hi))
    form = draw(st.sampled_from(DAY_FORMS))
    text = draw(widened(form.format(y=day.year, m=day.month, d=day.day)))
    if text == day.isoformat() and not iso:
        text = text.replace("-", "－")
    return text, day


@st.composite
def written_months(
    draw: st.DrawFn, lo: dt.date = dt.date(1990, 1, 1), hi: dt.date = dt.date(2030, 12, 31)
) -> tuple[str, dt.date]:
    """A month written without its day, in any form and width, spaces around its separators,
    and its first day."""
    day = draw(st.dates(min_value=lo, max_value=hi))
    text = draw(widened(draw(st.sampled_from(MONTH_FORMS)).format(y=day.year, m=day.month)))
    return text, day.replace(day=1)


@dataclass(frozen=True)
class FormDateWritten:
    """One date of a form, written as a line above a table (``line``) and as footer cells
    (``footer``: column offset → value), with the offset of the cell holding the date and the
    first day it gives."""

    line: str
    footer: dict[int, object]
    at: int
    first: dt.date


@st.composite
def form_dates(draw: st.DrawFn) -> FormDateWritten:
    """A day or a month, up to today, in a form's words (digits and separators of either
    width), and a footer saying it."""
    month = draw(st.booleans())
    since, today = dt.date(2020, 1, 1), dt.date.today()
    text, day = draw(
        written_months(since, today) if month else written_days(since, today, iso=True)
    )
    label = draw(st.sampled_from(LABELS))
    said = label + draw(st.sampled_from(COLONS)) + text
    how = draw(st.integers(0, 4))
    if how == 0:  # the whole footer in one cell, the date last
        footer: dict[int, object] = {
            0: f"填报单位：某市市场监督管理局（盖章）  填报人：张三  {said}"
        }
        at = 0
    elif how == 1:  # a cell each
        footer = {0: "填报单位（盖章）：某市市场监督管理局", 2: "填报人：张三", 4: said}
        at = 4
    elif how == 2:  # the date first, the telephone after it in the same cell
        footer = {0: f"{said}    联系电话：0710-1234567"}
        at = 0
    else:  # the label, and the date in the next cell (a date cell, or text)
        written: object = text if month or how == 3 else dt.datetime(day.year, day.month, day.day)
        footer = {0: "填表人：张三", 3: label, 4: written}
        at = 4
    return FormDateWritten(said, footer, at, day)
