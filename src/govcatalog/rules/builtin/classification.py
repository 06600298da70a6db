"""信息资源分类 and 信息资源代码: R7, the 项 lists and code table, and R11 for base resources."""

from __future__ import annotations

from collections.abc import Iterator

from govcatalog.model.code import ResourceCode
from govcatalog.model.enums import ResourceClass, ShareType
from govcatalog.records.coerce import PARSED_CODE
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.engine import RuleContext, RuleSet, rule


def _code(rec: Record) -> ResourceCode | None:
    """The parsed 信息资源代码, when it could be parsed."""
    parsed: ResourceCode | None = rec.get(PARSED_CODE)
    return parsed


def code_and_classification(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """The code's 类 and 项 digits agree with the named classification; the 项 belongs to the 类."""
    category = rec.get("category") or {}
    lei = category.get("lei")
    xiang = category.get("xiang")
    code = _code(rec)
    if lei is None:
        return
    key = ("resource-class", lei)
    known = ctx.memo.get(key)
    if known is None:  # the same few classes recur in every resource
        vocab = ctx.pack.vocabulary("resource-class")
        concept = vocab.concept(lei)
        known = ctx.memo[key] = (concept.notation, [c.label_zh for c in vocab.narrower(concept)])
    notation, members = known
    if code is not None and notation and code.lei != notation:
        yield Hit("GC-R007", "/code", {"lei": lei, "expected": notation}, code.lei)
    if xiang is None:
        return
    codes = ctx.pack.xiang_codes.get(lei, {})
    if members and xiang not in members:
        named = next((name for name, c in codes.items() if c == xiang), None)
        if named is None:  # neither a 项 of the 类 nor the code of one (项分类 = "01")
            params = {"lei": lei, "allowed": "、".join(members)}
            yield Hit("GC-F008", "/category/xiang", params, xiang)
            return
        xiang = named
    expected = codes.get(xiang)
    if code is not None and expected is not None and code.xiang != expected:
        yield Hit("GC-F009", "/code", {"xiang": xiang, "expected": expected}, code.xiang)


def base_items_shared(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Base items of base resources (人口, 法人, 空间地理, 电子证照 …) are shared freely."""
    lei = (rec.get("category") or {}).get("lei")
    code = _code(rec)
    is_base = lei == ResourceClass.BASE or (lei is None and code is not None and code.lei == "1")
    if not is_base:
        return
    share_type = (rec.get("share") or {}).get("share_type")
    if share_type is None or share_type == ShareType.UNCONDITIONAL:
        return
    items = rec.get("items") or []
    if items and all(item.get("base_item") is False for item in items):
        return  # only business items (业务信息项): conditional sharing is allowed
    yield Hit("GC-R011", "/share/share_type", {}, share_type)


RULES = RuleSet(
    (
        rule("GC-R007", "GC-F008", "GC-F009")(code_and_classification),
        rule("GC-R011")(base_items_shared),
    )
)
"""The rules of 信息资源分类 and 信息资源代码, in the order they run."""
