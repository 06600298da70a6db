"""Tests for govcatalog.vocab and the SKOS files in vocab/."""

from __future__ import annotations

import dataclasses
import importlib.resources
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from rdflib.namespace import RDF, SKOS

from govcatalog._vocab_text import fold
from govcatalog.vocab import (
    Concept,
    Evidence,
    Match,
    MatchKind,
    UnknownVocabulary,
    Vocabulary,
    load_vocabulary,
    render_markdown,
    vocabulary_graph,
    vocabulary_ids,
)

REPO = Path(__file__).resolve().parents[2]
VOCAB_DIR = importlib.resources.files("govcatalog") / "_data" / "vocab"
GOVCAT = rdflib.Namespace("https://w3id.org/govcatalog/ns#")
VOCAB_BASE = "https://w3id.org/govcatalog/vocab/"

SCHEME_IDS = (
    "catalog-level",
    "data-grade",
    "data-type",
    "delivery-method",
    "format-class",
    "format-type",
    "open-to-public",
    "resource-class",
    "secrecy",
    "share-mode-class",
    "share-mode-type",
    "share-type",
    "sharing-method",
    "update-cycle",
    "usage-purpose",
)

ALL_CONCEPTS = tuple(c for i in SCHEME_IDS for c in load_vocabulary(i).concepts)


