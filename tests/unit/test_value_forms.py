"""Real value forms: pack aliases, described forms, placeholders, list-like text, open types."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog.errors import PackError
from govcatalog.io.lists import split_list
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.pack import load_pack
from govcatalog.packs.value_forms import ValueForms, fold_value
from govcatalog.records.coerce import Coercer
from govcatalog.records.forms import split_class_type, split_note
from govcatalog.vocab import MatchKind, load_vocabulary
from tests.helpers import resource


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("['xls', 'json', 'csv']", ["xls", "json", "csv"]),
        ('["xls", "json"]', ["xls", "json"]),
        ("xls,xml，json", ["xls", "xml", "json"]),
        ("观测点、市场；调查", ["观测点", "市场", "调查"]),
        ("[]", []),
        ("pdf", ["pdf"]),
    ],
)
def test_split_list(text: str, parts: list[str]) -> None:
    assert split_list(text) == parts


def test_split_note_and_class_type() -> None:
    assert split_note("每年(更新说明:暂无新业务数据产生)") == (
        "每年",
        "更新说明:暂无新业务数据产生",
    )
    assert split_note("每年（按自然年）") == ("每年", "按自然年")
    assert split_note("每年") is None
    assert split_class_type("数据库-mysql") == ("数据库", "mysql")
    assert split_class_type("电子表格 — xlsx") == ("电子表格", "xlsx")
    assert split_class_type("xlsx") is None
    assert split_class_type("数据库/Oracle") == ("数据库", "Oracle")
    assert split_class_type("电子文件／PDF/A") == ("电子文件", "PDF/A")


@pytest.mark.parametrize(
    ("cell", "format_class", "types"),
    [
        ("电子表格/xlsx", "电子表格", ["xlsx"]),
        ("数据库/Oracle", "数据库", ["Oracle"]),
        ("数据库／MySQL", "数据库", ["MySQL"]),
        ("电子文件/PDF/A", "电子文件", ["PDF/A"]),
        ("数据库-oracle", "数据库", ["oracle"]),
    ],
)
def test_a_format_cell_names_its_class_and_type_with_any_separator(
    pack: Pack, cell: str, format_class: str, types: list[str]
) -> None:
    """信息资源格式 in one cell, class and type joined by a slash as by a dash: both read, the
    form said once (before, a slash left the whole text a type and the class missing)."""
    rec, hits = _read(pack, {"信息资源格式": cell})
    assert rec["format"] == {"format_class": format_class, "format_types": types}
    assert hits == [("GC-F003", "/信息资源格式")]


def test_a_slash_in_a_type_that_follows_no_class_stays_in_the_type(pack: Pack) -> None:
    rec, _ = _read(pack, {"信息资源格式": "TCP/IP"})
    assert rec["format"] == {"format_types": ["TCP/IP"]}


def test_with_aliases_adds_hidden_labels() -> None:
    vocab = load_vocabulary("update-cycle").with_aliases({"每年": ["年"]})
    match = vocab.lookup("年")
    assert match is not None
    assert (match.concept.label_zh, match.kind) == ("每年", MatchKind.HIDDEN)
    with pytest.raises(KeyError):
        vocab.with_aliases({"每世纪": ["世纪"]})
    with pytest.raises(ValueError, match="fold to the same key"):
        vocab.with_aliases({"每月": ["每天"]})  # 每天 is already a form of 每日


def _read(pack: Pack, data: dict[str, object]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    out = Coercer(pack).resource(data)
    assert out is not None
    hits = [(h.code, out.original(h.pointer)) for h in out.hits if h.code != "GC-F001"]
    return {k: v for k, v in out.record.items() if not k.startswith("$")}, hits


@pytest.mark.parametrize(
    ("written", "cycle", "note"),
    [
        ("天", "每日", None),
        ("周", "每周", None),
        ("季度更新", "每季度", None),
        ("年更新", "每年", None),
        ("实时推送", "实时", None),
        # more often than daily, or daily on working days only: no value of the guide says it
        ("每小时", "其他", "每小时"),
        ("每工作日", "其他", "每工作日"),
        ("T+1", "其他", "T+1"),
    ],
)
def test_national_pack_reads_more_update_cycle_forms(
    pack: Pack, written: str, cycle: str, note: str | None
) -> None:
    rec, hits = _read(pack, {"更新周期": written})
    assert rec.get("update_cycle") == cycle
    assert rec.get("update_note") == note
    assert hits == [("GC-F003" if note is None else "GC-F015", "/更新周期")]


@pytest.mark.parametrize(
    ("written", "share_type"),
    [("条件共享", "有条件共享"), ("禁止共享", "不予共享"), ("不可共享", "不予共享")],
)
def test_national_pack_reads_reworded_share_types(
    pack: Pack, written: str, share_type: str
) -> None:
    rec, hits = _read(pack, {"共享类型": written})
    assert rec["share"]["share_type"] == share_type
    assert ("GC-F003", "/共享类型") in hits


def test_national_pack_reads_real_update_cycles(pack: Pack) -> None:
    assert _read(pack, {"更新周期": "年"}) == (
        {"update_cycle": "每年"},
        [("GC-F003", "/更新周期")],
    )
    assert _read(pack, {"更新频率": "即时"})[0] == {"update_cycle": "实时"}
    rec, hits = _read(pack, {"更新周期": "不定期(更新说明:暂无新业务数据产生)"})
    assert rec == {"update_cycle": "其他", "update_note": "不定期(更新说明:暂无新业务数据产生)"}
    assert hits == [("GC-F015", "/更新周期")]
    rec, hits = _read(pack, {"更新周期": "每年(更新说明:暂无新业务数据产生)", "更新说明": "按年"})
    assert rec == {"update_cycle": "每年", "update_note": "按年；更新说明:暂无新业务数据产生"}
    assert hits == [("GC-F003", "/更新周期")]


def test_open_types_set_open_to_public(pack: Pack) -> None:
    rec, hits = _read(pack, {"开放属性": "有条件开放"})
    assert rec == {"open": {"open_condition": "有条件开放", "open_to_public": True}}
    assert hits == [("GC-F003", "/开放属性")]
    rec, _ = _read(pack, {"是否向社会开放": "完全开放"})
    assert rec == {"open": {"open_to_public": True, "open_condition": "完全开放"}}
    rec, _ = _read(pack, {"开放条件": "不予开放"})
    assert rec == {"open": {"open_to_public": False}}
    # Given explicitly, 是否向社会开放 is kept and nothing is reported.
    rec, hits = _read(pack, {"开放属性": {"是否向社会开放": "是", "开放条件": "无条件开放"}})
    assert rec == {"open": {"open_to_public": True, "open_condition": "无条件开放"}}
    assert hits == []


def test_placeholders_share_types_and_lists(pack: Pack) -> None:
    assert _read(pack, {"信息资源摘要": "暂无", "信息资源名称": "NULL"}) == (
        {},
        [("GC-F016", "/信息资源摘要"), ("GC-F016", "/信息资源名称")],
    )
    # 无 as a share condition says "no condition" (R1), not "nothing written".
    assert _read(pack, {"共享条件": "无"})[0] == {"share": {"share_condition": "无"}}
    rec, hits = _read(pack, {"共享条件": "有条件共享"})
    assert rec == {"share": {"share_type": "有条件共享"}}
    assert hits == [("GC-F017", "/共享条件")]
    rec, _ = _read(pack, {"信息资源格式": "['xls', 'json', 'csv']"})
    assert rec == {"format": {"format_types": ["xls", "json", "csv"]}}
    rec, _ = _read(pack, {"资源格式": "数据库-sqlServer"})
    assert rec == {"format": {"format_types": ["sqlServer"], "format_class": "数据库"}}
    rec, _ = _read(pack, {"信息资源格式": "电子文件"})
    assert rec == {"format": {"format_class": "电子文件"}}
    rec, _ = _read(pack, {"信息资源格式分类": "数据库-oracle"})
    assert rec == {"format": {"format_class": "数据库", "format_types": ["oracle"]}}
    rec, hits = _read(pack, {"发布日期": "2023/06/12 17:33:10"})
    assert rec == {"publish_date": dt.date(2023, 6, 12)}
    assert hits == [("GC-F003", "/发布日期")]


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(
            [
                *"暂无空nulNUL/-añ ",
                "\u3000",
                "\u200b",
                "\t",
                "\ufeff",
                "Ｎ",
                "ｕ",
                "\u0301",
                "\u0303",
            ]
        ),
        max_size=12,
    )
    | st.sampled_from(["暂无" + " " * 6, "null" + "\u200b" * 3, "ＮＵＬＬ\u3000\u3000", "暂 无 "]),
)
def test_a_placeholder_is_one_however_padded(text: str) -> None:
    """The quick length check never differs from the definition: folded, it is listed."""
    for forms in (get_pack("gb-1272@^1").value_forms, _COMPOSED):
        assert forms.is_placeholder(text) == (fold_value(text) in forms.placeholders)


_COMPOSED = ValueForms(placeholders=frozenset({"ñ", "없음", "null"}))
"""Placeholders NFKC may make from more characters than they have (n + ◌̃, Hangul jamo)."""


def test_composed_placeholders_have_no_length_bound() -> None:
    assert get_pack("gb-1272@^1").value_forms.bound == 4
    assert _COMPOSED.bound > 1000
    assert _COMPOSED.is_placeholder("n\u0303")
    assert _COMPOSED.is_placeholder("\u110b\u1165\u11b9\u110b\u1173\u11b7")  # 없음 in jamo
    assert ValueForms().bound == 0 and not ValueForms().is_placeholder("")


@pytest.mark.parametrize("fast", ["1", "0"])
def test_a_padded_placeholder_is_said_on_both_paths(
    pack: Pack, fast: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """暂无 with spaces after it, or null with invisible characters, says nothing was written
    (GC-F016), in a resource's text and in a 信息项's, on the fast path as on the full one."""
    monkeypatch.setenv("GOVCATALOG_FAST", fast)
    res = resource(abstract="暂无      ")
    res["items"][1]["name"] = "null\u200b\u200b\u200b"
    doc = {"catalog": {"name": "目录"}, "resources": [res]}
    report = validate(json.dumps(doc, ensure_ascii=False).encode(), pack=pack)
    assert [(f.code, f.location.pointer) for f in report if f.code == "GC-F016"] == [
        ("GC-F016", "/resources/0/abstract"),
        ("GC-F016", "/resources/0/items/1/name"),
    ]


def test_a_whole_number_in_a_text_element_reads_as_its_digits(pack: Pack) -> None:
    portal = get_pack("open-data-portal")
    rec, hits = _read(portal, {"数据量": 0})
    assert rec["extensions"] == {"record_count": "0"}
    assert hits == []  # "0" is exactly what was written: nothing to say
    rec, hits = _read(portal, {"数据量": 12.5})
    assert rec["extensions"] == {"record_count": "12.5"}
    assert hits == []
    # A float may not read as written (1e+20), and a code may have lost leading zeros.
    rec, hits = _read(portal, {"数据量": 1e20})
    assert rec["extensions"] == {"record_count": "1e+20"}
    assert hits == [("GC-F003", "/数据量")]
    _, hits = _read(portal, {"数据量": float("nan")})
    assert hits == [("GC-F003", "/数据量")]
    _, hits = _read(pack, {"信息资源代码": 330100})
    assert ("GC-F003", "/信息资源代码") in hits


def _child(tmp_path: Path, manifest: str) -> Pack:
    (tmp_path / "pack.toml").write_text(
        '[pack]\nid = "child"\nversion = "1.0.0"\nstatus = "active"\n'
        'extends = "gb-1272@^1"\n' + manifest,
        encoding="utf-8",
    )
    return load_pack(tmp_path, get_pack())  # type: ignore[arg-type]


def test_child_pack_adds_value_forms(tmp_path: Path) -> None:
    child = _child(
        tmp_path,
        '[vocabularies]\n"update-cycle" = { aliases = { "每月" = ["月报"] }, '
        'described = { "其他" = ["随时"] } }\n[values]\nplaceholders = ["未知"]\n',
    )
    assert _read(child, {"更新周期": "月报"})[0] == {"update_cycle": "每月"}
    assert _read(child, {"更新周期": "年"})[0] == {"update_cycle": "每年"}  # the parent's alias
    assert _read(child, {"更新周期": "随时"})[1] == [("GC-F015", "/更新周期")]
    assert _read(child, {"信息资源摘要": "未知"})[1] == [("GC-F016", "/信息资源摘要")]
    assert child.value_forms.is_placeholder("暂无")


@pytest.mark.parametrize(
    "manifest",
    [
        '[vocabularies]\n"update-cycle" = { aliases = { "每世纪" = ["世纪"] } }\n',
        '[vocabularies]\n"update-cycle" = { aliases = { "每月" = "月" } }\n',
        '[vocabularies]\n"update-cycle" = { described = { "从不" = ["不更新"] } }\n',
        '[values]\nabsent_elements = "sometimes"\n',
    ],
)
def test_bad_value_forms_are_pack_errors(tmp_path: Path, manifest: str) -> None:
    with pytest.raises(PackError):
        _child(tmp_path, manifest)


def test_portal_export_reports_what_no_record_carries_once() -> None:
    from govcatalog import ValidationOptions, validate
    from govcatalog.io.json_reader import read_json_text

    records = [
        {"标题": "a", "数据提供方": "市统计局", "信息资源代码": "101001/000001"},
        {"标题": "b", "数据提供方": "市统计局"},
        {"标题": "c", "数据提供方": "市统计局"},
    ]
    import json

    doc = read_json_text(json.dumps(records, ensure_ascii=False), "portal.json")
    report = validate(doc, pack="open-data-portal", options=ValidationOptions(select=None))
    lacking = sorted(f.message_zh for f in report.findings if f.code == "GC-S009")
    assert any("“信息资源代码”" in m for m in lacking) is False  # one record carries it
    assert any("“信息资源提供方代码”" in m and "3 条" in m for m in lacking)
    missing_code = [f.location.pointer for f in report.findings if f.code == "GC-F001"]
    assert "/1/信息资源代码" in missing_code and "/2/信息资源代码" in missing_code
    assert not any(p.endswith("信息资源提供方代码") for p in missing_code)
    # The national pack reports every missing element per resource.
    national = validate(
        read_json_text(json.dumps(records, ensure_ascii=False), "portal.json"), pack="gb-1272"
    )
    assert not any(f.code == "GC-S009" for f in national.findings)


@pytest.mark.parametrize("written", [["姓名", "性别"], [{"信息项名称": "姓名"}, "性别"]])
def test_data_items_listed_by_name(pack: Pack, written: object) -> None:
    rec, seen = _read(pack, {"信息项": written})
    assert rec["items"] == [{"name": "姓名"}, {"name": "性别"}]
    assert seen == []
    # One text where the list goes is no list (GC-S003), as the conformance case says.
    _, seen = _read(pack, {"信息项": "姓名、性别"})
    assert seen == [("GC-S003", "/信息项")]


def test_data_items_listed_by_name_are_located_where_written() -> None:
    text = '{"resources": [{"信息资源名称": "人口", "信息项": ["姓名", ""]}]}'
    found = {
        (f.code, f.location.pointer, f.location.column)
        for f in validate(text, pack="gb-1272").findings
        if f.location.pointer and "/信息项/" in f.location.pointer
    }
    first, second = text.index('"姓名"') + 1, text.index('""') + 1  # 1-based columns
    assert found == {
        ("GC-F001", "/resources/0/信息项/0/data_type", first),
        ("GC-F001", "/resources/0/信息项/1", second),  # the empty name, where it is written
        ("GC-F001", "/resources/0/信息项/1/data_type", second),
    }


@pytest.mark.parametrize(
    ("written", "data_type"),
    [
        ("文本", "字符型"),
        ("文本型", "字符型"),
        ("text", "备注型"),  # SQL's TEXT: long text
        ("TEXT", "备注型"),
        ("长文本", "备注型"),
        ("小数", "数值型"),
        ("图片", "通用型"),
    ],
)
def test_national_pack_reads_more_data_type_words(pack: Pack, written: str, data_type: str) -> None:
    rec, hits = _read(pack, {"items": [{"name": "照片", "data_type": written}]})
    assert rec["items"] == [{"name": "照片", "data_type": data_type}]
    assert hits == [("GC-F003", "/items/0/data_type")]
