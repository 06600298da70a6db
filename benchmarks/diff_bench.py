"""Benchmark of ``govcatalog diff``: two versions of a large catalog differing in 1 % of resources.

One command::

    python benchmarks/diff_bench.py [--resources 200000] [--deepdiff-resources 20000]

Generates (seeded) a catalog of N resources and a second version in which 1 % of the
resources changed (share type tightened, item lengths changed, items added, resources
recoded, removed and added), writes both as JSON to a temporary folder, then measures:

* load: reading both files into canonical records (``load_side``, as ``govcatalog diff`` does);
* diff: matching and classifying (``compare``);
* patch: building the RFC 6902 JSON Patch;
* DeepDiff on the smaller pair, next to govcatalog's compare on the same records: on the
  resource lists as they are, and on resources keyed by code (DeepDiff then need not
  align lists). DeepDiff is stopped after ``--deepdiff-limit`` seconds; a stopped run
  gives a lower bound of the speed-up.

Prints wall times, throughput and peak RSS (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from govcatalog.diff import compare
from govcatalog.diff.load import load_side
from govcatalog.packs import get_pack

ITEMS = ("姓名", "公民身份号码", "性别", "出生日期", "民族", "住址", "联系电话", "登记日期")
TYPES = ("字符型", "字符型", "日期型", "整型", "数值型")
PROVIDERS = ("市公安局", "市民政局", "市人社局", "市市场监管局", "市自然资源局", "市卫健委")
SHARE = ("无条件共享", "有条件共享", "不予共享")
CYCLES = ("实时", "每日", "每周", "每月", "每季度", "每年")


def make_resource(rng: random.Random, i: int) -> dict[str, Any]:
    """One realistic resource with 4–8 data items."""
    n_items = rng.randint(4, 8)
    return {
        "category": {"lei": "部门信息资源目录", "xiang": rng.choice(PROVIDERS)},
        "name": f"业务信息资源{i:06d}",
        "code": f"{rng.choice(('301', '302', '303'))}{i % 1000:03d}/{i:06d}",
        "provider": rng.choice(PROVIDERS),
        "abstract": f"第{i}号信息资源的摘要，说明资源内容和用途。",
        "format": {"format_class": "数据库", "format_types": ["Oracle"]},
        "items": [
            {"name": name, "data_type": rng.choice(TYPES), "length": rng.randint(1, 200)}
            for name in ITEMS[:n_items]
        ],
        "share": {"share_type": rng.choice(SHARE[:2]), "share_mode_class": "共享平台方式"},
        "open": {"open_to_public": rng.random() < 0.3},
        "update_cycle": rng.choice(CYCLES),
        "publish_date": "2024-03-01",
    }


def edit(rng: random.Random, record: dict[str, Any], n: int) -> dict[str, Any] | None:
    """A changed copy of ``record`` (None: removed)."""
    new = json.loads(json.dumps(record, ensure_ascii=False))
    op = rng.randrange(6)
    if op == 0:
        return None
    if op == 1:
        new["share"]["share_type"] = "不予共享"
        new["share"]["share_condition"] = "依据有关法规不予共享"
    elif op == 2:
        new["items"][0]["length"] = max(1, new["items"][0]["length"] - 1)
    elif op == 3:
        new["items"].append({"name": "备注", "data_type": "字符型", "length": 500})
    elif op == 4:
        new["code"] = new["code"].split("/")[0] + f"/{900000 + n:06d}"
    else:
        new["update_cycle"] = "每年"
    return new


def versions(count: int, seed: int = 20240301) -> tuple[dict[str, Any], dict[str, Any], int]:
    """Two catalog documents; the second changes 1 % of resources and adds a few."""
    rng = random.Random(seed)
    old = [make_resource(rng, i) for i in range(count)]
    changed = set(rng.sample(range(count), count // 100))
    new: list[dict[str, Any]] = []
    for i, record in enumerate(old):
        if i in changed:
            edited = edit(rng, record, i)
            if edited is not None:
                new.append(edited)
        else:
            new.append(record)
    new.extend(make_resource(rng, count + j) for j in range(count // 1000))
    info = {"name": "某省政务信息资源目录", "version": "1"}
    return (
        {"catalog": info, "resources": old},
        {"catalog": {**info, "version": "2"}, "resources": new},
        len(changed),
    )


def peak_rss_mib() -> float:
    """Peak resident set size of this process, MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, func: Any) -> tuple[Any, float]:
    gc.collect()
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"  {label:<34} {elapsed:8.2f} s   peak RSS {peak_rss_mib():8.0f} MiB", flush=True)
    return result, elapsed


def run_pair(count: int, folder: Path, *, deepdiff: bool, limit: float = 600.0) -> None:
    pack = get_pack()
    print(f"\n{count:,} resources", flush=True)
    old_doc, new_doc, changed = versions(count)
    a_path, b_path = folder / f"v1-{count}.json", folder / f"v2-{count}.json"
    a_path.write_text(json.dumps(old_doc, ensure_ascii=False), encoding="utf-8")
    b_path.write_text(json.dumps(new_doc, ensure_ascii=False), encoding="utf-8")
    size = (a_path.stat().st_size + b_path.stat().st_size) / 2**20
    print(
        f"  files: {size:.0f} MiB together; {changed:,} resources edited, {count // 1000:,} added"
    )
    del old_doc, new_doc
    (a, b), load = timed(
        "load both files", lambda: (load_side(a_path, pack), load_side(b_path, pack))
    )
    result, dt_diff = timed("diff (match + classify)", lambda: compare(a, b))
    patch, _ = timed("JSON Patch", result.to_patch)
    print(
        f"  {len(result):,} changes, {len(patch):,} patch operations; "
        f"diff = {dt_diff / load:.2f}× load; {count / dt_diff:,.0f} resources/s"
    )
    if deepdiff:
        _, ours = timed("govcatalog compare (same records)", lambda: compare(a, b))
        by_code = ({r["code"]: r for r in a.records}, {r["code"]: r for r in b.records})
        for label, pair in (
            ("DeepDiff(old, new), lists", (list(a.records), list(b.records))),
            ("DeepDiff, keyed by code", by_code),
        ):
            theirs = run_deepdiff(label, pair, limit)
            bound = ">" if theirs >= limit else ""
            print(f"  govcatalog compare is {bound}{theirs / ours:,.0f}× faster than {label}")


class _TimeLimitError(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _TimeLimitError


def run_deepdiff(label: str, pair: tuple[Any, Any], limit: float) -> float:
    """Seconds DeepDiff takes on ``pair`` (``limit`` when stopped there)."""
    from deepdiff import DeepDiff

    gc.collect()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        DeepDiff(pair[0], pair[1])
        elapsed = time.perf_counter() - start
        note = ""
    except _TimeLimitError:
        elapsed = limit
        note = "  (stopped at the time limit)"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    print(f"  {label:<34} {elapsed:8.2f} s   peak RSS {peak_rss_mib():8.0f} MiB{note}", flush=True)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=200_000)
    parser.add_argument("--deepdiff-resources", type=int, default=20_000)
    parser.add_argument(
        "--deepdiff-limit", type=float, default=600.0, help="seconds before DeepDiff is stopped"
    )
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        run_pair(args.deepdiff_resources, Path(tmp), deepdiff=True, limit=args.deepdiff_limit)
        run_pair(args.resources, Path(tmp), deepdiff=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
