"""Round trips: a catalog written to the workbook or to XML and read back is unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import load_catalog
from govcatalog.io.sheet_writer import write_workbook
from govcatalog.io.xml_writer import write_xml
from govcatalog.model import Catalog, CatalogInfo, DataItem, Resource
from govcatalog.model.enums import ENUM_SCHEMES
from govcatalog.packs import Pack, get_pack
from govcatalog.records.xiang import XiangNames

PACK = get_pack("gb-1272@^1")

# Text as editors type it: no list separators (、, ，) and no characters XML cannot hold.
_ALPHABET = st.sampled_from("政务信息资源目录企业人口法人登记许可处罚abcXYZ0123456789-（）_ ")
# Placeholders (暂无, "-" …) are read as "not given" by design, so they are not round-trip text.
TEXT = (
    st.text(_ALPHABET, min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda t: bool(t) and not PACK.value_forms.is_placeholder(t))
)


def _label(scheme: str) -> st.SearchStrategy[str]:
    """Values the model holds and the pack allows."""
    allowed = set(PACK.vocabulary(scheme).labels())
    return st.sampled_from([e.value for e in ENUM_SCHEMES[scheme] if e.value in allowed])


def _maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


ITEMS = st.builds(
    DataItem,
    name=TEXT,
    data_type=_maybe(_label("data-type")),
    length=_maybe(st.integers(1, 4000)),
    base_item=_maybe(st.booleans()),
    data_element=_maybe(TEXT),
    description=_maybe(TEXT),
)
DATES = st.dates(dt.date(1995, 1, 1), dt.date(2060, 12, 31))


_XIANG = XiangNames(PACK.vocabulary("resource-class"))


def _xiang(lei: object, text: object) -> object:
    """A 项 as the catalog holds it: a short name of a 项 of ``lei`` (人口, 法人) is read as the
    项, so it is no round-trip text."""
    named = _XIANG.named(lei, text) if isinstance(lei, str) and isinstance(text, str) else None
    return text if named is None else named.label_zh


@st.composite
def resources(draw: st.DrawFn, code: str) -> Resource:
    lei = draw(_maybe(_label("resource-class")))
    data = {
        "category": {
            "lei": lei,
            "xiang": _xiang(lei, draw(_maybe(TEXT))),
            "mu": draw(_maybe(TEXT)),
        },
        "name": draw(_maybe(TEXT)),
        "code": code,
        "provider": draw(_maybe(TEXT)),
        "provider_code": draw(_maybe(TEXT)),
        "abstract": draw(_maybe(TEXT)),
        "format": {
            "format_class": draw(_maybe(_label("format-class"))),
            "format_types": draw(st.lists(TEXT, max_size=3)),
        },
        "items": draw(st.lists(ITEMS, max_size=4)),
        "share": {
            "share_type": draw(_maybe(_label("share-type"))),
            "share_condition": draw(_maybe(TEXT)),
            "share_mode_class": draw(_maybe(_label("share-mode-class"))),
            "share_mode_type": draw(_maybe(_label("share-mode-type"))),
        },
        "open": {
            "open_to_public": draw(_maybe(st.booleans())),
            "open_condition": draw(_maybe(TEXT)),
        },
        "update_cycle": draw(_maybe(_label("update-cycle"))),
        "update_note": draw(_maybe(TEXT)),
        "publish_date": draw(_maybe(DATES)),
        "related_codes": draw(
            st.lists(st.from_regex(r"[1-3]\d{5}/\d{6}", fullmatch=True), max_size=2)
        ),
        "secrecy": draw(_maybe(_label("secrecy"))),
    }
    return Resource.model_validate(data)


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    n = draw(st.integers(1, 8))  # an empty catalog is tested on its own; 8 spans merged rows
    codes = [f"30700{k % 10}/{k:06d}" for k in range(n)]
    info = CatalogInfo(
        name=draw(_maybe(TEXT)),  # type: ignore[arg-type]
        publisher=draw(_maybe(TEXT)),  # type: ignore[arg-type]
        issued=draw(_maybe(DATES)),  # type: ignore[arg-type]
    )
    return Catalog(catalog=info, resources=tuple(draw(resources(c)) for c in codes))


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(catalog=catalogs(), merge=st.booleans())
def test_workbook_round_trip(catalog: Catalog, merge: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.xlsx"
        write_workbook(path, PACK, catalog, merge=merge)
        assert load_catalog(path, pack=PACK) == catalog


@_SETTINGS
@given(catalog=catalogs())
def test_xml_round_trip(catalog: Catalog) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.xml"
        write_xml(catalog, path, PACK)
        assert load_catalog(path, pack=PACK) == catalog


def test_the_pack_fixture_is_the_strategies_pack(pack: Pack) -> None:
    assert pack.ref == PACK.ref


def test_empty_catalog_round_trip(tmp_path: Path) -> None:
    empty = Catalog(catalog=CatalogInfo(name="空目录"), resources=())
    write_workbook(tmp_path / "c.xlsx", PACK, empty)
    write_xml(empty, tmp_path / "c.xml", PACK)
    assert load_catalog(tmp_path / "c.xlsx", pack=PACK) == empty
    assert load_catalog(tmp_path / "c.xml", pack=PACK) == empty
