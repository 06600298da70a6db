"""A document giving its catalog facts or its resources twice at its top — one key written twice,
or two of their names — is read as a JSON decoder reads a key written twice: the later member,
and it says the earlier was set aside (GC-S015 for resources, an error, with how many the
earlier lists held; GC-S007 for the facts). Nothing else changes: the findings are those of the
document written with the later member alone, in the place of the first, and that one finding;
the same in JSON (with the fast path and without), YAML and a mapping."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog.io.json_reader import read_json, read_json_text
from govcatalog.io.object_reader import read_object
from govcatalog.io.shape import INFO_KEYS, RESOURCE_KEYS
from govcatalog.io.top_plan import TopMember, plan_top
from govcatalog.io.top_walk import once_each, scan_text, walk_bytes
from govcatalog.packs import get_pack
from govcatalog.records.regime import document_date
from govcatalog.report import Finding, Report
from tests.helpers import resource

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
FACTS = {"name": "测试目录", "region_code": "420600", "issued": "2025-09-12"}
Pairs = list[tuple[str, Any]]


def _json(pairs: Pairs, indent: bool = False) -> str:
    """A JSON object written member by member (a key may come twice)."""
    sep = ",\n " if indent else ", "
    return (
        "{"
        + sep.join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in pairs)
        + "}"
    )


def _yaml(pairs: Pairs) -> str:
    """The same as YAML: each member a line, its value in flow style (JSON)."""
    return "".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in pairs)


def _said(report: Report) -> list[tuple[str, str | None, str]]:
    """The findings without their lines and columns (which move with what is written, also
    where a message names another resource's)."""
    return sorted(_said_of(f) for f in report.findings)


def _said_of(f: Finding) -> tuple[str, str | None, str]:
    return f.code, f.location.pointer, re.sub(r"line \d+", "line …", f.message_en)


def _validate(text: str, form: str) -> Report:
    if form == "yaml":
        return validate(text, fmt="yaml", options=OPTIONS)
    before = os.environ.get("GOVCATALOG_FAST")
    os.environ["GOVCATALOG_FAST"] = "1" if form == "fast" else "0"
    try:
        return validate(text.encode(), options=OPTIONS)
    finally:
        if before is None:
            del os.environ["GOVCATALOG_FAST"]
        else:
            os.environ["GOVCATALOG_FAST"] = before


_resources = st.lists(
    st.builds(
        resource,
        code=st.sampled_from(["101001/000001", "101001/000002", "bad"]),
        abstract=st.sampled_from(["全市户籍人口的基本信息", None]),
    ),
    max_size=3,
)
_text = st.text(alphabet='ab:"{}[] 中\\', max_size=3)  # what YAML holds as written, too
_other = st.none() | st.integers() | _text | st.dictionaries(_text, st.integers(), max_size=2)


@st.composite
def _twice(draw: st.DrawFn) -> tuple[Pairs, Pairs, str, str, int]:
    """A document naming its facts or its resources twice, the same with the later member
    alone (in the place of the first), and the code, pointer and count said of it."""
    pairs: Pairs = [("catalog", dict(FACTS)), ("resources", draw(_resources))]
    if draw(st.booleans()):
        pairs.reverse()
    if draw(st.booleans()):
        pairs.insert(draw(st.integers(0, 2)), ("note", draw(_other)))
    facts = draw(st.booleans())
    names = sorted(INFO_KEYS if facts else RESOURCE_KEYS)
    at = next(n for n, (k, _) in enumerate(pairs) if k == ("catalog" if facts else "resources"))
    later = draw(st.sampled_from(names))
    pairs[at] = (later, pairs[at][1])
    # the earlier: facts without a date (else they might fall under another regime: GC-S014),
    # a list of resources, or any value
    earlier_value = draw(
        st.fixed_dictionaries({"name": st.just("旧目录"), "region_code": st.just("999999")})
        if facts
        else _resources
    )
    earlier_value = draw(st.just(earlier_value) | _other)
    where = draw(st.integers(0, at))
    twice = [*pairs[:where], (draw(st.sampled_from(names)), earlier_value), *pairs[where:]]
    plain = [p for p in twice if p is not pairs[at]]
    plain[where] = pairs[at]
    held = len(earlier_value) if isinstance(earlier_value, list) else 0
    code = "GC-S007" if facts else "GC-S015"
    return twice, plain, code, "/" + later, held


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_twice(), st.sampled_from(["fast", "text", "yaml"]), st.booleans())
def test_the_later_member_is_read_and_the_earlier_said_once(
    case: tuple[Pairs, Pairs, str, str, int], form: str, indent: bool
) -> None:
    twice, plain, code, pointer, held = case
    note(f"{twice!r} {form}")
    write = _yaml if form == "yaml" else (lambda p: _json(p, indent))
    report = _validate(write(twice), form)
    [said] = [f for f in report.findings if f.code == code and f.location.pointer == pointer]
    assert said.location.line is not None
    if code == "GC-S015":
        assert f" {held} " in said.message_zh and f"the {held} resources" in said.message_en
    expected = sorted([*_said(_validate(write(plain), form)), _said_of(said)])
    assert _said(report) == expected


