"""``govcatalog export`` writes a catalog with the pack ``validate`` judges it by.

A catalog dated under 《政务数据共享条例》 exported without ``--pack`` keeps that regulation's
elements as elements: the workbook heads their columns 数据分类分级 / 使用条件 and validates
with no finding, RDF gives them their properties instead of an opaque extension literal.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from govcatalog import validate
from govcatalog.cli.app import _register, app
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis

_register()
runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATED_2025 = EXAMPLES / "city-catalog-2025.json"
DATED_BEFORE = EXAMPLES / "city-catalog.json"


def _export(source: Path, target: Path, *extra: str) -> None:
    result = runner.invoke(app, ["export", str(source), "-o", str(target), *extra])
    assert result.exit_code == 0, result.output


def _headings(path: Path) -> set[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(max_row=3, values_only=True)
            for cell in row
            if cell is not None
        }
    finally:
        book.close()


def test_loading_says_the_regime_by_date() -> None:
    assert load_catalog_judged(DATED_2025).regime.pack.id == "sharing-2025"
    assert load_catalog_judged(DATED_2025).regime.basis is RegimeBasis.DATE
    assert load_catalog_judged(DATED_BEFORE).regime.pack.id == "gb-1272"
    named = load_catalog_judged(DATED_2025, pack="gb-1272@^1").regime
    assert (named.pack.id, named.basis) == ("gb-1272", RegimeBasis.NAMED)


@pytest.mark.parametrize("to", ["xlsx", "xml"])
def test_a_2025_catalog_exported_validates_with_no_finding(tmp_path: Path, to: str) -> None:
    target = tmp_path / f"out.{to}"
    _export(DATED_2025, target, "--to", to)
    report = validate(target)
    assert report.pack.startswith("sharing-2025@")
    assert [f.code for f in report.findings] == []


def test_the_workbook_heads_the_2025_elements_by_name(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    _export(DATED_2025, target, "--to", "xlsx")
    headings = _headings(target)
    assert {"数据分类分级", "使用条件"} <= headings
    assert not {"data_grade", "usage_conditions"} & headings


def test_a_named_pack_still_wins(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    _export(DATED_2025, target, "--to", "xlsx", "--pack", "gb-1272@^1")
    assert "数据分类分级" not in _headings(target)


def test_rdf_gives_the_2025_elements_their_properties() -> None:
    result = runner.invoke(app, ["export", str(DATED_2025), "--to", "nt"])
    assert result.exit_code == 0, result.output
    assert "<https://w3id.org/govcatalog/ns#dataGrade>" in result.stdout
    assert "data_grade" not in result.stdout


def test_standard_output_closed_early_ends_quietly() -> None:
    export = [sys.executable, "-m", "govcatalog", "export", str(DATED_2025), "--to", "nt"]
    with subprocess.Popen(export, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, as `| head -1` does
        stderr = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert stderr == ""
    assert proc.returncode in (0, 1)


def test_the_report_of_the_export_names_its_regime(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    _export(DATED_2025, target, "--to", "xml")
    result = runner.invoke(app, ["validate", str(target), "--format", "json"])
    assert "sharing-2025" in json.loads(result.stdout)["pack"]
