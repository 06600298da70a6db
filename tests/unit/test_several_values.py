"""A cell listing several values of an element that takes one (接口、文件 as the 共享方式类型) is
said as such (GC-F018), not as a value outside the vocabulary (GC-F002)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govcatalog import load_catalog, validate
from govcatalog.packs import get_pack
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY
from tests.helpers import resource, write_catalog

PACK = get_pack("gb-1272")
OPTIONS = ValidationOptions(today=TODAY)
SEPARATORS = ["、", "，", ",", "；", ";", "|", " 、 "]


def _single_valued() -> list[FieldSpec]:
    """The resource's elements that take one value of a vocabulary (outside its 信息项)."""
    table = PACK.fields
    found = []
    for spec in table.resource_fields():
        parent = table.get(spec.parent) if spec.parent else None
        if (
            spec.kind is FieldKind.VOCAB
            and spec.vocabulary
            and (parent is None or parent.kind is FieldKind.GROUP)
        ):
            found.append(spec)
    return found


SINGLE = _single_valued()


def _with(spec: FieldSpec, value: str) -> dict[str, Any]:
    res = resource()
    if spec.parent is None:
        res[spec.key] = value
    else:
        res[PACK.fields.get(spec.parent).key][spec.key] = value
    return res


def _pointer(spec: FieldSpec) -> str:
    if spec.parent is None:
        return f"/resources/0/{spec.key}"
    return f"/resources/0/{PACK.fields.get(spec.parent).key}/{spec.key}"


def test_the_elements_are_found() -> None:
    assert {"share.share_type", "share.share_mode_type", "update_cycle"} <= {s.id for s in SINGLE}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), separator=st.sampled_from(SEPARATORS))
def test_listed_values_are_said_in_place_of_an_unknown_value(
    tmp_path: Path, data: st.DataObject, separator: str
) -> None:
    spec = data.draw(st.sampled_from(SINGLE))
    # 基础信息资源目录|国家人口基础信息资源 is a 类|项 path (its own form, read as such)
    assume(not (spec.id == "category.lei" and separator == "|"))
    labels = list(PACK.field_vocabulary(spec).labels())
    chosen = data.draw(st.lists(st.sampled_from(labels), min_size=2, max_size=3, unique=True))
    listed = validate(
        write_catalog(tmp_path / "listed.json", _with(spec, separator.join(chosen))),
        options=OPTIONS,
    )
    unknown = validate(
        write_catalog(tmp_path / "unknown.json", _with(spec, "某个未知取值")), options=OPTIONS
    )
    pointer = _pointer(spec)
    (said,) = [f for f in listed.findings if f.code == "GC-F018"]
    assert said.location.pointer == pointer
    assert f"（{'、'.join(chosen)}）" in said.message_zh
    assert sorted(
        ("GC-F002" if f.code == "GC-F018" else f.code, f.location.pointer) for f in listed.findings
    ) == sorted((f.code, f.location.pointer) for f in unknown.findings)


@pytest.mark.parametrize(
    ("value", "values_zh", "values_en"),
    [
        # each part a form of a value
        ("服务接口、文件下载", "接口、文件", '"接口" (interface), "文件" (file)'),
        ("数据库，接口", "数据库、接口", '"数据库" (database), "接口" (interface)'),
        # one value twice: still a listing, not one value
        ("接口、接口", "接口、接口", '"接口" (interface), "接口" (interface)'),
    ],
)
def test_each_part_reads_as_its_value(
    tmp_path: Path, value: str, values_zh: str, values_en: str
) -> None:
    spec = PACK.fields.get("share.share_mode_type")
    report = validate(write_catalog(tmp_path / "c.json", _with(spec, value)), options=OPTIONS)
    (said,) = [f for f in report.findings if f.code == "GC-F018"]
    assert said.message_zh == (
        f"“共享方式类型”填写了多个取值“{value}”（{values_zh}），该元素只取一个值。"
    )
    assert said.message_en == (
        f'Share mode type lists several values "{value}" ({values_en}); it takes one.'
    )


@pytest.mark.parametrize(
    "value",
    [
        "接口、某系统",  # a part that is no value
        "某系统",
    ],
)
def test_otherwise_it_is_a_value_outside_the_vocabulary(tmp_path: Path, value: str) -> None:
    spec = PACK.fields.get("share.share_mode_type")
    report = validate(write_catalog(tmp_path / "c.json", _with(spec, value)), options=OPTIONS)
    codes = [f.code for f in report.findings]
    assert "GC-F018" not in codes
    assert codes.count("GC-F002") == 1


def test_types_listed_for_the_share_mode_read_as_their_class_and_are_several(
    tmp_path: Path,
) -> None:
    """共享方式 服务接口、文件下载 (a column of the class holding types): the class both imply is
    read (共享平台方式), and the types are several where one is taken."""
    res = resource()
    res["share"] = {"share_type": "无条件共享", "share_mode_class": "服务接口、文件下载"}
    path = write_catalog(tmp_path / "c.json", res)
    (read,) = load_catalog(path).resources
    assert read.share.share_mode_class == "共享平台方式"
    assert read.share.share_mode_type is None
    report = validate(path, options=OPTIONS)
    said = {f.code: f for f in report.findings}
    assert set(said) == {"GC-F003", "GC-F018"}
    assert said["GC-F018"].message_en == (
        'Share mode type lists several values "服务接口、文件下载" ("接口" (interface), "文件"'
        " (file)); it takes one."
    )
    # at the value as written
    assert said["GC-F018"].location.line == said["GC-F003"].location.line
    assert said["GC-F018"].location.column == said["GC-F003"].location.column


@pytest.mark.parametrize("value", ["接口、电子邮件", "接口、某系统"])
def test_types_of_no_one_class_are_no_class(tmp_path: Path, value: str) -> None:
    res = resource()
    res["share"] = {"share_type": "无条件共享", "share_mode_class": value}
    report = validate(write_catalog(tmp_path / "c.json", res), options=OPTIONS)
    assert [f.code for f in report.findings if f.code in ("GC-F002", "GC-F018")] == ["GC-F002"]
