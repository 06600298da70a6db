"""Resolving a data request item by item: where the data is, under which share type, what to do.

For each requested item the resolver tries, in this order, an exact match of the normalised
name, a synonym, a whole resource or licence named instead of an item (营业执照信息), an item
name the requested name ends with (申请人身份证号码 → 公民身份号码,
:mod:`govcatalog.resolve.containment`), and a fuzzy match (:mod:`govcatalog.resolve.index`).
Among the items a match leads to, items of base catalogs come first (第八条(二): the base
databases are the authoritative source). One item is a match; several are reported as
ambiguous with the options; a fuzzy best score below the acceptance threshold is reported as
unmatched with the nearest candidates. Nothing is guessed silently.

The action and its time limits follow the rules in force on the request's date
(:func:`~govcatalog.packs.regime.pick_regime`), read from that pack's ``deadlines.toml``.
Under 国发〔2016〕51号 (第十条): 无条件共享 — take it directly from the platform; 有条件共享 —
apply, and the provider answers within 10 working days. Under 《政务数据共享条例》 (from
2025-08-01): every request is answered — within 1 working day for 无条件共享, 10 for
有条件共享 (第二十一条) — and the data is delivered within 20 working days of the agreeing
reply (第二十二条); a request lacking what 第二十条 requires gets 补充材料 with the list of what
to add, never a refusal (第二十一条); a 有条件共享 item the request does not fit is flagged for
the provider's review. 不予共享 — refused, with its legal basis. Whatever the platform can
provide must not be collected again from citizens or companies (51号 第十一条; 条例 第十九条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from govcatalog.model.enums import ShareType
from govcatalog.packs.lawdata import DELIVERY, REPLY_CONDITIONAL, REPLY_UNCONDITIONAL, Deadline
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime, pick_regime
from govcatalog.resolve.bases import BaseDataPack, load_base_pack
from govcatalog.resolve.calendar import DueDate, WorkingCalendar
from govcatalog.resolve.conditions import ConditionReview, review_conditions
from govcatalog.resolve.containment import find_contained, strip_generic
from govcatalog.resolve.keys import KeyRoute, route_key
from govcatalog.resolve.licences import LicenceCatalog, LicenceType
from govcatalog.resolve.lookup import ItemIndex, Targets, sort_hits
from govcatalog.resolve.model import CatalogRole, IndexedItem
from govcatalog.resolve.normalise import normalise
from govcatalog.resolve.request import DataRequest, RequestFormat, RequestSource, open_request
from govcatalog.resolve.rewrite import RewriteTable


class MatchKind(StrEnum):
    """How a requested item was matched."""

    EXACT = "exact"
    """The normalised name equals an item name."""
    SYNONYM = "synonym"
    """The name is a listed synonym of an item name."""
    RESOURCE = "resource"
    """The name is a resource's or a licence type's, not an item's: its items are listed."""
    CONTAINED = "contained"
    """The name ends with an item name or synonym (申请人身份证号码 → 公民身份号码)."""
    FUZZY = "fuzzy"
    """The name is similar enough to one item name."""
    AMBIGUOUS = "ambiguous"
    """More than one item fits equally well: the requester must choose."""
    UNMATCHED = "unmatched"
    """No item fits; the nearest candidates are listed."""


class Action(StrEnum):
    """What the requester must do to get the data (第十条)."""

    TAKE = "take"
    """无条件共享: take it directly from the sharing platform."""
    APPLY = "apply"
    """有条件共享: apply; the provider answers by the due date."""
    REFUSED = "refused"
    """不予共享: not shared; the legal basis is given."""
    UNDETERMINED = "undetermined"
    """The catalog states no share type: ask the provider."""
    SUPPLEMENT = "supplement"
    """The request lacks what the law requires it to state: add it (条例 第二十一条)."""
    NONE = "none"
    """No single item was matched."""

    @property
    def label_zh(self) -> str:
        """The action in Chinese."""
        return _ACTION_ZH[self]


