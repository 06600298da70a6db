"""The indexed resolver returns exactly what the brute-force scan returns.

Random catalogs (item names drawn from a small alphabet of real item-name characters, so that
names share bigrams and fuzzy matches happen) and random requests (existing names, variants
with characters inserted, dropped or replaced, qualified names, resource names, and unrelated
names) are resolved against the
index and against :class:`~govcatalog.resolve.scan.ScanIndex`, which scans every item with the
same normalisation and scoring.
"""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    MatchKind,
    Requester,
    ResolveIndex,
    ResolveOptions,
    ResourceSpec,
    ScanIndex,
    load_base_pack,
    matching,
    normalise,
    resolve,
)

CHARS = "企业名称代码注册地址日期身份证号码法人姓名类型状态（） "
name_st = st.text(alphabet=CHARS, min_size=1, max_size=10)


@st.composite
def catalogs(draw: st.DrawFn) -> list[CatalogEntry]:
    entries = []
    for c in range(draw(st.integers(1, 3))):
        role = draw(st.sampled_from(list(CatalogRole)))
        resources = []
        for r in range(draw(st.integers(1, 4))):
            names = draw(st.lists(name_st, min_size=1, max_size=6))
            share = draw(st.sampled_from([*ShareType, None]))
            resources.append(
                ResourceSpec(
                    f"{c}{r}1001/{r:06d}",
                    f"资源{r}",
                    share,
                    "依据某法第一条",
                    None,
                    tuple(ItemSpec(n) for n in names),
                )
            )
        entries.append(
            CatalogEntry(
                f"cat{c}",
                "1",
                role,
                "population" if role is CatalogRole.BASE else None,
                None,
                tuple(resources),
            )
        )
    return entries


@st.composite
def variants(draw: st.DrawFn, entries: list[CatalogEntry]) -> str:
    names = [i.name for e in entries for r in e.resources for i in r.items]
    base = draw(st.sampled_from(names))
    near = ["insert", "insert", "drop", "drop", "replace", "replace"]  # misspelt: fuzzy matches
    op = draw(st.sampled_from(["same", *near, "other", "qualified", "resource"]))
    if op == "qualified":  # who or what it belongs to, before the item (contained matches)
        return draw(name_st) + base + draw(st.sampled_from(["", "信息", "（必填）"]))
    if op == "resource":  # a resource named instead of an item
        resources = [r.name for e in entries for r in e.resources]
        return draw(st.sampled_from(resources)) + draw(st.sampled_from(["", "信息", "数据"]))
    pos = draw(st.integers(0, len(base)))
    ch = draw(st.sampled_from(CHARS))
    if op == "insert":
        return base[:pos] + ch + base[pos:]
    if op == "drop":
        return base[:pos] + base[pos + 1 :]
    if op == "replace":
        return base[:pos] + ch + base[pos + 1 :]
    if op == "other":
        return draw(name_st)
    return base


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[CatalogEntry], dict[str, str], list[str]]:
    entries = draw(catalogs())
    names = sorted(
        {normalise(i.name) for e in entries for r in e.resources for i in r.items} - {""}
    )
    synonyms = {}
    for variant in draw(st.lists(name_st, max_size=4)):
        key = normalise(variant)
        if key and names:
            target = draw(st.sampled_from(names))
            if key != target:
                synonyms[key] = target
    items = draw(st.lists(variants(entries), min_size=3, max_size=10))
    return entries, synonyms, items


BASES = load_base_pack()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from([60.0, 70.0, 80.0]))
def test_index_equals_brute_force(
    case: tuple[list[CatalogEntry], dict[str, str], list[str]], accept: float
) -> None:
    """The index, asking the high fuzzy levels first, answers as the scan asking once.

    The reference scans every key and asks the fuzzy lookup once, at ``accept - margin``
    (no :data:`~govcatalog.resolve.matching.FUZZY_LEVELS`).
    """
    entries, synonyms, items = case
    request = DataRequest(Requester("某局"), None, tuple(items), (), dt.date(2025, 3, 3))
    options = ResolveOptions(accept=accept, cutoff=40.0)
    fast = resolve(request, ResolveIndex.build(entries, synonyms), bases=BASES, options=options)
    with patch.object(matching, "FUZZY_LEVELS", ()):
        slow = resolve(request, ScanIndex(entries, synonyms), bases=BASES, options=options)
    assert fast.to_json_dict() == slow.to_json_dict()
    for kind in sorted({r.kind.value for r in fast.items}):
        event(f"answer kind: {kind}")
    for r in fast.items:
        if r.kind is MatchKind.FUZZY:  # found at a level, or by the query at accept - margin
            level = next((x for x in matching.FUZZY_LEVELS if r.score >= x), None)
            event(f"fuzzy match at level {level}" if level else "fuzzy match below the levels")
            if level and r.score < level + options.margin:
                event("fuzzy match at a level, asked again at best - margin")


