"""Replacing synonyms inside a name: the filed table gives what visiting every variant gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.resolve import load_base_pack, normalise
from govcatalog.resolve.rewrite import RewriteTable, rewrite_reference

CHARS = "身份证号码公民配偶姓名企业法人代表营业执照编"
text = st.text(alphabet=CHARS, min_size=1, max_size=10)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(text, text, max_size=12), st.lists(text, min_size=1, max_size=5))
def test_table_equals_reference(synonyms: dict[str, str], names: list[str]) -> None:
    table = RewriteTable(synonyms)
    for name in names:
        assert table.rewrite(name) == rewrite_reference(name, synonyms)


BASE = dict(load_base_pack().synonyms.normalised())
BASE_TABLE = RewriteTable(BASE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(BASE)), st.sampled_from(sorted(BASE)), text)
def test_table_equals_reference_on_the_shipped_synonyms(a: str, b: str, noise: str) -> None:
    for name in (a + noise, noise + b, a + b, normalise(noise)):
        assert BASE_TABLE.rewrite(name) == rewrite_reference(name, BASE)


def test_a_known_rewrite() -> None:
    assert BASE_TABLE.rewrite(normalise("配偶身份证号")) == "配偶公民身份号"
