"""The shipped example catalogs: the clean ones are clean, the one with errors gives exactly the
findings its README documents, and the CLI reads them by their short names."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from govcatalog import Severity, ValidationOptions, load_catalog, validate
from govcatalog.packs import Pack

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TODAY = dt.date(2026, 1, 15)
OPTIONS = ValidationOptions(today=TODAY)
_ROW = re.compile(r"^\|\s*(\d+)\s*\|.*\|\s*((?:`GC-[A-Z]\d{3}`\s*)+)\|\s*$")
_INDEX = re.compile(r"^/信息资源/(\d+)")


def documented_findings() -> Counter[tuple[int, str]]:
    """(resource position, code) → count, from the table of mistakes in examples/README.md."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    section = text.split("## The mistakes in city-catalog-with-errors.json", 1)[1]
    intended: Counter[tuple[int, str]] = Counter()
    for line in section.splitlines():
        m = _ROW.match(line)
        if m:
            for code in re.findall(r"GC-[A-Z]\d{3}", m[2]):
                intended[(int(m[1]), code)] += 1
    return intended


@pytest.mark.parametrize("name", ["city-catalog.json", "small-catalog.yaml"])
def test_clean_examples_have_no_error_or_warning(name: str) -> None:
    report = validate(EXAMPLES / name, options=OPTIONS)
    assert report.at_least(Severity.WARNING).table("code", "pointer") == []
    assert report.stats.resources >= 5


def test_city_catalog_is_of_the_advertised_size_and_variety() -> None:
    catalog = load_catalog(EXAMPLES / "city-catalog.json")
    resources = catalog.resources
    assert 50 <= len(resources) <= 80
    assert len({r.provider for r in resources}) >= 10
    assert {r.category.lei.value for r in resources if r.category.lei} == {
        "基础信息资源目录",
        "主题信息资源目录",
        "部门信息资源目录",
    }
    assert {r.share.share_type.value for r in resources if r.share.share_type} == {
        "无条件共享",
        "有条件共享",
        "不予共享",
    }
    assert any(r.open.open_to_public for r in resources)
    assert all(5 <= len(r.items) <= 30 for r in resources if r.items)
    codes = [r.code for r in resources]
    assert len(set(codes)) == len(codes)
    assert {c for r in resources for c in r.related_codes} <= set(codes)


def test_city_catalog_codes_follow_the_pack_code_table(pack: Pack) -> None:
    catalog = load_catalog(EXAMPLES / "city-catalog.json")
    digit = {"基础信息资源目录": "1", "主题信息资源目录": "2", "部门信息资源目录": "3"}
    for r in catalog.resources:
        assert r.category.lei is not None
        assert r.category.xiang is not None
        code = r.parsed_code(pack.code_rules)
        assert code is not None, r.code
        assert code.lei == digit[r.category.lei.value]
        assert code.xiang == pack.xiang_codes[r.category.lei.value][r.category.xiang]


def test_example_with_errors_gives_the_documented_findings() -> None:
    intended = documented_findings()
    assert len(intended) >= 30
    report = validate(EXAMPLES / "city-catalog-with-errors.json", options=OPTIONS)
    found: Counter[tuple[int, str]] = Counter()
    for code, pointer in report.table("code", "pointer"):
        m = _INDEX.match(str(pointer))
        assert m, pointer
        found[(int(m[1]), str(code))] += 1
    assert found == intended
    by_code: Counter[str] = Counter()
    for (_, code), n in intended.items():
        by_code[code] += n
    assert dict(report.by_code()) == dict(sorted(by_code.items()))


def test_example_with_errors_is_a_copy_of_the_clean_one() -> None:
    clean = json.loads((EXAMPLES / "city-catalog.json").read_text(encoding="utf-8"))
    broken = json.loads((EXAMPLES / "city-catalog-with-errors.json").read_text(encoding="utf-8"))
    resources = broken["信息资源"]
    assert len(resources) == len(clean["resources"]) + 1
    documented = {i for i, _ in documented_findings()}
    for i, (a, b) in enumerate(zip(clean["resources"], resources, strict=False)):
        if i not in documented:
            assert a == b, f"resource {i} differs but no mistake is documented for it"


@pytest.mark.parametrize(("example", "exit_code"), [("city", 0), ("city-errors", 1)])
def test_cli_reads_the_examples_by_name(example: str, exit_code: int) -> None:
    command = [sys.executable, "-m", "govcatalog", "validate", "--example", example, "-f", "json"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == exit_code, result.stderr
    data = json.loads(result.stdout)
    assert data["stats"]["resources"] >= 60
    assert data["conforms"] is (exit_code == 0)


def test_examples_are_shipped_with_the_package() -> None:
    from importlib.resources import files

    shipped = files("govcatalog") / "_data" / "examples"
    for name in ("city-catalog.json", "city-catalog-with-errors.json", "small-catalog.yaml"):
        assert (shipped / name).is_file(), name
    shipped_city = Path(str(shipped / "city-catalog.json")).read_bytes()
    assert shipped_city == (EXAMPLES / "city-catalog.json").read_bytes()
