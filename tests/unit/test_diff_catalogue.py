"""The change catalogue is declared once and consistent; the docs table is generated from it."""

from __future__ import annotations

from pathlib import Path

from govcatalog.diff import ChangeKind, Impact, change_catalogue
from govcatalog.diff.impact import WIDER, cycle_rank, share_openness
from govcatalog.diff.render import render_catalogue_markdown
from govcatalog.model.enums import DataType, ShareType, UpdateCycle

DOCS = Path(__file__).resolve().parents[2] / "docs" / "diff.md"


def test_every_kind_is_declared_with_a_unique_code() -> None:
    catalogue = change_catalogue()
    assert set(catalogue) == set(ChangeKind)
    codes = [spec.code for spec in catalogue.values()]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("GC-D") and len(code) == 7 for code in codes)


def test_inverse_is_an_involution_and_keeps_or_swaps_impact() -> None:
    for kind, spec in change_catalogue().items():
        inverse = spec.inverse.spec
        assert inverse.inverse is kind
        if spec.inverse is kind:
            continue
        # a removal or tightening reads backwards as an addition or loosening
        assert {spec.impact, inverse.impact} <= {Impact.BREAKING, Impact.COMPATIBLE}


def test_templates_use_only_known_placeholders() -> None:
    fields = {"old": "a", "new": "b", "field_zh": "c", "field_en": "d", "item": "e"}
    for spec in change_catalogue().values():
        assert spec.reason_zh.format(**fields)
        assert spec.reason_en.format(**fields)


def test_orders() -> None:
    assert share_openness(ShareType.UNCONDITIONAL) > share_openness(ShareType.CONDITIONAL)
    assert share_openness(ShareType.CONDITIONAL) > share_openness(ShareType.NOT_SHARED)
    assert share_openness(ShareType.NOT_SHARED) > share_openness(None)
    ranks = [cycle_rank(c) for c in UpdateCycle if c is not UpdateCycle.OTHER]
    assert ranks == sorted(ranks)
    assert cycle_rank(UpdateCycle.OTHER) is None
    assert (DataType.INTEGER.value, DataType.DOUBLE.value) in WIDER
    assert not any((b, a) in WIDER for a, b in WIDER)


def test_docs_table_is_generated_from_the_catalogue() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("<!-- changes:start -->") + len("<!-- changes:start -->\n")
    end = text.index("<!-- changes:end -->")
    assert text[start:end] == render_catalogue_markdown()
