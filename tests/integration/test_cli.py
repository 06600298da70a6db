"""The validate and schema commands, end to end: output formats, languages, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from tests.helpers import resource, write_catalog

_register()
runner = CliRunner()


def test_clean_catalog_exits_zero(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "ok.json", resource())
    result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output


def test_findings_exit_one_and_json_contract(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "bad.json", resource(open={"open_to_public": True}))
    result = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["conforms"] is False
    (finding,) = data["findings"]
    assert finding["code"] == "GC-R005"
    assert finding["severity"] == "error"
    assert finding["message"].startswith("Open to the public is")
    assert set(finding["location"]) >= {"resource", "pointer", "line", "column"}
    assert finding["location"]["resource"] == "101001/000001"
    assert data["stats"]["resources"] == 1


def test_fail_on_warning(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "w.json", resource(provider_code="91350100M000100Y44"))
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(path), "--fail-on", "warning"]).exit_code == 1


def test_unreadable_input_exits_two_with_one_line_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"resources": [', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    # The reason names the file, line and column (that it is one line, whatever the path's
    # length, is checked with every other exit-2 path in test_cli_errors.py).
    reason = " ".join(result.stderr.split())
    assert reason.startswith("govcatalog: ")
    assert reason.endswith("bad.json:1:16: JSON syntax error: unterminated list")
    missing = runner.invoke(app, ["validate", str(tmp_path / "none.json"), "--format", "json"])
    assert missing.exit_code == 2
    assert json.loads(missing.stdout)["findings"][0]["code"] == "GC-S001"


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "ok.json", resource())
    assert runner.invoke(app, ["validate"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(path), "--pack", "nope@^9"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(path), "--select", "GC-X999"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path / "a.txt")]).exit_code == 2


def test_chinese_text_output_groups_by_resource(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "zh.json", resource(update_cycle="每天"))
    result = runner.invoke(app, ["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 0
    assert "[101001/000001]" in result.output
    assert "按“每日”处理" in result.output


def test_schema_command(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert runner.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
