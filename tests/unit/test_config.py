"""Settings files: where they are found, what they may say, and how flags override them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcatalog.config import (
    ConfigError,
    find_config,
    load_config,
    parse_severity_overrides,
)
from govcatalog.report import Severity
from govcatalog.vocab import Evidence


def test_govcatalog_toml_in_a_parent_is_found(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text('ignore = ["GC-F003"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "govcatalog.toml"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text("max-findings = 5\n", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == tmp_path / "govcatalog.toml"
    (inner / "pyproject.toml").write_text("[tool.govcatalog]\nmax-findings = 7\n", encoding="utf-8")
    found = find_config(inner)
    assert found == inner / "pyproject.toml"
    assert load_config(found).max_findings == 7


def test_govcatalog_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text("max-findings = 1\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.govcatalog]\nmax-findings = 2\n", encoding="utf-8"
    )
    assert find_config(tmp_path) == tmp_path / "govcatalog.toml"


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = tmp_path / "govcatalog.toml"
    path.write_text(
        'pack = "gb-1272@^1"\nselect = ["GC-R002"]\nignore = ["GC-F003"]\nmax-findings = 10\n'
        'min-evidence = "IMPL"\nfail-on = "warning"\n[severity]\nGC-F004 = "info"\n',
        encoding="utf-8",
    )
    conf = load_config(path)
    assert conf.pack == "gb-1272@^1"
    assert conf.select == frozenset({"GC-R002"})
    assert conf.ignore == frozenset({"GC-F003"})
    assert conf.max_findings == 10
    assert conf.min_evidence is Evidence.IMPL
    assert conf.fail_on is Severity.WARNING
    assert dict(conf.severity) == {"GC-F004": Severity.INFO}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", "unknown settings"),
        ("max-findings = -1\n", "max-findings"),
        ("max-findings = true\n", "max-findings"),
        ('select = "GC-R002"\n', "select"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('[severity]\nGC-F004 = "loud"\n', "severity.GC-F004"),
        ("this is not toml\n", "govcatalog.toml"),
    ],
)
def test_malformed_settings_are_reported(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "govcatalog.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_severity_overrides_from_the_command_line() -> None:
    assert parse_severity_overrides(["GC-F004=INFO", " GC-R002 = warning"]) == {
        "GC-F004": Severity.INFO,
        "GC-R002": Severity.WARNING,
    }
    with pytest.raises(ValueError, match="CODE=LEVEL"):
        parse_severity_overrides(["GC-F004"])
    with pytest.raises(ValueError, match="level"):
        parse_severity_overrides(["GC-F004=loud"])
