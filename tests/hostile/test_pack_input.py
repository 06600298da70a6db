"""Packs are untrusted data: unsafe patterns and wrongly typed settings are refused with
the file (and line), at ``pack check`` and whenever the pack is loaded."""

from __future__ import annotations

import re
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.packs._regex_safety import regex_problem

_register()
runner = CliRunner()
MANIFEST = '[pack]\nid = "city"\nversion = "1.0.0"\nstatus = "active"\nextends = "gb-1272@^1"\n'


def _pack(tmp_path: Path, manifest_extra: str = "", **files: str) -> Path:
    folder = tmp_path / "city"
    folder.mkdir()
    (folder / "pack.toml").write_text(MANIFEST + manifest_extra, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name.replace('_', '-')}.toml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "pattern", [r"^(a+)+$", r"^(a|aa)+$", r"(\d{1,9})+x", r"(a)\1", r"^(x*y?)*$", r"(a?)+"]
)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    assert regex_problem(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [
        r"^\d+(\.\d+)?$",
        r"^(?:\d{2}){1,3}$",
        r"^[0-9A-Z]{18}$",
        r"^.{2,12}?(省|自治区|市|自治州|县)[^》]*条例$",
        r"(ab)+c",
        r"(?:a++)+",
        r"^(?:[a-z]|_)+$",
    ],
)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert regex_problem(pattern) is None


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="ab()+*?|{}1,^$\\.[]-", max_size=12))
def test_patterns_that_pass_run_in_bounded_time(pattern: str) -> None:
    """Whatever the check lets through matches a hostile input quickly."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = re.compile(pattern)
    except re.error:
        assert regex_problem(pattern) is not None
        return
    if regex_problem(pattern) is not None:
        return
    start = time.process_time()
    for text in ("a" * 28 + "!", "ab" * 14 + "!", "a" * 400):
        compiled.search(text)
    assert time.process_time() - start < 1.0, pattern


def test_pack_check_refuses_an_exponential_rule(tmp_path: Path) -> None:
    rules = (
        '[[rule]]\nid = "dos"\ncode = "GC-F001"\npattern = { field = "name", regex = "^(a+)+$" }\n'
    )
    folder = _pack(tmp_path, rules=rules)
    result = runner.invoke(app, ["pack", "check", str(folder)])
    assert result.exit_code != 0
    assert "exponential" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ("[rules]\nignore = 5\n", "[rules] ignore must be a list of strings"),
        ('[identifiers]\nallow = "x"\n', "[identifiers] allow must be a list of strings"),
        ("[identifiers]\nstrict = 1\n", "[identifiers] strict must be true or false"),
        ("[identifiers]\nprovider_code = 7\n", "[identifiers] provider_code must be a string"),
        ("[code]\nximu_unit = [1]\n", "[code] ximu_unit must be an integer"),
        ("[code]\nseparator = 5\n", "[code] separator must be a string"),
        ("[code]\nrequire_mu = 'no'\n", "[code] require_mu must be true or false"),
        ("[dates]\nfuture_publish_date = 'x'\n", "future_publish_date must be true or false"),
        ("[severity]\nGC-F004 = 3\n", "[severity] GC-F004 must be a string"),
        ("title_zh = 3\n", "[pack] title_zh must be a string"),
    ],
)
def test_wrongly_typed_manifest_values_name_file_and_line(
    tmp_path: Path, extra: str, needle: str
) -> None:
    folder = _pack(tmp_path, extra)
    result = runner.invoke(app, ["pack", "check", str(folder)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert needle in result.output
    assert "pack.toml:" in result.output


@pytest.mark.parametrize("name", ["fields", "codebook", "rules", "vocabularies", "code_tables"])
def test_wrongly_typed_other_files_are_one_error(tmp_path: Path, name: str) -> None:
    folder = _pack(tmp_path, **{name: "field = 5\nrule = 'x'\nxiang = 3\n"})
    result = runner.invoke(app, ["pack", "check", str(folder)])
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2)
