"""The places of other resources a message names, said by the codebook's [places] templates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog._location import Elsewhere, Location
from govcatalog.errors import PackError
from govcatalog.packs import get_pack
from govcatalog.packs.codebook import MessageMemo, parse_codebook
from govcatalog.packs.places import PlaceWords

NATIONAL = get_pack("gb-1272@^1")

ENTRY = """
[XX-T001]
severity = "error"
title_zh = "重复"
title_en = "Duplicate"
message_zh = "重复（另见 {others}）。"
message_en = "Duplicate (also at {others})."
hint_zh = "改。"
hint_en = "Fix it."
"""

PLACES = """
[places]
sheet_zh = "{sheet} 表 {cell}"
sheet_en = "sheet {sheet} cell {cell}"
line_zh = "{line} 行"
line_en = "line {line}"
pointer_zh = "<{pointer}>"
pointer_en = "<{pointer}>"
file_zh = "{file}：{place}"
file_en = "{place} of {file}"
separator_zh = "；"
separator_en = "; "
more_zh = "{places} 外 {more} 处"
more_en = "{places} + {more}"
"""

CELL = Location("a.xlsx", None, "/resources/3/code", None, None, "目录", "B7")
LINE = Location("b.json", None, "/resources/0/code", 19, 15)
BARE = Location("c.ttl", None, "/resources/1/code")


def test_a_codebook_says_each_kind_of_place_in_each_language() -> None:
    book = parse_codebook(ENTRY + PLACES, pack="t")
    memo = MessageMemo(places=book.places)
    where = Elsewhere((CELL, LINE, BARE), 5, "a.xlsx")
    said = memo.render(book["XX-T001"], {"others": where})
    assert (
        said.message_zh
        == "重复（另见 目录 表 B7；b.json：19 行；c.ttl：</resources/1/code> 外 2 处）。"
    )
    assert said.message_en == (
        "Duplicate (also at sheet 目录 cell B7; line 19 of b.json; </resources/1/code> of c.ttl + 2)."
    )


def test_without_places_a_codebook_says_them_as_a_text_report_locates_findings() -> None:
    book = parse_codebook(ENTRY, pack="t")
    assert book.places is None
    said = book["XX-T001"].render({"others": Elsewhere((CELL, LINE), 2, "b.json")})
    assert (
        said.message_zh
        == "重复（另见 a.xlsx:目录!B7 /resources/3/code, 19:15 /resources/0/code）。"
    )


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (PLACES.replace('more_en = "{places} + {more}"\n', ""), "missing more_en"),
        (PLACES.replace("{line} 行", "{row} 行"), "line_zh"),
        (PLACES.replace('separator_zh = "；"', 'separator_zh = "{places}"'), "separator_zh"),
        (PLACES + 'cell_zh = "{cell}"\n', "unknown keys"),
        ("places = 3\n", "expected a table"),
        (PLACES.replace("{file}：", "{file："), "file_zh"),
    ],
)
def test_a_wrong_places_table_is_refused(table: str, problem: str) -> None:
    with pytest.raises(PackError, match=problem):
        parse_codebook(table + ENTRY, pack="t")


def test_a_pack_that_extends_the_national_one_says_places_as_it_does() -> None:
    assert NATIONAL.codebook.places is not None
    for ref in ("sharing-2025@^1", "example-province@^1"):
        assert get_pack(ref).codebook.places == NATIONAL.codebook.places
    own = parse_codebook(PLACES, pack="t").places
    assert NATIONAL.codebook.merged(parse_codebook(PLACES, pack="t"), pack="t").places == own
    assert NATIONAL.codebook.with_severities({}).places == NATIONAL.codebook.places


sheets = (
    st.text(st.sampled_from("目录补充表1 "), min_size=1, max_size=6).map(str.strip).filter(bool)
)
cells = st.builds("{}{}".format, st.sampled_from(["A", "B", "AA"]), st.integers(1, 9999))


@given(sheets, cells, st.sampled_from(["zh", "en"]))
def test_the_national_pack_names_a_cell_as_the_report_locates_a_finding_there(
    sheet: str, cell: str, lang: str
) -> None:
    """In a workbook the place is the label of the finding's own location, in both languages:
    ``目录!B7``; in another file, the file too."""
    places = NATIONAL.codebook.places
    assert isinstance(places, PlaceWords)
    there = Location("x.xlsx", None, "/resources/0/code", None, None, sheet, cell)
    assert places.say(Elsewhere((there,), 1, "x.xlsx"), lang) == there.label()
    said = places.say(Elsewhere((there,), 1, "y.json"), lang)
    assert said.startswith("x.xlsx")
    assert said.endswith(there.label())
