"""Large JSON files read in byte ranges by several tasks: the findings of one process.

The files are made so that a range size of a few kilobytes splits them in several ranges:
codes repeated and related codes across ranges and across files, findings in the last
resource of a range, Chinese text before a range's start on its line (columns are counted
in characters), the catalog facts after the resources (their date then unseen) or before
them (their date picks the pack), a pack that reports an element no resource carries once
per file (GC-S009), and a file of another shape that is not split. Here the tasks run in
this process (an executor that runs each at once), so that a task can be made to fail;
tests/integration/test_dask.py runs the same files on a Dask cluster.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govcatalog.batch import validate_many
from govcatalog.batch.files import FileTask
from govcatalog.batch.ranges import (
    MIN_RANGE_BYTES,
    RANGE_BYTES,
    ByteRange,
    FilePlan,
    RangeTask,
    _range_bytes,
    check_range_wire,
    plan_file_wire,
    range_for_workers,
    range_target,
    split_ranges,
)
from govcatalog.cli.validate_cmd import _range_size
from govcatalog.io.shape import RESOURCE_KEYS
from govcatalog.records.fast_json import ByteLines, layout, position
from govcatalog.report import Report
from govcatalog.validate import ValidationOptions
from tests.helpers import resource

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
RANGE = 3000
"""Bytes per range: four or five resources."""


class Inline(Executor):
    """Runs each task at once, in this process; or on ``inner``. Records what was sent."""

    def __init__(self, inner: Executor | None = None) -> None:
        self.inner = inner
        self.calls: list[str] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls.append(fn.__name__)
        if self.inner is not None:
            return self.inner.submit(fn, *args, **kwargs)
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _resources(prefix: str, count: int) -> list[dict[str, Any]]:
    out = []
    for n in range(count):
        res = resource(code=f"{prefix}/{n + 1:06d}", name=f"资源“{prefix}”第{n + 1}项")
        res.pop("abstract")  # in none of them: GC-S009 where it is reported per file
        if n % 4 == 3:  # the last of each range of four: one finding each
            res["update_cycle"] = "每天"
        out.append(res)
    return out


def ranged_files(folder: Path) -> list[Path]:
    """Three files of one catalog, the first two large enough to split in ranges."""
    a, b = _resources("101001", 24), _resources("101002", 18)
    a[17]["code"] = a[3]["code"]  # twice in one file, in two ranges
    a[5]["related_codes"] = [a[20]["code"], b[2]["code"], "101009/999999"]
    b[16]["code"] = a[9]["code"]  # in two files
    b[1]["related_codes"] = [a[0]["code"]]
    facts = {"name": "目录", "region_code": "999999"}
    first = folder / "a.json"
    lines = [", ".join(json.dumps(r, ensure_ascii=False) for r in a[k : k + 3]) for k in (0, 3)]
    lines += [json.dumps(r, ensure_ascii=False) for r in a[6:]]
    # several resources on a line (a range may start after Chinese text), facts last
    body = ",\n".join(lines)
    first.write_text(
        '{"resources": [' + body + '],\n"catalog": ' + json.dumps(facts, ensure_ascii=False) + "}",
        encoding="utf-8",
    )
    second = folder / "b.json"  # facts first, dated: the pack of that date; indented
    dated = {"catalog": {**facts, "issued": "2025-09-01"}, "resources": b}
    second.write_text(json.dumps(dated, ensure_ascii=False, indent=2), encoding="utf-8")
    third = folder / "c.json"  # a top-level list: not the plain shape, read whole
    c = _resources("101003", 12)
    c[0]["related_codes"] = [b[0]["code"]]
    c[1]["code"] = a[1]["code"]
    third.write_text(json.dumps(c, ensure_ascii=False, indent=1), encoding="utf-8")
    return [first, second, third]


def per_file_pack(folder: Path) -> Path:
    """A pack reporting an element no resource of a file carries once (GC-S009)."""
    folder.mkdir()
    (folder / "pack.toml").write_text(
        '[pack]\nid = "per-file"\nversion = "1.0.0"\nstatus = "active"\n'
        'extends = "gb-1272@^1"\n[values]\nabsent_elements = "per-file"\n',
        encoding="utf-8",
    )
    return folder


def plan_of(path: Path, pack: str | None = None) -> FilePlan | bytes:
    return plan_file_wire(FileTask(str(path), str(path), pack, OPTIONS), RANGE)


def _located(report: Report) -> list[tuple[object, ...]]:
    return [
        (f.code, f.location.file, f.location.pointer, f.location.line, f.location.column)
        for f in report
    ]


def _same(there: Report, here: Report) -> None:
    assert _located(there) == _located(here)
    assert there.findings == here.findings
    assert there.stats.resources == here.stats.resources
    assert (there.regime_zh, there.regime_en) == (here.regime_zh, here.regime_en)


@pytest.mark.parametrize("one", [False, True])
@pytest.mark.parametrize("per_file", [False, True])
def test_ranges_give_the_findings_of_one_process(tmp_path: Path, one: bool, per_file: bool) -> None:
    paths = ranged_files(tmp_path)
    pack = str(per_file_pack(tmp_path / "pack")) if per_file else None
    here = validate_many(paths, pack=pack, options=OPTIONS, one_catalog=one).report
    inline = Inline()
    there = validate_many(
        paths, pack=pack, options=OPTIONS, one_catalog=one, executor=inline, range_bytes=RANGE
    )
    _same(there.report, here)
    plans = inline.calls.count("plan_file_wire")
    assert plans == 3
    assert inline.calls.count("check_range_wire") == sum(
        len(p.ranges) for p in map(plan_of, paths[:2], [pack, pack]) if isinstance(p, FilePlan)
    )
    # the catalog-wide rules run as tasks: per split file, or once over the whole catalog
    assert inline.calls.count("catalog_wire") == (1 if one else 2)
    lacking = [f.location.file for f in here if f.code == "GC-S009"]
    assert lacking == ([str(p) for p in paths] if per_file else [])


def test_the_files_cover_what_the_ranges_must_get_right(tmp_path: Path) -> None:
    paths = ranged_files(tmp_path)
    here = validate_many(paths, options=OPTIONS, one_catalog=True).report
    a, b = (plan_of(p) for p in paths[:2])
    assert isinstance(a, FilePlan)
    assert isinstance(b, FilePlan)
    assert isinstance(plan_of(paths[2]), bytes)  # read whole by the planning task
    assert len(a.ranges) >= 4
    assert len(b.ranges) >= 3
    assert b.ref.startswith("sharing-2025") and a.ref.startswith("gb-1272")
    ends = {(str(paths[0]), f"/resources/{r.first + r.count - 1}") for r in a.ranges}
    found = {(f.location.file, (f.location.pointer or "").rpartition("/")[0]) for f in here}
    assert ends & found  # a finding in the last resource of a range
    text = paths[0].read_text(encoding="utf-8")
    befores = [text.splitlines()[r.line - 1][: r.column - 1] for r in a.ranges]
    # a range starting after Chinese text on its line: its column counts characters
    assert any(any(ord(c) > 127 for c in before) for before in befores)
    codes = {f.code for f in here}
    assert {"GC-R008", "GC-C001", "GC-F014", "GC-F003"} <= codes


def test_a_range_not_read_as_planned_has_the_file_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = ranged_files(tmp_path)
    here = validate_many(paths, options=OPTIONS, one_catalog=True).report
    real = check_range_wire
    seen: list[int] = []

    def second_fails(task: Any) -> bytes | None:
        seen.append(task.part.first)
        return None if len(seen) == 2 else real(task)

    monkeypatch.setattr("govcatalog.batch.spread.check_range_wire", second_fails)
    inline = Inline()
    there = validate_many(
        paths, options=OPTIONS, one_catalog=True, executor=inline, range_bytes=RANGE
    )
    _same(there.report, here)
    assert inline.calls.count("check_file_wire") == 1


def test_a_file_changed_after_planning_is_read_whole(tmp_path: Path) -> None:
    path = ranged_files(tmp_path)[0]
    plan = plan_of(path)
    assert isinstance(plan, FilePlan)
    task = FileTask(str(path), str(path), None, OPTIONS)
    last = plan.ranges[-1]
    assert plan.stamp == (path.stat().st_size, path.stat().st_mtime_ns)
    assert check_range_wire(RangeTask(task, plan, last)) is not None
    # the same length, another resource where one was: the range is not what was planned
    data = path.read_bytes()
    path.write_bytes(data.replace(b"101001/000024", b"101001/000099"))
    os.utime(path, ns=(plan.stamp[1] + 10**9, plan.stamp[1] + 10**9))
    assert path.stat().st_size == plan.stamp[0]
    assert check_range_wire(RangeTask(task, plan, last)) is None
    path.write_bytes(data[: last.end - 10])
    assert check_range_wire(RangeTask(task, plan, last)) is None


def test_a_large_file_that_cannot_be_read_is_one_finding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"resources": [' + '{"name": "资源"}, ' * 400 + "]", encoding="utf-8")
    paths = [broken, *ranged_files(tmp_path)]
    here = validate_many(paths, options=OPTIONS, one_catalog=True)
    inline = Inline()
    there = validate_many(
        paths, options=OPTIONS, one_catalog=True, executor=inline, range_bytes=RANGE
    )
    _same(there.report, here.report)
    assert there.errors == here.errors
    assert [f.code for f in there.report if f.location.file == str(broken)] == ["GC-S001"]
    assert inline.calls.count("plan_file_wire") == 4


def test_with_a_finding_limit_files_are_not_split(tmp_path: Path) -> None:
    paths = ranged_files(tmp_path)
    options = ValidationOptions(today=OPTIONS.today, max_findings=7)
    here = validate_many(paths, options=options, one_catalog=True).report
    inline = Inline()
    there = validate_many(
        paths, options=options, one_catalog=True, executor=inline, range_bytes=RANGE
    ).report
    assert there.findings == here.findings
    assert there.truncated and here.truncated
    assert "plan_file_wire" not in inline.calls


# ---------------------------------------------------------------- splitting, any catalog
_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_values = st.recursive(
    st.none() | st.integers() | _texts, lambda inner: st.lists(inner, max_size=3), max_leaves=6
)
_records = st.lists(st.dictionaries(_texts, _values, max_size=4), min_size=1, max_size=30)
_gaps = st.sampled_from(["", " ", "\n", "\n  ", " \r\n\t"])


@settings(max_examples=150, deadline=None)
@given(_records, st.lists(_gaps, min_size=2, max_size=4), _texts, st.integers(1, 400))
def test_every_resource_is_in_one_range_in_order(
    records: list[dict[str, Any]], gaps: Sequence[str], head: str, size: int
) -> None:
    assume(head not in RESOURCE_KEYS)  # a second list of resources: not the plain shape
    items = [json.dumps(r, ensure_ascii=k % 2 == 0) for k, r in enumerate(records)]
    sep = "," + gaps[0]
    body = gaps[1] + sep.join(items) + gaps[-1]
    text = "{" + json.dumps(head, ensure_ascii=False) + ': "值",\n "resources": [' + body + "]}"
    buf = text.encode("utf-8")
    shape = layout(buf, msgspec)
    assert shape is not None, text
    ranges = list(split_ranges(buf, shape, size))
    total = shape.resources.end - shape.resources.start
    assert len(ranges) <= -(-total // size)  # no more ranges than the size gives
    target = range_target(total, size)
    assert target <= size
    assert [r.first for r in ranges] == [
        sum(r.count for r in ranges[:k]) for k in range(len(ranges))
    ]
    assert sum(r.count for r in ranges) == len(records)
    for k, r in enumerate(ranges):
        chunk = json.loads("[" + buf[r.start : r.end].decode("utf-8") + "]")
        assert chunk == records[r.first : r.first + r.count]
        assert (r.line, r.column) == position(buf, r.start)
        assert r.end - r.start >= target or k == len(ranges) - 1
        assert r.count == 1 or (
            r.end - r.start - (len(items[r.first + r.count - 1].encode()) + len(sep.encode()))
            < target
        )


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 60), st.integers(1, 40), _texts)
def test_a_range_read_alone_starts_where_it_is_in_the_file(
    tmp_path_factory: pytest.TempPathFactory, line: int, column: int, before: str
) -> None:
    path = tmp_path_factory.mktemp("range") / "r.json"
    prefix = "\n" * (line - 1) + before.replace("\n", " ").replace("\r", " ")
    path.write_bytes(prefix.encode("utf-8") + b'{"a": 1}, {"b": 2}')
    start = len(prefix.encode("utf-8"))
    col = position(path.read_bytes(), start)[1]
    part = ByteRange(0, 2, start, start + 18, line, col)
    buf = _range_bytes(path, part, (path.stat().st_size, path.stat().st_mtime_ns))
    assert json.loads(buf) == [{"a": 1}, {"b": 2}]
    whole = path.read_bytes()
    lines = ByteLines(buf, 1, line, col)  # as the range task reads it: from its place
    assert lines.at(buf.index(b"{")) == (line, col)
    assert lines.at(buf.index(b'{"b"')) == position(whole, whole.index(b'{"b"'))
    assert len(buf) == part.end - part.start + 2  # the bytes of the range alone, unpadded


MIB = 1 << 20


@pytest.mark.parametrize(
    ("workers", "sizes", "expected"),
    [
        (2, [40 * MIB], 20 * MIB),  # one city-size file on two workers: two ranges
        (4, [40 * MIB], 10 * MIB),
        (8, [40 * MIB], 8 * MIB),  # never under the floor
        (2, [5 * MIB], 8 * MIB),  # too small to split: one task
        (2, [389 * MIB], 64 * MIB),  # enough tasks already
        (2, [30 * MIB, 30 * MIB], 64 * MIB),  # a file a worker
        (3, [30 * MIB, 30 * MIB], 20 * MIB),
        (1, [40 * MIB], 64 * MIB),
        (2, [97 * MIB] * 4, None),  # the province in four files: two a worker, whole
        (2, [97 * MIB, 97 * MIB, 90 * MIB, 120 * MIB], None),
        (2, [1000 * MIB, 10 * MIB, 10 * MIB, 10 * MIB], 64 * MIB),  # one file is most of it
        (2, [160 * MIB, 100 * MIB, 70 * MIB, 70 * MIB], 64 * MIB),  # 160 > 1.5 × the mean
        (2, [97 * MIB] * 3, 64 * MIB),  # three files on two workers: ranges balance them
        (1, [97 * MIB] * 4, 64 * MIB),
    ],
)
def test_the_range_size_keeps_a_local_cluster_busy(
    workers: int, sizes: list[int], expected: int | None
) -> None:
    assert range_for_workers(RANGE_BYTES, workers, sizes) == expected


@given(
    st.integers(1, 16),
    st.lists(st.integers(0, 2_000 * MIB), max_size=6),
    st.integers(MIN_RANGE_BYTES, 256 * MIB),
)
def test_a_range_size_is_never_larger_than_asked_nor_under_the_floor(
    workers: int, sizes: list[int], asked: int
) -> None:
    size = range_for_workers(asked, workers, sizes)
    if size is None:  # a task a file: whole files share the work out evenly
        assert workers >= 2 and len(sizes) >= 2 * workers
        assert max(sizes) <= 1.5 * sum(sizes) / len(sizes)
        return
    # and only then: a file much larger than the others is split to balance the work
    even = (
        workers >= 2 and len(sizes) >= 2 * workers and 2 * max(sizes) * len(sizes) <= 3 * sum(sizes)
    )
    assert not even
    assert MIN_RANGE_BYTES <= size <= asked
    tasks = sum(max(1, -(-s // size)) for s in sizes)
    if size < asked:  # made smaller: to reach the workers, as far as the floor allows
        assert tasks >= workers or size == MIN_RANGE_BYTES


def test_the_cli_range_size_is_the_given_one_or_fits_the_local_cluster(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(40 * MIB)  # sparse: only its size is read
    assert _range_size(None, None, [big]) == RANGE_BYTES
    assert _range_size(None, 2, [big]) == 20 * MIB
    assert _range_size(16, 2, [big]) == 16 * MIB
    assert _range_size(0, 2, [big]) is None
    files = [big]
    for i in range(3):
        files.append(tmp_path / f"part{i}.json")
        with files[-1].open("wb") as fh:
            fh.truncate(40 * MIB)
    assert _range_size(None, 2, files) is None  # four even files, two workers: a task a file
    assert _range_size(64, 2, files) == 64 * MIB  # a given size is kept
