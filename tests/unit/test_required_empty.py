"""Edge forms of values: empty lists and objects of required elements, unknown keys in groups."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from govcatalog import examples, load_catalog, validate


def _city() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(examples.path("city").read_text(encoding="utf-8"))
    return doc


def _findings(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.location.pointer) for f in validate(doc).findings)


@pytest.mark.parametrize("empty", [[], [""], ["  "], {}])
def test_empty_format_types_are_missing_like_absent_ones(empty: object) -> None:
    absent, given = _city(), _city()
    del absent["resources"][0]["format"]["format_types"]
    given["resources"][0]["format"]["format_types"] = copy.deepcopy(empty)
    assert ("GC-F001", "/resources/0/format/format_types") in _findings(absent)
    expected = _findings(absent)
    if isinstance(empty, dict):  # an object where a list belongs: one finding, of its type
        wrong = [c for c in expected if c != ("GC-F001", "/resources/0/format/format_types")]
        assert _findings(given) == sorted([*wrong, ("GC-S003", "/resources/0/format/format_types")])
    else:
        assert _findings(given) == expected


def test_an_empty_share_group_is_missing_its_required_elements() -> None:
    doc = _city()
    doc["resources"][0]["share"] = {}
    codes = _findings(doc)
    assert ("GC-F001", "/resources/0/share/share_type") in codes


def test_unknown_keys_inside_a_group_load_as_the_groups_extensions() -> None:
    doc = _city()
    doc["resources"][0]["share"]["备注"] = "经审批后共享"
    doc["resources"][1]["format"]["版本"] = "v2"
    assert [f.code for f in validate(doc).findings] == ["GC-S004", "GC-S004"]  # kept, and said
    catalog = load_catalog(doc)
    assert catalog.resources[0].extensions == {"share.备注": "经审批后共享"}
    assert catalog.resources[1].extensions == {"format.版本": "v2"}
    assert catalog.resources[0].share.share_type == doc["resources"][0]["share"]["share_type"]
