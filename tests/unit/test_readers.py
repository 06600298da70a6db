"""JSON and YAML readers: lazy records, positions, shape problems, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcatalog.errors import LoadError
from govcatalog.io.json_reader import read_json_text
from govcatalog.io.yaml_reader import read_yaml_text

DOC = """{
  "catalog": {"name": "目录"},
  "resources": [
    {"name": "甲", "share": {"share_type": "无条件共享"}},
    {"name": "乙",
     "items": [{"name": "姓名"}, {"name": "性别", "data_type": "X"}]}
  ]
}"""


def test_json_records_and_positions() -> None:
    doc = read_json_text(DOC, "c.json")
    records = list(doc.records)
    assert [r.pointer for r in records] == ["/resources/0", "/resources/1"]
    assert doc.info is not None and doc.info.data == {"name": "目录"}
    assert records[0].locator.locate("") == (4, 5)
    assert records[0].locator.locate("/share/share_type") == (4, 43)
    assert records[1].locator.locate("/items/1/data_type") == (6, 60)
    # a missing part points at its deepest existing ancestor
    assert records[1].locator.locate("/items/1/length") == records[1].locator.locate("/items/1")


def test_json_positions_of_info_after_resources() -> None:
    doc = read_json_text('{"resources": [], "catalog": {"name": "x"}}', "c.json")
    assert list(doc.records) == []
    assert doc.info is not None
    assert doc.info.locator.locate("/name") == (1, 39)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"resources": [\n {"name": "a",}\n]}', 2, 15),
        ('{"resources": [\n {"name": "a"} {"name": "b"}\n]}', 2, 16),
        ('{"resources": [', 1, 16),
        ("{\n  [1]: 2}", 2, 3),
        ('{"info": {}, 5: []}', 1, 14),
    ],
)
def test_json_syntax_errors_carry_positions(text: str, line: int, column: int) -> None:
    with pytest.raises(LoadError) as info:
        list(read_json_text(text, "bad.json").records)
    assert (info.value.line, info.value.column) == (line, column)


def test_json_shape_problems() -> None:
    assert read_json_text("[1, 2]", "a.json").problems == []
    doc = read_json_text('{"resources": {"a": 1}}', "b.json")
    list(doc.records)
    assert [p.pointer for p in doc.problems] == ["/resources"]
    doc = read_json_text('{"catalog": {}}', "c.json")
    list(doc.records)
    assert doc.problems and doc.problems[0].pointer == ""
    assert (
        read_json_text('"text"', "d.json").problems[0].detail_en == "the top level is not an object"
    )
    with pytest.raises(LoadError):
        read_json_text("   ", "e.json")


def test_yaml_records_and_positions() -> None:
    text = "catalog:\n  name: 目录\n信息资源:\n  - 信息资源名称: 甲\n    共享属性:\n      共享类型: 无条件共享\n"
    doc = read_yaml_text(text, "c.yaml")
    records = list(doc.records)
    assert records[0].pointer == "/信息资源/0"
    assert records[0].locator.locate("/共享属性/共享类型") == (6, 13)


def test_yaml_refuses_aliases_and_reports_syntax() -> None:
    with pytest.raises(LoadError, match="aliases"):
        read_yaml_text("resources:\n  - &a {name: x}\n  - *a\n", "c.yaml")
    with pytest.raises(LoadError) as info:
        read_yaml_text("resources: [\n", "c.yaml")
    assert (info.value.line, info.value.column) == (2, 1)  # the flow list is still open at the end
    with pytest.raises(LoadError) as info:
        read_yaml_text("a: 1\nb: 2\n- c\n", "c.yaml")
    assert (info.value.line, info.value.column) == (3, 1)  # a list entry where a key belongs
    assert str(info.value).startswith("c.yaml:3:1: ")


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    from govcatalog import validate

    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"resources": [\xff]}')
    report = validate(bad)
    assert report.table("code", "line") == [("GC-S001", 1)]
    assert not report.conforms
