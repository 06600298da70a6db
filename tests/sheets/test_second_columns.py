"""Two columns naming one element, one by its own name and one by another (共享方式分类 and
共享方式, 开放条件 and 开放类型): the one of the element's own name holds it, and the other the
element it must then mean — 共享方式类型 for 共享方式 (the second part of the values 共享方式
holds), in either order. Two columns that both name it otherwise: the second is unknown."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetbook import write_rows

from govcatalog import load_catalog, validate
from govcatalog.report import Finding
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
CASES = Path(__file__).resolve().parents[2] / "standards" / "gb-1272" / "1.0.0" / "cases"
_VALID = json.loads((CASES / "s010-template-and-dropdown-sheets.json").read_text("utf-8"))
HEADINGS, ROW = _VALID["$workbook"]["目录数据"]
MODE_TYPES = ["接口", "数据库", "文件", "其他"]


def _sheet(types: list[str], heading: str, swapped: bool) -> tuple[list[str], list[list[object]]]:
    """The valid sheet with its 共享方式类型 column headed ``heading``, the class and type
    columns in their order or ``swapped``."""
    at_class, at_type = HEADINGS.index("共享方式分类"), HEADINGS.index("共享方式类型")
    headings = list(HEADINGS)
    headings[at_type] = heading
    rows = []
    for i, kind in enumerate(types):
        row = list(ROW)
        row[HEADINGS.index("信息资源代码")] = f"203001/{i + 1:06d}"
        row[at_type] = kind
        rows.append(row)
    if swapped:
        for line in (headings, *rows):
            line[at_class], line[at_type] = line[at_type], line[at_class]
    return headings, rows


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(types=st.lists(st.sampled_from(MODE_TYPES), min_size=1, max_size=3), swapped=st.booleans())
def test_sharing_mode_beside_its_class_is_the_mode_type(types: list[str], swapped: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain = write_rows(Path(tmp) / "plain.xlsx", *_sheet(types, "共享方式类型", swapped))
        short = write_rows(Path(tmp) / "short.xlsx", *_sheet(types, "共享方式", swapped))
        assert load_catalog(short) == load_catalog(plain)
        said, plain_said = (validate(p, options=OPTIONS).findings for p in (short, plain))
    assert [_key(f) for f in said] == [_key(f) for f in plain_said]


def _key(f: Finding) -> tuple[str, str | None, str]:
    return f.code, f.location.cell, f.message_en


@pytest.mark.parametrize("second", ["共享方式分类", "共享类型"])
def test_a_second_column_of_one_name_is_unknown(tmp_path: Path, second: str) -> None:
    """Both columns by the element's own name (or both by another): the second is kept as
    an extension and said (GC-S004), the first read."""
    headings, rows = _sheet(["接口"], "共享方式类型", False)
    headings, rows = [*headings, second], [[*row, "另写的值"] for row in rows]
    book = write_rows(tmp_path / "twice.xlsx", headings, rows)
    resource = load_catalog(book).resources[0]
    assert resource.extensions == {second: "另写的值"}
    said = [f for f in validate(book, options=OPTIONS).findings if f.code == "GC-S004"]
    assert [f.value for f in said] == [second]
