"""共享类型 with its condition in brackets (有条件共享（仅限公安部门使用）, 不予共享(涉及国家秘密)) reads
as the share type and, in 共享条件 (共享条件/不予共享依据), what the bracket says: nothing is
dropped. Where 共享条件 is given too, the bracket is appended to it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer

PACK = get_pack("gb-1272")
TYPES = PACK.vocabulary("share-type").labels()
_CONDITIONS = st.text(
    alphabet=st.sampled_from("仅限公安部门用于行政审批涉及国家秘密共享范围市场监管"),
    min_size=2,
    max_size=20,
)
_BRACKETS = st.sampled_from([("（", "）"), ("(", ")")])


@given(share_type=st.sampled_from(TYPES), condition=_CONDITIONS, brackets=_BRACKETS)
def test_the_bracket_is_the_condition(
    share_type: str, condition: str, brackets: tuple[str, str]
) -> None:
    coercer = Coercer(PACK)
    noted = coercer.resource({"共享类型": f"{share_type}{brackets[0]}{condition}{brackets[1]}"})
    apart = coercer.resource({"共享类型": share_type, "共享条件": condition})
    assert noted is not None and apart is not None
    assert noted.record["share"] == apart.record["share"]
    assert ("GC-F003", "/share/share_type") in [(h.code, h.pointer) for h in noted.hits]


@given(share_type=st.sampled_from(TYPES), condition=_CONDITIONS, written=_CONDITIONS)
def test_a_written_condition_keeps_the_bracket_too(
    share_type: str, condition: str, written: str
) -> None:
    out = Coercer(PACK).resource({"共享类型": f"{share_type}（{condition}）", "共享条件": written})
    assert out is not None
    kept = out.record["share"]["share_condition"]
    assert kept.startswith(written) and condition in kept
