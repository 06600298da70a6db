"""Throughput of the report renderings and the quality score, and peak memory.

One command: ``python benchmarks/reports.py [RESOURCES]`` (default 20000). A seeded catalog
is generated on the fly (every fifth resource carries mistakes), validated once, then each
rendering and the score are timed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govcatalog import ValidationOptions, validate
from govcatalog.packs import get_pack
from govcatalog.render import (
    render_csv,
    render_github,
    render_html,
    render_json,
    render_junit,
    render_markdown,
    render_sarif,
)
from govcatalog.report import Lang
from govcatalog.score import assess

TODAY = dt.date(2026, 1, 15)
PROVIDERS = [f"示例市第{i}局" for i in range(1, 21)]
CYCLES = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "其他"]
SHARE = ["无条件共享", "有条件共享", "不予共享"]


def resource_entry(i: int, rng: random.Random) -> dict[str, object]:
    share = rng.choice(SHARE)
    faulty = i % 5 == 0
    entry: dict[str, object] = {
        "category": {"lei": "主题信息资源目录", "xiang": "公共服务", "mu": "001"},
        "name": f"公共服务事项清单{i}",
        "code": f"201001/{i:06d}",
        "provider": rng.choice(PROVIDERS),
        "provider_code": "11350200003613216D",
        "abstract": "本市公共服务事项的名称、实施机关和办理时限。",
        "format": {"format_class": "电子表格", "format_types": ["xlsx"]},
        "items": [
            {"name": f"信息项{k}", "data_type": "字符型", "length": 50}
            for k in range(rng.randint(1, 6))
        ],
        "share": {"share_type": share},
        "open": {"open_to_public": "否"},
        "update_cycle": rng.choice(CYCLES),
        "publish_date": (TODAY - dt.timedelta(days=rng.randint(0, 800))).isoformat(),
    }
    if share != "无条件共享" and not faulty:
        entry["share"] = {"share_type": share, "share_condition": "依据《示例条例》第三条"}
    if faulty:
        entry["open"] = {"open_to_public": "是"}
    return entry


def timed(label: str, unit: int, what: str, fn: Callable[[], object]) -> None:
    started = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - started
    size = f"{len(out) / 1e6:7.1f} MB" if isinstance(out, str) else ""
    print(f"{label:<14} {seconds:7.2f} s  {unit / seconds:11,.0f} {what}/s  {size}")


def main(n: int) -> None:
    rng = random.Random(1272)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.json"
        catalog = {
            "catalog": {"name": "基准目录"},
            "resources": [resource_entry(i, rng) for i in range(1, n + 1)],
        }
        path.write_text(json.dumps(catalog, ensure_ascii=False, indent=1), encoding="utf-8")
        del catalog
        pack = get_pack("gb-1272@^1")
        options = ValidationOptions(today=TODAY)
        started = time.perf_counter()
        report = validate(path, pack=pack, options=options)
        seconds = time.perf_counter() - started
        k = len(report)
        print(f"{n:,} resources, {k:,} findings")
        print(f"{'validate':<14} {seconds:7.2f} s  {n / seconds:11,.0f} resources/s")
        timed("json", k, "findings", lambda: render_json(report))
        timed("sarif", k, "findings", lambda: render_sarif(report, Lang.ZH, pack.codebook))
        timed("junit", k, "findings", lambda: render_junit(report))
        timed("github", k, "findings", lambda: render_github(report))
        timed("html", k, "findings", lambda: render_html(report))
        timed("csv", k, "findings", lambda: render_csv(report))
        timed("markdown", k, "findings", lambda: render_markdown(report))
        timed("to_pandas", k, "findings", report.to_pandas)
        timed("score", n, "resources", lambda: assess(path, pack=pack, today=TODAY))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
