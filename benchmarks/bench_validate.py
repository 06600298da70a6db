"""Benchmark: a whole catalog validated by the CLI, beside jsonschema-rs and python-jsonschema.

Generates the catalog if it is missing (benchmarks/generate.py), then runs each part as its own
process and reads that process's CPU time (user + sys) and peak RSS from the kernel (``wait4``):

1. govcatalog: ``govcatalog validate FILE --format json -o OUT`` — the whole command, start-up,
   reading, coercion, rules R1–R13, catalog-wide rules, position of every finding, every finding
   written as JSON, on the fast path (the default; ``--full`` adds the command with it off,
   ``GOVCATALOG_FAST=0``); ``--diff`` adds ``govcatalog diff`` of the file and a second
   version of it (:func:`second_version`), loads included;
2. orjson + jsonschema-rs: ``orjson.loads`` of the file, then ``iter_errors`` of a Rust
   ``Draft202012Validator`` over govcatalog's own JSON Schema (``govcatalog schema``): structural
   checks only;
3. python-jsonschema: ``Draft202012Validator(build_json_schema(pack)).iter_errors`` over the
   document loaded with ``json.load`` — on the first ``--jsonschema-limit`` resources when the
   catalog is larger, its CPU time per resource then extrapolated to the whole file (said so).

JSON Schema checks less than govcatalog (no vocabulary aliases, identifiers, 项 tables, dates
as dates, duplicate or related codes, no positions), so the ratios flatter it::

    python benchmarks/bench_validate.py --size city
    python benchmarks/bench_validate.py --size province --full
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SIZES, default_path  # noqa: E402


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB (macOS in bytes).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


def part_rust(path: Path) -> dict[str, object]:
    """orjson + jsonschema-rs over the whole file (run in a subprocess)."""
    import jsonschema_rs  # type: ignore[import-not-found]
    import orjson  # type: ignore[import-not-found]

    from govcatalog import get_pack
    from govcatalog.schema import build_json_schema

    validator = jsonschema_rs.Draft202012Validator(build_json_schema(get_pack("gb-1272@^1")))
    doc = orjson.loads(path.read_bytes())
    errors = sum(1 for _ in validator.iter_errors(doc))
    resources = doc["resources"]
    return {
        "resources": len(resources),
        "items": sum(len(r.get("items") or ()) for r in resources if isinstance(r, dict)),
        "findings": errors,
    }


def _load_prefix(path: Path, limit: int) -> dict[str, Any]:
    """The catalog facts and the first ``limit`` resources, without building the rest."""
    from itertools import islice

    from govcatalog.io.json_reader import read_json

    doc = read_json(path)
    resources = [r.data for r in islice(doc.records, limit)]
    return {"catalog": doc.info.data if doc.info else {}, "resources": resources}


def part_jsonschema(path: Path, limit: int, total: int) -> dict[str, object]:
    """Validate (the first ``limit`` of ``total`` resources of) the file with python-jsonschema."""
    import jsonschema  # type: ignore[import-untyped]

    from govcatalog import get_pack
    from govcatalog.schema import build_json_schema

    started = time.perf_counter()
    doc: dict[str, Any]
    if limit >= total:
        with path.open(encoding="utf-8") as f:
            doc = json.load(f)
    else:
        doc = _load_prefix(path, limit)
    loaded = time.perf_counter()
    validator = jsonschema.Draft202012Validator(build_json_schema(get_pack("gb-1272@^1")))
    cpu = time.process_time()
    checked = time.perf_counter()
    errors = sum(1 for _ in validator.iter_errors(doc))
    done = time.perf_counter()
    resources: list[dict[str, Any]] = doc["resources"]
    return {
        "resources": len(resources),
        "total_resources": max(total, len(resources)),
        "items": sum(len(r.get("items") or ()) for r in resources),
        "findings": errors,
        "load_seconds": loaded - started,
        "seconds": done - checked,
        "cpu_seconds": time.process_time() - cpu,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[str, float, float]:
    """Run a process; its stdout, CPU seconds (user + sys) and peak RSS in MiB (``wait4``)."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    peak = usage.ru_maxrss / 1024**2 if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return text, usage.ru_utime + usage.ru_stime, peak


def _run_part(name: str, path: Path, limit: int, total: int = 0) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--part", name, "--file", str(path)]
    cmd += ["--jsonschema-limit", str(limit), "--total", str(total)]
    text, cpu, peak = _measured(cmd)
    result: dict[str, object] = json.loads(text.strip().splitlines()[-1])
    result["process_cpu_seconds"] = cpu
    result["peak_rss_mb"] = peak
    return result


def _run_cli(path: Path, fast: bool) -> dict[str, object]:
    """The whole ``govcatalog validate FILE --format json -o OUT`` process."""
    env = dict(os.environ, GOVCATALOG_FAST="1" if fast else "0")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.json"
        cmd = [sys.executable, "-m", "govcatalog", "validate", str(path)]
        _, cpu, peak = _measured([*cmd, "--format", "json", "-o", str(out)], env)
        report = json.loads(out.read_text(encoding="utf-8"))
    stats = report["stats"]
    return {
        "resources": stats["resources"],
        "items": stats["items"],
        "findings": len(report["findings"]),
        "process_cpu_seconds": cpu,
        "peak_rss_mb": peak,
    }


