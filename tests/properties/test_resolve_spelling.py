"""Re-spelling names for scoring never changes a score."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from govcatalog.resolve.spelling import ScoringSpelling, _code

# more than 255 distinct characters, so that both kinds of code point are used
ALPHABET = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300)) + "0123456789abc"
names = st.text(st.sampled_from(ALPHABET), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(names, min_size=1, max_size=40), names, st.data())
def test_scores_are_unchanged(keys: list[str], query: str, data: st.DataObject) -> None:
    """Query against key scores the same re-spelt, also where the query has characters no key
    holds (they all become one code point that no key holds)."""
    spelling = ScoringSpelling(keys)
    key = data.draw(st.sampled_from(keys))
    assert fuzz.ratio(spelling.spell(query), spelling.spell(key)) == fuzz.ratio(query, key)
    spelt = {spelling.spell(k) for k in keys}
    assert len(spelt) == len(set(keys))  # one-to-one on the keys
    assert all("\uffff" not in s for s in spelt)


def test_most_frequent_characters_get_code_points_below_256() -> None:
    keys = [ALPHABET[:200] * 3, ALPHABET[100:]]
    spelling = ScoringSpelling(keys)
    assert spelling.low == 255
    assert all(ord(c) < 256 for c in spelling.spell(ALPHABET[100:200]))  # in both: frequent
    assert all(ord(c) >= 256 for c in spelling.spell(ALPHABET[260:300]))  # once each: rare


def test_code_points_skip_surrogates_and_the_unknown_mark() -> None:
    codes = [ord(_code(rank)) for rank in range(0x11000)]
    assert len(set(codes)) == len(codes)
    assert not any(0xD800 <= c <= 0xDFFF or c in {0, 0xFFFF} for c in codes)
