"""The native validator and the pack's SHACL shapes agree: the same findings, compared as
(code, resource) pairs over the codes the shapes cover, on targeted cases, on the pack's
conformance cases and on generated catalogs."""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from rdflib.namespace import SH

from govcatalog.errors import LoadError
from govcatalog.io.formats import read_document
from govcatalog.io.records import RawRecord, SourceDocument
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.builtin import standards
from govcatalog.rdf.graph import graph_from_blocks
from govcatalog.rdf.mapping import ExportOptions, iter_blocks
from govcatalog.rdf.shacl import (
    results_of,
    run_shacl,
    shacl_record,
    validate_document_shacl,
    validate_shacl,
)
from govcatalog.rdf.shapes import NATIVE_ONLY, PackShapes, build_shapes
from govcatalog.records import iter_records
from govcatalog.report import Report
from govcatalog.validate import ValidationOptions, Validator
from tests.conftest import TODAY
from tests.properties.rdf_strategies import BAD, raw_catalogs

pytest.importorskip("pyshacl")

_RECORD = re.compile(r"^(?:/[^/]+)?/(\d+)(?:/|$)")

Pairs = set[tuple[str, int]]


@pytest.fixture(scope="module")
def shapes(pack: Pack) -> PackShapes:
    return build_shapes(pack)


def _pairs(report: Report, codes: frozenset[str]) -> Pairs:
    out: Pairs = set()
    for f in report.findings:
        pointer = f.location.pointer or ""
        match = _RECORD.match(pointer)
        if f.code in codes and match and not pointer.startswith("/catalog"):
            out.add((f.code, int(match[1])))
    return out


def _document(catalog: dict[str, object]) -> Callable[[], SourceDocument]:
    resources = catalog["resources"]
    assert isinstance(resources, list)

    def make() -> SourceDocument:
        records = iter([RawRecord(i, f"/resources/{i}", r) for i, r in enumerate(resources)])
        return SourceDocument("<generated>", RawRecord(-1, "/catalog", catalog["catalog"]), records)

    return make


def _both(
    open_doc: Callable[[], SourceDocument], pack: Pack, shapes: PackShapes
) -> tuple[Pairs, Pairs]:
    native = Validator(pack, ValidationOptions(today=TODAY)).validate_document(open_doc())
    shacl = validate_document_shacl(open_doc(), pack, shapes=shapes)
    return _pairs(native, shapes.codes), _pairs(shacl, shapes.codes)


def test_shapes_and_native_only_partition_the_codebook(pack: Pack, shapes: PackShapes) -> None:
    assert set(pack.codebook) <= shapes.codes | set(NATIVE_ONLY)
    assert not shapes.codes & set(NATIVE_ONLY)


# ------------------------------------------------------------------------------ targeted cases
VALID = {
    "category": {"lei": "基础信息资源目录", "xiang": "国家人口基础信息资源"},
    "name": "常住人口基本信息",
    "code": "101001/000001",
    "provider": "市公安局",
    "provider_code": "11420600011060017B",
    "abstract": "全市常住人口的基本信息。",
    "format": {"format_class": "数据库", "format_types": ["oracle"]},
    "items": [{"name": "姓名", "data_type": "字符型", "length": 50}],
    "share": {
        "share_type": "无条件共享",
        "share_mode_class": "共享平台方式",
        "share_mode_type": "接口",
    },
    "open": {"open_to_public": False},
    "update_cycle": "每日",
    "publish_date": "2024-03-01",
}


def _with(path: str, value: object) -> dict[str, object]:
    rec = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    target: dict[str, object] = rec
    for p in parents:
        target = target.setdefault(p, {})  # type: ignore[assignment]
    if value is None:
        target.pop(last, None)
    else:
        target[last] = value
    return rec


