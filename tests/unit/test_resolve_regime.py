"""Requests under the rules in force on their date: 国发〔2016〕51号 before 2025-08-01, the regulation after.

《政务数据共享条例》: 第二十条 (what a request states), 第二十一条 (reply within 1 working day for
无条件, 10 for 有条件; an incomplete request gets 一次性告知, never a refusal), 第二十二条
(delivery within 20 working days of the agreeing reply). 国发〔2016〕51号 第十条: 无条件 taken
directly, 有条件 answered within 10 working days.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    Action,
    BaseDataPack,
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    Requester,
    ResolveIndex,
    ResolveOptions,
    ResourceSpec,
    build_index,
    load_base_pack,
    read_request,
    resolve,
)
from govcatalog.resolve.render import resolution_to_text

COMPLETE = {
    "basis": "《社会救助暂行办法》第十一条",
    "scene": "最低生活保障家庭经济状况核对",
    "scope": "襄阳市民政局社会救助科",
    "method": "服务接口",
    "period": "2025-09-01至2026-08-31",
}
ITEMS = ("公民身份号码", "婚姻状况", "指纹信息")  # 无条件, 有条件, 不予共享 in the base catalogs


@pytest.fixture(scope="module")
def bases() -> BaseDataPack:
    return load_base_pack()


@pytest.fixture(scope="module")
def index(bases: BaseDataPack) -> ResolveIndex:
    return build_index(bases)


def _request(day: dt.date, **fields: str) -> DataRequest:
    return DataRequest(Requester("襄阳市民政局"), None, ITEMS, (), day, **fields)


def test_after_2025_08_01_replies_take_1_and_10_working_days_and_delivery_20(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    res = resolve(_request(dt.date(2025, 9, 1), **COMPLETE), index, bases=bases)
    assert res.regime is not None
    assert res.regime.pack.id == "sharing-2025"
    free, conditional, refused = res.items
    assert free.match is not None
    assert free.match.resource.share_type is ShareType.UNCONDITIONAL
    # 第二十一条: 无条件 — reply within 1 working day of receipt (Mon 09-01 → Tue 09-02).
    assert free.action is Action.APPLY
    assert free.due is not None
    assert free.due.due == dt.date(2025, 9, 2)
    assert free.due.working_days == 1
    # 第二十二条: delivery within 20 working days of the reply; 2025-09-28 (Sunday) is a
    # working day of the national arrangement.
    assert free.delivery is not None
    assert free.delivery.start == dt.date(2025, 9, 2)
    assert free.delivery.due == dt.date(2025, 9, 29)
    # 第二十一条: 有条件 — 10 working days; delivery across the National Day holiday.
    assert conditional.due is not None
    assert conditional.due.due == dt.date(2025, 9, 15)
    assert conditional.delivery is not None
    assert conditional.delivery.due == dt.date(2025, 10, 17)
    assert refused.action is Action.REFUSED
    assert refused.due is None
    assert refused.delivery is None
    assert res.missing == ()


def test_before_2025_08_01_the_51hao_answers_hold(index: ResolveIndex, bases: BaseDataPack) -> None:
    res = resolve(_request(dt.date(2025, 7, 1), **COMPLETE), index, bases=bases)
    assert res.regime is not None
    assert res.regime.pack.id == "gb-1272"
    free, conditional, refused = res.items
    # 51号 第十条: 无条件 taken directly from the platform, no reply and no delivery limit.
    assert free.action is Action.TAKE
    assert free.due is None
    assert free.delivery is None
    assert conditional.action is Action.APPLY
    assert conditional.due is not None
    assert conditional.due.due == dt.date(2025, 7, 15)
    assert conditional.delivery is None
    assert refused.action is Action.REFUSED


def test_a_named_pack_wins_over_the_request_date(index: ResolveIndex, bases: BaseDataPack) -> None:
    options = ResolveOptions(pack="gb-1272@^1")
    res = resolve(_request(dt.date(2025, 9, 1)), index, bases=bases, options=options)
    assert res.items[0].action is Action.TAKE
    assert res.missing == ()  # 51号 asks for none of 第二十条's fields


def test_an_incomplete_request_gets_supplement_never_refused(
    index: ResolveIndex, bases: BaseDataPack
) -> None:
    # 第二十一条第二款: 一次性告知其需要补充的材料，不得直接予以拒绝.
    partial = {k: v for k, v in COMPLETE.items() if k not in ("basis", "period")}
    res = resolve(_request(dt.date(2025, 9, 1), **partial), index, bases=bases)
    assert res.missing == ("basis", "period")
    assert [r.action for r in res.items] == [Action.SUPPLEMENT] * 3
    assert all(r.missing == ("basis", "period") for r in res.items)
    assert all(r.due is None and r.delivery is None for r in res.items)
    text = resolution_to_text(res)
    assert text.count("一次性告知需补充：使用依据、使用时限") == 1
    assert text.count("补充材料：使用依据、使用时限") == 3
    assert "不予共享 →" not in text.replace("不予共享 → 补充材料", "")


def _dept(conditions: str) -> ResolveIndex:
    res = ResourceSpec(
        "203003/000001",
        "最低生活保障对象信息",
        ShareType.CONDITIONAL,
        conditions,
        "襄阳市民政局",
        (ItemSpec("低保金额"),),
    )
    return ResolveIndex.build(
        [CatalogEntry("民政局", "1", CatalogRole.DEPARTMENT, None, None, (res,))]
    )


@pytest.mark.parametrize(
    ("requester", "scene", "flagged"),
    [
        ("襄阳市医疗保障局", "医疗救助对象资格核对", False),
        ("襄阳市教育局", "学生资助资格核对", True),  # outside the 共享范围
        ("襄阳市医疗保障局", "办公用品采购", True),  # outside the 使用用途
    ],
)
def test_a_conditional_item_outside_its_conditions_is_flagged_for_review(
    bases: BaseDataPack, requester: str, scene: str, flagged: bool
) -> None:
    # 第十五条: the catalog lists 共享范围 and 使用用途; 第二十五条: no use beyond them.
    idx = _dept("仅向卫生健康、医疗保障部门提供，用于医疗救助对象核对。")
    fields = {**COMPLETE, "scene": scene, "scope": requester}
    req = DataRequest(Requester(requester), None, ("低保金额",), (), dt.date(2025, 9, 1), **fields)
    (item,) = resolve(req, idx, bases=bases).items
    assert item.action is Action.APPLY  # flagged, never refused
    assert (item.review is not None) == flagged


def test_request_columns_of_the_regulation(tmp_path: Path, bases: BaseDataPack) -> None:
    path = tmp_path / "request.csv"
    path.write_text(
        "申请部门,申请日期,需求信息项,使用依据,使用场景,使用范围,共享方式,使用时限\n"
        "襄阳市民政局,2025-09-01,公民身份号码,《社会救助暂行办法》,低保核对,社会救助科,接口,一年\n"
        ",,婚姻状况,,,,,\n",
        encoding="utf-8",
    )
    req = read_request(path)
    assert (req.basis, req.scene, req.scope, req.period) == (
        "《社会救助暂行办法》",
        "低保核对",
        "社会救助科",
        "一年",
    )
    assert req.method == "服务接口"  # the vocabulary's canonical form (第二十二条)
    res = resolve(req, build_index(bases), bases=bases)
    assert res.missing == ()
    data = json.loads(json.dumps(res.to_json_dict(), ensure_ascii=False))
    assert "政务数据共享条例" in data["regime"]
    first = data["items"][0]
    assert first["due_date"] == "2025-09-02"
    assert "第二十一条" in first["due_counted"]
    assert first["delivery_date"] == "2025-09-29"
    assert "第二十二条" in first["delivery_counted"]
