"""A 信息资源代码 typed with a Chinese input method reads as the code it spells.

Full-width digits and slash (２０３００１／０００００１) and spaces around or inside a code are
folded; the code is read as spelled and the form said as GC-F003. A code that is right as
written gives no finding; one that is wrong either way keeps its GC-F005.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import PARSED_CODE, Coercer

PACK = get_pack("gb-1272@^1")
COERCER = Coercer(PACK)
_WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}  # ASCII → full width
SPACES = st.sampled_from(["", " ", "\u3000", "\t"])


@st.composite
def codes(draw: st.DrawFn) -> str:
    lei = draw(st.sampled_from("123"))
    xiang = draw(st.integers(1, 99))
    mu = draw(st.integers(1, 999))
    seq = draw(st.integers(1, 999999))
    return f"{lei}{xiang:02d}{mu:03d}/{seq:06d}"


@st.composite
def typed(draw: st.DrawFn, code: str) -> str:
    chars = [_WIDE[c] if draw(st.booleans()) else c for c in code]
    at = draw(st.integers(0, len(chars)))
    chars.insert(at, draw(SPACES))
    return draw(SPACES) + "".join(chars) + draw(SPACES)


@given(data=st.data(), code=codes())
def test_a_code_typed_wide_or_spaced_reads_as_the_code_it_spells(
    data: st.DataObject, code: str
) -> None:
    written = data.draw(typed(code))
    out = COERCER.resource({"code": written, "related_codes": [written]})
    assert out is not None
    assert out.record["code"] == code
    assert out.record["related_codes"] == [code]
    assert str(out.record[PARSED_CODE]) == code
    said = [(h.code, h.pointer) for h in out.hits if h.code in {"GC-F003", "GC-F005"}]
    expected = [] if written == code else [("GC-F003", "/code"), ("GC-F003", "/related_codes/0")]
    assert said == expected


@given(code=codes(), junk=st.sampled_from(["O", "-", "、", "a", "／／"]))
def test_a_code_wrong_either_way_keeps_its_f005(code: str, junk: str) -> None:
    written = "\u3000" + code.replace("/", junk)
    out = COERCER.resource({"code": written})
    assert out is not None
    assert out.record["code"] == written
    assert [h.code for h in out.hits if h.code in {"GC-F003", "GC-F005"}] == ["GC-F005"]
