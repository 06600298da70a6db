"""格式, 信息项, 开放属性, 提供方代码 and dates: R5, R6, R9 (future dates), R12 and field checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import repeat

from govcatalog.identifiers import check_identifier
from govcatalog.model.enums import FormatClass
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin._util import invalid
from govcatalog.rules.engine import RuleContext, RuleSet, rule

_STRUCTURED = frozenset({FormatClass.DATABASE, FormatClass.SPREADSHEET})


def open_attributes(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """A resource open to the public states its open condition (R5)."""
    opened = rec.get("open") or {}
    if opened.get("open_to_public") is True and not opened.get("open_condition"):
        yield Hit("GC-R005", "/open/open_condition")


def format_rules(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Structured formats list items (R6); 其他 and unusual types are described (R12)."""
    fmt = rec.get("format") or {}
    format_class = fmt.get("format_class")
    described = bool(fmt.get("other_description"))
    if format_class in _STRUCTURED and not rec.get("items") and not invalid(rec, "/items"):
        yield Hit("GC-R006", "/items", {}, format_class)
    if format_class == FormatClass.OTHER and not described:
        yield Hit("GC-R012", "/format/other_description")
    if format_class is None or format_class == FormatClass.OTHER or described:
        return
    for i, ftype in enumerate(fmt.get("format_types") or ()):
        key = ("format-type", format_class, ftype)
        suggested = ctx.memo.get(key)
        if suggested is None:  # a handful of (class, type) pairs recur across the catalog
            match = ctx.pack.vocabulary("format-type").lookup(ftype)
            class_iri = ctx.pack.vocabulary("format-class").concept(format_class).iri
            suggested = ctx.memo[key] = match is not None and match.concept.broader == class_iri
        if not suggested:
            yield Hit("GC-F012", f"/format/format_types/{i}", {"format_class": format_class}, ftype)


def data_items(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """Each data item is listed once per resource."""
    items = rec.get("items")
    if not items or len(items) < 2:
        return
    # in C, dict.get called directly (a methodcaller takes twice as long): every resource
    if len(set(map(dict.get, items, repeat("name")))) == len(items):
        return
    names = Counter(map(dict.get, items, repeat("name")))
    dupes = {n: c for n, c in names.items() if n and c > 1}
    if not dupes:
        return
    reported: set[str] = set()
    for i, item in enumerate(items):
        name = item.get("name")
        if name in dupes and name not in reported:
            reported.add(name)
            yield Hit("GC-F011", f"/items/{i}/name", {"count": dupes[name]}, name)


def provider_code(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """信息资源提供方代码 is a valid identifier of the kind the pack expects."""
    code = rec.get("provider_code")
    kind = ctx.pack.provider_code_scheme
    if not code or kind is None:
        return
    key = (kind, code)
    result = ctx.memo.get(key)
    if result is None:  # departments repeat their codes across many resources
        result = check_identifier(
            kind, code, strict=ctx.pack.identifier_strict, allow=ctx.pack.identifier_allow
        )
        ctx.memo[key] = result
    if not result.valid:
        params = {
            "scheme_zh": kind.value,
            "scheme_en": kind.label_en,
            "reason_zh": result.message_zh,
            "reason_en": result.message_en,
        }
        yield Hit("GC-F006", "/provider_code", params, code)


def dates(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
    """发布日期 is not after the day of validation."""
    day = rec.get("publish_date")
    if day is not None and ctx.pack.future_publish_date and day > ctx.today:
        yield Hit("GC-F007", "/publish_date", {"today": ctx.today.isoformat()}, day.isoformat())


RULES = RuleSet(
    (
        rule("GC-R005")(open_attributes),
        rule("GC-R006", "GC-R012", "GC-F012")(format_rules),
        rule("GC-F011")(data_items),
        rule("GC-F006")(provider_code),
        rule("GC-F007")(dates),
    )
)
"""The rules of 格式, 信息项, 开放属性, 提供方代码 and dates, in the order they run."""
