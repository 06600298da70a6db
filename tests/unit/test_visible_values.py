"""A message echoing a value shows the characters a reader could not see, as escapes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog._location import visible
from govcatalog.packs import Pack
from tests.helpers import resource, write_catalog

_UNSEEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}


@given(st.text())
def test_no_unseen_character_is_left_and_the_rest_is_kept(text: str) -> None:
    shown = visible(text)
    assert not any(unicodedata.category(ch) in _UNSEEN for ch in shown)
    seen = "".join(ch for ch in text if unicodedata.category(ch) not in _UNSEEN)
    # what a reader could see is all there, in order
    rest = iter(shown)
    assert all(ch in rest for ch in seen)
    if text.isprintable():
        assert shown == text


def test_the_usual_ones_are_named() -> None:
    assert visible("null\u200b\u200b") == "null\\u200b\\u200b"
    assert visible("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert visible("\ufeff暂无") == "\\ufeff暂无"
    assert visible("暂无\u3000\u3000") == "暂无\u3000\u3000"  # a wide space is seen as space
    assert visible("x\U000e0001") == "x\\U000e0001"


def test_a_placeholder_padded_with_zero_width_spaces_is_shown_as_written(
    tmp_path: Path, pack: Pack
) -> None:
    path = write_catalog(tmp_path / "c.json", resource(abstract="null\u200b\u200b"))
    report = validate(path, pack=pack)
    (f016,) = [f for f in report.findings if f.code == "GC-F016"]
    assert "null\\u200b\\u200b" in f016.message_zh
    assert "null\\u200b\\u200b" in f016.message_en
    assert f016.value == "null\u200b\u200b"  # the value itself as read
    assert json.loads(json.dumps(f016.value)) == "null\u200b\u200b"
