"""A data item's 数据类型 written as a column's SQL type with its size (varchar2(50),
NUMBER(10,2), char（18）) reads as the type, the size giving 数据长度 where it is not given —
in the item it was written in (GC-F003). A type the vocabulary does not know stays GC-F002."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer

PACK = get_pack("gb-1272")
VOCAB = PACK.field_vocabulary(PACK.fields.get("items.data_type"))
WRITTEN = sorted(
    {(label, c.label_zh) for c in VOCAB.concepts for label in (c.label_zh, *c.hidden_labels)}
)
_SIZES = st.integers(min_value=1, max_value=4000)


def _items(out: object) -> list[dict[str, object]]:
    return out.record["items"]  # type: ignore[attr-defined, no-any-return]


@given(
    written=st.sampled_from(WRITTEN),
    size=_SIZES,
    scale=st.sampled_from(["", ",2", "，0"]),
    brackets=st.sampled_from([("(", ")"), ("（", "）")]),
    at=st.integers(0, 2),
)
def test_the_size_is_the_items_length(
    written: tuple[str, str], size: int, scale: str, brackets: tuple[str, str], at: int
) -> None:
    label, canonical = written
    items = [{"信息项名称": f"项{i}", "数据类型": "字符型"} for i in range(3)]
    items[at]["数据类型"] = f"{label}{brackets[0]}{size}{scale}{brackets[1]}"
    out = Coercer(PACK).resource({"信息项": items})
    assert out is not None
    got = _items(out)
    assert got[at]["data_type"] == canonical and got[at]["length"] == size
    assert all("length" not in item for i, item in enumerate(got) if i != at)
    assert ("GC-F003", f"/items/{at}/data_type") in [(h.code, h.pointer) for h in out.hits]


@given(written=st.sampled_from(WRITTEN), size=_SIZES, length=_SIZES)
def test_a_length_given_is_kept(written: tuple[str, str], size: int, length: int) -> None:
    item = {"信息项名称": "项", "数据类型": f"{written[0]}({size})", "数据长度": length}
    out = Coercer(PACK).resource({"信息项": [item]})
    assert out is not None
    assert _items(out)[0]["length"] == length


def test_an_unknown_type_with_a_size_is_still_not_in_the_vocabulary() -> None:
    out = Coercer(PACK).resource({"信息项": [{"信息项名称": "项", "数据类型": "foo(3)"}]})
    assert out is not None
    assert ("GC-F002", "/items/0/data_type") in [(h.code, h.pointer) for h in out.hits]
    assert "length" not in _items(out)[0]