_ACTION_ZH = {
    Action.TAKE: "直接获取",
    Action.APPLY: "提出申请",
    Action.REFUSED: "不予共享",
    Action.UNDETERMINED: "向提供方确认",
    Action.SUPPLEMENT: "补充材料",
    Action.NONE: "—",
}

_EXACT_SCORE = 100.0
_SYNONYM_SCORE = 95.0
_MEMO_SIZE = 1 << 16
"""How many answers per index the resolver remembers (exact and synonym matches only)."""
_PART_SCORE = 90.0
"""Score of a name matching once a synonym inside it is replaced (配偶身份证号 → 配偶公民身份号)."""
_RESOURCE_SCORE = 90.0
"""Score of a name that is a resource's (or licence type's) name."""
_CONTAINED_BASE = 80.0
"""A contained item scores this plus 10 × the share of the name it covers (80–90)."""


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """Thresholds and settings of the resolver.

    Attributes:
        accept: Lowest fuzzy score (0–100) accepted as a match.
        cutoff: Lowest fuzzy score listed as a candidate.
        margin: Fuzzy hits within this many points of the best make the match ambiguous.
        candidates: How many candidates (or ambiguous options) to list.
        reply_days: Working days a provider has to answer a 有条件共享 request; by default
            the deadline of the rules in force (``reply-conditional``).
        calendar: Working-day calendar; by default the base-data pack's.
        today: Day of resolving, used when the request has no date; by default today.
        pack: The pack whose rules apply (``gb-1272@^1``, ``sharing-2025@^1``); by default
            the one in force on the request's date.
    """

    accept: float = 80.0
    cutoff: float = 60.0
    margin: float = 3.0
    candidates: int = 5
    reply_days: int | None = None
    calendar: WorkingCalendar | None = None
    today: dt.date | None = None
    pack: Pack | str | None = None


class Candidate(NamedTuple):
    """An item offered as an option (ambiguous) or as a near miss (unmatched).

    Attributes:
        item: The item.
        key: The normalised name or synonym that led to it.
        score: Its score.
    """

    item: IndexedItem
    key: str
    score: float


class ItemResolution(NamedTuple):
    """The answer for one requested item.

    Attributes:
        requested: The item as the requester wrote it.
        normalised: Its normalised form.
        kind: Exact, synonym, fuzzy, ambiguous or unmatched.
        score: 100 exact, 95 synonym, 90 synonym inside the name or a resource's name,
            80–90 contained (80 + 10 × the share of the name the item covers), the fuzzy ratio
            otherwise (0 when nothing was found).
        reason_zh: Why, in Chinese.
        reason_en: Why, in English.
        match: The matched item, when exactly one; for a resource, its first item.
        action: What to do.
        due: Reply due date, when the rules in force set one for the item's share type.
        legal_basis: The legal basis of a refusal (不予共享).
        no_recollection: The platform can provide it: not to be collected again from the
            public (第十一条).
        options: The ambiguous options, the nearest candidates when unmatched, or a
            resource's items.
        options_total: How many options there are in all (``options`` may be cut short).
        delivery: Delivery due date, counted from the reply due date (条例 第二十二条).
        missing: The request fields to add first (action 补充材料), by id.
        review: Why a 有条件共享 item needs the provider's review against its conditions.
    """

    requested: str
    normalised: str
    kind: MatchKind
    score: float
    reason_zh: str
    reason_en: str
    match: IndexedItem | None
    action: Action
    due: DueDate | None
    legal_basis: str | None
    no_recollection: bool
    options: tuple[Candidate, ...]
    options_total: int
    delivery: DueDate | None = None
    missing: tuple[str, ...] = ()
    review: ConditionReview | None = None


