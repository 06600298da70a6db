"""A report file takes the place of the old one only once it is written whole."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli import app
from govcatalog.cli._common import replaced_whole
from govcatalog.cli.validate_cmd import write_output
from govcatalog.render.dispatch import ReportFormat


def _failing(after: int) -> Iterator[str]:
    for i in range(after):
        yield f"piece {i}\n"
    raise RuntimeError("the renderer failed half way")


def test_a_report_that_fails_half_way_leaves_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("the old report\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_output(_failing(3), out, ReportFormat.JSON)
    assert out.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no part left


def test_a_report_written_whole_replaces_the_old_one_keeping_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    write_output(iter(["a,b\r\n", "1,2\r\n"]), out, ReportFormat.CSV)
    assert out.read_bytes() == "\ufeffa,b\r\n1,2\r\n".encode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_new_report_has_the_modes_of_a_new_file(tmp_path: Path) -> None:
    out = tmp_path / "new.txt"
    with replaced_whole(out) as fh:
        fh.write("x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_the_cli_writes_the_report_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    result = CliRunner().invoke(
        app, ["validate", "--example", "city", "--format", "sarif", "-o", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    assert out.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_report_that_cannot_be_written_is_said_by_its_own_name(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "missing" / "report.txt"
    result = CliRunner().invoke(
        app, ["validate", "--example", "city", "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 2
    assert f"cannot write {out}: " in result.output
    assert ".part" not in result.output
