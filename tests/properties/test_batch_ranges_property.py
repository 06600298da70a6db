"""Byte ranges change nothing but who reads: any catalog, any range size, one process's findings.

Hypothesis makes catalogs of valid and broken resources (codes repeated, related codes into
the catalog, out of it and to the resource itself, values out of their vocabulary, elements
missing, Chinese text), written in any layout (indented or not, several resources a line,
facts before or after the resources, dated or not); each is validated in one process and as
tasks (in this process) with a range size that splits it, alone and beside a second file
of the same catalog.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog.batch import validate_many
from govcatalog.validate import ValidationOptions
from tests.helpers import resource
from tests.unit.test_batch_ranges import Inline

pytest.importorskip("msgspec")

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))

_changes = st.fixed_dictionaries(
    {},
    optional={
        "name": st.sampled_from(["户籍人口基本信息", "", "暂无", "企业登记信息“甲”"]),
        "update_cycle": st.sampled_from(["每天", "实时", "每月", "月报"]),
        "abstract": st.none(),
        "provider": st.sampled_from(["示例市公安局", "示例市统计局", ""]),
        "publish_date": st.sampled_from(["2024-3-1", "2024-03-01", "昨天"]),
    },
)


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    count = draw(st.integers(2, 14))
    codes = [f"1010{draw(st.integers(1, 2)):02d}/{n:06d}" for n in range(1, count + 1)]
    resources = []
    for n in range(count):
        code = codes[draw(st.integers(0, count - 1))] if draw(st.booleans()) else codes[n]
        related = draw(st.lists(st.sampled_from([*codes, "109999/000001"]), max_size=2))
        res = resource(code=code, related_codes=related or None, **draw(_changes))
        resources.append(res)
    facts: dict[str, Any] = {"name": "目录"}
    if draw(st.booleans()):
        facts["issued"] = draw(st.sampled_from(["2024-05-01", "2025-09-01"]))
    if draw(st.booleans()):
        facts["region_code"] = draw(st.sampled_from(["420000", "999999"]))
    return resources, facts


def _write(path: Path, resources: list[dict[str, Any]], facts: dict[str, Any], how: int) -> None:
    facts_text = json.dumps(facts, ensure_ascii=False)
    if how == 0:  # indented, facts first
        text = json.dumps({"catalog": facts, "resources": resources}, ensure_ascii=False, indent=2)
    elif how == 1:  # two resources a line, facts last
        items = [json.dumps(r, ensure_ascii=False) for r in resources]
        lines = [", ".join(items[k : k + 2]) for k in range(0, len(items), 2)]
        text = '{"resources": [' + ",\n".join(lines) + '],\n "catalog": ' + facts_text + "}"
    else:  # one line, escaped
        text = json.dumps({"catalog": facts, "resources": resources})
    path.write_text(text, encoding="utf-8")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    catalogs(),
    catalogs(),
    st.integers(0, 2),
    st.integers(0, 2),
    st.just(0.0) | st.floats(0.05, 0.5),
)
def test_ranges_give_the_findings_of_one_process(
    tmp_path: Path,
    first: tuple[list[dict[str, Any]], dict[str, Any]],
    second: tuple[list[dict[str, Any]], dict[str, Any]],
    how: int,
    other: int,
    share: float,
) -> None:
    paths = [tmp_path / "a.json", tmp_path / "b.json"]
    _write(paths[0], *first, how)
    _write(paths[1], *second, other)
    # a share of the file (whole resources: one range, or several); 0: a range a resource
    size = max(1, int(paths[0].stat().st_size * share))
    for files, one in ((paths[:1], False), (paths, True)):
        here = validate_many(files, options=OPTIONS, one_catalog=one).report
        inline = Inline()
        there = validate_many(
            files, options=OPTIONS, one_catalog=one, executor=inline, range_bytes=size
        ).report
        assert there.findings == here.findings
        assert there.stats.resources == here.stats.resources
        assert (there.regime_zh, there.regime_en) == (here.regime_zh, here.regime_en)
        assert "plan_file_wire" in inline.calls
        if size == 1:
            assert inline.calls.count("check_range_wire") >= len(first[0])