@dataclass(frozen=True)
class Resolution:
    """A resolved request.

    Attributes:
        request: The request.
        day: The day due dates count from.
        items: One answer per requested item, in request order.
        keys: One route per subject key, in request order.
        regime: The rules applied (chosen by the request's date unless named).
        missing: The request fields the rules require and the request leaves empty.
        licences: The licence-type catalog the answers were given with.
    """

    request: DataRequest
    day: dt.date
    items: tuple[ItemResolution, ...]
    keys: tuple[KeyRoute, ...]
    regime: Regime | None = None
    missing: tuple[str, ...] = ()
    licences: LicenceCatalog = field(default_factory=LicenceCatalog)

    def licence_of(self, answer: ItemResolution) -> LicenceType | None:
        """The licence type an answer's item belongs to (证照类型), if any."""
        res = answer.match.resource if answer.match is not None else None
        if res is None or res.role is not CatalogRole.BASE:
            return None
        if res.database != self.licences.database:
            return None
        return self.licences.by_code().get(res.code)

    def deadline(self, ident: str) -> Deadline | None:
        """The deadline ``ident`` of the rules applied (``reply-conditional`` …), if any."""
        return self.regime.pack.deadlines.get(ident) if self.regime else None

    @property
    def ok(self) -> bool:
        """True when every item matched exactly one item and every key was routed."""
        bad = (MatchKind.AMBIGUOUS, MatchKind.UNMATCHED)
        return all(r.kind not in bad for r in self.items) and all(
            k.status == "routed" for k in self.keys
        )

    def to_json_dict(self) -> dict[str, object]:
        """The JSON form (see :mod:`govcatalog.resolve.render`)."""
        from govcatalog.resolve.render import resolution_to_json  # noqa: PLC0415 - render imports this module

        return resolution_to_json(self)

    def to_pandas(self) -> object:
        """One row per requested item, as a pandas DataFrame (needs pandas)."""
        from govcatalog.resolve.render import resolution_to_pandas  # noqa: PLC0415 - render imports this module

        return resolution_to_pandas(self)

    def _repr_html_(self) -> str:
        from govcatalog.resolve.render import resolution_to_html  # noqa: PLC0415 - render imports this module

        return resolution_to_html(self)


def _ambiguous(total: int) -> tuple[str, str]:
    return (f"匹配到 {total} 个信息项，无法唯一确定，请选择", f"{total} items fit; choose one")


_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""
_ACTION = ItemResolution._fields.index("action")
_DUE = ItemResolution._fields.index("due")
_BASIS = ItemResolution._fields.index("legal_basis")
_DELIVERY = ItemResolution._fields.index("delivery")

_NO_ANSWER = (Action.NONE, None, None, ())


class _Terms(NamedTuple):
    """What the rules in force say for one share type: action, reply and delivery dates."""

    action: Action
    due: DueDate | None
    delivery: DueDate | None


