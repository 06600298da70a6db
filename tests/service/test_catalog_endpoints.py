"""``/validate``, ``/score``, ``/diff`` and ``/resolve`` over HTTP give what the library gives."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from govcatalog import validate
from govcatalog.cli.app import _register, app
from govcatalog.diff import diff
from govcatalog.diff.render import to_json_dict
from govcatalog.report import Lang, Report
from govcatalog.resolve import build_index, load_base_pack, request_from_dict, resolve
from govcatalog.score import assess, assessment_to_dict
from govcatalog.validate import ValidationOptions
from tests.service.conftest import CITY, CITY_ERRORS, SMALL_YAML, Service

TODAY = dt.date(2026, 1, 15)
CSV_ROWS = [
    "信息资源名称,信息资源代码,信息资源提供方,资源提供方代码,信息项名称,数据类型,数据长度,共享类型",
    "人口信息,101001/000001,某市公安局,bad-code,姓名,字符型C,50,无条件共享",
    ",,,,性别,C,2,",
    "法人信息,102001/000001,某市市场监管局,,名称,字符型,100,随便",
]


def _located(findings: list[dict[str, object]]) -> Counter[tuple[object, ...]]:
    return Counter(
        (
            f["code"],
            f["severity"],
            f["location"]["pointer"],  # type: ignore[index]
            f["location"]["line"],  # type: ignore[index]
            f["location"]["sheet"],  # type: ignore[index]
            f["location"]["cell"],  # type: ignore[index]
        )
        for f in findings
    )


def _library(path: Path) -> Counter[tuple[object, ...]]:
    report: Report = validate(path, options=ValidationOptions(today=TODAY))
    return _located(report.to_dict(Lang.EN)["findings"])  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The city catalog with errors in every format the service reads."""
    folder = tmp_path_factory.mktemp("formats")
    _register()
    runner = CliRunner()
    out: dict[str, Path] = {"json": CITY_ERRORS, "yaml": SMALL_YAML}
    for fmt, name in (("xlsx", "city.xlsx"), ("xml", "city.xml"), ("ttl", "city.ttl")):
        target = folder / name
        result = runner.invoke(app, ["export", str(CITY_ERRORS), "--to", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        out[fmt] = target
    csv = folder / "city.csv"
    csv.write_text("\n".join(CSV_ROWS) + "\n", encoding="utf-8")
    out["csv"] = csv
    return out


@pytest.mark.parametrize("fmt", ["json", "yaml", "xlsx", "csv", "xml", "ttl"])
def test_validate_each_format_as_the_library_does(
    service: Service, exports: dict[str, Path], fmt: str
) -> None:
    path = exports[fmt]
    with service.client() as http:
        r = http.post(
            "/validate",
            params={"today": TODAY.isoformat(), "lang": "en"},
            files={"file": (path.name, path.read_bytes())},
        )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["stats"]["resources"] > 0
    assert _located(body["findings"]) == _library(path)
    assert r.headers["Govcatalog-Conforms"] == str(body["conforms"]).lower()
    if fmt != "yaml":  # the YAML example is clean; the others carry the city's mistakes
        assert body["findings"]
        assert {f["location"]["file"] for f in body["findings"]} == {path.name}


def test_raw_body_with_media_type_and_language(service: Service) -> None:
    with service.client() as http:
        zh = http.post(
            "/validate",
            params={"today": TODAY.isoformat()},
            content=CITY_ERRORS.read_bytes(),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        yaml = http.post(
            "/validate",
            content=SMALL_YAML.read_bytes(),
            headers={"Content-Type": "application/yaml"},
        )
    assert zh.status_code == 200
    first = zh.json()["findings"][0]
    assert first["message"] == first["message_zh"] != first["message_en"]
    assert _located(zh.json()["findings"]) == _library(CITY_ERRORS)
    assert yaml.status_code == 200
    assert yaml.json()["stats"]["resources"] > 0


def test_clean_catalog_conforms(service: Service) -> None:
    with service.client() as http:
        r = http.post("/validate", files={"file": ("city.json", CITY.read_bytes())})
    assert r.status_code == 200
    assert r.json()["conforms"] is True
    assert r.headers["Govcatalog-Conforms"] == "true"


@pytest.mark.parametrize(
    ("accept", "query", "media"),
    [
        ("application/sarif+json", None, "application/sarif+json"),
        ("application/junit+xml", None, "application/junit+xml"),
        ("text/html", None, "text/html; charset=utf-8"),
        ("text/html", "sarif", "application/sarif+json"),
        ("text/csv;q=0.5, application/json", None, "application/json"),
        (None, "markdown", "text/markdown; charset=utf-8"),
        ("text/plain", None, "text/plain; charset=utf-8"),
        (None, "github", "text/plain; charset=utf-8"),
    ],
)
def test_report_rendering_by_accept_or_format(
    service: Service, accept: str | None, query: str | None, media: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    params = {"format": query} if query else {}
    with service.client() as http:
        r = http.post(
            "/validate",
            params=params,
            headers=headers,
            files={"file": ("c.json", CITY_ERRORS.read_bytes())},
        )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == media
    if media == "application/sarif+json":
        sarif = r.json()
        assert sarif["version"] == "2.1.0"
        assert len(sarif["runs"][0]["results"]) == sum(_library(CITY_ERRORS).values())
        codes = {res["ruleId"] for res in sarif["runs"][0]["results"]}
        assert "GC-R002" in codes
    elif media == "application/junit+xml":
        root = etree.fromstring(r.content)
        assert root.tag in ("testsuites", "testsuite")
        assert int(root.get("failures", "0")) > 0
    elif media.startswith("text/html"):
        assert "<html" in r.text and "GC-R002" in r.text
    elif media.startswith("text/plain"):  # the library's text or GitHub annotations
        assert "GC-R002" in r.text and "c.json" in r.text
        assert r.text.startswith("::") is (query == "github")


def test_unacceptable_accept_is_406(service: Service) -> None:
    with service.client() as http:
        r = http.post(
            "/validate",
            headers={"Accept": "image/png"},
            files={"file": ("c.json", CITY.read_bytes())},
        )
    assert r.status_code == 406
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["status"] == 406


def test_unreadable_catalog_is_a_problem_with_its_finding_code(service: Service) -> None:
    with service.client() as http:
        r = http.post(
            "/validate", content=b'{"catalog": [', headers={"Content-Type": "application/json"}
        )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["code"] == "GC-S001"
    assert problem["type"].endswith("#problem-unreadable")
    assert problem["instance"] == "/validate"
    (finding,) = problem["findings"]
    assert finding["code"] == "GC-S001"
    assert finding["location"]["line"] == 1


def test_unknown_format_is_415_and_unknown_pack_is_404(service: Service) -> None:
    with service.client() as http:
        r415 = http.post("/validate", content=b"x", headers={"Content-Type": "image/png"})
        r404 = http.post(
            "/validate",
            params={"pack": "no-such-pack@^1"},
            files={"file": ("c.json", CITY.read_bytes())},
        )
        r_empty = http.post("/validate", content=b"", headers={"Content-Type": "text/csv"})
    assert r415.status_code == 415
    assert "application/json" in r415.json()["supported"]
    assert r404.status_code == 404
    assert "gb-1272@1.0.0" in r404.json()["available"]
    assert r_empty.status_code == 400


def test_score_equals_the_library(service: Service) -> None:
    with service.client() as http:
        r = http.post(
            "/score",
            params={"today": TODAY.isoformat()},
            files={"file": ("city.json", CITY_ERRORS.read_bytes())},
        )
        html = http.post(
            "/score", headers={"Accept": "text/html"}, files={"file": ("c.json", CITY.read_bytes())}
        )
    assert r.status_code == 200, r.text
    expected = assessment_to_dict(assess(CITY_ERRORS, today=TODAY))
    got = r.json()
    assert got["catalog"] == expected["catalog"]
    assert got["departments"] == expected["departments"]
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")


def test_diff_multipart_and_json_equal_the_library(service: Service) -> None:
    expected = to_json_dict(diff(CITY, CITY_ERRORS), Lang.EN)
    with service.client() as http:
        multipart = http.post(
            "/diff",
            params={"lang": "en"},
            files={
                "old": ("city-catalog.json", CITY.read_bytes()),
                "new": ("city-catalog-with-errors.json", CITY_ERRORS.read_bytes()),
            },
        )
        old = json.loads(CITY.read_text(encoding="utf-8"))
        as_json = http.post("/diff", json={"old": old, "new": old})
        odd = http.post("/diff", json={"old": {"catalog": 5, "resources": "x"}, "new": {}})
        patch = http.post(
            "/diff",
            params={"format": "patch"},
            files={
                "old": ("a.json", CITY.read_bytes()),
                "new": ("b.json", CITY_ERRORS.read_bytes()),
            },
        )
    assert multipart.status_code == 200, multipart.text
    assert multipart.json()["summary"] == expected["summary"]
    assert multipart.json()["changes"] == expected["changes"]
    assert as_json.status_code == 200
    assert as_json.json()["changes"] == []
    assert odd.status_code in (200, 422), odd.text  # read as catalogs are: never a 500
    assert patch.headers["content-type"] == "application/json-patch+json"
    assert all("op" in op for op in patch.json())


def test_resolve_equals_the_library(service: Service) -> None:
    request = {
        "requester": {"name": "某市民政局"},
        "purpose": "业务协同",
        "date": "2025-09-26",
        "items": ["身份证号码", "单位名称", "婚姻状况", "不存在的东西"],
        "keys": [{"kind": "公民身份号码", "value": "11010519491231002X"}],
    }
    bases = load_base_pack()
    expected = resolve(request_from_dict(request), build_index(bases), bases=bases).to_json_dict()
    with service.client() as http:
        r = http.post("/resolve", json=request)
        csv = http.post(
            "/resolve",
            content="申请部门,需求信息项\n某市民政局,身份证号码\n".encode(),
            headers={"Content-Type": "text/csv"},
        )
        bad = http.post("/resolve", content=b"[1]", headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json() == json.loads(json.dumps(expected, ensure_ascii=False))
    assert csv.status_code == 200, csv.text
    assert csv.json()["items"][0]["database"] == "population"
    assert bad.status_code == 422
    assert bad.json()["code"] == "GC-S001"
    assert "/tmp" not in bad.json()["detail"]
