"""A directory, a missing file and an empty file: every reading command says which, the same way.

Exit 2, one line on stderr naming the input and the cause, and advice that fits the cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog import validate
from govcatalog.cli.app import _register, app
from tests.conftest import ROOT

_register()
runner = CliRunner()
CITY = str(ROOT / "examples" / "city-catalog.json")

CAUSES = {
    "dir": ("is a directory, not a file", "inside it"),
    "missing.json": ("no such file", "Check the path"),
}
EMPTY = ("the file is empty", "export or save")


def _line(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (args, result.output)
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, (args, result.stderr)
    return lines[0]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "dir").mkdir()
    for suffix in ("json", "jsonl", "yaml", "csv", "tsv", "xlsx", "xls", "xml", "ttl"):
        (tmp_path / f"empty.{suffix}").write_bytes(b"")
    return tmp_path


COMMANDS = [
    ["validate", "{}"],
    ["score", "{}"],
    ["diff", "{}", CITY],
    ["export", "{}", "--to", "ttl"],
    ["resolve", "{}"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("name", ["dir", "missing.json"])
def test_directory_and_missing_file(
    command: list[str], name: str, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = _line([a.replace("{}", name) for a in command], inputs, monkeypatch)
    reason, hint = CAUSES[name]
    if command[0] == "diff" and name == "missing.json":  # diff also takes a stored version
        reason, hint = "no such file or stored version", "catalog@v3"
    assert line.startswith(f"govcatalog: {name}: {reason}"), line
    assert hint in line, line
    assert "encoding" not in line


@pytest.mark.parametrize(
    "suffix", ["json", "jsonl", "yaml", "csv", "tsv", "xlsx", "xls", "xml", "ttl"]
)
def test_an_empty_file_of_any_format(
    suffix: str, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in COMMANDS[:4]:
        line = _line([a.replace("{}", f"empty.{suffix}") for a in command], inputs, monkeypatch)
        assert line.startswith(f"govcatalog: empty.{suffix}: {EMPTY[0]}"), (command, line)
        assert EMPTY[1] in line.lower(), line


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_an_empty_request(suffix: str, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("rapidfuzz", reason="the resolver needs the resolve extra")
    line = _line(["resolve", f"empty.{suffix}"], inputs, monkeypatch)
    assert line.startswith(f"govcatalog: empty.{suffix}: {EMPTY[0]}"), line


def test_the_report_carries_the_causes_hint(inputs: Path) -> None:
    (finding,) = validate(inputs / "dir")
    assert finding.code == "GC-S001"
    assert "inside it" in finding.hint_en
    assert "文件夹" in finding.message_zh
    (empty,) = validate(inputs / "empty.csv")
    assert "no content" in empty.hint_en
