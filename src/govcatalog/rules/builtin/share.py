"""共享属性: R1, R2, R3, R4, R10 (and the legal-basis check behind R3)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from govcatalog._bilingual import Bilingual, glossed, joined, quoted
from govcatalog.records.forms import NO_CONDITION
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin._util import (
    CONDITIONAL,
    NOT_SHARED,
    PLATFORM,
    UNCONDITIONAL,
    fold,
    missing,
    term,
)
from govcatalog.rules.engine import RuleContext, RuleSet, rule

_LEGAL_BASIS = re.compile(r"《[^》]+》|法|条例|规定|办法|决定|意见|通知|政策|规章|细则|第.+条")
"""Words by which a 不予共享依据 names a law, regulation or policy document."""
_NONE = "无条件"
"""What a 共享条件 that states no condition reads as (R1)."""


def _folded(condition: str, ctx: RuleContext) -> str:
    """The condition folded (remembered: the same few conditions recur across a catalog)."""
    key = ("share-condition-fold", condition)
    folded: str | None = ctx.memo.get(key)
    if folded is None:
        folded = ctx.memo[key] = fold(condition)
    return folded


def _no_condition(ctx: RuleContext) -> Bilingual:
    """共享条件 "无条件", said in English as the share type whose other form it is."""
    match = ctx.pack.vocabulary("share-type").lookup(_NONE)
    return glossed(_NONE, match.concept.label_en) if match else quoted(_NONE)


def share_attributes(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """The share type decides what the other share attributes must say."""
    share = rec.get("share")
    if not share:
        return ()
    share_type = share.get("share_type")
    condition = share.get("share_condition")
    folded = _folded(condition, ctx) if condition else ""
    cp = "/share/share_condition"
    hits: list[Hit] = []
    if share_type == UNCONDITIONAL and condition:
        if folded not in NO_CONDITION:
            hits.append(Hit("GC-R001", cp, {}, condition))
        elif folded not in (_NONE, ""):
            spec = ctx.pack.fields.get("share.share_condition")
            params: dict[str, object] = {
                "element_zh": spec.zh,
                "element_en": spec.en,
                "canonical": _no_condition(ctx),
            }
            hits.append(Hit("GC-F003", cp, params, condition))
    elif share_type == CONDITIONAL and folded in NO_CONDITION:
        hits.append(Hit("GC-R002", cp, {}, condition))
    elif share_type == NOT_SHARED:
        if folded in NO_CONDITION:
            hits.append(Hit("GC-R003", cp, {}, condition))
        elif condition and not _LEGAL_BASIS.search(condition):
            hits.append(Hit("GC-R013", cp, {}, condition))

    mode_class = share.get("share_mode_class")
    mode_type = share.get("share_mode_type")
    if share_type == NOT_SHARED:
        given = " / ".join(str(v) for v in (mode_class, mode_type) if v)
        if given:
            said = [term(ctx, "share-mode-class", mode_class)] if mode_class else []
            said += [term(ctx, "share-mode-type", mode_type)] if mode_type else []
            params = {"share_mode": joined(said, " / ", " / ")}
            hits.append(Hit("GC-R004", "/share/share_mode_class", params, given))
        return hits
    if share_type is not None and mode_class is None:
        hit = missing(ctx, rec, "share.share_mode_class")
        if hit:
            hits.append(hit)
    if mode_class == PLATFORM and mode_type is None:
        hit = missing(ctx, rec, "share.share_mode_type")
        if hit:
            hits.append(hit)
    if mode_type is not None and mode_class is not None and mode_class != PLATFORM:
        params = {
            "share_mode_class": term(ctx, "share-mode-class", mode_class),
            "share_mode_type": term(ctx, "share-mode-type", mode_type),
        }
        hits.append(Hit("GC-R010", "/share/share_mode_type", params, mode_type))
    return hits


RULES = RuleSet(
    (
        rule(
            "GC-R001", "GC-R002", "GC-R003", "GC-R004", "GC-R010", "GC-R013", "GC-F001", "GC-F003"
        )(share_attributes),
    )
)
"""The rules of 共享属性, in the order they run."""
