"""The standalone HTML report opened in headless Chromium: it renders, and its script runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from govcatalog import ValidationOptions, validate
from govcatalog.packs import Pack
from govcatalog.render import render_html
from govcatalog.report import Lang
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# CI sets GOVCATALOG_REQUIRE_BROWSER: there a missing browser fails these tests (tests/conftest.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
    ),
]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def page(pack: Pack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = validate(
        FIXTURES / "with-errors.json", pack=pack, options=ValidationOptions(today=TODAY)
    )
    out = tmp_path_factory.mktemp("html") / "report.html"
    out.write_text(render_html(report, Lang.ZH), encoding="utf-8")
    return out


def test_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    assert shot.is_file(), run.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC)
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 900)
    assert len(data) > 20_000  # a page of tables and text, not a blank image


def test_script_runs_in_the_browser(page: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = run.stdout.decode("utf-8")
    assert 'id="gc-findings"' in dom
    # The script marks every heading of the findings table sortable: it ran without error.
    assert dom.count('class="sortable"') == 6
