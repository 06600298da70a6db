"""A compilation workbook whose 信息资源代码 and 关联资源代码 cells are written as city forms and
catalog systems write them (3-07-001/000001, 307001-000002, 307001＼000003 …) reads as the same
workbook with plain codes: the same catalog and the same findings, besides one GC-F003 note at
each cell written in another form."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from govcatalog import Report, load_catalog, validate

HEADINGS = [
    "信息资源分类（类）", "项", "目", "信息资源名称", "信息资源代码", "信息资源提供方",
    "信息资源提供方代码", "信息资源摘要", "信息资源格式", "信息项名称", "数据类型", "数据长度",
    "共享类型", "共享条件", "共享方式", "是否向社会开放", "开放条件", "更新周期", "发布日期",
    "关联资源代码",
]  # fmt: skip
CODE, RELATED = "E", "T"
"""The columns of the code and of the related codes."""

PLAIN = [
    ("307001/000001", None),
    ("307001/000002", "307001/000001"),
    ("30700102/000003", "307001/000001、307001/000002"),
    ("307001/000001", "307001/000004"),  # a duplicate code (GC-R008); 000004 is nowhere (GC-C001)
    ("307001/000005", "307001/000005"),  # itself (GC-C002)
]
WRITTEN = [
    ("3-07-001/000001", None),
    ("307001-000002", "307001／000001"),
    ("3-07-001-02＼000003", "307001 / 000001、3-07-001\\000002"),
    (" 307001/000001", "３０７００１－０００００４"),
    ("307001\\000005", "307001 - 000005"),
]


def _book(path: Path, codes: list[tuple[str, str | None]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目录"
    sheet.append(HEADINGS)
    for n, (code, related) in enumerate(codes):
        row = [
            "部门信息资源目录", "07", "001", f"登记信息{n}", code, "某市市场监督管理局",
            "11420600011060017B", "企业登记的基本信息", "数据库", "企业名称", "字符型", 100,
            "无条件共享", None, "共享平台方式-接口", "否", None, "每日", "2024-03-01", related,
        ]  # fmt: skip
        sheet.append(row)
    book.save(path)
    return path


def _others(report: Report) -> list[tuple[str, str | None, str | None, str]]:
    return sorted(
        (f.code, f.location.pointer, f.location.cell, f.message_en)
        for f in report.findings
        if f.code != "GC-F003"
    )


def test_code_cells_in_other_forms_read_as_the_plain_codes(tmp_path: Path) -> None:
    plain = _book(tmp_path / "plain.xlsx", PLAIN)
    written = _book(tmp_path / "written.xlsx", WRITTEN)
    seen, expected = validate(written), validate(plain)
    assert _others(seen) == _others(expected)
    assert {"GC-R008", "GC-C001", "GC-C002"} <= {f.code for f in expected.findings}
    assert load_catalog(written).model_dump(mode="json") == load_catalog(plain).model_dump(
        mode="json"
    )
    notes = sorted(
        (f.location.cell, f.value)
        for f in seen.findings
        if f.code == "GC-F003" and "code" in (f.location.pointer or "")
    )
    assert notes == sorted(_written_cells())


def _written_cells() -> list[tuple[str, str]]:
    """(cell, value) of each code written in another form than the plain one."""
    plain = {c for c, _ in PLAIN}
    out = []
    for row, (code, related) in enumerate(WRITTEN, 2):
        parts = [(CODE, code), *((RELATED, part) for part in (related or "").split("、") if part)]
        out.extend((f"{column}{row}", part) for column, part in parts if part not in plain)
    return out
