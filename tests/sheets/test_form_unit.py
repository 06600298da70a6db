"""The unit a department's form names once above its table (填报单位：某市市场监督管理局,
统一社会信用代码：…), or in its footer, provides every resource that names none: a workbook
so written reads as the same workbook with a 信息资源提供方 column filled on every row, and says
it once (GC-S017, at the line). Before, the line was ignored and the workbook had no provider
at all (GC-S012). A column decides where there is one."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from plainrows import HEADINGS, row, seen

from govcatalog import Report, load_catalog, validate
from govcatalog.io.form_unit import footer_unit, header_unit
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
UNIT = "某市市场监督管理局"
CODE = "91350100M000100Y43"
OTHER = "某市民政局"
UNIT_COLUMNS = ("信息资源提供方", "信息资源提供方代码")
NAME_LABELS = [
    "填报单位",
    "填报单位（盖章）",
    "填表单位",
    "报送单位",
    "单位名称",
    "提供单位",
    "部门名称",
]
CODE_LABELS = ["统一社会信用代码", "单位代码", "组织机构代码"]
COLONS = ["：", ":", " ："]

Line = list[object]


def _table(rows: int, *, drop: tuple[str, ...] = UNIT_COLUMNS, unit: str = UNIT) -> list[Line]:
    """The plain table's headings and ``rows`` resources, without the ``drop`` columns, the
    provider ``unit`` in its column where it is kept."""
    keep = [i for i, h in enumerate(HEADINGS) if h not in drop]
    body = []
    for i in range(rows):
        cells = row(i)
        cells[HEADINGS.index("信息资源提供方")] = unit
        body.append([cells[j] for j in keep])
    return [[HEADINGS[j] for j in keep], *body]


def _write(path: Path, lines: list[Line]) -> Path:
    """The ``lines`` as the sheet 目录 of a workbook, or as a CSV file named 目录 (its sheet), in
    a folder of the name ``path`` gives."""
    path.mkdir(exist_ok=True)
    path = path / f"目录{path.suffix}"
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(["" if v is None else v for v in line] for line in lines)
        return path
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    for line in lines:
        ws.append(line)
    wb.save(path)
    return path


@st.composite
def unit_lines(draw: st.DrawFn, *, code: bool) -> tuple[list[Line], str]:
    """The lines above a table naming its unit (and code), as forms write them, and the cell
    (A1) of the unit's name: a label and its value in one cell, or in cells of their own, the
    code on the name's line or on one of its own; a title and other lines around them."""
    label = draw(st.sampled_from(NAME_LABELS))
    colon = draw(st.sampled_from(COLONS))
    seal = draw(st.sampled_from(["", "（盖章）"]))
    apart = draw(st.booleans())
    name_cells: Line = [f"{label}{colon}", UNIT] if apart else [f"{label}{colon}{UNIT}{seal}"]
    lines: list[Line] = []
    if draw(st.booleans()):
        lines.append([f"{UNIT}政务信息资源目录"])
    lines.extend([[]] * draw(st.integers(0, 3)))
    if draw(st.booleans()):
        lines.append(["（本表由各部门填报）"])
    where = len(lines) + 1
    name_cell = f"{'B' if apart else 'A'}{where}"
    if code:
        code_label = draw(st.sampled_from(CODE_LABELS)) + draw(st.sampled_from(COLONS))
        code_cells: Line = draw(st.sampled_from([[f"{code_label}{CODE}"], [code_label, CODE]]))
        if draw(st.booleans()):
            lines.append([*name_cells, None, *code_cells])
        else:
            lines.extend([name_cells, code_cells])
    else:
        lines.append(name_cells)
    lines.extend([[]] * draw(st.integers(0, 2)))
    return lines, name_cell


