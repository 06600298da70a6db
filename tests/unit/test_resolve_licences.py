"""The licence-type catalog (证照类型目录): data, lineage, and requests that name a licence."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib.resources import as_file
from pathlib import Path

import pytest

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.enums import ShareType
from govcatalog.packs.registry import default_registry
from govcatalog.resolve import (
    BaseDataPack,
    DataRequest,
    MatchKind,
    Requester,
    ResolveIndex,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.bases import base_entries
from govcatalog.resolve.licences import HolderKind, parse_licences
from govcatalog.resolve.resolver import ItemResolution
from govcatalog.vocab import Evidence

DAY = dt.date(2025, 9, 26)

REQUIRED = [
    "营业执照",
    "居民身份证",
    "居民户口簿",
    "结婚证",
    "离婚证",
    "出生医学证明",
    "不动产权证书",
    "不动产登记证明",
    "机动车驾驶证",
    "机动车行驶证",
    "道路运输证",
    "食品经营许可证",
    "药品经营许可证",
    "排污许可证",
    "建筑业企业资质证书",
    "安全生产许可证",
    "教师资格证书",
    "医师执业证书",
    "护士执业证书",
    "社会保障卡",
    "残疾人证",
    "军官证",
]


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


@pytest.fixture(scope="module")
def index(bases: BaseDataPack) -> ResolveIndex:
    return build_index(bases)


def one(index: ResolveIndex, bases: BaseDataPack, name: str) -> ItemResolution:
    request = DataRequest(Requester("某市行政审批局"), None, (name,), (), DAY)
    return resolve(request, index, bases=bases).items[0]


def test_the_catalog_holds_the_common_national_types(bases: BaseDataPack) -> None:
    names = [t.name for t in bases.licences.types]
    assert len(names) >= 60
    assert set(REQUIRED) <= set(names)
    assert len(set(names)) == len(names)
    for lic in bases.licences.types:
        assert lic.authority and lic.basis.startswith("《")
        assert lic.evidence in (Evidence.IMPL, Evidence.UNCONFIRMED)
        assert lic.evidence is not Evidence.IMPL or lic.sources  # IMPL names its source
        assert lic.code.startswith("105003/")


def test_holder_kind_names_the_subject_key(bases: BaseDataPack) -> None:
    get = bases.licences.get
    assert get("business-licence").subject_keys == (IdentifierKind.USCC,)  # type: ignore[union-attr]
    assert get("marriage-certificate").subject_keys == (IdentifierKind.CITIZEN_ID,)  # type: ignore[union-attr]
    estate = get("real-estate-title")
    assert estate is not None and estate.holder is HolderKind.BOTH
    assert set(estate.subject_keys) == {IdentifierKind.CITIZEN_ID, IdentifierKind.USCC}


def test_each_type_is_a_resource_of_the_e_licence_catalog(bases: BaseDataPack) -> None:
    (entry,) = [e for e in base_entries(bases) if e.database == "e-licence"]
    by_name = {r.name: r for r in entry.resources}
    assert set(REQUIRED) <= set(by_name)
    items = [i.name for i in by_name["营业执照"].items]
    assert items[:3] == ["营业执照", "营业执照编号", "营业执照持证主体"]
    assert "营业执照有效期截止日期" in items
    # 居民身份证's number is the population database's 公民身份号码: no item of its own
    assert "居民身份证编号" not in [i.name for i in by_name["居民身份证"].items]
    assert by_name["残疾人证"].share_type is ShareType.CONDITIONAL
    assert entry.version.startswith("1.0.0+licences.")


@pytest.mark.parametrize(
    ("requested", "licence", "item"),
    [
        ("营业执照", "营业执照", "营业执照"),
        ("营业执照编号", "营业执照", "营业执照编号"),
        ("营业执照号码", "营业执照", "营业执照编号"),
        ("营业执照复印件", "营业执照", "营业执照"),
        ("结婚证", "结婚证", "结婚证"),
        ("结婚证号", "结婚证", "结婚证编号"),
        ("不动产权证书", "不动产权证书", "不动产权证书"),
        ("房产证号", "不动产权证书", "不动产权证书编号"),
        ("机动车驾驶证", "机动车驾驶证", "机动车驾驶证"),
        ("驾驶证号码", "机动车驾驶证", "机动车驾驶证编号"),
        ("驾驶证有效期", "机动车驾驶证", "机动车驾驶证有效期截止日期"),
        ("出生医学证明", "出生医学证明", "出生医学证明"),
        ("出生证编号", "出生医学证明", "出生医学证明编号"),
        ("户口本", "居民户口簿", "居民户口簿"),
        ("社保卡有效期限", "社会保障卡", "社会保障卡有效期截止日期"),
        ("食品经营许可证有效期至", "食品经营许可证", "食品经营许可证有效期截止日期"),
        ("排污许可证发证机关", "排污许可证", "排污许可证颁发机构"),
        ("申请人营业执照号码", "营业执照", "营业执照编号"),
    ],
)
def test_a_request_naming_a_licence_resolves_to_it(
    index: ResolveIndex, bases: BaseDataPack, requested: str, licence: str, item: str
) -> None:
    answer = one(index, bases, requested)
    assert answer.match is not None, answer
    assert answer.match.resource.database == "e-licence"
    assert answer.match.resource.name == licence
    assert answer.match.name == item
    lic = next(t for t in bases.licences.types if t.name == licence)
    for key in lic.subject_keys:  # the key that fetches it is named
        assert key.value in answer.reason_zh
        assert key.label_en in answer.reason_en
    assert lic.authority in answer.reason_zh


def test_the_identity_card_number_stays_the_population_item(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    for name in ("身份证号码", "居民身份证号码", "身份证编号"):
        answer = one(index, bases, name)
        assert answer.match is not None
        assert answer.match.resource.database == "population"
        assert answer.match.name == "公民身份号码"


def test_a_licence_named_as_information_lists_its_items(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    answer = one(index, bases, "营业执照信息")
    assert answer.kind is MatchKind.RESOURCE
    assert answer.match is not None and answer.match.resource.name == "营业执照"
    assert [c.item.name for c in answer.options][:2] == ["营业执照", "营业执照编号"]
    assert answer.options_total == len(answer.options) >= 8
    assert "统一社会信用代码" in answer.reason_zh
    alias = one(index, bases, "工商营业执照信息")
    assert alias.kind is MatchKind.RESOURCE
    assert alias.match is not None and alias.match.resource.name == "营业执照"


def _copy_base(tmp_path: Path) -> Path:
    root = default_registry().resolve("base-databases@^1").root
    with as_file(root) as path:
        return Path(shutil.copytree(path, tmp_path / "base"))


def test_an_extension_pack_replaces_and_adds_types(tmp_path: Path) -> None:
    root = tmp_path / "city"
    root.mkdir()
    (root / "pack.toml").write_text(
        '[pack]\nid = "city-licences"\nversion = "1.0.0"\ntitle_zh = "某市证照"\n'
        'title_en = "City licences"\nstatus = "active"\nextends = "base-databases@^1"\n',
        encoding="utf-8",
    )
    (root / "licences.toml").write_text(
        'database = "e-licence"\n'
        '[[licence]]\nid = "business-licence"\ncode = "105003/000001"\nname = "营业执照"\n'
        'aliases = ["营业证照"]\nauthority = "某市市场监督管理局"\nholder = "legal-entity"\n'
        'basis = "《中华人民共和国市场主体登记管理条例》"\nevidence = "UNCONFIRMED"\n'
        '[[licence]]\nid = "city-pet-licence"\ncode = "105003/900001"\nname = "养犬登记证"\n'
        'aliases = ["犬证"]\nauthority = "公安机关"\nholder = "person"\n'
        'basis = "《某市养犬管理条例》"\nevidence = "UNCONFIRMED"\n',
        encoding="utf-8",
    )
    ext = load_base_pack(root)
    assert len(ext.licences) == len(load_base_pack().licences) + 1
    business = ext.licences.get("business-licence")
    assert business is not None and business.authority == "某市市场监督管理局"
    assert business.pack == "city-licences@1.0.0"
    index = build_index(ext)
    answer = one(index, ext, "犬证号码")
    assert answer.match is not None and answer.match.name == "养犬登记证编号"
    assert "公民身份号码" in answer.reason_zh
    alias = one(index, ext, "营业证照")
    assert alias.match is not None and alias.match.name == "营业执照"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[licence]]\nid = "x"\n', "bad licence table"),
        (
            '[[licence]]\nid = "x"\ncode = "1"\nname = "甲证"\nauthority = "a"\nholder = "robot"\n'
            'basis = "b"\nevidence = "IMPL"\n',
            "bad licence table",
        ),
        (
            '[[licence]]\nid = "x"\ncode = "1"\nname = "甲证"\nauthority = "a"\nholder = "person"\n'
            'basis = "b"\nevidence = "IMPL"\nsources = ["nowhere"]\n',
            "unknown sources",
        ),
        ("database = [", "bad licence table"),
    ],
)
def test_a_bad_licence_table_is_a_pack_error(text: str, problem: str) -> None:
    with pytest.raises(PackError, match=problem):
        parse_licences(text, "test@1")


def test_two_types_with_one_name_are_refused(tmp_path: Path) -> None:
    base = _copy_base(tmp_path)
    path = base / "licences.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('aliases = ["结婚证书"', 'aliases = ["离婚证"'),
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="离婚证"):
        load_base_pack(base)
