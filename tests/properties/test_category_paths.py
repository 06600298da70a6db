"""信息资源分类 written as one path (部门信息资源目录/省（自治区、直辖市）及其下各级政务部门/市场监管局,
as catalog systems export it) reads as its 类, 项, 目 and 细目: the same record as the levels
written apart, one GC-F003 saying how it was read, and the same findings otherwise."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.paths import split_path
from tests.conftest import TODAY

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "city-catalog.json"
CATALOG: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
LEVELS = ("lei", "xiang", "mu", "ximu")
PACK = get_pack("gb-1272")


def _as_path(resource: dict[str, Any], sep: str, pad: str) -> dict[str, Any]:
    out = copy.deepcopy(resource)
    category = out.pop("category")
    out["信息资源分类"] = f"{pad}{sep}{pad}".join(category[k] for k in LEVELS if k in category)
    return out


_SEPS = st.sampled_from(["/", "／", ">", "＞", "→", "|", "\\"])
_PADS = st.sampled_from(["", " "])


@given(index=st.integers(0, len(CATALOG["resources"]) - 1), sep=_SEPS, pad=_PADS)
def test_a_path_reads_as_its_levels(index: int, sep: str, pad: str) -> None:
    resource = CATALOG["resources"][index]
    coercer = Coercer(PACK)
    apart = coercer.resource(resource)
    joined = coercer.resource(_as_path(resource, sep, pad))
    assert apart is not None and joined is not None
    assert joined.record == apart.record
    extra = [(h.code, h.pointer) for h in joined.hits if (h.code, h.pointer) not in
             {(a.code, a.pointer) for a in apart.hits}]  # fmt: skip
    assert extra == [("GC-F003", "/category/lei")]


@given(sep=_SEPS)
def test_a_catalog_of_paths_gives_the_same_findings_and_one_note_each(sep: str) -> None:
    data = copy.deepcopy(CATALOG)
    data["resources"] = [_as_path(r, sep, "") for r in data["resources"][:12]]
    apart = copy.deepcopy(CATALOG)
    apart["resources"] = apart["resources"][:12]

    def seen(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
        from govcatalog.validate import ValidationOptions

        report = validate(doc, options=ValidationOptions(today=TODAY))
        return sorted((f.code, f.location.pointer) for f in report.findings)

    notes = [("GC-F003", f"/resources/{i}/信息资源分类") for i in range(12)]
    assert seen(data) == sorted(seen(apart) + notes)


def test_what_is_no_path_of_the_classification_is_read_as_before() -> None:
    coercer = Coercer(PACK)
    for text in ("数据库/oracle", "部门信息资源目录/国务院/发展改革委/价格司/多余", "部门-"):
        out = coercer.resource({"信息资源分类": text})
        assert out is not None
        assert ("GC-F002", "/category/lei") in [(h.code, h.pointer) for h in out.hits]


def test_split_path() -> None:
    assert split_path("基础 / 人口 / 户籍") == ["基础", "人口", "户籍"]
    assert split_path("部门-国务院") == ["部门", "国务院"]
    assert split_path("部门") is None
    assert split_path("部门//国务院") is None


CLASSES = {"1": "基础信息资源目录", "2": "主题信息资源目录", "3": "部门信息资源目录"}
_CODES = st.tuples(
    st.sampled_from("123"),
    st.integers(0, 99).map("{:02d}".format),
    st.integers(0, 999).map("{:03d}".format),
    st.sampled_from(["", "01", "0203", "7"]),
)


@given(code=_CODES, index=st.integers(0, len(CATALOG["resources"]) - 1))
def test_a_classification_code_reads_as_its_levels_written_apart(
    code: tuple[str, str, str, str], index: int
) -> None:
    """信息资源分类 written as its 分类码 (307001, the 前段码 of a 信息资源代码) reads as the
    same levels written with a separator (3-07-001): the same record and the same findings,
    one GC-F003 saying how it was read."""
    resource = copy.deepcopy(CATALOG["resources"][index])
    resource.pop("category")
    coercer = Coercer(PACK)
    levels = [part for part in code if part]
    joined = coercer.resource({**resource, "信息资源分类": "".join(levels)})
    dashed = coercer.resource({**resource, "信息资源分类": "-".join(levels)})
    assert joined is not None and dashed is not None
    assert joined.record == dashed.record
    assert [(h.code, h.pointer, h.params) for h in joined.hits] == [
        (h.code, h.pointer, h.params) for h in dashed.hits
    ]
    assert ("GC-F003", "/category/lei") in [(h.code, h.pointer) for h in joined.hits]
    category = joined.record["category"]
    assert category["lei"] == CLASSES[code[0]]
    assert category["mu"] == code[2]  # a 目 is kept as written: the guide names no 目 codes


def test_what_is_no_classification_code_is_read_as_before() -> None:
    coercer = Coercer(PACK)
    for text in ("407001", "30700", "3070a1", "３０７００１"):
        out = coercer.resource({"信息资源分类": text})
        assert out is not None
        assert ("GC-F002", "/category/lei") in [(h.code, h.pointer) for h in out.hits], text
