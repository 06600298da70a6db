"""``govcatalog validate`` over several files: one catalog or several, and the Dask options."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli import app
from tests.helpers import resource, write_catalog

runner = CliRunner()


def _parts(tmp_path: Path) -> list[str]:
    first = write_catalog(tmp_path / "a.json", resource(code="101001/000001"))
    second = write_catalog(
        tmp_path / "b.json",
        resource(code="101001/000002", name="流动人口信息", related_codes=["101001/000001"]),
    )
    return [str(first), str(second)]


def _codes(*args: str) -> list[str]:
    result = runner.invoke(app, ["validate", *args, "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


def test_one_catalog_resolves_related_codes_across_files(tmp_path: Path) -> None:
    parts = _parts(tmp_path)
    assert "GC-C001" in _codes(*parts)
    assert "GC-C001" not in _codes(*parts, "--one-catalog")


def test_scheduler_without_the_extra_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    result = runner.invoke(app, ["validate", *_parts(tmp_path), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "pip install 'govcatalog[dask]'" in result.stderr


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--scheduler", "tcp://x:8786", "--workers", "2"], "exclude each other"),
        (["--workers", "2", "--jobs", "2"], "--jobs"),
        (["--engine", "shacl", "--one-catalog"], "SHACL"),
    ],
)
def test_options_that_cannot_go_together(tmp_path: Path, args: list[str], reason: str) -> None:
    result = runner.invoke(app, ["validate", *_parts(tmp_path), *args])
    assert result.exit_code == 2
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1
