"""The page on catalogs in memory runs as written: each Python block prints its text block.

``GOVCATALOG_WRITE_DOCS=1 pytest tests/integration/test_docs_in_memory.py`` writes the real
output into the page after a change; the test then compares it on every run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "in-memory.md"
_PAIR = re.compile(r"```python\n(.*?)```\n\n```text\n(.*?)```", re.DOTALL)


def _run_blocks(page: str, cwd: Path) -> list[tuple[str, str, str]]:
    """(code, shown output, real output) of each Python block, run in order in one namespace."""
    out = []
    here = Path.cwd()
    os.chdir(cwd)
    try:
        for match in _PAIR.finditer(page):
            code, shown = match.group(1), match.group(2)
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(code, str(PAGE), "exec"), {"__name__": "__docs__"})
            out.append((code, shown, buffer.getvalue()))
    finally:
        os.chdir(here)
    return out


def test_page_prints_what_it_shows(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    results = _run_blocks(page, tmp_path)
    assert len(results) >= 5
    if os.environ.get("GOVCATALOG_WRITE_DOCS"):
        for code, shown, real in results:
            page = page.replace(
                f"```python\n{code}```\n\n```text\n{shown}```",
                f"```python\n{code}```\n\n```text\n{real}```",
            )
        PAGE.write_text(page, encoding="utf-8")
        pytest.skip("wrote the real output into the page")
    for code, shown, real in results:
        assert real == shown, code
