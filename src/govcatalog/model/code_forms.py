"""A 信息资源代码 as compilation workbooks and catalog systems write it.

Besides ``307001/000001`` they write it as typed with a Chinese input method (full-width
``３０７００１／０００００１``, spaces around the slash or before the code), with a backslash or a
dash between 前段码 and 后段码 (``307001\\000001``, ``307001-000001``), and with dashes between
the levels of the 前段码 (``3-07-001/000001``, ``3-07-001-02/000001``). Each is read as the
code its digits spell where only one reading makes a code; the structure is checked by the
one parser of it, :func:`~govcatalog.model.code.parse_resource_code`.

The reading is the same wherever a code is compared: the record layer reads a resource's code
with it (GC-F003 for another form), and a workbook's 信息项表 joins its rows onto the resources
by the codes as read (:func:`canonical_code`), so ``307001-000001`` beside ``307001/000001`` is
one resource.

A form whose reading is open is not guessed: ``3-07-001-000001`` (no slash, so the dash
before the 顺序码 cannot be told from the dashes between the levels; ``3-07-001-02`` could be
a 分类码 with 细目 02 and no 顺序码), or a dash inside a level (``3-070-01/000001``).
"""

from __future__ import annotations

from typing import Final

from govcatalog._lenient import HYPHENS, lenient_clean
from govcatalog.model.code import (
    CodeProblem,
    CodeRules,
    ResourceCode,
    between_levels,
    parse_resource_code,
)

_SLASHES: Final = frozenset("/\\")
"""What is written between 前段码 and 后段码 besides a dash: a slash or a backslash (their
full-width forms are folded to these first)."""


def read_code(text: str, rules: CodeRules = CodeRules()) -> ResourceCode | CodeProblem:
    """The resource code ``text`` spells, or what is wrong with it.

    A code written as the pack's rules say is parsed as it is; any other form (see the
    module) gives the code it spells, whose ``str`` is the canonical form. A form that spells
    no code, or more than one, gives the problem of the code it spells, or
    :attr:`~CodeProblem.DASHES` (no slash and several dashes) or :attr:`~CodeProblem.LEVELS`
    (a dash inside a level of the 前段码).

    >>> str(read_code("3-07-001-02／000001"))
    '30700102/000001'
    >>> read_code("3-07-001-000001")
    <CodeProblem.DASHES: 'dashes'>
    """
    parsed = parse_resource_code(text, rules)
    if not isinstance(parsed, CodeProblem):
        return parsed
    folded = lenient_clean(text, drop_hyphens=False)
    dashes = HYPHENS - {rules.separator}
    slashes = [i for i, c in enumerate(folded) if c in _SLASHES or c == rules.separator]
    if not slashes:
        slashes = [i for i, c in enumerate(folded) if c in dashes]
        if len(slashes) > 1:
            return CodeProblem.DASHES
    if len(slashes) != 1:
        return CodeProblem.SEPARATOR
    front, back = folded[: slashes[0]], folded[slashes[0] + 1 :]
    if front and any(c in dashes for c in front):
        parts = "".join("-" if c in dashes else c for c in front).split("-")
        ends = [sum(len(p) for p in parts[: n + 1]) for n in range(len(parts) - 1)]
        if not all(parts) or not all(between_levels(end, rules) for end in ends):
            return CodeProblem.LEVELS
        front = "".join(parts)
    return parse_resource_code(f"{front}{rules.separator}{back}", rules)


def canonical_code(text: str, rules: CodeRules = CodeRules()) -> str | None:
    """The canonical form of the code ``text`` spells (``str`` of :func:`read_code`), or None
    when it spells no code or more than one.

    >>> canonical_code(" 3-07-001＼000001"), canonical_code("3-07-001-000001")
    ('307001/000001', None)
    """
    read = read_code(text, rules)
    return None if isinstance(read, CodeProblem) else str(read)
