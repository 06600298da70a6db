"""Benchmark: the coercer on the resources the fast path refuses (CPU µs a resource).

Reads a JSON catalog as validation does, keeps the resources the fast path hands to the
coercer (about one in five of the generated catalogs: each carries a defect), then times
``Coercer.resource`` over them, in the process, with the garbage collector off; the best of
``--repeat`` passes is reported, with the median. ``--distinct`` first gives every 信息项 a
description of its own, so that nothing the coercer remembers of one record serves another::

    python benchmarks/bench_coerce.py benchmarks/.data/city.json
    python benchmarks/bench_coerce.py benchmarks/.data/city.json --distinct
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path
from typing import Any

import msgspec

from govcatalog.packs.registry import get_pack
from govcatalog.records.fast import fast_reader
from govcatalog.records.fast_json import layout, spans


def distinct_descriptions(buf: bytes) -> bytes:
    """The catalog with a description of its own on every 信息项."""
    doc = msgspec.json.decode(buf)
    count = 0
    for resource in doc["resources"]:
        for item in resource.get("items") or []:
            if isinstance(item, dict):
                count += 1
                item["description"] = f"{item.get('name', '')}的说明，第{count}项"
    return msgspec.json.encode(doc)


def refused(buf: bytes) -> list[Any]:
    """The resources of a catalog the fast path leaves to the coercer, decoded."""
    reader = fast_reader(get_pack())
    assert reader is not None, "the fast path is off (msgspec missing, or GOVCATALOG_FAST=0)"
    shape = layout(buf, reader.msgspec)
    assert shape is not None, "not a catalog of the plain JSON shape"
    return [
        reader.decoded(view) for _, _, _, view in spans(buf, shape) if reader.read(view) is None
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--distinct", action="store_true", help="a description per 信息项")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    buf = args.catalog.read_bytes()
    if args.distinct:
        buf = distinct_descriptions(buf)
    resources = refused(buf)
    coercer = fast_reader(get_pack()).coercer  # type: ignore[union-attr]
    read = coercer.resource
    for data in resources:  # warm: what the coercer remembers, the interpreter's caches
        read(data)
    gc.disable()
    times = []
    for _ in range(args.repeat):
        start = time.process_time()
        for data in resources:
            read(data)
        times.append((time.process_time() - start) / len(resources) * 1e6)
    gc.enable()
    print(
        f"{len(resources):,} resources refused by the fast path: "
        f"{min(times):.1f} µs a resource (median {statistics.median(times):.1f})"
    )


if __name__ == "__main__":
    main()
