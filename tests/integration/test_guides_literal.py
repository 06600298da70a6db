"""The guides work when followed literally, from an empty folder after ``pip install govcatalog``.

Every ``$ govcatalog …`` line of ``docs/getting-started.md`` and ``docs/publishing-a-standard.md``
runs, in page order, in one fresh folder (``$ export NAME=value`` sets the environment of the
lines after it). A command must exit 0 unless its block is marked ``<!-- exit 1 -->`` (or 2);
a block marked ``<!-- not run: reason -->`` shows something that needs the reader's own files.
Each output line a block shows (except lines with ``…``) must appear in the real output.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

GUIDES = ("getting-started.md", "publishing-a-standard.md")
_BLOCK = re.compile(r"(?:<!--\s*(?P<mark>[^>]*?)\s*-->\s*\n)?```[a-z]*\n(?P<body>.*?)```", re.S)


@dataclass
class Step:
    line: str
    shown: list[str]
    exit_code: int


def steps(page: str) -> list[Step]:
    """The commands of a page with the output and exit code it shows for each."""
    out: list[Step] = []
    for block in _BLOCK.finditer(page):
        mark = block.group("mark") or ""
        if mark.startswith("not run"):
            continue
        code = int(mark.split()[1]) if mark.startswith("exit ") else 0
        current: Step | None = None
        for raw in block.group("body").splitlines():
            if raw.startswith("$ "):
                current = Step(raw[2:].split("  #", 1)[0].strip(), [], code)
                out.append(current)
            elif current is not None and raw.strip():
                current.shown.append(raw.rstrip())
    return [s for s in out if s.line.startswith(("govcatalog ", "export "))]


def _run_guide(name: str, folder: Path) -> list[tuple[Step, subprocess.CompletedProcess[str]]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVCATALOG_")}
    env["COLUMNS"] = "200"
    script = Path(sys.executable).parent / "govcatalog"
    done = []
    for step in steps((ROOT / "docs" / name).read_text(encoding="utf-8")):
        words = shlex.split(step.line)
        if words[0] == "export":
            key, _, value = words[1].partition("=")
            env[key] = value
            continue
        run = subprocess.run(
            [str(script), *words[1:]],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        done.append((step, run))
    return done


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_runs_as_written(guide: str, tmp_path: Path) -> None:
    results = _run_guide(guide, tmp_path)
    assert len(results) >= 4
    for step, run in results:
        assert run.returncode == step.exit_code, (step.line, run.stdout[-800:], run.stderr)
        real = run.stdout + run.stderr
        for shown in step.shown:
            if "…" not in shown:
                assert shown.strip() in real, (step.line, shown, real[-1500:])


def test_the_guides_write_nothing_outside_their_folder(tmp_path: Path) -> None:
    # the commands name relative paths only: a fresh folder is all they need
    for guide in GUIDES:
        for step in steps((ROOT / "docs" / guide).read_text(encoding="utf-8")):
            assert "examples/" not in step.line, (guide, step.line)
            assert "db.example" not in step.line, (guide, step.line)
