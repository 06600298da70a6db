"""Was a catalog updated in time after a law or a department's duties changed?

《政务数据共享条例》第十七条: the catalog is updated within 10 working days of the change (+5
with the competent department's consent); 国发〔2016〕51号 第六条: within 15. Which applies is
decided by the day of the change (:func:`~govcatalog.packs.regime.pick_regime`); the limit
and its extension are the pack's ``catalog-update`` deadline, counted on the working-day
calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from govcatalog.packs.lawdata import CATALOG_UPDATE, Deadline
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime, pick_regime
from govcatalog.resolve.calendar import DueDate, WorkingCalendar


class UpdateStatus(StrEnum):
    """How a catalog update stands against its deadline."""

    ON_TIME = "on-time"
    """Recorded within the time limit."""
    EXTENDED = "extended"
    """Recorded within the extension only: in time if the competent department consented."""
    LATE = "late"
    """Recorded after the time limit and its extension."""
    PENDING = "pending"
    """No version yet, and the time limit has not passed."""
    OVERDUE = "overdue"
    """No version yet, and the time limit has passed."""


_STATUS_ZH = {
    UpdateStatus.ON_TIME: "按期更新",
    UpdateStatus.EXTENDED: "在延长期内更新（须经主管部门同意）",
    UpdateStatus.LATE: "逾期更新",
    UpdateStatus.PENDING: "尚未更新，仍在期限内",
    UpdateStatus.OVERDUE: "尚未更新，已逾期",
}


@dataclass(frozen=True)
class UpdateCheck:
    """A catalog update measured against the time limit in force on the day of the change.

    Attributes:
        changed: The day the law, regulation, decision or duties changed.
        recorded: The day the updated catalog version was recorded, or None when none is.
        regime: The rules in force on ``changed``.
        deadline: Their catalog-update deadline.
        due: The last day of the time limit.
        extended_due: The last day with the extension, if there is one.
        status: How the update stands.
    """

    changed: dt.date
    recorded: dt.date | None
    regime: Regime
    deadline: Deadline
    due: DueDate
    extended_due: DueDate | None
    status: UpdateStatus

    def describe_zh(self) -> str:
        """One line in Chinese."""
        d = self.deadline
        limit = f"{d.working_days} 个工作日"
        if self.extended_due is not None:
            limit += f"，可延长 {d.extension} 个工作日至 {self.extended_due.due}"
        recorded = f"记录于 {self.recorded}，" if self.recorded else ""
        return (
            f"{_STATUS_ZH[self.status]}：变化发生于 {self.changed}，{recorded}"
            f"期限 {self.due.due}（{limit}，{d.article}）"
        )

    def describe_en(self) -> str:
        """One line in English."""
        d = self.deadline
        limit = f"{d.working_days} working days"
        if self.extended_due is not None:
            limit += f", extended by {d.extension} to {self.extended_due.due}"
        recorded = f", recorded {self.recorded}" if self.recorded else ""
        return (
            f"{self.status.value}: changed {self.changed}{recorded}; due {self.due.due} "
            f"({limit}; {d.article})"
        )


def check_update(
    changed: dt.date,
    recorded: dt.date | None,
    *,
    calendar: WorkingCalendar,
    pack: Pack | str | None = None,
    today: dt.date | None = None,
) -> UpdateCheck:
    """Measure a catalog update against the catalog-update deadline.

    Args:
        changed: The day the law or the duties changed (not counted).
        recorded: The day the version reflecting the change was recorded, or None.
        calendar: The working-day calendar.
        pack: The rules to apply; by default those in force on ``changed``.
        today: The day to judge a missing update on (default: today).

    Raises:
        LookupError: When the rules applied set no catalog-update deadline.
    """
    regime = pick_regime(changed, named=pack)
    deadline = regime.pack.deadlines.get(CATALOG_UPDATE)
    if deadline is None:
        msg = f"{regime.pack.ref} sets no {CATALOG_UPDATE} deadline"
        raise LookupError(msg)
    due = calendar.add_working_days(changed, deadline.working_days)
    extended = (
        calendar.add_working_days(changed, deadline.working_days + deadline.extension)
        if deadline.extension
        else None
    )
    if recorded is None:
        day = today or dt.date.today()
        status = UpdateStatus.PENDING if day <= due.due else UpdateStatus.OVERDUE
    elif recorded <= due.due:
        status = UpdateStatus.ON_TIME
    elif extended is not None and recorded <= extended.due:
        status = UpdateStatus.EXTENDED
    else:
        status = UpdateStatus.LATE
    return UpdateCheck(changed, recorded, regime, deadline, due, extended, status)
