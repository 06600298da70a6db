"""A remembered message is the message the codebook renders for the same parameters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog._bilingual import Bilingual
from govcatalog.packs import Pack
from govcatalog.packs import codebook as codebook_module
from govcatalog.packs.codebook import MessageMemo

_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-3, 3),
    st.booleans(),
    st.floats(allow_nan=False, width=16),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2001, 1, 1)),
    st.none(),
    st.builds(Bilingual, st.sampled_from(["每日", "其他"]), st.sampled_from(["daily", "other"])),
)
_PARAMS = st.dictionaries(st.sampled_from(["value", "count", "field", "other"]), _VALUES)


@settings(deadline=None)  # the first example loads what rendering needs
@given(calls=st.lists(st.tuples(st.integers(0, 60), _PARAMS), min_size=1, max_size=30))
def test_the_memo_renders_as_the_entry_does(
    pack: Pack, calls: list[tuple[int, dict[str, object]]]
) -> None:
    codes = sorted(pack.codebook)
    memo = MessageMemo(pack.glossary)
    for n, params in calls:
        entry = pack.codebook[codes[n % len(codes)]]
        assert memo.render(entry, params) == entry.render(params, pack.glossary)


def test_equal_parameters_written_differently_are_told_apart(pack: Pack) -> None:
    entry = pack.codebook["GC-F003"]
    memo = MessageMemo()
    # True == 1 == 1.0 as keys, but each is written its own way in a message
    rendered = [memo.render(entry, {"value": v}) for v in (1, True, 1.0)]
    assert [r.message_en for r in rendered] == [
        entry.render({"value": v}).message_en for v in (1, True, 1.0)
    ]
    assert len({r.message_en for r in rendered}) == 3


def test_one_value_said_two_ways_in_english_is_told_apart(pack: Pack) -> None:
    entry = pack.codebook["GC-F003"]
    memo = MessageMemo()
    said = [Bilingual("其他", '"其他" (other)'), Bilingual("其他", '"其他"')]
    rendered = [memo.render(entry, {"canonical": v}) for v in said]
    assert [r.message_en for r in rendered] == [
        entry.render({"canonical": v}).message_en for v in said
    ]
    assert rendered[0].message_zh == rendered[1].message_zh
    assert rendered[0].message_en != rendered[1].message_en


def test_the_memo_is_bounded(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codebook_module, "_REMEMBERED", 3)
    entry = pack.codebook["GC-F003"]
    memo = MessageMemo()
    for i in range(10):
        assert memo.render(entry, {"value": str(i)}) == entry.render({"value": str(i)})
        assert len(memo._known) <= 3
