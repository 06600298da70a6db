"""A new element is one entry of a pack's field table: every surface reads it, no code changes.

The pack below adds 使用条件 (a usage-conditions element) as a local element. Its one
``fields.toml`` entry is all there is; JSON Schema, the SHACL shapes, RDF export and import,
XML, the compilation workbook template and the diff all pick it up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from govcatalog import ValidationOptions, get_pack, load_catalog, validate
from govcatalog.diff import ChangeKind, diff
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.io.xml_schema import xsd_text
from govcatalog.io.xml_writer import write_xml
from govcatalog.packs import Pack
from govcatalog.rdf import ExportOptions, RdfFormat, element_properties, serialize
from govcatalog.rdf.shapes import build_shapes
from govcatalog.schema import build_json_schema

PROPERTY = "https://example.org/ns/usageConditions"

FIELD = f"""
[[field]]
id = "extensions.usage_conditions"
zh = "使用条件"
en = "Conditions of use"
kind = "text"
required = true
max_length = 40
aliases = ["数据使用条件"]
rdf = "<{PROPERTY}>"
change = "share-condition-changed"
xml = "useCond"
column = {{ heading = "数据使用条件", width = 30 }}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    root = tmp_path_factory.mktemp("packs") / "with-element"
    root.mkdir()
    (root / "pack.toml").write_text(
        '[pack]\nid = "with-element"\nversion = "1.0.0"\nextends = "gb-1272@^1"\n'
        'status = "draft"\n',
        encoding="utf-8",
    )
    (root / "fields.toml").write_text(FIELD, encoding="utf-8")
    return get_pack(root)


def _catalog(path: Path, conditions: list[str | None]) -> Path:
    examples = Path(__file__).parents[2] / "examples" / "city-catalog.json"
    doc = json.loads(examples.read_text(encoding="utf-8"))
    doc["resources"] = doc["resources"][: len(conditions)]
    for res, value in zip(doc["resources"], conditions, strict=True):
        if value is not None:
            res.setdefault("extensions", {})["usage_conditions"] = value
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_schema(pack: Pack) -> None:
    ext = build_json_schema(pack)["$defs"]["Resource"]["properties"]["extensions"]
    assert ext["properties"]["usage_conditions"]["maxLength"] == 40
    assert "usage_conditions" in ext["required"]


def test_shacl_shapes_check_it_as_the_native_rules_do(pack: Pack, tmp_path: Path) -> None:
    pytest.importorskip("pyshacl")
    from govcatalog.rdf.shacl import validate_document_shacl
    from govcatalog.records import open_document

    shapes = build_shapes(pack)
    paths = {str(o) for o in shapes.graph.objects(None, None) if str(o) == PROPERTY}
    assert paths == {PROPERTY}
    src = _catalog(tmp_path / "c.json", ["仅用于审批", None, "x" * 41])
    options = ValidationOptions(select=frozenset({"GC-F001", "GC-F004"}))

    def pairs(report: object) -> set[tuple[str, str]]:
        return {
            (f.code, f.location.pointer or "")
            for f in report.findings  # type: ignore[attr-defined]
            if "usage_conditions" in (f.location.pointer or "")
        }

    native = pairs(validate(src, pack=pack, options=options))
    shacl = pairs(validate_document_shacl(open_document(src, pack), pack, options=options))
    assert native == {
        ("GC-F001", "/resources/1/extensions/usage_conditions"),
        ("GC-F004", "/resources/2/extensions/usage_conditions"),
    }
    assert shacl == native


def test_rdf_round_trip(pack: Pack, tmp_path: Path) -> None:
    catalog = load_catalog(_catalog(tmp_path / "c.json", ["仅用于审批", "仅限本部门"]), pack=pack)
    text = serialize(catalog, RdfFormat.TURTLE, ExportOptions(elements=element_properties(pack)))
    assert f'<{PROPERTY}> "仅用于审批"' in text
    assert "usage_conditions" not in text  # its own property, not the extensions JSON
    (tmp_path / "c.ttl").write_text(text, encoding="utf-8")
    back = load_catalog(tmp_path / "c.ttl", pack=pack)
    assert [r.extensions for r in back.resources] == [r.extensions for r in catalog.resources]


