"""A resolution as data: JSON, and one flat row per requested item (pandas, xlsx).

:mod:`govcatalog.resolve.render` renders it as text, HTML and a workbook from these.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from govcatalog.model.enums import ShareType
from govcatalog.packs.lawdata import DELIVERY, REPLY_CONDITIONAL, REPLY_UNCONDITIONAL, Deadline
from govcatalog.resolve.answers import ItemResolution, MatchKind, Resolution
from govcatalog.resolve.calendar import DueDate
from govcatalog.resolve.keys import KeyRoute, KeyStatus
from govcatalog.resolve.request_model import FIELD_NAMES

if TYPE_CHECKING:
    from govcatalog.resolve.answers import Candidate
    from govcatalog.resolve.licences import LicenceType

KIND_ZH = {
    MatchKind.EXACT: "精确",
    MatchKind.SYNONYM: "同义词",
    MatchKind.RESOURCE: "信息资源",
    MatchKind.CONTAINED: "包含",
    MatchKind.FUZZY: "近似",
    MatchKind.AMBIGUOUS: "不唯一",
    MatchKind.UNMATCHED: "未匹配",
}

KEY_ZH = {
    KeyStatus.ROUTED: "已路由",
    KeyStatus.INVALID: "无效",
    KeyStatus.AMBIGUOUS: "不唯一",
    KeyStatus.UNSERVED: "无基础库提供",
}

ITEM_COLUMNS: tuple[str, ...] = (
    "requested",
    "kind",
    "score",
    "database",
    "database_name",
    "resource_code",
    "resource_name",
    "item",
    "licence_type",
    "subject_keys",
    "data_element",
    "base_item",
    "share_type",
    "action",
    "due_date",
    "delivery_date",
    "calendar_covered",
    "missing",
    "review",
    "legal_basis",
    "no_recollection",
    "reason_zh",
    "options",
)
"""Columns of the flat item table (pandas, xlsx)."""


def _option(c: Candidate) -> dict[str, object]:
    res = c.item.resource
    return {
        "item": c.item.name,
        "database": res.database,
        "catalog": res.catalog,
        "resource_code": res.code,
        "resource_name": res.name,
        "score": round(c.score, 2),
    }


def reply_deadline(r: ItemResolution, res: Resolution | None) -> Deadline | None:
    if res is None or r.match is None:
        return None
    share = r.match.resource.share_type
    ident = REPLY_UNCONDITIONAL if share is ShareType.UNCONDITIONAL else REPLY_CONDITIONAL
    return res.deadline(ident)


def counted_zh(due: DueDate, deadline: Deadline | None, *, after_reply: bool = False) -> str:
    """How a due date was counted, in Chinese (start, working days, article, calendar)."""
    start = deadline.from_zh if deadline else "自申请之日起"
    day = f"按答复期限 {due.start.isoformat()} 计" if after_reply else due.start.isoformat()
    text = f"{start}（{day}）{due.working_days} 个工作日"
    if deadline is not None:
        text += f"，{deadline.article}"
        if deadline.extension and not after_reply:
            text += f"；{deadline.extension_zh}"
    text += "；按工作日历" if due.covered else "；节假日安排未覆盖，按周一至周五计"
    return text


def counted_en(due: DueDate, deadline: Deadline | None, *, after_reply: bool = False) -> str:
    """How a due date was counted, in English."""
    start = deadline.from_en if deadline else "from the day of the request"
    day = f"taken as the reply due date {due.start.isoformat()}" if after_reply else due.start
    text = f"{due.working_days} working days {start} ({day})"
    if deadline is not None:
        text += f", {deadline.article}"
        if deadline.extension and not after_reply:
            text += f"; {deadline.extension_en}"
    text += "; working-day calendar" if due.covered else "; calendar not covered: Mon-Fri"
    return text


def item_to_json(r: ItemResolution, res: Resolution | None = None) -> dict[str, object]:
    """The JSON form of one item's answer (``res`` adds how due dates were counted)."""
    reply = reply_deadline(r, res)
    delivery = res.deadline(DELIVERY) if res is not None else None
    resource = r.match.resource if r.match else None
    spec = r.match.spec if r.match else None
    return {
        "requested": r.requested,
        "normalised": r.normalised,
        "kind": r.kind.value,
        "score": round(r.score, 2),
        "reason_zh": r.reason_zh,
        "reason_en": r.reason_en,
        "catalog": resource.catalog if resource else None,
        "database": resource.database if resource else None,
        "database_name": resource.database_name if resource else None,
        "resource_code": resource.code if resource else None,
        "resource_name": resource.name if resource else None,
        "item": spec.name if spec and r.kind is not MatchKind.RESOURCE else None,
        "items": [c.item.name for c in r.options] if r.kind is MatchKind.RESOURCE else [],
        "licence": _licence(res.licence_of(r)) if res is not None else None,
        "data_element": spec.data_element if spec else None,
        "base_item": spec.base_item if spec else None,
        "share_type": resource.share_type.value if resource and resource.share_type else None,
        "action": r.action.value,
        "action_zh": r.action.label_zh,
        "due_date": r.due.due.isoformat() if r.due else None,
        "due_counted": counted_zh(r.due, reply) if r.due else None,
        "due_counted_en": counted_en(r.due, reply) if r.due else None,
        "delivery_date": r.delivery.due.isoformat() if r.delivery else None,
        "delivery_counted": counted_zh(r.delivery, delivery, after_reply=True)
        if r.delivery
        else None,
        "calendar_covered": r.due.covered if r.due else None,
        "missing": "、".join(FIELD_NAMES[f][0] for f in r.missing) or None,
        "review": r.review.reason_zh if r.review else None,
        "legal_basis": r.legal_basis,
        "no_recollection": r.no_recollection,
        "options": [_option(c) for c in r.options],
        "options_total": r.options_total,
    }


