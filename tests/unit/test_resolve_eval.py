"""The evaluation set of request item names loads, is consistent, and the resolver runs over it.

Figures are printed by ``benchmarks/eval_resolve.py``; this test guards the floors the set is
held to (precision >= 95 %, recall >= 90 %). It measures answers, not time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from govcatalog.resolve import BaseDataPack, build_index, load_base_pack

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    script = ROOT / "benchmarks" / "eval_resolve.py"
    spec = importlib.util.spec_from_file_location("eval_resolve", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_resolve"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


def test_the_set_is_large_sourced_and_unique() -> None:
    cases = _bench().load_cases()
    assert len(cases) >= 200
    assert len({c.requested for c in cases}) == len(cases)
    assert all(c.source for c in cases)


def test_every_expected_answer_exists(bases: BaseDataPack) -> None:
    index = build_index(bases)
    known = {(r.database, r.name) for r in index.resources()}
    items = {
        (r.database, r.name, i.name) for r in index.resources() for i in index.resource_items(r)
    }
    for case in _bench().load_cases():
        if case.database is None:
            continue
        assert (case.database, case.resource) in known, case
        assert case.item is None or (case.database, case.resource, case.item) in items, case


def test_the_resolver_runs_over_the_set_and_keeps_its_floors(bases: BaseDataPack) -> None:
    bench = _bench()
    score = bench.evaluate(bench.load_cases(), bases)
    assert score.cases >= 200
    assert score.precision >= 0.95, [c.requested for c, _ in score.misses]
    assert score.recall >= 0.90, [c.requested for c, _ in score.misses]
