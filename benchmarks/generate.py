"""Seeded generator of synthetic catalogs in govcatalog's canonical JSON form.

A city catalog has 20,000 resources (≈ 400,000 data items), a province catalog 200,000
(≈ 4,000,000). Providers are the departments of the real counties and prefectures of one
province (GB/T 2260 codes) with valid 统一社会信用代码; data item names combine a subject
and an attribute from lists of real catalog wording. About one resource in fifty carries
each kind of defect (see ``DEFECTS``), so every rule has work to do.

The output is written resource by resource, one per line, and never held in memory::

    python benchmarks/generate.py --size province            # benchmarks/.data/province.json
    python benchmarks/generate.py --resources 5000 -o x.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from govcatalog.identifiers import DivisionLevel, check_org_code, check_uscc, iter_divisions
from govcatalog.packs import get_pack

DATA = Path(__file__).resolve().parent / ".data"
SIZES = {"city": 20_000, "province": 200_000}
DEFECT_RATE = 0.02
"""Probability that a resource carries one defect of a given kind."""

DEPARTMENTS = [
    "公安局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "卫生健康委员会",
    "民政局",
    "住房和城乡建设局",
    "生态环境局",
    "交通运输局",
    "教育局",
    "财政局",
    "税务局",
    "农业农村局",
    "水利局",
    "应急管理局",
    "文化和旅游局",
    "医疗保障局",
    "司法局",
    "统计局",
    "商务局",
]
SUBJECTS = [
    "申请人",
    "企业",
    "法定代表人",
    "经办人",
    "监护人",
    "权利人",
    "持证人",
    "被检查单位",
    "参保人",
    "受理单位",
    "许可",
    "登记",
    "备案",
    "项目",
    "车辆",
    "房屋",
    "合同",
    "证书",
    "案件",
    "业务",
]
ATTRIBUTES: list[tuple[str, str, int]] = [
    ("姓名", "字符型", 50),
    ("公民身份号码", "字符型", 18),
    ("统一社会信用代码", "字符型", 18),
    ("名称", "字符型", 200),
    ("地址", "字符型", 200),
    ("联系电话", "字符型", 20),
    ("编号", "字符型", 30),
    ("类型", "字符型", 10),
    ("状态", "字符型", 2),
    ("日期", "日期型", 8),
    ("有效期至", "日期型", 8),
    ("金额", "货币型", 18),
    ("数量", "整型", 8),
    ("面积", "双精度型", 15),
    ("说明", "备注型", 2000),
    ("登记时间", "日期时间型", 14),
    ("经度", "双精度型", 12),
    ("纬度", "双精度型", 12),
    ("是否有效", "逻辑型", 1),
    ("行政区划代码", "字符型", 6),
    ("比例", "数值型", 8),
    ("等级", "字符型", 10),
]
TOPICS = [
    "企业",
    "个体工商户",
    "社会组织",
    "医疗机构",
    "学校",
    "养老机构",
    "建设项目",
    "道路运输",
    "食品经营",
    "药品经营",
    "排污单位",
    "不动产",
    "机动车",
    "驾驶人",
    "社会保险",
    "最低生活保障",
    "特困人员",
    "农业经营主体",
    "水利工程",
    "旅游景区",
    "法律援助",
    "公共资源交易",
    "安全生产",
    "消防",
    "住房保障",
]
QUALIFIERS = ["", "历史", "年度", "月度", "汇总", "明细", "归档", "公示", "核查", "专项"]
KINDS = [
    "登记信息",
    "许可信息",
    "备案信息",
    "检查信息",
    "处罚信息",
    "统计信息",
    "变更信息",
    "注销信息",
    "年报信息",
]
# The 项 of each 类 and their codes come from the national pack (its code table), never
# from a copy here; department resources all use the provincial 项.
_PACK = get_pack("gb-1272@^1")
_DEPARTMENT_XIANG = "省（自治区、直辖市）及其下各级政务部门"
XIANG = {
    (c.notation or "", c.label_zh): (
        [_DEPARTMENT_XIANG]
        if c.label_zh == "部门信息资源目录"
        else list(_PACK.xiang_codes[c.label_zh])
    )
    for c in _PACK.vocabulary("resource-class").top_concepts()
}
XIANG_CODE = {x: code for codes in _PACK.xiang_codes.values() for x, code in codes.items()}
FORMATS = [
    ({"format_class": "数据库", "format_types": ["oracle"]}, 5),
    ({"format_class": "数据库", "format_types": ["MySQL"]}, 3),
    ({"format_class": "数据库", "format_types": ["Dm"]}, 2),
    ({"format_class": "电子表格", "format_types": ["xlsx"]}, 3),
    ({"format_class": "电子文件", "format_types": ["pdf"]}, 1),
    (
        {
            "format_class": "服务接口",
            "format_types": ["REST"],
            "other_description": "HTTPS 接口，JSON 报文",
        },
        1,
    ),
]
CYCLES = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年"]
LAW = "《中华人民共和国个人信息保护法》第二十八条"


def _check(check: Callable[[str], Any], probe: str) -> str:
    result = check(probe)
    return probe[-1] if result.valid else str(result.expected)


def providers(province: str, count: int) -> list[tuple[str, str]]:
    """(name, 统一社会信用代码) of departments of the province's prefectures and counties."""
    places = [
        d
        for d in iter_divisions()
        if d.code.startswith(province)
        and d.level is not DivisionLevel.PROVINCE
        and d.name not in ("市辖区", "县")
    ]
    out: list[tuple[str, str]] = []
    serial = 1
    for place in places:
        for dept in DEPARTMENTS:
            org = f"0{serial:07d}"
            serial += 1
            org += _check(check_org_code, f"{org}-0")
            body = f"11{place.code}{org}"
            out.append((place.name + dept, body + _check(check_uscc, body + "0")))
            if len(out) == count:
                return out
    return out


