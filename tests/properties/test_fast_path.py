"""The fast path (msgspec) changes nothing but speed: fast == full, finding for finding.

Catalogs are the benchmark generator's (every defect kind), and hypothesis-made variants of
them: values replaced by anything JSON can hold, placeholders, blanks, other date forms,
Chinese and unknown keys, keys removed, facts before or after the resources, keys written
twice at any depth, the facts or the resources given twice (under one key or two). Each is
validated and loaded with the fast path and with it turned off (``GOVCATALOG_FAST=0``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, load_catalog, validate
from govcatalog.packs import get_pack
from govcatalog.records import fast_texts as fast_texts_module
from govcatalog.records.fast import FastDocument, fast_reader, open_fast
from govcatalog.records.fast_json import spans
from govcatalog.report import Report
from tests.helpers import fast_path
from tests.integration.test_benchmark_data import _generator

pytest.importorskip("msgspec")

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
PACKS = ("gb-1272@^1", "example-province@^1", "sharing-2025@^1")


def _both(data: bytes, pack: str | None = "gb-1272@^1") -> tuple[Report, Report]:
    with fast_path(True):
        fast = validate(data, pack=pack, options=OPTIONS)
    with fast_path(False):
        full = validate(data, pack=pack, options=OPTIONS)
    return fast, full


def _same(fast: Report, full: Report) -> None:
    assert fast.findings == full.findings
    assert (fast.stats.resources, fast.stats.items) == (full.stats.resources, full.stats.items)
    assert fast.regime_en == full.regime_en


def _catalog(count: int, seed: int) -> dict[str, Any]:
    out = io.StringIO()
    _generator().generate(out, count, seed=seed)
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


BASE = _catalog(120, 15)


@pytest.mark.parametrize("pack", PACKS)
def test_generated_catalogs_with_every_defect_give_the_same_findings(pack: str) -> None:
    out = io.StringIO()
    _generator().generate(out, 200, seed=3)
    data = out.getvalue().encode()
    fast, full = _both(data, pack)
    assert len(full.findings) > 100
    _same(fast, full)


def test_the_texts_remembered_as_plain_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts seen plain are remembered up to a bound, then forgotten: every resource is still
    taken exactly when the coercer takes it as written."""
    monkeypatch.setattr(fast_texts_module, "REMEMBERED", 5)
    pack = get_pack("gb-1272@^1")
    data = json.dumps(BASE, ensure_ascii=False).encode()
    with fast_path(True):
        reader = fast_reader(pack)
        doc = open_fast(data, pack, fmt=None, name="x.json")
    assert reader is not None and isinstance(doc, FastDocument) and doc.shape is not None
    plain = reader._texts._plain
    plain.clear()
    plain.add(None)
    sizes = set()
    for index, _, _, view in spans(doc.buf, doc.shape):
        full = reader.coercer.resource(BASE["resources"][index])
        assert full is not None
        assert (reader.read(view) is not None) == (not full.hits and not full.renames)
        sizes.add(len(plain))
        assert None in plain
    assert max(sizes) == 5  # the bound, None included


def test_every_resource_the_coercer_takes_as_written_takes_the_fast_path() -> None:
    pack = get_pack("gb-1272@^1")
    data = json.dumps(BASE, ensure_ascii=False).encode()
    with fast_path(True):
        reader = fast_reader(pack)
        doc = open_fast(data, pack, fmt=None, name="x.json")
    assert reader is not None
    assert isinstance(doc, FastDocument)
    assert doc.shape is not None
    clean = taken = 0
    for index, _, _, view in spans(doc.buf, doc.shape):
        full = reader.coercer.resource(BASE["resources"][index])
        assert full is not None
        fast = reader.read(view)
        if not full.hits and not full.renames:
            clean += 1
            assert fast is not None, BASE["resources"][index]
            assert fast[1] is not None
            assert fast[1].record == full.record
        taken += fast is not None
    assert clean == taken > len(BASE["resources"]) // 2


def test_without_the_fast_path_nothing_is_opened_fast() -> None:
    with fast_path(False):
        assert fast_reader(get_pack("gb-1272@^1")) is None


def test_the_fast_path_is_on_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVCATALOG_FAST", raising=False)
    assert fast_reader(get_pack("gb-1272@^1")) is not None
    for off in ("0", "off", "False"):
        monkeypatch.setenv("GOVCATALOG_FAST", off)
        assert fast_reader(get_pack("gb-1272@^1")) is None


