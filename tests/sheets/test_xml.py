"""The XML exchange form: XSD, import with located findings, and hostile input refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from sheetbook import build_real_layout

from govcatalog import load_catalog, validate
from govcatalog.errors import LoadError
from govcatalog.io.xml_reader import read_xml
from govcatalog.io.xml_schema import xml_schema, xsd_text
from govcatalog.io.xml_writer import catalog_tree, write_xml
from govcatalog.packs import Pack

NS = "https://w3id.org/govcatalog/xml/gb-1272/1"


def _exported(tmp_path: Path, pack: Pack) -> Path:
    catalog = load_catalog(build_real_layout(tmp_path / "city.xlsx"), pack=pack)
    out = tmp_path / "city.xml"
    write_xml(catalog, out, pack)
    return out


def test_export_follows_the_generated_xsd(tmp_path: Path, pack: Pack) -> None:
    catalog = load_catalog(build_real_layout(tmp_path / "city.xlsx"), pack=pack)
    tree = catalog_tree(catalog, pack)
    schema = xml_schema(pack)
    assert schema.validate(tree), schema.error_log
    titles = tree.getroot().findall(f".//{{{NS}}}resTitle")
    assert [t.text for t in titles] == [r.name for r in catalog.resources]


def test_xsd_lists_vocabularies_and_short_names(pack: Pack) -> None:
    text = xsd_text(pack)
    for name in ("resTitle", "pubDate", "rpOrgNam", "resID", "TpCat", "shareType"):
        assert f'name="{name}"' in text
    assert 'value="有条件共享"' in text
    assert 'value="每旬"' not in text  # the national pack leaves 每旬 out
    assert "Unofficial" in text


def test_xml_import_locates_findings_by_line(tmp_path: Path, pack: Pack) -> None:
    path = _exported(tmp_path, pack)
    report = validate(path, pack=pack)
    r002 = [f for f in report.findings if f.code == "GC-R002"]
    assert len(r002) == 1
    line = r002[0].location.line
    assert line is not None
    assert "<shareInfo>" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_structural_errors_are_findings_value_errors_are_rules(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        f'<govCatalog xmlns="{NS}"><resources><resource><resTitle>x</resTitle><bogus>1</bogus>'
        "<shareInfo><shareType>随便</shareType></shareInfo></resource></resources></govCatalog>",
        encoding="utf-8",
    )
    codes = [f.code for f in validate(path, pack=pack).findings]
    assert codes.count("GC-S002") == 1  # bogus element (the enumeration error is left to the rules)
    assert "GC-F002" in codes
    assert "GC-S004" in codes


def test_wrong_root_is_a_shape_problem(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    assert [f.code for f in validate(path, pack=pack).findings] == ["GC-S002"]


HOSTILE = {
    "billion laughs": '<?xml version="1.0"?>'
    '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    f'<govCatalog xmlns="{NS}">&b;</govCatalog>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<govCatalog xmlns="{NS}">&x;</govCatalog>',
    "external dtd": '<?xml version="1.0"?><!DOCTYPE govCatalog SYSTEM "http://example.invalid/a.dtd">'
    f'<govCatalog xmlns="{NS}"/>',
    "lower-case doctype": f'<!doctype govCatalog><govCatalog xmlns="{NS}"/>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_is_refused(tmp_path: Path, pack: Pack, name: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(LoadError, match="DOCTYPE"):
        read_xml(path, "hostile.xml", pack)
    report = validate(path, pack=pack)
    assert [f.code for f in report.findings] == ["GC-S001"]
    assert "passwd" not in report.findings[0].message_en


def test_undeclared_entity_and_syntax_errors_are_refused(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "x.xml"
    path.write_text(f'<govCatalog xmlns="{NS}">&x;</govCatalog>', encoding="utf-8")
    with pytest.raises(LoadError):
        read_xml(path, "x.xml", pack)
    path.write_text(f'<govCatalog xmlns="{NS}"><resources>', encoding="utf-8")
    with pytest.raises(LoadError, match="syntax") as info:
        read_xml(path, "x.xml", pack)
    assert info.value.line == 1


def test_size_is_bounded(tmp_path: Path, pack: Pack) -> None:
    path = _exported(tmp_path, pack)
    with pytest.raises(LoadError, match="too large"):
        read_xml(path, "city.xml", pack, max_bytes=100)


def test_no_network_access_in_the_parser(pack: Pack) -> None:
    from govcatalog.io.xml_reader import parse_untrusted

    raw = b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="http://example.invalid/x"/></r>'
    tree = parse_untrusted(raw, "x.xml")  # XInclude is never processed
    assert etree.tostring(tree).count(b"include") == 1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[xml]\nnamespace = "urn:x"\n[elements]\nnope = "a"\n', "unknown field"),
        ('[xml]\nnamespace = "urn:x"\n[catalog]\nnope = "a"\n', "unknown field"),
        ('[xml]\nnamespace = "urn:x"\n[elements]\nname = "a"\ncode = "a"\n', "names both"),
        ("[xml]\n", "namespace"),
    ],
)
def test_invalid_xml_maps_are_pack_errors(pack: Pack, text: str, problem: str) -> None:
    from govcatalog.errors import PackError
    from govcatalog.packs.xmlmap import parse_xml_map

    with pytest.raises(PackError, match=problem):
        parse_xml_map(text, pack.fields, pack=pack.ref)
