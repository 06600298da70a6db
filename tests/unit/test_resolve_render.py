"""Renderings of a resolution: JSON, text, HTML, pandas, xlsx."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from govcatalog.model.enums import UsagePurpose
from govcatalog.report import Lang
from govcatalog.resolve import (
    DataRequest,
    Requester,
    ResolveOptions,
    SubjectKey,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.render import ITEM_COLUMNS, item_rows, resolution_to_text, write_xlsx
from govcatalog.resolve.resolver import Resolution


@pytest.fixture(scope="module")
def result() -> Resolution:
    bases = load_base_pack()
    req = DataRequest(
        Requester("某市民政局", "11420600011093474X"),
        UsagePurpose.DATA_VERIFICATION,
        ("身份证号码", "婚姻状况", "指纹信息", "户籍", "车辆号牌号"),
        (SubjectKey("420600"), SubjectKey("bad")),
        dt.date(2025, 9, 26),
    )
    # the answers of 国发〔2016〕51号 (the regulation's renderings: test_resolve_regime.py)
    return resolve(req, build_index(bases), bases=bases, options=ResolveOptions(pack="gb-1272@^1"))


def test_json(result: Resolution) -> None:
    data = json.loads(json.dumps(result.to_json_dict(), ensure_ascii=False))
    assert data["request"]["purpose"] == "数据校核"
    assert data["ok"] is False
    items = data["items"]
    assert [i["action"] for i in items] == ["take", "apply", "refused", "none", "none"]
    assert items[1]["due_date"] == "2025-10-16"
    assert items[0]["database"] == "population"
    assert items[0]["no_recollection"] is True
    assert items[3]["options"][0]["item"] == "常住户口所在地住址"
    assert [k["status"] for k in data["keys"]] == ["routed", "invalid"]


def test_text(result: Resolution) -> None:
    text = resolution_to_text(result)
    assert "答复期限 2025-10-16" in text
    assert "不得向群众和企业重复采集" in text
    assert "不予共享，依据《" in text
    assert "襄阳市" in text
    assert "未匹配 2" in text


def test_text_has_no_doubled_words(result: Resolution) -> None:
    text = resolution_to_text(result)
    # the shipped basis starts with 依据《…》: it is not labelled again
    assert "依据：依据" not in text
    assert "不予共享，依据《中华人民共和国居民身份证法》" in text


def test_text_in_english(result: Resolution) -> None:
    text = resolution_to_text(result, Lang.EN)
    assert text.startswith("Requester: 某市民政局 (11420600011093474X)  Purpose: data verification")
    assert "[synonym 95]  → population 101001/000001《人口基本信息》·公民身份号码" in text
    assert "conditional sharing → apply, reply due 2025-10-16 (10 working days)" in text
    assert "not shared → refused, legal basis: 依据《中华人民共和国居民身份证法》" in text
    assert "not to be collected again from citizens or companies" in text
    assert "Subject keys:" in text
    assert "行政区划代码" not in text.split("Subject keys:")[1].split("\n")[1]
    assert "invalid: " in text
    assert text.endswith(
        "5 items: exact 2  synonym 1  resource 0  contained 0  fuzzy 0  ambiguous 0  unmatched 2"
    )


def test_html_and_pandas(result: Resolution) -> None:
    html = result._repr_html_()
    assert html.count("<tr>") == 1 + len(result.items)
    frame = result.to_pandas()
    assert list(frame.columns) == list(ITEM_COLUMNS)  # type: ignore[attr-defined]
    assert len(frame) == len(result.items)  # type: ignore[arg-type]


def test_xlsx(result: Resolution, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    write_xlsx(result, path)
    book = load_workbook(path)
    items = list(book["信息项"].iter_rows(values_only=True))
    assert items[0] == ITEM_COLUMNS
    assert items[1][0] == "身份证号码"
    assert len(list(book["主体标识"].iter_rows())) == 3


def test_html_escapes_what_the_requester_wrote() -> None:
    bases = load_base_pack()
    req = DataRequest(Requester("<b>某局</b>"), None, ("<script>x</script>",))
    html = resolve(req, build_index(bases), bases=bases)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;" in html


def test_a_resource_answer_lists_its_items_in_every_rendering() -> None:
    bases = load_base_pack()
    req = DataRequest(
        Requester("某市行政审批局"), None, ("营业执照信息", "结婚证号"), (), dt.date(2025, 9, 26)
    )
    res = resolve(req, build_index(bases), bases=bases)
    data = res.to_json_dict()["items"]
    assert isinstance(data, list)
    assert data[0]["kind"] == "resource"
    assert data[0]["item"] is None
    assert data[0]["resource_name"] == "营业执照"
    assert data[0]["items"][:2] == ["营业执照", "营业执照编号"]
    assert data[1]["items"] == []
    assert data[1]["item"] == "结婚证编号"
    assert data[0]["licence"]["subject_keys"] == ["统一社会信用代码"]
    assert data[1]["licence"] == {
        "id": "marriage-certificate",
        "name": "结婚证",
        "authority": "民政部门（婚姻登记机关）",
        "holder": "person",
        "subject_keys": ["公民身份号码"],
        "basis": "《婚姻登记条例》",
        "evidence": "IMPL",
    }
    rows = list(item_rows(res))
    assert rows[1]["licence_type"] == "结婚证"
    assert rows[1]["subject_keys"] == "公民身份号码"
    zh = resolution_to_text(res)
    assert "[信息资源 90]  → 电子证照基础信息资源 105003/000001《营业执照》\n" in zh
    assert "信息项（9）：营业执照、营业执照编号、" in zh
    assert "凭持证主体的公民身份号码获取" in zh
    en = resolution_to_text(res, Lang.EN)
    assert "[resource 90]  → e-licence 105003/000001《营业执照》" in en
    assert "items (9): 营业执照, 营业执照编号, " in en
    assert "fetched by the holder's citizen identity number" in en
