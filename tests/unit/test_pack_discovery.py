"""Discovery: packs installed as distributions are found through the entry-point group,
version ranges resolve, and an unknown, ambiguous or broken pack is a clear error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.errors import PackError, UnknownPack
from govcatalog.packs.registry import ENTRY_POINT_GROUP, PackRegistry, default_registry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "extpack"


def install(site: Path, dist: str, entry: str) -> None:
    """Make ``dist`` look installed on ``site``: a .dist-info with an entry point."""
    info = site / f"{dist.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{entry}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A site folder on sys.path holding the fixture distribution."""
    folder = tmp_path / "site"
    shutil.copytree(FIXTURE / "src", folder)
    install(folder, "govcatalog-extpack", "extpack = govcatalog_extpack:standards")
    monkeypatch.syspath_prepend(str(folder))
    default_registry.cache_clear()
    yield folder
    default_registry.cache_clear()
    for name in [m for m in sys.modules if m.startswith("govcatalog_extpack")]:
        del sys.modules[name]


def test_installed_pack_is_found(site: Path) -> None:
    registry = PackRegistry()
    origins = {s.ref: s.origin for s in registry.sources()}
    assert origins["ext-city@1.0.0"] == "govcatalog-extpack:extpack"
    assert origins["gb-1272@1.0.0"] == "govcatalog:builtin"  # the built-ins, same path
    pack = registry.load("ext-city@^1")
    assert pack.lineage == ("ext-city@1.0.0", "example-province@1.0.0", "gb-1272@1.0.0")
    assert pack.fields.get("extensions.data_scope").required


def test_nothing_is_scanned_before_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def spy(group: str) -> list[object]:
        calls.append(group)
        return []

    monkeypatch.setattr("govcatalog.packs.registry.entry_points", spy)
    registry = PackRegistry()
    assert calls == []
    assert registry.sources() == ()
    assert calls == [ENTRY_POINT_GROUP]


def test_import_does_not_load_entry_points(tmp_path: Path) -> None:
    site = tmp_path / "site"
    install(site, "broken-pack", "broken = no_such_module_anywhere:standards")
    code = "import govcatalog, govcatalog.cli, govcatalog.packs; print('imported')"
    env = {"PYTHONPATH": f"{site}:{Path(__file__).resolve().parents[2] / 'src'}"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "imported"


def test_broken_entry_point_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    install(site, "broken-pack", "broken = no_such_module_anywhere:standards")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(PackError, match="no_such_module_anywhere"):
        PackRegistry().sources()


@pytest.mark.parametrize("ref", ["ext-city@^2", "no-such-pack", "ext-city@1.0.1"])
def test_unknown_pack_or_range(site: Path, ref: str) -> None:
    with pytest.raises(UnknownPack, match="no pack matches") as err:
        PackRegistry().load(ref)
    assert "ext-city@1.0.0" in str(err.value)


def test_same_version_from_two_origins(site: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(site / "govcatalog_extpack" / "standards", other)
    same = PackRegistry().with_root("copy", other)
    assert same.resolve("ext-city@^1").ref == "ext-city@1.0.0"  # identical files: one pack
    manifest = other / "ext-city" / "1.0.0" / "pack.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    different = PackRegistry().with_root("copy", other)
    with pytest.raises(UnknownPack, match="ambiguous"):
        different.resolve("ext-city@^1")


def test_validate_with_an_installed_pack_range(site: Path, tmp_path: Path) -> None:
    rec = {
        "category": {"lei": "部门信息资源目录", "xiang": "国务院", "mu": "005"},
        "name": "企业登记信息",
        "code": "303005/00001",
        "provider": "市市场监督管理局",
        "provider_code": "91350100M000100Y43",
        "abstract": "企业登记基本信息",
        "format": {"format_class": "数据库", "format_types": ["MySQL"]},
        "items": [{"name": "统一社会信用代码", "data_type": "字符型", "length": 18}],
        "share": {"share_type": "无条件共享", "share_mode_class": "介质方式"},
        "open": {"open_to_public": False},
        "update_cycle": "每日",
        "publish_date": "2024-03-01",
        "secrecy": "非涉密政务信息资源目录",
        "信息系统名称": "登记系统",
        "系统部署网络": "互联网",
        "所属处室": "登记处",
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"resources": [rec]}, ensure_ascii=False), encoding="utf-8")
    _register()
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(path), "--pack", "example-province@^1", "-f", "json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["pack"] == "example-province@1.0.0"
    city = runner.invoke(app, ["validate", str(path), "--pack", "ext-city@^1", "-f", "json"])
    assert city.exit_code == 1
    codes = [f["code"] for f in json.loads(city.stdout)["findings"]]
    assert "GC-F001" in codes  # 数据范围 is required by the city
    unknown = runner.invoke(app, ["validate", str(path), "--pack", "ext-city@^9"])
    assert unknown.exit_code == 2
    assert "no pack matches" in unknown.output