@settings(max_examples=30, deadline=None)
@given(_twice())
def test_a_mapping_naming_a_thing_under_two_names_is_read_alike(
    case: tuple[Pairs, Pairs, str, str, int],
) -> None:
    twice, plain, code, pointer, _ = case
    keys = [k for k, _ in twice]
    if len(set(keys)) < len(keys):
        return  # a mapping cannot hold a key twice
    report = validate(dict(twice), options=OPTIONS)
    [said] = [f for f in report.findings if f.code == code]
    assert said.location.pointer == pointer and said.location.line is None
    assert _said(report) == sorted([*_said(validate(dict(plain), options=OPTIONS)), _said_of(said)])


# ---------------------------------------------------------------- where and what is said

RESOURCES_TWICE = _json(
    [
        ("catalog", FACTS),
        ("resources", [resource(code="101001/000001"), resource(code="101001/000002")]),
        ("resources", [resource(code="101001/000003")]),
    ],
    indent=True,
)


def test_resources_given_twice_are_an_error_at_the_later_key(reader: str) -> None:
    report = validate(RESOURCES_TWICE.encode(), options=OPTIONS)
    [said] = [f for f in report.findings if f.code == "GC-S015"]
    assert said.severity.value == "error"
    assert (said.location.pointer, said.location.line, said.location.column) == (
        "/resources",
        3,
        RESOURCES_TWICE.splitlines()[2].index("[") + 1,
    )
    assert "2 条信息资源未读取" in said.message_zh
    assert "the 2 resources listed before it are neither read nor checked" in said.message_en
    assert report.stats.resources == 1
    assert not report.conforms


def test_three_lists_say_what_the_two_before_the_last_held() -> None:
    members = [
        TopMember("resources", 2),
        TopMember("catalog", None),
        TopMember("信息资源", 3),
        TopMember("resources", 1, 9, 4),
    ]
    plan = plan_top(members)
    assert (plan.resources, plan.resources_at, plan.info, plan.info_at) == (3, 0, 1, 1)
    assert plan.aside == {0, 2}
    [problem] = plan.problems
    assert (problem.code, problem.pointer, problem.line, problem.column) == (
        "GC-S015",
        "/resources",
        9,
        4,
    )
    assert problem.params == {"count": 5}


