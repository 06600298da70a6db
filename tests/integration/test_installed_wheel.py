"""The built wheel carries the packs, vocabularies and examples, and its CLI runs from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("govcatalog-*.whl")
    return found


def test_wheel_contains_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "govcatalog/_data/standards/gb-1272/1.0.0/pack.toml" in names
    assert "govcatalog/_data/standards/gb-1272/1.0.0/codebook.toml" in names
    assert "govcatalog/_data/vocab/share-type.ttl" in names
    assert "govcatalog/py.typed" in names
    assert any(n.startswith("govcatalog/_data/examples/") for n in names)


def test_installed_cli_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    catalog = work / "c.json"
    catalog.write_text(
        json.dumps({"resources": [{"name": "x"}]}, ensure_ascii=False), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c", "import govcatalog; print(govcatalog.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(target))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govcatalog",
            "validate",
            "c.json",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["pack"] == "gb-1272@1.0.0"
    assert any(f["code"] == "GC-F001" for f in report["findings"])
