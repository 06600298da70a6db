"""信息资源代码 (resource code): ``前段码 "/" 后段码``.

前段码 is the classification code 类(1) + 项(2) + 目(3) + 细目(variable) and 后段码 the
顺序码 (variable). Lengths of 类/项/目 are CONFIRMED; the separator, whether 细目 and
顺序码 may hold letters, and any fixed 细目 length are UNCONFIRMED, so they are
parameters (:class:`CodeRules`) that a pack sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from govcatalog._quick_init import quick_init


class CodeProblem(StrEnum):
    """Why a resource code is malformed."""

    EMPTY = "empty"
    SEPARATOR = "separator"
    LEI = "lei"
    XIANG = "xiang"
    MU = "mu"
    XIMU = "ximu"
    SEQUENCE = "sequence"
    DASHES = "dashes"
    """No "/" and more than one dash (see :mod:`govcatalog.model.code_forms`)."""
    LEVELS = "levels"
    """A dash in the 前段码 that falls inside one of its levels."""


_PROBLEM_TEXT: dict[CodeProblem, tuple[str, str]] = {
    CodeProblem.EMPTY: ("代码为空", "the code is empty"),
    CodeProblem.SEPARATOR: (
        "应由前段码和后段码以一个“/”分隔",
        "must be a classification code and a sequence code separated by one '/'",
    ),
    CodeProblem.LEI: ("类应为 1、2 或 3", "类 (first digit) must be 1, 2 or 3"),
    CodeProblem.XIANG: ("项应为 2 位数字", "项 must be 2 digits"),
    CodeProblem.MU: ("目应为 3 位数字", "目 must be 3 digits"),
    CodeProblem.XIMU: (
        "细目格式不符合本标准的规定",
        "细目 does not have the form this standard requires",
    ),
    CodeProblem.SEQUENCE: ("顺序码应为非空数字", "顺序码 (sequence code) must be non-empty digits"),
    CodeProblem.DASHES: (
        "没有“/”而有不止一个“-”，无法确定哪一段是顺序码",
        "there is no '/' and more than one '-', so which part is the 顺序码 (sequence code) "
        "cannot be told",
    ),
    CodeProblem.LEVELS: (
        "前段码中的“-”应在类(1位)、项(2位)、目(3位)、细目之间",
        "a '-' in the classification code must fall between 类 (1 digit), 项 (2), 目 (3) and 细目",
    ),
}


def problem_text(problem: CodeProblem) -> tuple[str, str]:
    """The (zh, en) explanation of a code problem."""
    return _PROBLEM_TEXT[problem]


@dataclass(frozen=True, slots=True)
class CodeRules:
    """Configurable parts of the code syntax (set by the pack).

    Attributes:
        separator: Between 前段码 and 后段码.
        ximu_unit: When set, the 细目 length must be a multiple of it.
        allow_alphanumeric: Allow ASCII letters in 细目 and 顺序码.
        require_mu: Require the 目 level (3 digits) in the classification code.
    """

    separator: str = "/"
    ximu_unit: int | None = None
    allow_alphanumeric: bool = False
    require_mu: bool = True


@quick_init
@dataclass(frozen=True, slots=True)
class ResourceCode:
    """A parsed 信息资源代码.

    Attributes:
        lei: 类, one digit (1 基础, 2 主题, 3 部门).
        xiang: 项, two digits.
        mu: 目, three digits (empty when the pack allows codes without 目).
        ximu: 细目, variable (may be empty).
        sequence: 顺序码.
        separator: The separator used.
    """

    lei: str
    xiang: str
    mu: str
    ximu: str
    sequence: str
    separator: str = "/"

    @property
    def classification(self) -> str:
        """前段码: 类 + 项 + 目 + 细目."""
        return f"{self.lei}{self.xiang}{self.mu}{self.ximu}"

    def __str__(self) -> str:
        return f"{self.classification}{self.separator}{self.sequence}"


def split_classification(text: str) -> list[str] | None:
    """类, 项, 目 (and 细目, when there is more) of a 分类码 written alone, as a
    信息资源代码's 前段码 is: ``307001`` → 3, 07, 001; ``30700102`` → 3, 07, 001, 02. None for
    any other text (read as the 前段码 of a code, by :func:`parse_resource_code`).

    >>> split_classification("30700102")
    ['3', '07', '001', '02']
    """
    code = parse_resource_code(f"{text.strip()}/1")
    if isinstance(code, CodeProblem):
        return None
    return [part for part in (code.lei, code.xiang, code.mu, code.ximu) if part]


_LEI_END, _XIANG_END, _MU_END = 1, 3, 6
"""Where 类 (1 digit), 项 (2) and 目 (3) end in a 前段码; 细目 is the rest."""


def between_levels(position: int, rules: CodeRules = CodeRules()) -> bool:
    """Whether a mark after the first ``position`` characters of a 前段码 falls between two of
    its levels: after 类, 项 or 目, or in 细目 (whose own levels have no fixed length, but come
    in whole units where the pack sets ``ximu_unit``).

    >>> [p for p in range(1, 9) if between_levels(p)]
    [1, 3, 6, 7, 8]
    """
    if position in (_LEI_END, _XIANG_END):
        return True
    unit = rules.ximu_unit or 1
    return position >= _MU_END and (position - _MU_END) % unit == 0


def _ok(text: str, alnum: bool) -> bool:
    return text.isascii() and (text.isalnum() if alnum else text.isdigit())


def parse_resource_code(text: str, rules: CodeRules = CodeRules()) -> ResourceCode | CodeProblem:
    """Parse a resource code, or say what is wrong with it.

    Args:
        text: The code as written.
        rules: The pack's code rules.

    Returns:
        The parsed code, or the first :class:`CodeProblem` found.

    >>> str(parse_resource_code("3030050101/00023"))
    '3030050101/00023'
    >>> parse_resource_code("401001/1")
    <CodeProblem.LEI: 'lei'>
    """
    if not text:
        return CodeProblem.EMPTY
    parts = text.split(rules.separator)
    if len(parts) != 2 or not parts[0]:
        return CodeProblem.SEPARATOR
    front, seq = parts
    if front[:_LEI_END] not in ("1", "2", "3"):
        return CodeProblem.LEI
    xiang = front[_LEI_END:_XIANG_END]
    if len(xiang) != _XIANG_END - _LEI_END or not _ok(xiang, alnum=False):
        return CodeProblem.XIANG
    mu = front[_XIANG_END:_MU_END]
    if (rules.require_mu or mu) and (len(mu) != _MU_END - _XIANG_END or not _ok(mu, alnum=False)):
        return CodeProblem.MU
    ximu = front[_MU_END:]
    if ximu and (
        not _ok(ximu, rules.allow_alphanumeric)
        or (rules.ximu_unit is not None and len(ximu) % rules.ximu_unit != 0)
    ):
        return CodeProblem.XIMU
    if not seq or not _ok(seq, rules.allow_alphanumeric):
        return CodeProblem.SEQUENCE
    return ResourceCode(front[:_LEI_END], xiang, mu, ximu, seq, rules.separator)
