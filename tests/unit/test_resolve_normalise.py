"""Normalisation of item names and their bigrams."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog.resolve.normalise import bigrams, normalise


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("身份证号码", "身份证号"),
        ("身份证号", "身份证号"),
        ("居民身份证号码（18位）", "居民身份证号18位"),
        ("  企业 名称 ", "企业名称"),
        ("ＩＤ号码", "id号"),
        ("法定代表人(负责人)姓名", "法定代表人负责人姓名"),
        ("身份證號碼", "身份证号"),
        ("統一社會信用代碼", "统一社会信用代码"),
        ("出生日期：", "出生日期"),
        ("a_b-c·d", "abcd"),
        ("——", ""),
    ],
)
def test_normalise(written: str, expected: str) -> None:
    assert normalise(written) == expected


def test_normalise_is_idempotent_on_examples() -> None:
    for text in ["身份證號碼", "ＩＤ号码", "法定代表人（负责人）姓名", "号码号码"]:
        once = normalise(text)
        assert normalise(once) == once


def test_ambiguous_traditional_characters_are_left_alone() -> None:
    # 乾 maps to 干 or stays 乾 depending on the word: not in the one-to-one table
    assert normalise("乾") == "乾"


def test_bigrams() -> None:
    assert bigrams("姓名称") == frozenset({"姓名", "名称"})
    assert bigrams("名") == frozenset({"名"})
    assert bigrams("") == frozenset()
    assert bigrams("名名名") == frozenset({"名名"})


@given(st.text(alphabet="身份證号码號碼企业名称（）() 　ＡaB1１_-·", max_size=12))
def test_normalise_is_idempotent_and_leaves_only_letters_and_digits(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert all(ch.isalnum() for ch in once)
    assert "号码" not in once
