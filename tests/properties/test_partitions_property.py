"""Streamed partitions are the listed partitions, taken one item at a time."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.validate.parallel import partitions, streamed


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=12))
def test_streamed_partitions_are_the_listed_ones(items: list[int], size: int) -> None:
    pulled = 0

    def source() -> Iterator[int]:
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    taken: list[list[int]] = []
    used = 0
    for part in streamed(source(), size):
        got: list[int] = []
        for item in part:
            used += 1
            assert pulled == used  # nothing read ahead of the item in use
            got.append(item)
        taken.append(got)
    assert taken == list(partitions(iter(items), size))