@dataclass
class State:
    """What the generator remembers between resources (for duplicates and relations)."""

    seq: Counter[str]
    codes: list[str]
    names: Counter[str]
    last_name: str = ""
    last_provider: tuple[str, str] = ("", "")


def _item(name: str, dtype: str, length: object) -> str:
    item = {"name": name, "data_type": dtype, "length": length}
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


ITEM_POOL = [_item(s + a, t, n) for s in SUBJECTS for a, t, n in ATTRIBUTES]

Resource = dict[str, Any]
PLATFORM = {"share_mode_class": "共享平台方式", "share_mode_type": "接口"}


def _set(key: str, value: object) -> Callable[[Resource, list[str], State], None]:
    def spoil(r: Resource, _items: list[str], _state: State) -> None:
        r[key] = value

    return spoil


def _share_as(**share: object) -> Callable[[Resource, list[str], State], None]:
    return _set("share", share)


def _no_items(r: Resource, items: list[str], _state: State) -> None:
    r["format"] = {"format_class": "数据库", "format_types": ["oracle"]}
    items.clear()


def _other_class(r: Resource, _items: list[str], _state: State) -> None:
    r["code"] = ("3" if r["code"][0] != "3" else "2") + r["code"][1:]


def _duplicate_code(r: Resource, _items: list[str], state: State) -> None:
    if state.codes:
        r["code"] = state.codes[-1]


def _base_conditional(r: Resource, _items: list[str], state: State) -> None:
    r["category"] = {"lei": "基础信息资源目录", "xiang": "国家人口基础信息资源"}
    state.seq["101999"] += 1
    r["code"] = f"101999/{state.seq['101999']:06d}"
    r["share"] = {"share_type": "有条件共享", "share_condition": "仅限公安机关使用", **PLATFORM}


def _drop_abstract(r: Resource, _items: list[str], _state: State) -> None:
    r.pop("abstract", None)


def _slash_date(r: Resource, _items: list[str], _state: State) -> None:
    r["publish_date"] = r["publish_date"].replace("-", "/")


def _long_abstract(r: Resource, _items: list[str], _state: State) -> None:
    if "abstract" in r:
        r["abstract"] *= 12


def _add_item(
    name: str, dtype: str, length: object
) -> Callable[[Resource, list[str], State], None]:
    def spoil(_r: Resource, items: list[str], _state: State) -> None:
        items.append(_item(name, dtype, length))

    return spoil


def _duplicate_item(_r: Resource, items: list[str], _state: State) -> None:
    if items:
        items.append(items[0])


def _malformed_code(r: Resource, _items: list[str], _state: State) -> None:
    r["code"] = r["code"].replace("/", "")


def _bad_uscc(r: Resource, _items: list[str], _state: State) -> None:
    code = r["provider_code"]
    r["provider_code"] = code[:-1] + ("0" if code[-1] != "0" else "1")


def _foreign_xiang(r: Resource, _items: list[str], _state: State) -> None:
    r["category"]["xiang"] = "卫生健康"


def _xiang_digits(r: Resource, _items: list[str], _state: State) -> None:
    code = r["code"]
    r["code"] = code[0] + ("02" if code[1:3] == "01" else "01") + code[3:]


def _self_related(r: Resource, _items: list[str], _state: State) -> None:
    r["related_codes"] = [r["code"]]


def _duplicate_name(r: Resource, _items: list[str], state: State) -> None:
    r["name"] = state.last_name
    r["provider"], r["provider_code"] = state.last_provider