def test_without_msgspec_every_record_takes_the_full_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(BASE, ensure_ascii=False), encoding="utf-8")
    monkeypatch.delenv("GOVCATALOG_FAST", raising=False)
    fast = validate(path, options=OPTIONS)
    monkeypatch.setitem(sys.modules, "msgspec", None)  # as if not installed: import fails
    assert fast_reader(get_pack("gb-1272@^1")) is None
    assert validate(path, options=OPTIONS).findings == fast.findings


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=5000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(
        [
            "",
            " ",
            "\u3000",
            "暂无",
            "无",
            " NULL ",
            "ｎｕｌｌ",
            "-",
            "2024/03/01",
            "2024-02-30",
            "2024-3-1",
            "20240301",
            "每天",
            "字符串型C",
            "有条件共享",
            "无条件共享",
            "有条件开放",
            "不予开放",
            "数据库/oracle",
            "共享平台方式-数据库",
            "是",
            "否",
            "1",
            "x" * 300,
            "203026/000001",
            "11420622000013346Y",
            "法人",
            "空间地理",
            "社会保障主题",
            "最高人民",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
)
KEYS = [
    "name",
    "code",
    "provider",
    "provider_code",
    "abstract",
    "category",
    "format",
    "share",
    "open",
    "update_cycle",
    "update_note",
    "publish_date",
    "related_codes",
    "secrecy",
    "items",
    "extensions",
    "信息资源名称",
    "共享类型",
    "发布日期",
    "未知字段",
]


@st.composite
def _edit(draw: st.DrawFn, resource: dict[str, Any]) -> None:
    """Change one thing in a resource: a value, a key, a member of a group or an item."""
    target: dict[str, Any] = resource
    groups = [k for k, v in resource.items() if isinstance(v, dict)]
    if groups and draw(st.booleans()):
        target = resource[draw(st.sampled_from(groups))]
    elif resource.get("items") and draw(st.booleans()):
        items = [i for i in resource["items"] if isinstance(i, dict)]
        if items:
            target = draw(st.sampled_from(items))
    how = draw(st.sampled_from(["set", "drop", "rename", "add"]))
    keys = list(target)
    if how == "set" and keys:
        target[draw(st.sampled_from(keys))] = draw(json_values)
    elif how == "drop" and keys:
        del target[draw(st.sampled_from(keys))]
    elif how == "rename" and keys:
        old = draw(st.sampled_from(keys))
        target[draw(st.sampled_from(KEYS))] = target.pop(old)
    else:
        target[draw(st.sampled_from(KEYS))] = draw(json_values)


class _Repeated(dict[str, Any]):
    """An object written with one of its keys twice: ``json.dumps`` writes what ``items``
    gives, an earlier value first; a decoder reads the later, which the dict holds."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs

    def items(self) -> Any:  # type: ignore[override]
        return self.pairs


@st.composite
def _repeats(draw: st.DrawFn, value: Any) -> Any:
    """``value`` with some of its objects, at any depth, giving one of their keys twice."""
    if isinstance(value, list):
        return [draw(_repeats(v)) for v in value]
    if not isinstance(value, dict):
        return value
    pairs = [(k, draw(_repeats(v))) for k, v in value.items()]
    if pairs and draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(pairs) - 1))
        earlier = draw(json_values | st.just(pairs[at][1]) | st.just('a":b'))
        pairs.insert(draw(st.integers(0, at)), (pairs[at][0], earlier))
        return _Repeated(pairs)
    return dict(pairs)


@st.composite
def _top_repeats(draw: st.DrawFn, doc: dict[str, Any]) -> _Repeated:
    """``doc`` with one more member naming its facts or its resources, under the same key or
    another of their names, before or after the one it has: a list of resources, facts with
    another date, or anything JSON holds."""
    pairs = list(doc.items())
    facts = draw(st.booleans())
    key = draw(st.sampled_from(["catalog", "目录"] if facts else ["resources", "信息资源"]))
    if facts:
        other: Any = {
            **BASE["catalog"],
            "issued": draw(st.sampled_from(["2024-05-01", "2025-09-12"])),
        }
    else:
        other = copy.deepcopy(draw(st.lists(st.sampled_from(BASE["resources"]), max_size=3)))
    pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(st.just(other) | json_values)))
    return _Repeated(pairs)


@st.composite
def catalogs(draw: st.DrawFn) -> bytes:
    picked = draw(st.lists(st.sampled_from(BASE["resources"]), min_size=0, max_size=4))
    resources = copy.deepcopy(picked)
    for resource in resources:
        for _ in range(draw(st.integers(0, 3))):
            draw(_edit(resource))
    if draw(st.booleans()):
        resources.append(draw(json_values))
    facts = copy.deepcopy(BASE["catalog"])
    if draw(st.booleans()):
        facts["issued"] = draw(st.sampled_from(["2024-05-01", "2025-09-01", "2025/09/01"]))
    doc = (
        {"catalog": facts, "resources": resources}
        if draw(st.booleans())
        else {"resources": resources, "catalog": facts}
    )
    if draw(st.booleans()):
        doc = draw(_top_repeats(doc))
    if draw(st.booleans()):
        doc = draw(_repeats(doc))
    indent = draw(st.sampled_from([None, 1, 2]))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), indent=indent)
    return text.encode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=catalogs())
def test_fast_equals_full_on_edited_catalogs(data: bytes) -> None:
    fast, full = _both(data, pack=None)  # the regime from the catalog's own date
    _same(fast, full)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=catalogs())
def test_loading_is_the_same_on_the_fast_path(data: bytes) -> None:
    with fast_path(True):
        fast = _outcome(data)
    with fast_path(False):
        full = _outcome(data)
    assert fast == full


def _outcome(data: bytes) -> object:
    """The loaded catalog, or the kind and text of the error loading it raised."""
    try:
        return load_catalog(data)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _resource() -> bytes:
    return json.dumps(BASE["resources"][0], ensure_ascii=False).encode()


ODD_SHAPES = {
    "not utf-8 in a later resource": b'{"resources": [' + _resource() + b', {"name": "\xd7\xd6"}]}',
    "not utf-8 in the facts": b'{"resources": [], "catalog": {"name": "\xd7"}}',
    "byte-order mark": b"\xef\xbb\xbf" + b'{"resources": [' + _resource() + b"]}",
    "nested too deeply": b'{"resources": ['
    + _resource()
    + b", "
    + b"[" * 5000
    + b"]" * 5000
    + b"]}",
    "top-level list": b"[" + _resource() + b"]",
    "resources twice": b'{"resources": [' + _resource() + b'], "resources": []}',
    "resources not a list": b'{"resources": {"a": 1}}',
    "no resources": b'{"catalog": {"name": "x"}}',
    "NaN": b'{"resources": [{"name": NaN}]}',
    "API envelope": b'{"code": 200, "data": {"list": [' + _resource() + b"]}}",
    "envelope and resources": b'{"data": {"list": [' + _resource() + b']}, "resources": []}',
    "syntax error": b'{"resources": [' + _resource() + b", {]}",
    "lone surrogate": b'{"resources": [{"name": "\\ud800"}]}',
    "number out of range": b'{"resources": [' + _resource() + b', {"name": 1e400, "x": -1E999}]}',
    "long integer": b'{"resources": [{"name": "x", "items": [{"length": 123456789012345678901234567890}]}]}',
    "escapes": b'{"resources": [{"name": "\\u0041\\n\\ud83d\\ude00\\/", "x": -0, "y": 1.5e-7}]}',
    "facts after the resources": b'{"resources": ['
    + _resource()
    + b'], "catalog": {"issued": "2025-09-01"}}',
    "keys given twice": b'{"catalog": {"issued": "2024-01-01", "issued": "2025-09-01"}, '
    + b'"resources": ['
    + _resource()[:-1]
    + b', "name": "x", "share": {"share_type": "a", "share_type": "b"}, "zz": {"k": [1], '
    + b'"k": {"a": 1, "a": 2}}, "items": [{"name": "y", "name": "z", "extensions": {"e": 1, '
    + b'"e": 2}}]}, {"\\u0041": 1, "A": 2, "t": "\\":", "u": "\\u003a", "u": 1}]}',
    "a quote and a colon in a text": b'{"resources": ['
    + _resource()[:-1]
    + b', "note": "x\\": y \\": z"}]}',
    "one long line": b'{"resources": ['
    + _resource()
    + b", "
    + _resource().replace(b'"name"', b'"\xe5\x90\x8d\xe7\xa7\xb0"')
    + b"]}",
}


@pytest.mark.parametrize("name", sorted(ODD_SHAPES))
def test_odd_documents_give_the_same_report(name: str) -> None:
    fast, full = _both(ODD_SHAPES[name], pack=None)
    _same(fast, full)


@pytest.mark.parametrize(
    "text",
    [
        "暂无",
        "-",
        "   ",
        "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
        "无 ",
        "不详",
        "姓名",
        "x",
        "暂无" + " " * 6,
        "null\u200b\u200b\u200b",
    ],
)
@pytest.mark.parametrize("where", ["abstract", "item name", "share condition"])
def test_a_blank_or_placeholder_text_is_read_as_the_coercer_reads_it(text: str, where: str) -> None:
    # Blank and placeholder texts are told apart after the conversion, in Python: the resource
    # takes the fast path exactly when the coercer would take the text as written.
    pack = get_pack("gb-1272@^1")
    doc = copy.deepcopy(BASE)
    res = next(r for r in doc["resources"] if not pack_hits(pack, r))
    if where == "abstract":
        res["abstract"] = text
    elif where == "item name":
        res["items"][-1]["name"] = text
    else:
        res["share"]["share_condition"] = text
    doc["resources"] = [res]
    with fast_path(True):
        reader = fast_reader(pack)
        opened = open_fast(json.dumps(doc, ensure_ascii=False).encode(), pack, fmt=None, name="x")
    assert reader is not None and isinstance(opened, FastDocument) and opened.shape is not None
    view = next(spans(opened.buf, opened.shape))[3]
    full = reader.coercer.resource(res)
    assert full is not None
    taken = reader.read(view)
    as_written = not full.hits and not full.renames
    if where != "share condition":  # a carefully read field is checked by the coercer itself
        assert (taken is not None) == as_written
    if taken is not None:
        assert as_written and taken[1] is not None
        assert taken[1].record == full.record
    _same(*_both(json.dumps(doc, ensure_ascii=False).encode()))


def pack_hits(pack: Any, res: dict[str, Any]) -> bool:
    found = fast_reader(pack)
    assert found is not None
    out = found.coercer.resource(res)
    return out is None or bool(out.hits or out.renames)
