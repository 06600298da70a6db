"""A 项 written by a short name within its 类 (法人, 基础-人口, 空间地理) reads as the 项."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from govcatalog import ValidationOptions, validate
from govcatalog.packs import Pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.fast import fast_reader
from govcatalog.records.xiang import XiangNames
from tests.conftest import TODAY
from tests.helpers import resource

BASE = "基础信息资源目录"
THEME = "主题信息资源目录"
DEPARTMENT = "部门信息资源目录"
POPULATION = "国家人口基础信息资源"
LEGAL = "法人单位基础信息资源"
GEO = "自然资源和空间地理基础信息资源"
OPTIONS = ValidationOptions(today=TODAY)


@pytest.fixture(scope="module")
def names(pack: Pack) -> XiangNames:
    return XiangNames(pack.vocabulary("resource-class"))


@pytest.mark.parametrize(
    ("lei", "written", "xiang"),
    [
        (BASE, "人口", POPULATION),
        (BASE, "国家人口", POPULATION),
        (BASE, "人口基础信息资源", POPULATION),
        (BASE, "法人", LEGAL),
        (BASE, "法人单位", LEGAL),
        (BASE, "法人基础信息资源", LEGAL),
        (BASE, "法 人", LEGAL),
        (BASE, "空间地理", GEO),
        (BASE, "自然资源和空间地理", GEO),
        (BASE, "社会信用", "社会信用基础信息资源"),
        (BASE, "电子证照", "电子证照基础信息资源"),
        (THEME, "社会保障主题", "社会保障"),
        (THEME, "社会保障主题信息资源", "社会保障"),
        (DEPARTMENT, "国务院部门", "国务院"),
        (
            DEPARTMENT,
            "省(自治区、直辖市)及其下各级政务部门",
            "省（自治区、直辖市）及其下各级政务部门",
        ),
    ],
)
def test_a_short_name_within_its_class_names_its_item(
    names: XiangNames, lei: str, written: str, xiang: str
) -> None:
    found = names.named(lei, written)
    assert found is not None and found.label_zh == xiang


@pytest.mark.parametrize(
    ("lei", "written"),
    [
        (BASE, LEGAL),  # the label itself: nothing to read
        (THEME, "法人"),  # a short name of another 类's 项
        (THEME, "信用"),
        (BASE, "社会保障"),  # a 项 of another 类
        (DEPARTMENT, "最高人民"),  # the start of two 项: 最高人民法院, 最高人民检察院
        (DEPARTMENT, "全国"),
        (BASE, "法"),  # no name: the start of one is not one
        (BASE, "基础"),  # the 类 itself
        (BASE, "02"),  # a code: the rule reads it
        ("未知", "法人"),
    ],
)
def test_what_names_no_item_or_several_is_not_read(
    names: XiangNames, lei: str, written: str
) -> None:
    assert names.named(lei, written) is None


def test_a_name_two_items_of_a_class_share_names_neither(pack: Pack) -> None:
    # 法人单位 is 法人单位基础信息资源 without its 类; given also to 国家人口基础信息资源, it
    # says neither, while the names only one has still do.
    vocab = pack.vocabulary("resource-class").with_aliases({POPULATION: ["法人单位"]})
    shared = XiangNames(vocab)
    assert shared.named(BASE, "法人单位") is None
    assert shared.named(BASE, "法人单位基础信息资源目录") is None
    assert shared.named(BASE, "法人") is not None
    assert shared.named(BASE, "人口") is not None


def _hits(pack: Pack, data: dict[str, object]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    out = Coercer(pack).resource(data)
    assert out is not None
    return out.record["category"], [(h.code, out.original(h.pointer)) for h in out.hits]


def test_a_short_name_is_read_wherever_the_item_is_written(pack: Pack) -> None:
    nested = {"信息资源分类": {"项分类": "法人", "类分类": "基础"}}  # the 项 before its 类
    category, hits = _hits(pack, nested)
    assert category == {"lei": BASE, "xiang": LEGAL}
    assert [hit for hit in hits if hit[0] == "GC-F003"] == [
        ("GC-F003", "/信息资源分类/类分类"),
        ("GC-F003", "/信息资源分类/项分类"),
    ]
    category, hits = _hits(pack, {"项": "空间地理", "类": BASE})  # columns of a table
    assert category == {"lei": BASE, "xiang": GEO}
    assert [hit for hit in hits if hit[0] == "GC-F003"] == [("GC-F003", "/项")]


def test_a_path_says_the_item_it_read(pack: Pack) -> None:
    out = Coercer(pack).resource({"信息资源分类": "基础信息资源类/法人/企业登记"})
    assert out is not None
    assert out.record["category"] == {"lei": BASE, "xiang": LEGAL, "mu": "企业登记"}
    notes = [h for h in out.hits if h.code == "GC-F003"]
    said = {str(h.params["canonical"]) for h in notes}
    assert said == {BASE, LEGAL, f"类：{BASE}；项：{LEGAL}；目：企业登记"}
    assert {out.original(h.pointer) for h in notes} == {"/信息资源分类"}


def _validate(source: object) -> list[tuple[str, str | None, str]]:
    report = validate(source, options=OPTIONS)
    return [(f.code, f.location.pointer, f.message_zh) for f in report.findings]


def test_a_short_name_validates_as_its_item_with_one_note(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    short = resource(category={"lei": BASE, "xiang": "法人"}, code="102001/000001")
    path.write_text(json.dumps({"resources": [short]}, ensure_ascii=False), encoding="utf-8")
    assert _validate(path) == [
        (
            "GC-F003",
            "/resources/0/category/xiang",
            "“项”的取值“法人”为非标准写法，按“法人单位基础信息资源”处理。",
        )
    ]


def test_a_name_that_is_no_item_of_its_class_stays_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    wrong = [
        resource(category={"lei": DEPARTMENT, "xiang": "最高人民"}, code="305001/000001"),
        resource(category={"lei": THEME, "xiang": "法人"}, code="201001/000001", name="企业"),
    ]
    path.write_text(json.dumps({"resources": wrong}, ensure_ascii=False), encoding="utf-8")
    assert [(code, pointer) for code, pointer, _ in _validate(path) if code != "GC-F003"] == [
        ("GC-F008", "/resources/0/category/xiang"),
        ("GC-F008", "/resources/1/category/xiang"),
    ]


def test_the_fast_path_leaves_a_short_name_to_the_coercer(pack: Pack) -> None:
    reader = fast_reader(pack)
    if reader is None:
        pytest.skip("no fast path without msgspec")
    plain = resource()
    short = resource(category={"lei": BASE, "xiang": "人口"})
    assert reader.read(json.dumps(plain, ensure_ascii=False).encode()) is not None
    assert reader.read(json.dumps(short, ensure_ascii=False).encode()) is None


def test_a_workbook_with_one_classification_column(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["信息资源分类", "信息资源名称", "信息资源代码", "信息项名称"])
    ws.append(["基础信息资源类-法人", "企业登记信息", "102001/000001", "统一社会信用代码"])
    ws.append(["基础-人口", "户籍人口信息", "101001/000001", "公民身份号码"])
    ws.append(["主题信息资源类-法人", "企业信用信息", "201001/000001", "统一社会信用代码"])
    path = tmp_path / "c.xlsx"
    wb.save(path)
    seen = [
        (f.code, f.location.cell, f.message_zh)
        for f in validate(path, options=OPTIONS).findings
        if f.code in ("GC-F003", "GC-F008")
    ]
    read_as = "“项”的取值“{}”为非标准写法，按“{}”处理。"
    assert ("GC-F003", "A2", read_as.format("法人", LEGAL)) in seen
    assert ("GC-F003", "A3", read_as.format("人口", POPULATION)) in seen
    path_read = "“信息资源分类”的取值“基础-人口”为非标准写法，按“类：{}；项：{}”处理。"
    assert ("GC-F003", "A3", path_read.format(BASE, POPULATION)) in seen
    assert [(code, cell) for code, cell, _ in seen if code == "GC-F008"] == [("GC-F008", "A4")]
    assert [(code, cell) for code, cell, _ in seen].count(("GC-F003", "A4")) == 2  # 类, path
