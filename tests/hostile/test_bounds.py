"""Hostile files stay cheap: each case runs in a child process, with its CPU time and
peak memory measured there (``resource.getrusage`` of the child), and ends with a
clear outcome — a finding or one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile import corpus

CPU_SECONDS = 5.0
PEAK_BYTES = 500 * 1024**2


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    cpu: float
    peak: int


def _run(*args: str) -> Run:
    """Run the command line in a child; its CPU seconds and peak resident bytes."""
    code = (
        "import resource, subprocess, sys, json\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([p.returncode, p.stdout.decode(errors='replace'),"
        " p.stderr.decode(errors='replace'), u.ru_utime + u.ru_stime, u.ru_maxrss * 1024]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, sys.executable, "-m", "govcatalog", *args],
        capture_output=True,
        check=True,
        timeout=120,
    )
    rc, stdout, stderr, cpu, peak = json.loads(out.stdout)
    return Run(rc, stdout, stderr, cpu, peak)


def _bounded(run: Run) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.cpu <= CPU_SECONDS, f"{run.cpu:.1f} s of CPU"
    assert run.peak <= PEAK_BYTES, f"{run.peak / 1024**2:.0f} MB peak"


def test_unclosed_row_with_a_sea_of_blanks_is_refused(tmp_path: Path) -> None:
    # 64 MB of blanks in a ~70 KB file (before: 256 MB took 47 s and 650 MB).
    path = corpus.unclosed_row(tmp_path / "row.xlsx", 64 * 1024**2)
    assert path.stat().st_size < 200_000
    run = _run("validate", str(path), "--lang", "en")
    _bounded(run)
    assert run.peak > 10 * 1024**2  # the measure sees the child, not nothing
    assert run.code == 2
    assert "zip bomb" in run.stdout


def test_rows_bomb_is_refused(tmp_path: Path) -> None:
    path = corpus.empty_rows(tmp_path / "rows.xlsx", 200_000)
    run = _run("validate", str(path), "--lang", "en")
    _bounded(run)
    assert run.code == 2
    assert "zip bomb" in run.stdout


def test_duplicate_names_report_a_bounded_sample(tmp_path: Path) -> None:
    # Before: 3,000 duplicates wrote a 151 MB report with 1.3 GB peak memory.
    path = corpus.duplicate_names(tmp_path / "dup.json", 3000)
    run = _run("validate", str(path), "--format", "json", "--lang", "en")
    _bounded(run)
    findings = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "GC-C003"]
    assert len(findings) == 3000
    assert len(run.stdout) < 5_000_000
    # five others named where they are, the rest counted
    assert all(f["message"].count(" line 1 /resources/") == 5 for f in findings)
    assert all(" and 2994 more)" in f["message"] for f in findings)


def test_huge_value_is_echoed_truncated(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    from tests.helpers import resource

    path.write_text(
        json.dumps({"resources": [resource(provider_code="9" * 5_000_000)]}), encoding="utf-8"
    )
    for fmt in ("sarif", "csv"):
        run = _run("validate", str(path), "--format", fmt, "--lang", "en")
        _bounded(run)
        assert len(run.stdout) < 50_000, fmt
        assert "chars]" in run.stdout, fmt


@pytest.mark.parametrize("fast", ["1", "0"])
def test_thousands_of_keys_given_twice_are_said_in_bounded_time(
    tmp_path: Path, fast: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each said where its later value is: a locator that walked the object again for each
    # would take quadratic time (10,000 walks of 20,000 members).
    members = ", ".join(f'"k{i}": 1, "k{i}": [{i}]' for i in range(10_000))
    path = tmp_path / "twice.json"
    path.write_text('{"resources": [{"name": "x", "extensions": {' + members + "}}]}")
    monkeypatch.setenv("GOVCATALOG_FAST", fast)
    run = _run("validate", str(path), "--format", "json", "--lang", "en")
    _bounded(run)
    said = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "GC-S007"]
    assert len(said) == 10_000
    last = said[-1]["location"]
    assert (last["pointer"], last["column"]) == (
        "/resources/0/extensions/k9999",
        path.read_text().index("[9999]") + 1,
    )


@pytest.mark.parametrize(
    ("suffix", "fast"),
    [(".json", "1"), (".json", "0"), (".yaml", "1")],
    ids=["json", "text", "yaml"],
)
def test_thousands_of_unknown_keys_are_located_in_bounded_time(
    tmp_path: Path, suffix: str, fast: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each said where its value is: a locator that searched the resource from its start for
    # each took quadratic time (before: 111 s of CPU for this file, 98 s read as text, 40 s
    # written in YAML).
    path = corpus.unknown_keys(tmp_path / f"keys{suffix}", 20_000)
    monkeypatch.setenv("GOVCATALOG_FAST", fast)
    run = _run("validate", str(path), "--format", "json", "--lang", "en")
    _bounded(run)
    said = [f["location"] for f in json.loads(run.stdout)["findings"] if f["code"] == "GC-S004"]
    assert len(said) == 20_000
    text = path.read_text(encoding="utf-8")
    for n in (0, 12_345, 19_999):
        key = f"k{n:05d}"
        at = text.index(key) + len(key) + len('": ' if suffix == ".json" else ": ")
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        assert (said[n]["pointer"], said[n]["line"], said[n]["column"]) == (
            f"/resources/0/{key}",
            line,
            column,
        )


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_json_is_one_line(tmp_path: Path, depth: int) -> None:
    path = corpus.deep_json(tmp_path / "deep.json", depth)
    run = _run("validate", str(path))
    _bounded(run)
    assert run.code == 2
    assert run.stderr.count("\n") == 1, run.stderr
    assert "nested too deeply" in run.stderr


def test_partitions_are_submitted_as_workers_keep_pace() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from govcatalog.validate import bounded_map

    read = 0
    taken = 0
    ahead: list[int] = []

    def items() -> Iterator[int]:
        nonlocal read
        for n in range(100):
            read += 1
            ahead.append(read - taken)
            yield n

    with ThreadPoolExecutor(max_workers=2) as pool:
        out = []
        for value in bounded_map(pool, lambda n: n * n, items()):
            taken += 1
            out.append(value)
    assert out == [n * n for n in range(100)]
    assert max(ahead) <= 4  # twice the workers, never the whole input

    with ThreadPoolExecutor(max_workers=2) as pool:
        read = taken = 0
        first = next(bounded_map(pool, lambda n: n, items()))
    assert first == 0
    assert read <= 4  # stopping early reads no further
