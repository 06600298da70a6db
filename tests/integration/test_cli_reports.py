"""``govcatalog validate`` output formats, limits, overrides and settings; ``govcatalog score``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "reports"
BAD = str(FIXTURES / "with-errors.json")
CLEAN = str(FIXTURES / "clean.json")

_register()
runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder so no settings file of the surroundings applies."""
    monkeypatch.chdir(tmp_path)


def _json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["validate", BAD, "-f", "json", *args])
    assert result.exit_code == 1, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    "fmt", ["sarif", "junit", "github", "html", "csv", "markdown", "json", "text"]
)
def test_every_format_writes_to_output(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["validate", BAD, "-f", fmt, "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8-sig")
    assert "GC-R002" in text


def test_max_findings_cuts_and_says_so() -> None:
    full = _json()
    cut = _json("--max-findings", "2")
    assert len(cut["findings"]) == 2  # type: ignore[arg-type]
    assert cut["findings"] == full["findings"][:2]  # type: ignore[index]
    assert cut["stats"]["truncated"] is True  # type: ignore[index]
    assert full["stats"]["truncated"] is False  # type: ignore[index]


def test_severity_override_from_the_command_line() -> None:
    data = _json("--severity", "GC-R009=info")
    sev = {f["code"]: f["severity"] for f in data["findings"]}  # type: ignore[attr-defined]
    assert sev["GC-R009"] == "info"
    assert sev["GC-R002"] == "error"


def test_unknown_code_in_override_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate", BAD, "--severity", "GC-X999=info"])
    assert result.exit_code == 2
    assert "GC-X999" in result.stderr


def test_settings_file_applies_and_flags_override(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govcatalog]\nignore = ["GC-F011"]\nmax-findings = 3\n'
        '[tool.govcatalog.severity]\nGC-R002 = "warning"\n',
        encoding="utf-8",
    )
    data = _json()
    codes = [f["code"] for f in data["findings"]]  # type: ignore[attr-defined]
    assert "GC-F011" not in codes
    assert len(codes) == 3
    assert {f["code"]: f["severity"] for f in data["findings"]}.get(
        "GC-R002", "warning"
    ) == "warning"  # type: ignore[attr-defined]
    flagged = _json("--max-findings", "5", "--ignore", "GC-C001")
    codes = [f["code"] for f in flagged["findings"]]  # type: ignore[attr-defined]
    assert "GC-F011" in codes  # --ignore replaces the file's list
    assert len(codes) == 5
    assert _json("--no-config")["stats"]["truncated"] is False  # type: ignore[index]


def test_fail_on_from_settings(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text(
        'fail-on = "warning"\nselect = ["GC-F011"]\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", BAD])
    assert result.exit_code == 1
    result = runner.invoke(app, ["validate", BAD, "--fail-on", "error"])
    assert result.exit_code == 0


def test_malformed_settings_exit_2(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text("colour = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", BAD])
    assert result.exit_code == 2
    assert "unknown settings" in result.stderr


def test_score_json_and_fail_under() -> None:
    result = runner.invoke(app, ["score", CLEAN, "-f", "json", "--today", "2026-01-15"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    points = data["catalog"]["points"]
    assert 0 < points <= 100
    assert {d["name"] for d in data["departments"]} == {
        "示例市政务服务管理局",
        "示例市人力资源和社会保障局",
    }
    below = runner.invoke(
        app, ["score", CLEAN, "--fail-under", str(points + 0.1), "--today", "2026-01-15"]
    )
    assert below.exit_code == 1
    above = runner.invoke(
        app, ["score", CLEAN, "--fail-under", str(points), "--today", "2026-01-15"]
    )
    assert above.exit_code == 0


def test_score_html_holds_score_and_findings(tmp_path: Path) -> None:
    out = tmp_path / "score.html"
    result = runner.invoke(app, ["score", BAD, "-f", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert 'class="gc-score"' in page
    assert 'id="gc-findings"' in page


def test_score_unreadable_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{", encoding="utf-8")
    assert runner.invoke(app, ["score", str(bad)]).exit_code == 2
    assert runner.invoke(app, ["score", CLEAN, "--today", "yesterday"]).exit_code == 2


def test_max_findings_stops_before_the_next_file() -> None:
    result = runner.invoke(app, ["validate", BAD, BAD, "-f", "json", "--max-findings", "1"])
    data = json.loads(result.stdout)
    assert data["stats"]["files"] == 1
    assert data["stats"]["truncated"] is True
    assert len(data["findings"]) == 1


def test_score_follows_the_settings_file(tmp_path: Path) -> None:
    def conformance() -> float:
        result = runner.invoke(app, ["score", BAD, "-f", "json", "--today", "2026-01-15"])
        assert result.exit_code == 0, result.output
        score: float = json.loads(result.stdout)["catalog"]["dimensions"]["conformance"]["score"]
        return score

    strict = conformance()
    (tmp_path / "govcatalog.toml").write_text('ignore = ["GC-R002", "GC-R005"]\n', encoding="utf-8")
    assert conformance() > strict
    (tmp_path / "govcatalog.toml").write_text('ignore = ["GC-X000"]\n', encoding="utf-8")
    assert runner.invoke(app, ["score", BAD]).exit_code == 2
