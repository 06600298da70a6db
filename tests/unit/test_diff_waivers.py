"""Waiver files: accepted changes by code and resource, in TOML, YAML or JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcatalog.diff import CatalogDiff, Impact, Side, apply_waivers, compare, read_waivers
from govcatalog.errors import LoadError


def _result() -> CatalogDiff:
    old = Side(
        "a",
        {},
        [{"code": "101001/000001", "name": "人口基本信息"}, {"code": "101001/000002", "name": "x"}],
    )
    return compare(old, Side("b", {}, []))


def test_yaml_waiver_for_every_resource(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "waiver:\n  - code: GC-D102\n    resource: '*'\n    reason: 目录合并\n", encoding="utf-8"
    )
    waivers = read_waivers(path)
    assert waivers[0].reason == "目录合并"
    result = apply_waivers(_result(), waivers)
    assert all(c.waived for c in result)
    assert not result.fails(Impact.BREAKING)
    assert result.count(Impact.BREAKING, waived=True) == 2


def test_json_waiver_for_one_resource(tmp_path: Path) -> None:
    path = tmp_path / "waivers.json"
    path.write_text(
        '{"waiver": [{"code": "GC-D102", "resource": "101001/000002"}]}', encoding="utf-8"
    )
    result = apply_waivers(_result(), read_waivers(path))
    assert [c.waived for c in result] == [False, True]
    assert result.fails(Impact.BREAKING)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bad.toml", '[[waiver]]\ncode = "GC-D999"\n'),
        ("bad.toml", "[[waiver]]\nresource = 'x'\n"),
        ("bad.toml", "not = [toml"),
        ("bad.yaml", "waiver: 3\n"),
    ],
)
def test_bad_waiver_files_are_load_errors(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError):
        read_waivers(path)
