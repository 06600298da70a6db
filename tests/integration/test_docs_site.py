"""The documentation site builds with ``mkdocs build --strict`` (no broken links or anchors)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_mkdocs_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="mkdocs-material (docs extra) builds the site")
    pytest.importorskip("material", reason="mkdocs-material (docs extra) builds the site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    site = tmp_path / "site"
    assert (site / "reference" / "finding-codes" / "index.html").is_file()
    assert (site / "tutorial.ipynb").is_file()
    assert "GC-R002" in (site / "reference" / "finding-codes" / "index.html").read_text(
        encoding="utf-8"
    )
