"""``govcatalog diff`` and ``govcatalog history`` end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app

_register()
runner = CliRunner()


def _write(path: Path, share: str, items: list[dict[str, Any]], extra: bool) -> Path:
    resources: list[dict[str, Any]] = [
        {
            "信息资源分类": {"类": "基础信息资源目录", "项": "人口"},
            "信息资源名称": "人口基本信息",
            "信息资源代码": "101001/000001",
            "信息资源提供方": "市公安局",
            "共享属性": {"共享类型": share},
            "信息项信息": items,
            "更新周期": "每日",
        }
    ]
    if extra:
        resources.append(
            {"name": "法人基本信息", "code": "101002/000001", "provider": "市市场监管局"}
        )
    path.write_text(
        json.dumps({"catalog": {"name": "某市目录"}, "resources": resources}, ensure_ascii=False)
    )
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    items = [{"信息项名称": "姓名", "数据类型": "字符型", "数据长度": 50}]
    old = _write(tmp_path / "v1.json", "无条件共享", items, extra=True)
    new = _write(
        tmp_path / "v2.json",
        "有条件共享",
        [*items, {"信息项名称": "性别", "数据类型": "字符型"}],
        extra=False,
    )
    return old, new


def test_text_and_exit_codes(files: tuple[Path, Path]) -> None:
    old, new = files
    result = runner.invoke(app, ["diff", str(old), str(new), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "GC-D209" in result.output
    assert "GC-D102" in result.output
    failing = runner.invoke(app, ["diff", str(old), str(new), "--fail-on", "breaking"])
    assert failing.exit_code == 1
    same = runner.invoke(app, ["diff", str(old), str(old), "--fail-on", "editorial"])
    assert same.exit_code == 0


def test_waivers_accept_listed_changes(files: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = files
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(
        '[[waiver]]\ncode = "GC-D102"\nresource = "101002/000001"\nreason = "merged"\n'
        '[[waiver]]\ncode = "GC-D209"\nresource = "101001/000001"\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "diff",
            str(old),
            str(new),
            "--fail-on",
            "breaking",
            "--waivers",
            str(waivers),
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["breaking"] == 0
    assert data["summary"]["waived"] == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('[[waiver]]\ncode = "GC-X999"\n', encoding="utf-8")
    refused = runner.invoke(app, ["diff", str(old), str(new), "--waivers", str(bad)])
    assert refused.exit_code == 2


def test_markdown_and_patch_outputs(files: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = files
    out = tmp_path / "CHANGES.md"
    assert (
        runner.invoke(app, ["diff", str(old), str(new), "-f", "markdown", "-o", str(out)]).exit_code
        == 0
    )
    assert "破坏性变更 / Breaking changes" in out.read_text(encoding="utf-8")
    patch = runner.invoke(app, ["diff", str(old), str(new), "-f", "patch"])
    ops = json.loads(patch.output)
    assert {"op": "replace", "path": "/resources/0/share/share_type", "value": "有条件共享"} in ops


def test_unreadable_input_exits_2(tmp_path: Path, files: tuple[Path, Path]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(broken), str(files[1])])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["diff", str(tmp_path / "nope.json"), str(files[1])])
    assert missing.exit_code == 2


def test_history_commands(files: tuple[Path, Path], db_url: str) -> None:
    old, new = files
    db = ["--db", db_url]
    first = runner.invoke(
        app, ["history", "add", str(old), "--catalog", "city-x", "--effective", "2024-01-01", *db]
    )
    assert first.exit_code == 0, first.output
    assert "city-x@v1" in first.output
    assert (
        runner.invoke(
            app, ["history", "add", str(new), "-c", "city-x", "--effective", "2024-06-01", *db]
        ).exit_code
        == 0
    )
    again = runner.invoke(app, ["history", "add", str(new), "-c", "city-x", *db])
    assert "unchanged" in again.output
    listing = runner.invoke(app, ["history", "list", "-c", "city-x", *db])
    assert "v2" in listing.output
    shown = runner.invoke(app, ["history", "show", "-c", "city-x", "--at", "2024-03-01", *db])
    assert shown.output.startswith("city-x@v1")
    diffed = runner.invoke(
        app,
        ["history", "diff", "v1", "v2", "-c", "city-x", "-f", "json", "--fail-on", "breaking", *db],
    )
    assert diffed.exit_code == 1
    assert json.loads(diffed.output)["old"] == "city-x@v1"
    stored = runner.invoke(app, ["diff", "city-x@v1", "city-x@latest", "--lang", "en", *db])
    assert stored.exit_code == 0
    assert "GC-D209" in stored.output
    unknown = runner.invoke(app, ["history", "diff", "v1", "v9", "-c", "city-x", *db])
    assert unknown.exit_code == 2


def test_the_same_catalog_in_json_and_yaml_has_no_change(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    import yaml

    old = files[0]
    as_yaml = tmp_path / "v1.yaml"
    as_yaml.write_text(
        yaml.safe_dump(json.loads(old.read_text(encoding="utf-8")), allow_unicode=True),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["diff", str(old), str(as_yaml), "-f", "json", "--fail-on", "editorial"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["changes"] == []