class _Resolver:
    def __init__(
        self,
        index: ItemIndex,
        options: ResolveOptions,
        calendar: WorkingCalendar,
        day: dt.date,
        licences: LicenceCatalog,
        request: DataRequest,
        regime: Regime,
    ) -> None:
        self.index = index
        self.options = options
        self.calendar = calendar
        self.day = day
        self.licences = licences.by_code()
        self.licence_db = licences.database
        self.request = request
        self.pack = regime.pack
        rule = regime.pack.request_rule
        self.missing = request.missing(rule.required) if rule is not None else ()
        self._terms: dict[ShareType | None, _Terms] = {}
        self._reviews: dict[str | None, ConditionReview | None] = {}
        self._rewriter: RewriteTable | None = None
        memo = getattr(index, "memo", None)  # optional: an index may keep nothing
        # the synonym table filed for rewriting: built once per index version, when needed
        self._tables: dict[str, RewriteTable] = memo(("rewrite",)) if memo is not None else {}
        # answers name licence types: a memo is valid for one licence table only
        scope = ("resolve", options.candidates, licences.digest() if licences.types else "")
        self._memo: dict[str, ItemResolution] = memo(scope) if memo is not None else {}

    def terms(self, share: ShareType | None) -> _Terms:
        """Action and dates for a share type under the rules applied (counted once)."""
        known = self._terms.get(share)
        if known is not None:
            return known
        deadlines = self.pack.deadlines
        reply: Deadline | None = None
        if share is ShareType.UNCONDITIONAL:
            reply = deadlines.get(REPLY_UNCONDITIONAL)
            action = Action.APPLY if reply is not None else Action.TAKE
        elif share is ShareType.CONDITIONAL:
            reply = deadlines.get(REPLY_CONDITIONAL)
            action = Action.APPLY
        elif share is ShareType.NOT_SHARED:
            action = Action.REFUSED
        else:
            action = Action.UNDETERMINED
        due = delivery = None
        days = self.options.reply_days if share is ShareType.CONDITIONAL else None
        if days is None and reply is not None:
            days = reply.working_days
        if days is not None and action is Action.APPLY:
            due = self.calendar.add_working_days(self.day, days)
            give = deadlines.get(DELIVERY)
            if give is not None:
                delivery = self.calendar.add_working_days(due.due, give.working_days)
        known = self._terms[share] = _Terms(action, due, delivery)
        return known

    def review(self, item: IndexedItem) -> ConditionReview | None:
        """Why a 有条件共享 item needs the provider's review (None: it fits)."""
        res = item.resource
        if res.share_type is not ShareType.CONDITIONAL or self.pack.conditions is None:
            return None
        key = res.share_condition
        if key not in self._reviews:
            self._reviews[key] = review_conditions(key, self.request)
        return self._reviews[key]

    def item(self, text: str) -> ItemResolution:
        known = self._memo.get(text)
        if known is None:
            known, norm, rewritten = self._fresh(text)
            if known is None:  # fuzzy matching: not remembered
                return self._finish(self._fuzzy(text, norm, rewritten))
            memo = self._memo
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[text] = known
        return self._finish(known)

    def _finish(self, answer: ItemResolution) -> ItemResolution:
        """The remembered answer with what this request and its rules decide."""
        match = answer.match
        if match is None:
            return answer
        if self.missing:  # 一次性告知: what to add, for every item, never a refusal
            head = answer[:_ACTION]
            tail = (Action.SUPPLEMENT, None, answer[_BASIS], *answer[_BASIS + 1 : _DELIVERY])
            return _new(ItemResolution, (*head, *tail, None, self.missing, None))
        terms = self.terms(match.resource.share_type)
        review = self.review(match)
        if terms.action is answer.action and terms.due is None and review is None:
            return answer
        head = answer[:_ACTION]
        mid = answer[_DUE + 1 : _DELIVERY]
        return _new(
            ItemResolution, (*head, terms.action, terms.due, *mid, terms.delivery, (), review)
        )

    def _fresh(self, text: str) -> tuple[ItemResolution | None, str, str]:
        """Answer without fuzzy matching (None if needed), normalised name, rewritten name.

        The answer has no due date; the rewritten name has synonyms inside it replaced.
        """
        norm = normalise(text)
        if not norm:
            why = ("名称为空", "empty name")
            return self._none(text, norm, MatchKind.UNMATCHED, 0.0, why=why), norm, norm
        index = self.index
        limit = self.options.candidates
        found = index.exact(norm, limit)
        if found is not None:
            return self._decide(text, norm, MatchKind.EXACT, _EXACT_SCORE, [found]), norm, norm
        found = index.synonym(norm, limit)
        if found is not None:
            answer = self._decide(text, norm, MatchKind.SYNONYM, _SYNONYM_SCORE, [found])
            return answer, norm, norm
        rewritten = self._rewrite(norm)
        if rewritten != norm:
            found = index.exact(rewritten, limit)
            if found is not None:
                answer = self._decide(text, norm, MatchKind.SYNONYM, _PART_SCORE, [found])
                return answer, norm, rewritten
        return self._resource(text, norm) or self._contained(text, norm), norm, rewritten

    def _resource(self, text: str, norm: str) -> ItemResolution | None:
        """The answer for a name that is a resource's or a licence type's (营业执照信息)."""
        key = strip_generic(norm)
        found = self.index.resources_named(key)
        if not found and key in self.index.synonyms:  # a licence's alias: 工商营业执照信息
            found = self.index.resources_named(self.index.synonyms[key])
        if not found:
            return None
        if len(found) > 1 and found[1].role is found[0].role:
            options = tuple(
                Candidate(items[0], key, _RESOURCE_SCORE)
                for res in found[: self.options.candidates]
                if (items := self.index.resource_items(res))
            )
            why = (
                f"有 {len(found)} 个信息资源名为“{found[0].name}”，请选择",
                f"{len(found)} resources are named {found[0].name!r}; choose one",
            )
            return self._none(
                text, norm, MatchKind.AMBIGUOUS, _RESOURCE_SCORE, why=why, options=options,
                total=len(found),
            )  # fmt: skip
        items = self.index.resource_items(found[0])
        if not items:
            return None
        answer = self._matched(text, norm, MatchKind.RESOURCE, _RESOURCE_SCORE, items[0], None)
        options = tuple(Candidate(i, normalise(i.name), _RESOURCE_SCORE) for i in items)
        return answer._replace(options=options, options_total=len(options))

    def _contained(self, text: str, norm: str) -> ItemResolution | None:
        """The answer for a name that ends with an item name or synonym (申请人身份证号码)."""
        limit = self.options.candidates
        index = self.index
        stripped = strip_generic(norm)
        if stripped != norm:  # 婚姻状况信息: the item name and a generic word
            found = index.targets(stripped, limit)
            if found is not None:
                score = _CONTAINED_BASE + 10.0 * len(stripped) / len(norm)
                return self._decide(text, norm, MatchKind.CONTAINED, score, [found])
        hit = find_contained(stripped, lambda key: index.targets(key, limit))
        if hit is None:
            return None
        key, found, _ = hit
        score = _CONTAINED_BASE + 10.0 * len(key) / len(norm)
        return self._decide(text, norm, MatchKind.CONTAINED, score, [found])

    def _rewrite(self, norm: str) -> str:
        """Replace synonym variants inside a name by their item names (longest first)."""
        if self._rewriter is None:
            table = self._tables.get("table")
            if table is None:
                table = self._tables["table"] = RewriteTable(self.index.synonyms)
            self._rewriter = table
        return self._rewriter.rewrite(norm)

    def _fuzzy(self, text: str, norm: str, rewritten: str) -> ItemResolution:
        opts = self.options
        limit = max(opts.candidates, 10)
        hits = self.index.fuzzy(norm, cutoff=opts.cutoff, limit=limit)
        if rewritten != norm:  # also try with the synonyms inside the name replaced
            merged = {h.key: h for h in hits}
            for h in self.index.fuzzy(rewritten, cutoff=opts.cutoff, limit=limit):
                if h.key not in merged or merged[h.key].score < h.score:
                    merged[h.key] = h
            hits = sort_hits(merged.values(), limit)
        if hits and hits[0].score >= opts.accept:
            best = hits[0].score
            top = [h for h in hits if h.score >= best - opts.margin]
            targets = [t for h in top if (t := self.index.targets(h.key, opts.candidates))]
            return self._decide(text, norm, MatchKind.FUZZY, best, targets)
        options: list[Candidate] = []
        seen: set[tuple[str, str, int]] = set()
        for hit in hits:
            found = self.index.targets(hit.key, 1)
            if found is None or not found.first:
                continue
            item = found.first[0]
            ident = (item.resource.catalog, item.resource.code, item.position)
            if ident not in seen and len(options) < opts.candidates:
                seen.add(ident)
                options.append(Candidate(item, hit.key, hit.score))
        why = (
            "未找到匹配的信息项" + ("，列出最接近的候选" if options else ""),
            "no matching item" + ("; the nearest candidates are listed" if options else ""),
        )
        score = hits[0].score if hits else 0.0
        return self._none(text, norm, MatchKind.UNMATCHED, score, why=why, options=tuple(options))

    def _decide(
        self, text: str, norm: str, kind: MatchKind, score: float, found: list[Targets]
    ) -> ItemResolution:
        """The answer for the items the keys in ``found`` lead to (without a due date)."""
        if len(found) == 1:  # the common case: one key
            key, _, nb, no, first = found[0]
            if nb == 1 or (nb == 0 and no == 1):
                return self._matched(text, norm, kind, score, first[0], found[0])
            total = nb or no
            if nb:
                first = first[:nb]  # base items come first
            options = tuple(
                [_new(Candidate, (i, key, score)) for i in first[: self.options.candidates]]
            )
            zh, en = _ambiguous(total)
            return _new(
                ItemResolution,
                (text, norm, MatchKind.AMBIGUOUS, score, zh, en, None, Action.NONE, None, None,
                 False, options, total, None, (), None),
            )  # fmt: skip
        use_base = any(t.base_count for t in found)
        pool: dict[tuple[str, str, int], tuple[Candidate, Targets]] = {}
        complete = True
        most = 0
        for t in found:
            relevant = t.base_count if use_base else t.other_count
            items = [i for i in t.first if (i.resource.role is CatalogRole.BASE) == use_base]
            complete = complete and len(items) == relevant
            most = max(most, relevant)
            for item in items:
                ident = (item.resource.catalog, item.resource.code, item.position)
                pool.setdefault(ident, (Candidate(item, t.key, score), t))
        if complete and len(pool) == 1:
            cand, via = next(iter(pool.values()))
            return self._matched(text, norm, kind, score, cand.item, via)
        total = len(pool) if complete else max(most, len(pool))
        options = tuple(c for c, _ in pool.values())[: self.options.candidates]
        why = _ambiguous(total)
        return self._none(
            text, norm, MatchKind.AMBIGUOUS, score, why=why, options=options, total=total
        )

    def _matched(
        self,
        text: str,
        norm: str,
        kind: MatchKind,
        score: float,
        item: IndexedItem,
        found: Targets | None,
    ) -> ItemResolution:
        """The answer for one matched item, without its due date (the caller adds it)."""
        name = item.spec.name
        resource = item.resource
        if kind is MatchKind.RESOURCE:
            zh = f"是信息资源“{resource.name}”的名称，列出其信息项"
            en = f"names resource {resource.name!r}; its items are listed"
        elif kind is MatchKind.CONTAINED:
            via = f"（同义词“{found.key}”）" if found is not None and found.via else ""
            via_en = f" (synonym {found.key!r})" if found is not None and found.via else ""
            zh = f"以信息项“{name}”{via}为中心语，其余为限定语或泛称"
            en = f"has item {name!r}{via_en} as its head; the rest qualifies it"
        elif kind is MatchKind.EXACT:
            zh, en = f"规范化后与信息项“{name}”一致", f"normalised name equals item {name!r}"
        elif kind is MatchKind.SYNONYM and score < _SYNONYM_SCORE:
            zh = f"替换其中的同义词后与信息项“{name}”一致"
            en = f"matches item {name!r} once synonyms inside it are replaced"
        elif kind is MatchKind.SYNONYM:
            zh, en = f"是信息项“{name}”的同义词", f"a synonym of item {name!r}"
        else:
            zh, en = (
                f"与信息项“{name}”相似（{score:.1f}）",
                f"similar to item {name!r} ({score:.1f})",
            )
            if found is not None and found.via is not None:
                zh += f"（经同义词“{found.key}”）"
                en += f" (via synonym {found.key!r})"
        if resource.database == self.licence_db and resource.role is CatalogRole.BASE:
            licence = self.licences.get(resource.code)
            if licence is not None:
                zh_more, en_more = _licence_reason(licence)
                zh, en = f"{zh}；{zh_more}", f"{en}; {en_more}"
        share = resource.share_type
        basis = None
        if share is ShareType.UNCONDITIONAL:
            action = Action.TAKE
        elif share is ShareType.CONDITIONAL:
            action = Action.APPLY
        elif share is ShareType.NOT_SHARED:
            action = Action.REFUSED
            basis = resource.share_condition
        else:
            action = Action.UNDETERMINED
        recollect = share in (ShareType.UNCONDITIONAL, ShareType.CONDITIONAL)
        return _new(
            ItemResolution,
            (text, norm, kind, score, zh, en, item, action, None, basis, recollect, (), 0,
             None, (), None),
        )  # fmt: skip

    @staticmethod
    def _none(
        text: str, norm: str, kind: MatchKind, score: float, *, why: tuple[str, str],
        options: tuple[Candidate, ...] = (), total: int = 0,
    ) -> ItemResolution:  # fmt: skip
        return _new(
            ItemResolution,
            (text, norm, kind, score, why[0], why[1], None, Action.NONE, None, None, False,
             options, total or len(options), None, (), None),
        )  # fmt: skip


