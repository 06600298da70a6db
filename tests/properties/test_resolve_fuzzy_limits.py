"""The best ``limit`` fuzzy hits equal the scan's, where the lookup stops early to find them.

:meth:`FuzzySearch.fuzzy <govcatalog.resolve.fuzzy_search.FuzzySearch.fuzzy>` cuts work by the
limit in two places: with ``limit`` keys near the query at some score it searches the bigram
lists down to that score only, and of many candidates (over ``_FEW``) it scores again only
those within reach of the ``limit``-th best. Both are checked here against the brute-force
scan, on hundreds of keys a few edits apart, written with a few characters (so that a query has
dozens to hundreds of candidates and scores tie often: ties at the last place are broken by
key), and at small limits.
"""

from __future__ import annotations

from random import Random

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from govcatalog.resolve import (
    normalise,
)
from govcatalog.resolve.fuzzy_search import _FEW
from tests.helpers import single_resource_indexes

CHARS = "企业名称代"


def _edit(rnd: Random, name: str) -> str:
    """``name`` with a character inserted, dropped or replaced."""
    pos = rnd.randrange(len(name) + 1)
    ch = rnd.choice(CHARS)
    return rnd.choice(
        [
            name[:pos] + ch + name[pos:],
            name[:pos] + name[pos + 1 :],
            name[:pos] + ch + name[pos + 1 :],
        ]
    )


@st.composite
def crowd(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """100–500 keys one to three edits from a few stems of 4–9 characters from 5, and queries:
    keys edited once or twice, or any name."""
    stems = draw(st.lists(st.text(CHARS, min_size=4, max_size=9), min_size=1, max_size=3))
    rnd = draw(st.randoms(use_true_random=False))
    keys: set[str] = set(stems)
    for _ in range(draw(st.integers(100, 500))):
        name = rnd.choice(stems)
        for _ in range(rnd.randint(1, 3)):
            name = _edit(rnd, name)
        keys.add(name)
    ordered = sorted(k for k in keys if k)
    queries = []
    for _ in range(draw(st.integers(1, 4))):
        query = draw(st.sampled_from(ordered))
        for _ in range(draw(st.integers(0, 2))):
            query = _edit(rnd, query)
        queries.append(query or draw(st.text(CHARS, min_size=1, max_size=9)))
    return ordered, queries


# 企代业名 (two characters dropped: near) fills the limit at 80; 代企代代代业企名企 (three inserted:
# found in the lists) scores 80 too and comes first by key: the lists are searched down to 80.
TIED_AT_THE_FLOOR = (["代企代代代业企名企", "企代业名"], ["代企代业名企"])


@settings(max_examples=150, deadline=None)
@given(crowd(), st.sampled_from([0.0, 40.0, 60.0, 70.0, 77.0, 84.5, 90.0]), st.integers(1, 6))
@example(TIED_AT_THE_FLOOR, 70.0, 1)
def test_the_best_hits_equal_the_scans(
    case: tuple[list[str], list[str]], cutoff: float, limit: int
) -> None:
    keys, queries = case
    index, scan = single_resource_indexes(keys)
    for query in queries:
        norm = normalise(query)
        every = scan.fuzzy(norm, cutoff=cutoff, limit=len(keys))
        assert index.fuzzy(norm, cutoff=cutoff, limit=limit) == every[:limit]
        search = index.snapshot()._fuzzy  # what the lookup saw, for the statistics only
        near = [h for h in search._near(norm) if h.score >= cutoff]
        event(f"{limit}+ near hits" if len(near) >= limit else "fewer near hits")
        if len(every) > limit:
            tied = every[limit - 1].score == every[limit].score
            event("a tie at the last place" if tied else "no tie at the last place")
        many = search._candidates(norm, cutoff).size > _FEW
        event(f"over {_FEW} candidates" if many else f"{_FEW} candidates or fewer")
