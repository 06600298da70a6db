"""A catalog in memory (dict, text, bytes, file object) gives the findings the same file gives."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import (
    GovCatalogError,
    Lang,
    MissingExtra,
    Report,
    Severity,
    ValidationOptions,
    examples,
    load_catalog,
    validate,
)
from govcatalog.diff import diff
from govcatalog.errors import InvalidSource, LoadError, UnknownExample, UnsupportedFormat
from govcatalog.io.formats import InputFormat
from govcatalog.io.source import sniff_format
from govcatalog.io.writers import OutputFormat, write_catalog
from govcatalog.packs import Pack
from govcatalog.rdf import write_rdf
from govcatalog.resolve import build_index, open_request, resolve
from govcatalog.score import score

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
ERRORS = examples.path("city-errors")


def _seen(report: Report) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.severity.value, f.location.pointer) for f in report)


@pytest.fixture(scope="module")
def from_file() -> list[tuple[str, str, str]]:
    return _seen(validate(ERRORS, options=OPTIONS))


def test_every_kind_of_input_gives_the_files_findings(
    from_file: list[tuple[str, str, str]],
) -> None:
    raw = ERRORS.read_bytes()
    text = raw.decode("utf-8")
    assert len(from_file) > 20
    for source in (
        str(ERRORS),
        json.loads(text),
        text,
        raw,
        bytearray(raw),
        io.BytesIO(raw),
        io.StringIO(text),
    ):
        assert _seen(validate(source, options=OPTIONS)) == from_file, type(source).__name__


def test_a_file_object_is_named_by_its_file(from_file: list[tuple[str, str, str]]) -> None:
    with ERRORS.open("rb") as fh:
        report = validate(fh, options=OPTIONS)
    assert _seen(report) == from_file
    assert {f.location.file for f in report} == {str(ERRORS)}


def test_yaml_text_and_bytes() -> None:
    small = examples.path("small")
    expected = _seen(validate(small, options=OPTIONS))
    assert _seen(validate(small.read_text(encoding="utf-8"), options=OPTIONS)) == expected
    assert _seen(validate(small.read_bytes(), options=OPTIONS)) == expected
    assert _seen(validate(small.read_bytes(), fmt="yaml", options=OPTIONS)) == expected


@pytest.mark.parametrize("suffix", ["xml", "ttl", "jsonld"])
def test_xml_and_rdf_bytes(suffix: str, pack: Pack, tmp_path: Path) -> None:
    out = tmp_path / f"c.{suffix}"
    catalog = load_catalog(ERRORS)
    catalog = catalog.model_copy(update={"resources": catalog.resources[:12]})
    if suffix == "xml":
        write_catalog(catalog, out, OutputFormat.XML, pack)
    else:
        write_rdf(catalog, out)
    expected = _seen(validate(out, options=OPTIONS))
    assert expected
    if suffix != "jsonld":  # JSON-LD bytes read as JSON without the name's suffix
        assert _seen(validate(out.read_bytes(), options=OPTIONS)) == expected
    hint = None if suffix == "xml" else "rdf"
    assert _seen(validate(out.read_bytes(), fmt=hint, options=OPTIONS)) == expected
    with out.open("rb") as fh:
        assert _seen(validate(fh, options=OPTIONS)) == expected


def test_workbook_bytes_and_file_object(pack: Pack, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl", reason="writing the workbook needs the xlsx extra")
    out = tmp_path / "c.xlsx"
    write_catalog(load_catalog(ERRORS), out, OutputFormat.XLSX, pack)
    expected = _seen(validate(out, options=OPTIONS))
    assert expected
    assert sniff_format(out.read_bytes()) is InputFormat.XLSX
    assert _seen(validate(out.read_bytes(), options=OPTIONS)) == expected
    assert _seen(validate(io.BytesIO(out.read_bytes()), options=OPTIONS)) == expected
    assert len(load_catalog(out.read_bytes()).resources) == len(load_catalog(out).resources)


def test_gbk_csv_bytes_need_no_hint_when_the_first_line_has_commas() -> None:
    text = "信息资源名称,信息资源代码,信息资源提供方\n学校名录,303001/000001,襄阳市教育局\n"
    by_hint = validate(text.encode("gbk"), fmt="csv", options=OPTIONS)
    sniffed = validate(text.encode("gbk"), options=OPTIONS)
    assert _seen(by_hint) == _seen(sniffed)
    assert "GC-S012" in by_hint.by_code()  # read as a sheet: the columns it lacks are said


def test_sniffing() -> None:
    assert sniff_format(b"\xef\xbb\xbf {}") is InputFormat.JSON
    assert sniff_format(b"<catalog/>") is InputFormat.XML
    assert sniff_format(b'<rdf:RDF xmlns:rdf="x"/>') is InputFormat.RDF
    assert sniff_format(b"@prefix dcat: <x> .") is InputFormat.RDF
    assert sniff_format(b"resources:\n  - name: x\n") is InputFormat.YAML
    assert sniff_format(b"a,b\n1,2\n") is InputFormat.CSV
    assert sniff_format(b"whatever", "c.json") is InputFormat.JSON


def test_a_one_line_string_is_a_path() -> None:
    report = validate("no-such-catalog.json")
    assert report.by_code() == {"GC-S001": 1}


def test_unreadable_text_is_a_finding_not_an_exception() -> None:
    report = validate('{"resources": [', options=OPTIONS)
    assert report.by_code() == {"GC-S001": 1}
    with pytest.raises(LoadError):
        load_catalog(b"{")


@pytest.mark.parametrize("bad", [42, 3.5, object(), None])
def test_misuse_raises_a_govcatalog_error(bad: object) -> None:
    with pytest.raises(InvalidSource) as caught:
        validate(bad)  # type: ignore[arg-type]
    assert isinstance(caught.value, GovCatalogError)
    assert type(bad).__name__ in str(caught.value)
    with pytest.raises(GovCatalogError):
        load_catalog(bad)  # type: ignore[arg-type]


def test_unknown_format_hint_raises() -> None:
    with pytest.raises(UnsupportedFormat):
        validate(b"{}", fmt="docx")


def test_load_diff_score_take_a_dict() -> None:
    old = json.loads(examples.path("city").read_text(encoding="utf-8"))
    new = json.loads(json.dumps(old))
    new["resources"][0]["update_cycle"] = "每月"
    assert load_catalog(old) == load_catalog(examples.path("city"))
    from_dicts = diff(old, new)
    assert len(from_dicts) == 1
    text = json.dumps(new, ensure_ascii=False).encode()
    assert [c.code for c in diff(examples.path("city"), text)] == [c.code for c in from_dicts]
    assert score(old, today=OPTIONS.today).catalog.points == (
        score(examples.path("city"), today=OPTIONS.today).catalog.points
    )


def test_chinese_keys_in_a_dict_are_read_as_in_a_file() -> None:
    doc = {"信息资源": [{"信息资源名称": "学校名录", "信息资源代码": "303001/000001"}]}
    assert _seen(validate(doc, options=OPTIONS)) == _seen(
        validate(json.dumps(doc, ensure_ascii=False), options=OPTIONS)
    )
    assert load_catalog(doc).resources[0].name == "学校名录"


def test_resolve_takes_a_request_as_held(tmp_path: Path) -> None:
    pytest.importorskip("rapidfuzz", reason="the resolver needs the resolve extra")
    data = {"requester": "襄阳市教育局", "items": ["公民身份号码", "姓名"]}
    text = json.dumps(data, ensure_ascii=False)
    (tmp_path / "r.json").write_text(text, encoding="utf-8")
    csv_text = "申请部门,需求信息项\n襄阳市教育局,公民身份号码\n襄阳市教育局,姓名\n"
    first = resolve(data)  # the default index: the base databases
    index = build_index()
    answers = [
        first,
        resolve(text, index),
        resolve(text.encode(), index),
        resolve(io.BytesIO(text.encode()), index),
        resolve(tmp_path / "r.json", index),
        resolve(str(tmp_path / "r.json"), index),
        resolve(csv_text.encode("gbk"), index, fmt="csv"),
    ]
    wanted = [(i.requested, i.kind) for i in answers[0].items]
    assert len(wanted) == 2
    for answer in answers:
        assert [(i.requested, i.kind) for i in answer.items] == wanted
    with pytest.raises(InvalidSource):
        open_request(42)  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="empty"):
        open_request(b"  ", "json")


def test_report_as_data() -> None:
    report = validate(ERRORS, options=OPTIONS)
    counts = dict(report.counts())
    assert all(type(k) is str for k in counts)
    assert set(counts) == {"error", "warning", "info"}
    assert counts["error"] == report.counts()[Severity.ERROR] > 0
    for per in report.by_provider().values():
        assert all(type(k) is str for k in per)
    assert json.loads(report.to_json(Lang.EN)) == report.to_dict(Lang.EN)
    assert "襄阳" in report.to_json(Lang.ZH)  # characters, not \\u escapes


def test_examples() -> None:
    assert examples.names() == ("city", "city-errors", "city-2025", "small")
    for name, path in examples.paths().items():
        assert path.is_file(), name
    with pytest.raises(UnknownExample) as caught:
        examples.path("town")
    assert isinstance(caught.value, GovCatalogError)
    assert "city-errors" in str(caught.value)


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra, match=r"govcatalog\[pandas\]"):
        validate(ERRORS).to_pandas()


resource_keys = st.sampled_from(["name", "code", "provider", "信息资源名称", "更新周期", "items"])
values = st.one_of(st.none(), st.integers(), st.text(max_size=6), st.lists(st.text(max_size=3)))
documents = st.fixed_dictionaries(
    {"resources": st.lists(st.dictionaries(resource_keys, values, max_size=5), max_size=4)}
)


@settings(max_examples=25, deadline=None)
@given(doc=documents)
def test_a_dict_and_its_json_text_give_the_same_findings(doc: dict[str, object]) -> None:
    as_text = json.dumps(doc, ensure_ascii=False)
    assert _seen(validate(doc, options=OPTIONS)) == _seen(validate(as_text, options=OPTIONS))
