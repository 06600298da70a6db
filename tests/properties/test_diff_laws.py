"""The laws of the diff.

diff(a, a) is empty; the patch turns a into b; diff(b, a) mirrors diff(a, b).
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from govcatalog.diff import apply_patch, canonical_document, compare
from govcatalog.diff.load import side_from_document
from govcatalog.model import Catalog, Resource
from tests.properties.diff_strategies import (
    documents,
    infos,
    resources,
    sparse_resources,
    versions,
)

LAWS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _diff(a: dict[str, Any], b: dict[str, Any]) -> Any:
    return compare(side_from_document(a, "a"), side_from_document(b, "b"))


@LAWS
@given(documents())
def test_diff_of_a_version_with_itself_is_empty(doc: dict[str, Any]) -> None:
    result = _diff(doc, doc)
    assert not result
    assert result.to_patch() == []


@LAWS
@given(versions())
def test_patch_of_the_diff_turns_old_into_new(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    patch = _diff(old, new).to_patch()
    assert apply_patch(old, patch) == new


@LAWS
@given(versions())
def test_diff_backwards_mirrors_diff_forwards(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    forwards, backwards = _diff(old, new), _diff(new, old)
    assert backwards.changes == forwards.mirror().changes
    assert forwards.mirror().mirror() == forwards


def _shuffled(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    """The same catalog with the orders that carry no meaning changed: resources, format
    types and related codes."""
    out = []
    for original in draw(st.permutations(doc["resources"])):
        res = copy.deepcopy(original)
        res["format"]["format_types"] = draw(st.permutations(res["format"]["format_types"]))
        res["related_codes"] = draw(st.permutations(res["related_codes"]))
        out.append(res)
    return {"catalog": doc["catalog"], "resources": out}


_EDITS = ("reordered", "name", "abstract", "item-added", "resource-added", "resource-removed")


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A version and a second one, either only reordered or with exactly one real edit."""
    drawn = draw(st.lists(resources, min_size=1, max_size=8))
    # Each resource has its own code, so matching is by code (code-less resources: below).
    for i, res in enumerate(drawn):
        res["code"] = f"101001/{i + 1:06d}"
    old = {"catalog": draw(infos), "resources": drawn}
    new = _shuffled(draw, old)
    kind = draw(st.sampled_from(_EDITS))
    target = draw(st.integers(0, len(new["resources"]) - 1))
    res = new["resources"][target]
    if kind == "name":
        res["name"] = "改名后的资源"  # not among the generated names
    elif kind == "abstract":
        res["abstract"] = "新的摘要"  # not among the generated texts
    elif kind == "item-added":
        res["items"] = [*res["items"], {"name": "新增信息项", "extensions": {}}]
    elif kind == "resource-added":
        new["resources"].append({**copy.deepcopy(res), "code": "999999/000001", "name": "新增资源"})
    elif kind == "resource-removed":
        del new["resources"][target]
    return kind, old, new


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edited())
def test_a_diff_is_empty_exactly_when_nothing_meaningful_changed(
    case: tuple[str, dict[str, Any], dict[str, Any]],
) -> None:
    kind, old, new = case
    event(kind)
    result = _diff(old, new)
    if kind == "reordered":
        assert not result, [c.kind for c in result]
    else:
        assert result
        assert any(c.resource is not None for c in result), kind


@LAWS
@given(documents(), infos)
def test_catalog_facts_changes_belong_to_no_resource(doc: dict[str, Any], info: Any) -> None:
    new = {"catalog": info, "resources": doc["resources"]}
    result = _diff(doc, new)
    event("facts changed" if info != doc["catalog"] else "facts unchanged")
    assert bool(result) == (info != doc["catalog"])
    assert all(c.resource is None for c in result)


def test_code_less_resource_with_reordered_related_codes_is_unchanged() -> None:
    plain: dict[str, Any] = {}
    res = {"related_codes": ["101001/000001", "101001/000002"]}
    moved = {**res, "related_codes": ["101001/000002", "101001/000001"]}
    old = {"catalog": {}, "resources": [plain, res]}
    result = _diff(old, {"catalog": {}, "resources": [moved, plain]})
    assert not result, [c.kind for c in result]


@LAWS
@given(sparse_resources())
def test_canonical_form_is_the_models_json_form(record: dict[str, Any]) -> None:
    doc = canonical_document(side_from_document({"catalog": {}, "resources": [record]}))
    model = Catalog(resources=(Resource.model_validate(record),))
    assert doc == model.to_json_dict()
