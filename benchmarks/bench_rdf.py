"""Benchmark: RDF export and SHACL validation, each part in its own subprocess (own peak RSS).

1. Export of a synthetic catalog (default 20,000 resources) to Turtle:
   - fast: govcatalog's writer, text straight from the statement blocks;
   - naive: the same statements added to an rdflib Graph triple by triple, then
     ``Graph.serialize(format="turtle")`` — on the first ``--naive-limit`` resources (rdflib
     takes minutes per thousand), compared with the fast writer on the same resources and,
     as throughput, on the whole catalog.
2. Validation of 1,000 and 5,000 resources: the native validator (every rule) against
   pySHACL running the pack's shapes (``govcatalog shapes``) on the same data (graph
   building included, and shown apart).

The catalog comes from ``benchmarks/generate.py`` when it is there (the project's seeded
synthetic catalogs); otherwise from a small seeded generator below::

    python benchmarks/bench_rdf.py            # 20k export (rdflib on 2k), 1k and 5k validation
    python benchmarks/bench_rdf.py --resources 2000 --shacl-sizes 200
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


# ------------------------------------------------------------------------------ data
def _fallback_catalog(count: int, seed: int) -> dict[str, object]:
    """A seeded catalog in the canonical JSON shape, about 20 items per resource."""
    rng = random.Random(seed)
    types = ["字符型", "数值型", "日期型", "整型"]
    cycles = ["实时", "每日", "每周", "每月", "每季度", "每年"]
    resources = []
    for i in range(count):
        items = [
            {"name": f"字段{j}", "data_type": rng.choice(types), "length": rng.randint(1, 200)}
            for j in range(rng.randint(10, 30))
        ]
        share = rng.choice(
            [
                {
                    "share_type": "无条件共享",
                    "share_mode_class": "共享平台方式",
                    "share_mode_type": "接口",
                },
                {
                    "share_type": "有条件共享",
                    "share_condition": "经申请审批后共享",
                    "share_mode_class": "共享平台方式",
                    "share_mode_type": "文件",
                },
                {
                    "share_type": "不予共享",
                    "share_condition": "依据《中华人民共和国保守国家秘密法》第九条",
                },
            ]
        )
        resources.append(
            {
                "category": {"lei": "部门信息资源目录", "xiang": "国务院"},
                "name": f"业务信息{i}",
                "code": f"303{i % 1000:03d}/{i:06d}",
                "provider": f"部门{i % 40}",
                "provider_code": "11420600011060017B",
                "abstract": f"第 {i} 项业务的办理信息。",
                "format": {"format_class": "数据库", "format_types": ["oracle"]},
                "items": items,
                "share": share,
                "open": {"open_to_public": False},
                "update_cycle": rng.choice(cycles),
                "publish_date": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 5)}",
            }
        )
    return {"catalog": {"name": "合成目录", "publisher": "合成编制单位"}, "resources": resources}


def catalog_path(count: int, seed: int) -> Path:
    """The synthetic catalog of ``count`` resources, generated once into ``benchmarks/.data``."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"rdf-bench-{count}-{seed}.json"
    if path.exists():
        return path
    sys.path.insert(0, str(HERE))
    try:
        from generate import generate  # the project's generator, when present
    except ImportError:
        path.write_text(
            json.dumps(_fallback_catalog(count, seed), ensure_ascii=False), encoding="utf-8"
        )
    else:
        with path.open("w", encoding="utf-8") as out:
            generate(out, count, seed=seed)
    return path


# ------------------------------------------------------------------------------ parts
def part_export(path: Path, naive: bool, limit: int) -> dict[str, float]:
    from govcatalog import load_catalog
    from govcatalog.rdf.graph import graph_from_blocks
    from govcatalog.rdf.mapping import iter_blocks
    from govcatalog.rdf.text import iter_turtle

    data = load_catalog(path).to_json_dict()
    resources = data["resources"]
    assert isinstance(resources, list)
    data["resources"] = resources[:limit]
    started, cpu = time.perf_counter(), time.process_time()
    if naive:
        text = graph_from_blocks(iter_blocks(data)).serialize(format="turtle")
        size = len(text.encode())
    else:
        buf = io.StringIO()
        for chunk in iter_turtle(iter_blocks(data)):
            buf.write(chunk)
        size = len(buf.getvalue().encode())
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "resources": len(data["resources"]),
        "mb": size / 1e6,
        "rss": _peak_rss_mb(),
    }


