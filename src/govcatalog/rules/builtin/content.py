"""格式, 信息项, 开放属性, 提供方代码 and dates: R5, R6, R9 (future dates), R12, R14 and field
checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import Final

from govcatalog.identifiers import check_identifier
from govcatalog.model.enums import FormatClass
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin._util import OTHER_FORMAT, invalid, term
from govcatalog.rules.engine import RuleContext, RuleSet, rule

_STRUCTURED = frozenset({FormatClass.DATABASE, FormatClass.SPREADSHEET})
_NAME: Final = itemgetter("name")


def open_attributes(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """A resource open to the public states its open condition (R5); an open condition that
    is an open type of the other kind (不予开放 for one open, 无条件开放 for one not) contradicts
    是否向社会开放."""
    opened = rec.get("open")
    if not opened:
        return ()
    to_public, condition = opened.get("open_to_public"), opened.get("open_condition")
    if to_public is True and not condition:
        return (Hit("GC-R005", "/open/open_condition"),)
    if isinstance(to_public, bool) and isinstance(condition, str):
        opens = ctx.pack.value_forms.open_type(condition)
        if opens is not None and opens is not to_public:
            said = term(ctx, "open-to-public", "是" if to_public else "否")
            return (Hit("GC-R014", "/open/open_condition", {"open": said}, condition),)
    return ()


def format_rules(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """Structured formats list items (R6); 其他 and unusual types are described (R12)."""
    fmt = rec.get("format") or {}
    format_class = fmt.get("format_class")
    if format_class is None:
        return ()
    hits: list[Hit] = []
    if format_class in _STRUCTURED and not rec.get("items") and not invalid(rec, "/items"):
        params = {"format_class": term(ctx, "format-class", format_class)}
        hits.append(Hit("GC-R006", "/items", params, format_class))
    described = fmt.get("other_description")
    if format_class == OTHER_FORMAT:
        if not described:
            hits.append(Hit("GC-R012", "/format/other_description"))
        return hits
    if described:
        return hits
    for i, ftype in enumerate(fmt.get("format_types") or ()):
        key = ("format-type", format_class, ftype)
        suggested = ctx.memo.get(key)
        if suggested is None:  # a handful of (class, type) pairs recur across the catalog
            match = ctx.pack.vocabulary("format-type").lookup(ftype)
            class_iri = ctx.pack.vocabulary("format-class").concept(format_class).iri
            suggested = ctx.memo[key] = match is not None and match.concept.broader == class_iri
        if not suggested:
            params = {"format_class": term(ctx, "format-class", format_class)}
            hits.append(Hit("GC-F012", f"/format/format_types/{i}", params, ftype))
    return hits


def data_items(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """Each data item is listed once per resource."""
    items = rec.get("items")
    if not items:
        return ()
    try:  # every resource: the names in C (an itemgetter is quicker than dict.get, a methodcaller)
        if len(set(map(_NAME, items))) == len(items):
            return ()
    except KeyError:  # an item without a name: counted as None below
        pass
    names = Counter(map(dict.get, items, repeat("name")))
    dupes = {n: c for n, c in names.items() if n and c > 1}
    hits: list[Hit] = []
    for i, item in enumerate(items):
        name = item.get("name")
        if name in dupes:  # each name once, at its first item
            hits.append(Hit("GC-F011", f"/items/{i}/name", {"count": dupes.pop(name)}, name))
    return hits


def provider_code(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """信息资源提供方代码 is a valid identifier of the kind the pack expects."""
    code = rec.get("provider_code")
    kind = ctx.pack.provider_code_scheme
    if not code or kind is None:
        return ()
    key = (kind, code)
    result = ctx.memo.get(key)
    if result is None:  # departments repeat their codes across many resources
        result = check_identifier(
            kind, code, strict=ctx.pack.identifier_strict, allow=ctx.pack.identifier_allow
        )
        ctx.memo[key] = result
    if result.valid:
        return ()
    params = {
        "scheme_zh": kind.value,
        "scheme_en": kind.label_en,
        "reason_zh": result.message_zh,
        "reason_en": result.message_en,
    }
    return (Hit("GC-F006", "/provider_code", params, code),)


def dates(rec: Record, ctx: RuleContext) -> Sequence[Hit]:
    """发布日期 is not after the day of validation."""
    day = rec.get("publish_date")
    if day is not None and ctx.pack.future_publish_date and day > ctx.today:
        params = {"today": ctx.today.isoformat()}
        return (Hit("GC-F007", "/publish_date", params, day.isoformat()),)
    return ()


RULES = RuleSet(
    (
        rule("GC-R005", "GC-R014")(open_attributes),
        rule("GC-R006", "GC-R012", "GC-F012")(format_rules),
        rule("GC-F011")(data_items),
        rule("GC-F006")(provider_code),
        rule("GC-F007")(dates),
    )
)
"""The rules of 格式, 信息项, 开放属性, 提供方代码 and dates, in the order they run."""
