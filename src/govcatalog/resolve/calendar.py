"""Working-day calendar for reply due dates (国发〔2016〕51号 第十条: 10 working days).

The calendar is data: a TOML file of public holidays and adjusted working days (调休上班)
per year. The base-databases pack ships the national calendar for 2024–2026
(``holidays.toml``); a deployment replaces it through an extension pack or passes its
own file. For a year the calendar does not list, Monday to Friday count as working days
and the result says the calendar did not cover the period — never a silent guess.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from govcatalog.errors import LoadError


@dataclass(frozen=True, slots=True)
class DueDate:
    """A due date counted in working days.

    Attributes:
        start: The day counting starts from (not itself counted).
        working_days: How many working days were counted.
        due: The last day of the period.
        covered: True when every year in the period is listed in the calendar.
    """

    start: dt.date
    working_days: int
    due: dt.date
    covered: bool


_COUNTED_SIZE = 4096
"""How many due dates a calendar remembers."""


def _empty_years() -> Mapping[int, tuple[frozenset[dt.date], frozenset[dt.date]]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class WorkingCalendar:
    """Public holidays and adjusted working days per year.

    Attributes:
        name: What the calendar is (e.g. the national holiday arrangement).
        source: Where its dates come from.
        years: Year → (holidays, adjusted working days).
    """

    name: str = ""
    source: str = ""
    years: Mapping[int, tuple[frozenset[dt.date], frozenset[dt.date]]] = field(
        default_factory=_empty_years
    )
    _counted: dict[tuple[dt.date, int], DueDate] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Due dates already counted (every request of a day asks for the same one)."""

    def covers(self, day: dt.date) -> bool:
        """True when the calendar lists the year of ``day``."""
        return day.year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        """True for Monday–Friday that are not holidays, and for adjusted working days."""
        holidays, workdays = self.years.get(day.year, (frozenset(), frozenset()))
        if day in workdays:
            return True
        return day.weekday() < 5 and day not in holidays

    def add_working_days(self, start: dt.date, days: int) -> DueDate:
        """The ``days``-th working day after ``start``.

        Args:
            start: The day of the request (not counted).
            days: Working days to count (>= 0).

        Raises:
            ValueError: If ``days`` is negative.
        """
        known = self._counted.get((start, days))
        if known is not None:
            return known
        if days < 0:
            msg = f"days must be >= 0, not {days}"
            raise ValueError(msg)
        day = start
        counted = 0
        covered = self.covers(start)
        while counted < days:
            day += dt.timedelta(days=1)
            covered = covered and self.covers(day)
            if self.is_working_day(day):
                counted += 1
        answer = DueDate(start=start, working_days=days, due=day, covered=covered)
        if len(self._counted) >= _COUNTED_SIZE:
            self._counted.clear()
        self._counted[(start, days)] = answer
        return answer

    def with_years(self, other: WorkingCalendar) -> WorkingCalendar:
        """A calendar with ``other``'s years replacing or adding to these."""
        merged = {**self.years, **other.years}
        return WorkingCalendar(
            name=other.name or self.name,
            source="；".join(s for s in (self.source, other.source) if s),
            years=MappingProxyType(merged),
        )


def _dates(values: object, source: str, where: str) -> frozenset[dt.date]:
    if not isinstance(values, Iterable) or isinstance(values, str | bytes):
        raise LoadError(source, f"{where}：应为日期列表", f"{where}: expected a list of dates")
    out: set[dt.date] = set()
    for value in values:
        if isinstance(value, dt.date):
            out.add(value)
            continue
        try:
            out.add(dt.date.fromisoformat(str(value)))
        except ValueError:
            raise LoadError(
                source, f"{where}：不是日期：{value!r}", f"{where}: not a date: {value!r}"
            ) from None
    return frozenset(out)


def parse_calendar(text: str, *, source: str = "calendar") -> WorkingCalendar:
    """Read a calendar from TOML text (``[calendar]`` and ``[years.YYYY]`` tables).

    Raises:
        LoadError: When the text is not a calendar.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(source, f"TOML 语法错误：{exc}", f"TOML syntax error: {exc}") from None
    meta = data.get("calendar", {})
    years: dict[int, tuple[frozenset[dt.date], frozenset[dt.date]]] = {}
    for key, table in dict(data.get("years", {})).items():
        if not str(key).isdigit() or not isinstance(table, dict):
            raise LoadError(
                source, f"[years.{key}] 应为年份表", f"[years.{key}] must be a year table"
            )
        year = int(key)
        holidays = _dates(table.get("holidays", []), source, f"[years.{key}] holidays")
        workdays = _dates(table.get("workdays", []), source, f"[years.{key}] workdays")
        stray = sorted(d.isoformat() for d in holidays | workdays if d.year != year)
        if stray or holidays & workdays:
            raise LoadError(
                source,
                f"[years.{key}] 含其他年份的日期或重复列出的日期：{stray}",
                f"[years.{key}] has dates of another year or listed twice: {stray}",
            )
        years[year] = (holidays, workdays)
    return WorkingCalendar(
        name=str(meta.get("name", "")),
        source=str(meta.get("source", "")),
        years=MappingProxyType(years),
    )


def load_calendar(path: Path) -> WorkingCalendar:
    """Read a calendar TOML file.

    Raises:
        LoadError: When the file cannot be read or is not a calendar.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise LoadError(str(path), f"无法读取：{reason}", f"cannot read: {reason}") from None
    return parse_calendar(text, source=str(path))
