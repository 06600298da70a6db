"""Results survive the trip library → JSON text → library that the service and its client make.

Reports, diffs, scores and resolutions are written as the service writes them, through JSON
text, and read back with the library's constructors; what comes back equals what went out.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import examples
from govcatalog.diff.compare import compare
from govcatalog.diff.load import field_names, side_from_document
from govcatalog.diff.render import to_json_dict
from govcatalog.diff.result import CatalogDiff
from govcatalog.packs.registry import get_pack
from govcatalog.render.documents import resolution_document, resolution_from_document
from govcatalog.report import Finding, Lang, Location, Report, Severity, Stats
from govcatalog.resolve import ResolveIndex, build_index, load_base_pack, resolve
from govcatalog.resolve.bases import BaseDataPack
from govcatalog.resolve.request import DataRequest, Requester, SubjectKey
from govcatalog.resolve.resolver import ResolveOptions
from govcatalog.score import assess
from govcatalog.score.assess import Assessment
from tests.properties.diff_strategies import versions

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(max_size=12)
maybe = st.none() | text
locations = st.builds(
    Location,
    file=maybe,
    resource=maybe,
    pointer=maybe,
    line=st.none() | st.integers(1, 10**6),
    column=st.none() | st.integers(1, 10**4),
    sheet=maybe,
    cell=maybe,
    provider=maybe,
)
findings = st.builds(
    Finding,
    code=st.sampled_from(["GC-R002", "GC-F003", "GC-S001", "GC-X999"]),
    severity=st.sampled_from(list(Severity)),
    message_zh=text,
    message_en=text,
    location=locations,
    hint_zh=text,
    hint_en=text,
    value=maybe,
    clause=text,
)
stats = st.builds(
    Stats,
    files=st.integers(0, 9),
    resources=st.integers(0, 10**5),
    items=st.integers(0, 10**6),
    seconds=st.floats(0, 1e4, allow_nan=False),
    truncated=st.booleans(),
)


def _through_json(data: Any) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


@SETTINGS
@given(
    st.lists(findings, max_size=8),
    stats,
    text,
    text,
    text,
    st.sampled_from(list(Lang)),
)
def test_a_report_comes_back_whole(
    found: list[Finding], counted: Stats, pack: str, zh: str, en: str, lang: Lang
) -> None:
    report = Report.of(found, counted, pack).with_regime(zh, en)
    assert Report.from_dict(_through_json(report.to_dict(lang, bilingual=True))) == report


@SETTINGS
@given(versions(), st.sampled_from(list(Lang)))
def test_a_diff_comes_back_with_the_same_changes_and_texts(
    pair: tuple[dict[str, Any], dict[str, Any]], lang: Lang
) -> None:
    old, new = pair
    names = field_names(get_pack("gb-1272"))
    result = compare(side_from_document(old, "old"), side_from_document(new, "new"), names)
    back = CatalogDiff.from_dict(_through_json(to_json_dict(result, lang)), names)
    assert back == result
    assert (back.old_label, back.new_label) == ("old", "new")
    assert to_json_dict(back, lang) == to_json_dict(result, lang)


@settings(max_examples=6, deadline=None)
@given(
    st.sampled_from(["city", "city-errors", "small"]),
    st.dates(dt.date(2018, 1, 1), dt.date(2030, 12, 31)),
)
def test_an_assessment_comes_back_whole(example: str, today: dt.date) -> None:
    result = assess(examples.path(example), today=today)
    assert Assessment.from_document(_through_json(result.to_document())) == result


@cache
def _resolver() -> tuple[BaseDataPack, ResolveIndex, tuple[str, ...]]:
    bases = load_base_pack()
    names = sorted(
        {i.name for _, c in bases.iter_catalogs() for r in c.resources for i in r.items if i.name}
    )
    return bases, build_index(bases), tuple(names)


@st.composite
def requests(draw: st.DrawFn) -> DataRequest:
    _, _, names = _resolver()
    known = st.sampled_from(names)
    misspelt = st.builds(lambda n, c: n[: len(n) // 2] + c + n[len(n) // 2 :], known, text)
    items = draw(st.lists(known | misspelt | text.filter(str.strip), min_size=1, max_size=6))
    keys = draw(
        st.lists(
            st.sampled_from(["11010519491231002X", "91350100M000100Y43", "123", "110105"]),
            max_size=2,
        )
    )
    return DataRequest(
        Requester(draw(st.sampled_from(["某市民政局", "某区人社局"]))),
        items=tuple(items),
        keys=tuple(SubjectKey(k) for k in keys),
        date=draw(st.none() | st.dates(dt.date(2016, 1, 1), dt.date(2027, 12, 31))),
        basis=draw(st.none() | st.just("《政务数据共享条例》第十九条")),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(), st.floats(50, 100))
def test_a_resolution_comes_back_whole(request: DataRequest, accept: float) -> None:
    bases, index, _ = _resolver()
    options = ResolveOptions(accept=accept, today=dt.date(2026, 3, 2))
    result = resolve(request, index, bases=bases, options=options)
    back = resolution_from_document(_through_json(resolution_document(result, bases.ref)))
    assert back == result
    assert back.to_json_dict() == result.to_json_dict()
