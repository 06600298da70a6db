"""The same findings whether partitions run here or on a process pool."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from govcatalog import ValidationOptions
from govcatalog.io.json_reader import read_json
from govcatalog.packs import Pack
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
