"""``govcatalog validate`` output formats, limits, overrides and settings; ``govcatalog score``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    assert codes == ["GC-R002", "GC-R005", "GC-R006"]  # the file's limit: the first 3
    assert data["findings"][0]["severity"] == "warning"  # type: ignore[index]  # the file's override
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
    assert points == 80.8  # worked out by hand in tests/unit/test_score.py
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

    # Penalties 0.5 per error and 0.1 per warning, never below 0: resource 0 has a warning and
    # two errors (0), resource 1 three errors (0), resource 2 one warning (0.9): mean 0.3.
    assert conformance() == pytest.approx(0.3)
    (tmp_path / "govcatalog.toml").write_text('ignore = ["GC-R002", "GC-R005"]\n', encoding="utf-8")
    assert conformance() == pytest.approx((0.9 + 0 + 0.9) / 3)  # resource 0 keeps its warning
    (tmp_path / "govcatalog.toml").write_text('ignore = ["GC-X000"]\n', encoding="utf-8")
    assert runner.invoke(app, ["score", BAD]).exit_code == 2


# The findings of with-errors.json and their codebook evidence: GC-F011, GC-R002, GC-R005 and
# GC-C001 are IMPL, GC-R006 UNCONFIRMED, GC-R003 and GC-R009 CONFIRMED.
@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("CONFIRMED", ["GC-R003", "GC-R009"]),
        ("IMPL", ["GC-F011", "GC-R002", "GC-R005", "GC-R009", "GC-R003", "GC-C001"]),
        (
            "UNCONFIRMED",
            ["GC-F011", "GC-R002", "GC-R005", "GC-R006", "GC-R009", "GC-R003", "GC-C001"],
        ),
    ],
)
def test_min_evidence_from_the_command_line(level: str, expected: list[str]) -> None:
    data = _json("--min-evidence", level)
    assert sorted(f["code"] for f in data["findings"]) == sorted(expected)  # type: ignore[attr-defined]


def test_min_evidence_from_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text('min-evidence = "CONFIRMED"\n', encoding="utf-8")
    data = _json()
    assert sorted(f["code"] for f in data["findings"]) == ["GC-R003", "GC-R009"]  # type: ignore[attr-defined]
    flagged = _json("--min-evidence", "UNCONFIRMED")
    assert len(flagged["findings"]) == 7  # type: ignore[arg-type]


def test_config_option_names_the_settings_file(tmp_path: Path) -> None:
    # A settings file in the folder is found by itself; --config picks another one instead.
    (tmp_path / "govcatalog.toml").write_text('select = ["GC-R002"]\n', encoding="utf-8")
    elsewhere = tmp_path / "conf" / "strict.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('select = ["GC-R009", "GC-C001"]\n', encoding="utf-8")
    found = _json()
    assert [f["code"] for f in found["findings"]] == ["GC-R002"]  # type: ignore[attr-defined]
    named = _json("--config", str(elsewhere))
    assert [f["code"] for f in named["findings"]] == ["GC-R009", "GC-C001"]  # type: ignore[attr-defined]
    missing = runner.invoke(app, ["validate", BAD, "--config", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2
    assert "none.toml" in missing.stderr


def test_severity_flags_merge_with_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "govcatalog.toml").write_text(
        '[severity]\nGC-R002 = "warning"\nGC-R005 = "info"\n', encoding="utf-8"
    )
    data = _json("--severity", "GC-R005=warning", "--severity", "GC-C001=error")
    sev = {f["code"]: f["severity"] for f in data["findings"]}  # type: ignore[attr-defined]
    assert sev == {
        "GC-F011": "warning",  # the pack's
        "GC-R002": "warning",  # the file's, kept
        "GC-R005": "warning",  # the flag's, over the file's info
        "GC-R006": "error",
        "GC-R003": "error",
        "GC-R009": "error",
        "GC-C001": "error",  # the flag's, over the pack's warning
    }


def test_csv_output_file_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    assert runner.invoke(app, ["validate", BAD, "-f", "csv", "-o", str(out)]).exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8 only with it
    assert not raw[3:].startswith(b"\xef\xbb\xbf")
    stdout = runner.invoke(app, ["validate", BAD, "-f", "csv"])
    assert not stdout.stdout.startswith("\ufeff")  # a pipe gets plain UTF-8


def test_sarif_fingerprints_are_stable(tmp_path: Path) -> None:
    """A finding keeps its fingerprint when other findings, its line or its wording change."""

    def fingerprints(path: Path, *args: str) -> dict[tuple[str, str], str]:
        result = runner.invoke(app, ["validate", str(path), "-f", "sarif", *args])
        assert result.exit_code == 1, result.output
        results = json.loads(result.stdout)["runs"][0]["results"]
        out = {}
        for r in results:
            key = (r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
            out[key] = r["partialFingerprints"]["govcatalog/v1"]
        return out

    original = json.loads(Path(BAD).read_text(encoding="utf-8"))
    first = tmp_path / "catalog.json"
    first.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
    before = fingerprints(first)
    assert len(before) == 7
    assert len(set(before.values())) == 7  # one fingerprint per finding
    assert fingerprints(first, "--lang", "en") == before
    # The same file rewritten with other line breaks, and one resource's finding fixed.
    edited = json.loads(json.dumps(original))
    del edited["resources"][2]["related_codes"]
    first.write_text(json.dumps(edited, ensure_ascii=False, indent=4), encoding="utf-8")
    after = fingerprints(first)
    fixed = [k for k in before if k[0] == "GC-C001"]
    assert len(fixed) == 1
    assert after == {k: v for k, v in before.items() if k not in fixed}


def test_jobs_validate_partitions_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from govcatalog.cli import validate_cmd

    pools: list[int | None] = []
    mapped: list[int] = []

    class Spy(ProcessPoolExecutor):
        def __init__(self, max_workers: int | None = None, **kwargs: Any) -> None:
            pools.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            mapped.append(1)  # one partition handed to a worker
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(validate_cmd, "ProcessPoolExecutor", Spy)
    serial = _json()
    assert pools == []
    parallel = _json("--jobs", "2")
    assert pools == [2]
    assert mapped == [1]  # three resources: one partition, sent to a worker
    for data in (serial, parallel):
        data["stats"].pop("seconds")  # type: ignore[attr-defined]
    assert parallel == serial
