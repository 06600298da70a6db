"""``inspect``: how a file was read, and a profile for what was not mapped."""

from __future__ import annotations

import json
from pathlib import Path

from messybook import DATA_SHEET, DROPDOWN_SHEET, TEMPLATE_SHEET, build_messy_workbook
from typer.testing import CliRunner

from govcatalog import get_pack, validate
from govcatalog.cli.app import _register, app
from govcatalog.inspection import inspect, write_profile

_register()


def test_inspect_workbook_says_how_it_was_read(tmp_path: Path) -> None:
    result = inspect(build_messy_workbook(tmp_path / "book.xlsx"))
    assert result.resources == 2
    (sheet,) = result.sheets
    assert (sheet.sheet, sheet.group_row, sheet.heading_row, sheet.first_data_row) == (
        DATA_SHEET,
        2,
        3,
        6,
    )
    assert {s for s, _ in result.skipped} == {TEMPLATE_SHEET, DROPDOWN_SHEET}
    fields = {k.key: k.field for k in result.keys}
    assert fields["所属部门"] == "provider"
    assert fields["信息资源）"] == "name"
    assert fields["信息资源格式"] == "format.format_types"
    assert [k.key for k in result.unmapped] == ["联系人"]
    forms = {(n.field, n.code): n.count for n in result.normalised}
    assert forms[("share.share_mode_class", "GC-F003")] == 2


def test_profile_maps_what_was_unmapped(tmp_path: Path) -> None:
    book = build_messy_workbook(tmp_path / "book.xlsx")
    pack = get_pack()
    profile = write_profile(inspect(book), pack, tmp_path / "profile", pack_id="city-profile")
    before = [f for f in validate(book).findings if f.code == "GC-S004"]
    after = validate(book, pack=get_pack(profile))
    assert len(before) == 1
    assert not [f for f in after.findings if f.code == "GC-S004"]
    runner = CliRunner()
    out = runner.invoke(app, ["inspect", str(book), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["resources"] == 2
    again = runner.invoke(app, ["inspect", str(book), "--write-profile", str(profile)])
    assert again.exit_code == 2  # never written over


def test_inspect_json_records_counts_keys(tmp_path: Path) -> None:
    path = tmp_path / "portal.json"
    records = [{"标题": "a", "orgName": "市统计局"}, {"标题": "b", "浏览量": 3, "收藏数": 1}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    national = {k.key: (k.field, k.count) for k in inspect(path).keys}
    assert national["标题"] == (None, 2)
    portal = {k.key: (k.field, k.count) for k in inspect(path, pack="open-data-portal").keys}
    assert portal["标题"] == ("name", 2)
    assert portal["orgName"] == ("provider", 1)
    assert portal["浏览量"] == ("extensions.views", 1)
    assert portal["收藏数"] == (None, 1)
    out = CliRunner().invoke(app, ["inspect", str(path)])
    assert "hint: --pack open-data-portal" in out.output