@st.composite
def near_queries(draw: st.DrawFn, entries: list[CatalogEntry]) -> str:
    """A name of the catalogs with a character inserted, dropped or replaced, or any name."""
    names = [i.name for e in entries for r in e.resources for i in r.items]
    return draw(st.one_of(variants(entries), name_st, st.sampled_from(names)))


@settings(max_examples=80, deadline=None)
@given(st.data(), catalogs(), st.sampled_from([30.0, 50.0, 70.0, 85.0, 90.0]))
def test_fuzzy_hits_equal_brute_force(
    data: st.DataObject, entries: list[CatalogEntry], cutoff: float
) -> None:
    index = ResolveIndex.build(entries)
    scan = ScanIndex(entries)
    for q in data.draw(st.lists(near_queries(entries), min_size=1, max_size=5)):
        norm = normalise(q)
        hits = index.fuzzy(norm, cutoff=cutoff, limit=50)
        assert hits == scan.fuzzy(norm, cutoff=cutoff, limit=50)
        assert index.fuzzy(norm, cutoff=cutoff, limit=2) == hits[:2]
        event("hits" if hits else "no hit")


def _edit(draw: st.DrawFn, name: str) -> str:
    """``name`` with one character inserted, dropped or replaced."""
    pos = draw(st.integers(0, len(name) - 1))
    ch = draw(st.sampled_from("的之信息类"))
    op = draw(st.sampled_from(["insert", "drop", "replace"]))
    if op == "insert":
        return name[:pos] + ch + name[pos:]
    if op == "drop":
        return name[:pos] + name[pos + 1 :]
    return name[:pos] + ch + name[pos + 1 :]


@st.composite
def crowded(draw: st.DrawFn) -> tuple[list[CatalogEntry], list[str]]:
    """Items that are one or two edits from one long name, requested misspelt.

    Their scores against a request lie close together (85–95), where the fuzzy levels, the best
    score and the margin decide between a match, an ambiguous answer and asking again.
    """
    stem = draw(st.text("企业名称代码注册地址日期身份证号法人姓类型状态", min_size=8, max_size=14))
    names = {stem}
    for _ in range(draw(st.integers(1, 6))):
        name = _edit(draw, stem)
        names.add(_edit(draw, name) if draw(st.booleans()) else name)
    items = tuple(ItemSpec(n) for n in sorted(names) if normalise(n))
    share = ShareType.UNCONDITIONAL
    spec = ResourceSpec("11001/000000", "资源", share, None, None, items)
    entries = [CatalogEntry("cat", "1", CatalogRole.DEPARTMENT, None, None, (spec,))]
    asked = draw(st.lists(st.sampled_from(sorted(names)), min_size=1, max_size=6))
    return entries, [_edit(draw, n) for n in asked]


@settings(max_examples=150, deadline=None)
@given(crowded(), st.sampled_from([80.0, 85.0]), st.sampled_from([2.0, 3.0, 5.0]))
def test_close_fuzzy_scores_equal_brute_force(
    case: tuple[list[CatalogEntry], list[str]], accept: float, margin: float
) -> None:
    """Near the levels, the index answers as the scan asking once at ``accept - margin``."""
    entries, items = case
    request = DataRequest(Requester("某局"), None, tuple(items), (), dt.date(2025, 3, 3))
    options = ResolveOptions(accept=accept, margin=margin, cutoff=40.0)
    fast = resolve(request, ResolveIndex.build(entries), bases=BASES, options=options)
    with patch.object(matching, "FUZZY_LEVELS", ()):
        slow = resolve(request, ScanIndex(entries), bases=BASES, options=options)
    assert fast.to_json_dict() == slow.to_json_dict()
    for r in fast.items:
        level = next((x for x in matching.FUZZY_LEVELS if r.score >= x), None)
        if r.kind in (MatchKind.FUZZY, MatchKind.AMBIGUOUS) and level:
            event(
                f"{r.kind.value} at a level" + (", asked again" if r.score < level + margin else "")
            )
        else:
            event(f"{r.kind.value} below the levels")


def test_resource_whose_items_have_no_name_is_still_named() -> None:
    """A resource counts as named even when none of its items has a usable name.

    Two base catalogs each hold a resource 资源0; the second one's only item is blank. Both
    the index and the scan see two resources of that name, so the answer is ambiguous.
    """
    entries = [
        CatalogEntry(
            f"cat{c}",
            "1",
            CatalogRole.BASE,
            "population",
            None,
            (
                ResourceSpec(
                    f"{c}01001/000000",
                    "资源0",
                    ShareType.UNCONDITIONAL,
                    "依据某法第一条",
                    None,
                    (ItemSpec(name),),
                ),
            ),
        )
        for c, name in enumerate(["业", " "])
    ]
    request = DataRequest(Requester("某局"), None, ("资源0",), (), dt.date(2025, 3, 3))
    fast = resolve(request, ResolveIndex.build(entries), bases=BASES)
    slow = resolve(request, ScanIndex(entries), bases=BASES)
    assert fast.to_json_dict() == slow.to_json_dict()
    assert [item.kind.value for item in fast.items] == ["ambiguous"]
