"""A 信息资源代码 written in another form reads as the code it spells.

Full-width digits and slash (２０３００１／０００００１) and spaces around or inside a code are
folded; a backslash or a dash for the slash and dashes between the levels of the 前段码 are
read; the code is read as spelled and the form said as GC-F003. A code that is right as
written gives no finding; one that is wrong either way keeps its GC-F005. A whole catalog
written in these forms is the plain catalog, with the same findings besides the notes.
"""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from govcatalog import Report, load_catalog, validate
from govcatalog.packs import get_pack
from govcatalog.records.coerce import PARSED_CODE, Coercer
from tests.helpers import resource

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


@given(code=codes(), junk=st.sampled_from(["O", "_", "、", "a", "／／", "--"]))
def test_a_code_wrong_either_way_keeps_its_f005(code: str, junk: str) -> None:
    written = "\u3000" + code.replace("/", junk)
    out = COERCER.resource({"code": written})
    assert out is not None
    assert out.record["code"] == written
    assert [h.code for h in out.hits if h.code in {"GC-F003", "GC-F005"}] == ["GC-F005"]


# ------------------------------------------------------------------ a catalog in any form
SLASHES = st.sampled_from(["/", "／", "\\", "＼"])
DASHES = st.sampled_from(["-", "－", "—"])
POOL = ["101001/000001", "101001/000002", "30700102/000003", "203001/000004"]
"""The codes of the catalogs: few, so that duplicates (GC-R008) and related codes that
resolve (or name the resource itself, GC-C002) come up; one with a 细目."""


@st.composite
def variant(draw: st.DrawFn, code: str) -> str:
    """``code`` written in one of the forms that spell it alone: a slash, backslash or dash
    (full width or not, spaces around) between 前段码 and 后段码; dashes between the levels of
    the 前段码 where a slash follows; digits full width or not; spaces before and after."""
    front, _, seq = code.partition("/")
    if draw(st.booleans()):
        sep = draw(SLASHES)
        ends = [e for e in (1, 3, 6) if e < len(front)]
        cut = draw(st.lists(st.sampled_from(ends), unique=True)) if ends else []
        dash = draw(DASHES)
        front = "".join((dash if i in cut else "") + c for i, c in enumerate(front))
    else:
        sep = draw(DASHES)
    sep = draw(SPACES) + sep + draw(SPACES)
    body = "".join(_WIDE[c] if c.isdigit() and draw(st.booleans()) else c for c in front + sep)
    return draw(SPACES) + body + seq + draw(SPACES)


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[dict[str, object], dict[str, object]]:
    """A catalog with plain codes, and the same catalog with its codes in any variant form."""
    plain: list[dict[str, object]] = []
    written: list[dict[str, object]] = []
    for n in range(draw(st.integers(1, 4))):
        code = draw(st.sampled_from(POOL))
        related = draw(st.lists(st.sampled_from([*POOL, "101001/000099"]), max_size=3))
        plain.append(resource(code=code, name=f"资源{n}", related_codes=related or None))
        written.append(
            resource(
                code=draw(variant(code)),
                name=f"资源{n}",
                related_codes=[draw(variant(r)) for r in related] or None,
            )
        )
    return {"resources": plain}, {"resources": written}


def _findings(report: Report) -> list[tuple[str, str | None, str, str]]:
    return sorted(
        (f.code, f.location.pointer, f.message_zh, f.message_en)
        for f in report.findings
        if f.code != "GC-F003"
    )


@given(pair=catalogs())
@settings(max_examples=60, deadline=None)
def test_a_catalog_in_variant_forms_is_the_plain_catalog(
    pair: tuple[dict[str, object], dict[str, object]],
) -> None:
    plain, written = pair
    seen, expected = validate(written), validate(plain)
    assert _findings(seen) == _findings(expected)
    codes = {f.code for f in expected.findings}
    for code in ("GC-R008", "GC-C001", "GC-C002", "GC-R007"):
        event(f"{code} {'raised' if code in codes else 'not raised'}")
    notes = sorted(f.location.pointer or "" for f in seen.findings if f.code == "GC-F003")
    resources = written["resources"]
    assert isinstance(resources, list)
    changed = sorted(
        f"/resources/{i}/{where}"
        for i, res in enumerate(resources)
        for where, value in [
            ("code", res["code"]),
            *((f"related_codes/{j}", r) for j, r in enumerate(res.get("related_codes") or [])),
        ]
        if value not in POOL and value != "101001/000099"
    )
    assert notes == changed
    assert load_catalog(written).model_dump(mode="json") == load_catalog(plain).model_dump(
        mode="json"
    )
