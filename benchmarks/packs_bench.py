"""Benchmark: the cost of a local standard three levels deep.

Validates one seeded city catalog (generated on the fly) with the national pack alone,
then with a city pack extending the example province pack extending the national pack,
each time resolving the effective pack from scratch. Prints the medians, the overhead
of the three-level pack and the peak RSS. Target: overhead <= 10 %.

    python benchmarks/packs_bench.py [--resources 3000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from govcatalog.packs.registry import PackRegistry
from govcatalog.validate import ValidationOptions, validate

CITY_PACK = {
    "pack.toml": """[pack]
id = "bench-city"
version = "1.0.0"
title_zh = "基准测试市规范"
title_en = "Benchmark city standard"
status = "active"
extends = "example-province@^1"

[severity]
"GC-F011" = "error"
""",
    "fields.toml": """[[field]]
id = "extensions.data_scope"
required = true

[[field]]
id = "extensions.street"
zh = "所属街道"
en = "Street office"
kind = "text"
""",
    "rules.toml": """[[rule]]
id = "platform-names-business"
code = "EP-R001"
when = { field = "share.share_mode_class", equals = "共享平台方式" }
require = ["extensions.business_matter"]
""",
}


def catalog(n: int, seed: int) -> dict[str, Any]:
    """A city catalog of ``n`` resources with the province's extra columns."""
    rnd = random.Random(seed)
    types = ["字符型", "数值型", "日期型", "整型"]
    resources = []
    for i in range(n):
        share_type = rnd.choice(["无条件共享", "有条件共享", "不予共享"])
        share: dict[str, Any] = {"share_type": share_type}
        if share_type == "有条件共享":
            share["share_condition"] = "仅用于行政审批"
        if share_type == "不予共享":
            share["share_condition"] = "依据《中华人民共和国保守国家秘密法》"
        else:
            share["share_mode_class"] = "共享平台方式"
            share["share_mode_type"] = rnd.choice(["接口", "文件", "数据库"])
        resources.append(
            {
                "category": {"lei": "部门信息资源目录", "xiang": "国务院", "mu": "005"},
                "name": f"业务数据{i}",
                "code": f"303005/{i + 1:05d}",
                "provider": "市市场监督管理局",
                "provider_code": "91350100M000100Y43",
                "abstract": "业务数据摘要",
                "format": {"format_class": "数据库", "format_types": ["MySQL"]},
                "items": [
                    {"name": f"信息项{j}", "data_type": rnd.choice(types), "length": 20}
                    for j in range(rnd.randint(3, 12))
                ],
                "share": share,
                "open": {"open_to_public": False},
                "update_cycle": rnd.choice(["每日", "每月", "实时"]),
                "publish_date": "2024-03-01",
                "secrecy": "非涉密政务信息资源目录",
                # The local columns sit in `extensions`: the national pack keeps them as
                # they are, the local packs check them, so both validate the same input.
                "extensions": {
                    "信息系统名称": "业务系统",
                    "系统部署网络": "电子政务外网",
                    "所属处室": "信息处",
                    "关联信息系统": "数据共享交换平台",
                    "业务事项名称": "企业登记",
                    "数据范围": "全市",
                    "数据存储总量/G": str(rnd.randint(1, 500)),
                },
            }
        )
    return {"catalog": {"name": "基准测试市目录"}, "resources": resources}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    options = ValidationOptions()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        city = root / "packs" / "bench-city" / "1.0.0"
        city.mkdir(parents=True)
        for name, text in CITY_PACK.items():
            (city / name).write_text(text, encoding="utf-8")
        path = root / "city-catalog.json"
        path.write_text(
            json.dumps(catalog(args.resources, 7), ensure_ascii=False), encoding="utf-8"
        )

        def national() -> tuple[float, float, int, int]:
            t0 = time.perf_counter()
            pack = PackRegistry().load("gb-1272@^1")
            t1 = time.perf_counter()
            report = validate(path, pack=pack, options=options)
            done = time.perf_counter()
            return t1 - t0, done - t0, report.stats.items, len(report.findings)

        def three_levels() -> tuple[float, float, int, int]:
            t0 = time.perf_counter()
            pack = PackRegistry().with_root("bench", root / "packs").load("bench-city@^1")
            t1 = time.perf_counter()
            assert len(pack.lineage) == 3
            report = validate(path, pack=pack, options=options)
            done = time.perf_counter()
            return t1 - t0, done - t0, report.stats.items, len(report.findings)

        national(), three_levels()  # warm up: imports, vocabulary parsing
        base: list[tuple[float, float, int, int]] = []
        deep: list[tuple[float, float, int, int]] = []
        for _ in range(args.rounds):
            base.append(national())
            deep.append(three_levels())
    b = statistics.median(r[1] for r in base)
    d = statistics.median(r[1] for r in deep)
    resolve_b = statistics.median(r[0] for r in base)
    resolve_d = statistics.median(r[0] for r in deep)
    items = base[0][2]
    overhead = (d - b) / b * 100
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"catalog: {args.resources} resources, {items} data items; {args.rounds} rounds (median)")
    for label, resolve_s, total, runs in (
        ("national pack", resolve_b, b, base),
        ("3-level pack ", resolve_d, d, deep),
    ):
        print(
            f"{label}   : resolve {resolve_s * 1000:6.1f} ms, resolve+validate {total:6.3f} s "
            f"({args.resources / total:,.0f} resources/s, {runs[0][3]} findings)"
        )
    verdict = "OK" if overhead <= 10 else "OVER"
    print(f"overhead        : {overhead:+.1f} % (target <= 10 %): {verdict}")
    print(f"peak RSS        : {rss:.0f} MiB")


if __name__ == "__main__":
    main()
