"""Keys near a query: the deletion index finds all it claims to, and the fuzzy lookups and the
resolver that use it answer exactly as the brute-force scan.

Names are short and drawn from a few characters, one or two characters apart (mostly replaced,
the case the deletion index is for), so that many keys are near each query and the lengths
around the query's are crowded.
"""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

from hypothesis import event, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    MatchKind,
    Requester,
    ResolveIndex,
    ResolveOptions,
    ResourceSpec,
    ScanIndex,
    load_base_pack,
    matching,
    normalise,
    resolve,
)
from govcatalog.resolve.neighbours import (
    DeletionIndex,
    outside_distance,
    outside_reach,
    two_deletions,
)
from tests.helpers import single_resource_indexes

CHARS = "企业名称代码号日期"
BASES = load_base_pack()


def _edit(draw: st.DrawFn, name: str) -> str:
    """``name`` with a character replaced (mostly), inserted or dropped."""
    op = draw(st.sampled_from(["replace", "replace", "replace", "insert", "drop"]))
    pos = draw(st.integers(0, max(len(name) - 1, 0)))
    ch = draw(st.sampled_from(CHARS))
    if op == "insert":
        return name[:pos] + ch + name[pos:]
    if op == "drop" and len(name) > 1:
        return name[:pos] + name[pos + 1 :]
    return name[:pos] + ch + name[pos + 1 :]


@st.composite
def neighbourhood(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Keys one to three edits from a stem of 4–9 characters, and queries one edit from them."""
    stem = draw(st.text(CHARS, min_size=4, max_size=9))
    keys = {stem}
    for _ in range(draw(st.integers(1, 12))):
        name = stem
        for _ in range(draw(st.integers(1, 3))):
            name = _edit(draw, name)
        keys.add(name)
    keys |= set(draw(st.lists(st.text(CHARS, min_size=1, max_size=11), max_size=5)))
    ordered = sorted(keys)
    queries = [_edit(draw, draw(st.sampled_from(ordered))) for _ in range(draw(st.integers(1, 5)))]
    return ordered, queries


@settings(max_examples=300, deadline=None)
@given(neighbourhood())
def test_keys_not_found_near_are_at_least_the_outside_distance_away(
    case: tuple[list[str], list[str]],
) -> None:
    """The lemma the fuzzy lookups rest on, checked on every key by its indel distance."""
    keys, queries = case
    index = DeletionIndex(keys, least=4)
    for query in queries:
        if len(query) < 4:
            continue
        found = index.near(query)
        assert found == sorted(set(found))
        near = {keys[i] for i in found}
        for key in keys:
            if key in near:
                continue
            distance = Indel.distance(query, key)
            assert distance >= outside_distance(len(query), len(key)), (query, key)
        event("a key two shorter" if near & two_deletions(query) else "none two shorter")
        event("some keys near" if near else "no key near")


def test_outside_reach_is_the_scores_the_outside_distance_allows() -> None:
    """A query of 7: outside, 9 characters reach 87.5, 10 reach 82.35, 8 and 5 reach 80 and 66.7
    (the keys of 5 with two characters dropped are found), 7 reaches 71.4."""
    reach = outside_reach(7, 82.0, 12)
    assert [m for m in range(13) if reach[m]] == [9, 10]
    reach = outside_reach(7, 82.7, 12)  # a replaced character scores 85.7: asked at 85.7 - 3
    assert [m for m in range(13) if reach[m]] == [9]
    assert not outside_reach(7, 90.0, 12).any()
    assert outside_reach(7, 0.0, 12)[1:].all()


@settings(max_examples=200, deadline=None)
@given(neighbourhood(), st.sampled_from([60.0, 77.0, 80.0, 82.7, 85.0, 88.0, 90.0]))
def test_fuzzy_hits_of_crowded_short_names_equal_brute_force(
    case: tuple[list[str], list[str]], cutoff: float
) -> None:
    keys, queries = case
    index, scan = single_resource_indexes(keys)
    for query in queries:
        norm = normalise(query)
        hits = index.fuzzy(norm, cutoff=cutoff, limit=50)
        assert hits == scan.fuzzy(norm, cutoff=cutoff, limit=50)
        assert index.fuzzy(norm, cutoff=cutoff, limit=2) == hits[:2]
        best = index.best_near(norm)
        assert best == 0.0 or scan.fuzzy(norm, cutoff=best, limit=1)  # a score a hit reaches
        event("hits" if hits else "no hit")


@settings(max_examples=200, deadline=None)
@given(neighbourhood(), st.sampled_from([75.0, 80.0, 85.0]), st.sampled_from([2.0, 3.0, 6.0]))
def test_resolving_crowded_short_names_equals_brute_force(
    case: tuple[list[str], list[str]], accept: float, margin: float
) -> None:
    """The resolver asking below the levels from the best near score answers as the scan."""
    keys, queries = case
    share = ShareType.UNCONDITIONAL
    spec = ResourceSpec("11001/000000", "资源", share, None, None, tuple(map(ItemSpec, keys)))
    entries = [CatalogEntry("cat", "1", CatalogRole.DEPARTMENT, None, None, (spec,))]
    request = DataRequest(Requester("某局"), None, tuple(queries), (), dt.date(2025, 3, 3))
    options = ResolveOptions(accept=accept, margin=margin, cutoff=40.0)
    index = ResolveIndex.build(entries)
    fast = resolve(request, index, bases=BASES, options=options)
    with patch.object(matching, "FUZZY_LEVELS", ()):
        slow = resolve(request, ScanIndex(entries), bases=BASES, options=options)
    assert fast.to_json_dict() == slow.to_json_dict()
    for r in fast.items:
        if r.kind in (MatchKind.FUZZY, MatchKind.AMBIGUOUS):
            near = index.best_near(r.normalised)
            below = all(r.score < x for x in matching.FUZZY_LEVELS)
            event(f"{r.kind.value}" + (", from the near score" if below and near >= accept else ""))
