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
from collections.abc import Hashable
from typing import NamedTuple

from govcatalog.model.enums import ShareType
from govcatalog.packs.lawdata import DELIVERY, REPLY_CONDITIONAL, REPLY_UNCONDITIONAL, Deadline
from govcatalog.packs.regime import Regime, pick_regime
from govcatalog.resolve.answers import (
    Action,
    Candidate,
    ItemResolution,
    MatchKind,
    Resolution,
    ResolveOptions,
)
from govcatalog.resolve.bases import BaseDataPack, load_base_pack
from govcatalog.resolve.calendar import DueDate, WorkingCalendar
from govcatalog.resolve.conditions import ConditionReview, review_conditions
from govcatalog.resolve.keys import route_key
from govcatalog.resolve.lookup import ItemIndex, Memo
from govcatalog.resolve.matching import Matcher
from govcatalog.resolve.model import IndexedItem
from govcatalog.resolve.request import DataRequest, RequestFormat, RequestSource, open_request

__all__ = [
    "Action",
    "Candidate",
    "ItemResolution",
    "MatchKind",
    "Resolution",
    "ResolveOptions",
    "resolve",
]

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""
_ACTION = ItemResolution._fields.index("action")
_DUE = ItemResolution._fields.index("due")
_BASIS = ItemResolution._fields.index("legal_basis")
_DELIVERY = ItemResolution._fields.index("delivery")


class _Terms(NamedTuple):
    """What the rules in force say for one share type: action, reply and delivery dates."""

    action: Action
    due: DueDate | None
    delivery: DueDate | None


class _Same:
    """An object compared by identity (a memo scope holds it, so its id is not reused)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


class _RequestRules:
    """What one request and the rules applied to it add to every answer, worked out once.

    The action and dates per share type, the fields to add (补充材料) and the provider's review
    per 使用条件 are the same for every item of a request; a finished answer depends only on
    the name and on these, so finished answers are remembered per index snapshot under a
    scope naming everything they depend on (``context``).
    """

    def __init__(
        self,
        request: DataRequest,
        regime: Regime,
        options: ResolveOptions,
        calendar: WorkingCalendar,
        day: dt.date,
    ) -> None:
        self.request = request
        self.pack = regime.pack
        self.reply_days = options.reply_days
        self.calendar = calendar
        self.day = day
        rule = self.pack.request_rule
        self.missing = request.missing(rule.required) if rule is not None else ()
        self._terms: dict[ShareType | None, _Terms] = {}
        self._reviews: dict[str | None, ConditionReview | None] = {}

    def context(self) -> Hashable:
        """Everything a finished answer depends on besides the name and the snapshot."""
        req = self.request
        fits = None
        if self.pack.conditions is not None:  # reviews read who asks and for what
            fits = (req.requester.name, req.scope, req.scene, req.purpose)
        pins = (_Same(self.pack), _Same(self.calendar))
        return ("finished", pins, self.day, self.reply_days, self.missing, fits)

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
        days = self.reply_days if share is ShareType.CONDITIONAL else None
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

    def finish(self, answer: ItemResolution) -> ItemResolution:
        """An answer with what this request and its rules decide."""
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


class _Resolver:
    """Answers the items of one request: remembered finished answers, else matched anew."""

    def __init__(self, matcher: Matcher, rules: _RequestRules, index: ItemIndex) -> None:
        self.matcher = matcher
        self.rules = rules
        self.done: Memo[ItemResolution] = index.memo((*matcher.scope, rules.context()))

    def item(self, text: str) -> ItemResolution:
        known = self.done.get(text)
        if known is not None:
            return known
        remembered = text in self.matcher.memo
        answer = self.rules.finish(self.matcher.answer(text))
        if remembered or text in self.matcher.memo:  # not fuzzy: the same every time
            self.done.remember(text, answer)
        return answer


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
    snapshot = getattr(index, "snapshot", None)  # one version of the index for the request
    view: ItemIndex = snapshot() if snapshot is not None else index
    rules = _RequestRules(request, regime, options, calendar, day)
    worker = _Resolver(Matcher(view, options, the_bases.licences), rules, view)
    items = tuple(map(worker.item, request.items))
    keys = tuple(route_key(k, the_bases.databases, view) for k in request.keys)
    return Resolution(request, day, items, keys, regime, rules.missing, the_bases.licences)
