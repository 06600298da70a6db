"""Rules of 《政务数据共享条例》 that read the content of a value (第十四条, 第十五条, 第三十四条).

The element requirements (数据分类分级, 使用条件, 不予共享理由) are declared rules of the pack
``sharing-2025``; the rules here need the pack's data: the phrases by which 使用条件 name a
scope and a purpose (``conditions.toml``) and the forms of a legal basis
(``legal-basis.toml``). A pack selects them with ``[rules] modules``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from govcatalog.packs.lawdata import LegalBasis
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin._util import CONDITIONAL, NOT_SHARED, UNCONDITIONAL, invalid
from govcatalog.rules.engine import RuleContext, RuleSet, rule

_TITLE = re.compile(r"《([^《》]+)》")
_CORE_LEVELS = frozenset({"核心数据", "重要数据"})
"""Top levels of 数据分类分级 that the regulation's security rules protect most."""


def _compact(text: str) -> str:
    """NFKC, without spaces (patterns are written for text without them)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True, slots=True)
class BasisVerdict:
    """Whether a 不予共享 basis is a 法律, 行政法规 or 国务院决定.

    Attributes:
        qualifies: True, False, or None when a cited title's form cannot be told.
        reason_zh: Why not (or what could not be told), in Chinese.
        reason_en: The same in English.
    """

    qualifies: bool | None
    reason_zh: str = ""
    reason_en: str = ""


def _title_kind(title: str, legal: LegalBasis) -> tuple[bool | None, str, str]:
    name = _compact(title)
    if name in legal.administrative_regulations:
        return True, "行政法规", "an administrative regulation"
    for form in legal.forms:
        if form.pattern.search(name):
            return form.qualifies, form.kind_zh, form.kind_en
    return None, "未能识别的文件", "a document of unknown form"


def classify_basis(text: str, legal: LegalBasis) -> BasisVerdict:
    """Classify a 不予共享 basis by the titles it cites (第十四条（三）).

    The basis qualifies when at least one title it cites is a 法律, 行政法规 or 国务院决定;
    a text citing no title qualifies when it names a State Council decree or a law.
    """
    compact = _compact(text)
    titles = _TITLE.findall(compact)
    if not titles:
        if legal.decree is not None and legal.decree.search(compact):
            return BasisVerdict(True)
        if legal.bare_law is not None and legal.bare_law.search(compact):
            return BasisVerdict(True)
        if legal.vague is not None and legal.vague.search(compact):
            return BasisVerdict(
                False,
                "“依据…要求”一类表述，未写明法律、行政法规或国务院决定的名称",
                "a phrase such as “as required by …” that names no law, "
                "administrative regulation or State Council decision",
            )
        return BasisVerdict(
            False,
            "未写明法律、行政法规或国务院决定的名称",
            "it names no law, administrative regulation or State Council decision",
        )
    unknown: list[str] = []
    kinds_zh: list[str] = []
    kinds_en: list[str] = []
    for title in titles:
        qualifies, kind_zh, kind_en = _title_kind(title, legal)
        if qualifies:
            return BasisVerdict(True)
        if qualifies is None:
            unknown.append(title)
        kinds_zh.append(f"《{title}》为{kind_zh}")
        kinds_en.append(f"《{title}》 is {kind_en}")
    if unknown:
        names = "、".join(f"《{t}》" for t in unknown)
        names_en = ", ".join(f"《{t}》" for t in unknown)
        verb = "is" if len(unknown) == 1 else "are"
        return BasisVerdict(
            None,
            f"{names}不在标准包的行政法规名录中，无法确认其为行政法规",
            f"{names_en} {verb} not in the pack's list of administrative regulations",
        )
    return BasisVerdict(False, "；".join(kinds_zh), "; ".join(kinds_en))


def not_shared_basis(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """第十四条（三）、第十五条: a 不予共享 basis is a 法律, 行政法规 or 国务院决定."""
    share = rec.get("share") or {}
    legal = ctx.pack.legal_basis
    basis = share.get("share_condition")
    if legal is None or share.get("share_type") != NOT_SHARED:
        return
    if not isinstance(basis, str) or not basis.strip():
        return  # no basis at all: GC-R003
    key = ("sharing2025-basis", basis)
    verdict = ctx.memo.get(key)
    if verdict is None:
        verdict = ctx.memo[key] = classify_basis(basis, legal)
    if verdict.qualifies:
        return
    code = "GC-L005" if verdict.qualifies is False else "GC-L008"
    params = {"reason_zh": verdict.reason_zh, "reason_en": verdict.reason_en}
    yield Hit(code, "/share/share_condition", params, basis)


def conditions_name_scope_and_purpose(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """第十五条: the 使用条件 of a 有条件共享 entry list 共享范围 and 使用用途."""
    phrases = ctx.pack.conditions
    share = rec.get("share") or {}
    if phrases is None or share.get("share_type") != CONDITIONAL:
        return
    text = (rec.get("extensions") or {}).get("usage_conditions")
    if not isinstance(text, str) or not text.strip():
        return  # missing: GC-L002
    compact = _compact(text)
    scope = any(p.search(compact) for p in phrases.scope)
    purpose = any(p.search(compact) for p in phrases.purpose)
    pointer = "/extensions/usage_conditions"
    if not scope and not purpose:
        yield Hit("GC-L004", pointer, {}, text)
    elif not scope or not purpose:
        missing_zh, missing_en = ("共享范围", "a scope") if not scope else ("使用用途", "a purpose")
        yield Hit("GC-L007", pointer, {"missing_zh": missing_zh, "missing_en": missing_en}, text)


def grade_against_share_type(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """重要数据 and 核心数据 shared unconditionally deserve a second look (第三十四条)."""
    share = rec.get("share") or {}
    grade = (rec.get("extensions") or {}).get("data_grade")
    if share.get("share_type") != UNCONDITIONAL or not isinstance(grade, str):
        return
    if invalid(rec, "/extensions/data_grade"):
        return
    spec = ctx.pack.fields.get("extensions.data_grade")
    try:
        vocab = ctx.pack.field_vocabulary(spec)
        concept = vocab.concept(grade)
    except KeyError:
        return
    by_iri = {c.iri: c for c in vocab.concepts}
    while concept.broader is not None and concept.broader in by_iri:
        concept = by_iri[concept.broader]
    if concept.label_zh in _CORE_LEVELS:
        yield Hit("GC-L006", "/extensions/data_grade", {"grade": vocab.term(grade)}, grade)


RULES = RuleSet(
    (
        rule("GC-L005", "GC-L008")(not_shared_basis),
        rule("GC-L004", "GC-L007")(conditions_name_scope_and_purpose),
        rule("GC-L006")(grade_against_share_type),
    )
)
"""The Python rules of 《政务数据共享条例》."""


def rules() -> RuleSet:
    """The rule set a pack names in ``[rules] modules``."""
    return RULES