TARGETED = {
    "GC-F001": _with("name", None),
    "GC-F002": _with("update_cycle", BAD),
    "GC-F004": _with("name", "名" * 51),
    "GC-F005": _with("code", "101001_000001"),
    "GC-F008": _with("category.xiang", "社会保障"),
    "GC-F010": _with("items", [{"name": "姓名", "data_type": "字符型", "length": 0}]),
    "GC-F018": _with("update_cycle", "每日、每月"),
    "GC-R001": _with("share.share_condition", "需申请"),
    "GC-R002": _with("share.share_type", "有条件共享"),
    "GC-R003": {**_with("share.share_type", "不予共享"), "share": {"share_type": "不予共享"}},
    "GC-R004": _with("share.share_type", "不予共享"),
    "GC-R005": _with("open.open_to_public", True),
    "GC-R006": _with("items", None),
    "GC-R007": _with("code", "201001/000001"),
    "GC-R009": _with("publish_date", "2024-02-30"),
    "GC-F019": _with("publish_date", "2024年3月"),
    "GC-R010": {
        **VALID,
        "share": {
            "share_type": "无条件共享",
            "share_mode_class": "邮件方式",
            "share_mode_type": "文件",
        },
    },
    "GC-R012": _with("format", {"format_class": "其他", "format_types": ["自定义"]}),
}


def test_valid_resource_gives_no_finding(pack: Pack, shapes: PackShapes) -> None:
    native, shacl = _both(_document({"catalog": {}, "resources": [VALID]}), pack, shapes)
    assert native == shacl == set()


def test_targeted_cases(pack: Pack, shapes: PackShapes) -> None:
    """Each covered code on its own resource; the native report, rendered with
    ``Report.to_graph()``, names the same (code, focus node) results as the SHACL engine."""
    codes = sorted(TARGETED)
    resources = [VALID]
    for i, c in enumerate(codes, 1):
        resources.append(
            TARGETED[c]
            if c in ("GC-F005", "GC-R007")
            else dict(TARGETED[c], code=f"101001/{100 + i:06d}")
        )
    catalog: dict[str, object] = {"catalog": {}, "resources": resources}
    native = Validator(pack, ValidationOptions(today=TODAY)).validate_document(_document(catalog)())
    for index, code in enumerate(codes, 1):
        assert (code, index) in _pairs(native, shapes.codes), code
    graph = native.to_graph()
    top = next(graph.subjects(rdflib.RDF.type, SH.ValidationReport))
    assert graph.value(top, SH.conforms) == rdflib.Literal(False)
    assert len(set(graph.objects(top, SH.result))) == len(native.findings)
    from_native = {(r.code, r.focus) for r in results_of(graph, shapes.graph)}
    data = graph_from_blocks(iter_blocks(catalog, ExportOptions(dcat=False)))
    from_engine = {(r.code, r.focus) for r in run_shacl(data, shapes)}
    assert from_native == from_engine


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("２０２４－０３－０１", set()),  # read as 2024-03-01 (GC-F003, not the shapes')
        ("2024．3．1", set()),
        ("２０２４-０３-０１", set()),
        ("２０２４－０２－３０", {"GC-R009"}),  # no such day
        ("２０２４年３月", {"GC-F019"}),
        ("２０２４－０３", {"GC-F019"}),
        ("2024．3", {"GC-F019"}),
        ("２０２４／１３", {"GC-R009"}),
        ("2024 年 3 月 1 日", set()),  # spaces around the separators
        ("2024 - 03 - 01", set()),
        ("2024。3。1", set()),  # the full stop for the point
        ("2024 年 3 月", {"GC-F019"}),
        ("2024\u3000-\u300003", {"GC-F019"}),
        ("2024。3", {"GC-F019"}),
        ("2024,3,1", {"GC-R009"}),  # a comma is no separator of a date
        ("2024,03", {"GC-R009"}),
        ("2024 3", {"GC-R009"}),  # nor a space alone
    ],
)
def test_dates_of_either_width(
    pack: Pack, shapes: PackShapes, written: str, codes: set[str]
) -> None:
    """The shapes judge a date as read: one the reader reads is an xsd:date, one written
    without its day matches the very pattern the reader uses, full-width separators too."""
    native, shacl = _both(
        _document({"catalog": {}, "resources": [_with("publish_date", written)]}), pack, shapes
    )
    assert native == shacl == {(code, 0) for code in codes}


def test_every_covered_code_has_a_targeted_case(shapes: PackShapes) -> None:
    assert set(TARGETED) == shapes.codes


