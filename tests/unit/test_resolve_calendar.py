"""Working-day calendar and reply due dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govcatalog.errors import LoadError
from govcatalog.resolve import load_base_pack, load_calendar, parse_calendar
from govcatalog.resolve.calendar import WorkingCalendar

D = dt.date


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return load_base_pack().calendar


def test_shipped_years(calendar: WorkingCalendar) -> None:
    assert sorted(calendar.years) == [2024, 2025, 2026]


def test_national_day_2025(calendar: WorkingCalendar) -> None:
    # 9-28 (Sun) and 10-11 (Sat) are adjusted working days; 10-01..10-08 are holidays
    due = calendar.add_working_days(D(2025, 9, 26), 10)
    assert due.due == D(2025, 10, 16)
    assert due.covered


def test_spring_festival_2026(calendar: WorkingCalendar) -> None:
    assert calendar.is_working_day(D(2026, 2, 14))  # Saturday, adjusted working day
    assert not calendar.is_working_day(D(2026, 2, 16))  # Monday, holiday
    assert calendar.add_working_days(D(2026, 2, 13), 1).due == D(2026, 2, 14)
    assert calendar.add_working_days(D(2026, 2, 14), 1).due == D(2026, 2, 24)


def test_uncovered_year_falls_back_to_weekdays_and_says_so(calendar: WorkingCalendar) -> None:
    due = calendar.add_working_days(D(2030, 1, 4), 10)  # a Friday
    assert due.due == D(2030, 1, 18)
    assert not due.covered


def test_period_running_into_an_unlisted_year_is_not_covered(calendar: WorkingCalendar) -> None:
    assert not calendar.add_working_days(D(2026, 12, 28), 10).covered


def test_zero_and_negative_days(calendar: WorkingCalendar) -> None:
    assert calendar.add_working_days(D(2025, 1, 1), 0).due == D(2025, 1, 1)
    with pytest.raises(ValueError, match="days"):
        calendar.add_working_days(D(2025, 1, 1), -1)


def test_replacing_a_year() -> None:
    base = parse_calendar('[years.2025]\nholidays = ["2025-01-02"]\n')
    other = parse_calendar('[years.2025]\nholidays = ["2025-01-03"]\n')
    merged = base.with_years(other)
    assert merged.is_working_day(D(2025, 1, 2))
    assert not merged.is_working_day(D(2025, 1, 3))


@pytest.mark.parametrize(
    "text",
    [
        "[years.2025\n",
        '[years.2025]\nholidays = ["2025-13-01"]\n',
        '[years.2025]\nholidays = ["2024-01-01"]\n',
        '[years.2025]\nholidays = ["2025-01-02"]\nworkdays = ["2025-01-02"]\n',
        "[years.x]\n",
        '[years.2025]\nholidays = "2025-01-02"\n',
    ],
)
def test_bad_calendars_are_load_errors(text: str) -> None:
    with pytest.raises(LoadError):
        parse_calendar(text)


def test_load_calendar_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot read"):
        load_calendar(tmp_path / "none.toml")


def test_remembered_due_dates_equal_recounted_ones(calendar: WorkingCalendar) -> None:
    starts = [D(2025, 9, 1) + dt.timedelta(days=n) for n in range(0, 60, 3)]
    asks = [(s, days) for s in starts for days in (1, 10)]
    first = {ask: calendar.add_working_days(*ask) for ask in asks}
    again = {ask: calendar.add_working_days(*ask) for ask in reversed(asks)}
    fresh = WorkingCalendar(calendar.name, calendar.source, calendar.years)
    recounted = {ask: fresh.add_working_days(*ask) for ask in asks}
    assert first == again == recounted
    assert all(due.start == s and due.working_days == days for (s, days), due in first.items())
    # a calendar with another year's holidays counts afresh, whatever the original remembers
    extra = WorkingCalendar(years={2025: (frozenset({D(2025, 9, 29)}), frozenset())})
    moved = calendar.with_years(extra).add_working_days(D(2025, 9, 26), 1)
    assert moved.due == D(2025, 9, 30)
    assert calendar.add_working_days(D(2025, 9, 26), 1).due == D(2025, 9, 28)
