"""A workbook without the column of a required element says so once (GC-S012), not per row.

The property: a sheet that lacks some columns gives the findings of the same sheet with those
columns present and every cell of them empty, except that the findings saying one of those
elements is not given become one GC-S012 per element, counting them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetbook import write_rows

from govcatalog import validate
from govcatalog.packs import Pack, get_pack
from govcatalog.records.read import open_document
from govcatalog.report import Finding, Report, Severity
from govcatalog.validate import ValidationOptions
from govcatalog.validate.validator import absent_codes
from tests.conftest import TODAY

CASES = Path(__file__).resolve().parents[2] / "standards" / "gb-1272" / "1.0.0" / "cases"
_VALID = json.loads((CASES / "s010-template-and-dropdown-sheets.json").read_text("utf-8"))
HEADINGS, ROW = _VALID["$workbook"]["目录数据"]
KEPT = {"信息资源代码", "信息资源名称"}
"""Columns every sheet keeps: they tell the resources apart."""
DROPPABLE = [h for h in HEADINGS if h not in KEPT]
SHARE_TYPES = ["有条件共享", "无条件共享", "不予共享"]


def _rows(count: int, share_types: list[str]) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(count):
        row = list(ROW)
        row[HEADINGS.index("信息资源代码")] = f"203001/{i + 1:06d}"
        row[HEADINGS.index("信息资源名称")] = f"救助对象信息{i + 1}"
        row[HEADINGS.index("共享类型")] = share_types[i % len(share_types)]
        rows.append(row)
    return rows


def _key(f: Finding) -> tuple[str, str | None, str]:
    return f.code, f.location.pointer, f.message_en


def _element(pointer: str | None) -> str:
    """The id of the element a pointer names: a resource's (``/resources/3/share/share_type``)
    or its data items' (``/resources/3/items/0/name`` → ``items.name``); "" for the catalog or
    the file."""
    parts = (pointer or "").strip("/").split("/")[2:]
    return ".".join(p for p in parts if not p.isdigit())


def _column_ids(path: Path, pack: Pack) -> set[str]:
    """The elements the columns of a workbook's sheets were read as."""
    doc = open_document(path, pack)
    for _ in doc.records:
        pass
    return {c[2] for sheet in doc.sheets for c in sheet.columns if c[2] is not None}


def _has_column(element: str, columns: set[str]) -> bool:
    return any(c == element or c.startswith(f"{element}.") for c in columns)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dropped=st.lists(st.sampled_from(DROPPABLE), min_size=1, max_size=5, unique=True),
    count=st.integers(1, 4),
    shares=st.lists(st.sampled_from(SHARE_TYPES), min_size=1, max_size=3),
    pack_ref=st.sampled_from(["gb-1272@^1", "sharing-2025@^1"]),
)
def test_a_missing_column_is_its_empty_cells_said_once(
    tmp_path: Path, dropped: list[str], count: int, shares: list[str], pack_ref: str
) -> None:
    pack = get_pack(pack_ref)
    rows = _rows(count, shares)
    options = ValidationOptions(today=TODAY)
    gaps = [h in dropped for h in HEADINGS]
    blank = [["" if gap else cell for cell, gap in zip(row, gaps, strict=True)] for row in rows]
    with_empty = validate(
        write_rows(tmp_path / "empty.xlsx", HEADINGS, blank), pack=pack, options=options
    )
    kept = [h for h in HEADINGS if h not in dropped]
    narrow = [[cell for cell, gap in zip(row, gaps, strict=True) if not gap] for row in rows]
    narrow_book = write_rows(tmp_path / "narrow.xlsx", kept, narrow)
    without = validate(narrow_book, pack=pack, options=options)

    codes = absent_codes(pack)
    columns = _column_ids(narrow_book, pack)
    said_once: Counter[str] = Counter()
    expected: list[tuple[str, str | None, str]] = []
    for f in with_empty.findings:
        element = _element(f.location.pointer)
        if f.code in codes and element and not _has_column(element, columns):
            said_once[element] += 1
        elif f.code != "GC-S012":
            expected.append(_key(f))
    got = [_key(f) for f in without.findings if f.code != "GC-S012"]
    assert sorted(got) == sorted(expected)
    new = _new_columns_said(with_empty, without)
    assert new == {pack.fields.get(e).zh: n for e, n in said_once.items()}


def _new_columns_said(before: Report, after: Report) -> dict[str, int]:
    """Element name → count of each GC-S012 ``after`` gives that ``before`` does not."""
    old = {f.message_zh for f in before.findings if f.code == "GC-S012"}
    out: dict[str, int] = {}
    for f in after.findings:
        if f.code == "GC-S012" and f.message_zh not in old:
            assert f.location.sheet == "目录数据" and f.location.cell == "A1", f.location
            element = f.message_zh.split("“")[2].split("”")[0]
            out[element] = int(f.message_zh.split("而 ")[1].split(" ")[0])
    return out


