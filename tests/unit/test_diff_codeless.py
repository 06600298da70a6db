"""Diff of catalogs without 信息资源代码: portal crawls, duplicates, changes of the export's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.diff import ChangeKind, diff
from govcatalog.diff.compare import compare
from govcatalog.diff.impact import Impact
from govcatalog.diff.plan import Side

PORTAL = Path("real-catalogs") / "portal-shanghai_shanghai.json"
"""A real portal export, inside the reference material."""

K = ChangeKind


def _records() -> list[dict[str, object]]:
    return [
        {"标题": f"数据集{i}", "数据提供方": "市统计局", "更新频度": "每年", "摘要": f"摘要{i}"}
        for i in range(20)
    ]


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def _crawls(tmp_path: Path, records: list[dict[str, object]]) -> tuple[Path, Path]:
    later = [dict(r, 浏览量=100 + i, 下载量=i) for i, r in enumerate(records)]
    return _write(tmp_path / "a.json", records), _write(tmp_path / "b.json", later)


@pytest.mark.parametrize(
    ("pack", "downloads", "views"),
    [
        (None, "extensions.下载量", "extensions.浏览量"),  # undeclared: kept under their headings
        ("open-data-portal", "extensions.downloads", "extensions.views"),  # the pack's fields
    ],
)
def test_a_later_crawl_adding_two_fields_is_two_schema_changes(
    tmp_path: Path, pack: str | None, downloads: str, views: str
) -> None:
    records = _records()
    records.append(dict(records[3]))  # listed twice, on both sides
    a, b = _crawls(tmp_path, records)
    b_records = json.loads(b.read_text(encoding="utf-8"))
    b_records[-1] = dict(b_records[3])  # the duplicate stays a duplicate in the later crawl
    _write(b, b_records)
    result = diff(a, b, pack=pack)
    kinds = sorted((c.kind, c.field) for c in result)
    assert kinds == sorted(
        [(K.FIELD_ADDED_EVERYWHERE, downloads), (K.FIELD_ADDED_EVERYWHERE, views)]
    )
    assert {c.new for c in result} == {len(records)}
    assert not result.fails(Impact.BREAKING)
    # Read backwards, the same two fields are removed from every record: breaking.
    back = diff(b, a, pack=pack)
    assert sorted((c.kind, c.field, c.old) for c in back) == sorted(
        (c.kind, c.field, c.old) for c in result.mirror()
    )
    assert [c.kind for c in back] == [K.FIELD_REMOVED_EVERYWHERE] * 2
    assert back.fails(Impact.BREAKING)


def test_a_field_added_to_a_few_records_stays_per_record(tmp_path: Path) -> None:
    records = _records()
    later = [dict(r) for r in records]
    later[0]["浏览量"] = 5
    result = diff(_write(tmp_path / "a.json", records), _write(tmp_path / "b.json", later))
    assert [(c.kind, c.field, c.resource is not None) for c in result] == [
        (K.EXTENSION_CHANGED, "extensions.浏览量", True)
    ]


def test_identical_duplicates_pair_up_by_name_and_provider() -> None:
    rec = {"name": "企业登记信息", "provider": "市场监管局", "abstract": "a"}
    other = {"name": "企业登记信息", "provider": "市场监管局", "abstract": "b"}
    old = Side("a", {}, [dict(rec), dict(rec)])
    new = Side("b", {}, [dict(other), dict(other)])
    result = compare(old, new)
    assert sorted(c.kind for c in result) == [K.ABSTRACT_CHANGED] * 2
    # Two different records under one name and provider still cannot be told apart.
    mixed = Side("b", {}, [dict(other), dict(rec, abstract="c")])
    assert [c.kind for c in compare(old, mixed)] == [K.RESOURCE_AMBIGUOUS]


@pytest.mark.reference
def test_real_portal_crawls_through_the_cli(tmp_path: Path, reference: Path) -> None:
    # The reference fixture skips without ../shared, and fails instead where CI requires it.
    records = json.loads((reference / PORTAL).read_text(encoding="utf-8"))
    a, b = _crawls(tmp_path, records)
    _register()
    out = CliRunner().invoke(
        app, ["diff", str(a), str(b), "--fail-on", "breaking", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    changes = json.loads(out.output)["changes"]
    assert sorted(c["code"] for c in changes) == ["GC-D501", "GC-D501"]
    back = CliRunner().invoke(app, ["diff", str(b), str(a), "--fail-on", "breaking"])
    assert back.exit_code == 1
