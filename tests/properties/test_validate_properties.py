"""Properties: arbitrary JSON never crashes the validator; model → JSON → model is lossless."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog.io.json_reader import read_json_text
from govcatalog.loading import record_to_resource
from govcatalog.model import Catalog, DataType, Resource, ShareType
from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer

PACK = get_pack()
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)
field_keys = st.sampled_from(
    [
        "name",
        "code",
        "share",
        "items",
        "信息资源名称",
        "共享类型",
        "发布日期",
        "format",
        "related_codes",
        "open",
    ]
)
resource_like = st.dictionaries(field_keys | st.text(max_size=4), json_values, max_size=8)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    doc=st.one_of(
        json_values,
        st.fixed_dictionaries({"resources": st.lists(resource_like | json_values, max_size=4)}),
    )
)
def test_arbitrary_json_always_yields_a_report(doc: object, tmp_path_factory: object) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    report = validate(read_json_text(text, "x.json"), pack=PACK, options=OPTIONS)
    for f in report:
        assert f.code in PACK.codebook
        assert f.message_zh and f.message_en
        assert "{" not in f.message_en or "{" in (f.value or ""), f.message_en


# Placeholders (暂无, NULL …) are read as "not given" by design, so they are not lossless text.
texts = st.text(
    alphabet=st.characters(categories=["Lo", "Nd", "Lu"]), min_size=1, max_size=12
).filter(lambda t: not PACK.value_forms.is_placeholder(t))
items = st.builds(
    dict,
    name=texts,
    data_type=st.sampled_from([d.value for d in DataType]),
    length=st.integers(min_value=1, max_value=4000),
    base_item=st.booleans(),
)
resources = st.builds(
    dict,
    name=texts,
    code=st.from_regex(r"[123][0-9]{5}/[0-9]{1,6}", fullmatch=True),
    provider=texts,
    abstract=texts,
    items=st.lists(items, max_size=5),
    share=st.builds(
        dict, share_type=st.sampled_from([s.value for s in ShareType]), share_condition=texts
    ),
    update_cycle=st.sampled_from(
        PACK.vocabulary("update-cycle").labels()
    ),  # the values this pack allows
    publish_date=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)).map(
        dt.date.isoformat
    ),
    related_codes=st.lists(st.from_regex(r"[123][0-9]{5}/[0-9]{1,6}", fullmatch=True), max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(data=st.lists(resources, max_size=4))
def test_model_json_model_is_lossless(data: list[dict[str, object]]) -> None:
    catalog = Catalog(resources=tuple(Resource.model_validate(r) for r in data))
    text = json.dumps(catalog.to_json_dict(), ensure_ascii=False)
    assert Catalog.model_validate_json(text) == catalog
    # and the validator's reader sees the same resources
    coercer = Coercer(PACK)
    again = []
    for raw in read_json_text(text, "x.json").records:
        out = coercer.resource(raw.data)
        assert out is not None
        again.append(record_to_resource(out.record))
    assert tuple(again) == catalog.resources
