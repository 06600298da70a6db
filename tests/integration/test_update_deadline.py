"""Catalog updates against the time limit in force on the day of the change.

《政务数据共享条例》第十七条: 10 working days (+5 with the competent department's consent);
国发〔2016〕51号 第六条: 15 working days.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.resolve import load_base_pack
from govcatalog.resolve.update_deadline import UpdateStatus, check_update

_register()
runner = CliRunner()
CALENDAR = load_base_pack().calendar


@pytest.mark.parametrize(
    ("recorded", "status"),
    [
        # 2025-09-01 (Mon) + 10 working days = 09-15; + 15 = 09-22
        (dt.date(2025, 9, 15), UpdateStatus.ON_TIME),
        (dt.date(2025, 9, 16), UpdateStatus.EXTENDED),
        (dt.date(2025, 9, 22), UpdateStatus.EXTENDED),
        (dt.date(2025, 9, 23), UpdateStatus.LATE),
    ],
)
def test_article_17_ten_working_days_plus_five(recorded: dt.date, status: UpdateStatus) -> None:
    check = check_update(dt.date(2025, 9, 1), recorded, calendar=CALENDAR)
    assert check.regime.pack.id == "sharing-2025"
    assert check.due.due == dt.date(2025, 9, 15)
    assert check.extended_due is not None
    assert check.extended_due.due == dt.date(2025, 9, 22)
    assert check.status is status
    assert "第十七条" in check.describe_zh()


def test_51hao_fifteen_working_days_before_august_2025() -> None:
    # 2025-07-01 (Tue) + 15 working days = 07-22; no extension under 51号 第六条.
    check = check_update(dt.date(2025, 7, 1), dt.date(2025, 7, 22), calendar=CALENDAR)
    assert check.regime.pack.id == "gb-1272"
    assert check.due.due == dt.date(2025, 7, 22)
    assert check.extended_due is None
    assert check.status is UpdateStatus.ON_TIME
    late = check_update(dt.date(2025, 7, 1), dt.date(2025, 7, 23), calendar=CALENDAR)
    assert late.status is UpdateStatus.LATE


def test_no_version_yet() -> None:
    day = dt.date(2025, 9, 1)
    pending = check_update(day, None, calendar=CALENDAR, today=dt.date(2025, 9, 10))
    assert pending.status is UpdateStatus.PENDING
    overdue = check_update(day, None, calendar=CALENDAR, today=dt.date(2025, 9, 30))
    assert overdue.status is UpdateStatus.OVERDUE


def test_history_deadline_command(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.sqlite'}"
    for version, issued in (("2025.1", "2025-06-01"), ("2025.2", "2025-09-12")):
        path = tmp_path / f"{version}.json"
        doc = {
            "catalog": {"name": "某市目录", "version": version, "issued": issued},
            "resources": [],
        }
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        result = runner.invoke(app, ["history", "add", str(path), "-c", "city", "--db", db])
        assert result.exit_code == 0, result.output
    args = ["history", "deadline", "-c", "city", "--changed", "2025-09-01", "--db", db]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "city@v2: 按期更新" in result.output
    assert "期限 2025-09-15" in result.output
    late = ["history", "deadline", "-c", "city", "--changed", "2025-08-20", "--db", db]
    # 2025-08-20 + 10 working days = 09-03, + 5 = 09-10: v2 (2025-09-12) is late
    result = runner.invoke(app, [*late, "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "late: changed 2025-08-20, recorded 2025-09-12" in result.output
