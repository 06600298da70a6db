"""An item sheet (信息项表) joins its rows onto the resources by their 信息资源代码 as read: a
code written in another form (307001-000001, 3-07-001／000001, full-width digits, stray spaces)
on either sheet is the code its digits spell, as the record layer reads it. The workbook reads
as its twin written plainly: the same catalog and the same findings, besides the GC-F003 notes
at the resource sheet's own code cells written in another form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itembook import ITEMS, RESOURCES, city, item_book
from xlsbook import as_xls

from govcatalog import Report, load_catalog, validate
from govcatalog.model.code_forms import canonical_code
from govcatalog.validate import ValidationOptions
from tests.code_forms import FORMS
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
WRITINGS = st.sampled_from(["as written", *FORMS])
"""How a cell writes its code: plainly, or in one of the other forms."""


def _written(writing: str, code: str) -> str:
    return code if writing == "as written" else FORMS[writing](code)


def _own_notes(report: Report) -> list[str]:
    """The cells of the resource sheet's GC-F003 notes on its own code cells."""
    return sorted(
        f.location.cell or ""
        for f in report.findings
        if f.code == "GC-F003"
        and f.location.sheet == RESOURCES
        and (f.location.pointer or "").endswith("/code")
    )


def _seen(report: Report) -> list[tuple[Any, ...]]:
    notes = set(_own_notes(report))
    return sorted(
        (f.code, f.location.pointer, f.location.sheet, f.location.cell, f.message_en)
        for f in report.findings
        if not (f.code == "GC-F003" and f.location.sheet == RESOURCES and f.location.cell in notes)
    )


def _with_ximu(resources: list[dict[str, Any]], ximu: list[str]) -> list[dict[str, Any]]:
    """The resources, their codes given a 细目 where ``ximu`` has one."""
    out = []
    for r, x in zip(resources, ximu, strict=True):
        front, _, seq = r["code"].partition("/")
        out.append({**r, "code": f"{front}{x}/{seq}"})
    return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    count=st.integers(1, 3),
    data=st.data(),
    merge_codes=st.booleans(),
    suffix=st.sampled_from([".xlsx", ".xls"]),
)
def test_codes_in_other_forms_join_as_the_plain_codes(
    tmp_path: Path, count: int, data: st.DataObject, merge_codes: bool, suffix: str
) -> None:
    ximu = data.draw(st.lists(st.sampled_from(["", "02"]), min_size=count, max_size=count))
    source = _with_ximu(city(count), ximu)
    own = {r["code"]: data.draw(WRITINGS) for r in source}
    plain = item_book(tmp_path / "plain.xlsx", source, merge_codes=merge_codes)
    written = item_book(
        tmp_path / "written.xlsx",
        source,
        merge_codes=merge_codes,
        resource_code=lambda code: _written(own[code], code),
        item_code=lambda code: _written(data.draw(WRITINGS), code),  # drawn for each row
    )
    if suffix == ".xls":
        plain, written = as_xls(plain, tmp_path / "plain.xls"), as_xls(written, tmp_path / "w.xls")
    assert load_catalog(written).model_dump(mode="json") == load_catalog(plain).model_dump(
        mode="json"
    )
    expected, seen = validate(plain, options=OPTIONS), validate(written, options=OPTIONS)
    assert _seen(seen) == _seen(expected)
    assert not [f for f in seen.findings if f.code == "GC-S011"]
    assert len(_own_notes(seen)) == sum(w != "as written" for w in own.values())


def _open(code: str) -> str:
    """The code with dashes between its levels and for its slash: 1-01-001-000001."""
    front, _, seq = code.partition("/")
    return "-".join((front[:1], front[1:3], front[3:6], seq))


def test_an_item_row_whose_code_spells_none_joins_by_its_name(tmp_path: Path) -> None:
    """3-07-001-000001 has no slash and several dashes: which part is the 顺序码 is open, so it
    joins no resource by code; its row's 信息资源名称 joins it."""
    source = city(2)
    plain = item_book(tmp_path / "plain.xlsx", source)
    open_form = item_book(tmp_path / "open.xlsx", source, item_code=_open)
    assert canonical_code(_open(source[0]["code"])) is None
    dashed = load_catalog(open_form).model_dump(mode="json")
    assert dashed == load_catalog(plain).model_dump(mode="json")
    report = validate(open_form, options=OPTIONS)
    assert not [f for f in report.findings if f.code == "GC-S011"]


def test_an_item_row_of_no_resource_is_said_as_written(tmp_path: Path) -> None:
    """An item row whose code, as read, no resource has is said with the code as written; two
    forms of that code are one resource missing, said once (their names differ: the code joins
    them)."""
    source = city(1)
    orphans = [
        ["309999-000001", "不存在的资源", "某信息项", "字符型", 10, "否"],
        ["309999／000001", "不存在的资源（另一名称）", "另一信息项", "字符型", 10, "否"],
    ]
    book = item_book(tmp_path / "two.xlsx", source, extra_item_rows=orphans)
    (lost,) = [f for f in validate(book, options=OPTIONS).findings if f.code == "GC-S011"]
    assert lost.value == "309999-000001"
    assert lost.location.sheet == ITEMS
    assert "2 data item(s) name the resource code '309999-000001'" in lost.message_en
