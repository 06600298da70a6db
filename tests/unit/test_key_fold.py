"""How element names are matched: the ways people write a name all meet it."""

from __future__ import annotations

import pytest

from govcatalog.packs.key_fold import fold_key


@pytest.mark.parametrize(
    "written",
    [
        "信息资源名称",
        "*信息资源名称",
        "★信息资源名称",
        "信息资源名称：",
        "信息资源名称:",
        "信息资源名称（必填）",
        "信息资源名称（必填）：",
        "1.信息资源名称",
        "12、信息资源名称：",
        "一、信息资源名称",
        "（1）信息资源名称",
        " 信息资源名称 ",
        "信息资源名称)",
    ],
)
def test_a_label_as_forms_print_it_folds_to_its_name(written: str) -> None:
    assert fold_key(written) == "信息资源名称"


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("3D模型", "3d模型"),  # digits that are the name's own stay
        ("2025年", "2025年"),
        ("1.", "1."),
        (":", ":"),
        ("信息资源分类（项）", "项"),
        ("资源分类-项：", "项"),
    ],
)
def test_what_is_no_label_decoration_stays(written: str, folded: str) -> None:
    assert fold_key(written) == folded
