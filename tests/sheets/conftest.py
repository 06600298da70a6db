"""Fixtures for the spreadsheet and XML tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sheetbook import build_real_layout


@pytest.fixture
def real_layout(tmp_path: Path) -> Path:
    """A real-layout workbook with merged resource cells (see :func:`build_real_layout`)."""
    return build_real_layout(tmp_path / "city.xlsx")


@pytest.fixture
def regulation_from_mid_september(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regimes as if the regulation applied from 2025-09-15: a month (2025年9月) then falls
    under two of them, which no month does with the real dates."""
    from govcatalog.packs import regime as regime_module

    real = regime_module.pick_regime

    def mid_month(day: dt.date | None = None, **kwargs: object) -> object:
        if day is not None and day.month == 9 and day.year == 2025:
            day = dt.date(2025, 7, 1) if day.day < 15 else day
        return real(day, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(regime_module, "pick_regime", mid_month)