def second_version(path: Path, seed: int = 7) -> Path:
    """A second version of a generated catalog, written beside it: 1 % of the resources
    removed, 2 % renamed, 1 % with one data item fewer (one resource a line, as generated)."""
    import random

    rng = random.Random(seed)
    out = path.with_name(f"{path.stem}-v2{path.suffix}")
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            body = line.rstrip("\n").removesuffix(",")
            if not body.startswith("{") or not body.endswith("}"):
                dst.write(line)
                continue
            try:
                resource = json.loads(body)
            except json.JSONDecodeError:  # the opening line: the catalog facts and more
                dst.write(line)
                continue
            roll = rng.random()
            if roll < 0.01 and line.endswith(",\n"):
                continue
            if roll < 0.03 and isinstance(resource.get("name"), str):
                resource["name"] += "（新）"
            elif roll < 0.04 and resource.get("items"):
                resource["items"] = resource["items"][:-1]
            dst.write(json.dumps(resource, ensure_ascii=False) + line[len(body) :])
    return out


def _run_diff(old: Path, new: Path) -> tuple[float, float, int]:
    """The whole ``govcatalog diff OLD NEW --format json -o OUT`` process: CPU, peak RSS,
    changes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "diff.json"
        cmd = [sys.executable, "-m", "govcatalog", "diff", str(old), str(new)]
        _, cpu, peak = _measured([*cmd, "--format", "json", "-o", str(out)])
        changed = len(json.loads(out.read_text(encoding="utf-8")).get("changes", ()))
    return cpu, peak, changed


def _num(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _line(label: str, r: dict[str, object], found: str, cpu: float | None = None) -> str:
    cpu = _num(r["process_cpu_seconds"]) if cpu is None else cpu
    return (
        f"  {label:<22} {r['resources']:>9,} resources {r['items']:>10,} items"
        f"  CPU {cpu:7.1f} s  {_num(r['items']) / cpu:>10,.0f} items/CPU-s"
        f"  {found} {r['findings']:>8,}  peak RSS {_num(r['peak_rss_mb']):6.0f} MiB"
    )


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--size city|province`` (or ``--file``), ``--jsonschema-limit N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="city")
    parser.add_argument("--file", type=Path, default=None, help="validate this file instead")
    parser.add_argument(
        "--jsonschema-limit",
        type=int,
        default=20_000,
        help="resources validated by jsonschema (default 20,000)",
    )
    parser.add_argument("--skip-jsonschema", action="store_true")
    parser.add_argument("--skip-rust", action="store_true", help="skip orjson + jsonschema-rs")
    parser.add_argument("--full", action="store_true", help="also run with the fast path off")
    parser.add_argument(
        "--diff", action="store_true", help="also diff the file with a second version of it"
    )
    parser.add_argument("--part", choices=["rust", "jsonschema"], help=argparse.SUPPRESS)
    parser.add_argument("--total", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.file or default_path(args.size, SIZES[args.size])
    if args.part == "rust":
        print(json.dumps(part_rust(path)))
        return
    if args.part == "jsonschema":
        print(json.dumps(part_jsonschema(path, args.jsonschema_limit, args.total)))
        return
    if not path.exists():
        print(f"generating {path} …", flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--size", args.size, "-o", str(path)],
            check=True,
        )
    size_mb = path.stat().st_size / 1e6
    print(f"validate: {path.name} ({size_mb:.0f} MB), each part its own process, one core")
    gc = _run_cli(path, fast=True)
    print(_line("govcatalog validate", gc, "findings"))
    if args.full:
        print(_line("  (fast path off)", _run_cli(path, fast=False), "findings"))
    gc_rate = _num(gc["items"]) / _num(gc["process_cpu_seconds"])
    if args.diff:
        cpu, peak, changed = _run_diff(path, second_version(path))
        print(
            f"  govcatalog diff (v1 → v2, loads included)  CPU {cpu:7.1f} s"
            f"  {changed:,} changes  peak RSS {peak:6.0f} MiB"
        )
        print(f"    diff / validate: {cpu / _num(gc['process_cpu_seconds']):.2f}× (target ≤ 2×)")
    if not args.skip_rust:
        rs = _run_part("rust", path, args.jsonschema_limit)
        print(_line("orjson + jsonschema-rs", rs, "errors  "))
        rs_rate = _num(rs["items"]) / _num(rs["process_cpu_seconds"])
        print(f"    govcatalog / jsonschema-rs: {gc_rate / rs_rate:.2f}× items per CPU second")
    if args.skip_jsonschema:
        return
    js = _run_part("jsonschema", path, args.jsonschema_limit, int(_num(gc["resources"])))
    per_resource = _num(js["cpu_seconds"]) / _num(js["resources"])
    whole = per_resource * _num(js["total_resources"])
    if js["resources"] != js["total_resources"]:
        js = {**js, "items": gc["items"], "resources": js["total_resources"], "findings": "?"}
        print(_line("python-jsonschema", {**js, "findings": 0}, "errors* ", whole))
        print(
            f"    * checked the first {args.jsonschema_limit:,} resources"
            f" ({_num(js['cpu_seconds']):.1f} s CPU checking); CPU extrapolated per resource"
            " to the whole file, without loading; peak RSS of the sample"
        )
    else:
        print(_line("python-jsonschema", js, "errors  ", _num(js["cpu_seconds"])))
    print(f"    govcatalog / python-jsonschema: {gc_rate / (_num(gc['items']) / whole):.1f}×")
    print("  targets (province): ≤ 10 s CPU, ≤ 1 GiB peak RSS, faster than jsonschema-rs,")
    print("  ≥ 50× python-jsonschema")


if __name__ == "__main__":
    main()
