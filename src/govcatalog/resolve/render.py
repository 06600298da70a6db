"""Renderings of a resolution (:class:`~govcatalog.resolve.resolver.Resolution`).

JSON, flat rows (pandas, xlsx), text for the terminal, and HTML for notebooks.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from govcatalog.model.enums import ShareType
from govcatalog.packs.lawdata import DELIVERY, REPLY_CONDITIONAL, REPLY_UNCONDITIONAL, Deadline
from govcatalog.report import Lang
from govcatalog.resolve.calendar import DueDate
from govcatalog.resolve.keys import KeyRoute, KeyStatus
from govcatalog.resolve.request import FIELD_NAMES
from govcatalog.resolve.resolver import Action, ItemResolution, MatchKind, Resolution

if TYPE_CHECKING:
    from govcatalog.resolve.licences import LicenceType
    from govcatalog.resolve.resolver import Candidate

_KIND_ZH = {
    MatchKind.EXACT: "精确",
    MatchKind.SYNONYM: "同义词",
    MatchKind.RESOURCE: "信息资源",
    MatchKind.CONTAINED: "包含",
    MatchKind.FUZZY: "近似",
    MatchKind.AMBIGUOUS: "不唯一",
    MatchKind.UNMATCHED: "未匹配",
}

_KEY_ZH = {
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


def _reply_deadline(r: ItemResolution, res: Resolution | None) -> Deadline | None:
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
    reply = _reply_deadline(r, res)
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


def resolution_to_json(res: Resolution) -> dict[str, object]:
    """The JSON form of a resolution."""
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


_KIND_EN = {
    MatchKind.EXACT: "exact",
    MatchKind.SYNONYM: "synonym",
    MatchKind.RESOURCE: "resource",
    MatchKind.CONTAINED: "contained",
    MatchKind.FUZZY: "fuzzy",
    MatchKind.AMBIGUOUS: "ambiguous",
    MatchKind.UNMATCHED: "unmatched",
}

_KEY_EN = {
    KeyStatus.ROUTED: "routed",
    KeyStatus.INVALID: "invalid",
    KeyStatus.AMBIGUOUS: "ambiguous",
    KeyStatus.UNSERVED: "served by no base database",
}

_ACTION_EN = {
    Action.TAKE: "take directly from the platform",
    Action.APPLY: "apply",
    Action.REFUSED: "refused",
    Action.UNDETERMINED: "ask the provider",
    Action.SUPPLEMENT: "add to the request",
    Action.NONE: "-",
}

_BASIS_OPENERS = ("依据", "根据", "按照", "依照")
"""Words a legal basis may already start with (``依据《…》``): then no label is put before it."""


def _label_en(scheme: str, value: str) -> str:
    """The English label of a controlled value (from ``vocab/``), or the value itself."""
    from govcatalog.vocab import load_vocabulary  # noqa: PLC0415 - only for English text

    try:
        return load_vocabulary(scheme).concept(value).label_en
    except (KeyError, LookupError, ValueError):
        return value


def _basis_zh(basis: str | None) -> str:
    if not basis:
        return "，依据：未填写"
    return f"，{basis}" if basis.startswith(_BASIS_OPENERS) else f"，依据：{basis}"


def _where(r: ItemResolution, lang: Lang) -> str:
    assert r.match is not None
    res = r.match.resource
    home = (res.database_name or res.catalog) if lang is Lang.ZH else (res.database or res.catalog)
    if r.kind is MatchKind.RESOURCE:
        return f"{home} {res.code}《{res.name}》"
    return f"{home} {res.code}《{res.name}》·{r.match.name}"


def _items_line(r: ItemResolution, lang: Lang) -> list[str]:
    """A resource answer's items, on one line."""
    if r.kind is not MatchKind.RESOURCE:
        return []
    names = [c.item.name for c in r.options]
    if lang is Lang.ZH:
        return [f"       信息项（{len(names)}）：{'、'.join(names)}"]
    return [f"       items ({len(names)}): {', '.join(names)}"]


def _why_line(r: ItemResolution, lang: Lang, result: Resolution | None) -> list[str]:
    """The reason of a licence, resource or contained answer (the others speak for themselves)."""
    licence = result.licence_of(r) if result is not None else None
    if r.kind not in (MatchKind.RESOURCE, MatchKind.CONTAINED) and licence is None:
        return []
    return [f"       {r.reason_zh if lang is Lang.ZH else r.reason_en}"]


