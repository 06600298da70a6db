"""The vocabularies' mappings checked against the EU authority tables in ../shared/reference."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from govcatalog.vocab import load_vocabulary, vocabulary_ids

REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"
EU_TABLES = REFERENCE / "dcat-ap" / "eu-vocabularies"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"

pytestmark = [
    pytest.mark.reference,
    pytest.mark.skipif(not EU_TABLES.is_dir(), reason="../shared/reference is not checked out"),
]

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_SKOS = "{http://www.w3.org/2004/02/skos/core#}"
_AT = "{http://publications.europa.eu/ontology/authority/}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def _authority_table(file_name: str) -> dict[str, str]:
    """Map each current (not deprecated) concept IRI of an EU table to its English prefLabel."""
    root = ET.parse(EU_TABLES / file_name).getroot()
    table: dict[str, str] = {}
    for element in root.iter(f"{_SKOS}Concept"):
        if element.get(f"{_AT}deprecated") == "true":
            continue
        labels = [
            label.text or ""
            for label in element.findall(f"{_SKOS}prefLabel")
            if label.get(_XML_LANG) == "en"
        ]
        table[element.get(f"{_RDF}about", "")] = labels[0] if labels else ""
    return table


TABLES = {FREQUENCY: "frequencies-skos-ap-act.rdf", FILE_TYPE: "filetypes-skos-ap-act.rdf"}


def _matches() -> list[tuple[str, str, str]]:
    found = []
    for scheme_id in vocabulary_ids():
        for concept in load_vocabulary(scheme_id).concepts:
            found += [(concept.label_zh, "exact", iri) for iri in concept.exact_matches]
            found += [(concept.label_zh, "close", iri) for iri in concept.close_matches]
    return found


@pytest.mark.parametrize(("label", "kind", "iri"), _matches())
def test_every_match_is_a_current_eu_concept(label: str, kind: str, iri: str) -> None:
    namespace = next((ns for ns in TABLES if iri.startswith(ns)), None)
    assert namespace is not None, f"{label} {kind}Match {iri}: no reference table for it"
    assert iri in _authority_table(TABLES[namespace]), f"{label} {kind}Match {iri}"


def test_update_cycle_matches() -> None:
    vocabulary = load_vocabulary("update-cycle")
    table = _authority_table(TABLES[FREQUENCY])
    expected_exact = {
        "每日": "DAILY",
        "每周": "WEEKLY",
        "每月": "MONTHLY",
        "每季度": "QUARTERLY",
        "每半年": "ANNUAL_2",
        "每年": "ANNUAL",
    }
    expected_close = {"实时": "CONT", "每旬": "MONTHLY_3", "其他": "OTHER"}
    for concept in vocabulary.concepts:
        exact = [iri.removeprefix(FREQUENCY) for iri in concept.exact_matches]
        close = [iri.removeprefix(FREQUENCY) for iri in concept.close_matches]
        if concept.label_zh in expected_exact:
            assert exact == [expected_exact[concept.label_zh]]
            assert close == []
            # Same meaning, so the English labels agree too.
            assert table[concept.exact_matches[0]] == concept.label_en
        else:
            assert exact == []
            assert close == [expected_close[concept.label_zh]]