# ------------------------------------------------------------------------------ files
def _case_dirs() -> dict[str, Path]:
    """Each pack version that ships conformance cases, by reference."""
    found: dict[str, Path] = {}
    for pack_dir in standards().iterdir():
        for version in pack_dir.iterdir() if pack_dir.is_dir() else ():
            cases = version / "cases"
            if cases.is_dir():
                found[f"{pack_dir.name}@{version.name}"] = Path(str(cases))
    return dict(sorted(found.items()))


CASE_DIRS = _case_dirs()


def _unreadable_cases(directory: Path) -> set[str]:
    """The case files whose expected findings include GC-S001 (the input cannot be read)."""
    table = tomllib.loads((directory / "cases.toml").read_text(encoding="utf-8"))
    return {c["file"] for c in table["case"] if any(e["code"] == "GC-S001" for e in c["expect"])}


def _file_pairs(report: Report, codes: frozenset[str]) -> set[tuple[str, str, int]]:
    out: set[tuple[str, str, int]] = set()
    for f in report.findings:
        name, _, pointer = (f.location.pointer or "").rpartition("#")
        match = _RECORD.match(pointer)
        if f.code in codes and match and not pointer.startswith("/catalog"):
            out.add((name or str(f.location.file), f.code, int(match[1])))
    return out


def _lacking(validator: Validator, path: Path, name: str, pack: Pack) -> Report:
    """The findings of each resource of a sheet saying what it lacks: a column a sheet does
    not have is said once for the file (GC-S012); the shapes, which see resources and not
    columns, say it for each resource."""
    doc = read_document(path, name=name, pack=pack)
    outcomes = (validator.check_read(read, name) for read in iter_records(doc, pack))
    return Report.of(f for out in outcomes for _, f in out.absent)


def test_the_national_pack_ships_cases() -> None:
    # An empty tree would leave nothing to compare: the cases ship with the package.
    assert "gb-1272@1.0.0" in CASE_DIRS


DIVERGENT: dict[str, str] = {}
"""Packs whose shapes disagree with the native validator on their cases, with the reason."""


@pytest.mark.parametrize(
    "ref",
    [
        pytest.param(r, marks=pytest.mark.xfail(reason=DIVERGENT[r], strict=True))
        if r in DIVERGENT
        else r
        for r in CASE_DIRS
    ],
)
def test_pack_cases(ref: str) -> None:
    """All files of a pack in one SHACL run (one engine start), compared file by file."""
    pack = get_pack(ref)
    shapes = build_shapes(pack)
    directory = CASE_DIRS[ref]
    files = sorted(p for p in directory.iterdir() if p.suffix in (".json", ".yaml", ".yml", ".csv"))
    validator = Validator(pack, ValidationOptions(today=TODAY))
    native: set[tuple[str, str, int]] = set()
    resources: list[object] = []
    pointers: list[str] = []
    unreadable: set[str] = set()
    for path in files:
        name = f"{path.parent.name}/{path.name}"
        try:
            report = validator.validate_document(read_document(path, name=name, pack=pack))
        except LoadError:
            unreadable.add(path.name)  # GC-S001 for the validator: nothing for the shapes
            continue
        if any(f.code == "GC-S001" for f in report.findings):
            unreadable.add(path.name)
            continue
        native |= _file_pairs(report, shapes.codes)
        if any(f.code == "GC-S012" for f in report.findings):
            native |= _file_pairs(_lacking(validator, path, name, pack), shapes.codes)
        for read in iter_records(read_document(path, pack=pack), pack):
            resources.append(shacl_record(read))
            pointers.append(f"{name}#{read.raw.pointer}")
    assert unreadable == _unreadable_cases(directory)
    shacl = _file_pairs(
        validate_shacl(
            {"catalog": {}, "resources": resources}, pack, shapes=shapes, pointers=pointers
        ),
        shapes.codes,
    )
    assert resources  # the readable cases give the shapes something to check
    assert sorted(native - shacl) == []
    assert sorted(shacl - native) == []


# ------------------------------------------------------------------------------ generated
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(catalog=raw_catalogs)
def test_generated_catalogs(pack: Pack, shapes: PackShapes, catalog: dict[str, object]) -> None:
    native, shacl = _both(_document(catalog), pack, shapes)
    assert native == shacl
