"""Benchmark: import + validate a generated compilation workbook, against frictionless.

One command::

    python benchmarks/bench_sheets.py [--rows 100000] [--items 10]

Generates a seeded workbook in the national template layout (two heading rows, resource
cells merged, or repeated with ``--repeat``; one row per 信息项; a few mistakes), then
measures, each in a fresh process on one core: govcatalog reading and validating it, and
frictionless validating the same workbook as a table. Prints rows/s, seconds and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _catalog(rows: int, items: int, seed: int) -> object:
    from govcatalog.model import Catalog, CatalogInfo, Resource

    rnd = random.Random(seed)
    cycles = ["每日", "每周", "每月", "每季度", "每年", "每天"]  # 每天: normalised, reported
    shares = ["无条件共享", "有条件共享", "不予共享"]
    resources = []
    n_res = rows // items
    for k in range(n_res):
        share = rnd.choice(shares)
        resources.append(
            Resource.model_validate(
                {
                    "category": {
                        "lei": "部门信息资源目录",
                        "xiang": "省（自治区、直辖市）及其下各级政务部门",
                        "mu": f"部门{k % 50}",
                    },
                    "name": f"信息资源{k}",
                    "code": f"307{k % 900 + 100:03d}/{k:06d}",
                    "provider": f"某市第{k % 50}局",
                    "provider_code": "91350100M000100Y43",
                    "abstract": f"第 {k} 项政务信息资源的摘要",
                    "format": {"format_class": "数据库", "format_types": ["Oracle"]},
                    "items": [
                        {
                            "name": f"信息项{j}",
                            "data_type": rnd.choice(["字符型", "数值型", "日期型"]),
                            "length": rnd.randint(1, 200),
                        }
                        for j in range(items)
                    ],
                    "share": {
                        "share_type": share,
                        "share_condition": None if rnd.random() < 0.1 else "依申请共享",
                        "share_mode_class": "共享平台方式",
                        "share_mode_type": "接口",
                    },
                    "open": {"open_to_public": False},
                    "update_cycle": rnd.choice(cycles[:-1]),
                    "publish_date": "2024-03-01",
                }
            )
        )
    return Catalog(catalog=CatalogInfo(name="基准目录"), resources=tuple(resources))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_govcatalog(path: Path) -> dict[str, float]:
    from govcatalog import validate

    start = time.perf_counter()
    report = validate(path)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "findings": len(report.findings),
        "items": report.stats.items,
        "rss": _peak_mib(),
    }


def _run_frictionless(path: Path) -> dict[str, float]:
    from frictionless import Dialect, formats, system, validate

    dialect = Dialect(header_rows=[1, 2], controls=[formats.ExcelControl(sheet="信息资源目录")])
    start = time.perf_counter()
    with system.use_context(trusted=True):  # the workbook is in a temporary directory
        report = validate(str(path), dialect=dialect, limit_errors=10**9)
    seconds = time.perf_counter() - start
    rows = report.tasks[0].stats.get("rows", 0) if report.tasks else 0
    return {
        "seconds": seconds,
        "findings": len(report.flatten(["type"])),
        "items": rows,
        "rss": _peak_mib(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=10, help="信息项 (rows) per resource")
    parser.add_argument("--seed", type=int, default=1272)
    parser.add_argument(
        "--repeat",
        action="store_true",
        help="repeat resource cells on every row instead of merging",
    )
    parser.add_argument("--workbook", type=Path, help="keep the generated workbook here (reused)")
    parser.add_argument("--only", choices=["govcatalog", "frictionless"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        run = _run_govcatalog if args.only == "govcatalog" else _run_frictionless
        print(json.dumps(run(args.path)))
        return

    from govcatalog import get_pack
    from govcatalog.io.sheet_writer import write_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = args.workbook or Path(tmp) / "bench.xlsx"
        if args.workbook is None or not path.exists():
            start = time.perf_counter()
            catalog = _catalog(args.rows, args.items, args.seed)
            pack = get_pack("gb-1272@^1")
            write_workbook(path, pack, catalog, merge=not args.repeat)  # type: ignore[arg-type]
            mib = path.stat().st_size / 2**20
            print(
                f"generated {args.rows} rows ({mib:.1f} MiB) in {time.perf_counter() - start:.1f} s"
            )
        results = {}
        for tool in ("govcatalog", "frictionless"):
            out = subprocess.run(
                [sys.executable, __file__, "--only", tool, "--path", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            results[tool] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[tool]
            print(
                f"{tool:>12}: {args.rows / r['seconds']:>9,.0f} rows/s  {r['seconds']:6.1f} s  "
                f"peak RSS {r['rss']:6.0f} MiB  ({r['findings']} findings, {r['items']} rows seen)"
            )
        speedup = results["frictionless"]["seconds"] / results["govcatalog"]["seconds"]
        print(f"govcatalog: {speedup:.1f}x the throughput of frictionless (target >= 5x)")


if __name__ == "__main__":
    main()
