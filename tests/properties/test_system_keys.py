"""A catalog written the way catalog systems export it — camelCase or snake_case keys of their
entity classes (resourceName, shareType, shared_type …), the resources in an API envelope
(data/list, data/records, rows), the data items under the system's own list key, the share and
open attributes flat in the resource or nested in their group — is the same catalog, with the
same findings (code, pointer as written in the file, message), as that catalog written with
govcatalog's canonical keys. And it is read as the national catalog, never as a portal export.

The expected pointers are derived from the canonical file's: each element maps to the key the
system form wrote it under; an element the form did not write is named like its siblings — by
its Chinese element name inside an object written with other keys than govcatalog's own (or in
the resource, for a group written flat), else by its canonical key.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, load_catalog, validate
from govcatalog.packs import get_pack

PACK = get_pack("gb-1272")
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
FIELDS = PACK.fields

_MISSING = object()
"""An element the catalog does not give."""

# Values as catalogs write them, good and bad; none is a code (1, 2, 3), whose reading depends
# on the key by design (tests/unit/test_system_keys.py).
_VALUES: dict[str, list[Any]] = {
    "name": ["常住人口基本信息", "企业登记信息", "暂无", "名" * 60],
    "code": ["101001/00000{n}", "401001/{n}", "10100100000{n}", "３０３００５／０００{n}"],
    "provider": ["襄阳市公安局", "市市场监督管理局", ""],
    "provider_code": ["11420600011060017B", "91350100M000100Y43", "12345"],
    "abstract": ["全市户籍人口的基本信息", "无"],
    "format.format_class": ["数据库", "电子表格", "其他", "光盘"],
    "format.format_types": [["oracle"], ["xls", "csv"], "mysql", "xls,csv", []],
    "format.other_description": ["专用格式"],
    "share.share_type": ["无条件共享", "有条件共享", "不予共享", "条件共享", "部分共享"],
    "share.share_condition": ["仅用于行政审批", "", "无"],
    "share.share_mode_class": ["共享平台方式", "介质方式", "共享平台方式/文件", "网盘"],
    "share.share_mode_type": ["接口", "文件", "邮件"],
    "open.open_to_public": [True, False, "是", "否", "有条件开放", "Y", "可能"],
    "open.open_condition": ["无条件开放", "注册后下载", "暂无"],
    "update_cycle": ["每日", "每年", "年", "不定期", "每两天"],
    "publish_date": ["2024-06-01", "2024/06/01", "2024-13-01", "2099-01-01"],
    "related_codes": [["101001/000009"], ["401001/1"]],
    "items.name": ["公民身份号码", "姓名", ""],
    "items.data_type": ["字符型", "varchar2(50)", "日期型", "C", "文字型"],
    "items.length": [18, "50", "18位", 0, "长"],
}
_GROUPS = ("format", "share", "open")
_TOP = ("name", "code", "provider", "provider_code", "abstract", "update_cycle", "publish_date")
_ENVELOPES: list[tuple[str, ...]] = [("data", "list"), ("data", "records"), ("rows",), ()]


def _present(value: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from([_MISSING, *value])


@st.composite
def resources(draw: st.DrawFn, n: int) -> dict[str, Any]:
    """A canonical resource, some of its elements missing or written badly."""
    res: dict[str, Any] = {}
    if draw(st.booleans()):
        res["category"] = {"lei": "基础信息资源目录", "xiang": "国家人口基础信息资源"}
    for fid in (*_TOP, "related_codes"):
        value = draw(_present(_VALUES[fid]))
        if value is not _MISSING:
            res[fid] = value.format(n=n) if isinstance(value, str) else value
    if "name" in res:
        res["name"] = f"{res['name']}{n}"  # distinct: no duplicate-name findings between them
    for group in _GROUPS:
        members = {}
        for spec in FIELDS.children(group):
            value = draw(_present(_VALUES.get(spec.id, [])))
            if value is not _MISSING:
                members[spec.key] = value
        if members or draw(st.booleans()):
            res[group] = members
    if draw(st.booleans()):
        res["items"] = [
            {
                spec.key: value
                for spec in FIELDS.children("items")
                if spec.id in _VALUES
                and (value := draw(_present(_VALUES[spec.id]))) is not _MISSING
            }
            for _ in range(draw(st.integers(0, 2)))
        ]
    return res


@dataclass
class Layout:
    """How one resource was written by the system: canonical pointer → written pointer of
    every key written, the objects written with keys other than govcatalog's own, and the
    groups written flat in the resource."""

    written: dict[str, str] = field(default_factory=dict)
    foreign: set[str] = field(default_factory=set)
    flat: set[str] = field(default_factory=set)

    def pointer(self, canonical: str) -> str:
        """Where the system form says ``canonical`` is (within its resource)."""
        if canonical == "" or canonical in self.written:
            return self.written.get(canonical, "")
        head, _, tail = canonical.rpartition("/")
        field_id = ".".join(p for p in canonical.split("/") if p and not p.isdigit())
        zh = FIELDS.get(field_id).zh if FIELDS.has(field_id) else tail
        if head in self.flat:
            return f"/{zh}"
        return self.pointer(head) + "/" + (zh if head in self.foreign else tail)


def _write_object(
    canonical: dict[str, Any], scope: str | None, cpath: str, wpath: str, keys: Any, out: Layout
) -> dict[str, Any]:
    """``canonical`` (the members of ``scope``) under the system keys ``keys`` chooses."""
    written: dict[str, Any] = {}
    for key, value in canonical.items():
        fid = key if scope is None else f"{scope}.{key}"
        spec = FIELDS.get(fid)
        name = keys(spec)
        written[name] = value
        out.written[f"{cpath}/{key}"] = f"{wpath}/{name}"
        if name != key:
            out.foreign.add(cpath)
    return written


def system_form(res: dict[str, Any], keys: Any, flat: Any) -> tuple[dict[str, Any], Layout]:
    """``res`` as a catalog system writes it, and where it wrote what."""
    out = Layout()
    top = {k: v for k, v in res.items() if k not in (*_GROUPS, "items")}
    written = _write_object(top, None, "", "", keys, out)
    for group in _GROUPS:
        if group not in res:
            continue
        members = res[group]
        if members and flat(group):  # the group's members written flat in the resource
            out.flat.add(f"/{group}")
            out.foreign.add("")
            for key, value in members.items():
                name = keys(FIELDS.get(f"{group}.{key}"))
                written[name] = value
                out.written[f"/{group}/{key}"] = f"/{name}"
            continue
        name = keys(FIELDS.get(group)) if FIELDS.get(group).system_keys else group
        out.written[f"/{group}"] = f"/{name}"
        out.foreign.update([""] if name != group else [])
        written[name] = _write_object(members, group, f"/{group}", f"/{name}", keys, out)
    if "items" in res:
        name = keys(FIELDS.get("items"))
        out.written["/items"] = f"/{name}"
        out.foreign.add("")
        written[name] = [
            _write_object(item, "items", f"/items/{i}", f"/{name}/{i}", keys, out)
            for i, item in enumerate(res["items"])
        ]
        for i in range(len(res["items"])):
            out.written[f"/items/{i}"] = f"/{name}/{i}"
    return written, out


def _wrap(records: list[dict[str, Any]], envelope: tuple[str, ...]) -> object:
    if not envelope:
        return records
    doc: object = records
    for key in reversed(envelope):
        doc = {key: doc, "total": len(records)} if key != "data" else {"code": 200, key: doc}
    return doc


def _findings(text: str) -> tuple[list[tuple[str, str, str, str]], str]:
    report = validate(text, options=OPTIONS)
    got = [(f.code, f.location.pointer or "", f.message_zh, f.message_en) for f in report.findings]
    return sorted(got), report.regime_en


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    count=st.integers(1, 3),
    envelope=st.sampled_from(_ENVELOPES),
)
def test_system_keys_give_the_catalog_and_findings_of_canonical_keys(
    data: st.DataObject, count: int, envelope: tuple[str, ...]
) -> None:
    canonical = [data.draw(resources(n)) for n in range(count)]

    def keys(spec: Any) -> str:
        return str(data.draw(st.sampled_from(spec.system_keys))) if spec.system_keys else spec.key

    def flat(group: str) -> bool:
        return bool(data.draw(st.booleans(), label=f"{group} flat"))

    layouts: list[Layout] = []
    records = []
    for res in canonical:
        written, layout = system_form(res, keys, flat)
        records.append(written)
        layouts.append(layout)
    plain = json.dumps({"resources": canonical}, ensure_ascii=False)
    system = json.dumps(_wrap(records, envelope), ensure_ascii=False)

    prefix = "".join(f"/{k}" for k in envelope)
    expected = []
    plain_findings, plain_regime = _findings(plain)
    for code, pointer, message_zh, message_en in plain_findings:
        _, _, index, rest = (
            pointer.split("/", 3) if pointer.count("/") >= 3 else [*pointer.split("/"), ""]
        )
        where = layouts[int(index)].pointer(f"/{rest}" if rest else "")
        zh, en = message_zh, message_en
        if code == "GC-S007":  # "given twice (the key as written)"
            canon, written = pointer.rpartition("/")[2], where.rpartition("/")[2]
            zh = zh.replace(f"（{canon}）", f"（{written}）")
            en = en.replace(f"({canon})", f"({written})")
        expected.append((code, f"{prefix}/{index}{where}", zh, en))
    got, regime = _findings(system)
    event(f"envelope {'/'.join(envelope) or 'bare list'}")
    for group in sorted({g for layout in layouts for g in layout.flat}):
        event(f"{group} written flat")
    for code in sorted({c for c, *_ in expected}):
        event(f"finding {code}")
    assert got == sorted(expected)
    assert "gb-1272@" in regime and "gb-1272@" in plain_regime  # never a portal export
    assert load_catalog(system).resources == load_catalog(plain).resources
