"""Several files, one report: the library's file-set validation (govcatalog.batch)."""

from __future__ import annotations

import datetime as dt
import gc
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from govcatalog import ValidationOptions, validate
from govcatalog.batch import validate_many
from govcatalog.errors import LoadError, PackError
from govcatalog.report import Report
from tests.helpers import resource, write_catalog

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))


def _pair(tmp_path: Path) -> list[Path]:
    """Two parts of one catalog: a code used in both, related codes pointing across."""
    first = write_catalog(
        tmp_path / "a.json",
        resource(code="101001/000001", name="户籍人口基本信息"),
        resource(code="101001/000002", name="流动人口信息", related_codes=["101001/000003"]),
    )
    second = write_catalog(
        tmp_path / "b.json",
        resource(code="101001/000003", name="暂住人口信息", related_codes=["101001/000001"]),
        resource(code="101001/000002", name="出生人口信息", related_codes=["101001/999999"]),
    )
    return [first, second]


def _fingerprint(report: Report) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(f.code, f.location.file, f.location.pointer, f.location.line) for f in report]


def test_independent_files_give_each_file_its_own_report(tmp_path: Path) -> None:
    paths = _pair(tmp_path)
    merged = validate_many(paths, options=OPTIONS).report
    alone = [validate(p, options=OPTIONS) for p in paths]
    assert merged.findings == Report.merged(alone, "").findings
    assert merged.stats.files == 2
    assert merged.stats.resources == 4
    # each file alone: the related codes into the other file do not resolve
    assert [f.code for f in merged if f.code.startswith("GC-C")] == ["GC-C001"] * 3


def test_one_catalog_sees_duplicates_and_related_codes_across_files(tmp_path: Path) -> None:
    first, second = _pair(tmp_path)
    report = validate_many([first, second], options=OPTIONS, one_catalog=True).report
    unresolved = [f for f in report if f.code == "GC-C001"]
    assert [(f.location.file, f.value) for f in unresolved] == [(str(second), "101001/999999")]
    twice = [f for f in report if f.code == "GC-R008"]
    assert [(f.location.file, f.location.pointer) for f in twice] == [
        (str(first), "/resources/1/code"),
        (str(second), "/resources/1/code"),
    ]
    # the other copy is named with its file, being in another one, and where its finding is
    there, here = twice[1].location, twice[0].location
    assert f"(also at {second} line {there.line} {there.pointer})" in twice[0].message_en
    assert f"（另见 {first} 第 {here.line} 行 {here.pointer}）" in twice[1].message_zh


def test_one_file_as_one_catalog_is_validate(tmp_path: Path) -> None:
    path = _pair(tmp_path)[1]
    assert validate_many([path], options=OPTIONS, one_catalog=True).report.findings == (
        validate(path, options=OPTIONS).findings
    )


def test_process_pool_reads_the_files_and_agrees(tmp_path: Path) -> None:
    paths = _pair(tmp_path)
    for one in (False, True):
        here = validate_many(paths, options=OPTIONS, one_catalog=one)
        with ProcessPoolExecutor(max_workers=2) as pool:
            there = validate_many(paths, options=OPTIONS, one_catalog=one, executor=pool)
        assert gc.isenabled()  # paused while the outcomes arrived, and only then
        assert _fingerprint(there.report) == _fingerprint(here.report)
        assert there.report.findings == here.report.findings
        assert there.report.regime_en == here.report.regime_en


def test_outcomes_arriving_out_of_order_are_given_in_the_order_of_the_files(
    tmp_path: Path,
) -> None:
    # the first file is the largest: it is submitted first but ends last
    many = [resource(code=f"101001/{n:06d}", update_cycle="每天") for n in range(1, 301)]
    large = write_catalog(tmp_path / "large.json", *many)
    paths = [large, *_pair(tmp_path)]
    for options in (OPTIONS, ValidationOptions(today=OPTIONS.today, max_findings=5)):
        here = validate_many(paths, options=options, one_catalog=True).report
        with ProcessPoolExecutor(max_workers=2) as pool:
            there = validate_many(paths, options=options, one_catalog=True, executor=pool)
        assert there.report.findings == here.findings
        assert replace(there.report.stats, seconds=0) == replace(here.stats, seconds=0)
    assert here.truncated
    assert here.stats.files == 1


def test_the_limit_stops_before_the_next_file(tmp_path: Path) -> None:
    paths = _pair(tmp_path)
    bad = write_catalog(tmp_path / "bad.json", resource(update_cycle="每天"))
    options = ValidationOptions(today=OPTIONS.today, max_findings=1)
    for one in (False, True):
        report = validate_many([bad, *paths], options=options, one_catalog=one).report
        assert report.truncated
        assert report.stats.files == 1
        assert [f.code for f in report] == ["GC-F003"]
    none = validate_many(paths, options=ValidationOptions(max_findings=0)).report
    assert (len(none), none.stats.files, none.truncated) == (0, 0, True)


def test_an_unreadable_file_is_a_finding_and_a_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    good = _pair(tmp_path)[0]
    with ProcessPoolExecutor(max_workers=1) as pool:
        for executor in (None, pool):
            result = validate_many([broken, good], options=OPTIONS, executor=executor)
            assert len(result.errors) == 1
            assert str(broken) in result.errors[0]
            codes = [f.code for f in result.report if f.location.file == str(broken)]
            assert codes == ["GC-S001"]
            assert result.report.stats.files == 2


def test_names_label_the_files(tmp_path: Path) -> None:
    paths = _pair(tmp_path)
    report = validate_many(paths, options=OPTIONS, names=["甲", "乙"], one_catalog=True).report
    assert {f.location.file for f in report} == {"甲", "乙"}
    twice = {f.location.file: f for f in report if f.code == "GC-R008"}
    assert f"另见 乙 第 {twice['乙'].location.line} 行" in twice["甲"].message_zh


def test_shacl_runs_file_by_file_here_only(tmp_path: Path) -> None:
    from govcatalog.batch import Engine

    with pytest.raises(ValueError, match="SHACL"):
        validate_many(_pair(tmp_path), engine=Engine.SHACL, one_catalog=True)


def test_errors_reach_the_caller_from_another_process() -> None:
    for error in (LoadError("a.json", "坏", "bad", 3, 4), PackError("x@1", "pack.toml", "bad")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