def test_facts_given_twice_are_read_from_the_later_before_the_resources(reader: str) -> None:
    # The later facts are read where the first are written: before the resources, so that
    # their date decides the regime, as a JSON decoder would give it.
    text = _json(
        [
            ("catalog", {**FACTS, "issued": "2024-05-01"}),
            ("resources", [resource()]),
            ("目录", FACTS),
        ]
    )
    pack = get_pack("gb-1272@^1")
    doc = read_json(text.encode(), "x.json", pack, once=None)
    assert document_date(doc, pack) == dt.date(2025, 9, 12)
    report = validate(text.encode(), options=OPTIONS)
    assert [(f.code, f.location.pointer) for f in report.findings if f.code == "GC-S007"] == [
        ("GC-S007", "/目录")
    ]
    assert "2025-09-12" in report.regime_en
    # the earlier facts' date, under another regime, is said where it is written
    assert [f.location.column for f in report.findings if f.code == "GC-S014"] == [
        text.index("2024-05-01")
    ]


def test_a_yaml_document_says_it_as_json_does() -> None:
    text = _yaml(json.loads(json.dumps([list(p) for p in _pairs(RESOURCES_TWICE)])))
    report = validate(text, fmt="yaml", options=OPTIONS)
    [said] = [f for f in report.findings if f.code == "GC-S015"]
    assert (said.location.pointer, said.location.line, said.location.column) == (
        "/resources",
        3,
        len('"resources": ') + 1,
    )


def _pairs(text: str) -> Pairs:
    return json.loads(text, object_pairs_hook=list)  # type: ignore[no-any-return]


def test_a_mapping_names_its_resources_twice_without_a_line() -> None:
    doc = {"resources": [resource(abstract=None)], "信息资源": [resource()]}
    source = read_object(doc)
    assert [r.pointer for r in source.records] == ["/信息资源/0"]
    [problem] = source.problems
    assert (problem.code, problem.pointer, problem.params) == ("GC-S015", "/信息资源", {"count": 1})


def test_a_mapping_naming_its_facts_twice_compares_their_dates() -> None:
    doc = {
        "catalog": {"issued": "2025-06-01"},
        "resources": [resource()],
        "目录": {"issued": "2025-09-12"},
    }
    report = validate(doc, options=OPTIONS)
    assert sorted(
        (f.code, f.location.pointer) for f in report.findings if f.code in ("GC-S007", "GC-S014")
    ) == [("GC-S007", "/目录"), ("GC-S014", "/catalog/issued")]


# ---------------------------------------------------------------- API response envelopes


def _envelope(*members: str) -> str:
    return '{"code": 200, ' + ", ".join(members) + "}"


R = json.dumps(resource(), ensure_ascii=False)
R_BAD = json.dumps(resource(abstract=None), ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "pointer", "held"),
    [
        (
            _envelope(f'"data": {{"list": [{R_BAD}, {R_BAD}]}}', f'"data": {{"list": [{R}]}}'),
            "/data",
            2,
        ),
        (_envelope(f'"data": {{"list": [{R_BAD}], "total": 1, "list": [{R}]}}'), "/data/list", 1),
        (_envelope(f'"data": {{"\\u006cist": [{R_BAD}], "list": [{R}]}}'), "/data/list", 1),
        (
            _envelope(f'"data": {{"list": [{R}]}}, "data": {{"list": [{R}], "list": [{R}]}}'),
            "/data/list",
            1,
        ),
    ],
    ids=["the envelope twice", "its list twice", "its list twice, escaped", "both"],
)
def test_an_envelope_giving_its_records_twice_reads_the_later(
    reader: str, text: str, pointer: str, held: int
) -> None:
    report = validate(text.encode(), options=OPTIONS)
    said = [f for f in report.findings if f.code == "GC-S015"]
    assert pointer in [f.location.pointer for f in said]
    assert any(f"the {held} resources" in f.message_en for f in said)
    assert report.stats.resources == 1
    assert not [f for f in report.findings if f.code == "GC-F001"]  # the earlier are not read


def test_an_envelope_giving_each_key_once_says_nothing(reader: str) -> None:
    text = _envelope(f'"data": {{"total": 1, "list": [{R}], "tags": [{{"t": "list"}}]}}')
    report = validate(text.encode(), options=OPTIONS)
    assert not [f for f in report.findings if f.code == "GC-S015"]
    assert report.stats.resources == 1


# ---------------------------------------------------------------- the top-level members


