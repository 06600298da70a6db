"""Benchmark: a catalog split in files, validated as one catalog in one process and on Dask.

Generates the catalog and its parts if they are missing (``generate.py --split``), then runs
``govcatalog.validate_many(parts, one_catalog=True)`` three ways, each in its own subprocess:

1. **one process**: the files one after the other, here;
2. **dask**: a ``distributed.LocalCluster`` of ``--workers`` processes (one thread each), one
   task per file, each worker reading its own file; the catalog-wide rules as a reduce step;
3. **profile** (unless ``--skip-profile``): each file's task timed alone (CPU, the outcome put
   on the wire and its bytes) and the caller's part alone (restoring the outcomes, the reduce
   step, merging): the figures of the capacity plan in docs/scaling.md.

It prints wall and CPU time of both runs, the CPU of the Dask caller and of each worker, the
speed-up those CPU times imply on free cores (wall times only say how loaded the machine was,
when it was), and whether the findings are identical (a digest of every field of every
finding, in order, equal in 1 and 2)::

    python benchmarks/bench_dask.py --size province --parts 4 --workers 2

With ``--parts 1`` the catalog is one file, not split: on Dask the workers read it in byte
ranges of ``--range-mb`` (``validate_many(range_bytes=…)``), and the profile times the plan,
each range's task, the caller's merge and the reduce task alone::

    python benchmarks/bench_dask.py --size province --parts 1 --workers 2 --range-mb 32
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SIZES, default_path, split_catalog  # noqa: E402


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _digest(report: Any) -> str:
    """Every field of every finding, in order (a finding's repr names them all)."""
    text = "\n".join(map(repr, report))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _summary(report: Any, started: float, cpu: float) -> dict[str, Any]:
    """The figures of a run that ended just now (the digest after the clocks are read)."""
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {
        "resources": report.stats.resources,
        "items": report.stats.items,
        "findings": len(report),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_rss_mb": _peak_rss_mb(),
        "digest": _digest(report),
    }


def part_single(paths: list[Path]) -> dict[str, Any]:
    """All files in this process."""
    from govcatalog.batch import validate_many

    started, cpu = time.perf_counter(), time.process_time()
    report = validate_many(paths, one_catalog=True).report
    return _summary(report, started, cpu)


def _worker_usage() -> tuple[float, float]:
    return time.process_time(), _peak_rss_mb()


def part_dask(paths: list[Path], workers: int, range_mb: float, shards: int) -> dict[str, Any]:
    """All files on a local cluster of ``workers`` processes (as ``--workers`` starts it)."""
    from govcatalog.batch import validate_many
    from govcatalog.batch.cluster import local_client

    up = time.perf_counter()
    with local_client(workers) as client:
        client.run(_import_govcatalog)  # every worker ready, as a long-lived cluster is
        start_seconds = time.perf_counter() - up
        before = client.run(_worker_usage)
        started, cpu = time.perf_counter(), time.process_time()
        range_bytes = int(range_mb * (1 << 20)) or None  # 0: one task per file
        report = validate_many(
            paths, one_catalog=True, executor=client, range_bytes=range_bytes, reduce_shards=shards
        ).report
        result = _summary(report, started, cpu)
        after = client.run(_worker_usage)
    result["start_seconds"] = start_seconds
    result["worker_cpu_seconds"] = sorted(after[w][0] - before[w][0] for w in after)
    result["worker_peak_rss_mb"] = max(after[w][1] for w in after)
    return result


def _import_govcatalog() -> None:
    import govcatalog.batch.files  # noqa: F401


def part_profile(paths: list[Path], shards: int) -> dict[str, Any]:
    """Each file's task alone (as a worker runs it: validated, then put on the wire), then
    what the caller does (restoring the outcomes' findings, merging) and each reduce task (the
    summaries of its shard restored where it runs, the catalog-wide rules)."""
    from govcatalog.batch.files import FileTask, check_file
    from govcatalog.batch.run import _merged
    from govcatalog.batch.wire import findings_from_rows, from_wire, to_wire
    from govcatalog.validate import ValidationOptions

    options = ValidationOptions()
    files, blobs = [], []
    for path in paths:
        task = FileTask(str(path), str(path), None, options, catalog_rules=False)
        cpu = time.process_time()
        out = check_file(task)
        seconds = time.process_time() - cpu
        gc.disable()  # as check_file_wire does
        cpu = time.process_time()
        blobs.append(to_wire(out, shards))
        wire_seconds = time.process_time() - cpu
        gc.enable()
        files.append(
            {
                "file": path.name,
                "mb": path.stat().st_size / 1e6,
                "resources": out.report.stats.resources,
                "cpu_seconds": seconds,
                "wire_cpu_seconds": wire_seconds,
                "outcome_bytes": len(blobs[-1]),
                "findings": len(out.report),
            }
        )
        del out
    # What the caller pays for the outcomes sent back (the collector paused, as it is there)
    gc.disable()
    cpu = time.process_time()
    outcomes = [from_wire(b, summaries=False) for b in blobs]
    load_seconds = time.process_time() - cpu
    del outcomes
    tracemalloc.start()
    outcomes = [from_wire(b, summaries=False) for b in blobs]
    held_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del blobs
    tasks = _reduce_tasks([(o.pack, o.wired) for o in outcomes], shards, options)
    found = [f for task in tasks for f in findings_from_rows(pickle.loads(task.pop("rows")))]
    cpu = time.process_time()
    _merged(outcomes, False, found, "", None)
    merge_seconds = time.process_time() - cpu
    gc.enable()
    return {
        "files": files,
        "restore_cpu_seconds": load_seconds,
        "outcomes_held_mb": held_mb,
        "reduce_tasks": tasks,
        "merge_cpu_seconds": merge_seconds,
        "reduce_findings": len(found),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _reduce_tasks(
    wired: list[tuple[str | None, tuple[tuple[bytes, ...], ...]]], shards: int, options: Any
) -> list[dict[str, Any]]:
    """Each shard's reduce task alone, as a worker runs it: CPU, then (a second run, traced)
    the peak of memory it allocates; the summaries it is sent; its findings as rows."""
    from govcatalog.batch.reduce import catalog_wire
    from govcatalog.rules.catalog_shards import Shard

    tasks = []
    for k in range(shards):
        sent = [(ref, blobs[k]) for ref, part in wired for blobs in part]
        cpu = time.process_time()
        rows = catalog_wire(sent, {}, options, Shard(k, shards))
        seconds = time.process_time() - cpu
        tracemalloc.start()
        catalog_wire(sent, {}, options, Shard(k, shards))
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        sent_mb = sum(len(blob) for _, blob in sent) / 1e6
        tasks.append({"cpu_seconds": seconds, "sent_mb": sent_mb, "peak_mb": peak_mb, "rows": rows})
    return tasks


def _reduce_line(tasks: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"CPU {t['cpu_seconds']:.2f} s over {t['sent_mb']:.1f} MB sent ({t['peak_mb']:.0f} MB at"
        " most)"
        for t in tasks
    )


def part_ranges(path: Path, range_mb: float) -> dict[str, Any]:
    """One file read in ranges, each task alone as a worker runs it: the plan, every range,
    then the caller's merge of the file's outcome and the reduce task."""
    from govcatalog.batch.files import FileTask
    from govcatalog.batch.ranges import FilePlan, RangeTask, check_range_wire, plan_file_wire
    from govcatalog.batch.reduce import catalog_wire
    from govcatalog.batch.spread import RangeOutcome, merged_ranges
    from govcatalog.batch.wire import summaries_from_wire
    from govcatalog.validate import ValidationOptions

    options = ValidationOptions()
    task = FileTask(str(path), str(path), None, options, catalog_rules=False)
    cpu = time.process_time()
    plan = plan_file_wire(task, int(range_mb * (1 << 20)))
    plan_seconds = time.process_time() - cpu
    assert isinstance(plan, FilePlan), "the file is not split in ranges"
    ranges, blobs = [], []
    for part in plan.ranges:
        cpu = time.process_time()
        blob = check_range_wire(RangeTask(task, plan, part))
        seconds = time.process_time() - cpu
        assert blob is not None
        blobs.append(blob)
        mb = (part.end - part.start) / 1e6
        ranges.append({"resources": part.count, "mb": mb, "cpu_seconds": seconds})
        ranges[-1]["outcome_bytes"] = len(blob)
    gc.disable()  # as the caller runs (collector paused)
    cpu = time.process_time()
    outcomes = [RangeOutcome.of(blob) for blob in blobs]  # each as it arrives
    restore_seconds = time.process_time() - cpu
    cpu = time.process_time()
    merged = merged_ranges(task, plan, outcomes)
    merge_seconds = time.process_time() - cpu
    tracemalloc.start()
    restored = [summaries_from_wire(blob) for (blob,) in merged.wired]
    summaries_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del restored
    sent = [(plan.ref, blob) for (blob,) in merged.wired]
    cpu = time.process_time()
    rows = catalog_wire(sent, {}, options)
    reduce_seconds = time.process_time() - cpu
    gc.enable()
    return {
        "plan_cpu_seconds": plan_seconds,
        "plan_bytes": len(pickle.dumps(plan)),
        "ranges": ranges,
        "restore_cpu_seconds": restore_seconds,
        "merge_cpu_seconds": merge_seconds,
        "summaries_bytes": sum(len(blob) for (blob,) in merged.wired),
        "summaries_held_mb": summaries_mb,
        "reduce_cpu_seconds": reduce_seconds,
        "reduce_bytes": len(rows),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _print_ranges(p: dict[str, Any]) -> None:
    print("  profile (one process, each task alone, then the caller's merge and the reduce task):")
    print(f"    plan: CPU {p['plan_cpu_seconds']:.2f} s, {p['plan_bytes']:,} bytes sent back")
    for k, r in enumerate(p["ranges"]):
        print(
            f"    range {k + 1:>2}: {r['mb']:6.1f} MB {r['resources']:>7,} resources"
            f"  CPU {r['cpu_seconds']:6.2f} s ({r['cpu_seconds'] / r['mb'] * 1e3:.0f} ms/MB)"
            f"  outcome {r['outcome_bytes'] / 1e6:5.1f} MB"
        )
    print(
        f"    caller: restoring the ranges' findings CPU {p['restore_cpu_seconds']:.2f} s (as"
        f" they arrive), merging the file's outcome {p['merge_cpu_seconds']:.2f} s;"
        f" reduce task CPU {p['reduce_cpu_seconds']:.2f} s over"
        f" {p['summaries_bytes'] / 1e6:.1f} MB of summaries ({p['summaries_held_mb']:.0f} MB"
        f" restored); peak RSS {p['peak_rss_mb']:.0f} MB"
    )


def _run_part(
    name: str, paths: list[Path], workers: int, range_mb: float, shards: int
) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--part", name, "--workers", str(workers)]
    cmd += ["--range-mb", str(range_mb), "--reduce-shards", str(shards)]
    cmd += [arg for p in paths for arg in ("--file", str(p))]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _line(label: str, r: dict[str, Any]) -> str:
    wall = r["seconds"]
    return (
        f"  {label:<12} {r['resources']:>9,} resources {r['items']:>10,} items"
        f"  wall {wall:7.2f} s  CPU {r['cpu_seconds']:7.2f} s"
        f"  {r['resources'] / wall:>8,.0f} resources/s {r['items'] / wall:>10,.0f} items/s"
        f"  findings {r['findings']:>7,}  peak RSS {r['peak_rss_mb']:6.0f} MB"
    )


def _parts(size: str | None, resources: int, count: int) -> list[Path]:
    whole = default_path(size, resources)
    if count == 1 and whole.exists():
        return [whole]
    parts = [whole.with_name(f"{whole.stem}-{k + 1}of{count}.json") for k in range(count)]
    if all(p.exists() for p in parts):
        return parts
    if not whole.exists():
        print(f"generating {whole} …", flush=True)
        cmd = [sys.executable, str(HERE / "generate.py"), "--resources", str(resources)]
        cmd += ["-o", str(whole)]
        subprocess.run(cmd, check=True)
    return [whole] if count == 1 else split_catalog(whole, count)


def _print_implied(one: dict[str, Any], dask: dict[str, Any], workers: int) -> None:
    """The speed-up that the CPU times imply on free cores: figures that load on a shared machine
    bends far less than wall times."""
    per_worker, caller = dask["worker_cpu_seconds"], dask["cpu_seconds"]
    cores = min(workers, os.cpu_count() or 1)
    # All the CPU of the run shared by the cores, but never less than the busiest worker.
    likely = max(per_worker[-1], (sum(per_worker) + caller) / cores)
    # Nothing of the caller's overlapping the workers': a bound that holds whatever the load.
    worst = per_worker[-1] + caller
    print(
        f"  CPU: one process {one['cpu_seconds']:.2f} s; dask caller {caller:.2f} s + workers"
        f" {sum(per_worker):.2f} s = {caller + sum(per_worker):.2f} s"
        f" ({(caller + sum(per_worker)) / one['cpu_seconds'] - 1:+.0%} over one process)"
    )
    print(
        f"  speed-up implied on {cores} free cores by the CPU times: "
        f"{one['cpu_seconds'] / likely:.2f}×"
        f" (one process / max(busiest worker, all CPU / {cores}));"
        f" at least {one['cpu_seconds'] / worst:.2f}× (one process / (busiest worker + caller))"
    )


def _print_profile(p: dict[str, Any]) -> None:
    print("  profile (one process, each file's task alone, then the caller's part alone):")
    for f in p["files"]:
        print(
            f"    {f['file']:<24} {f['mb']:6.0f} MB {f['resources']:>8,} resources"
            f"  CPU {f['cpu_seconds']:6.2f} s + on the wire {f['wire_cpu_seconds']:4.2f} s"
            f"  outcome {f['outcome_bytes'] / 1e6:6.1f} MB, {f['findings']:,} findings"
        )
    print(
        f"    caller: restoring the outcomes' findings CPU {p['restore_cpu_seconds']:.2f} s,"
        f" holding them {p['outcomes_held_mb']:.0f} MB; merging CPU"
        f" {p['merge_cpu_seconds']:.2f} s; peak RSS {p['peak_rss_mb']:.0f} MB"
    )
    tasks = p["reduce_tasks"]
    print(f"    reduce: {len(tasks)} task(s), {p['reduce_findings']:,} findings in all")
    for k, task in enumerate(tasks):
        print(f"      shard {k + 1}: {_reduce_line([task])}")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--size city|province``, ``--parts N``, ``--workers N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="city")
    parser.add_argument("--resources", type=int, default=None, help="a catalog of N resources")
    parser.add_argument("--parts", type=int, default=4, help="files the catalog is split in")
    parser.add_argument(
        "--range-mb",
        type=float,
        default=None,
        help="on Dask, larger files in ranges (0: never; default: as `validate --workers` chooses)",
    )
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument(
        "--reduce-shards", type=int, default=1, help="the catalog-wide rules as N reduce tasks"
    )
    parser.add_argument("--skip-profile", action="store_true")
    parser.add_argument(
        "--part", choices=["single", "dask", "profile", "ranges"], help=argparse.SUPPRESS
    )
    parser.add_argument("--file", type=Path, action="append", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part is not None:
        run = {
            "single": lambda: part_single(args.file),
            "dask": lambda: part_dask(args.file, args.workers, args.range_mb, args.reduce_shards),
            "profile": lambda: part_profile(args.file, args.reduce_shards),
            "ranges": lambda: part_ranges(args.file[0], args.range_mb),
        }[args.part]
        print(json.dumps(run()))
        return
    size = None if args.resources else args.size
    paths = _parts(size, args.resources or SIZES[args.size], args.parts)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    load = os.getloadavg()
    chosen = ""
    if args.range_mb is None:  # as `govcatalog validate --workers N` chooses
        from govcatalog.batch.ranges import RANGE_BYTES, range_for_workers

        size_bytes = range_for_workers(RANGE_BYTES, args.workers, [p.stat().st_size for p in paths])
        args.range_mb = 0 if size_bytes is None else size_bytes / (1 << 20)
        chosen = " (as --workers chooses)"
    ranges = f"files over {args.range_mb:g} MiB in ranges" if args.range_mb else "a task a file"
    ranges += chosen
    print(
        f"validate_many: {size or args.resources} catalog in {len(paths)} files ({mb:.0f} MB),"
        f" one catalog; on Dask {ranges};"
        f" {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    one = _run_part("single", paths, args.workers, args.range_mb, args.reduce_shards)
    print(_line("one process", one))
    dask = _run_part("dask", paths, args.workers, args.range_mb, args.reduce_shards)
    print(_line(f"dask ×{args.workers}", dask))
    per_worker = dask["worker_cpu_seconds"]
    print(
        f"  dask workers: CPU {' + '.join(f'{c:.2f}' for c in per_worker)} s,"
        f" peak RSS {dask['worker_peak_rss_mb']:.0f} MB each at most;"
        f" cluster start {dask['start_seconds']:.1f} s (not in its wall time)"
    )
    _print_implied(one, dask, args.workers)
    same = (one["digest"], one["findings"]) == (dask["digest"], dask["findings"])
    print(f"  findings identical: {'yes' if same else 'NO'} (digest {one['digest']})")
    print(
        f"  speed-up (wall, one process / dask ×{args.workers}): "
        f"{one['seconds'] / dask['seconds']:.2f}×; with the cluster's start: "
        f"{one['seconds'] / (dask['seconds'] + dask['start_seconds']):.2f}×"
    )
    wall = one["seconds"] / dask["seconds"]
    load = os.getloadavg()[0]
    # on a loaded machine the wall figure measures the load: say so beside the verdict
    quiet = "" if load < (os.cpu_count() or 1) else f", machine loaded ({load:.2f})"
    print(
        f"  target (2 workers): wall speed-up ≥ 1.7×; this run {wall:.2f}×,"
        f" {'met' if wall >= 1.7 else 'NOT met'}{quiet}"
    )
    if not args.skip_profile and len(paths) == 1:
        _print_ranges(_run_part("ranges", paths, args.workers, args.range_mb, args.reduce_shards))
    elif not args.skip_profile:
        _print_profile(_run_part("profile", paths, args.workers, args.range_mb, args.reduce_shards))
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
