"""《政务数据共享条例》（国务院令第809号） as the pack sharing-2025: the shipped examples, the regime by date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog import get_pack, validate
from govcatalog.cli.app import _register, app
from govcatalog.packs.regime import RegimeBasis, pick_regime

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "examples" / "city-catalog.json"
CITY_2025 = ROOT / "examples" / "city-catalog-2025.json"

_register()


def test_the_city_catalog_under_the_regulation_lacks_grading_conditions_and_bases() -> None:
    report = validate(CITY, pack="sharing-2025@^1")
    by_code = report.by_code()
    # 第十三条: every entry states 数据分类分级 (64 resources).
    assert by_code["GC-L001"] == 64
    # 第十五条: every 有条件共享 entry lists its 使用条件 (21), every 不予共享 entry a reason (4).
    assert by_code["GC-L002"] == 21
    assert by_code["GC-L003"] == 4
    # 第十四条（三）: a 规章/规范性文件 basis does not qualify; the two bases citing a law do.
    bases = sorted(f.value or "" for f in report if f.code == "GC-L005")
    assert bases == [
        "《教育部办公厅关于进一步加强学生资助信息管理的通知》",
        "依据《湖北省政务数据资源应用与管理办法》要求，涉及劳动者个人信息",
    ]
    assert set(by_code) == {"GC-L001", "GC-L002", "GC-L003", "GC-L005"}


def test_the_corrected_copy_validates_clean_under_the_regulation() -> None:
    report = validate(CITY_2025, pack="sharing-2025@^1")
    assert list(report) == []


def test_the_same_catalog_is_clean_under_51hao() -> None:
    # The 51号-era pack knows none of the regulation's elements: the catalog conforms there.
    assert list(validate(CITY, pack="gb-1272@^1")) == []


@pytest.mark.parametrize(
    ("issued", "pack"),
    [("2025-07-31", "gb-1272"), ("2025-08-01", "sharing-2025"), ("2025-09-01", "sharing-2025")],
)
def test_a_catalog_is_judged_under_the_rules_in_force_on_its_date(
    issued: str, pack: str, tmp_path: Path
) -> None:
    # 第四十四条: 本条例自2025年8月1日起施行.
    data = json.loads(CITY.read_text(encoding="utf-8"))
    data["catalog"]["issued"] = issued
    path = tmp_path / "city.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = validate(path)
    assert report.pack.startswith(pack + "@")
    assert f"按日期 {issued}" in report.regime_zh
    assert f"by its date {issued}" in report.regime_en
    assert (len(report) > 0) == (pack == "sharing-2025")


def test_a_named_pack_wins_over_the_date() -> None:
    report = validate(CITY_2025, pack="gb-1272@^1")
    assert report.pack.startswith("gb-1272@")
    assert "按指定的标准包" in report.regime_zh


def test_an_undated_catalog_stays_with_the_national_pack() -> None:
    regime = pick_regime(None)
    assert regime.pack.id == "gb-1272"
    assert regime.basis is RegimeBasis.DEFAULT
    assert pick_regime(None, today=dt.date(2025, 8, 1)).pack.id == "sharing-2025"


def _undated(tmp_path: Path, *days: str, issued: str | None = None) -> Path:
    data = json.loads(CITY.read_text(encoding="utf-8"))
    del data["catalog"]["issued"]
    if issued is not None:
        data["catalog"]["issued"] = issued
    for resource, day in zip(data["resources"], days, strict=False):
        resource["publish_date"] = day
    for resource in data["resources"][len(days) :]:
        resource["publish_date"] = "2024-05-06"
    path = tmp_path / "city.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_undated_catalog_with_a_resource_published_under_the_regulation_is_told(
    tmp_path: Path,
) -> None:
    report = validate(_undated(tmp_path, "2024-01-02", "2025-09-01", "2025-08-15"))
    assert report.pack.startswith("gb-1272@")  # the choice is not moved by guesswork
    assert "但有信息资源发布于 2025-08-01 之后" in report.regime_zh
    assert "《政务数据共享条例》" in report.regime_zh
    assert "a resource is published from 2025-08-01" in report.regime_en
    assert "--pack sharing-2025@" in report.regime_en


@pytest.mark.parametrize(
    ("days", "issued"),
    [
        (("2025-07-31", "2024-01-02"), None),
        (("2025-09-01",), "2025-07-01"),  # a dated catalog: judged by its date
        (("2099-01-01",), None),  # a typo in the future (GC-F007) says nothing of the regime
    ],
)
def test_nothing_is_told_when_the_dates_agree(
    tmp_path: Path, days: tuple[str, ...], issued: str | None
) -> None:
    report = validate(_undated(tmp_path, *days, issued=issued))
    assert report.pack.startswith("gb-1272@")
    assert "但有信息资源" not in report.regime_zh
    assert "a resource is published" not in report.regime_en


def test_the_regulation_pack_keeps_the_51hao_rules_out() -> None:
    pack = get_pack("sharing-2025@^1")
    # The base-database rule (GC-R011) and the loose basis check (GC-R013) are 51号's.
    assert {"GC-R011", "GC-R013"} <= pack.ignore
    assert pack.effective_from == dt.date(2025, 8, 1)
    for code in (f"GC-L00{n}" for n in range(1, 9)):
        entry = pack.codebook[code]
        assert entry.clause.startswith("《政务数据共享条例》第")
        assert entry.evidence.value == "CONFIRMED"


def test_cli_reports_the_regime_it_applied() -> None:
    result = CliRunner().invoke(app, ["validate", "--example", "city-2025", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Rules applied: Regulation on Government Data Sharing" in result.output
    assert "by its date 2025-09-15" in result.output
    result = CliRunner().invoke(app, ["validate", "--example", "city", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "国发〔2016〕51号" in json.loads(result.output)["regime"]


def test_the_workbook_has_the_regulations_columns_and_round_trips(tmp_path: Path) -> None:
    # 第十三条 elements in the compilation workbook: 使用条件 and 不予共享理由 beside the share
    # attributes, 数据分类分级 after 涉密属性分类 (the national layout, extended).
    pytest.importorskip("openpyxl")
    from govcatalog.io.sheet_writer import write_catalog_xlsx
    from govcatalog.loading import load_catalog

    pack = get_pack("sharing-2025@^1")
    headings = [c.heading for c in pack.template().columns]
    share = headings.index("共享方式类型")
    assert headings[share + 1 : share + 3] == ["使用条件", "不予共享理由"]
    assert headings[headings.index("涉密属性分类") + 1] == "数据分类分级"
    out = tmp_path / "city-2025.xlsx"
    write_catalog_xlsx(load_catalog(CITY_2025, pack=pack), out, pack)
    report = validate(out)  # judged by the date on its 目录信息 sheet
    assert report.pack.startswith("sharing-2025@")
    assert list(report) == []


def _blocks(page: str) -> dict[str, list[str]]:
    """The docs page's shell examples: command → the output lines shown under it."""
    out: dict[str, list[str]] = {}
    for block in page.split("```")[1::2]:
        command = None
        for line in block.splitlines():
            if line.startswith("$ govcatalog "):
                command = line[len("$ govcatalog ") :]
                out[command] = []
            elif command is not None and line and line != "…":
                out[command].append(line)
    return out