def part_validate(path: Path, count: int, engine: str) -> dict[str, float]:
    from govcatalog import get_pack
    from govcatalog.io.records import RawRecord, SourceDocument
    from govcatalog.validate import ValidationOptions, Validator

    full = json.loads(path.read_text(encoding="utf-8"))
    resources = full["resources"][:count]
    pack = get_pack("gb-1272@^1")

    def doc() -> SourceDocument:
        records = iter([RawRecord(i, f"/resources/{i}", r) for i, r in enumerate(resources)])
        return SourceDocument("bench", RawRecord(-1, "/catalog", full.get("catalog", {})), records)

    if engine == "native":
        validator = Validator(pack, ValidationOptions())
        started, cpu = time.perf_counter(), time.process_time()
        report = validator.validate_document(doc())
        return {
            "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu,
            "findings": len(report),
            "rss": _peak_rss_mb(),
        }
    from govcatalog.rdf.graph import graph_from_blocks
    from govcatalog.rdf.mapping import ExportOptions, iter_blocks
    from govcatalog.rdf.shacl import run_shacl, shacl_record
    from govcatalog.rdf.shapes import build_shapes
    from govcatalog.records import iter_records

    shapes = build_shapes(pack)
    started, cpu = time.perf_counter(), time.process_time()
    raws = (RawRecord(i, f"/resources/{i}", r) for i, r in enumerate(resources))
    catalog = {"catalog": {}, "resources": [shacl_record(r) for r in iter_records(raws, pack)]}
    graph = graph_from_blocks(iter_blocks(catalog, ExportOptions(dcat=False)))
    built = time.process_time()
    results = run_shacl(graph, shapes)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "graph_cpu": built - cpu,
        "findings": len(results),
        "rss": _peak_rss_mb(),
    }


def _run(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--part", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=20_000, help="catalog size for the export")
    parser.add_argument(
        "--naive-limit", type=int, default=2000, help="resources for the (slow) rdflib export"
    )
    parser.add_argument("--shacl-sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=1272)
    parser.add_argument("--skip-export", action="store_true", help="only the validation part")
    parser.add_argument("--part", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part:
        kind, path, *rest = args.part
        if kind == "export":
            res = part_export(Path(path), naive=rest[0] == "naive", limit=int(rest[1]))
        else:
            res = part_validate(Path(path), int(rest[0]), rest[1])
        print(json.dumps(res))
        return
    path = catalog_path(max([args.resources, *args.shacl_sizes]), args.seed)
    print(f"catalog: {path.name}  (times are CPU seconds of the measured part; wall in brackets)")
    if not args.skip_export:
        _export(path, args.resources, min(args.naive_limit, args.resources))
    for size in args.shacl_sizes:
        native = _run("validate", str(path), str(size), "native")
        shacl = _run("validate", str(path), str(size), "shacl")
        print(f"validation of {size:,} resources:")
        print(
            f"  native   {_t(native)}  {size / native['cpu']:10,.0f} resources/s"
            f"  {native['findings']:,.0f} findings  peak RSS {native['rss']:,.0f} MB"
        )
        print(
            f"  pySHACL  {_t(shacl)}  {size / shacl['cpu']:10,.1f} resources/s"
            f"  {shacl['findings']:,.0f} results   peak RSS {shacl['rss']:,.0f} MB"
            f"  (of which graph building {shacl['graph_cpu']:.2f} s)"
        )
        print(f"  speed-up {shacl['cpu'] / native['cpu']:.0f}x")


def _t(res: dict[str, float]) -> str:
    return f"{res['cpu']:9.2f} s ({res['seconds']:8.2f} s)"


def _export(path: Path, resources: int, limit: int) -> None:
    print("export to Turtle:")
    fast = _run("export", str(path), "fast", str(resources))
    small = _run("export", str(path), "fast", str(limit))
    naive = _run("export", str(path), "naive", str(limit))
    for label, res in (("govcatalog", fast), ("govcatalog", small), ("rdflib", naive)):
        n = res["resources"]
        print(
            f"  {label:<10} {n:7,.0f} resources  {_t(res)}  {n / res['cpu']:9,.0f} resources/s"
            f"  {res['mb']:6.0f} MB Turtle  peak RSS {res['rss']:,.0f} MB"
        )
    fast_rate = fast["resources"] / fast["cpu"]
    naive_rate = naive["resources"] / naive["cpu"]
    print(
        f"  speed-up on the same {limit:,} resources: {naive['cpu'] / small['cpu']:.1f}x;"
        f" throughput on {resources:,} against rdflib on {limit:,}: {fast_rate / naive_rate:.1f}x"
    )


if __name__ == "__main__":
    main()
