"""A 项 written by any short form its 类 accepts reads as the 项 written in full: the same
record and the same findings, but for one GC-F003 saying how it was read — in JSON (on the
fast path and off it), in a path of 信息资源分类 and in a workbook's 项 column.

The short forms are built here from the vocabulary as the guide's readers would write them:
a 项's other labels (人口, 法人, 空间地理), its label without the 类 it ends in (法人单位,
电子证照), and each of those or a bare label with a name of the 类 after it (人口基础信息资源,
社会保障主题).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, load_catalog, validate
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.report import Finding
from govcatalog.vocab import Concept
from tests.helpers import fast_path

PACK = get_pack("gb-1272@^1")
VOCAB = PACK.vocabulary("resource-class")
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "city-catalog.json"
CATALOG: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))


def _names(concept: Concept) -> tuple[str, ...]:
    return (concept.label_zh, *concept.alt_labels, *concept.hidden_labels)


def _short_forms() -> list[tuple[Concept, Concept, str]]:
    """(类, 项, a short form of the 项) for every 项 of every 类."""
    out = []
    for lei in VOCAB.top_concepts():
        ends = _names(lei)
        for xiang in VOCAB.narrower(lei):
            label = xiang.label_zh
            stems = set(_names(xiang)[1:])
            stems |= {label[: -len(e)] for e in ends if label.endswith(e) and len(label) > len(e)}
            bare = {label} if not any(label.endswith(e) for e in ends) else set()
            forms = stems | {s + e for s in stems | bare for e in ends}
            out += [(lei, xiang, form) for form in sorted(forms - {label})]
    return out


FORMS = _short_forms()


def test_the_forms_are_those_editors_write() -> None:
    said = {(x.label_zh, form) for _, x, form in FORMS}
    assert {
        ("国家人口基础信息资源", "人口"),
        ("国家人口基础信息资源", "人口基础信息资源"),
        ("法人单位基础信息资源", "法人"),
        ("法人单位基础信息资源", "法人单位"),
        ("自然资源和空间地理基础信息资源", "空间地理"),
        ("电子证照基础信息资源", "电子证照"),
        ("社会保障", "社会保障主题"),
    } <= said
    # no form of two 项 of one 类: each form means one 项
    owners = Counter((lei.iri, form) for lei, _, form in FORMS)
    assert max(owners.values()) == 1


@st.composite
def short_forms(draw: st.DrawFn) -> tuple[Concept, Concept, str]:
    """A short form, with a space typed inside it at times (法 人)."""
    lei, xiang, form = draw(st.sampled_from(FORMS))
    if len(form) > 1 and draw(st.booleans()):
        at = draw(st.integers(1, len(form) - 1))
        form = form[:at] + draw(st.sampled_from([" ", "\u3000"])) + form[at:]
    return lei, xiang, form


def _with_category(resource: dict[str, Any], lei: str, xiang: str, flat: bool) -> dict[str, Any]:
    out = copy.deepcopy(resource)
    category = out.pop("category", {})
    if flat:  # as a table's columns: 类, 项, 目 beside the other elements
        return {"类分类": lei, "项分类": xiang, **out}
    return {"category": {**category, "lei": lei, "xiang": xiang}, **out}


def _findings(source: object, fast: bool = True) -> Counter[Finding]:
    with fast_path(fast):
        return Counter(validate(source, options=OPTIONS).findings)


def _one_note(extra: Counter[Finding], form: str, xiang: Concept) -> None:
    """``extra`` is one GC-F003 saying that ``form`` was read as ``xiang``."""
    assert sum(extra.values()) == 1, extra
    note = next(iter(extra))
    assert note.code == "GC-F003"
    assert note.message_zh == f"“项”的取值“{form}”为非标准写法，按“{xiang.label_zh}”处理。"


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    written=short_forms(),
    index=st.integers(0, len(CATALOG["resources"]) - 1),
    lei_as=st.integers(0, 5),
    flat=st.booleans(),
)
def test_a_short_form_in_json_is_the_item_in_full(
    written: tuple[Concept, Concept, str], index: int, lei_as: int, flat: bool
) -> None:
    lei, xiang, form = written
    lei_written = _names(lei)[lei_as % len(_names(lei))]  # the 类 in any of its forms

    def doc(item: str) -> bytes:
        res = _with_category(CATALOG["resources"][index], lei_written, item, flat)
        return json.dumps({"resources": [res]}, ensure_ascii=False, indent=2).encode()

    full = _findings(doc(xiang.label_zh))
    short = _findings(doc(form))
    assert short == _findings(doc(form), fast=False)  # the fast path says the same
    assert not full - short
    _one_note(short - full, form, xiang)
    note = next(iter(short - full))
    assert note.location.pointer == (
        "/resources/0/项分类" if flat else "/resources/0/category/xiang"
    )


@_SETTINGS
@given(written=short_forms(), index=st.integers(0, len(CATALOG["resources"]) - 1))
def test_a_short_form_in_a_path_is_the_item_in_full(
    written: tuple[Concept, Concept, str], index: int
) -> None:
    """基础信息资源目录-法人: the same record as the path with the 项 in full, the path's note
    saying the same reading, and one GC-F003 for the 项 besides."""
    lei, xiang, form = written
    resource = copy.deepcopy(CATALOG["resources"][index])
    resource.pop("category")
    coercer = Coercer(PACK)
    full = coercer.resource({**resource, "信息资源分类": f"{lei.label_zh}-{xiang.label_zh}"})
    short = coercer.resource({**resource, "信息资源分类": f"{lei.label_zh}-{form}"})
    assert full is not None and short is not None
    assert short.record == full.record
    said = Counter((h.code, h.pointer, str(h.params.get("canonical"))) for h in full.hits)
    said_short = Counter((h.code, h.pointer, str(h.params.get("canonical"))) for h in short.hits)
    assert said_short - said == Counter({("GC-F003", "/category/xiang", xiang.label_zh): 1})
    assert not said - said_short
    assert {short.original(h.pointer) for h in short.hits if h.code == "GC-F003"} == {
        "/信息资源分类"
    }


def _workbook(folder: Path, resources: list[dict[str, Any]]) -> Path:
    path = folder / "catalog.xlsx"
    catalog = load_catalog(json.dumps({"resources": resources}, ensure_ascii=False).encode())
    write_workbook(path, PACK, catalog)
    return path


def _item_cells(path: Path) -> Iterator[tuple[openpyxl.Workbook, Any]]:
    """The workbook and each cell of its 项 column that holds a resource's 项."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    column = next(c.column for c in sheet[2] if str(c.value or "").startswith("项"))
    for row in sheet.iter_rows(min_row=3, min_col=column, max_col=column):
        if row[0].value:
            yield book, row[0]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    written=short_forms(),
    index=st.integers(0, len(CATALOG["resources"]) - 2),
    which=st.integers(0, 1),
)
def test_a_short_form_in_a_workbook_is_the_item_in_full(
    written: tuple[Concept, Concept, str], index: int, which: int
) -> None:
    lei, xiang, form = written
    resources = [
        _with_category(r, lei.label_zh, xiang.label_zh, flat=False)
        for r in CATALOG["resources"][index : index + 2]
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = _workbook(Path(tmp), resources)
        full = _findings(path)
        book, cell = list(_item_cells(path))[which]
        cell.value = form
        book.save(path)  # the same file: a finding names it
        short = _findings(path)
    assert not full - short
    _one_note(short - full, form, xiang)
    assert next(iter(short - full)).location.cell == cell.coordinate