def test_the_docs_page_shows_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (ROOT / "docs" / "sharing-2025.md").read_text(encoding="utf-8")
    blocks = _blocks(page)
    request = json.loads(page.split("```json\n")[2].split("```")[0])
    assert request["date"] == "2025-09-01"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "request-2025-09-01.json").write_text(json.dumps(request), encoding="utf-8")
    earlier = {**request, "date": "2025-07-01"}
    (tmp_path / "request-2025-07-01.json").write_text(json.dumps(earlier), encoding="utf-8")
    partial = {k: v for k, v in request.items() if k not in ("使用依据", "使用时限")}
    (tmp_path / "request-incomplete.json").write_text(json.dumps(partial), encoding="utf-8")
    checked = 0
    for command, lines in blocks.items():
        if not command.startswith(("validate --example", "resolve request", "pack compat")):
            continue
        result = CliRunner().invoke(app, command.split())
        for line in lines:
            assert line in result.output, (command, line)
        checked += 1
    assert checked == 7


def test_pack_compat_between_51hao_and_the_regulation() -> None:
    from govcatalog.packs.compat import classify

    changes = classify(get_pack("gb-1272@1.0.0"), get_pack("sharing-2025@1.0.0"))
    breaking = {c.subject for c in changes if c.breaks_backward}
    # 第十三条、第十五条: new required elements, and the Python rules, break BACKWARD
    assert breaking == {
        "catalog-states-data-grade",
        "conditional-states-conditions",
        "not-shared-states-reason",
        "govcatalog.rules.builtin.sharing2025:rules",
    }
    subjects = {c.subject: c.detail for c in changes}
    # 第十七条: 15 working days become 10 (+5), listed but not breaking
    assert subjects["deadline.catalog-update"].startswith("15+0 -> 10+5")


def test_the_shacl_engine_says_which_rules_it_cannot_run() -> None:
    pytest.importorskip("pyshacl")
    args = ["validate", "--example", "city", "--pack", "sharing-2025", "--engine", "shacl"]
    result = CliRunner().invoke(app, args)
    # the regulation's rules are Python and declared rules without SHACL twins: say so
    assert "the SHACL engine has no shapes for GC-L001, GC-L002" in result.output


def test_the_regulations_elements_are_rdf_properties() -> None:
    from govcatalog.rdf.shapes import build_shapes

    pack = get_pack("sharing-2025@^1")
    assert pack.fields.get("extensions.data_grade").rdf == ("govcat:dataGrade",)
    # 数据分类分级 outside its vocabulary is GC-F002 in SHACL as natively (case l001)
    assert "GC-F002" in build_shapes(pack).codes
