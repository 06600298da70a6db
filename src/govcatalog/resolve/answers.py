"""What resolving a data request answers: per item, the match, the action and its dates.

The types :func:`~govcatalog.resolve.resolver.resolve` returns (:class:`Resolution`, one
:class:`ItemResolution` per requested item) and takes (:class:`ResolveOptions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from govcatalog.packs.lawdata import Deadline
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime
from govcatalog.resolve.calendar import DueDate, WorkingCalendar
from govcatalog.resolve.conditions import ConditionReview
from govcatalog.resolve.keys import KeyRoute
from govcatalog.resolve.licences import LicenceCatalog, LicenceType
from govcatalog.resolve.model import CatalogRole, IndexedItem
from govcatalog.resolve.request_model import DataRequest


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
