"""Where a finding about a value not given is said on a sheet: beside it, in its group."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from govcatalog import validate
from govcatalog.io.sheet_cells import cell_of
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

CELLS = {
    "": "A2",
    "/name": "A2",
    "/open/open_to_public": "K2",
    "/items/0/name": "N2",
    "/items/1/name": "N3",
}


def test_a_value_given_is_at_its_cell() -> None:
    assert cell_of(CELLS, "/open/open_to_public") == "K2"


def test_a_value_not_given_is_beside_it_in_its_group() -> None:
    assert cell_of(CELLS, "/open/open_condition") == "K2"
    assert cell_of(CELLS, "/items/1/data_type") == "N3"


def test_a_value_with_no_group_at_hand_is_at_its_nearest_parent() -> None:
    assert cell_of(CELLS, "/abstract") == "A2"
    assert cell_of(CELLS, "/share/share_condition") == "A2"
    assert cell_of({}, "/share/share_condition") is None


def test_an_open_resource_without_its_condition_is_said_at_its_yes(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["信息资源名称", "信息资源代码", "是否向社会开放", "更新周期"])
    sheet.append(["企业登记信息", "307001/000001", "是", "每日"])
    book.save(tmp_path / "b.xlsx")
    report = validate(tmp_path / "b.xlsx", options=ValidationOptions(today=TODAY))
    (r005,) = [f for f in report.findings if f.code == "GC-R005"]
    assert r005.location.cell == "C2"
    assert (r005.location.line, r005.location.column) == (2, 3)