def test_xml_round_trip(pack: Pack, tmp_path: Path) -> None:
    catalog = load_catalog(_catalog(tmp_path / "c.json", ["仅用于审批"]), pack=pack)
    write_xml(catalog, tmp_path / "c.xml", pack)
    text = (tmp_path / "c.xml").read_text(encoding="utf-8")
    assert text.count("仅用于审批") == 1
    assert "<useCond>仅用于审批</useCond>" in text
    assert 'name="useCond"' in xsd_text(pack)
    assert load_catalog(tmp_path / "c.xml", pack=pack).resources[0].extensions == {
        "usage_conditions": "仅用于审批"
    }


def test_template_column(pack: Pack, tmp_path: Path) -> None:
    write_workbook(tmp_path / "t.xlsx", pack)
    sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    headings = [str(c.value or "") for c in sheet[1]]
    column = next(i for i, h in enumerate(headings) if h.startswith("数据使用条件"))
    assert sheet.column_dimensions[get_column_letter(column + 1)].width == 30
    catalog = load_catalog(_catalog(tmp_path / "c.json", ["仅用于审批", "仅限本部门"]), pack=pack)
    write_workbook(tmp_path / "f.xlsx", pack, catalog)
    back = load_catalog(tmp_path / "f.xlsx", pack=pack)
    assert [r.extensions for r in back.resources] == [r.extensions for r in catalog.resources]
    assert not [f for f in validate(tmp_path / "f.xlsx", pack=pack).findings if f.code == "GC-S004"]


def test_diff_change_kind(pack: Pack, tmp_path: Path) -> None:
    old = _catalog(tmp_path / "a.json", ["仅用于审批"])
    new = _catalog(tmp_path / "b.json", ["仅限本部门"])
    changes = [(c.kind, c.field) for c in diff(old, new, pack=pack)]
    assert changes == [(ChangeKind.SHARE_CONDITION_CHANGED, "extensions.usage_conditions")]
    national = [c.kind for c in diff(old, new)]
    assert national == [ChangeKind.EXTENSION_CHANGED]


def test_a_local_vocabulary_element_is_checked_by_the_shapes_too(tmp_path: Path) -> None:
    """An element of a local pack's own vocabulary: written as its concept, checked by sh:in."""
    pytest.importorskip("pyshacl")
    from govcatalog.rdf.shacl import validate_document_shacl
    from govcatalog.records import open_document

    root = tmp_path / "network"
    root.mkdir()
    (root / "pack.toml").write_text(
        '[pack]\nid = "network-x"\nversion = "1.0.0"\nextends = "example-province@^1"\n'
        'status = "draft"\n',
        encoding="utf-8",
    )
    (root / "fields.toml").write_text(
        '[[field]]\nid = "extensions.system_network"\nrdf = "<https://example.org/ns/network>"\n',
        encoding="utf-8",
    )
    pack = get_pack(root)
    src = tmp_path / "c.json"
    doc = json.loads((Path(__file__).parents[2] / "examples" / "city-catalog.json").read_text())
    doc["resources"] = doc["resources"][:2]
    doc["resources"][0]["extensions"] = {"system_network": "电子政务外网"}
    doc["resources"][1]["extensions"] = {"system_network": "卫星网"}
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    options = ValidationOptions(select=frozenset({"GC-F002"}))
    native = {(f.code, f.location.pointer) for f in validate(src, pack=pack, options=options)}
    shacl_report = validate_document_shacl(open_document(src, pack), pack, options=options)
    shacl = {(f.code, f.location.pointer) for f in shacl_report}
    assert native == {("GC-F002", "/resources/1/extensions/system_network")}
    assert shacl == native
    catalog = load_catalog(src, pack=pack)
    text = serialize(catalog, RdfFormat.NTRIPLES, ExportOptions(elements=element_properties(pack)))
    concept = "<https://w3id.org/govcatalog/pack/example-province/vocab/system-network/1>"
    assert f"<https://example.org/ns/network> {concept}" in text
    (tmp_path / "c.nt").write_text(text, encoding="utf-8")
    back = load_catalog(tmp_path / "c.nt", pack=pack)
    # load_catalog leaves out the value it cannot read (卫星网); the readable one round-trips
    assert [r.extensions.get("system_network") for r in back.resources] == ["电子政务外网", None]
