"""信息资源分类 and 信息资源代码: R7, the 项 lists and code table, and R11 for base resources."""

from __future__ import annotations

from collections.abc import Sequence

from govcatalog._bilingual import listed
from govcatalog.model.code import ResourceCode
from govcatalog.records.coerce import PARSED_CODE
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin._util import BASE, UNCONDITIONAL, term
from govcatalog.rules.engine import RuleContext, RuleSet, rule

_Verdict = tuple[str | None, str | None, str | None, dict[str, object] | None]
"""What a (类, 项) pair says whatever the code: the 类 digit, the 项 as named, its two digits,
and the GC-F008 parameters when the 项 is no 项 of the 类."""


def _verdict(ctx: RuleContext, key: tuple[str, str, str | None]) -> _Verdict:
    """What the pair of ``key`` says, kept in the memo for the pairs the vocabulary has."""
    _, lei, xiang = key
    vocab = ctx.pack.vocabulary("resource-class")
    concept = vocab.concept(lei)
    narrower = vocab.narrower(concept)
    members = [c.label_zh for c in narrower]
    known: _Verdict = (concept.notation, None, None, None)
    if xiang is None:
        ctx.memo[key] = known
        return known
    codes = ctx.pack.xiang_codes.get(lei, {})
    named: str | None = xiang
    if members and xiang not in members:  # then it may be the code of one (项分类 = "01")
        named = next((name for name, c in codes.items() if c == xiang), None)
    if named is None:  # neither a 项 of the 类 nor the code of one
        wrong: dict[str, object] = {
            "lei": concept.term,
            "allowed": listed(c.term for c in narrower),
        }
        return concept.notation, xiang, None, wrong
    known = (concept.notation, named, codes.get(named), None)
    if named in members:  # a 项 the vocabulary knows: the others are not kept
        ctx.memo[key] = known
    return known


def code_and_classification(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """The code's 类 and 项 digits agree with the named classification; the 项 belongs to the 类."""
    category = rec.get("category") or {}
    lei = category.get("lei")
    if lei is None:
        return ()
    xiang = category.get("xiang")
    key = ("resource-class", lei, xiang)
    known: _Verdict | None = ctx.memo.get(key)  # a few pairs recur in every resource
    notation, named, expected, wrong = known if known is not None else _verdict(ctx, key)
    code: ResourceCode | None = rec.get(PARSED_CODE)
    hits: list[Hit] = []
    if code is not None and notation and code.lei != notation:
        params = {"lei": term(ctx, "resource-class", lei), "expected": notation}
        hits.append(Hit("GC-R007", "/code", params, code.lei))
    if wrong is not None:
        hits.append(Hit("GC-F008", "/category/xiang", wrong, xiang))
    elif code is not None and expected is not None and code.xiang != expected:
        params = {"xiang": term(ctx, "resource-class", named), "expected": expected}
        hits.append(Hit("GC-F009", "/code", params, code.xiang))
    return hits


def base_items_shared(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """Base items of base resources (人口, 法人, 空间地理, 电子证照 …) are shared freely."""
    category = rec.get("category")
    lei = category.get("lei") if category else None
    if lei is None:  # then the code's 类 digit tells
        code: ResourceCode | None = rec.get(PARSED_CODE)
        if code is None or code.lei != "1":
            return ()
    elif lei != BASE:
        return ()
    share = rec.get("share")
    share_type = share.get("share_type") if share else None
    if share_type is None or share_type == UNCONDITIONAL:
        return ()
    items = rec.get("items")
    if items and all(item.get("base_item") is False for item in items):
        return ()  # only business items (业务信息项): conditional sharing is allowed
    params = {"share_type": term(ctx, "share-type", share_type)}
    return (Hit("GC-R011", "/share/share_type", params, share_type),)


RULES = RuleSet(
    (
        rule("GC-R007", "GC-F008", "GC-F009")(code_and_classification),
        rule("GC-R011")(base_items_shared),
    )
)
"""The rules of 信息资源分类 and 信息资源代码, in the order they run."""
