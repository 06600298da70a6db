"""A vocabulary value or an element, said in each language: bilingual parameters, the values and
elements a template names ({term[…][…]}, {element[…]}), and the pack check of those names."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcatalog._bilingual import Bilingual, glossed, listed, quoted
from govcatalog.errors import PackError
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.codebook import parse_codebook
from govcatalog.packs.glossary import SHARED, references, unresolved
from govcatalog.packs.pack import load_pack
from govcatalog.vocab import load_vocabulary

CODEBOOK = """
[XX-T001]
severity = "warning"
title_zh = "t"
title_en = "t"
message_zh = "共享类型为“{term[share-type][有条件共享]}”，{element[share.share_type]}：{value}。"
message_en = "Share type is {term[share-type][有条件共享]}; {element[share.share_type]}: {kind}."
hint_zh = "h"
hint_en = "Choose one of {allowed}."
"""


def test_a_value_is_its_label_in_chinese_and_glossed_in_english() -> None:
    conditional = load_vocabulary("share-type").concept("有条件共享")
    assert conditional.term == Bilingual("有条件共享", '"有条件共享" (conditional sharing)')
    assert str(conditional.term) == "有条件共享"  # what the parameter was before
    # a value an English reader can read already needs no label: xlsx, or one without English
    assert load_vocabulary("format-type").term("xlsx") == quoted("xlsx")
    assert glossed("其他", "其他") == quoted("其他")
    # a value the vocabulary does not list is the text as it is
    assert load_vocabulary("share-type").term("部分共享") == quoted("部分共享")
    assert listed([glossed("每日", "daily"), "mysql"]) == Bilingual(
        "每日、mysql", '"每日" (daily), "mysql"'
    )


def test_a_template_names_values_and_elements(pack: Pack) -> None:
    book = parse_codebook(CODEBOOK, pack="t")
    entry = book["XX-T001"]
    cycles = load_vocabulary("update-cycle").restrict(include=["每日", "每周"])
    params = {"kind": load_vocabulary("share-type").term("不予共享"), "value": "x"}
    said = entry.render(
        {**params, "allowed": listed(c.term for c in cycles.concepts)}, pack.glossary
    )
    assert said.message_zh == "共享类型为“有条件共享”，共享类型：x。"
    assert said.message_en == (
        'Share type is "有条件共享" (conditional sharing); Share type (共享类型): '
        '"不予共享" (not shared).'
    )
    assert said.hint_en == 'Choose one of "每日" (daily), "每周" (weekly).'
    assert list(references(entry.message_en)) == [
        ("term", ("share-type", "有条件共享")),
        ("element", ("share.share_type",)),
    ]
    # without a pack the shared vocabularies say the values; an element stays as written
    alone = entry.render(params)
    assert alone.message_en.startswith('Share type is "有条件共享" (conditional sharing); ')
    assert "{element[share.share_type]}" in alone.message_en
    assert unresolved(entry.message_en, SHARED) == ["element[share.share_type]"]


def test_a_name_the_pack_lacks_is_said_as_written_and_refused_when_the_pack_loads(
    pack: Pack, tmp_path: Path
) -> None:
    wrong = CODEBOOK.replace("[有条件共享]}; ", "[部分共享]}; ").replace(
        "share.share_type]}:", "x.y]}:"
    )
    entry = parse_codebook(wrong, pack="t")["XX-T001"]
    said = entry.render({"kind": "k"}, pack.glossary)  # never a traceback while validating
    assert said.message_en == "Share type is {term[share-type][部分共享]}; {element[x.y]}: k."
    assert unresolved(entry.message_en, pack.glossary) == [
        "term[share-type][部分共享]",
        "element[x.y]",
    ]
    assert unresolved("{term[no-such-scheme][有条件共享]} {term[share-type]}", pack.glossary) == [
        "term[no-such-scheme][有条件共享]",
        "term[share-type]",
    ]
    # a value is named by its canonical label, not by another form of it
    assert unresolved("{term[share-type][有条件]}", pack.glossary) == ["term[share-type][有条件]"]
    (tmp_path / "pack.toml").write_text(
        '[pack]\nid = "child"\nversion = "1.0.0"\nstatus = "active"\nextends = "gb-1272@^1"\n',
        encoding="utf-8",
    )
    (tmp_path / "codebook.toml").write_text(wrong, encoding="utf-8")
    with pytest.raises(PackError, match=r"XX-T001 names .*term\[share-type\]\[部分共享\]"):
        load_pack(tmp_path, get_pack())
    (tmp_path / "codebook.toml").write_text(CODEBOOK.replace("{kind}.", "{kind."), encoding="utf-8")
    with pytest.raises(PackError, match="XX-T001: expected '}'"):
        load_pack(tmp_path, get_pack())  # a template that is none is refused too
    (tmp_path / "codebook.toml").write_text(CODEBOOK, encoding="utf-8")
    child = load_pack(tmp_path, get_pack())
    assert "XX-T001" in child.codebook
