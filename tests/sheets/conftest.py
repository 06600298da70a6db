"""Fixtures for the spreadsheet and XML tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheetbook import build_real_layout


@pytest.fixture
def real_layout(tmp_path: Path) -> Path:
    """A real-layout workbook with merged resource cells (see :func:`build_real_layout`)."""
    return build_real_layout(tmp_path / "city.xlsx")
