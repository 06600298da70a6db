"""An input without a named pack is read as the kind of export its headings say it is."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from govcatalog import examples, load_catalog, validate
from govcatalog.cli.app import _register, app
from govcatalog.packs import get_pack
from govcatalog.packs.regime import RegimeBasis
from govcatalog.records.regime import heading_fit, open_judged

_register()

PORTAL_RECORDS: list[dict[str, Any]] = [
    {
        "标题": f"{theme}统计数据",
        "数据摘要": f"本市{theme}领域的年度统计数据",
        "数据提供方": provider,
        "开放属性": "无条件开放",
        "更新频率": "每年",
        "发布时间": "2023-06-16",
        "详情页网址": f"https://data.example.gov.cn/open-data/{n}",
        "数据格式": ["xls", "csv"],
    }
    for n, (theme, provider) in enumerate(
        [("教育", "市教育局"), ("交通", "市交通运输局"), ("卫生", "市卫生健康委员会")]
    )
]


def _codes(report: Any) -> list[tuple[str, str]]:
    return sorted((f.code, f.location.pointer or "") for f in report.findings)


def test_portal_records_are_judged_as_a_portal_export() -> None:
    named_national = validate(PORTAL_RECORDS, pack="gb-1272")
    unknown = [f for f in named_national.findings if f.code == "GC-S004"]
    assert len(unknown) >= len(PORTAL_RECORDS)  # what the portal headings cost the national pack
    report = validate(PORTAL_RECORDS)
    assert "open-data-portal@" in report.regime_en
    assert "its headings are those of this kind of export" in report.regime_en
    assert "按表头识别为此类导出文件" in report.regime_zh
    assert not [f for f in report.findings if f.code == "GC-S004"]
    assert _codes(report) == _codes(validate(PORTAL_RECORDS, pack="open-data-portal"))


def test_a_portal_csv_is_read_with_the_portal_headings(tmp_path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    keys = list(PORTAL_RECORDS[0])
    writer.writerow(keys)
    for record in PORTAL_RECORDS:
        writer.writerow([",".join(v) if isinstance(v, list) else v for v in record.values()])
    path = tmp_path / "portal.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    judged = open_judged(path)
    assert judged.regime.basis is RegimeBasis.KIND
    assert judged.regime.pack.id == "open-data-portal"
    assert heading_fit(judged.document, judged.regime.pack) == (len(keys), len(keys))
    assert len(list(judged.document.records)) == len(PORTAL_RECORDS)
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert "open-data-portal@1.0.0, its headings are those of this kind of export" in result.output


def test_a_guide_catalog_with_portal_style_extra_columns_stays_under_the_guide() -> None:
    doc = json.loads(examples.path("city").read_text(encoding="utf-8"))
    for n, resource in enumerate(doc["resources"]):
        resource["详情页网址"] = f"https://data.example.gov.cn/open-data/{n}"
        resource["标签"] = "统计"
    report = validate(doc)
    assert "gb-1272@" in report.regime_en
    assert "by its date" in report.regime_en


def test_a_named_pack_wins_over_the_headings() -> None:
    judged = open_judged(json.dumps(PORTAL_RECORDS, ensure_ascii=False), named=get_pack())
    assert judged.regime.basis is RegimeBasis.NAMED
    assert judged.regime.pack.id == "gb-1272"


@pytest.mark.parametrize(
    "sample",
    [
        "guizhou_guiyang",
        "jiangsu_jiangsu",
        "jiangsu_lianyungang",
        "shanghai_shanghai",
        "sichuan_aba",
        "zhejiang_zhejiang",
    ],
)
def test_real_portal_exports_need_no_pack(reference: Path, sample: str) -> None:
    path = reference / "real-catalogs" / f"portal-{sample}.json"
    report = validate(path)
    assert "open-data-portal@" in report.regime_en
    assert not [f for f in report.findings if f.code == "GC-S004" and "标题" in f.message_zh]
    assert _codes(report) == _codes(validate(path, pack="open-data-portal"))


PORTAL_COUNTS = {
    # findings by code of the six real exports, as docs/bringing-your-own-export.md tables them
    "guizhou_guiyang": {"GC-S009": 6},
    "jiangsu_jiangsu": {"GC-F001": 14, "GC-F003": 1, "GC-S009": 7},
    "jiangsu_lianyungang": {"GC-F003": 40, "GC-S009": 8},
    "shanghai_shanghai": {"GC-F001": 22, "GC-F003": 46, "GC-F015": 3, "GC-F016": 1, "GC-S009": 6},
    "sichuan_aba": {"GC-F003": 82, "GC-F015": 32, "GC-F016": 98, "GC-S009": 6},
    "zhejiang_zhejiang": {
        "GC-F003": 47,
        "GC-F012": 2,
        "GC-F015": 12,
        "GC-F016": 49,
        "GC-R005": 10,
        "GC-S009": 6,
    },
}


@pytest.mark.parametrize("sample", sorted(PORTAL_COUNTS))
def test_real_portal_exports_stay_portal_exports_beside_the_system_keys(
    reference: Path, sample: str
) -> None:
    """The keys of catalog systems (resourceName, updateCycle, releaseDate …) and the rule that
    a file giving 共享类型 is no portal's leave the six real exports as they were judged."""
    path = reference / "real-catalogs" / f"portal-{sample}.json"
    judged = open_judged(path)
    assert judged.regime.basis is RegimeBasis.KIND
    assert judged.regime.pack.id == "open-data-portal"
    report = validate(path)
    assert dict(Counter(f.code for f in report.findings)) == PORTAL_COUNTS[sample]


def test_load_catalog_reads_a_portal_export_as_validate_judges_it() -> None:
    unnamed = load_catalog(PORTAL_RECORDS)
    named = load_catalog(PORTAL_RECORDS, pack="open-data-portal")
    assert unnamed == named
    assert [r.name for r in unnamed.resources] == [r["标题"] for r in PORTAL_RECORDS]
    national = load_catalog(PORTAL_RECORDS, pack="gb-1272")
    assert national != named  # the portal headings mean nothing to the national pack


def test_load_catalog_of_a_file_object_reads_it_once(tmp_path: Path) -> None:
    path = tmp_path / "portal.json"
    path.write_text(json.dumps(PORTAL_RECORDS, ensure_ascii=False), encoding="utf-8")
    with path.open("rb") as handle:
        assert load_catalog(handle) == load_catalog(path)


def test_what_portals_show_beside_a_dataset_is_kept_not_reported() -> None:
    records = [
        {
            **record,
            "所属区域": "襄阳市",
            "浏览量": 1234,
            "下载次数": "56",
            "接口调用量": 0,
            "评分": 4.5,
            "数据范围": "全市",
            "时间范围": "2020—2023年",
        }
        for record in PORTAL_RECORDS
    ]
    report = validate(records)
    assert "open-data-portal@" in report.regime_en
    assert _codes(report) == _codes(validate(PORTAL_RECORDS))  # nothing more to say
    extensions = load_catalog(records).resources[0].extensions
    assert {k: extensions[k] for k in ("region", "views", "downloads", "rating")} == {
        "region": "襄阳市",
        "views": "1234",
        "downloads": "56",
        "rating": "4.5",
    }
