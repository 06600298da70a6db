"""The laws of the diff.

diff(a, a) is empty; the patch turns a into b; diff(b, a) mirrors diff(a, b).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from govcatalog.diff import apply_patch, canonical_document, compare
from govcatalog.diff.load import side_from_document
from govcatalog.model import Catalog, Resource
from tests.properties.diff_strategies import documents, sparse_resources, versions

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


@LAWS
@given(versions())
def test_a_diff_is_empty_only_when_nothing_changed(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = pair
    result = _diff(old, new)
    if not result:
        # no reported change: the documents differ at most in the order of resources
        # or of format types and related codes, which carry no meaning
        assert len(old["resources"]) == len(new["resources"])
    if old != new and old["resources"] == new["resources"]:
        assert all(c.resource is None for c in result)


@LAWS
@given(sparse_resources())
def test_canonical_form_is_the_models_json_form(record: dict[str, Any]) -> None:
    doc = canonical_document(side_from_document({"catalog": {}, "resources": [record]}))
    model = Catalog(resources=(Resource.model_validate(record),))
    assert doc == model.to_json_dict()
