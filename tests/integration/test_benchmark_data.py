"""The benchmark generator writes catalogs that read as catalogs and exercise every rule."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType

from govcatalog import validate

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    script = ROOT / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generated_catalog_has_every_defect_kind(tmp_path: Path) -> None:
    gen = _generator()
    out = io.StringIO()
    tally = gen.generate(out, 800, seed=7)
    text = out.getvalue()
    doc = json.loads(text)
    assert len(doc["resources"]) == 800
    assert tally["items"] == sum(len(r.get("items", ())) for r in doc["resources"])
    assert set(tally) - {"items"} == set(gen.DEFECTS)
    path = tmp_path / "synthetic.json"
    path.write_text(text, encoding="utf-8")
    codes = set(validate(path).by_code())
    expected = {f"GC-R{n:03d}" for n in range(1, 14)} | {"GC-C001", "GC-C002", "GC-C003"}
    expected |= {f"GC-F{n:03d}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)} | {"GC-S004"}
    assert expected <= codes


def test_generator_is_seeded() -> None:
    gen = _generator()
    first, second, other = io.StringIO(), io.StringIO(), io.StringIO()
    gen.generate(first, 50, seed=3)
    gen.generate(second, 50, seed=3)
    gen.generate(other, 50, seed=4)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue() != other.getvalue()
