"""The command line starts lean: ``--help`` imports no command, a command only its own module."""

from __future__ import annotations

import json
import subprocess
import sys

import typer

from govcatalog.cli.app import COMMANDS, _register, app

_PROBE = """
import json, sys
from govcatalog.cli.app import main
sys.argv = ["govcatalog", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


def test_listing_matches_each_commands_own_help() -> None:
    _register()
    group = typer.main.get_group(app)
    for name, (_, line) in COMMANDS.items():
        assert group.commands[name].get_short_help_str(500) == line, name
    assert set(group.commands) == set(COMMANDS)


def test_top_level_help_imports_no_command_and_no_model() -> None:
    loaded = _modules_after("--help")
    assert not {m for m in loaded if m.endswith("_cmd")}
    assert "pydantic" not in loaded
    assert "rich" not in loaded
    assert "govcatalog.packs" not in loaded


def test_a_command_imports_only_its_module() -> None:
    loaded = _modules_after("schema", "--help")
    assert {m for m in loaded if m.endswith("_cmd")} == {"govcatalog.cli.schema_cmd"}
    assert "rdflib" not in loaded
    assert "openpyxl" not in loaded
    assert "numpy" not in loaded


def test_validating_builds_no_pydantic_model_of_a_catalog() -> None:
    loaded = _modules_after("validate", "--example", "city")
    assert "govcatalog.validate" in loaded  # it did validate
    assert "govcatalog.model.resource" not in loaded
    # reading the pack's manifest needs no modelling library either (its import is a
    # quarter of a second on a slow machine)
    assert "pydantic" not in loaded
