"""A 项 written by a short name within its 类: 法人 under 基础信息资源目录 is 法人单位基础信息资源.

Compilation tables name the 项 of 基础信息资源目录 as departments speak of the base databases
(人口, 法人, 空间地理, 电子证照), or with the 类 after a 项 that lacks it (社会保障主题). A short
name means one 项 only within its 类 (法人 is no 项 of 主题信息资源目录), so it is read once the
类 is: after the record, whatever order its keys, columns or path gave the two in.

The names come from the vocabulary alone (``resource-class``), for each 项 of a 类:

* its labels: the canonical label, and the other forms the scheme gives it (hidden and
  alternative labels: 人口 for 国家人口基础信息资源, 法人 for 法人单位基础信息资源);
* each of those without a name of the 类 it ends in (法人单位基础信息资源 less 基础信息资源:
  法人单位; 电子证照).

A written 项 is compared after folding (width, spaces, invisible characters) and, failing that,
without a name of its 类 it ends in (法人基础信息资源: 法人; 社会保障主题: 社会保障). A name two
项 of one 类 share is no name of either, and a name of no 项 is none: the rule then says the 项
is no 项 of its 类 (GC-F008), as it says of a name it does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from govcatalog._vocab_text import fold
from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.records.coerced import Coerced, normalised, pointer_of
from govcatalog.records.hits import Record
from govcatalog.vocab import Concept, Vocabulary

LEI = "category.lei"
XIANG = "category.xiang"
_UNSEEN: Final = object()
_REMEMBERED = 4_096
"""Pairs of a 类 and a 项 as written remembered (a catalog writes a few dozen); then forgotten."""


def _without_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    """``text`` without the longest of ``suffixes`` it ends in, when something is left."""
    for suffix in suffixes:  # longest first
        if len(text) > len(suffix) and text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _forms(concept: Concept) -> tuple[str, ...]:
    return (concept.label_zh, *concept.alt_labels, *concept.hidden_labels)


class XiangNames:
    """The 项 of each 类 by every name the vocabulary gives or implies (see the module)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self._names: dict[str, dict[str, Concept]] = {}
        self._suffixes: dict[str, tuple[str, ...]] = {}
        for lei in vocab.top_concepts():
            suffixes = tuple(sorted({fold(f) for f in _forms(lei)}, key=len, reverse=True))
            self._suffixes[lei.label_zh] = suffixes
            self._names[lei.label_zh] = _unique(vocab.narrower(lei), suffixes)
        self._memo: dict[tuple[str, str], Concept | None] = {}

    def named(self, lei: str, written: str) -> Concept | None:
        """The 项 of the 类 ``lei`` (its canonical label) that ``written`` names in another
        form than its label; None for the label itself, a name of no 项 or of several."""
        key = (lei, written)
        found = self._memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self._memo) >= _REMEMBERED:
                self._memo.clear()
            found = self._memo[key] = self._find(lei, written)
        return found  # type: ignore[return-value]

    def _find(self, lei: str, written: str) -> Concept | None:
        names = self._names.get(lei)
        if not names:
            return None
        folded = fold(written)
        concept = names.get(folded) or names.get(_without_suffix(folded, self._suffixes[lei]))
        if concept is None or concept.label_zh == written:
            return None
        return concept


def _unique(members: Iterable[Concept], suffixes: tuple[str, ...]) -> dict[str, Concept]:
    """Folded name → 项, for the names only one of ``members`` has."""
    owners: dict[str, set[str]] = {}
    by_iri: dict[str, Concept] = {}
    for concept in members:
        by_iri[concept.iri] = concept
        for form in _forms(concept):
            folded = fold(form)
            for name in (folded, _without_suffix(folded, suffixes)):
                owners.setdefault(name, set()).add(concept.iri)
    return {name: by_iri[next(iter(iris))] for name, iris in owners.items() if len(iris) == 1}


class XiangReader:
    """Reads the 项 of a record by its short name, for one pack (remembered): a pack without a
    类 and a 项 among its elements, or without a vocabulary of the 类, reads none."""

    def __init__(self, pack: Pack) -> None:
        fields = pack.fields
        self._names: XiangNames | None = None
        self._spec: FieldSpec | None = None
        self._group, self._keys = "", ("", "")
        if not (fields.has(LEI) and fields.has(XIANG)):
            return
        lei, xiang = fields.get(LEI), fields.get(XIANG)
        vocab = pack.vocabularies.get(lei.vocabulary or "")
        if vocab is not None:
            self._names, self._spec = XiangNames(vocab), xiang
            self._group, self._keys = lei.parent or "", (lei.key, xiang.key)

    def named(self, record: Record) -> Concept | None:
        """The 项 the record's 类 and 项 say by a short name, or None (see :class:`XiangNames`)."""
        if self._names is None:
            return None
        category = record.get(self._group)
        if type(category) is not dict:
            return None
        lei, xiang = category.get(self._keys[0]), category.get(self._keys[1])
        if type(lei) is not str or type(xiang) is not str:
            return None
        return self._names.named(lei, xiang)

    def said(self, lei: object, written: str) -> str:
        """The 项 ``written`` stands for under the 类 ``lei``: its label, or ``written``."""
        if self._names is None or type(lei) is not str:
            return written
        concept = self._names.named(lei, written)
        return written if concept is None else concept.label_zh

    def read(self, record: Record, out: Coerced) -> None:
        """Set the 项 a short name stands for, reported as a non-standard form (GC-F003)."""
        concept = self.named(record)
        if concept is None or self._spec is None:
            return
        category = record[self._group]
        written = category[self._spec.key]
        category[self._spec.key] = concept.label_zh
        out.hits.append(normalised(self._spec, written, concept.term, pointer_of(XIANG)))
