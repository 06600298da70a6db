"""Small builders shared by tests: a valid resource and catalog documents."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from govcatalog._bilingual import Bilingual
from govcatalog.records.hits import Hit
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    ItemSpec,
    ResolveIndex,
    ResourceSpec,
    ScanIndex,
)

VALID_RESOURCE: dict[str, Any] = {
    "category": {"lei": "基础信息资源目录", "xiang": "国家人口基础信息资源"},
    "name": "户籍人口基本信息",
    "code": "101001/000001",
    "provider": "示例市公安局",
    "provider_code": "11100000000013338W",
    "abstract": "全市户籍人口的基本信息",
    "format": {"format_class": "数据库", "format_types": ["Oracle"]},
    "items": [
        {"name": "公民身份号码", "data_type": "字符型", "length": 18},
        {"name": "姓名", "data_type": "字符型", "length": 50},
    ],
    "share": {
        "share_type": "无条件共享",
        "share_mode_class": "共享平台方式",
        "share_mode_type": "接口",
    },
    "open": {"open_to_public": False},
    "update_cycle": "实时",
    "publish_date": "2024-03-01",
}


def resource(**changes: Any) -> dict[str, Any]:
    """A valid resource with top-level ``changes`` applied (None deletes a key)."""
    res = copy.deepcopy(VALID_RESOURCE)
    for key, value in changes.items():
        if value is None:
            res.pop(key, None)
        else:
            res[key] = value
    return res


def write_catalog(path: Path, *resources: dict[str, Any]) -> Path:
    """Write a canonical JSON catalog of ``resources`` to ``path``."""
    path.write_text(
        json.dumps(
            {"catalog": {"name": "测试目录"}, "resources": list(resources)},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return path


def in_chinese(hits: Iterable[Hit]) -> list[Hit]:
    """``hits`` with each parameter said in both languages (a vocabulary value) given as its
    Chinese text: what the Chinese messages show, which a test compares with plain text."""
    return [
        replace(
            h, params={k: str(v) if isinstance(v, Bilingual) else v for k, v in h.params.items()}
        )
        for h in hits
    ]


@contextmanager
def fast_path(on: bool) -> Iterator[None]:
    """JSON read by the fast path (``on``) or by the full reader only, within the block."""
    before = os.environ.get("GOVCATALOG_FAST")
    os.environ["GOVCATALOG_FAST"] = "1" if on else "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["GOVCATALOG_FAST"]
        else:
            os.environ["GOVCATALOG_FAST"] = before


def json_pointers(value: object, prefix: str = "") -> list[tuple[str, object]]:
    """Every JSON Pointer of ``value`` (the document itself first) with what it points at."""
    out: list[tuple[str, object]] = [(prefix, value)]
    if isinstance(value, dict):
        for k, v in value.items():
            out += json_pointers(v, f"{prefix}/{k.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += json_pointers(v, f"{prefix}/{i}")
    return out


def single_resource_indexes(keys: Iterable[str]) -> tuple[ResolveIndex, ScanIndex]:
    """The resolver's index and the brute-force scan over one resource whose 信息项 are
    ``keys``, for comparing their answers."""
    spec = ResourceSpec("11001/000000", "资源", None, None, None, tuple(map(ItemSpec, keys)))
    entries = [CatalogEntry("cat", "1", CatalogRole.DEPARTMENT, None, None, (spec,))]
    return ResolveIndex.build(entries), ScanIndex(entries)
