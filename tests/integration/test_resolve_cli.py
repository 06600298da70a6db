"""``govcatalog resolve`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app

_register()
runner = CliRunner()

REQUEST = {
    "requester": {"name": "某市民政局", "code": "11420600011093474X"},
    "purpose": "业务协同",
    "date": "2025-09-26",
    "items": ["身份证号码", "单位名称", "婚姻状况", "指纹信息"],
    "keys": ["420600"],
    # what a request states under 《政务数据共享条例》 第二十条 (it is dated after 2025-08-01)
    "使用依据": "《社会救助暂行办法》第十一条",
    "使用场景": "最低生活保障家庭经济状况核对",
    "使用范围": "某市民政局社会救助科",
    "共享方式": "服务接口",
    "使用时限": "一年",
}


@pytest.fixture
def request_file(tmp_path: Path) -> Path:
    path = tmp_path / "req.json"
    path.write_text(json.dumps(REQUEST, ensure_ascii=False), encoding="utf-8")
    return path


def test_text(request_file: Path) -> None:
    result = runner.invoke(app, ["resolve", str(request_file)])
    assert result.exit_code == 0, result.output
    assert "答复期限 2025-10-16" in result.stdout
    assert "法人单位基础信息资源 102001/000001" in result.stdout
    assert "《政务数据共享条例》" in result.stdout


def test_an_incomplete_request_exits_1_with_what_to_add(request_file: Path) -> None:
    data = {k: v for k, v in REQUEST.items() if k not in ("使用依据", "使用时限")}
    request_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["resolve", str(request_file)])
    assert result.exit_code == 1, result.output
    assert "一次性告知需补充：使用依据、使用时限" in result.stdout
    assert "不予共享，" not in result.stdout


def test_json_with_department_catalog_and_store(request_file: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "dept.json"
    catalog.write_text(
        json.dumps(
            {
                "catalog": {"name": "某市民政局目录", "version": "1"},
                "resources": [
                    {
                        "name": "低保",
                        "code": "301001/000001",
                        "items": [{"name": "低保金额"}],
                        "share": {"share_type": "有条件共享"},
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    data = dict(REQUEST, items=["低保金额", "车辆号牌号"])
    request_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    args = ["resolve", str(request_file), "-f", "json", "-c", str(catalog), "--database", url]
    for _ in range(2):  # the second run finds everything already stored
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        out = json.loads(result.stdout)
        assert out["items"][0]["catalog"] == "某市民政局目录"
        assert out["items"][0]["action"] == "apply"
        assert out["items"][1]["kind"] == "unmatched"


def test_xlsx_in_and_out(tmp_path: Path) -> None:
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    book.active.append(["申请部门", "需求信息项"])
    book.active.append(["某市民政局", "企业名称"])
    src = tmp_path / "req.xlsx"
    book.save(src)
    out = tmp_path / "out.xlsx"
    result = runner.invoke(
        app, ["resolve", str(src), "-f", "xlsx", "-o", str(out), "--today", "2025-01-02"]
    )
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(out)["信息项"].iter_rows(values_only=True))
    assert rows[1][0] == "企业名称"
    assert "机构名称" in rows[1]


@pytest.mark.parametrize(
    "args",
    [
        ["resolve", "missing.json"],
        ["resolve", "REQ", "-f", "xlsx"],
        ["resolve", "REQ", "--today", "tomorrow"],
        ["resolve", "REQ", "--holidays", "missing.toml"],
        ["resolve", "REQ", "--base-pack", "nope@^1"],
    ],
)
def test_usage_errors_exit_2(request_file: Path, args: list[str]) -> None:
    args = [str(request_file) if a == "REQ" else a for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_english_text(request_file: Path) -> None:
    result = runner.invoke(app, ["resolve", str(request_file), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Requester: 某市民政局" in result.stdout
    assert "conditional sharing → apply, reply due 2025-10-16 (10 working days)" in result.stdout
    assert "4 items: exact 2  synonym 2  resource 0" in result.stdout


def test_gbk_csv_request(tmp_path: Path) -> None:
    path = tmp_path / "req.csv"
    rows = ["需求部门,使用用途,申请日期,需求信息项", "某市民政局,业务协同,2025-09-26,身份证号码"]
    path.write_bytes("\n".join(rows).encode("gbk"))
    # the rules of 国发〔2016〕51号, named: this request states none of 第二十条's fields
    result = runner.invoke(app, ["resolve", str(path), "--pack", "gb-1272@^1"])
    assert result.exit_code == 0, result.output
    assert "需求部门：某市民政局" in result.stdout
    assert "公民身份号码" in result.stdout
