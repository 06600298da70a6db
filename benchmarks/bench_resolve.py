"""Benchmark of the request resolver over a large synthetic index (one core).

    PYTHONPATH=src python benchmarks/bench_resolve.py [--items 4000000] [--seed 7]

Generates department catalogs with realistic Chinese item names (qualifier + subject +
attribute, Zipf-distributed, so that common names recur across departments as they do in
real catalogs), indexes them together with the base catalogs, and measures:

- build time and peak RSS;
- exact/synonym item resolutions per second (through ``resolve``);
- fuzzy item resolutions per second (misspelt names: a character inserted, dropped or
  replaced), through ``resolve`` and through ``ResolveIndex.fuzzy`` alone;
- p50/p99 latency of a 50-item request (40 exact/synonym, 10 fuzzy);
- side by side: a brute-force rapidfuzz ``process.extractOne`` scan over the distinct names,
  and an SQLite FTS5 trigram query (OR of the query's trigrams, best 10 by bm25, rescored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import resource
import sqlite3
import statistics
import time
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from govcatalog.model.enums import ShareType
from govcatalog.resolve import (
    CatalogEntry,
    CatalogRole,
    DataRequest,
    ItemSpec,
    Requester,
    ResolveIndex,
    ResolveOptions,
    ResourceSpec,
    base_entries,
    load_base_pack,
    normalise,
    resolve,
)

QUALIFIERS = [""] * 12 + list("原现") + [
    "变更后", "申请", "审核", "最新", "累计", "年度",
    "月度", "备案", "核定", "实际", "计划", "上年",
]  # fmt: skip
SUBJECTS = (  # noqa: SIM905 - a word list is easier to read as one string
    "企业 个人 法人 房屋 车辆 药品 食品 医疗机构 学校 学生 "
    "教师 项目 合同 土地 建筑 工程 养老机构 救助对象 纳税人 "
    "参保人 患者 驾驶人 渔船 社会组织 律师 会计师事务所 农户 "
    "耕地 林地 草原 河道 水库 排污单位 危险化学品 特种设备 电梯 "
    "锅炉 燃气 供水 供电 公交线路 出租车 道路 桥梁 隧道 港口 "
    "航道 船舶 船员 旅行社 导游 景区 酒店 餐饮单位 超市 "
    "市场主体 个体工商户 农民专业合作社 商标 专利 著作权 许可证 "
    "证书 执照 案件 当事人 律师事务所 公证处 仲裁机构 法院 "
    "检察院 监狱 社区 村委会 居委会 网格 楼栋 门牌 不动产 抵押 "
    "查封 预售 商品房 保障房 公租房 住房公积金 社保卡 医保 低保 "
    "特困人员 残疾人 退役军人 优抚对象 烈士 志愿者 献血者 疫苗 "
    "传染病 医师 护士 药师 体检 出生医学证明 死亡医学证明 婚姻 "
    "收养 殡葬 墓地 宗教场所 文物 博物馆 图书馆 档案 "
    "统计调查对象 价格 收费 补贴 项目资金 政府采购 招标 投标 "
    "中标 供应商 审计 税务登记 发票 海关 进出口 外资企业 "
    "境外人员 出入境 护照 签证 户籍 流动人口 就业 失业 培训 "
    "职业资格 工资 "
).split()
ATTRIBUTES = (  # noqa: SIM905
    "名称 代码 编号 地址 类型 状态 日期 时间 金额 数量 面积 "
    "联系电话 负责人姓名 登记日期 注销日期 审批结果 许可证号 "
    "有效期起始日期 有效期截止日期 备注 所属区划 所属行业 经度 "
    "纬度 联系人 证件类型 证件号码 登记机关 审批机关 发证机关 "
    "发证日期 变更日期 变更内容 变更原因 等级 级别 规模 人数 "
    "用途 性质 来源 去向 标准 依据 结论 意见 评分 排名 年份 "
    "月份 季度 序号 标识 所在地 详细地址 邮政编码 电子邮箱 网址 "
    "法定代表人 经办人 审核人 审核意见 审核日期 批准文号 "
    "处罚决定书文号 处罚内容 处罚日期 违法事实 整改情况 检查结果 "
    "检查日期 检查人员 建设单位 施工单位 监理单位 设计单位 "
    "开工日期 竣工日期 投资额 总面积 层数 结构 所有权人 使用权人 "
    "权利类型 权利性质 抵押金额 抵押期限 收入 支出 余额 缴费基数 "
    "缴费金额 缴费月数 待遇金额 发放日期 发放方式 银行账号 "
    "开户银行 户名 "
).split()


def cumulative_zipf(n: int, s: float = 0.9) -> tuple[float, ...]:
    """Cumulative Zipf weights for ranks 1..n (the first words are the most common)."""
    acc = 0.0
    out = []
    for rank in range(1, n + 1):
        acc += 1 / rank**s
        out.append(acc)
    return tuple(out)


SUBJECT_WEIGHTS = cumulative_zipf(len(SUBJECTS))
ATTRIBUTE_WEIGHTS = cumulative_zipf(len(ATTRIBUTES))


def item_name(rng: random.Random) -> str:
    """A realistic item name: qualifier + subject + qualifier + attribute."""
    q1 = rng.choice(QUALIFIERS)
    q2 = rng.choice(QUALIFIERS) if rng.random() < 0.3 else ""
    subject = rng.choices(SUBJECTS, cum_weights=SUBJECT_WEIGHTS)[0]
    attribute = rng.choices(ATTRIBUTES, cum_weights=ATTRIBUTE_WEIGHTS)[0]
    return q1 + subject + q2 + attribute


def department_entries(items: int, seed: int) -> Iterator[CatalogEntry]:
    """Department catalogs holding about ``items`` items in all (40 per resource on average)."""
    rng = random.Random(seed)
    specs: dict[str, ItemSpec] = {}
    made = 0
    cat = 0
    shares = [ShareType.UNCONDITIONAL, ShareType.CONDITIONAL, ShareType.NOT_SHARED]
    while made < items:
        resources = []
        for r in range(rng.randint(10, 40)):
            names = {item_name(rng) for _ in range(rng.randint(10, 70))}
            its = tuple(specs.setdefault(n, ItemSpec(n)) for n in sorted(names))
            share = rng.choice(shares)
            cond = "依据《某条例》第十条" if share is ShareType.NOT_SHARED else None
            code = f"3{cat % 100:02d}{r:03d}/{cat:06d}"
            resources.append(ResourceSpec(code, f"资源{r}", share, cond, None, its))
            made += len(its)
        yield CatalogEntry(f"dept-{cat}", "1", CatalogRole.DEPARTMENT, None, None, tuple(resources))
        cat += 1


def misspell(rng: random.Random, name: str) -> str:
    """One character inserted, dropped or replaced."""
    pos = rng.randrange(len(name))
    ch = rng.choice("的之和及与类号码信息")
    op = rng.randrange(3)
    if op == 0:
        return name[:pos] + ch + name[pos:]
    if op == 1 and len(name) > 3:
        return name[:pos] + name[pos + 1 :]
    return name[:pos] + ch + name[pos + 1 :]


def peak_rss_mib() -> float:
    """Peak resident set size of this process (MiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Wall and CPU (``time.process_time``) time since it was started."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def read(self) -> tuple[float, float]:
        """(wall seconds, CPU seconds) elapsed."""
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def timed(label: str, count: int, spent: tuple[float, float]) -> None:
    """Print a throughput line: per CPU second, and per wall-clock second."""
    wall, cpu = spent
    print(
        f"{label:<58} {count / cpu:>12,.0f} /s CPU {count / wall:>12,.0f} /s wall"
        f"  ({count:,} in {cpu:.2f} s CPU)"
    )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--items", type=int, default=4_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    bases = load_base_pack()
    t0 = time.perf_counter()
    entries = [*base_entries(bases), *department_entries(args.items, args.seed)]
    print(f"generated {len(entries):,} catalogs in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    index = ResolveIndex.build(entries, bases.synonyms.normalised())
    build = time.perf_counter() - t0
    del entries
    gc.freeze()  # a long-lived index: keep the collector from scanning it again and again
    keys = index.live_keys()
    print(f"index: {len(index):,} items, {len(keys):,} distinct names and synonyms")
    rate = len(index) / build
    print(f"build: {build:.1f} s ({rate:,.0f} items/s); peak RSS {peak_rss_mib():,.0f} MiB")

    key_set = set(keys)
    exact_pool = rng.sample(keys, min(len(keys), 5000))
    synonym_pool = list(bases.synonyms.groups.items())
    exact_names = [
        rng.choice(rng.choice(synonym_pool)[1]) if rng.random() < 0.3 else rng.choice(exact_pool)
        for _ in range(args.queries)
    ]
    fuzzy_names: list[str] = []
    while len(fuzzy_names) < max(args.queries // 4, 1000):
        cand = misspell(rng, rng.choice(exact_pool))
        if normalise(cand) not in key_set:
            fuzzy_names.append(cand)
    day = dt.date(2025, 9, 26)
    options = ResolveOptions()

    def run(names: list[str]) -> tuple[float, float]:
        clock = Clock()
        for i in range(0, len(names), 50):
            req = DataRequest(Requester("某局"), None, tuple(names[i : i + 50]), (), day)
            resolve(req, index, bases=bases, options=options)
        return clock.read()

    # names requested for the first time: normalised, looked up and answered from scratch
    pool = set(exact_pool)
    fresh = random.Random(args.seed + 1)  # its own stream: the other samples stay as they were
    unseen = [k for k in fresh.sample(keys, min(len(keys), 30_000)) if k not in pool][:20_000]
    timed("exact item resolutions, names not requested before", len(unseen), run(unseen))
    run(exact_names[:1000])  # warm up
    timed(
        "exact/synonym item resolutions (resolve, 50-item requests)",
        len(exact_names),
        run(exact_names),
    )
    timed("fuzzy item resolutions (resolve, 50-item requests)", len(fuzzy_names), run(fuzzy_names))
    norms = [normalise(n) for n in fuzzy_names]
    clock = Clock()
    for n in norms:
        index.fuzzy(n, cutoff=60.0, limit=10)
    timed("fuzzy lookups (ResolveIndex.fuzzy alone)", len(norms), clock.read())

    walls, cpus = [], []
    for _ in range(2000):
        names = rng.sample(exact_names, 40) + rng.sample(fuzzy_names, 10)
        rng.shuffle(names)
        req = DataRequest(Requester("某局"), None, tuple(names), (), day)
        clock = Clock()
        resolve(req, index, bases=bases, options=options)
        wall, cpu = clock.read()
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    for label, latencies in (("CPU", cpus), ("wall", walls)):
        latencies.sort()
        p50 = statistics.median(latencies)
        p99 = latencies[int(len(latencies) * 0.99) - 1]
        print(
            f"50-item request (40 exact/synonym + 10 fuzzy), {label}: "
            f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"
        )

    sample = norms[:20]
    clock = Clock()
    for n in sample:
        process.extractOne(n, keys, scorer=fuzz.ratio)
    brute = clock.read()
    timed(f"brute force: rapidfuzz extractOne over {len(keys):,} names", len(sample), brute)

    conn = sqlite3.connect(":memory:")
    start = time.perf_counter()
    conn.execute("CREATE VIRTUAL TABLE names USING fts5(name, tokenize='trigram')")
    conn.executemany("INSERT INTO names(name) VALUES (?)", ((k,) for k in keys))
    print(f"FTS5 trigram table built in {time.perf_counter() - start:.1f} s")
    fts_sample = [n for n in norms if len(n) >= 3][:500]
    clock = Clock()
    for n in fts_sample:
        grams = " OR ".join('"' + n[i : i + 3] + '"' for i in range(len(n) - 2))
        rows = conn.execute(
            "SELECT name FROM names WHERE names MATCH ? ORDER BY bm25(names) LIMIT 10", (grams,)
        ).fetchall()
        process.extractOne(n, [r[0] for r in rows], scorer=fuzz.ratio)
    timed("SQLite FTS5 trigram query (best 10 by bm25, rescored)", len(fts_sample), clock.read())

    clock = Clock()
    for n in sample:
        index.fuzzy(n, cutoff=60.0, limit=10)
    ours = clock.read()
    print(
        "speed-up of ResolveIndex.fuzzy over the brute-force scan (same 20 queries): "
        f"{brute[1] / ours[1]:,.0f}x CPU, {brute[0] / ours[0]:,.0f}x wall"
    )
    print(f"peak RSS {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
