"""The rule layer's own pieces, called directly: rule sets, declared rules one at a time, the
summaries the catalog-wide rules receive from worker processes, the document-level hits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from govcatalog.packs import Pack, get_pack
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.builtin import BUILTIN_RULES
from govcatalog.rules.catalog import FixedPositions, ResourceSummary
from govcatalog.rules.declared import check_declared
from govcatalog.rules.document import facts_not_an_object
from govcatalog.rules.engine import RuleContext, rule

TODAY = dt.date(2026, 1, 15)


def test_a_rule_is_called_like_its_function(pack: Pack) -> None:
    @rule("GC-F007")
    def echo(rec: Record, ctx: RuleContext) -> Iterator[Hit]:
        yield Hit("GC-F007", "/publish_date", {"today": ctx.today.isoformat()}, rec["x"])

    assert (echo.id, echo.codes) == ("echo", frozenset({"GC-F007"}))
    assert rule("GC-F007", "GC-F001", rule_id="renamed")(echo.check).id == "renamed"
    ctx = RuleContext(pack, TODAY)
    assert list(echo({"x": 1}, ctx)) == [
        Hit("GC-F007", "/publish_date", {"today": "2026-01-15"}, 1)
    ]


def test_a_rule_set_without_some_rules() -> None:
    ids = [r.id for r in BUILTIN_RULES]
    fewer = BUILTIN_RULES.without(["dates", "provider_code", "no-such-rule"])
    assert [r.id for r in fewer] == [i for i in ids if i not in {"dates", "provider_code"}]
    assert len(fewer) == len(BUILTIN_RULES) - 2


def test_one_declared_rule_on_one_record() -> None:
    province = get_pack("example-province@^1")
    first = province.declared_rules[0]  # 有条件共享 names its information system
    ctx = RuleContext(province, TODAY)
    rec: Record = {"share": {"share_type": "有条件共享"}, "extensions": {}}
    hits = list(check_declared(first, rec, ctx))
    assert [(h.code, h.pointer) for h in hits] == [
        (first.code, "/" + first.require[0].replace(".", "/"))
    ]
    rec["extensions"] = {first.require[0].split(".")[-1]: "市场主体登记系统"}
    assert list(check_declared(first, rec, ctx)) == []


class _Lines:
    """A locator that puts each pointer on a line of its own."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        self.asked.append(pointer)
        return len(pointer), 3


def test_a_summary_resolved_for_another_process_keeps_the_positions_the_rules_report() -> None:
    lines = _Lines()
    summary = ResourceSummary(
        index=0,
        pointer="/resources/0",
        code="X",
        name="甲",
        provider="乙",
        related=(("Y", "/related_codes/0"),),
        code_pointer="/code",
        name_pointer="/名称",
        locator=lines,
        file="a.json",
    )
    resolved = summary.resolved()
    assert lines.asked == ["/code", "/名称", "/related_codes/0"]
    assert resolved.locator == FixedPositions(
        {"/code": (5, 3), "/名称": (3, 3), "/related_codes/0": (16, 3)}
    )
    assert resolved.file == "a.json"
    assert summary.resolved("b.json").file == "b.json"
    assert resolved.locator.locate("/abstract") == (None, None)
    assert (resolved.code, resolved.name, resolved.related) == ("X", "甲", summary.related)


def test_catalog_facts_that_are_not_an_object() -> None:
    assert facts_not_an_object() == Hit(
        "GC-S002",
        "",
        {"detail_zh": "目录信息应为对象", "detail_en": "catalog facts must be an object"},
    )
