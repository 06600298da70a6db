"""Values as compilation workbooks write them read as the plain values: the same catalog and the
same findings, each messy value said once (GC-F003) where it is written, on the fast path as on
the full one. Before, each was an error or a warning:

- the apostrophe a spreadsheet user types to keep digits as text (``'101001/000001`` as
  信息资源代码 or 关联资源代码: GC-F005; ``'91350100M000100Y43`` as 信息资源提供方代码: GC-F006);
- a 信息资源格式分类 with 类 after it (``数据库类``, ``电子表格类``: GC-F002);
- a 数据长度 written as a decimal column's precision and scale (``10,2``, ``(10，2)``: GC-F010);
- a 发布日期 saved as a spreadsheet serial number with the time of day (``45352.5``: GC-R009).
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import load_catalog, validate
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY
from tests.helpers import fast_path, resource

OPTIONS = ValidationOptions(today=TODAY)
APOSTROPHES = st.sampled_from(["'", "‘", "’", "`", "＇"])
CLASSES = ["电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口", "其他"]
SERIAL_DAY = 45352  # 2024-03-01


def _catalog(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"catalog": {"name": "测试目录"}, "resources": list(resources)}


def _clean() -> dict[str, Any]:
    """Two resources, the second related to the first, with a decimal item."""
    first = resource()
    second = resource(
        code="101001/000002",
        name="户籍人口变动信息",
        related_codes=["101001/000001"],
        items=[{"name": "金额", "data_type": "数值型", "length": 10}],
    )
    return _catalog(first, second)


@st.composite
def messy(draw: st.DrawFn) -> tuple[dict[str, Any], set[str]]:
    """The clean catalog with some of its values written as workbooks write them, and the
    pointers of the values so written."""
    doc = _clean()
    first, second = doc["resources"]
    said: set[str] = set()

    def typed(value: str) -> str:
        return draw(APOSTROPHES) + value

    if draw(st.booleans()):
        first["code"] = typed(first["code"])
        said.add("/resources/0/code")
    if draw(st.booleans()):
        first["provider_code"] = typed(first["provider_code"])
        said.add("/resources/0/provider_code")
    if draw(st.booleans()):
        second["related_codes"] = [typed(second["related_codes"][0])]
        said.add("/resources/1/related_codes/0")
    if draw(st.booleans()):
        cls = draw(st.sampled_from(CLASSES))
        first["format"]["format_class"] = cls + "类"
        doc["clean_class"] = cls
        said.add("/resources/0/format/format_class")
    if draw(st.booleans()):
        precision = draw(st.integers(1, 38))
        scale = draw(st.integers(0, min(precision, 10)))
        form = draw(
            st.sampled_from(["{p},{s}", "{p}，{s}", "({p},{s})", "（{p}，{s}）", " {p} , {s} "])
        )
        second["items"][0]["length"] = form.format(p=precision, s=scale)
        doc["clean_length"] = precision
        said.add("/resources/1/items/0/length")
    if draw(st.booleans()):
        second["publish_date"] = SERIAL_DAY + draw(st.floats(0.01, 0.99))
        said.add("/resources/1/publish_date")
    return doc, said


def _cleaned(doc: dict[str, Any]) -> dict[str, Any]:
    """The clean catalog with the class and length the messy one names."""
    clean = _clean()
    if "clean_class" in doc:
        clean["resources"][0]["format"]["format_class"] = doc["clean_class"]
    if "clean_length" in doc:
        clean["resources"][1]["items"][0]["length"] = doc["clean_length"]
    return clean


def _seen(source: object) -> list[tuple[str, str | None, str]]:
    report = validate(source, options=OPTIONS)
    return sorted((f.code, f.location.pointer, f.message_en) for f in report.findings)


@settings(max_examples=40, deadline=None)
@given(case=messy())
def test_a_value_as_workbooks_write_it_reads_as_the_plain_value(
    case: tuple[dict[str, Any], set[str]],
) -> None:
    doc, said = case
    written = {k: v for k, v in doc.items() if not k.startswith("clean_")}
    clean = _cleaned(doc)
    assert load_catalog(copy.deepcopy(written)) == load_catalog(clean)
    seen = _seen(written)
    notes = [(code, at) for code, at, _ in seen if code == "GC-F003"]
    assert sorted(notes) == sorted(("GC-F003", at) for at in said)
    others = [f for f in seen if f[0] != "GC-F003"]
    assert others == _seen(clean)
    data = json.dumps(written, ensure_ascii=False).encode()
    with fast_path(True):
        fast = validate(data, options=OPTIONS)
    with fast_path(False):
        full = validate(data, options=OPTIONS)
    assert fast.findings == full.findings


@settings(max_examples=30, deadline=None)
@given(thousands=st.integers(1, 99), rest=st.integers(0, 999))
def test_a_length_with_a_thousands_separator_is_not_read_as_a_precision(
    thousands: int, rest: int
) -> None:
    """``4,000`` is no precision and scale (the scale has at most two digits): it stays
    GC-F010, as does ``10.2``, which may as well be a mistyped length."""
    for length in (f"{thousands},{rest:03d}", f"{thousands}.2", f"1,{thousands + 1}"):
        if length.startswith("1,") and thousands + 1 > 99:
            continue
        doc = _catalog(resource(items=[{"name": "金额", "data_type": "数值型", "length": length}]))
        codes = [f.code for f in validate(doc, options=OPTIONS).findings]
        assert codes == ["GC-F010"], length


def test_an_apostrophe_inside_a_text_is_part_of_it() -> None:
    """Only an apostrophe before digits (and a code's letters) is taken for the one typed to
    keep them as text: a name that starts with one keeps it."""
    doc = _catalog(resource(name="'户籍'人口", provider="’示例市公安局"))
    read = load_catalog(doc).resources[0]
    assert (read.name, read.provider) == ("'户籍'人口", "’示例市公安局")
    assert not validate(doc, options=OPTIONS).findings


@settings(max_examples=30, deadline=None)
@given(
    moment=st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2025, 12, 31)),
    amount=st.decimals(places=2, min_value=0, max_value=10**6, allow_nan=False),
)
def test_a_value_in_a_message_is_written_as_its_reader_wrote_it(
    moment: dt.datetime, amount: decimal.Decimal
) -> None:
    """A spreadsheet's date-and-time cell, a date, a decimal, said in a finding, are written as
    a spreadsheet shows them (2024-03-01 09:30), never as Python spells them."""
    doc = _catalog(resource(publish_date=moment, name=moment.date(), abstract=amount))
    findings = validate(doc, options=OPTIONS).findings
    assert findings
    for f in findings:
        for text in (f.message_zh, f.message_en, f.value or ""):
            assert "datetime" not in text
            assert "Decimal(" not in text
    (date_note,) = [f for f in findings if f.location.pointer == "/resources/0/publish_date"]
    whole = (moment + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    assert date_note.value == whole.strftime(
        "%Y-%m-%d %H:%M:%S" if whole.second else "%Y-%m-%d %H:%M"
    )
