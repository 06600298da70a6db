"""Does a request fit the 使用条件 of a 有条件共享 resource? (条例 第十五条, 第二十五条)

A catalog's conditions name a 共享范围 (the departments it is provided to: "仅向民政、医疗
保障部门提供") and a 使用用途 ("用于社会救助和医保待遇核定"). A request whose department is
not among those named, or whose 使用场景/使用用途 shares nothing with the stated use, is not
refused — the provider decides (第二十条) — but flagged for the provider's review, with why.

The reading is deliberately simple and says so: department names are split on 、，和及与 and
compared by their distinctive part (民政 for 民政部门); uses are compared by shared
two-character words. A flag is a question to the provider, never an answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from govcatalog.resolve.request_model import DataRequest

_SCOPE = re.compile(
    r"(?:仅|只)?(?:向|供|限|提供给|限于|仅限)([^，。；;,.]{1,60}?)(?:部门|机关|单位)"
)
_PURPOSE = re.compile(r"用于([^，。；;,.]{2,60})")
_SPLIT = re.compile(r"[、，,和及与/]+")
_GENERIC = ("政务", "政府", "有关", "相关", "各级", "各", "所有", "其他", "执法")
"""Endings of a scope that names no particular department (政务部门, 有关部门, 执法部门 …)."""
_SUFFIXES = ("部门", "机关", "单位", "局", "委员会", "委", "厅", "办", "中心")
_STOP = frozenset({"信息", "数据", "用于", "使用", "办理", "管理", "工作", "部门", "相关", "有关"})


@dataclass(frozen=True, slots=True)
class ConditionReview:
    """Why a request needs the provider's review against the catalog's conditions.

    Attributes:
        reason_zh: Why, in Chinese.
        reason_en: Why, in English.
    """

    reason_zh: str
    reason_en: str


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _departments(conditions: str) -> tuple[str, ...]:
    """The distinctive parts of the departments the conditions name (民政, 医疗保障 …)."""
    out: list[str] = []
    for group in _SCOPE.findall(conditions):
        for raw in _SPLIT.split(group):
            name = raw.removesuffix("等")
            for suffix in _SUFFIXES:
                name = name.removesuffix(suffix)
            if len(name) >= 2 and not name.endswith(_GENERIC):
                out.append(name)
    return tuple(dict.fromkeys(out))


def _words(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} - _STOP


def review_conditions(conditions: str | None, request: DataRequest) -> ConditionReview | None:
    """Why ``request`` falls outside ``conditions`` (None when it fits or cannot be told)."""
    if not conditions:
        return None
    text = _compact(conditions)
    departments = _departments(text)
    who = _compact(" ".join(x for x in (request.requester.name, request.scope or "") if x))
    if departments and not any(d in who or who in d for d in departments):
        listed = "、".join(departments)
        return ConditionReview(
            f"申请部门“{request.requester.name}”不在目录列明的共享范围（{listed}）内，请提供方审核",
            f"the requesting department {request.requester.name!r} is outside the scope the "
            f"catalog names ({listed}); for the provider to review",
        )
    uses = list(_PURPOSE.findall(text))
    asked = " ".join(
        x for x in (request.scene, request.purpose.value if request.purpose else None) if x
    )
    if uses and asked and not (_words("".join(uses)) & _words(_compact(asked))):
        listed = "；".join(uses)
        return ConditionReview(
            f"使用场景“{asked}”与目录列明的使用用途（{listed}）不符，请提供方审核",
            f"the scenario {asked!r} does not fit the use the catalog names ({listed}); "
            "for the provider to review",
        )
    return None
