"""Benchmark: full validation of a synthetic catalog, govcatalog against python-jsonschema.

Generates the catalog if it is missing (benchmarks/generate.py), then measures, each in its own
subprocess so that peak RSS belongs to one part only:

1. govcatalog: ``govcatalog.validate(path)`` with every finding (read, coerce, rules R1–R12,
   catalog-wide rules, positions of every finding);
2. python-jsonschema: ``Draft202012Validator(build_json_schema(pack)).iter_errors`` over the
   document loaded with ``json.load`` — on the first ``--jsonschema-limit`` resources when the
   catalog is larger, its throughput then extrapolated to the whole file.

JSON Schema checks less than govcatalog (no vocabulary aliases, identifiers, 项 tables, dates
as dates, duplicate or related codes), so the ratio flatters it::

    python benchmarks/bench_validate.py --size city
    python benchmarks/bench_validate.py --size province --jsonschema-limit 20000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
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


def part_govcatalog(path: Path) -> dict[str, object]:
    """Validate the whole file with govcatalog (run in a subprocess)."""
    from govcatalog import validate

    started = time.perf_counter()
    cpu = time.process_time()
    report = validate(path)
    return {
        "resources": report.stats.resources,
        "items": report.stats.items,
        "findings": len(report),
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu,
        "peak_rss_mb": _peak_rss_mb(),
        "by_severity": {k.value: v for k, v in report.counts().items()},
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


def _run_part(name: str, path: Path, limit: int, total: int = 0) -> dict[str, object]:
    cmd = [
        sys.executable,
        __file__,
        "--part",
        name,
        "--file",
        str(path),
        "--jsonschema-limit",
        str(limit),
        "--total",
        str(total),
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _num(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _line(label: str, r: dict[str, object], found: str) -> str:
    wall, cpu = _num(r["seconds"]), _num(r["cpu_seconds"])
    return (
        f"  {label:<11} {r['resources']:>9,} resources {r['items']:>10,} items"
        f"  wall {wall:7.2f} s  CPU {cpu:7.2f} s"
        f"  {_num(r['resources']) / wall:>8,.0f} resources/s"
        f" {_num(r['items']) / wall:>10,.0f} items/s"
        f"  {found} {r['findings']:>7,}  peak RSS {_num(r['peak_rss_mb']):6.0f} MB"
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
    parser.add_argument("--part", choices=["govcatalog", "jsonschema"], help=argparse.SUPPRESS)
    parser.add_argument("--total", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.file or default_path(args.size, SIZES[args.size])
    if args.part == "govcatalog":
        print(json.dumps(part_govcatalog(path)))
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
    print(f"validate: {path.name} ({size_mb:.0f} MB), one process, one core")
    gc = _run_part("govcatalog", path, args.jsonschema_limit)
    gc_rate = _num(gc["items"]) / _num(gc["seconds"])
    print(_line("govcatalog", gc, "findings"))
    if args.skip_jsonschema:
        return
    js = _run_part("jsonschema", path, args.jsonschema_limit, int(_num(gc["resources"])))
    js_rate = _num(js["items"]) / _num(js["seconds"])
    partial = js["resources"] != js["total_resources"]
    print(_line("jsonschema", js, "errors") + f"  (+ loading {_num(js['load_seconds']):.1f} s)")
    if partial:
        whole = _num(gc["items"]) / js_rate
        print(
            f"  jsonschema ran on the first {js['resources']:,}"
            f" of {js['total_resources']:,} resources;"
            f" extrapolated to the whole file: {whole:,.0f} s"
        )
    cpu_ratio = (_num(gc["items"]) / _num(gc["cpu_seconds"])) / (
        _num(js["items"]) / _num(js["cpu_seconds"])
    )
    print(
        f"  ratio (items/s, govcatalog / jsonschema): {gc_rate / js_rate:.1f}× wall,"
        f" {cpu_ratio:.1f}× CPU"
    )
    print("  targets: province ≤ 10 s on one core, ≥ 30× jsonschema, peak RSS ≤ 2 GB")


if __name__ == "__main__":
    main()
