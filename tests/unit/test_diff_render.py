"""Renderings of a diff: text, JSON, Markdown, JSON Patch, HTML for notebooks, DataFrame."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from rich.console import Console

from govcatalog.diff import CatalogDiff, apply_patch, canonical_document, compare
from govcatalog.diff.load import field_names, side_from_document
from govcatalog.diff.render import render_json, render_markdown, render_patch, render_text
from govcatalog.packs import get_pack
from govcatalog.report import Lang


def _doc(share: str, length: int, extra: bool) -> dict[str, Any]:
    resources: list[dict[str, Any]] = [
        {
            "name": "人口基本信息",
            "code": "101001/000001",
            "provider": "市公安局",
            "items": [{"name": "姓名", "data_type": "字符型", "length": length}],
            "share": {"share_type": share},
            "abstract": "户籍人口 | 常住人口",
        }
    ]
    if extra:
        resources.append(
            {"name": "法人基本信息", "code": "101002/000001", "provider": "市市场监管局"}
        )
    return {"catalog": {"version": "1" if extra else "2"}, "resources": resources}


@pytest.fixture
def result() -> CatalogDiff:
    old = side_from_document(_doc("无条件共享", 50, extra=True), "v1.json")
    new = side_from_document(_doc("有条件共享", 80, extra=False), "v2.json")
    return compare(old, new, field_names(get_pack()))


def test_text_groups_by_impact(result: CatalogDiff) -> None:
    buffer = io.StringIO()
    render_text(result, Console(file=buffer, width=200), Lang.EN)
    text = buffer.getvalue()
    assert (
        text.index("Breaking changes") < text.index("Compatible changes") < text.index("Editorial")
    )
    assert "GC-D209" in text
    assert "GC-D102" in text
    assert "2 breaking, 1 compatible, 1 editorial" in text


def test_json(result: CatalogDiff) -> None:
    data = json.loads(render_json(result, Lang.EN))
    assert data["summary"] == {"breaking": 2, "compatible": 1, "editorial": 1, "waived": 0}
    assert {c["code"] for c in data["changes"]} == {c.code for c in result}
    removed = next(c for c in data["changes"] if c["kind"] == "resource-removed")
    assert removed["resource"]["old_code"] == "101002/000001"


def test_markdown_is_bilingual_and_escapes_pipes(result: CatalogDiff) -> None:
    text = render_markdown(result)
    assert "## 破坏性变更 / Breaking changes (2)" in text
    assert "共享类型收紧 / Share type tightened" in text
    assert "The share type was tightened" in text
    for line in text.splitlines():
        if line.startswith("| GC-"):
            assert line.count(" | ") == 4


def test_patch_text_applies(result: CatalogDiff) -> None:
    patch = json.loads(render_patch(result))
    old = canonical_document(side_from_document(_doc("无条件共享", 50, extra=True)))
    new = canonical_document(side_from_document(_doc("有条件共享", 80, extra=False)))
    assert apply_patch(old, patch) == new


def test_html_for_notebooks(result: CatalogDiff) -> None:
    html = result._repr_html_()
    assert html.count("<tr>") == len(result) + 1
    assert "GC-D209" in html
    assert "&lt;" not in html or "<script" not in html


def test_to_pandas(result: CatalogDiff) -> None:
    pytest.importorskip("pandas")
    frame = result.to_pandas()
    assert len(frame) == len(result)
    assert list(frame["code"]) == [c.code for c in result]
    assert set(frame["impact"]) == {"breaking", "compatible", "editorial"}


def test_empty_diff_renders() -> None:
    side = side_from_document(_doc("无条件共享", 50, extra=True))
    empty = compare(side, side)
    assert "No changes" in empty._repr_html_()
    assert "没有变更" in render_markdown(empty)
