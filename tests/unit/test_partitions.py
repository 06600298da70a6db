"""The same findings whether partitions run here or on a process pool."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from govcatalog import ValidationOptions
from govcatalog.io.json_reader import read_json
from govcatalog.packs import Pack
from govcatalog.records.fast import FastDocument, FastReader
from govcatalog.records.read import open_document
from govcatalog.validate import Validator
from tests.helpers import resource, write_catalog


def test_process_pool_gives_the_same_report(tmp_path: Path, pack: Pack) -> None:
    resources = [
        resource(
            code=f"101001/{i:06d}", name=f"资源{i}", update_cycle="每天" if i % 3 == 0 else "实时"
        )
        for i in range(25)
    ]
    resources.append(resource(code="101001/000003", related_codes=["101001/999999"]))
    path = write_catalog(tmp_path / "c.json", *resources)
    options = ValidationOptions(today=dt.date(2026, 1, 15), partition_size=4)
    validator = Validator(pack, options)
    here = validator.validate_document(read_json(path))
    seen: list[int] = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        there = validator.validate_document(read_json(path), executor=pool, progress=seen.append)
    assert here.findings == there.findings
    assert here.stats.resources == there.stats.resources == 26
    assert seen[-1] == 26
    assert {f.code for f in here} == {"GC-F003", "GC-R008", "GC-C001"}


def _catalog(tmp_path: Path, count: int) -> Path:
    resources = [
        resource(code=f"101001/{i:06d}", name=f"资源{i}", update_cycle="每天" if i % 2 else "实时")
        for i in range(count)
    ]
    return write_catalog(tmp_path / "c.json", *resources)


def test_fast_path_checks_each_resource_as_it_is_read(
    tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A partition is not read whole before it is checked: each resource is let go once
    checked, so the next one reuses its memory (docs/performance.md)."""
    events: list[str] = []
    real_read = FastReader.read

    def read(self: FastReader, raw: object) -> object:
        events.append("read")
        return real_read(self, raw)

    monkeypatch.setattr(FastReader, "read", read)
    options = ValidationOptions(today=dt.date(2026, 1, 15), partition_size=4)
    validator = Validator(pack, options, on_record=lambda _read: events.append("checked"))
    doc = open_document(_catalog(tmp_path, 10), pack)
    assert isinstance(doc, FastDocument)
    seen: list[int] = []
    report = validator.validate_document(doc, progress=seen.append)
    assert events == ["read", "checked"] * 10
    assert seen == [4, 8, 10]  # progress still after each partition of 4
    assert report.stats.resources == 10


def test_fast_path_stops_after_the_partition_that_reached_the_limit(
    tmp_path: Path, pack: Pack
) -> None:
    options = ValidationOptions(today=dt.date(2026, 1, 15), partition_size=4, max_findings=3)
    doc = open_document(_catalog(tmp_path, 20), pack)
    assert isinstance(doc, FastDocument)
    report = Validator(pack, options).validate_document(doc)
    # every other resource gives a GC-F003: the fourth comes in the second partition
    assert report.stats.resources == 8
    assert report.stats.truncated
    assert len(report.findings) == 3
