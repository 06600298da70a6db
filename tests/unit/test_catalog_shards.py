"""The catalog-wide rules split in shards find, all shards together, what they find whole."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog.batch.wire import (
    from_wire,
    summaries_to_shards,
    summary_columns_from_wire,
    to_wire,
)
from govcatalog.rules.catalog import CatalogHit, ResourceSummary, SummaryColumns, check_catalog
from govcatalog.rules.catalog_shards import Shard, shard_of, shards_of
from tests.unit.test_batch_wire import catalog_summaries, few, outcomes


def _key(hit: CatalogHit) -> tuple[object, ...]:
    """A hit as its finding says it: where it is and the places its message names."""
    s = hit.summary
    params = tuple(sorted(hit.params.items()))
    where = s.location(hit.pointer)
    return (hit.code, s.file, s.index, s.pointer, hit.pointer, params, hit.value, where)


@given(
    st.lists(st.lists(catalog_summaries, max_size=6), max_size=3),
    st.integers(min_value=1, max_value=5),
)
def test_the_shards_together_find_what_the_whole_finds_each_once(
    parts: list[list[ResourceSummary]], count: int
) -> None:
    whole = Counter(map(_key, check_catalog([s for part in parts for s in part])))
    found: Counter[tuple[object, ...]] = Counter()
    for k in range(count):
        sent = [summary_columns_from_wire(summaries_to_shards(p, count)[k]) for p in parts]
        found.update(map(_key, check_catalog(SummaryColumns.joined(sent), Shard(k, count))))
    assert found == whole


class _Text:
    """A locator that holds the input's text (as a summary has before it is sent)."""

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        return (len(pointer), len(pointer) % 3 or None)


# summaries of workbooks and text files as they are made, before they are sent: every cell of
# the resource, a locator holding the text; codes and names written under either language
pointers = st.sampled_from(["/code", "/信息资源代码", "/name", "/信息资源名称", "/related_codes/0"])
wider = pointers | st.sampled_from(["/related_codes/1", "/items/0/name", "/items/1/name", ""])
made_summaries = st.builds(
    ResourceSummary,
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["/resources/0", "/resources/1", "/1"]),
    few,
    few,
    st.sampled_from(["甲", "乙"]) | st.none(),
    st.lists(st.tuples(st.sampled_from(["A", "B", "Z"]), wider), max_size=2).map(tuple),
    pointers,
    pointers,
    st.just(_Text()),
    st.sampled_from(["目录", "补充目录"]) | st.none(),
    st.none() | st.dictionaries(wider, st.sampled_from(["B7", "A7", "信息项!C5"]), max_size=5),
    st.sampled_from(["one.xlsx", "two.json"]),
)


@given(
    st.lists(st.lists(made_summaries, max_size=6), max_size=3),
    st.integers(min_value=1, max_value=4),
)
def test_the_shards_name_every_place_as_the_whole_does_from_what_is_sent(
    parts: list[list[ResourceSummary]], count: int
) -> None:
    """Sent, a summary keeps the cells and lines of its code, name and related codes alone:
    the findings of the shards are located, and name the others, as those of the whole made
    from every cell and the text."""
    whole = Counter(map(_key, check_catalog([s for part in parts for s in part])))
    found: Counter[tuple[object, ...]] = Counter()
    for k in range(count):
        sent = [summary_columns_from_wire(summaries_to_shards(p, count)[k]) for p in parts]
        found.update(map(_key, check_catalog(SummaryColumns.joined(sent), Shard(k, count))))
    assert found == whole


@given(made_summaries)
def test_a_summary_sent_keeps_few_cells(summary: ResourceSummary) -> None:
    sent = summary.resolved()
    reported = {summary.code_pointer, summary.name_pointer, *(p for _, p in summary.related)}
    assert set(sent.cells or ()) <= reported
    assert sent.resolved() == sent
    for pointer in reported:
        assert sent.location(pointer) == summary.location(pointer)


@given(catalog_summaries, st.integers(min_value=1, max_value=6))
def test_a_summary_goes_to_the_shards_of_its_keys_alone(
    summary: ResourceSummary, count: int
) -> None:
    shards = shards_of(summary, count)
    keys = len(summary.related) + bool(summary.code) + bool(summary.provider and summary.name)
    assert len(shards) <= keys
    assert all(0 <= k < count for k in shards)
    if summary.code:
        assert shard_of(summary.code, count) in shards


def test_a_key_belongs_to_the_same_shard_in_every_process() -> None:
    keys = ["101001/000001", "307001/000042", "某市公安局\x1f户籍人口信息", ""]
    here = [shard_of(key, 7) for key in keys]
    code = f"from govcatalog.rules.catalog_shards import shard_of; print([shard_of(k, 7) for k in {keys!r}])"
    for seed in ("1", "2"):  # str hashes differ from process to process: the shards must not
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert out.stdout.strip() == str(here)


@given(outcomes)
def test_summaries_split_in_shards_are_not_restored_whole(outcome: object) -> None:
    """The caller never restores them (a summary may be in several shards): asked to, it says so."""
    from govcatalog.batch.files import FileOutcome

    assert isinstance(outcome, FileOutcome)
    sent = to_wire(outcome, 3)
    assert from_wire(sent, summaries=False).wired == (
        (summaries_to_shards(outcome.summaries, 3),) if outcome.summaries else ()
    )
    if outcome.summaries:
        with pytest.raises(ValueError, match="shard by shard"):
            from_wire(sent)


@pytest.mark.parametrize(("index", "count"), [(0, 0), (3, 3), (-1, 2)])
def test_a_shard_is_one_of_its_count(index: int, count: int) -> None:
    with pytest.raises(ValueError, match="shard"):
        Shard(index, count)