def _licence_reason(licence: LicenceType) -> tuple[str, str]:
    """What a licence answer adds: the type, who issues and holds it, the key that fetches it."""
    keys_zh = "或".join(k.value for k in licence.subject_keys)
    keys_en = " or ".join(k.label_en for k in licence.subject_keys)
    zh = (
        f"证照类型“{licence.name}”，由{licence.authority}颁发，持证主体为{licence.holder.label_zh}，"
        f"凭持证主体的{keys_zh}获取"
    )
    en = (
        f"licence type {licence.name!r} issued by {licence.authority}, held by"
        f" {licence.holder.value}; fetched by the holder's {keys_en}"
    )
    return zh, en


def resolve(
    request: RequestSource,
    index: ItemIndex | None = None,
    *,
    bases: BaseDataPack | None = None,
    options: ResolveOptions = ResolveOptions(),
    fmt: RequestFormat | str | None = None,
) -> Resolution:
    """Resolve a data request item by item, and route its subject keys.

    Args:
        request: The request: a :class:`DataRequest`, its JSON object (a mapping), JSON
            text, the bytes of a JSON/CSV/xlsx request, a binary file object or a path.
        index: The index (:class:`~govcatalog.resolve.index.ResolveIndex`); by default one
            over the base databases of ``bases``.
        bases: The base-data pack (databases for key routing, calendar); by default the
            shipped one.
        options: Thresholds, calendar, the day of resolving and the rules to apply (by
            default those in force on the request's date: 国发〔2016〕51号 before 2025-08-01,
            《政务数据共享条例》 from then on).
        fmt: The request's format (``json``, ``csv``, ``xlsx``) where it cannot be sniffed.

    Returns:
        The resolution; ambiguous and unmatched items are reported, never guessed.

    Raises:
        InvalidSource: For a request that is none of the accepted inputs.
        LoadError: When the request cannot be read.
    """
    the_bases = bases if bases is not None else load_base_pack()
    request = open_request(request, fmt)
    if index is None:
        from govcatalog.resolve.bases import build_index  # noqa: PLC0415

        index = build_index(the_bases)
    calendar = options.calendar if options.calendar is not None else the_bases.calendar
    day = request.date or options.today or dt.date.today()
    regime = pick_regime(request.date, named=options.pack, today=day)
    worker = _Resolver(index, options, calendar, day, the_bases.licences, request, regime)
    items = tuple(map(worker.item, request.items))
    keys = tuple(route_key(k, the_bases.databases, index) for k in request.keys)
    return Resolution(request, day, items, keys, regime, worker.missing, the_bases.licences)
