"""Prefix filtering keeps exactly the keys in enough lists; length bounds never drop a hit."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from govcatalog.resolve.prefix import candidates, length_bounds

ids_st = st.frozensets(st.integers(0, 60), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(ids_st, min_size=1, max_size=9), st.data())
def test_candidates_are_the_keys_in_enough_lists(
    lists: list[frozenset[int]], data: st.DataObject
) -> None:
    need = data.draw(st.integers(1, len(lists)))
    lengths = np.array(data.draw(st.lists(st.integers(1, 9), min_size=61, max_size=61)), np.int32)
    bounds = data.draw(st.none() | st.tuples(st.integers(0, 9), st.integers(0, 9)))
    arrays = sorted((np.array(sorted(s), dtype=np.int32) for s in lists), key=len)
    found = candidates(arrays, need, lengths, bounds)
    expected = [
        k
        for k in range(61)
        if sum(k in s for s in lists) >= need
        and (bounds is None or bounds[0] <= lengths[k] <= bounds[1])
    ]
    assert found.tolist() == expected


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