def _action_zh(r: ItemResolution) -> str:
    action = r.action.label_zh
    if r.action is Action.SUPPLEMENT:
        action += "：" + "、".join(FIELD_NAMES[f][0] for f in r.missing)
    if r.action is Action.APPLY and r.due is not None:
        action += f"，答复期限 {r.due.due.isoformat()}（{r.due.working_days} 个工作日"
        action += "）" if r.due.covered else "，节假日安排未覆盖，按周一至周五计）"
    if r.delivery is not None:
        action += (
            f"，同意后提供期限 {r.delivery.due.isoformat()}（{r.delivery.working_days} 个工作日）"
        )
    if r.action is Action.REFUSED:
        action += _basis_zh(r.legal_basis)
    if r.no_recollection:
        action += "；不得向群众和企业重复采集"
    return action


def _action_en(r: ItemResolution) -> str:
    action = _ACTION_EN[r.action]
    if r.action is Action.SUPPLEMENT:
        action += ": " + ", ".join(FIELD_NAMES[f][1] for f in r.missing)
    if r.action is Action.APPLY and r.due is not None:
        action += f", reply due {r.due.due.isoformat()} ({r.due.working_days} working days"
        action += ")" if r.due.covered else "; holidays not covered, counted Monday to Friday)"
    if r.delivery is not None:
        action += f", delivery due {r.delivery.due.isoformat()} once agreed"
        action += f" ({r.delivery.working_days} working days)"
    if r.action is Action.REFUSED:
        action += f", legal basis: {r.legal_basis or 'not stated'}"
    if r.no_recollection:
        action += "; not to be collected again from citizens or companies"
    return action


def _terms_lines(r: ItemResolution, result: Resolution | None, lang: Lang) -> list[str]:
    """Why an item needs review, and how its due dates were counted."""
    zh = lang is Lang.ZH
    lines = []
    if r.review is not None:
        why = r.review.reason_zh if zh else r.review.reason_en
        lines.append(
            f"       {'提请提供方审核' if zh else 'for review'}：{why}"
            if zh
            else f"       for review: {why}"
        )
    if result is None:
        return lines
    count = counted_zh if zh else counted_en
    if r.due is not None:
        how = count(r.due, _reply_deadline(r, result))
        lines.append(f"       答复期限计算：{how}" if zh else f"       reply counted: {how}")
    if r.delivery is not None:
        how = count(r.delivery, result.deadline(DELIVERY), after_reply=True)
        lines.append(f"       提供期限计算：{how}" if zh else f"       delivery counted: {how}")
    return lines


def _item_line(
    n: int, r: ItemResolution, lang: Lang = Lang.ZH, result: Resolution | None = None
) -> list[str]:
    zh = lang is Lang.ZH
    kind = _KIND_ZH[r.kind] if zh else _KIND_EN[r.kind]
    head = f"{n:>3}. {r.requested}  [{kind} {r.score:.0f}]"
    if r.match is None:
        lines = [f"{head}  {r.reason_zh if zh else r.reason_en}"]
        for c in r.options:
            res = c.item.resource
            home = (res.database_name if zh else res.database) or res.catalog
            lines.append(
                f"       - {c.item.name}（{home} {res.code}，{c.score:.1f}）"
                if zh
                else f"       - {c.item.name} ({home} {res.code}, {c.score:.1f})"
            )
        if r.options_total > len(r.options):
            lines.append(
                f"       … 共 {r.options_total} 项" if zh else f"       … {r.options_total} in all"
            )
        return lines
    share_type = r.match.resource.share_type
    if zh:
        share = share_type.value if share_type else "共享类型未填写"
        lines = [f"{head}  → {_where(r, lang)}", f"       {share} → {_action_zh(r)}"]
    else:
        share = _label_en("share-type", share_type.value) if share_type else "share type not stated"
        lines = [f"{head}  → {_where(r, lang)}", f"       {share} → {_action_en(r)}"]
    why = _why_line(r, lang, result)
    return lines + _items_line(r, lang) + why + _terms_lines(r, result, lang)