def _others(report: Report) -> list[tuple[str, str | None, str]]:
    return sorted(
        (f.code, f.location.pointer, f.message_en) for f in report.findings if f.code != "GC-S017"
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.integers(1, 5),
    code=st.booleans(),
    suffix=st.sampled_from([".xlsx", ".csv"]),
    data=st.data(),
)
def test_the_unit_above_the_table_is_a_provider_column_filled_on_every_row(
    tmp_path: Path, rows: int, code: bool, suffix: str, data: st.DataObject
) -> None:
    top, name_cell = data.draw(unit_lines(code=code))
    kept = () if code else ("信息资源提供方代码",)
    plain = _write(tmp_path / f"plain{suffix}", _table(rows, drop=kept))
    headed = _write(tmp_path / f"headed{suffix}", [*top, *_table(rows)])
    assert load_catalog(headed) == load_catalog(plain)
    report = validate(headed, options=OPTIONS)
    assert _others(report) == seen(validate(plain, options=OPTIONS))
    (said,) = [f for f in report.findings if f.code == "GC-S017"]
    assert (said.severity.value, said.location.cell) == ("info", name_cell)
    assert f"{rows} 条信息资源未另行填写" in said.message_zh
    assert (f"信息资源提供方代码“{CODE}”" in said.message_zh) is code


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.integers(1, 4), suffix=st.sampled_from([".xlsx", ".csv"]), data=st.data())
def test_a_provider_column_filled_wins_over_the_line(
    tmp_path: Path, rows: int, suffix: str, data: st.DataObject
) -> None:
    top, _ = data.draw(unit_lines(code=True))
    table = _table(rows, drop=(), unit=OTHER)
    plain = _write(tmp_path / f"plain{suffix}", table)
    headed = _write(tmp_path / f"headed{suffix}", [*top, *table])
    catalog = load_catalog(headed)
    assert catalog == load_catalog(plain)
    assert {r.provider for r in catalog.resources} == {OTHER}
    assert seen(validate(headed, options=OPTIONS)) == seen(validate(plain, options=OPTIONS))


def test_the_code_goes_only_to_resources_of_the_unit(tmp_path: Path) -> None:
    """A sheet with a provider column but none for the code: the line's code is given to the
    resources its unit provides, not to another unit's."""
    lines = _table(3, drop=("信息资源提供方代码",))
    lines[2][HEADINGS.index("信息资源提供方")] = OTHER  # the second resource is another unit's
    path = _write(tmp_path / "b.xlsx", [[f"填报单位：{UNIT}", f"统一社会信用代码：{CODE}"], *lines])
    resources = load_catalog(path).resources
    assert [(r.provider, r.provider_code) for r in resources] == [
        (UNIT, CODE),
        (OTHER, None),
        (UNIT, CODE),
    ]
    report = validate(path, options=OPTIONS)
    (said,) = [f for f in report.findings if f.code == "GC-S017"]
    assert said.location.cell == "B1"
    lacking = [f.message_zh for f in report.findings if "信息资源提供方" in f.message_zh]
    assert lacking == [
        "工作表“目录”没有“信息资源提供方代码”的列，而 1 条信息资源须填写该元素。",
        f"工作表“目录”表头上方的“统一社会信用代码”写明信息资源提供方代码“{CODE}”："
        "2 条信息资源未另行填写，按此读取。",
    ]


def test_an_empty_cell_of_a_provider_column_stays_a_finding(tmp_path: Path) -> None:
    lines = _table(2, drop=())
    lines[2][HEADINGS.index("信息资源提供方")] = None
    path = _write(tmp_path / "b.xlsx", [[f"填报单位：{UNIT}"], *lines])
    report = validate(path, options=OPTIONS)
    assert [
        (f.code, f.location.cell)
        for f in report.findings
        if f.location.pointer and f.location.pointer.endswith("/provider")
    ] == [("GC-F001", "C4")]
    assert "GC-S017" not in {f.code for f in report.findings}


