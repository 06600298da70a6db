"""是否向社会开放 with a bracket (是（无条件开放）, 否（涉及个人隐私）) reads as 是 or 否, the bracket
kept in 开放条件 (appended to what is written there): nothing a catalog says is dropped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer

PACK = get_pack("gb-1272")
_NOTES = st.text(
    alphabet=st.sampled_from("无条件依申请开放涉及个人隐私公众"), min_size=2, max_size=16
)


@given(
    answer=st.sampled_from([("是", True), ("否", False), ("Y", True), ("N", False)]),
    note=_NOTES,
    brackets=st.sampled_from([("（", "）"), ("(", ")")]),
    written=st.none() | _NOTES,
)
def test_the_bracket_is_kept_as_the_open_condition(
    answer: tuple[str, bool], note: str, brackets: tuple[str, str], written: str | None
) -> None:
    data: dict[str, object] = {"是否向社会开放": f"{answer[0]}{brackets[0]}{note}{brackets[1]}"}
    if written is not None:
        data["开放条件"] = written
    out = Coercer(PACK).resource(data)
    assert out is not None
    opened = out.record["open"]
    assert opened["open_to_public"] is answer[1]
    assert note in opened["open_condition"]
    if written is not None:
        assert opened["open_condition"].startswith(written)
    assert ("GC-F003", "/open/open_to_public") in [(h.code, h.pointer) for h in out.hits]


def test_a_bracket_after_no_answer_is_still_not_an_answer() -> None:
    out = Coercer(PACK).resource({"是否向社会开放": "待定（讨论中）"})
    assert out is not None
    assert ("GC-F002", "/open/open_to_public") in [(h.code, h.pointer) for h in out.hits]
    assert "open_condition" not in out.record.get("open", {})
