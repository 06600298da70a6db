"""Prefix filtering keeps exactly the keys in enough lists; the bounds never drop a hit."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from govcatalog.resolve.lookup import needed_bigrams
from govcatalog.resolve.normalise import bigrams
from govcatalog.resolve.prefix import (
    bitset,
    candidates,
    length_bounds,
    lengths_of,
    needed_by_length,
    plan_lengths,
    seed,
)

ids_st = st.frozensets(st.integers(0, 60), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(ids_st, min_size=1, max_size=9), st.data())
def test_candidates_are_the_keys_in_enough_lists(
    lists: list[frozenset[int]], data: st.DataObject
) -> None:
    # keys are numbered shortest first: ``starts[m]`` is the first id of length ``m``
    lengths = np.sort(
        np.array(data.draw(st.lists(st.integers(0, 9), min_size=61, max_size=61)), np.int32)
    )
    starts = np.searchsorted(lengths, np.arange(11)).astype(np.int32)
    assert lengths_of(np.arange(61, dtype=np.int32), starts).tolist() == lengths.tolist()
    needed = np.array(
        data.draw(st.lists(st.integers(1, len(lists) + 1), min_size=10, max_size=10)), np.int32
    )
    if data.draw(st.booleans()):  # as most queries: every length searched needs the same
        needed[needed <= len(lists)] = data.draw(st.integers(1, len(lists)))
    arrays = sorted((np.array(sorted(s), dtype=np.int32) for s in lists), key=len)
    with_bits = data.draw(st.lists(st.booleans(), min_size=len(arrays), max_size=len(arrays)))
    bits = [bitset(a, 61) if b else None for a, b in zip(arrays, with_bits, strict=True)]
    found = candidates(arrays, plan_lengths(needed, len(lists)), starts, bits)
    expected = [k for k in range(61) if sum(k in s for s in lists) >= needed[lengths[k]]]
    assert found.tolist() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(ids_st, min_size=1, max_size=9), st.data())
def test_seed_holds_every_key_in_enough_lists(
    lists: list[frozenset[int]], data: st.DataObject
) -> None:
    need = data.draw(st.integers(1, len(lists)))
    arrays = sorted((np.array(sorted(s), dtype=np.int32) for s in lists), key=len)
    found = set(seed(arrays, need).tolist())
    assert found <= set().union(*lists)
    assert {k for k in range(61) if sum(k in s for s in lists) >= need} <= found


@settings(max_examples=200, deadline=None)
@given(
    st.text("企业名称代码日期号", min_size=1, max_size=12),
    st.text("企业名称代码日期号", min_size=1, max_size=30),
    st.floats(1, 100),
)
def test_length_bounds_keep_every_key_reaching_the_cutoff(
    query: str, key: str, cutoff: float
) -> None:
    bounds = length_bounds(len(query), cutoff)
    assert bounds is not None
    if fuzz.ratio(query, key) >= cutoff:
        assert bounds[0] <= len(key) <= bounds[1]


@settings(max_examples=500, deadline=None)
@given(
    st.text("企业名称代码日期号码信息", min_size=2, max_size=14),
    st.text("企业名称代码日期号码信息", min_size=1, max_size=24),
    st.floats(0, 100),
)
def test_shared_bigrams_needed_never_drop_a_hit(query: str, key: str, cutoff: float) -> None:
    """A key that reaches the cutoff shares at least what its length needs."""
    grams = bigrams(query)
    need = needed_bigrams(len(grams))
    needed = needed_by_length(len(query), len(grams), need, cutoff, len(key))
    shared = len(grams & bigrams(key))
    if shared >= need and fuzz.ratio(query, key) >= cutoff:
        assert shared >= needed[len(key)]


@given(st.text("企业名称", min_size=2, max_size=10), st.floats(50, 100))
@settings(max_examples=200, deadline=None)
def test_the_bound_holds_for_near_copies(query: str, cutoff: float) -> None:
    """Names one edit away (where the bound is tightest) are kept when they reach the cutoff."""
    grams = bigrams(query)
    need = needed_bigrams(len(grams))
    for i in range(len(query) + 1):
        for key in (query[:i] + query[i + 1 :], query[:i] + "名" + query[i:]):
            if not key:
                continue
            needed = needed_by_length(len(query), len(grams), need, cutoff, len(key))
            shared = len(grams & bigrams(key))
            if shared >= need and fuzz.ratio(query, key) >= cutoff:
                assert shared >= needed[len(key)]