def _key_line(k: KeyRoute, lang: Lang = Lang.ZH) -> str:
    zh = lang is Lang.ZH
    if k.status is KeyStatus.ROUTED:
        extra = (
            (f"（{', '.join(k.resources)}）" if zh else f" ({', '.join(k.resources)})")
            if (k.resources)
            else ""
        )
        name = k.details.get("division_name")
        label = f" {name}" if name else ""
        kind = (k.kind.value if zh else k.kind.label_en) if k.kind else ""
        home = k.database_name if zh else k.database
        return f"  {k.key.value}{label}  {kind} → {home}{extra}"
    if zh:
        return f"  {k.key.value}  {_KEY_ZH[k.status]}：{k.reason_zh}"
    return f"  {k.key.value}  {_KEY_EN[k.status]}: {k.reason_en}"


def resolution_to_text(res: Resolution, lang: Lang = Lang.ZH) -> str:
    """A plain-text report for the terminal, in Chinese or English.

    Names taken from the catalogs (resources, items) stay as the catalogs write them.
    """
    zh = lang is Lang.ZH
    req = res.request
    if zh:
        code = f"（{req.requester.code}）" if req.requester.code else ""
        purpose = req.purpose.value if req.purpose else "未填写"
        day = res.day.isoformat()
        head = f"需求部门：{req.requester.name}{code}  使用用途：{purpose}  日期：{day}"
    else:
        code = f" ({req.requester.code})" if req.requester.code else ""
        purpose = _label_en("usage-purpose", req.purpose.value) if req.purpose else "not stated"
        day = res.day.isoformat()
        head = f"Requester: {req.requester.name}{code}  Purpose: {purpose}  Date: {day}"
    lines = [head]
    if res.regime is not None:
        lines.append(res.regime.describe_zh() if zh else res.regime.describe_en())
    if res.missing:
        if zh:
            absent = "、".join(FIELD_NAMES[f][0] for f in res.missing)
            lines.append(f"申请材料不全，一次性告知需补充：{absent}（不予直接拒绝）")
        else:
            absent = ", ".join(FIELD_NAMES[f][1] for f in res.missing)
            lines.append(f"The request is incomplete; add, all at once: {absent} (never refused)")
    for n, r in enumerate(res.items, 1):
        lines += _item_line(n, r, lang, res)
    if res.keys:
        lines.append("主体标识：" if zh else "Subject keys:")
        lines += [_key_line(k, lang) for k in res.keys]
    counts = {kind: sum(1 for r in res.items if r.kind is kind) for kind in MatchKind}
    names = _KIND_ZH if zh else _KIND_EN
    summary = "  ".join(f"{names[k]} {v}" for k, v in counts.items())
    lines.append(
        f"共 {len(res.items)} 项：{summary}" if zh else f"{len(res.items)} items: {summary}"
    )
    return "\n".join(lines)


def resolution_to_html(res: Resolution) -> str:
    """An HTML table (for notebooks)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ITEM_COLUMNS)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row.values())
        + "</tr>"
        for row in item_rows(res)
    )
    req = res.request
    title = html.escape(f"{req.requester.name} · {res.day.isoformat()}")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f"<div><strong>{title}</strong>{table}</div>"


def write_xlsx(res: Resolution, path: Path) -> None:
    """Write the item table (sheet 信息项) and the key routes (sheet 主体标识) to an xlsx file."""
    from openpyxl import Workbook  # noqa: PLC0415 - optional dependency (extra "xlsx")

    from govcatalog.io.cells import (  # noqa: PLC0415 - needs openpyxl
        append_text,
        check_destination,
    )

    check_destination(path)

    book = Workbook()
    sheet = book.active
    sheet.title = "信息项"
    append_text(sheet, list(ITEM_COLUMNS))
    for row in item_rows(res):
        append_text(sheet, ["" if v is None else v for v in row.values()])
    keys = book.create_sheet("主体标识")
    columns = ["value", "status", "kind", "database", "database_name", "resources", "reason_zh"]
    append_text(keys, columns)
    for k in res.keys:
        data = key_to_json(k)
        data["resources"] = ", ".join(k.resources)
        append_text(keys, ["" if data[c] is None else data[c] for c in columns])
    book.save(path)
