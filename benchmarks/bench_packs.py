"""Benchmark: the cost of a local standard three levels deep.

Validates one seeded city catalog (generated on the fly) with the national pack alone,
then with a city pack extending the example province pack extending the national pack,
each time resolving the effective pack from scratch. The catalog carries the local
columns in ``extensions``, so both packs accept the same input: the national pack keeps
them as they are, the local packs check them. Rounds are interleaved; the overhead is the
median over rounds of the CPU-time ratio to the national pack's run of the same round,
which a busy machine disturbs least. Target: overhead <= 10 %.

    python benchmarks/bench_packs.py [--size city|province] [--resources N] [--rounds 7]

``--size city`` (the default) is 20,000 resources, ``--size province`` 200,000, as in the
other benchmarks; the catalog is generated on the fly in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import PackRegistry
from govcatalog.validate import ValidationOptions, validate

SIZES = {"city": 20_000, "province": 200_000}
"""Resources per catalog size."""

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


PASS_THROUGH = {
    "bench-region/1.0.0/pack.toml": """[pack]
id = "bench-region"
version = "1.0.0"
title_zh = "基准测试区域规范"
title_en = "Benchmark region standard (adds nothing)"
status = "active"
extends = "gb-1272@^1"
""",
    "bench-district/1.0.0/pack.toml": """[pack]
id = "bench-district"
version = "1.0.0"
title_zh = "基准测试区规范"
title_en = "Benchmark district standard (adds nothing)"
status = "active"
extends = "bench-region@^1"
""",
}
"""Two levels over the national pack that change nothing: the cost of inheritance alone."""


def catalog(n: int, seed: int) -> dict[str, Any]:
    """A city catalog of ``n`` resources (about 20 data items each, as in the project's other
    benchmarks) with the province's extra columns."""
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
                    for j in range(rnd.randint(10, 30))
                ],
                "share": share,
                "open": {"open_to_public": False},
                "update_cycle": rnd.choice(["每日", "每月", "实时"]),
                "publish_date": "2024-03-01",
                "secrecy": "非涉密政务信息资源目录",
                # The local columns sit in `extensions`, under their canonical keys like
                # every other element: the national pack keeps them as they are, the local
                # packs check them, so both validate the same input.
                "extensions": {
                    "info_system": "业务系统",
                    "system_network": "电子政务外网",
                    "department_office": "信息处",
                    "related_system": "数据共享交换平台",
                    "business_matter": "企业登记",
                    "data_scope": "全市",
                    "storage_gb": str(rnd.randint(1, 500)),
                },
            }
        )
    return {"catalog": {"name": "基准测试市目录"}, "resources": resources}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="city")
    parser.add_argument("--resources", type=int, default=None, help="overrides --size")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    args.resources = args.resources or SIZES[args.size]
    options = ValidationOptions()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        city = root / "packs" / "bench-city" / "1.0.0"
        city.mkdir(parents=True)
        for name, text in CITY_PACK.items():
            (city / name).write_text(text, encoding="utf-8")
        for rel, text in PASS_THROUGH.items():
            (root / "packs" / rel).parent.mkdir(parents=True)
            (root / "packs" / rel).write_text(text, encoding="utf-8")
        path = root / "city-catalog.json"
        path.write_text(
            json.dumps(catalog(args.resources, 7), ensure_ascii=False), encoding="utf-8"
        )

        def national() -> Run:
            return timed(lambda: PackRegistry().load("gb-1272@^1"), path, options)

        def deep(ref: str) -> Callable[[], Run]:
            def load() -> Pack:
                registry = PackRegistry().with_root("bench", root / "packs")
                pack = registry.load(ref)
                assert len(pack.lineage) == 3
                return pack

            return lambda: timed(load, path, options)

        runners = {
            "national pack": national,
            "3 levels, adding nothing": deep("bench-district@^1"),
            "3 levels, city standard": deep("bench-city@^1"),
        }
        runs: dict[str, list[Run]] = {name: [] for name in runners}
        for run in runners.values():
            run()  # warm up: imports, vocabulary parsing
        for i in range(args.rounds):
            # Interleaved, the order rotating, so that load on the machine hits each alike.
            names = list(runners)
            for name in names[i % 3 :] + names[: i % 3]:
                runs[name].append(runners[name]())
    assert all(r[0].findings == 0 for r in runs.values()), "every pack must accept the catalog"
    items = runs["national pack"][0].items
    print(f"catalog: {args.resources} resources, {items} data items; {args.rounds} rounds")
    base = runs["national pack"]
    for name, rs in runs.items():
        cpu = min(r.cpu for r in rs)
        # Each round's runs are next to each other in time: the median of the per-round
        # ratios cancels most of the load other processes put on the machine.
        ratio = statistics.median(r.cpu / b.cpu for r, b in zip(rs, base, strict=True))
        print(
            f"{name:25}: resolve {min(r.resolve for r in rs) * 1000:5.1f} ms, "
            f"resolve+validate CPU best {cpu:6.2f} s ({args.resources / cpu:,.0f} resources/s), "
            f"wall median {statistics.median(r.wall for r in rs):6.2f} s, "
            f"overhead {(ratio - 1) * 100:+.1f} %"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS     : {rss:.0f} MiB")


@dataclass(frozen=True)
class Run:
    """One resolve + validate."""

    resolve: float
    cpu: float
    wall: float
    items: int
    findings: int


def timed(load: Callable[[], Pack], path: Path, options: ValidationOptions) -> Run:
    """Resolve the pack with ``load``, then validate ``path`` with it."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    pack = load()
    resolved = time.perf_counter() - wall0
    report = validate(path, pack=pack, options=options)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    return Run(resolved, cpu, wall, report.stats.items, len(report.findings))


if __name__ == "__main__":
    main()
