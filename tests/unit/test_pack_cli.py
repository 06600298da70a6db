"""``govcatalog pack …`` end to end: write a local pack, check it, compare, build, publish."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app

STANDARDS = Path(__file__).resolve().parents[2] / "standards"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_new_then_check(runner: CliRunner, tmp_path: Path) -> None:
    made = runner.invoke(
        app, ["pack", "new", "my-city", "--dir", str(tmp_path), "--extends", "example-province@^1"]
    )
    assert made.exit_code == 0, made.output
    folder = tmp_path / "my-city" / "1.0.0"
    checked = runner.invoke(app, ["pack", "check", str(folder)])
    assert checked.exit_code == 0, checked.output
    assert "my-city@1.0.0 <- example-province@1.0.0 <- gb-1272@1.0.0" in checked.output
    again = runner.invoke(app, ["pack", "new", "my-city", "--dir", str(tmp_path)])
    assert again.exit_code == 2
    assert "exists already" in again.output


def test_check_reports_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(app, ["pack", "new", "p", "--dir", str(tmp_path)])
    folder = tmp_path / "p" / "1.0.0"
    fields = folder / "fields.toml"
    fields.write_text(
        fields.read_text(encoding="utf-8")
        + '\n[[field]]\nid = "extensions.x"\nzh = "某列"\nen = "X"\nkind = "vocab"\n'
        'vocabulary = "no-such"\n',
        encoding="utf-8",
    )
    line = fields.read_text(encoding="utf-8").splitlines().index('vocabulary = "no-such"') + 1
    result = runner.invoke(app, ["pack", "check", str(folder)])
    assert result.exit_code == 1
    assert f"{fields}:{line}: unknown vocabulary 'no-such'" in result.output


def test_compat_exit_codes(runner: CliRunner) -> None:
    backward = runner.invoke(
        app, ["pack", "compat", "gb-1272@^1", "example-province@^1", "--mode", "backward"]
    )
    assert backward.exit_code == 1
    assert "field-made-required: secrecy" in backward.output
    assert "[breaks BACKWARD]" in backward.output
    assert "NOT BACKWARD compatible" in backward.output
    forward = runner.invoke(
        app,
        [
            "pack",
            "compat",
            "gb-1272@^1",
            str(STANDARDS / "example-province" / "1.0.0"),
            "-m",
            "forward",
        ],
    )
    assert forward.exit_code == 0, forward.output
    assert "FORWARD compatible" in forward.output
    bad = runner.invoke(app, ["pack", "compat", "gb-1272@^1", "nope@^1"])
    assert bad.exit_code == 2


def test_show_effective(runner: CliRunner) -> None:
    as_toml = runner.invoke(app, ["pack", "show", "example-province@^1", "--effective"])
    assert as_toml.exit_code == 0
    doc = tomllib.loads(as_toml.stdout)
    assert doc["pack"]["lineage"] == ["example-province@1.0.0", "gb-1272@1.0.0"]
    as_json = runner.invoke(app, ["pack", "show", "example-province", "--effective", "-f", "json"])
    assert json.loads(as_json.stdout) == doc
    plain = runner.invoke(app, ["pack", "show", "gb-1272@^1", "-f", "json"])
    assert json.loads(plain.stdout)["id"] == "gb-1272"


def test_build(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["pack", "build", "example-province@^1", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["artefacts"]:
        assert entry["sha256"][:12] in result.output
    for skipped in manifest["skipped"]:
        assert f"skipped {skipped['kind']}" in result.output


def test_publish_list_and_validate_from_registry(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    runner.invoke(
        app, ["pack", "new", "reg-city", "--dir", str(tmp_path), "--extends", "example-province@^1"]
    )
    folder = tmp_path / "reg-city" / "1.0.0"
    draft = runner.invoke(app, ["pack", "publish", str(folder), "--registry", url])
    assert draft.exit_code == 1
    assert "draft" in draft.output
    assert "--allow-draft" in draft.output
    published = runner.invoke(
        app, ["pack", "publish", str(folder), "--registry", url, "--allow-draft"]
    )
    assert published.exit_code == 0, published.output
    assert "published reg-city@1.0.0 sha256=" in published.output
    again = runner.invoke(app, ["pack", "publish", str(folder), "--registry", url, "--allow-draft"])
    assert again.exit_code == 1
    assert "published already" in again.output
    listed = runner.invoke(app, ["pack", "list", "--registry", url])
    assert "reg-city@1.0.0" in listed.output
    assert "registry:" in listed.output
    # validate finds published packs when the registry is configured
    from govcatalog.packs.registry import default_registry

    catalog = tmp_path / "c.json"
    catalog.write_text('{"resources": [{"name": "x"}]}', encoding="utf-8")
    activated = runner.invoke(
        app, ["pack", "status", "reg-city@1.0.0", "active", "--registry", url]
    )
    assert activated.exit_code == 0, activated.output
    assert "reg-city@1.0.0: draft -> active" in activated.output
    monkeypatch.setenv("GOVCATALOG_REGISTRY_URL", url)
    default_registry.cache_clear()
    try:
        result = runner.invoke(
            app, ["validate", str(catalog), "--pack", "reg-city@^1", "-f", "json"]
        )
    finally:
        default_registry.cache_clear()
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["pack"] == "reg-city@1.0.0"