def test_a_finding_on_the_unit_is_at_its_line(tmp_path: Path) -> None:
    bad = CODE[:-1] + "X"  # a wrong check character: GC-F006 for each resource, at the line
    path = _write(tmp_path / "b.xlsx", [[f"填报单位：{UNIT}", f"单位代码：{bad}"], *_table(2)])
    found = [
        (f.location.pointer, f.location.cell)
        for f in validate(path, options=OPTIONS).findings
        if f.code == "GC-F006"
    ]
    assert found == [("/resources/0/provider_code", "B1"), ("/resources/1/provider_code", "B1")]


def test_the_footer_names_the_unit_when_the_header_does_not(tmp_path: Path) -> None:
    sign = [f"填报单位（盖章）：{UNIT}", None, "填报人：张三", None, "联系电话：12345678"]
    path = _write(tmp_path / "b.xlsx", [*_table(2), [], sign])
    report = validate(path, options=OPTIONS)
    assert {r.provider for r in load_catalog(path).resources} == {UNIT}
    (said,) = [f for f in report.findings if f.code == "GC-S017"]
    assert said.location.cell == "A5"
    assert said.message_zh == (
        f"工作表“目录”表格下方落款的“填报单位”写明信息资源提供方“{UNIT}”："
        "2 条信息资源未另行填写，按此读取。"
    )
    both = _write(tmp_path / "c.xlsx", [[f"报送单位：{OTHER}"], *_table(2), [], sign])
    assert {r.provider for r in load_catalog(both).resources} == {OTHER}


def test_lines_that_name_no_unit() -> None:
    rows: dict[int, dict[int, object]] = {
        1: {1: "填报单位（盖章）："},
        2: {1: "填报单位：（盖章）", 3: "统一社会信用代码：（请填写）"},
        3: {1: "单位名称", 2: "2025年9月1日"},
        4: {1: "填报单位：___________"},
        5: {1: "填报单位：填写本单位全称。", 2: "统一社会信用代码：填写18位代码"},
        6: {1: "单位名称", 2: "请填写单位名称"},
    }
    assert header_unit(rows, 7) is None
    assert footer_unit(rows.items(), 0) is None


def test_a_line_of_several_labels() -> None:
    line = {1: f"填报单位：{UNIT}（盖章）  统一社会信用代码：{CODE}  填报日期：2025年9月1日"}
    unit = header_unit({2: line}, 3)
    assert unit is not None and unit.name is not None and unit.code is not None
    assert (unit.name.value, unit.name.cell, unit.code.value) == (UNIT, "A2", CODE)
    assert header_unit({2: line}, 2) is None  # on the heading row or below: not above it


def test_the_unit_above_the_table_in_an_xls_workbook(tmp_path: Path) -> None:
    """An Excel 97–2003 workbook reads the line as its .xlsx twin does."""
    from xlsbook import as_xls

    top = [
        ["某市政务信息资源目录"],
        [f"填报单位（盖章）：{UNIT}", None, "统一社会信用代码：", CODE],
    ]
    xlsx = _write(tmp_path / "b.xlsx", [*top, *_table(2)])
    xls = as_xls(xlsx, tmp_path / "目录.xls")
    assert load_catalog(xls) == load_catalog(xlsx)
    assert _cells(validate(xls, options=OPTIONS)) == _cells(validate(xlsx, options=OPTIONS))
    assert {r.provider_code for r in load_catalog(xls).resources} == {CODE}


def _cells(report: Report) -> list[tuple[object, ...]]:
    return sorted(
        (f.code, f.location.pointer, f.location.cell, f.message_en) for f in report.findings
    )


def test_a_name_is_read_as_written_but_its_seal() -> None:
    unit = header_unit({1: {1: "单位名称(公章)", 3: "某市应急管理局（盖章）"}}, 2)
    assert unit is not None and unit.name is not None
    assert (unit.name.value, unit.name.cell, unit.name.label) == (
        "某市应急管理局",
        "C1",
        "单位名称",
    )
