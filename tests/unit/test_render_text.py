"""The text report: findings grouped under the resource they are about, wherever the document
keeps its resources (``/resources/0``, an API envelope's ``/data/records/0``, a bare list's
``/0``)."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from govcatalog import validate
from govcatalog.render import render_text
from tests.helpers import resource


def _text(doc: object) -> str:
    buffer = io.StringIO()
    report = validate(json.dumps(doc, ensure_ascii=False), pack="gb-1272")
    render_text(report, Console(file=buffer, width=300, no_color=True))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("wrap", "prefix"),
    [
        (lambda rs: {"resources": rs}, "/resources"),
        (lambda rs: {"code": 200, "data": {"records": rs, "total": len(rs)}}, "/data/records"),
        (lambda rs: rs, ""),
    ],
)
def test_each_resource_has_its_heading(wrap: object, prefix: str) -> None:
    first = resource(code="101001/000001", update_cycle="每两天", publish_date="2024/03/01")
    second = resource(code="101001/000002", name="户籍人口变动信息", update_cycle="每两天")
    text = _text(wrap([first, second]))  # type: ignore[operator]
    headings = [line.split("  ", 1)[1] for line in text.splitlines() if "  [101001/" in line]
    assert headings == [
        f"信息资源 {prefix}/0  [101001/000001]",
        f"信息资源 {prefix}/1  [101001/000002]",
    ]


@pytest.mark.parametrize("key", ["catalog", "目录信息"])
def test_the_catalog_facts_have_their_own_heading(key: str) -> None:
    # the facts are no resource: their findings are not headed as one
    doc = {key: {"issued": "2025年7月", "标题": "某市目录"}, "resources": [resource()]}
    lines = _text(doc).splitlines()
    headings = [line.split("  ", 1)[1] for line in lines if line.startswith("<json>  ")]
    assert f"目录信息 /{key}" in headings
    assert not [h for h in headings if h.startswith(f"信息资源 /{key}")]
    facts = lines.index(next(line for line in lines if line.endswith(f"目录信息 /{key}")))
    assert "GC-F019" in lines[facts + 1] or "GC-S004" in lines[facts + 1]
