"""Every shipped example and conformance case exports as it did: the same Turtle, N-Triples,
XML, workbook and shapes, byte for byte.

The digests in ``tests/fixtures/golden-exports.json`` were written by the release before the
element table drove export and import; a change that moves where an element's RDF path, XML
name or template column is declared must leave every output as it was. After a deliberate
change of an output, write them again with
``python tests/integration/test_golden_exports.py --write`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcatalog import get_pack, load_catalog
from govcatalog.errors import GovCatalogError
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.io.xml_schema import xsd_text
from govcatalog.io.xml_writer import write_xml
from govcatalog.rdf import ExportOptions, RdfFormat, element_properties, serialize
from govcatalog.rdf.reader import graph_to_dict, parse_rdf
from govcatalog.rdf.shapes import build_shapes

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "golden-exports.json"
PACKS = ("gb-1272", "sharing-2025", "example-province", "open-data-portal", "base-databases")


def _sources() -> Iterator[tuple[Path, str]]:
    for path in sorted([*ROOT.glob("examples/*.json"), *ROOT.glob("examples/*.yaml")]):
        yield path, "sharing-2025" if "2025" in path.stem else "gb-1272"
    for path in sorted(ROOT.glob("standards/*/1.0.0/cases/*.json")):
        yield path, path.parents[2].name


def _cells(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheets = {
        ws.title: {
            "cells": [[str(c.value) for c in row] for row in ws.iter_rows()],
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items())},
            "lists": [(str(d.sqref), d.formula1) for d in ws.data_validations.dataValidation],
            "state": ws.sheet_state,
        }
        for ws in book.worksheets
    }
    return json.dumps(sheets, ensure_ascii=False, sort_keys=True)


def exports() -> Iterator[tuple[str, str]]:
    """(name, text) of every output the digests cover."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for ref in PACKS:
            pack = get_pack(ref)
            yield f"{ref}/shapes.ttl", build_shapes(pack).to_turtle()
            if pack.xml_map is not None:
                yield f"{ref}/catalog.xsd", xsd_text(pack)
            write_workbook(work / "t.xlsx", pack)
            yield f"{ref}/template.xlsx", _cells(work / "t.xlsx")
        for path, ref in _sources():
            pack = get_pack(ref)
            name = f"{path.parent.relative_to(ROOT)}/{path.name}"
            try:
                catalog = load_catalog(path, pack=pack)
            except GovCatalogError:
                continue
            elements = element_properties(pack)
            ttl = serialize(catalog, RdfFormat.TURTLE, ExportOptions(elements=elements))
            yield f"{name}.ttl", ttl
            plain = ExportOptions(dcat=False, elements=elements, base="urn:x:")
            yield f"{name}.nt", serialize(catalog, RdfFormat.NTRIPLES, plain)
            back = graph_to_dict(parse_rdf(ttl.encode(), RdfFormat.TURTLE), elements)
            yield f"{name}.back.json", json.dumps(back, ensure_ascii=False, sort_keys=True)
            if pack.xml_map is not None:
                write_xml(catalog, work / "c.xml", pack)
                yield f"{name}.xml", (work / "c.xml").read_text(encoding="utf-8")
            if path.parent.name == "examples":
                write_workbook(work / "c.xlsx", pack, catalog)
                yield f"{name}.xlsx", _cells(work / "c.xlsx")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_every_export_is_unchanged() -> None:
    golden: dict[str, str] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = {name: _digest(text) for name, text in exports()}
    assert len(golden) > 100
    changed = sorted(
        name for name in golden.keys() | now.keys() if golden.get(name) != now.get(name)
    )
    assert changed == []


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        pytest.exit("usage: python tests/integration/test_golden_exports.py --write")
    digests = {name: _digest(text) for name, text in exports()}
    GOLDEN.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