def _chinese_keys(r: Resource, _items: list[str], _state: State) -> None:
    r["信息资源名称"] = r.pop("name")
    r["信息资源摘要"] = r.pop("abstract", "摘要")


DEFECTS: dict[str, Callable[[Resource, list[str], State], None]] = {
    "R1 unconditional with condition": _share_as(
        share_type="无条件共享", share_condition="仅限本部门使用", **PLATFORM
    ),
    "R2 conditional without condition": _share_as(share_type="有条件共享", **PLATFORM),
    "R3 not shared without basis": _share_as(share_type="不予共享"),
    "R4 not shared with a mode": _share_as(
        share_type="不予共享", share_condition=LAW, share_mode_class="介质方式"
    ),
    "R5 open without condition": _set("open", {"open_to_public": True}),
    "R6 database without items": _no_items,
    "R7 code class disagrees": _other_class,
    "R8 duplicate code": _duplicate_code,
    "R9 invalid date": _set("publish_date", "2023-02-29"),
    "R10 mail with a type": _share_as(
        share_type="无条件共享", share_mode_class="邮件方式", share_mode_type="文件"
    ),
    "R11 base resource shared conditionally": _base_conditional,
    "R12 other without description": _set(
        "format", {"format_class": "其他", "format_types": ["csv"]}
    ),
    "R13 basis names no law": _share_as(share_type="不予共享", share_condition="涉及隐私"),
    "F001 missing element": _drop_abstract,
    "F002 value not in vocabulary": _set("update_cycle", "数据库"),
    "F003 alias value": _set("update_cycle", "每天"),
    "F003 date written with slashes": _slash_date,
    "F003 data type alias": _add_item("备注", "字符串型C", 200),
    "F004 long abstract": _long_abstract,
    "F005 malformed code": _malformed_code,
    "F006 invalid USCC": _bad_uscc,
    "F007 future date": _set("publish_date", "2099-01-01"),
    "F008 项 of another 类": _foreign_xiang,
    "F009 项 digits disagree": _xiang_digits,
    "F010 bad length": _add_item("附件", "备注型", 0),
    "F011 duplicate item": _duplicate_item,
    "F012 unsuited format type": _set(
        "format", {"format_class": "数据库", "format_types": ["xlsx"]}
    ),
    "C001 related code missing": _set("related_codes", ["399999/999999"]),
    "C002 related to itself": _self_related,
    "C003 duplicate name": _duplicate_name,
    "S004 unknown field": _set("数据来源系统", "业务系统"),
    "aliases (Chinese keys, no finding)": _chinese_keys,
}
"""Each kind of defect: a function that spoils one resource (and its items, as JSON text)."""


def _date(rng: random.Random) -> str:
    return f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _classify(rng: random.Random) -> tuple[str, str, str]:
    roll = rng.random()
    digit, lei = (
        ("1", "基础信息资源目录")
        if roll < 0.15
        else ("2", "主题信息资源目录")
        if roll < 0.55
        else ("3", "部门信息资源目录")
    )
    return digit, lei, rng.choice(XIANG[(digit, lei)])


