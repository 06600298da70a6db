"""Rows of a plain compilation table, the same in every test that turns it into a messier
layout and compares: 13 common headings, one resource a row, a wrong value now and then."""

from __future__ import annotations

from govcatalog.report import Report

HEADINGS = [
    "信息资源名称",
    "信息资源代码",
    "信息资源提供方",
    "信息资源提供方代码",
    "信息资源摘要",
    "信息资源格式",
    "共享类型",
    "共享条件",
    "共享方式",
    "是否向社会开放",
    "更新周期",
    "发布日期",
    "信息项名称",
]
SHARES = ["无条件共享", "有条件共享", "不予共享"]


def row(i: int) -> list[object]:
    share = SHARES[i % 3]
    return [
        f"登记信息{i}",
        f"307001/{i + 1:06d}",
        "某市市场监督管理局",
        "91350100M000100Y43",
        f"第{i}批登记信息",
        "数据库/Oracle",
        share,
        "仅限政务部门使用" if share == "有条件共享" else None,
        "接口",
        "否",
        "每月" if i % 4 else "每旬",  # a wrong value now and then: findings to compare
        "2024-03-01",
        "企业名称",
    ]


def seen(report: Report) -> list[tuple[str, str | None, str]]:
    """The findings of a report as compared between layouts: code, pointer, English message."""
    return sorted((f.code, f.location.pointer, f.message_en) for f in report.findings)
