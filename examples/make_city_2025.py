"""Write examples/city-catalog-2025.json: the city catalog corrected for 《政务数据共享条例》.

The copy of city-catalog.json that a department would publish after 2025-08-01: every entry
states its 数据分类分级 (第十三条); every 有条件共享 entry its 使用条件 naming scope and purpose,
without conditions added at will (第十五条); every 不予共享 entry its reason and a basis that is a
法律, 行政法规 or 国务院决定 (第十四条（三）、第十五条). It validates with no finding under the pack
sharing-2025 (tests/integration/test_sharing_2025.py checks that).

Run from the repository root::

    PYTHONPATH=src python examples/make_city_2025.py
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# 使用条件 where the 1272-era 共享条件 named no scope, or added an approval step at will.
CONDITIONS = {
    "101001/000002": "仅向需要核验居住信息的政务部门提供，用于依法履职中的居住登记核验。",
    "203001/000001": "仅向民政、人力资源和社会保障、科技部门提供，用于办理社会救助、就业补贴、人才认定时核验参保状态。",
    "203002/000001": "向接入政务服务“一卡通”的政务部门提供，用于办理政务服务事项时核验持卡人身份。",
    "307003/000001": "仅向人才工作、财政部门提供，用于人才认定与补贴发放。",
    "211002/000002": "向生态环境执法部门实时提供，用于排污监管执法；向其他政务部门按季度提供汇总数据，用于环境统计。",
    "307010/000002": "仅向教育、人力资源和社会保障部门提供，用于教师招聘和从业资格核验。",
}

# Bases of 不予共享 that are 法律 or 行政法规, and the reasons (第十五条).
NOT_SHARED = {
    "307001/000003": (
        "侦查中的案件信息依法保密，不能提供给其他部门。",
        None,
    ),
    "307003/000002": (
        "监察案件涉及举报人信息，法律法规要求为举报人保密。",
        "《劳动保障监察条例》第二十二条",
    ),
    "307005/000001": (
        "健康档案属于敏感个人信息，法律规定不得非法提供。",
        None,
    ),
    "307010/000003": (
        "资助信息包含未成年人的敏感个人信息，法律禁止向第三方提供。",
        "《中华人民共和国未成年人保护法》第七十二条；《中华人民共和国个人信息保护法》第三十一条",
    ),
}


def grade(res: dict[str, Any]) -> str:
    """数据分类分级 by share type and class: the sample grades a department might give."""
    share = res["share"]["share_type"]
    if share == "不予共享":
        return "重要数据"
    if share == "有条件共享":
        return "一般数据3级"
    return "一般数据2级" if res["category"]["lei"] == "基础信息资源目录" else "一般数据1级"


def main() -> None:
    """Write the corrected copy."""
    catalog = json.loads((HERE / "city-catalog.json").read_text(encoding="utf-8"))
    out = copy.deepcopy(catalog)
    out["catalog"].update(
        name="襄阳市政务数据目录（示例，按《政务数据共享条例》更新）",
        version="2025.3",
        issued="2025-09-15",
        pack="sharing-2025@1",
    )
    for res in out["resources"]:
        share = res["share"]
        ext: dict[str, Any] = {"data_grade": grade(res)}
        if share["share_type"] == "有条件共享":
            ext["usage_conditions"] = CONDITIONS.get(res["code"], share["share_condition"])
        elif share["share_type"] == "不予共享":
            reason, basis = NOT_SHARED[res["code"]]
            ext["refusal_reason"] = reason
            if basis is not None:
                share["share_condition"] = basis
        res["extensions"] = ext
    text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    (HERE / "city-catalog-2025.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
