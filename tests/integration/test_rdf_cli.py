"""The command line: export to RDF, shapes, and validate --engine shacl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.rdf import RdfFormat, parse_rdf
from tests.unit.test_rdf_differential import VALID

_register()
runner = CliRunner()


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    broken = dict(
        VALID,
        code="101001/000002",
        share={"share_type": "有条件共享", "share_mode_class": "邮件方式"},
    )
    path = tmp_path / "catalog.json"
    data = {
        "catalog": {"name": "测试目录", "publisher": "市大数据局"},
        "resources": [VALID, broken],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_export_each_format(catalog_file: Path, tmp_path: Path, fmt: RdfFormat) -> None:
    out = tmp_path / f"out{fmt.suffix}"
    result = runner.invoke(app, ["export", str(catalog_file), "--to", fmt.value, "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = parse_rdf(out.read_bytes(), fmt)
    datasets = set(
        graph.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/dcat#Dataset"))
    )
    assert len(datasets) == 2


def test_export_to_stdout_with_base(catalog_file: Path) -> None:
    result = runner.invoke(
        app, ["export", str(catalog_file), "--to", "nt", "--base", "https://data.example.org/"]
    )
    assert result.exit_code == 0
    assert "<https://data.example.org/resource/101001/000001>" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["--base", "https://no-slash"], ["--access-url", "https://x.org/"], ["--to", "xlsx"]],
)
def test_export_usage_errors(catalog_file: Path, args: list[str]) -> None:
    full = ["export", str(catalog_file)] + (["--to", "ttl"] if "--to" not in args else []) + args
    assert runner.invoke(app, full).exit_code == 2


def test_export_unreadable_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["export", str(bad), "--to", "ttl"])
    assert result.exit_code == 2


def test_shapes_command(tmp_path: Path) -> None:
    out = tmp_path / "shapes.ttl"
    assert runner.invoke(app, ["shapes", "-o", str(out)]).exit_code == 0
    graph = rdflib.Graph().parse(out)
    codes = {
        str(o)
        for o in graph.objects(None, rdflib.URIRef("https://w3id.org/govcatalog/ns#findingCode"))
    }
    assert {"GC-F001", "GC-R002", "GC-R010"} <= codes


def test_validate_with_the_shacl_engine(catalog_file: Path) -> None:
    pytest.importorskip("pyshacl")
    result = runner.invoke(
        app, ["validate", str(catalog_file), "--engine", "shacl", "--format", "json"]
    )
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert {(f["code"], f["location"]["pointer"]) for f in findings} == {
        ("GC-R002", "/resources/1/share/share_condition"),
    }
    selected = runner.invoke(
        app, ["validate", str(catalog_file), "--engine", "shacl", "--ignore", "GC-R002"]
    )
    assert selected.exit_code == 0
