"""File sets on a real Dask cluster (LocalCluster, two worker processes): the same findings.

A generated catalog with every defect kind, split in four files that refer to each other
(duplicate codes and related codes across files), is validated in this process and on the
cluster, as independent files and as one catalog; the findings must be the same, located
alike, in the same order. So are files large enough (for a small range size) to be read in
byte ranges by several workers (tests/unit/test_batch_ranges.py makes them).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import dask
import pytest
from distributed import Client, LocalCluster, get_task_stream
from typer.testing import CliRunner

from govcatalog.batch import as_executor, validate_many
from govcatalog.cli import app
from govcatalog.report import Report
from govcatalog.validate import ValidationOptions
from tests.unit.test_batch_ranges import RANGE, Inline, per_file_pack, ranged_files

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
runner = CliRunner()


def _generator() -> ModuleType:
    script = ROOT / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    gen = _generator()
    whole = tmp_path_factory.mktemp("dask") / "set.json"
    with whole.open("w", encoding="utf-8") as out:
        gen.generate(out, 240, seed=15)
    paths: list[Path] = gen.split_catalog(whole, 4)
    # a fifth file repeats a code of the first and relates to a resource of the third
    first = json.loads(paths[0].read_text(encoding="utf-8"))["resources"][0]
    third = json.loads(paths[2].read_text(encoding="utf-8"))["resources"][-1]
    # its name is long: echoed clipped, it must come back from a worker as it was made
    extra = {**first, "name": "另一资源" * 150, "related_codes": [third["code"]]}
    fifth = whole.with_name("set-extra.json")
    fifth.write_text(json.dumps({"resources": [extra]}, ensure_ascii=False), encoding="utf-8")
    return [*paths, fifth]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
        ) as cluster,
        Client(cluster) as the_client,
    ):
        yield the_client


def _located(report: Report) -> list[tuple[str, str | None, str | None, int | None, str]]:
    return [
        (f.code, f.location.file, f.location.pointer, f.location.line, f.message_en) for f in report
    ]


def test_cluster_gives_the_findings_of_one_process(
    parts: list[Path], client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = {one: validate_many(parts, options=OPTIONS, one_catalog=one) for one in (False, True)}

    def no_parsing_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the caller read a file: the workers should")

    monkeypatch.setattr("govcatalog.batch.files.open_judged", no_parsing_here)
    for one, expected in here.items():
        there = validate_many(parts, options=OPTIONS, one_catalog=one, executor=client)
        assert _located(there.report) == _located(expected.report)
        assert there.report.findings == expected.report.findings
        assert there.report.stats.resources == expected.report.stats.resources == 241
        assert any(f.value and f.value.endswith(" chars]") for f in there.report)
    # the catalog-wide rules split in three reduce tasks, each sent its share of the summaries
    sharded = validate_many(
        parts, options=OPTIONS, one_catalog=True, executor=client, reduce_shards=3
    )
    assert sharded.report.findings == here[True].report.findings
    # the set refers across its files: as one catalog, related codes resolve into other files
    # and duplicates are found across them
    alone, whole = here[False].report.by_code(), here[True].report.by_code()
    assert whole["GC-C001"] < alone["GC-C001"]
    assert whole["GC-R008"] > alone["GC-R008"]
    extra = str(parts[-1])
    twice = [f for f in here[True].report if f.code == "GC-R008" and f.location.file == extra]
    assert len(twice) == 1
    first = [
        f.location
        for f in here[True].report
        if f.code == "GC-R008" and f.location.file == str(parts[0])
        and f.location.pointer == "/resources/0/code"
    ]  # fmt: skip
    assert len(first) == 1
    assert f"{parts[0]} line {first[0].line} /resources/0/code" in twice[0].message_en
    assert not [f for f in here[True].report if f.code == "GC-C001" and f.location.file == extra]
    assert [f for f in here[False].report if f.code == "GC-C001" and f.location.file == extra]


def test_cli_on_a_scheduler_prints_the_report_of_one_process(
    parts: list[Path], client: Client
) -> None:
    args = ["validate", *map(str, parts), "--one-catalog", "-f", "json", "--lang", "en"]
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--scheduler", client.scheduler.address])
    assert local.exit_code == remote.exit_code == 1, remote.output
    expected, got = json.loads(local.stdout), json.loads(remote.stdout)
    expected["stats"].pop("seconds")
    got["stats"].pop("seconds")
    assert got == expected
    assert any(f["code"] == "GC-R008" for f in got["findings"])


def test_cli_starts_a_local_cluster_of_workers(parts: list[Path]) -> None:
    args = ["validate", str(parts[0]), str(parts[-1]), "--one-catalog", "-f", "json"]
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--workers", "1"])
    assert local.exit_code == remote.exit_code == 1, remote.output
    expected, got = json.loads(local.stdout), json.loads(remote.stdout)
    expected["stats"].pop("seconds")
    got["stats"].pop("seconds")
    assert got == expected


@pytest.mark.parametrize("per_file", [False, True])
def test_cluster_reads_large_files_in_ranges_with_the_findings_of_one_process(
    tmp_path: Path, client: Client, monkeypatch: pytest.MonkeyPatch, per_file: bool
) -> None:
    paths = ranged_files(tmp_path)
    pack = str(per_file_pack(tmp_path / "pack")) if per_file else None
    here = {
        one: validate_many(paths, pack=pack, options=OPTIONS, one_catalog=one).report
        for one in (False, True)
    }

    def no_parsing_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the caller read a file: the workers should")

    monkeypatch.setattr("govcatalog.batch.files.open_judged", no_parsing_here)
    monkeypatch.setattr("govcatalog.batch.reduce.check_catalog", no_parsing_here)
    for one, expected in here.items():
        sent = Inline(as_executor(client))
        # summaries are sent with the reduce task by design: Dask's warning is not shown
        with (
            dask.config.set({"distributed.admin.large-graph-warning-threshold": "1kB"}),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("error")
            there = validate_many(
                paths, pack=pack, options=OPTIONS, one_catalog=one, executor=sent, range_bytes=RANGE
            ).report
        assert sent.calls.count("check_range_wire") >= 7  # two files in ranges
        assert _located(there) == _located(expected)
        assert there.findings == expected.findings
        if one:  # the reduce step in shards: the same findings
            shards = Inline(as_executor(client))
            split = validate_many(
                paths, pack=pack, options=OPTIONS, one_catalog=True, executor=shards,
                range_bytes=RANGE, reduce_shards=4,
            ).report  # fmt: skip
            assert shards.calls.count("catalog_wire") == 4
            assert split.findings == expected.findings
        assert there.stats.resources == expected.stats.resources == 54
        assert (there.regime_zh, there.regime_en) == (expected.regime_zh, expected.regime_en)
    assert any(f.code == "GC-S009" for f in here[True]) is per_file
    assert any(f.code == "GC-R008" and f.location.file == str(paths[1]) for f in here[True])


def test_cli_reads_large_files_in_ranges_on_a_scheduler(tmp_path: Path, client: Client) -> None:
    paths = ranged_files(tmp_path)
    args = ["validate", *map(str, paths), "--one-catalog", "-f", "json", "--lang", "en"]
    local = runner.invoke(app, args)
    ranged = [*args, "--scheduler", client.scheduler.address, "--range-mb", str(RANGE / 2**20)]
    ranged += ["--reduce-shards", "2"]
    with get_task_stream(client) as stream:
        remote = runner.invoke(app, ranged)
    assert local.exit_code == remote.exit_code == 1, remote.output
    ran = [t["key"].partition("-")[0] for t in stream.data]
    assert ran.count("check_range_wire") >= 7
    assert ran.count("catalog_wire") == 2
    expected, got = json.loads(local.stdout), json.loads(remote.stdout)
    expected["stats"].pop("seconds")
    got["stats"].pop("seconds")
    assert got == expected
    assert {"GC-R008", "GC-C001", "GC-F014"} <= {f["code"] for f in got["findings"]}
