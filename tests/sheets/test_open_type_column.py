"""Sharing catalogs written after 2020 give the 开放属性 as one column, 开放类型 or 开放属性,
holding an open type (无条件开放, 有条件开放, 不予开放 …) instead of 是否向社会开放 and 开放条件.

The property: such a column reads as the two columns written out — 是否向社会开放 from the
type, the type kept as the 开放条件 when it opens and no 开放条件 column follows — the same
catalog, and the same findings
apart from one GC-F003 per resource saying how the type was read (no GC-S012 for a missing
是否向社会开放 column, no GC-S004 for an unknown one)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetbook import write_rows

from govcatalog import load_catalog, validate
from govcatalog.packs import get_pack
from govcatalog.report import Finding
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
CASES = Path(__file__).resolve().parents[2] / "standards" / "gb-1272" / "1.0.0" / "cases"
_VALID = json.loads((CASES / "s010-template-and-dropdown-sheets.json").read_text("utf-8"))
HEADINGS, ROW = _VALID["$workbook"]["目录数据"]
_TYPES = get_pack("gb-1272").value_forms.open_types
OPEN = sorted(t for t, opens in _TYPES.items() if opens)
CLOSED = sorted(t for t, opens in _TYPES.items() if not opens)


CONDITION = "经申请审核后向社会开放"


def _written_out(types: list[str], condition: bool) -> tuple[list[str], list[list[object]]]:
    """The catalog with 是否向社会开放 and 开放条件 columns, as the guide writes them."""
    at = HEADINGS.index("是否向社会开放")
    headings = [*HEADINGS[: at + 1], "开放条件", *HEADINGS[at + 1 :]]
    rows = []
    for i, kind in enumerate(types):
        row = list(ROW)
        row[HEADINGS.index("信息资源代码")] = f"203001/{i + 1:06d}"
        row[at] = "是" if kind in OPEN else "否"
        given = (CONDITION if condition else kind) if kind in OPEN else None
        rows.append([*row[: at + 1], given, *row[at + 1 :]])
    return headings, rows


def _one_column(
    heading: str, types: list[str], condition: bool
) -> tuple[list[str], list[list[object]]]:
    """The type in a column of its own, with or without a 开放条件 column after it."""
    at = HEADINGS.index("是否向社会开放")
    extra = ["开放条件"] if condition else []
    headings = [*HEADINGS[:at], heading, *extra, *HEADINGS[at + 1 :]]
    rows = []
    for i, kind in enumerate(types):
        row = list(ROW)
        row[HEADINGS.index("信息资源代码")] = f"203001/{i + 1:06d}"
        given = [CONDITION if kind in OPEN else None] if condition else []
        rows.append([*row[:at], kind, *given, *row[at + 1 :]])
    return headings, rows


def _seen(findings: tuple[Finding, ...] | list[Finding]) -> list[tuple[str, str | None, str]]:
    """Each finding by code, cell and message (the pointer names the element a value was read
    as, which the two layouts locate at the same cell)."""
    return sorted((f.code, f.location.cell, f.message_en) for f in findings)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    heading=st.sampled_from(["开放类型", "开放属性"]),
    types=st.lists(st.sampled_from(OPEN + CLOSED), min_size=1, max_size=4),
    condition=st.booleans(),
)
def test_an_open_type_column_reads_as_the_two_columns(
    heading: str, types: list[str], condition: bool
) -> None:
    """With a 开放条件 column after it too (开放类型 | 开放条件), the type gives 是否向社会开放
    and the condition is the 开放条件 column's."""
    with tempfile.TemporaryDirectory() as tmp:
        one = write_rows(Path(tmp) / "one.xlsx", *_one_column(heading, types, condition))
        two = write_rows(Path(tmp) / "two.xlsx", *_written_out(types, condition))
        assert load_catalog(one) == load_catalog(two)
        said, plain = validate(one, options=OPTIONS), validate(two, options=OPTIONS)
    told = [f for f in said.findings if f.code == "GC-F003" and "/open/" in f.location.pointer]
    assert len(told) == len(types)
    assert _seen(said.findings) == sorted(_seen(plain.findings) + _seen(told))
