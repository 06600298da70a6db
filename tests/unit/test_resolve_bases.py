"""The base-databases pack: catalogs valid under the national pack, synonyms, extension."""

from __future__ import annotations

from importlib.resources import as_file
from pathlib import Path

import pytest

from govcatalog import validate
from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import ShareType
from govcatalog.resolve import SynonymTable, load_base_pack, normalise
from govcatalog.resolve.bases import BaseDataPack, base_entries


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


def test_four_base_databases(bases: BaseDataPack) -> None:
    assert [db.short for db in bases.databases] == [
        "人口",
        "法人单位",
        "自然资源和空间地理",
        "电子证照",
    ]
    assert bases.for_key(IdentifierKind.CITIZEN_ID).id == "population"
    assert bases.for_key(IdentifierKind.USCC).id == "legal-entity"
    assert bases.for_key(IdentifierKind.DIVISION_CODE).id == "geography"
    assert bases.for_key(IdentifierKind.LICENSE_ID).id == "e-licence"
    with pytest.raises(KeyError):
        bases.database("social-credit")


def test_base_catalogs_validate_cleanly(bases: BaseDataPack) -> None:
    for db in bases.databases:
        with as_file(db.catalog) as path:
            report = validate(path, pack="gb-1272@^1")
        assert not report.findings, [(f.code, f.message_en) for f in report.findings]


def test_base_items_are_unconditional_and_carry_a_data_element(bases: BaseDataPack) -> None:
    seen_base = seen_business = 0
    for _, catalog in bases.iter_catalogs():
        for res in catalog.resources:
            for item in res.items:
                assert item.data_element
                assert item.description
                if item.base_item:
                    seen_base += 1
                    assert res.share.share_type is ShareType.UNCONDITIONAL
                else:
                    seen_business += 1
            if res.share.share_type is ShareType.NOT_SHARED:
                assert res.share.share_condition
    assert seen_base
    assert seen_business


def test_key_items_exist_in_their_catalog(bases: BaseDataPack) -> None:
    for db, catalog in bases.iter_catalogs():
        names = {item.name for res in catalog.resources for item in res.items}
        assert set(db.key_items) <= names


def test_synonyms_lead_to_items_of_the_base_catalogs(bases: BaseDataPack) -> None:
    names = {normalise(i.name) for e in base_entries(bases) for r in e.resources for i in r.items}
    table = bases.synonyms.normalised()
    assert table[normalise("居民身份证号码")] == normalise("公民身份号码")
    assert table[normalise("企业名称")] == normalise("机构名称")
    assert set(table.values()) <= names


def test_a_variant_in_two_groups_is_refused() -> None:
    table = SynonymTable({"甲": ("乙乙",), "丙": ("乙乙",)})
    with pytest.raises(PackError, match="two groups"):
        table.normalised()


def _extension(tmp_path: Path) -> Path:
    root = tmp_path / "city-base" / "1.0.0"
    (root / "catalogs").mkdir(parents=True)
    (root / "pack.toml").write_text(
        '[pack]\nid = "city-base"\nversion = "1.0.0"\nstatus = "active"\n'
        'extends = "base-databases@^1"\n',
        encoding="utf-8",
    )
    (root / "databases.toml").write_text(
        '[[database]]\nid = "population"\nname = "某市人口基础信息资源"\nshort = "人口"\n'
        'catalog = "catalogs/population.json"\nkeys = ["公民身份号码"]\n'
        'key_items = ["公民身份号码"]\n',
        encoding="utf-8",
    )
    (root / "catalogs" / "population.json").write_text(
        '{"catalog": {"name": "某市人口", "version": "2"}, "resources": [{"name": "人口", '
        '"code": "101001/000009", "items": [{"name": "公民身份号码", "base_item": true}], '
        '"share": {"share_type": "无条件共享"}}]}',
        encoding="utf-8",
    )
    (root / "synonyms.toml").write_text(
        '[[group]]\nitem = "公民身份号码"\nvariants = ["身份证"]\n', encoding="utf-8"
    )
    (root / "holidays.toml").write_text(
        '[years.2030]\nholidays = ["2030-01-01"]\n', encoding="utf-8"
    )
    return root


def test_extension_pack_replaces_and_adds(tmp_path: Path) -> None:
    ext = load_base_pack(_extension(tmp_path))
    assert ext.ref == "city-base@1.0.0"
    assert ext.database("population").name == "某市人口基础信息资源"
    assert ext.database("legal-entity").pack == "base-databases@1.0.0"
    table = ext.synonyms.normalised()
    assert table["身份证"] == table[normalise("身份证号码")] == normalise("公民身份号码")
    assert sorted(ext.calendar.years) == [2024, 2025, 2026, 2030]
    codes = [r.code for db, c in ext.iter_catalogs() if db.id == "population" for r in c.resources]
    assert codes == ["101001/000009"]