def test_the_bytes_walk_gives_each_key_once_or_nothing() -> None:
    import msgspec

    assert walk_bytes(b'{"a": 1, "b": [2]}', msgspec) is not None
    assert walk_bytes(b" { } ", msgspec) == []
    for twice in (
        b'{"a": 1, "a": 1}',  # the walk reads one member, and the object goes on
        b'{"a": 1, "a": 2}',
        b'{"a": 1, "b": 2, "a": 3}',
        b'{"a": "}", "a": 1}',  # the later value's length ends in the earlier: a "}" there
        b'{"catalog": {"x": 1}, "resources": [], "catalog": {"x": 2}}',  # of one length
        b'{"\\u0061": 1, "a": 2}',
    ):
        assert walk_bytes(twice, msgspec) is None, twice
        assert not once_each(twice)
    assert once_each(b'\xef\xbb\xbf{"a": 1}')  # after a byte-order mark
    assert not once_each(b'{"a": NaN}')  # msgspec cannot tell: the text is scanned


def test_the_text_scan_gives_every_member_as_written() -> None:
    text = ' {"a": [1, {"b": 2}], "a": 3, "c": []} '
    members = scan_text(text, 1)
    assert members is not None
    assert [(m.key, text[m.start : m.end], m.size) for m in members] == [
        ("a", '[1, {"b": 2}]', 2),
        ("a", "3", None),
        ("c", "[]", 0),
    ]
    for broken in ('{"a": [1 2]}', '{"a": tru}', '{"a": 1', '{"a": 1} x', '{"a": 1,}'):
        assert scan_text(broken, 0) is None, broken


def test_a_syntax_error_is_said_where_the_streaming_reader_says_it() -> None:
    text = '{"resources": [{"name": "a"}], "resources": [{"name": "b"}, {]}'
    with pytest.raises(Exception, match="JSON syntax error") as raised:
        list(read_json_text(text, "x.json").records)
    assert getattr(raised.value, "column", None) == text.index("{]") + 2


# ---------------------------------------------------------------- a date key written twice


def _dated_twice(earlier: str, later: str, form: str) -> str:
    """A catalog whose facts write ``issued`` twice, on one line (JSON) or on two (YAML)."""
    resources = json.dumps([resource()], ensure_ascii=False)
    if form == "yaml":
        return (
            f"catalog:\n  name: 测试目录\n  issued: '{earlier}'\n  issued: '{later}'\n"
            f"resources: {resources}\n"
        )
    facts = f'{{"name": "测试目录", "issued": "{earlier}", "issued": "{later}"}}'
    return f'{{"catalog": {facts}, "resources": {resources}}}'


@pytest.mark.parametrize(
    ("earlier", "later", "split"),
    [
        ("2025-06-01", "2025-09-12", True),
        ("2025-08-05", "2025-09-12", False),
        ("2025-09-12", "2025-06-01", True),
        ("2024-01-01", "2025-07-31", False),
    ],
)
@pytest.mark.parametrize("form", ["fast", "text", "yaml"])
def test_a_date_key_written_twice_is_compared_as_two_keys_are(
    earlier: str, later: str, split: bool, form: str
) -> None:
    text = _dated_twice(earlier, later, form)
    report = _validate(text, form)
    said = [f for f in report.findings if f.code == "GC-S014"]
    [again] = [f for f in report.findings if f.code == "GC-S007"]
    assert (again.location.pointer, again.value) == ("/catalog/issued", "issued")
    assert report.regime_en is not None and later in report.regime_en
    if not split:
        assert said == []
        return
    [s014] = said
    assert (s014.location.pointer, s014.value) == ("/catalog/issued", earlier)
    if form == "yaml":
        assert (s014.location.line, again.location.line) == (3, 4)
    else:  # at the earlier value, the later's finding at the later
        assert s014.location.column == text.index(earlier)
        assert again.location.column == text.index(later)
    assert f"{later} is the one taken" in s014.message_en
