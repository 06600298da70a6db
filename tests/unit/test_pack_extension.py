"""A local standard as data: partial overrides, extension fields, its own vocabularies,
declared rules, severities — and the effective pack printed as TOML and JSON."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from govcatalog.io.records import RawRecord, SourceDocument
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.effective import DumpFormat, dump_effective, effective_dict
from govcatalog.packs.registry import PackRegistry
from govcatalog.report import Severity
from govcatalog.validate import ValidationOptions, Validator

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))


@pytest.fixture(scope="module")
def province() -> Pack:
    return get_pack("example-province@^1")


def national_record() -> dict[str, Any]:
    return {
        "category": {"lei": "部门信息资源目录", "xiang": "国务院", "mu": "005"},
        "name": "企业登记信息",
        "code": "303005/00001",
        "provider": "市市场监督管理局",
        "provider_code": "91350100M000100Y43",
        "abstract": "企业登记基本信息",
        "format": {"format_class": "数据库", "format_types": ["MySQL"]},
        "items": [{"name": "统一社会信用代码", "data_type": "字符型", "length": 18}],
        "share": {
            "share_type": "有条件共享",
            "share_condition": "仅用于行政审批",
            "share_mode_class": "共享平台方式",
            "share_mode_type": "接口",
        },
        "open": {"open_to_public": False},
        "update_cycle": "每日",
        "publish_date": "2024-03-01",
    }


def province_record() -> dict[str, Any]:
    rec = national_record()
    rec["secrecy"] = "非涉密政务信息资源目录"
    rec["信息系统名称"] = "市场主体登记系统"
    rec["系统部署网络"] = "电子政务外网"
    rec["所属处室"] = "登记注册处"
    rec["关联信息系统"] = "数据共享交换平台"
    return rec


def findings(pack: Pack, rec: dict[str, Any]) -> list[tuple[str, Severity, str]]:
    doc = SourceDocument("c.json", None, iter([RawRecord(0, "/resources/0", rec)]), [])
    report = Validator(pack, OPTIONS).validate_document(doc)
    return [(f.code, f.severity, f.location.pointer or "") for f in report.findings]


def test_lineage_and_inheritance(province: Pack) -> None:
    national = get_pack("gb-1272@^1")
    assert province.lineage == ("example-province@1.0.0", "gb-1272@1.0.0")
    assert set(national.codebook) < set(province.codebook)
    assert province.codebook["GC-F006"].severity is Severity.ERROR
    assert national.codebook["GC-F006"].severity is Severity.WARNING
    assert "邮件方式" in national.vocabulary("share-mode-class").labels()
    assert "邮件方式" not in province.vocabulary("share-mode-class").labels()


def test_partial_override_keeps_the_parent_entry(province: Pack) -> None:
    national = get_pack("gb-1272@^1").fields.get("secrecy")
    mine = province.fields.get("secrecy")
    assert mine.required
    assert not national.required
    assert (mine.zh, mine.kind, mine.vocabulary, mine.aliases) == (
        national.zh,
        national.kind,
        national.vocabulary,
        national.aliases,
    )


def test_valid_province_record_has_no_error(province: Pack) -> None:
    assert [f for f in findings(province, province_record()) if f[1] is Severity.ERROR] == []


def test_extension_columns_are_recognised_not_unknown(province: Pack) -> None:
    codes = [c for c, _, _ in findings(province, province_record())]
    assert "GC-S004" not in codes
    # the national pack does not know them: kept as extensions, reported as info
    national = findings(get_pack("gb-1272@^1"), province_record())
    assert [c for c, _, _ in national].count("GC-S004") == 4


def test_required_extension_column_missing(province: Pack) -> None:
    rec = province_record()
    del rec["所属处室"]
    missing = [(c, p) for c, s, p in findings(province, rec) if c == "GC-F001"]
    assert len(missing) == 1
    # pointed at canonically or by the column's Chinese name, as the resource was written
    assert missing[0][1].endswith(("department_office", "部门内设科室"))


def test_extension_vocabulary_is_checked_and_aliases_normalised(province: Pack) -> None:
    rec = province_record()
    rec["系统部署网络"] = "政务外网"
    assert ("GC-F003", Severity.INFO) in [(c, s) for c, s, _ in findings(province, rec)]
    rec["系统部署网络"] = "卫星网"
    assert "GC-F002" in [c for c, _, _ in findings(province, rec)]


def test_extensions_written_as_an_object(province: Pack) -> None:
    rec = national_record()
    rec["secrecy"] = "非涉密政务信息资源目录"
    rec["extensions"] = {
        "info_system": "市场主体登记系统",
        "system_network": "互联网",
        "部门内设科室": "登记注册处",
        "related_system": "数据共享交换平台",
        "自定义": "保留",
    }
    assert [f for f in findings(province, rec) if f[1] is Severity.ERROR] == []


def test_narrowed_vocabulary_rejects_removed_value(province: Pack) -> None:
    rec = province_record()
    rec["share"]["share_mode_class"] = "邮件方式"
    del rec["share"]["share_mode_type"]
    assert "GC-F002" in [c for c, _, _ in findings(province, rec)]
    assert "GC-F002" not in [c for c, _, _ in findings(get_pack("gb-1272@^1"), national_record())]


def test_declared_rules(province: Pack) -> None:
    rec = province_record()
    del rec["关联信息系统"]
    assert ("EP-R001", Severity.ERROR) in [(c, s) for c, s, _ in findings(province, rec)]
    rec["share"] = {"share_type": "无条件共享", "share_mode_class": "介质方式"}
    assert "EP-R001" not in [c for c, _, _ in findings(province, rec)]
    rec["数据存储总量/G"] = "12G"
    assert ("EP-R002", Severity.WARNING) in [(c, s) for c, s, _ in findings(province, rec)]
    rec["数据存储总量/G"] = "12.5"
    assert "EP-R002" not in [c for c, _, _ in findings(province, rec)]


def test_child_tightens_a_parent_rule(tmp_path: Path) -> None:
    child = tmp_path / "city" / "1.0.0"
    child.mkdir(parents=True)
    (child / "pack.toml").write_text(
        '[pack]\nid = "city"\nversion = "1.0.0"\nextends = "example-province@^1"\n',
        encoding="utf-8",
    )
    (child / "rules.toml").write_text(
        '[[rule]]\nid = "conditional-share-names-system"\ncode = "EP-R001"\n'
        'when = { field = "share.share_type", in = ["有条件共享", "无条件共享"] }\n'
        'require = ["extensions.related_system"]\n',
        encoding="utf-8",
    )
    city = PackRegistry().load_path(child)
    assert len(city.declared_rules) == 2
    rec = province_record()
    del rec["关联信息系统"]
    rec["share"] = {"share_type": "无条件共享", "share_mode_class": "介质方式"}
    assert "EP-R001" in [c for c, _, _ in findings(city, rec)]
    assert "EP-R001" not in [c for c, _, _ in findings(get_pack("example-province"), rec)]


def test_effective_pack_toml_and_json_agree(province: Pack) -> None:
    as_toml = tomllib.loads(dump_effective(province, DumpFormat.TOML))
    as_json = json.loads(dump_effective(province, DumpFormat.JSON))
    assert as_toml == as_json == json.loads(json.dumps(effective_dict(province)))
    fields = {f["id"]: f for f in as_json["field"]}
    assert fields["secrecy"]["required"] is True
    assert fields["extensions.info_system"]["zh"] == "信息系统名称"
    assert "邮件方式" not in as_json["vocabularies"]["share-mode-class"]["values"]
    assert as_json["codebook"]["GC-F006"]["severity"] == "error"
    assert [r["code"] for r in as_json["rule"]] == ["EP-R001", "EP-R002"]
    assert as_json["pack"]["lineage"] == list(province.lineage)