def test_many_rows_without_the_abstract_column_give_one_finding(tmp_path: Path) -> None:
    kept = [h for h in HEADINGS if h != "信息资源摘要"]
    drop = HEADINGS.index("信息资源摘要")
    rows = [[c for i, c in enumerate(row) if i != drop] for row in _rows(200, SHARE_TYPES[:1])]
    report = validate(
        write_rows(tmp_path / "b.xlsx", kept, rows), options=ValidationOptions(today=TODAY)
    )
    assert [(f.code, f.severity.value) for f in report.findings] == [("GC-S012", "error")]
    assert "200 条信息资源须填写" in report.findings[0].message_zh
    # at the headings' row and column, so that it is listed with the headings' other findings
    assert (report.findings[0].location.line, report.findings[0].location.column) == (1, 1)
    assert not report.conforms


def test_the_missing_element_codes_of_each_pack() -> None:
    assert absent_codes(get_pack("gb-1272@^1")) == {"GC-F001", "GC-R006"}
    assert {"GC-L001", "GC-L002", "GC-L003"} <= absent_codes(get_pack("sharing-2025@^1"))


def _without_abstract(tmp_path: Path, count: int) -> Path:
    kept = [h for h in HEADINGS if h != "信息资源摘要"]
    drop = HEADINGS.index("信息资源摘要")
    rows = [[c for i, c in enumerate(row) if i != drop] for row in _rows(count, SHARE_TYPES[:1])]
    return write_rows(tmp_path / "b.xlsx", kept, rows)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, [("GC-S012", "error")]),
        # the findings it stands for were made warnings: so is the one that says them once
        ({"GC-F001": Severity.WARNING}, [("GC-S012", "warning")]),
        ({"GC-F001": Severity.INFO}, [("GC-S012", "info")]),
        # its own code set by the caller wins
        ({"GC-F001": Severity.INFO, "GC-S012": Severity.WARNING}, [("GC-S012", "warning")]),
        ({"GC-S012": Severity.INFO}, [("GC-S012", "info")]),
    ],
)
def test_a_missing_column_is_as_serious_as_the_findings_it_stands_for(
    tmp_path: Path, overrides: dict[str, Severity], expected: list[tuple[str, str]]
) -> None:
    options = ValidationOptions(today=TODAY, severity=overrides)
    report = validate(_without_abstract(tmp_path, 5), options=options)
    assert [(f.code, f.severity.value) for f in report.findings] == expected


def test_a_missing_column_whose_findings_are_off_is_not_said(tmp_path: Path) -> None:
    options = ValidationOptions(today=TODAY, ignore=frozenset({"GC-F001"}))
    assert not validate(_without_abstract(tmp_path, 5), options=options).findings


def test_an_export_lacking_an_element_stays_a_warning_unless_its_findings_are_less() -> None:
    """A portal export's GC-S009 is a warning by its pack although a missing element is an
    error: the one finding is never more serious than those it stands for, nor more than
    its own code says."""
    rows = [{"数据名称": f"数据集{i}", "数据提供方": "某局", "更新频率": "每月"} for i in range(3)]
    data = json.dumps({"resources": rows}, ensure_ascii=False).encode()
    pack = get_pack("open-data-portal@^1")
    plain = validate(data, pack=pack, options=ValidationOptions(today=TODAY))
    lowered = validate(
        data,
        pack=pack,
        options=ValidationOptions(today=TODAY, severity={"GC-F001": Severity.INFO}),
    )
    s009 = [f.severity for f in plain.findings if f.code == "GC-S009"]
    assert s009 and set(s009) == {Severity.WARNING}
    assert {f.severity for f in lowered.findings if f.code == "GC-S009"} == {Severity.INFO}


PORTAL_CSV = (
    "数据集名称,数据提供方,开放方式,更新频率,发布时间,数据格式,摘要\n"
    "养老机构信息,某市民政局,无条件开放,每季度,2023-05-12,csv,养老机构名称、地址\n"
    "公共厕所分布,某市城市管理局,无条件开放,每年,2022-03-08,xls,公共厕所位置\n"
    "企业信用评价结果,某市市场监督管理局,有条件开放,每月,2021-07-01,接口,企业信用评价\n"
)


def test_an_export_without_a_column_lacks_its_element_though_another_implies_it() -> None:
    """A portal's CSV has no 信息资源格式分类 column; 接口 as a 数据格式 gives one resource its
    class. The other two lack it because the export does: one GC-S009 counting them, not
    a GC-F001 error each."""
    report = validate(PORTAL_CSV.encode("gb18030"), fmt="csv")
    assert "open-data-portal@" in report.regime_en
    lacking = [f for f in report.findings if "必填元素“信息资源格式分类”" in f.message_zh]
    assert [(f.code, f.severity) for f in lacking] == [("GC-S009", Severity.WARNING)]
    assert "文件中的 2 条信息资源均未填写" in lacking[0].message_zh
    # the resource read as 服务接口 still lacks a 信息资源格式类型 of its own, in its cell
    assert [(f.code, f.location.cell) for f in report.findings if f.code == "GC-F001"] == [
        ("GC-F001", "F4")
    ]