def resource(
    rng: random.Random, provs: list[tuple[str, str]], state: State, tally: Counter[str]
) -> str:
    """One resource as a line of JSON (with its injected defects counted in ``tally``)."""
    digit, lei, xiang = _classify(rng)
    prefix = f"{digit}{XIANG_CODE[xiang]}{rng.randint(1, 40):03d}"
    state.seq[prefix] += 1
    code = f"{prefix}/{state.seq[prefix]:06d}"
    prov = rng.choice(provs)
    # Names are unique per provider (up to 2,250 resources each), so C003 fires only when injected.
    n = state.names[prov[0]]
    state.names[prov[0]] += 1
    topic = TOPICS[n % len(TOPICS)]
    kind = KINDS[(n // len(TOPICS)) % len(KINDS)]
    name = f"{topic}{QUALIFIERS[(n // (len(TOPICS) * len(KINDS))) % len(QUALIFIERS)]}{kind}"
    fmt = rng.choices([f for f, _ in FORMATS], weights=[w for _, w in FORMATS])[0]
    items = rng.sample(ITEM_POOL, rng.randint(10, 30))
    base = digit == "1"
    if base or rng.random() < 0.5:
        share: dict[str, object] = {
            "share_type": "无条件共享",
            "share_mode_class": "共享平台方式",
            "share_mode_type": "接口",
        }
    elif rng.random() < 0.9:
        share = {
            "share_type": "有条件共享",
            "share_condition": f"仅向{rng.choice(DEPARTMENTS)}提供，用于依法履职。",
            "share_mode_class": "共享平台方式",
            "share_mode_type": "数据库",
        }
    else:
        share = {"share_type": "不予共享", "share_condition": LAW}
    opened = rng.random() < 0.3
    r: Resource = {
        "category": {"lei": lei, "xiang": xiang},
        "name": name,
        "code": code,
        "provider": prov[0],
        "provider_code": prov[1],
        "abstract": f"{prov[0]}的{name}，供政务部门共享使用。",
        "format": dict(fmt),
        "share": share,
        "open": {"open_to_public": True, "open_condition": "无条件开放"}
        if opened
        else {"open_to_public": False},
        "update_cycle": rng.choice(CYCLES),
        "publish_date": _date(rng),
    }
    if state.codes and rng.random() < 0.2:
        r["related_codes"] = [rng.choice(state.codes[-1000:])]
    for defect, spoil in DEFECTS.items():
        if rng.random() < DEFECT_RATE:
            spoil(r, items, state)
            tally[defect] += 1
    state.codes.append(r["code"])
    if len(state.codes) > 5000:
        del state.codes[:4000]
    state.last_name = str(r.get("name", r.get("信息资源名称", "")))
    state.last_provider = (r["provider"], r["provider_code"])
    tally["items"] += len(items)
    head = json.dumps(r, ensure_ascii=False, separators=(",", ":"))
    if not items:
        return head
    return head[:-1] + ',"items":[' + ",".join(items) + "]}"


def generate(out: TextIO, count: int, seed: int = 1272, province: str = "42") -> Counter[str]:
    """Write a catalog of ``count`` resources to ``out``; returns the tally of injected defects."""
    rng = random.Random(seed)
    provs = providers(province, 2000)
    state = State(Counter(), [], Counter())
    tally: Counter[str] = Counter()
    info = {
        "name": "合成政务信息资源目录（基准测试）",
        "region_code": f"{province}0000",
        "pack": "gb-1272@1",
    }
    out.write('{"catalog":' + json.dumps(info, ensure_ascii=False) + ',\n"resources":[\n')
    for i in range(count):
        if i:
            out.write(",\n")
        out.write(resource(rng, provs, state, tally))
    out.write("\n]}\n")
    return tally


def split_catalog(path: Path, parts: int) -> list[Path]:
    """Split a generated catalog into ``parts`` files of consecutive resources, each with the
    catalog's facts (``NAME-1of4.json`` … beside it), streaming; returns their paths.

    Related codes point to earlier resources and duplicates are spread at random, so the
    parts refer to each other: a set to validate as one catalog.
    """
    with path.open(encoding="utf-8") as src:
        head = [src.readline(), src.readline()]
        total = sum(1 for _ in src) - 1  # the last line closes the document
    per = -(-total // parts)
    outs = [path.with_name(f"{path.stem}-{k + 1}of{parts}.json") for k in range(parts)]
    with path.open(encoding="utf-8") as src:
        src.readline()
        src.readline()
        for k, out in enumerate(outs):
            with out.open("w", encoding="utf-8") as dst:
                dst.writelines(head)
                for j in range(min(per, total - k * per)):
                    line = src.readline().rstrip("\n").rstrip(",")
                    dst.write((",\n" if j else "") + line)
                dst.write("\n]}\n")
    return outs


def default_path(size: str | None, resources: int) -> Path:
    """Where a generated file of this size is kept."""
    return DATA / (f"{size}.json" if size else f"synthetic-{resources}.json")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--size city|province`` or ``--resources N``; ``-o`` the output file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--size", choices=sorted(SIZES), default=None)
    group.add_argument("--resources", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1272)
    parser.add_argument("-o", "--output", type=Path, default=None)
    parser.add_argument(
        "--split", type=int, default=0, metavar="N", help="also split it into N files"
    )
    args = parser.parse_args(argv)
    size = args.size if args.resources is None else None
    if size is None and args.resources is None:
        size = "city"
    count = SIZES[size] if size else args.resources
    path = args.output or default_path(size, count)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    cpu = time.process_time()
    with path.open("w", encoding="utf-8") as out:
        tally = generate(out, count, args.seed)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu
    items = tally.pop("items")
    print(
        f"{path}: {count:,} resources, {items:,} items,"
        f" {path.stat().st_size / 1e6:.0f} MB in {seconds:.1f} s (CPU {cpu_seconds:.1f} s)"
    )
    print(f"injected defects: {sum(tally.values()):,} in {len(tally)} kinds", file=sys.stderr)
    if args.split > 1:
        for part in split_catalog(path, args.split):
            print(part)


if __name__ == "__main__":
    main()
