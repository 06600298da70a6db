"""Renderings of a resolution (:class:`~govcatalog.resolve.answers.Resolution`).

Text for the terminal, HTML for notebooks and a workbook here; JSON and the flat rows they
are made from in :mod:`govcatalog.resolve.render_rows` (imported from here too).
"""

from __future__ import annotations

import html
from pathlib import Path

from govcatalog.packs.lawdata import DELIVERY
from govcatalog.report import Lang
from govcatalog.resolve.answers import Action, ItemResolution, MatchKind, Resolution
from govcatalog.resolve.keys import KeyRoute, KeyStatus
from govcatalog.resolve.render_rows import (
    ITEM_COLUMNS,
    KEY_ZH,
    KIND_ZH,
    counted_en,
    counted_zh,
    item_rows,
    item_to_json,
    key_to_json,
    reply_deadline,
    resolution_to_json,
    resolution_to_pandas,
)
from govcatalog.resolve.request_model import FIELD_NAMES

__all__ = [
    "ITEM_COLUMNS",
    "counted_en",
    "counted_zh",
    "item_rows",
    "item_to_json",
    "key_to_json",
    "resolution_to_html",
    "resolution_to_json",
    "resolution_to_pandas",
    "resolution_to_text",
    "write_xlsx",
]

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
        how = count(r.due, reply_deadline(r, result))
        lines.append(f"       答复期限计算：{how}" if zh else f"       reply counted: {how}")
    if r.delivery is not None:
        how = count(r.delivery, result.deadline(DELIVERY), after_reply=True)
        lines.append(f"       提供期限计算：{how}" if zh else f"       delivery counted: {how}")
    return lines


def _item_line(
    n: int, r: ItemResolution, lang: Lang = Lang.ZH, result: Resolution | None = None
) -> list[str]:
    zh = lang is Lang.ZH
    kind = KIND_ZH[r.kind] if zh else _KIND_EN[r.kind]
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
        return f"  {k.key.value}  {KEY_ZH[k.status]}：{k.reason_zh}"
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
    names = KIND_ZH if zh else _KIND_EN
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
