"""A compound element written by its type alone reads as class + type, the class being the
type's skos:broader: 接口 where 共享方式分类 is expected is 共享平台方式 + 接口; xlsx in a single
信息资源格式 cell is 电子表格 + xlsx. Reported as a non-standard form (GC-F003), never guessed
where the vocabulary places the type under no class."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.implied import Implied
from govcatalog.vocab import Concept

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "city-catalog.json"
RESOURCE: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))["resources"][0]
PACK = get_pack("gb-1272")


def _written(scheme: str, broader: bool) -> list[tuple[str, Concept]]:
    """(label as written, concept) of every label of a vocabulary's concepts with (or
    without) a broader concept."""
    vocab = PACK.vocabulary(scheme)
    return [
        (label, c)
        for c in vocab.concepts
        if (c.broader is not None) is broader
        for label in (c.label_zh, *c.alt_labels, *c.hidden_labels)
    ]


def _class_of(scheme_of_class: str, concept: Concept) -> str:
    vocab = PACK.vocabulary(scheme_of_class)
    return next(c.label_zh for c in vocab.concepts if c.iri == concept.broader)


def _read(resource: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    out = Coercer(PACK).resource(resource)
    assert out is not None
    return out.record, [(h.code, h.pointer) for h in out.hits]


@settings(max_examples=60)
@given(st.sampled_from(_written("share-mode-type", broader=True)))
def test_a_share_mode_type_for_the_class_reads_as_class_and_type(
    written: tuple[str, Concept],
) -> None:
    label, concept = written
    resource = copy.deepcopy(RESOURCE)
    resource["share"] = {"share_type": "无条件共享", "share_mode_class": label}
    record, hits = _read(resource)
    expected = copy.deepcopy(RESOURCE)
    expected["share"] = {
        "share_type": "无条件共享",
        "share_mode_class": _class_of("share-mode-class", concept),
        "share_mode_type": concept.label_zh,
    }
    assert record == _read(expected)[0]
    assert ("GC-F003", "/share/share_mode_class") in hits
    assert not [h for h in hits if h[0] in ("GC-F001", "GC-F002")]


@settings(max_examples=60)
@given(st.sampled_from(_written("format-type", broader=True)))
def test_a_single_format_cell_with_a_type_implies_its_class(written: tuple[str, Concept]) -> None:
    label, concept = written
    resource = copy.deepcopy(RESOURCE)
    del resource["format"]
    resource["信息资源格式"] = label
    record, hits = _read(resource)
    assert record["format"]["format_class"] == _class_of("format-class", concept)
    assert ("GC-F003", "/format/format_class") in hits
    assert not [h for h in hits if h[0] == "GC-F001"]


@given(st.sampled_from(_written("format-type", broader=True)))
def test_a_class_written_beside_the_type_is_kept(written: tuple[str, Concept]) -> None:
    label, _ = written
    resource = copy.deepcopy(RESOURCE)
    resource["format"] = {"format_class": "其他", "format_types": [label]}
    record, hits = _read(resource)
    assert record["format"]["format_class"] == "其他"
    assert ("GC-F003", "/format/format_class") not in hits


def test_a_type_the_vocabulary_places_under_no_class_implies_none() -> None:
    resource = copy.deepcopy(RESOURCE)
    resource["share"] = {"share_type": "无条件共享", "share_mode_class": "线下"}
    _, hits = _read(resource)
    assert ("GC-F002", "/share/share_mode_class") in hits


def test_a_portal_export_keeps_its_one_finding_per_file() -> None:
    portal = get_pack("open-data-portal")
    out = Coercer(portal).resource({"标题": "公交线路", "数据格式": "xlsx"})
    assert out is not None
    assert "format_class" not in out.record.get("format", {})


def test_a_long_text_implies_nothing_and_is_not_remembered() -> None:
    implied = Implied(PACK)
    spec = PACK.fields.get("share.share_mode_class")
    assert implied.of(spec, "接口" * 5_000) is None
    assert implied.of(spec, "接口") == ("共享平台方式", "接口")
    assert len(implied._known) == 1  # the long text left no entry behind
