"""Value forms open-data portals show that the guide does not list: formats listed with slashes
(XLS/CSV/JSON), update cycles between or finer than the guide's (每两周, 分钟级)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.packs import Pack, get_pack
from govcatalog.records.coerce import Coercer

PORTAL = get_pack("open-data-portal")


def _read(pack: Pack, data: dict[str, object]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    out = Coercer(pack).resource(data)
    assert out is not None
    hits = [(h.code, out.original(h.pointer)) for h in out.hits if h.code != "GC-F001"]
    return {k: v for k, v in out.record.items() if not k.startswith("$")}, hits


_EXTENSIONS = ["xls", "xlsx", "doc", "pdf", "xml", "CSV", "json", "JSON", "geojson", "shp", "txt"]


@settings(max_examples=80)
@given(
    st.lists(st.sampled_from(_EXTENSIONS), min_size=2, max_size=4, unique=True).filter(
        lambda types: any(t.lower() in ("xls", "xlsx", "doc", "pdf", "xml", "txt") for t in types)
    ),
    st.sampled_from(["/", "／", " / "]),
)
def test_formats_listed_with_slashes_read_as_listed_with_commas(
    types: list[str], slash: str
) -> None:
    """数据格式 "XLS/CSV/JSON" is the list XLS, CSV, JSON, said as a non-standard form, as
    "XLS,CSV,JSON" is."""
    slashed, hits = _read(PORTAL, {"数据格式": slash.join(types)})
    commas, comma_hits = _read(PORTAL, {"数据格式": ",".join(types)})
    assert slashed == commas
    assert slashed["format"] == {"format_types": types}
    assert hits == comma_hits == [("GC-F003", "/数据格式")]


@pytest.mark.parametrize(
    ("written", "types"),
    [
        ("TCP/IP", ["TCP/IP"]),  # no format type among the pieces
        ("电子文件/PDF/A", ["PDF/A"]),  # a class and a type
        (["xls/csv"], ["xls", "csv"]),  # in a JSON list as in a text
    ],
)
def test_a_slash_lists_formats_only_between_formats(written: object, types: list[str]) -> None:
    record, _ = _read(PORTAL, {"数据格式": written})
    assert record["format"]["format_types"] == types  # type: ignore[index]


@pytest.mark.parametrize("written", ["分钟级", "小时级", "每两周", "每半月"])
def test_update_cycles_the_guide_has_no_value_for_read_as_other(pack: Pack, written: str) -> None:
    """A portal's 分钟级 is 其他, the form kept as the 更新周期说明 (GC-F015), as 每小时 is; the
    national pack, which has not seen these portals, still says the value is unknown."""
    record, hits = _read(PORTAL, {"更新频率": written})
    assert (record["update_cycle"], record["update_note"]) == ("其他", written)
    assert hits == [("GC-F015", "/更新频率")]
    _, national = _read(pack, {"更新周期": written})
    assert national == [("GC-F002", "/更新周期")]
