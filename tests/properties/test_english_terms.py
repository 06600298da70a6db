"""English messages say what a vocabulary value means; Chinese messages are as they were.

A finding's English message that names a canonical value of a vocabulary (有条件共享, 每日,
数据库 …) gives the value's English label beside it (``"有条件共享" (conditional sharing)``),
from ``vocab/``. Only the user's value as written may stand alone: it is their data. The
Chinese message of the same finding is the template filled with the plain Chinese text of each
parameter, as it was before the English labels were added.

Checked for every code of every shipped codebook, with every vocabulary value as each of its
parameters, and end to end on resources whose elements are written in the forms real catalogs
use (labels, codes, other forms, notes in brackets, paths, unknown values), drawn from the
vocabularies themselves.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import string
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from govcatalog import ValidationOptions, validate
from govcatalog._bilingual import Bilingual
from govcatalog._location import Elsewhere, clip, visible
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.codebook import CodeEntry
from govcatalog.packs.places import PlaceWords
from govcatalog.records.hits import Hit
from govcatalog.report import Finding
from govcatalog.validate.findings import FindingMaker
from govcatalog.vocab import Concept
from tests.helpers import VALID_RESOURCE

PACKS = {ref: get_pack(ref) for ref in ("gb-1272", "sharing-2025", "example-province")}
OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _concepts(pack: Pack) -> list[Concept]:
    return [c for v in pack.vocabularies.values() for c in v.concepts]


CONCEPTS = sorted(
    {(c.scheme_id, c.label_zh): c for p in PACKS.values() for c in _concepts(p)}.values(),
    key=lambda c: (c.scheme_id, c.label_zh),
)
ENGLISH: dict[str, set[str]] = {}
for _c in CONCEPTS:
    if _HAN.search(_c.label_zh):
        ENGLISH.setdefault(_c.label_zh, set()).add(_c.label_en)
LABELS = sorted(ENGLISH, key=len, reverse=True)  # the longest first: 一般数据1级 before 一般数据


def _standalone(text: str, label: str) -> bool:
    """Whether ``label`` stands in ``text`` as a word of its own (not inside a longer Chinese
    word: 是 in 是否向社会开放, 其他 in 其他类型资源格式描述)."""
    for m in re.finditer(re.escape(label), text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not _HAN.match(before) and not _HAN.match(after):
            return True
    return False


def unglossed(text: str, *written: str | None) -> list[str]:
    """The canonical Chinese values that ``text`` names without their English label, leaving
    out the user's values as written (and any quoted part of them)."""
    rest = text
    for label in LABELS:  # "有条件共享" (conditional sharing): said with its meaning
        for english in ENGLISH[label]:
            rest = rest.replace(f'"{label}" ({english})', "<term>")
    for value in filter(None, written):
        rest = rest.replace(value, "<value>")
        for part in re.findall(r'"([^"]+)"', rest):
            if part in value:
                rest = rest.replace(f'"{part}"', "<value>")
    return [label for label in LABELS if _standalone(rest, label)]


def bare_elements(text: str, pack: Pack) -> list[str]:
    """The elements ``text`` names by their Chinese name alone, not as ``Share type (共享类型)``
    (names of three characters or more: 类, 项, 目 and 细目 are glossed as the codes read)."""
    named = {f.zh for f in pack.fields.fields if len(f.zh) >= 3}
    rest = text
    for f in pack.fields.fields:
        rest = rest.replace(f"{f.en} ({f.zh})", "<element>")
    return sorted(zh for zh in named if _standalone(rest, zh))


def test_the_checker_finds_a_bare_value() -> None:
    """The oracle itself: a bare or wrongly glossed value is found, a glossed one or the
    user's own is not, and a label inside a longer word is no value."""
    assert unglossed("Share type is 有条件共享 (conditional).", None) == ["有条件共享"]
    assert unglossed('read as "每日".', "每天") == ["每日"]
    assert unglossed('read as "每日" (daily).', "每天") == []
    assert unglossed('value "每日（节假日）" is …', "每日（节假日）") == []
    assert unglossed("Open to the public (是否向社会开放) is missing.", None) == []
    guide = PACKS["gb-1272"]
    assert bare_elements("Write it under 共享类型.", guide) == ["共享类型"]
    assert bare_elements("Write it under Share type (共享类型).", guide) == []


