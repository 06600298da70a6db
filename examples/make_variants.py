"""Write examples/city-catalog-with-errors.json and small-catalog.yaml from city-catalog.json.

The copy carries the mistakes real catalogs have, one or two per resource, each listed
in examples/README.md (the test of the examples checks the findings against that
list). Some resources are written with the guide's Chinese element names as keys, the
way existing catalog systems export them.

Run from the repository root::

    PYTHONPATH=src python examples/make_variants.py
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

Resource = dict[str, Any]


def chinese(res: Resource) -> Resource:
    """The resource with flat Chinese keys, as a spreadsheet-minded catalog system exports it."""
    out: Resource = {}
    cat = res["category"]
    out["类"] = cat["lei"]
    out["项"] = cat["xiang"]
    if "mu" in cat:
        out["目"] = cat["mu"]
    out["信息资源名称"] = res["name"]
    out["信息资源代码"] = res["code"]
    out["信息资源提供方"] = res["provider"]
    out["信息资源提供方代码"] = res["provider_code"]
    out["信息资源摘要"] = res["abstract"]
    fmt = res["format"]
    out["信息资源格式分类"] = fmt["format_class"]
    types = fmt.get("format_types", [])
    out["信息资源格式类型"] = types[0] if len(types) == 1 else types
    if "other_description" in fmt:
        out["其他类型资源格式描述"] = fmt["other_description"]
    if "items" in res:
        out["信息项"] = [
            {
                "信息项名称": it["name"],
                "数据类型": it["data_type"],
                "数据长度": it["length"],
                **(
                    {"是否基础信息项": "是" if it["base_item"] else "否"}
                    if "base_item" in it
                    else {}
                ),
            }
            for it in res["items"]
        ]
    share = res["share"]
    out["共享类型"] = share["share_type"]
    if "share_condition" in share:
        out["共享条件/不予共享依据"] = share["share_condition"]
    if "share_mode_class" in share:
        out["共享方式分类"] = share["share_mode_class"]
    if "share_mode_type" in share:
        out["共享方式类型"] = share["share_mode_type"]
    out["是否向社会开放"] = "是" if res["open"]["open_to_public"] else "否"
    if "open_condition" in res["open"]:
        out["开放条件"] = res["open"]["open_condition"]
    out["更新周期"] = res["update_cycle"]
    out["发布日期"] = res["publish_date"]
    if "related_codes" in res:
        out["关联资源代码"] = res["related_codes"]
    out["涉密属性"] = res["secrecy"]
    return out


def _set(res: Resource, key: str, value: object) -> Resource:
    res[key] = value
    return res


def _drop(res: Resource, key: str) -> Resource:
    del res[key]
    return res


def _bad_uscc(res: Resource) -> Resource:
    code = res["provider_code"]
    res["provider_code"] = code[:-1] + (
        "1" if code[-1] != "1" else "2"
    )  # a typo in the check character
    return res


def _duplicate_item(res: Resource) -> Resource:
    res["items"].append(dict(res["items"][0]))
    return res


def _item(index: int, key: str, value: object) -> Callable[[Resource], Resource]:
    def change(res: Resource) -> Resource:
        res["items"][index][key] = value
        return res

    return change


def _share(**changes: object) -> Callable[[Resource], Resource]:
    def change(res: Resource) -> Resource:
        for key, value in changes.items():
            if value is None:
                res["share"].pop(key, None)
            else:
                res["share"][key] = value
        return res

    return change


LONG_ABSTRACT = (
    "记录本市建筑业企业取得的施工总承包、专业承包和施工劳务资质的证书编号、资质类别、资质等级、发证机关、发证日期和有效期，以及资质延续、增项、升级、降级、撤回和注销等变更情况。数据来源"
    "于湖北省建筑市场监管与诚信一体化工作平台，由市住房和城乡建设局建筑市场科负责汇集和核对，每月与省级平台比对一次。供发展改革、公共资源交易、市场监管、人力资源和社会保障、税务等部门在"
    "招标投标、信用评价、农民工工资支付监管和行政审批中核验企业资质；企业资质证书的主要信息按《建筑业企业资质管理规定》向社会公开，涉及企业人员个人信息的字段不予公开，相关人员信息另见建筑业注册人员执业信息资源。"
)
"""An abstract of 283 characters: too long for the 256 the pack allows."""

# Resource name → the mistakes made in it (applied in order), and whether it is written with
# Chinese keys. The intended findings are listed in README.md.
MISTAKES: dict[str, tuple[bool, list[Callable[[Resource], Resource]]]] = {
    "常住人口基本信息": (True, [lambda r: _set(r, "更新周期", "每天")]),
    "流动人口居住登记信息": (True, [lambda r: _set(r, "共享条件/不予共享依据", "")]),
    "人口出生登记信息": (False, [_item(0, "data_type", "字符串型C")]),
    "人口死亡注销信息": (False, [lambda r: _set(r, "publish_date", "2024/03/01")]),
    "机动车登记信息": (False, [_bad_uscc]),
    "机动车驾驶人信息": (True, [lambda r: _set(r, "是否向社会开放", "是")]),
    "刑事案件侦查信息": (False, [_share(share_condition=None, share_mode_class="介质方式")]),
    "企业登记基本信息": (True, [lambda r: _set(r, "数据来源系统", "湖北省市场监管一体化平台")]),
    "个体工商户登记信息": (True, [lambda r: _drop(r, "信息项")]),
    "市场主体行政处罚信息": (
        False,
        [_share(share_type="有条件共享", share_condition="仅限信用监管部门使用。")],
    ),
    "经营异常名录信息": (False, [lambda r: _set(r, "code", "104001000002")]),
    "食品安全抽检结果信息": (False, [lambda r: _set(r, "code", "204001/000001")]),
    "城镇职工基本养老保险参保信息": (
        False,
        [lambda r: _set(r, "related_codes", ["101001/000001", r["code"]])],
    ),
    "失业保险金领取信息": (False, [lambda r: _set(r, "related_codes", ["203001/000099"])]),
    "社会保障卡持卡信息": (False, [lambda r: _set(r, "code", "303002/000001")]),
    "招聘岗位信息": (
        False,
        [lambda r: _set(r, "format", {"format_class": "其他", "format_types": ["csv"]})],
    ),
    "专业技术人员职称信息": (False, [lambda r: _set(r, "publish_date", "2042-05-20")]),
    "劳动保障监察案件信息": (False, [_share(share_condition="涉及投诉人个人隐私")]),
    "不动产登记信息": (False, [lambda r: _drop(r, "abstract")]),
    "建设用地规划许可信息": (False, [_item(4, "length", 0)]),
    "矿业权登记信息": (False, [_share(share_mode_class="邮件方式")]),
    "土地出让合同信息": (False, [_share(share_type="无条件共享")]),
    "医师执业注册信息": (False, [_duplicate_item]),
    "出生医学证明信息": (False, [lambda r: _set(r, "update_cycle", "接口")]),
    "预防接种记录信息": (False, [lambda r: r["category"].update(xiang="卫生健康") or r]),
    "居民电子健康档案": (False, [lambda r: _set(r, "code", "306005/000001")]),
    "医疗卫生统计年报": (False, [lambda r: r["format"].update(format_types=["csv"]) or r]),
    "社会组织登记信息": (True, [lambda r: _set(r, "发布日期", "2024-02-30")]),
    "婚姻登记信息": (True, [lambda r: _set(r, "资源名称", "婚姻登记信息")]),
    "最低生活保障对象信息": (
        False,
        [lambda r: _set(r, "items", "公民身份号码、姓名、保障类别、月保障金额")],
    ),
    "特困人员供养信息": (
        True,
        [
            lambda r: _set(r, "共享方式分类", "共享平台方式/接口"),
            lambda r: _drop(r, "共享方式类型"),
        ],
    ),
    "养老机构备案信息": (False, [lambda r: _set(r, "name", "城乡社区基本信息")]),
    "建筑业企业资质信息": (False, [lambda r: _set(r, "abstract", LONG_ABSTRACT)]),
    "道路运输车辆动态监控信息": (False, [lambda r: _drop(r, "update_cycle")]),
}


def build(clean: dict[str, Any]) -> dict[str, Any]:
    """The catalog with errors, from the clean catalog."""
    resources: list[object] = []
    for res in clean["resources"]:
        chinese_keys, mistakes = MISTAKES.get(res["name"], (False, []))
        out = chinese(copy.deepcopy(res)) if chinese_keys else copy.deepcopy(res)
        for mistake in mistakes:
            out = mistake(out)
        resources.append(out)
    resources.append(None)  # an empty row at the end of an export
    info = clean["catalog"]
    return {
        "目录信息": {
            "目录名称": info["name"].replace("（示例）", "（含常见错误的示例）"),
            "编制单位": info["publisher"],
            "行政区划代码": info["region_code"],
            "层级属性分类": info["level"],
            "版本": info["version"],
            "发布日期": info["issued"],
        },
        "信息资源": resources,
    }


SMALL = [
    "常住人口基本信息",
    "企业登记基本信息",
    "城镇职工基本养老保险参保信息",
    "环境空气质量监测信息",
    "居民电子健康档案",
]
"""The resources of the small YAML example: base, theme and department resources."""


def small(clean: dict[str, Any]) -> str:
    """A small catalog in YAML with the guide's Chinese element names as keys."""
    info = clean["catalog"]
    chosen = [chinese(copy.deepcopy(r)) for r in clean["resources"] if r["name"] in SMALL]
    for res in chosen:
        res["关联资源代码"] = [
            c for c in res.get("关联资源代码", []) if c in {r["信息资源代码"] for r in chosen}
        ]
        if not res["关联资源代码"]:
            del res["关联资源代码"]
    doc = {
        "目录信息": {
            "目录名称": "襄阳市政务信息资源目录（节选）",
            "编制单位": info["publisher"],
            "行政区划代码": info["region_code"],
            "版本": info["version"],
        },
        "信息资源": chosen,
    }
    header = "# 襄阳市政务信息资源目录（节选）：以编制指南的中文元素名称为键的 YAML 示例。\n"
    return header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def main() -> None:
    """Write the catalog with errors and the small YAML catalog next to this script."""
    clean = json.loads((HERE / "city-catalog.json").read_text(encoding="utf-8"))
    text = json.dumps(build(clean), ensure_ascii=False, indent=2) + "\n"
    (HERE / "city-catalog-with-errors.json").write_text(text, encoding="utf-8")
    (HERE / "small-catalog.yaml").write_text(small(clean), encoding="utf-8")


if __name__ == "__main__":
    main()
