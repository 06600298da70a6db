"""``pack build``: artefacts of the effective pack, a manifest of their hashes, and kinds
whose module is not installed skipped with the reason."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import jsonschema
import pytest

from govcatalog.packs import Pack, get_pack
from govcatalog.packs.build import (
    ARTEFACTS,
    MANIFEST,
    ArtefactKind,
    ArtefactSpec,
    BuildError,
    build_artefacts,
)


@pytest.fixture(scope="module")
def province() -> Pack:
    return get_pack("example-province@^1")


def test_manifest_hashes_every_file(province: Pack, tmp_path: Path) -> None:
    result = build_artefacts(province, tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == result.manifest()
    assert manifest["pack"] == "example-province@1.0.0"
    listed = {a["path"]: a for a in manifest["artefacts"]}
    on_disk = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} - {
        MANIFEST
    }
    assert set(listed) == on_disk
    for path, entry in listed.items():
        data = (tmp_path / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    built = {a["kind"] for a in manifest["artefacts"]}
    skipped = {s["kind"] for s in manifest["skipped"]}
    assert built | skipped == {k.value for k in ARTEFACTS}
    assert not built & skipped
    assert {"json-schema", "docs", "effective"} <= built


def test_build_is_deterministic(province: Pack, tmp_path: Path) -> None:
    a = build_artefacts(province, tmp_path / "a").manifest()
    b = build_artefacts(province, tmp_path / "b").manifest()
    assert a == b


def test_json_schema_knows_extension_fields(province: Pack, tmp_path: Path) -> None:
    build_artefacts(province, tmp_path, [ArtefactKind.JSON_SCHEMA])
    schema = json.loads((tmp_path / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    ext = schema["$defs"]["Resource"]["properties"]["extensions"]
    assert ext["properties"]["system_network"]["enum"] == list(
        province.vocabulary("system-network").labels()
    )
    assert set(ext["required"]) == {"info_system", "system_network", "department_office"}
    assert "extensions" in schema["$defs"]["Resource"]["required"]


def test_docs_cover_every_field_vocabulary_value_and_code(province: Pack, tmp_path: Path) -> None:
    build_artefacts(province, tmp_path, [ArtefactKind.DOCS])
    md = (tmp_path / "docs" / "reference.md").read_text(encoding="utf-8")
    page = (tmp_path / "docs" / "reference.html").read_text(encoding="utf-8")
    for spec in province.fields.fields:
        assert spec.zh in md
        assert spec.en in md
        assert html.escape(spec.zh) in page
        assert html.escape(spec.en) in page
    for text in (md, page):
        for code in province.codebook:
            assert code in text
        for vocab in province.vocabularies.values():
            for concept in vocab.concepts:
                assert concept.label_zh in text
        assert "conditional-share-names-system" in text
    assert "邮件方式" not in md


def test_unavailable_module_is_skipped_with_reason(province: Pack, tmp_path: Path) -> None:
    table = {
        ArtefactKind.SHACL: ArtefactSpec("govcatalog_missing.shapes:build", "shapes.ttl"),
        ArtefactKind.XSD: ArtefactSpec("govcatalog.schema:no_such_function", "catalog.xsd"),
    }
    result = build_artefacts(province, tmp_path, artefacts=table)
    assert result.files == ()
    reasons = {s.kind: s.reason for s in result.skipped}
    assert "govcatalog_missing" in reasons[ArtefactKind.SHACL]
    assert "no_such_function" in reasons[ArtefactKind.XSD]


def test_builder_results_of_several_shapes(province: Pack, tmp_path: Path) -> None:
    table = {
        ArtefactKind.SHACL: ArtefactSpec("tests_builders:graph", "shapes.ttl"),
        ArtefactKind.XLSX_TEMPLATE: ArtefactSpec("tests_builders:workbook", "template.xlsx"),
    }
    import sys
    import types

    module = types.ModuleType("tests_builders")

    def graph(pack: Pack) -> object:
        import rdflib

        g = rdflib.Graph()
        g.add((rdflib.URIRef(f"urn:{pack.id}"), rdflib.RDF.type, rdflib.URIRef("urn:Pack")))
        return g

    def workbook(pack: Pack) -> object:
        import openpyxl

        wb = openpyxl.Workbook()
        wb.active.append([f.zh for f in pack.fields.resource_fields()])  # type: ignore[union-attr]
        return wb

    module.graph = graph  # type: ignore[attr-defined]
    module.workbook = workbook  # type: ignore[attr-defined]
    sys.modules["tests_builders"] = module
    try:
        result = build_artefacts(province, tmp_path, artefacts=table)
    finally:
        del sys.modules["tests_builders"]
    assert [f.path for f in result.files] == ["shapes.ttl", "template.xlsx"]
    assert b"urn:example-province" in (tmp_path / "shapes.ttl").read_bytes()
    assert (tmp_path / "template.xlsx").read_bytes()[:2] == b"PK"


def test_shapes_with_their_own_turtle(province: Pack, tmp_path: Path) -> None:
    class Shapes:
        def to_turtle(self) -> str:
            return "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"

    import sys
    import types

    module = types.ModuleType("tests_shapes")
    module.build = lambda pack: Shapes()  # type: ignore[attr-defined]
    sys.modules["tests_shapes"] = module
    try:
        table = {ArtefactKind.SHACL: ArtefactSpec("tests_shapes:build", "shapes.ttl")}
        result = build_artefacts(province, tmp_path, artefacts=table)
    finally:
        del sys.modules["tests_shapes"]
    assert [f.path for f in result.files] == ["shapes.ttl"]
    assert (tmp_path / "shapes.ttl").read_text(encoding="utf-8").startswith("@prefix sh:")


def test_failing_builder_is_an_error(province: Pack, tmp_path: Path) -> None:
    table = {ArtefactKind.XSD: ArtefactSpec("json:loads", "catalog.xsd")}
    with pytest.raises(BuildError, match="json:loads failed"):
        build_artefacts(province, tmp_path, artefacts=table)
