"""Every exit-2 path of the command line prints exactly one line on stderr, whatever its length.

A usage error or an unreadable input ends with ``govcatalog: <reason>`` alone: scripts read one
line, and a reason wrapped by the terminal's width or boxed by the option parser is not one line.
The table below walks the commands' error paths one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from tests.helpers import resource, write_catalog

_register()
runner = CliRunner()

LONG = "一个很长的文件夹名称" * 8
"""A folder name long enough that any message naming it is wider than a terminal."""


@dataclass(frozen=True)
class Files:
    """Inputs the cases name."""

    root: Path
    ok: Path
    broken: Path
    long_missing: Path
    text: Path
    bad_settings: Path


def _files(root: Path) -> Files:
    ok = write_catalog(root / "ok.json", resource())
    broken = root / "broken.json"
    broken.write_text('{"resources": [', encoding="utf-8")
    text = root / "notes.txt"
    text.write_text("not a catalog\n", encoding="utf-8")
    bad_settings = root / "conf" / "bad.toml"
    bad_settings.parent.mkdir()
    bad_settings.write_text('ignore = ["GC-X000"]\n', encoding="utf-8")
    return Files(root, ok, broken, root / LONG / "missing.json", text, bad_settings)


Args = Callable[[Files], list[str]]
CASES: dict[str, Args] = {
    # validate
    "validate-no-input": lambda f: ["validate"],
    "validate-unknown-pack": lambda f: ["validate", str(f.ok), "--pack", "nope@^9"],
    "validate-unknown-code": lambda f: ["validate", str(f.ok), "--select", "GC-X999"],
    "validate-unknown-codes-many": lambda f: [
        "validate",
        str(f.ok),
        *(a for i in range(30) for a in ("--ignore", f"GC-X{i:03d}")),
    ],
    "validate-bad-override": lambda f: ["validate", str(f.ok), "--severity", "GC-F004"],
    "validate-unsupported-format": lambda f: ["validate", str(f.text)],
    "validate-unreadable-json": lambda f: ["validate", str(f.broken)],
    "validate-missing-long-path": lambda f: ["validate", str(f.long_missing)],
    "validate-unknown-example": lambda f: ["validate", "--example", "nowhere"],
    "validate-missing-settings": lambda f: ["validate", str(f.ok), "--config", str(f.long_missing)],
    "validate-annotate-not-xlsx": lambda f: ["validate", str(f.ok), "--annotate", "x.xlsx"],
    "validate-output-in-missing-folder": lambda f: [
        "validate",
        str(f.ok),
        "-f",
        "json",
        "-o",
        str(f.long_missing),
    ],
    "validate-bad-option-value": lambda f: ["validate", str(f.ok), "--format", "pdf"],
    "validate-jobs-zero": lambda f: ["validate", str(f.ok), "--jobs", "0"],
    "validate-unknown-option": lambda f: ["validate", str(f.ok), "--colour"],
    # score
    "score-bad-day": lambda f: ["score", str(f.ok), "--today", "yesterday"],
    "score-unreadable": lambda f: ["score", str(f.broken)],
    "score-unknown-code": lambda f: ["score", str(f.ok), "--config", str(f.bad_settings)],
    "score-output-in-missing-folder": lambda f: ["score", str(f.ok), "-o", str(f.long_missing)],
    # diff
    "diff-missing-file": lambda f: ["diff", str(f.ok), str(f.long_missing)],
    "diff-missing-argument": lambda f: ["diff", str(f.ok)],
    # export
    "export-xml-without-output": lambda f: ["export", str(f.ok), "--to", "xml"],
    "export-bad-base": lambda f: ["export", str(f.ok), "--to", "ttl", "--base", "x"],
    "export-access-url-without-code": lambda f: [
        "export",
        str(f.ok),
        "--to",
        "ttl",
        "--access-url",
        "https://data.example.gov.cn/r",
    ],
    "export-unreadable": lambda f: ["export", str(f.broken), "--to", "ttl"],
    "export-without-to": lambda f: ["export", str(f.ok)],
    # resolve
    "resolve-xlsx-without-output": lambda f: ["resolve", "姓名", "-f", "xlsx"],
    "resolve-bad-day": lambda f: ["resolve", "姓名", "--today", "someday"],
    "resolve-missing-catalog": lambda f: ["resolve", "姓名", "-c", str(f.long_missing)],
    # inspect
    "inspect-unreadable": lambda f: ["inspect", str(f.broken)],
    "inspect-profile-folder-not-empty": lambda f: [
        "inspect",
        str(f.ok),
        "--write-profile",
        str(f.root),
    ],
    # template, schema, shapes
    "template-not-xlsx": lambda f: ["template", str(f.root / "t.csv")],
    "schema-unknown-pack": lambda f: ["schema", "--pack", "nope@^9"],
    "shapes-unknown-pack": lambda f: ["shapes", "--pack", "nope@^9"],
    # pack
    "pack-show-unknown": lambda f: ["pack", "show", "nope@^9"],
    "pack-check-not-a-folder": lambda f: ["pack", "check", str(f.long_missing)],
    "pack-root-not-a-folder": lambda f: ["pack", "show", "gb-1272", "--root", str(f.long_missing)],
    # history
    "history-show-unknown": lambda f: [
        "history",
        "show",
        "-c",
        "nope",
        "--db",
        f"sqlite:///{f.root / 'h.sqlite'}",
    ],
    "history-show-bad-version": lambda f: [
        "history",
        "show",
        "-c",
        "city",
        "-v",
        "third",
        "--db",
        f"sqlite:///{f.root / 'h.sqlite'}",
    ],
    # serve, token
    "serve-unopenable-store": lambda f: ["serve", "--registry", f"sqlite:///{f.long_missing}"],
    "token-bad-scope": lambda f: [
        "token",
        "create",
        "ci",
        "-s",
        "root",
        "--registry",
        f"sqlite:///{f.root / 't.sqlite'}",
    ],
    "token-revoke-unknown": lambda f: [
        "token",
        "revoke",
        "nobody",
        "--registry",
        f"sqlite:///{f.root / 't.sqlite'}",
    ],
    # the command line itself
    "unknown-command": lambda f: ["publish-everything"],
}

WRAPPED: dict[str, str] = {}
"""Cases that print more than one line on main today, each with its reason (strict: a case
that becomes one line fails here until its entry is dropped)."""


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=WRAPPED[name], strict=True))
        if name in WRAPPED
        else name
        for name in CASES
    ],
)
def test_exit_two_prints_exactly_one_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no settings file of the surroundings applies
    args = CASES[name](_files(tmp_path))
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (args, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("govcatalog: ") or lines[0].startswith("Error: "), lines[0]


def test_every_fail_site_is_in_the_table() -> None:
    """A new ``fail(...)`` call in a command needs a row above (counted per command module)."""
    from govcatalog.cli import _common

    folder = Path(_common.__file__).parent
    sites = {
        p.stem.removesuffix("_cmd"): p.read_text(encoding="utf-8").count("fail(")
        for p in folder.glob("*_cmd.py")
    }
    covered = {name.split("-")[0] for name in CASES}
    assert {cmd for cmd, n in sites.items() if n} <= covered