def _licence(licence: LicenceType | None) -> dict[str, object] | None:
    """A licence type as JSON: what it is, who issues and holds it, the keys that fetch it."""
    if licence is None:
        return None
    return {
        "id": licence.id,
        "name": licence.name,
        "authority": licence.authority,
        "holder": licence.holder.value,
        "subject_keys": [k.value for k in licence.subject_keys],
        "basis": licence.basis,
        "evidence": licence.evidence.value,
    }


def key_to_json(k: KeyRoute) -> dict[str, object]:
    """The JSON form of one subject key's route."""
    return {
        "value": k.key.value,
        "given_kind": k.key.kind.value if k.key.kind else None,
        "status": k.status.value,
        "kind": k.kind.value if k.kind else None,
        "normalized": k.normalized,
        "database": k.database,
        "database_name": k.database_name,
        "resources": list(k.resources),
        "reason_zh": k.reason_zh,
        "reason_en": k.reason_en,
        "details": {str(a): str(b) for a, b in k.details.items()},
    }


def resolution_head(res: Resolution) -> dict[str, object]:
    """The members of a resolution's JSON form before its items: the request, the day, the
    rules applied, what the request lacks, and whether every item and key was settled."""
    req = res.request
    return {
        "request": {
            "requester": {"name": req.requester.name, "code": req.requester.code},
            "purpose": req.purpose.value if req.purpose else None,
            "date": req.date.isoformat() if req.date else None,
            "basis": req.basis,
            "scene": req.scene,
            "scope": req.scope,
            "method": req.method,
            "period": req.period,
        },
        "day": res.day.isoformat(),
        "regime": res.regime.describe_zh() if res.regime else None,
        "regime_en": res.regime.describe_en() if res.regime else None,
        "missing": [FIELD_NAMES[f][0] for f in res.missing],
        "ok": res.ok,
    }


def resolution_to_json(res: Resolution) -> dict[str, object]:
    """The JSON form of a resolution: :func:`resolution_head`, then ``items`` and ``keys``, last
    and in this order (the service writes its answer in pieces in the same order)."""
    return {
        **resolution_head(res),
        "items": [item_to_json(r, res) for r in res.items],
        "keys": [key_to_json(k) for k in res.keys],
    }


def item_rows(res: Resolution) -> Iterator[dict[str, object]]:
    """One flat row per requested item (options joined as text)."""
    for r in res.items:
        data = item_to_json(r, res)
        options = data.pop("options")
        assert isinstance(options, list)
        licence = data.pop("licence")
        assert licence is None or isinstance(licence, dict)
        data["licence_type"] = licence["name"] if licence else None
        data["subject_keys"] = "、".join(licence["subject_keys"]) if licence else None
        data["options"] = "；".join(
            f"{o['item']}（{o['database'] or o['catalog']} {o['resource_code']}，{o['score']}）"
            for o in options
        )
        yield {c: data[c] for c in ITEM_COLUMNS}


def resolution_to_pandas(res: Resolution) -> object:
    """A pandas DataFrame with one row per requested item (needs pandas)."""
    import pandas as pd  # noqa: PLC0415 - optional dependency

    return pd.DataFrame(list(item_rows(res)), columns=list(ITEM_COLUMNS))