def _graph(name: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=(VOCAB_DIR / f"{name}.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


# --------------------------------------------------------------------------- the files


def test_vocabulary_ids_are_the_scheme_files() -> None:
    assert vocabulary_ids() == SCHEME_IDS


@pytest.mark.parametrize("name", [*SCHEME_IDS, "govcat"])
def test_every_file_parses(name: str) -> None:
    assert len(_graph(name)) > 0


def test_ontology_declares_version_and_core_terms() -> None:
    graph = _graph("govcat")
    ontology = rdflib.URIRef("https://w3id.org/govcatalog/ns")
    assert (ontology, RDF.type, rdflib.OWL.Ontology) in graph
    assert graph.value(ontology, rdflib.OWL.versionIRI) == rdflib.URIRef(
        "https://w3id.org/govcatalog/ns/1.0.0"
    )
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    assert (GOVCAT.InformationResource, rdflib.RDFS.subClassOf, dcat.Dataset) in graph
    assert (GOVCAT.InformationResourceCatalog, rdflib.RDFS.subClassOf, dcat.Catalog) in graph
    for prop, parent in [
        (GOVCAT.publishDate, dct.issued),
        (GOVCAT.updateCycle, dct.accrualPeriodicity),
        (GOVCAT.resourceName, dct.title),
        (GOVCAT.abstract, dct.description),
        (GOVCAT.provider, dct.publisher),
    ]:
        assert (prop, rdflib.RDFS.subPropertyOf, parent) in graph
    # Every term has a Chinese and an English label.
    for term in set(graph.subjects(RDF.type, None)):
        langs = {o.language for o in graph.objects(term, rdflib.RDFS.label)}
        assert {"zh", "en"} <= langs, term
    # Every scheme a property points to exists.
    for scheme in graph.objects(None, GOVCAT.conceptScheme):
        assert str(scheme).removeprefix(VOCAB_BASE) in SCHEME_IDS


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_every_concept_is_complete_in_the_file(scheme_id: str) -> None:
    graph = _graph(scheme_id)
    scheme = rdflib.URIRef(VOCAB_BASE + scheme_id)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    tops = set(graph.objects(scheme, SKOS.hasTopConcept))
    for concept in concepts:
        assert str(concept).startswith(f"{VOCAB_BASE}{scheme_id}/")
        assert str(concept).isascii()
        assert (concept, SKOS.inScheme, scheme) in graph
        labels = list(graph.objects(concept, SKOS.prefLabel))
        assert sorted(lit.language for lit in labels) == ["en", "zh"], concept
        assert str(graph.value(concept, GOVCAT.evidence)) in {e.value for e in Evidence}
        assert graph.value(concept, GOVCAT.source) is not None
        assert graph.value(concept, GOVCAT.order) is not None
        broader = graph.value(concept, SKOS.broader)
        is_top = (concept, SKOS.topConceptOf, scheme) in graph
        assert is_top == (broader is None or broader not in concepts), concept
        assert is_top == (concept in tops), concept


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_notations_are_unique_within_a_scheme(scheme_id: str) -> None:
    notations = [c.notation for c in load_vocabulary(scheme_id).concepts if c.notation]
    assert len(notations) == len(set(notations))


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_no_label_folds_to_two_concepts(scheme_id: str) -> None:
    owner: dict[str, str] = {}
    for concept in load_vocabulary(scheme_id).concepts:
        labels = [concept.label_zh, concept.label_en, *concept.alt_labels, *concept.hidden_labels]
        if concept.notation:
            labels.append(concept.notation)
        for label in labels:
            assert owner.setdefault(fold(label), concept.iri) == concept.iri, label


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_order_is_dense_under_each_parent(scheme_id: str) -> None:
    vocabulary = load_vocabulary(scheme_id)
    groups: dict[str | None, list[int | None]] = {}
    iris = {c.iri for c in vocabulary.concepts}
    for concept in vocabulary.concepts:
        parent = concept.broader if concept.broader in iris else None
        groups.setdefault(parent, []).append(concept.order)
    for orders in groups.values():
        assert orders == list(range(1, len(orders) + 1))


def test_readme_describes_every_file() -> None:
    readme = (REPO / "vocab" / "README.md").read_text(encoding="utf-8")
    for name in [*SCHEME_IDS, "govcat"]:
        assert f"`{name}.ttl`" in readme


# --------------------------------------------------------------------------- the values


def test_values_of_the_guide() -> None:
    def table(scheme_id: str) -> list[tuple[str, str | None]]:
        return [(c.label_zh, c.notation) for c in load_vocabulary(scheme_id).concepts]

    assert table("share-type") == [("无条件共享", "1"), ("有条件共享", "2"), ("不予共享", "3")]
    assert table("share-mode-class") == [
        ("共享平台方式", "1"),
        ("邮件方式", "2"),
        ("介质方式", "3"),
    ]
    assert table("share-mode-type") == [("数据库", None), ("文件", None), ("接口", None)]
    assert table("format-class") == [
        ("电子文件", "1"),
        ("电子表格", "2"),
        ("数据库", "3"),
        ("图形图像", "4"),
        ("流媒体", "5"),
        ("自描述格式", "6"),
        ("服务接口", "7"),
        ("其他", None),
    ]
    assert dict(table("data-type")) == {
        "字符型": "C",
        "数值型": "N",
        "货币型": "Y",
        "日期型": "D",
        "日期时间型": "T",
        "逻辑型": "L",
        "备注型": "M",
        "通用型": "G",
        "双精度型": "B",
        "整型": "I",
        "浮点型": "F",
    }
    assert dict(table("update-cycle")) == {
        "实时": "1",
        "每日": "2",
        "每周": "3",
        "每旬": None,
        "每月": "4",
        "每季度": "5",
        "每半年": "6",
        "每年": "7",
        "其他": "8",
    }
    assert table("open-to-public") == [("是", "1"), ("否", "0")]
    assert load_vocabulary("secrecy").labels() == ("涉密政务信息资源目录", "非涉密政务信息资源目录")
    assert load_vocabulary("catalog-level").labels() == (
        "部门政务信息资源目录",
        "国家政务信息资源目录",
    )
    assert load_vocabulary("usage-purpose").labels() == (
        "作为行政依据",
        "工作参考",
        "数据校核",
        "业务协同",
    )
    assert load_vocabulary("sharing-method").labels() == (
        "系统对接",
        "前置机共享",
        "联机查询",
        "部门批量下载",
    )


def test_evidence_follows_the_specification() -> None:
    def evidence(scheme_id: str, label: str) -> Evidence:
        return load_vocabulary(scheme_id).concept(label).evidence

    assert evidence("share-type", "有条件共享") is Evidence.CONFIRMED
    assert load_vocabulary("share-type").concept("2").notation_evidence is Evidence.IMPL
    assert evidence("update-cycle", "每旬") is Evidence.UNCONFIRMED
    assert evidence("format-class", "服务接口") is Evidence.IMPL
    assert evidence("resource-class", "国务院") is Evidence.CONFIRMED
    assert evidence("share-mode-class", "邮件方式") is Evidence.IMPL


def test_resource_class_items_verbatim_and_in_order() -> None:
    vocabulary = load_vocabulary("resource-class")
    assert [(c.label_zh, c.notation) for c in vocabulary.top_concepts()] == [
        ("基础信息资源目录", "1"),
        ("主题信息资源目录", "2"),
        ("部门信息资源目录", "3"),
    ]

    def items(label: str) -> list[str]:
        return [c.label_zh for c in vocabulary.narrower(label)]

    assert items("基础信息资源目录") == [
        "国家人口基础信息资源",
        "法人单位基础信息资源",
        "自然资源和空间地理基础信息资源",
        "社会信用基础信息资源",
        "电子证照基础信息资源",
    ]
    assert items("主题信息资源目录") == [
        "公共服务",
        "健康保障",
        "社会保障",
        "食品药品安全",
        "安全生产",
        "价格监管",
        "能源安全",
        "信用体系",
        "城乡建设",
        "社区治理",
        "生态环保",
        "应急维稳",
    ]
    assert items("部门信息资源目录") == [
        "党中央",
        "全国人大常委会",
        "国务院",
        "全国政协",
        "最高人民法院",
        "最高人民检察院",
        "省（自治区、直辖市）及其下各级政务部门",
        "计划单列市及其下各级政务部门",
    ]
    # 项 codes are not confirmed: they belong to a pack's code table, not to the vocabulary.
    assert all(c.notation is None for c in vocabulary.concepts if c.broader)
    # Depth first: each 类 is followed by its 项.
    assert vocabulary.labels()[:2] == ("基础信息资源目录", "国家人口基础信息资源")


def test_format_types_sit_under_format_classes() -> None:
    classes = {c.iri: c.label_zh for c in load_vocabulary("format-class").concepts}
    types = load_vocabulary("format-type")
    assert all(c.broader in classes for c in types.concepts)
    by_class: dict[str, list[str]] = {}
    for concept in types.concepts:
        by_class.setdefault(classes[concept.broader or ""], []).append(concept.label_zh)
    assert by_class["电子表格"] == ["et", "xls", "xlsx"]
    assert by_class["图形图像"] == ["jpg", "gif", "bmp"]
    assert by_class["流媒体"] == ["swf", "rm", "mpg"]
    assert len(by_class["电子文件"]) == 10
    assert len(by_class["数据库"]) == 14
    # Every format type is its own top concept (its broader lives in another scheme).
    assert types.top_concepts() == types.concepts


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("scheme_id", "text", "label", "kind"),
    [
        ("data-type", "字符型", "字符型", MatchKind.PREF),
        ("data-type", "character", "字符型", MatchKind.PREF),
        ("data-type", "CHARACTER", "字符型", MatchKind.PREF),
        ("data-type", "C", "字符型", MatchKind.NOTATION),
        ("data-type", "字符型C", "字符型", MatchKind.ALT),
        ("data-type", "字符串型C", "字符型", MatchKind.HIDDEN),
        ("data-type", "字符串", "字符型", MatchKind.HIDDEN),
        ("data-type", "Ｃ", "字符型", MatchKind.FOLDED),
        ("data-type", "c", "字符型", MatchKind.FOLDED),
        ("data-type", " 字符型\u200b", "字符型", MatchKind.FOLDED),
        ("data-type", "浮点型 F", "浮点型", MatchKind.FOLDED),
        ("data-type", "数值型(N)", "数值型", MatchKind.HIDDEN),
        ("data-type", "数值型（Ｎ）", "数值型", MatchKind.HIDDEN),
        ("data-type", "数值型【N】", "数值型", MatchKind.HIDDEN),
        ("data-type", "文本型C", "字符型", MatchKind.HIDDEN),
        ("data-type", "整数型", "整型", MatchKind.HIDDEN),
        ("data-type", "字符串 型", "字符型", MatchKind.HIDDEN),
        ("update-cycle", "每日", "每日", MatchKind.PREF),
        ("update-cycle", "每天", "每日", MatchKind.HIDDEN),
        ("update-cycle", "每季", "每季度", MatchKind.HIDDEN),
        ("update-cycle", "每半年度", "每半年", MatchKind.HIDDEN),
        ("update-cycle", "年度", "每年", MatchKind.HIDDEN),
        ("update-cycle", "其它", "其他", MatchKind.HIDDEN),
        ("update-cycle", "Quarterly", "每季度", MatchKind.PREF),
        ("update-cycle", "每日2", "每日", MatchKind.HIDDEN),
        ("share-type", "2", "有条件共享", MatchKind.NOTATION),
        ("share-type", "无条件", "无条件共享", MatchKind.HIDDEN),
        ("share-mode-type", "文件下载", "文件", MatchKind.HIDDEN),
        ("share-mode-type", "服务方式", "接口", MatchKind.HIDDEN),
        ("share-mode-type", "服务接口", "接口", MatchKind.HIDDEN),
        ("secrecy", "非涉密", "非涉密政务信息资源目录", MatchKind.HIDDEN),
        ("resource-class", "基础类", "基础信息资源目录", MatchKind.HIDDEN),
        ("resource-class", "主题信息资源类", "主题信息资源目录", MatchKind.HIDDEN),
        ("resource-class", "3", "部门信息资源目录", MatchKind.NOTATION),
        (
            "resource-class",
            "省(自治区、直辖市)及其下各级政务部门",
            "省（自治区、直辖市）及其下各级政务部门",
            MatchKind.FOLDED,
        ),
        ("format-type", "oracle", "oracle", MatchKind.PREF),
        ("format-type", "ORACLE", "oracle", MatchKind.PREF),
        ("format-type", "Sybase", "sysbase", MatchKind.PREF),
        ("format-type", "jpeg", "jpg", MatchKind.ALT),
        ("format-type", "SQLServer", "sql server", MatchKind.ALT),
        ("format-type", "sqlserver", "sql server", MatchKind.FOLDED),
        ("open-to-public", "0", "否", MatchKind.NOTATION),
        ("open-to-public", "yes", "是", MatchKind.PREF),
        ("open-to-public", "不开放", "否", MatchKind.HIDDEN),
    ],
)
def test_lookup(scheme_id: str, text: str, label: str, kind: MatchKind) -> None:
    match = load_vocabulary(scheme_id).lookup(text)
    assert match is not None
    assert (match.concept.label_zh, match.kind, match.given) == (label, kind, text)
    assert match.is_defect == (kind in {MatchKind.HIDDEN, MatchKind.FOLDED})


@pytest.mark.parametrize(
    ("scheme_id", "text"),
    [
        ("data-type", "未知"),
        ("data-type", ""),
        ("data-type", "   "),
        ("data-type", "文本"),  # 字符型 or 备注型: ambiguous, so not guessed
        ("data-type", "日期型C"),  # the label of one type with the code of another
        ("data-type", "X"),
        ("data-type", "(C)"),
        ("update-cycle", "每月2"),
        ("update-cycle", "每2"),
        ("update-cycle", "9"),
        ("share-type", "数值型2"),  # 型 forms are accepted only where the labels end in 型
        ("share-type", "共享"),
        ("share-type", "22"),  # a code and a code: no label followed by its code
        ("data-type", "CC"),
        ("resource-class", "33"),
        ("resource-class", "国家人口基础信息资源1"),
    ],
)
def test_lookup_unknown(scheme_id: str, text: str) -> None:
    assert load_vocabulary(scheme_id).lookup(text) is None


def test_every_label_round_trips() -> None:
    for concept in ALL_CONCEPTS:
        vocabulary = load_vocabulary(concept.scheme_id)
        expected = [(concept.label_zh, MatchKind.PREF), (concept.label_en, MatchKind.PREF)]
        if concept.notation is not None:
            expected.append((concept.notation, MatchKind.NOTATION))
        expected += [(label, MatchKind.ALT) for label in concept.alt_labels]
        expected += [(label, MatchKind.HIDDEN) for label in concept.hidden_labels]
        for text, kind in expected:
            assert vocabulary.lookup(text) == Match(concept, kind, text), text


@given(scheme_id=st.sampled_from(SCHEME_IDS), text=st.text())
def test_lookup_never_raises(scheme_id: str, text: str) -> None:
    match = load_vocabulary(scheme_id).lookup(text)
    assert match is None or match.concept.scheme_id == scheme_id


_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@given(
    concept=st.sampled_from(ALL_CONCEPTS),
    spaces=st.lists(st.sampled_from([" ", "\u3000", "\t", "\u200b"]), max_size=4),
    positions=st.lists(st.integers(min_value=0, max_value=40), max_size=4),
    full_width=st.booleans(),
)
def test_lookup_of_a_prefLabel_survives_width_and_spacing(
    concept: Concept, spaces: list[str], positions: list[int], full_width: bool
) -> None:
    text = concept.label_zh
    if full_width:
        text = "".join(_FULL_WIDTH.get(ch, ch) for ch in text)
    for space, position in zip(spaces, positions, strict=False):
        text = text[:position] + space + text[position:]
    match = load_vocabulary(concept.scheme_id).lookup(text)
    assert match is not None
    assert match.concept == concept
    assert match.kind in {MatchKind.PREF, MatchKind.FOLDED}
    assert (match.kind is MatchKind.PREF) == (
        text == concept.label_zh or text.casefold() == concept.label_en.casefold()
    )


# --------------------------------------------------------------------------- the API


def test_concept_accepts_labels_codes_and_iris() -> None:
    vocabulary = load_vocabulary("update-cycle")
    daily = vocabulary.concept("每日")
    assert vocabulary.concept("2") is daily
    assert vocabulary.concept("Daily") is daily
    assert vocabulary.concept(daily.iri) is daily
    with pytest.raises(KeyError):
        vocabulary.concept("每天")  # a hidden label is not an identifying form
    with pytest.raises(KeyError):
        vocabulary.concept("每时")


def test_restrict() -> None:
    full = load_vocabulary("update-cycle")
    national = full.restrict(exclude=["每旬"])
    assert "每旬" not in national.labels()
    assert national.lookup("每旬") is None
    assert national.lookup("每天") is not None
    assert len(national.concepts) == len(full.concepts) - 1
    assert full.lookup("每旬") is not None  # the original is unchanged

    narrow = full.restrict(include=["每年", "1", "monthly"], exclude=["实时"])
    assert narrow.labels() == ("每月", "每年")  # the vocabulary's order, not the caller's
    assert (narrow.id, narrow.iri, narrow.title_zh) == (full.id, full.iri, full.title_zh)
    assert full.restrict() == full
    with pytest.raises(KeyError):
        full.restrict(exclude=["每时"])


def test_top_concepts_and_narrower_follow_the_restriction() -> None:
    vocabulary = load_vocabulary("resource-class").restrict(exclude=["主题信息资源目录"])
    tops = [c.label_zh for c in vocabulary.top_concepts()]
    assert "公共服务" in tops  # its 类 is gone, so it is a top concept of the narrowed vocabulary
    assert len(vocabulary.narrower(vocabulary.concept("1"))) == 5


def test_ambiguous_vocabulary_is_rejected() -> None:
    first, second = load_vocabulary("share-type").concepts[:2]
    clash = dataclasses.replace(second, hidden_labels=("无条件 共享",))
    with pytest.raises(ValueError, match="fold to the same key"):
        Vocabulary("share-type", "x", "共享类型", "share type", (first, clash))
    with pytest.raises(ValueError, match="belongs to"):
        Vocabulary("other", "x", "其他", "other", (first,))
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary("share-type", "x", "共享类型", "share type", (first, first))


def test_unknown_vocabulary() -> None:
    with pytest.raises(UnknownVocabulary) as caught:
        load_vocabulary("no-such-scheme")
    assert isinstance(caught.value, LookupError)
    assert caught.value.scheme_id == "no-such-scheme"
    assert "share-type" in caught.value.available
    assert "no-such-scheme" in str(caught.value)
    with pytest.raises(UnknownVocabulary):
        load_vocabulary("govcat")  # the ontology is not a concept scheme


def test_load_is_cached_and_immutable() -> None:
    vocabulary = load_vocabulary("share-type")
    assert load_vocabulary("share-type") is vocabulary
    with pytest.raises(AttributeError):
        vocabulary.id = "x"  # type: ignore[misc]
    assert hash(vocabulary) == hash(load_vocabulary("share-type").restrict())


def test_vocabulary_graph_is_a_fresh_merge() -> None:
    graph = vocabulary_graph()
    scheme = rdflib.URIRef(VOCAB_BASE + "update-cycle")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert (rdflib.URIRef("https://w3id.org/govcatalog/ns"), RDF.type, rdflib.OWL.Ontology) in graph
    size = len(graph)
    graph.remove((None, None, None))
    assert len(vocabulary_graph()) == size


def test_import_reads_nothing() -> None:
    code = "import sys, govcatalog.vocab; print('govcatalog._vocab_rdf' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src")},
    )
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------- the docs

BEGIN = "<!-- BEGIN GENERATED: govcatalog.vocab.render_markdown() -->"
END = "<!-- END GENERATED -->"


def test_docs_show_the_vocabularies() -> None:
    page = (REPO / "docs" / "vocabularies.md").read_text(encoding="utf-8")
    assert BEGIN in page
    assert END in page
    generated = page.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")
    assert generated == render_markdown().strip("\n"), (
        "docs/vocabularies.md is out of date; regenerate it as vocab/README.md explains"
    )


def test_render_markdown_lists_every_value() -> None:
    text = render_markdown()
    for concept in ALL_CONCEPTS:
        assert f"| {concept.label_zh} |" in text
