"""Template profiles are pack data: a province adds its own layout without code."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govcatalog import get_pack, load_catalog, validate
from govcatalog.errors import PackError
from govcatalog.packs import Pack
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.templates import ColumnLevel, parse_template

PROVINCE = """
[template]
id = "province"
title_zh = "某省政务信息资源目录编制表"
sheet = "资源目录"
resource_key = ["code"]
default = true

[[column]]
field = "code"
heading = "资源标识码"

[[column]]
field = "name"
heading = "资源中文名称"

[[column]]
field = "share.share_type"
heading = "共享类别"
group = "共享信息"

[[column]]
field = "items.name"
heading = "字段中文名"
group = "数据项"

[[column]]
field = "items.data_type"
heading = "字段类型"
group = "数据项"
"""


def _province_pack(tmp_path: Path) -> Pack:
    root = tmp_path / "province"
    (root / "templates").mkdir(parents=True)
    (root / "pack.toml").write_text(
        '[pack]\nid = "province-x"\nversion = "1.0.0"\nextends = "gb-1272@^1"\nstatus = "draft"\n',
        encoding="utf-8",
    )
    (root / "templates" / "province.toml").write_text(PROVINCE, encoding="utf-8")
    return get_pack(root)


def _province_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "资源目录"
    ws.append(["资源标识码", "资源中文名称", "共享信息", "数据项", None])
    ws.append([None, None, "共享类别", "字段中文名", "字段类型"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("D1:E1")
    ws.append(["101001/000001", "户籍人口", "随便共享", "姓名", "C"])
    ws.append([None, None, None, "性别", "字符型C"])
    wb.save(path)
    return path


def test_a_provincial_layout_is_read_through_its_profile(tmp_path: Path) -> None:
    pack = _province_pack(tmp_path)
    assert pack.template().id == "province"
    assert pack.template("national").default is False
    book = _province_book(tmp_path / "p.xlsx")
    catalog = load_catalog(book, pack=pack)
    assert [i.name for i in catalog.resources[0].items] == ["姓名", "性别"]
    report = validate(book, pack=pack)
    located = [(f.location.sheet, f.location.cell) for f in report.findings if f.code == "GC-F002"]
    assert located == [("资源目录", "C3")]
    assert not [f for f in report.findings if f.code == "GC-S004"]


def test_national_profile_columns(pack: Pack) -> None:
    profile = pack.template()
    assert profile.id == "national"
    by_field = {c.field.id: c for c in profile.columns}
    assert by_field["share.share_type"].group == "共享属性"
    assert by_field["items.data_type"].level is ColumnLevel.ITEM
    assert by_field["name"].level is ColumnLevel.RESOURCE
    assert by_field["update_cycle"].dropdown == "update-cycle"
    assert all(c.dropdown is None for c in profile.columns if c.field.kind is FieldKind.TEXT)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[template]\nid = "x"\n[[column]]\nfield = "nope"\n', "unknown field"),
        ('[template]\nid = "x"\n[[column]]\nfield = "share"\n', "is a group"),
        (
            '[template]\nid = "x"\n[[column]]\nfield = "name"\n[[column]]\nfield = "name"\n',
            "two columns",
        ),
        (
            '[template]\nid = "x"\nresource_key = ["code"]\n[[column]]\nfield = "name"\n',
            "without a column",
        ),
        ("[template]\n", "id is missing"),
        ("[template", "Expected"),
    ],
)
def test_invalid_profiles_are_pack_errors(pack: Pack, text: str, problem: str) -> None:
    with pytest.raises(PackError, match=problem):
        parse_template(text, pack.fields, pack=pack.ref, file="templates/x.toml")


def test_unknown_profile_is_a_pack_error(pack: Pack) -> None:
    with pytest.raises(PackError, match="no template profile"):
        pack.template("nowhere")