# ---------------------------------------------------------------- every code, every value


def _placeholders(entry: CodeEntry) -> set[str]:
    names: set[str] = set()
    for template in (entry.message_zh, entry.message_en, entry.hint_zh, entry.hint_en):
        for _, name, _, _ in string.Formatter().parse(template):
            if name:
                names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names - {"term", "element"}


def _quoted(entry: CodeEntry, name: str) -> bool:
    """Whether an English template quotes the parameter: then it is text as the user wrote it
    (a value, a sheet's name, a code), not a value the finding says it is read as."""
    return f'"{{{name}}}"' in entry.message_en + entry.hint_en


def _said_before(
    entry: CodeEntry, params: Mapping[str, object], places: PlaceWords | None = None
) -> tuple[str, str]:
    """The Chinese message and hint as the codebook rendered them before parameters were said
    in English too: every parameter as its text (a bilingual one: its Chinese text; the places
    of other resources as the codebook says them in Chinese)."""
    params = {
        k: places.say(v, "zh") if isinstance(v, Elsewhere) and places else v
        for k, v in params.items()
    }

    class Fill(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    defaults = {"standard_zh": "编制指南", "standard_en": "the guide"}
    filled = Fill({**defaults, **{k: clip(visible(str(v))) for k, v in params.items()}})
    return entry.message_zh.format_map(filled), entry.hint_zh.format_map(filled)


CODES = [(ref, code) for ref, pack in PACKS.items() for code in pack.codebook]


@pytest.mark.parametrize(("ref", "code"), CODES, ids=[f"{r}-{c}" for r, c in CODES])
def test_every_code_says_every_value_with_its_meaning(ref: str, code: str) -> None:
    pack = PACKS[ref]
    entry = pack.codebook[code]
    names = _placeholders(entry)
    # The template's own words: every value it names itself is glossed.
    plain = entry.render(dict.fromkeys(names, "x"), pack.glossary)
    for text in (plain.message_en, plain.hint_en):
        assert unglossed(text, None) == [], text
        assert bare_elements(text, pack) == [], text
    for concept in CONCEPTS:
        # every parameter a vocabulary value, as read; what the user wrote one of its labels
        params: dict[str, object] = {
            n: concept.label_zh if _quoted(entry, n) or n == "value" else concept.term
            for n in names
        }
        params["value"] = concept.label_zh
        said = entry.render(params, pack.glossary)
        for text in (said.message_en, said.hint_en):
            assert unglossed(text, concept.label_zh) == [], text
            assert '""' not in text, text  # a quoted parameter is not quoted again
        assert (said.message_zh, said.hint_zh) == _said_before(entry, params)
        if concept.term.en != f'"{concept.label_zh}"':  # no English leaks into Chinese
            assert concept.term.en not in said.message_zh + said.hint_zh


# ---------------------------------------------------------------- end to end


def _forms(concept: Concept) -> list[object]:
    """What catalogs write for a value: the label, its code, its other forms, a note."""
    forms: list[object] = [concept.label_zh, *concept.alt_labels, *concept.hidden_labels]
    if concept.notation is not None:
        forms.append(concept.notation)
        if concept.notation.isdigit():
            forms.append(int(concept.notation))
    forms.append(f"{concept.label_zh}（节假日除外）")
    return forms


def _written(pack: Pack, scheme: str, *unknown: object) -> st.SearchStrategy[object]:
    forms = [f for c in pack.vocabulary(scheme).concepts for f in _forms(c)]
    return st.sampled_from([*forms, *unknown])


def _class_and_type(pack: Pack) -> list[str]:
    """数据库-mysql, 电子表格/xlsx …: a format class with one of its types."""
    classes = pack.vocabulary("format-class")
    out = []
    for t in pack.vocabulary("format-type").concepts:
        broader = next((c for c in classes.concepts if c.iri == t.broader), None)
        if broader is not None:
            out += [f"{broader.label_zh}-{t.label_zh}", f"{broader.label_zh}/{t.label_zh}"]
    return out


def _paths(pack: Pack) -> list[str]:
    """部门信息资源目录/国务院/001 …: a classification written as one path."""
    lei = pack.vocabulary("resource-class")
    return [
        f"{top.label_zh}/{sub.label_zh}/001"
        for top in lei.top_concepts()
        for sub in lei.narrower(top)
    ]


@st.composite
def resources(draw: st.DrawFn, pack: Pack) -> dict[str, Any]:
    res = copy.deepcopy(VALID_RESOURCE)
    lei = pack.vocabulary("resource-class")
    share = res["share"]
    choices: dict[str, st.SearchStrategy[object]] = {
        "update_cycle": _written(pack, "update-cycle", "经常", "不定期", "按需更新"),
        "share_type": _written(pack, "share-type", "部分共享"),
        "share_condition": st.sampled_from(
            ["", "不限", "无", "仅限公安部门", "有条件共享", "涉及隐私", "依据《保守国家秘密法》"]
        ),
        "share_mode_class": _written(pack, "share-mode-class", "共享平台方式/接口", "接口"),
        "share_mode_type": _written(pack, "share-mode-type", "光盘"),
        "format_class": _written(pack, "format-class", "数据库-mysql", "压缩包"),
        "format_types": st.sampled_from([*_class_and_type(pack), "xlsx", "mp4", "电子文件"]),
        "data_type": _written(pack, "data-type", "varchar2(50)", "字符串型C", "超长文本型"),
        "open_to_public": _written(pack, "open-to-public", "有条件开放", "不予开放", "可能"),
        "lei": st.sampled_from([c.label_zh for c in lei.concepts] + _paths(pack) + ["307001"]),
        "code": st.sampled_from(["101001/000001", "203001/000001", "307001/000001"]),
    }
    picked = {k: draw(v) for k, v in choices.items() if draw(st.booleans())}
    for key in ("share_type", "share_condition", "share_mode_class", "share_mode_type"):
        if key in picked:
            share[key] = picked[key]
    if "update_cycle" in picked:
        res["update_cycle"] = picked["update_cycle"]
    if "format_class" in picked:
        res["format"]["format_class"] = picked["format_class"]
    if "format_types" in picked:
        res["format"]["format_types"] = [picked["format_types"]]
    if "data_type" in picked:
        res["items"][0]["data_type"] = picked["data_type"]
    if "open_to_public" in picked:
        res["open"] = {"open_to_public": picked["open_to_public"]}
    if "lei" in picked:
        res["category"] = {"lei": picked["lei"]}
    if "code" in picked:
        res["code"] = picked["code"]
    if "data-grade" in pack.vocabularies and draw(st.booleans()):
        res["extensions"] = {"data_grade": draw(_written(pack, "data-grade", "重要"))}
    return res


class _Recorded:
    """The hit each finding was made from, kept as the validator makes it."""

    def __init__(self) -> None:
        self.made: list[tuple[Hit, Finding]] = []

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        made, original = self.made, FindingMaker.finding

        def finding(maker: FindingMaker, hit: Hit, location: Any) -> Finding | None:
            f = original(maker, hit, location)
            if f is not None:
                made.append((hit, f))
            return f

        monkeypatch.setattr(FindingMaker, "finding", finding)


def _checked(pack: Pack, catalog: dict[str, Any]) -> Iterator[tuple[Hit, Finding]]:
    recorded = _Recorded()
    with pytest.MonkeyPatch.context() as monkeypatch:
        recorded.patch(monkeypatch)
        report = validate(catalog, pack=pack, options=OPTIONS)
    assert len(recorded.made) == len(report.findings)
    yield from recorded.made


@settings(max_examples=120, deadline=None)
@given(data=st.data(), ref=st.sampled_from(["gb-1272", "sharing-2025"]))
def test_english_messages_gloss_every_value_and_chinese_ones_are_unchanged(
    data: st.DataObject, ref: str
) -> None:
    pack = PACKS[ref]
    catalog = {"resources": data.draw(st.lists(resources(pack), min_size=1, max_size=3))}
    for hit, f in _checked(pack, catalog):
        event(f.code)
        if any(isinstance(v, Bilingual) for v in hit.params.values()):
            event(f"{f.code} with a value said in both languages")
        for text in (f.message_en, f.hint_en):
            assert unglossed(text, f.value) == [], (f.code, f.value, text)
            assert '""' not in text, text
        entry = pack.codebook[f.code]
        params = {**hit.params, "value": "" if hit.value is None else str(hit.value)}
        said = _said_before(entry, params, pack.codebook.places)
        assert (f.message_zh, f.hint_zh) == said, f.code
