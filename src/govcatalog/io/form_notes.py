"""Instructions (填写说明) told from a registration form by what they say, not by their name.

A template's instructions name each element with a text beside it, as a form does::

    | 1.信息资源名称：按实际情况填写，应简明扼要地描述信息资源的内容。  |
    | 2.信息资源代码：由前段码和后段码组成，前段码为类、项、目、细目。  |

    | 序号 | 元素名称     | 填写说明                                   |
    | 6    | 共享类型     | 从无条件共享、有条件共享、不予共享中选择。 |

Copied into a workbook and renamed (Sheet3, 说明(2), 附件1), they are known by their name no
more. Their texts explain the elements rather than give them a value: they say how to fill them
in (填写, 按…填写, 应为…, 须…, 例如, 如：, 不超过 200 字, 从…中选择), or are prose where the element
takes a value of a form — a value of its vocabulary, a code, a date, a number — that they do not
fit, or sentences beside numbered names. A form's values fit their elements' forms, and a long
one (an abstract of 200 characters) is a value still: the sheet's lines explain when they
explain two or more elements, and more than twice as many as the values they give.
"""

from __future__ import annotations

import re
from typing import Final

from govcatalog._dates import date_form
from govcatalog.io.form_pairs import Grid, pairs_of
from govcatalog.io.sheet_layout import HeadingMatcher
from govcatalog.io.sheet_marks import ticked_in_text
from govcatalog.io.xlsx_parse import Value
from govcatalog.packs.fields import FieldKind, FieldSpec

_HOW: Final = re.compile(
    r"填写|请(?:填|选|按|在|根据|参照)|按(?:照)?[^，。；,;]{0,12}?(?:填|选)"
    r"|(?:应|须|需|必须)(?:为|填|按|当|与|以|在|是|根据|符合|包含|包括|注明|写明|说明|选择|从|由|使用|简明)"
    r"|例如|比如|举例|如[:：“\"「]|从[^。；;]{0,40}中选|可选|选填|必填"
    r"|由[^，。；,;]{0,30}组成|是指|格式为|形如|不超过\s*\d+\s*[个位字]|详见|参见|参照"
)
"""Words that say how to fill an element in, not what its value is."""
_NUMBERED: Final = re.compile(
    r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．]|^\s*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
)
"""A numbered name: 1.信息资源名称, 一、共享类型, （3）更新周期."""
_LETTER: Final = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE: Final = re.compile(r"[，。；,;]")


def _prose(text: str) -> bool:
    """Words rather than a value: six Chinese characters or more, or a sentence's punctuation."""
    return len(_LETTER.findall(text)) >= 6 or (
        _SENTENCE.search(text) is not None and _LETTER.search(text) is not None
    )


def _fits(spec: FieldSpec, text: str, matcher: HeadingMatcher) -> bool | None:
    """Whether ``text`` fits the form of ``spec``'s values; None for an element of free text."""
    if spec.vocabulary:
        return matcher.value_of(spec, text) is not None or ticked_in_text(text) is not None
    if spec.kind is FieldKind.DATE:
        return date_form("".join(text.split())) is not None
    if spec.kind is FieldKind.INT:
        return text.isdigit()
    if spec.kind in (FieldKind.CODE, FieldKind.CODES):
        return _LETTER.search(text) is None
    return None


def explains(label: str, spec: FieldSpec, value: Value, matcher: HeadingMatcher) -> bool | None:
    """Whether the text beside an element's name (``label``, as written) explains the element
    (True) or gives its value (False); None when it cannot tell (free text, no such words)."""
    if not isinstance(value, str):
        return False  # a number or a date cell
    text = value.strip()
    if _HOW.search(text):
        return True
    fits = _fits(spec, text, matcher)
    if fits:
        return False
    if fits is False:
        return _prose(text) or None
    numbered = _NUMBERED.match(label) is not None
    return True if numbered and text.endswith("。") and _prose(text) else None


def explains_elements(rows: Grid, matcher: HeadingMatcher) -> bool:
    """Whether the lines of ``rows`` that name elements with a text beside them explain the
    elements rather than give their values: two or more explain, and more than twice as many
    as give a value."""
    explained = given = 0
    for r in sorted(rows):
        values = rows[r]
        for p in pairs_of(r, values, matcher):
            if p.spec is None or p.value_column is None:
                continue
            value = p.inline if p.inline is not None else values[p.value_column]
            verdict = explains(p.label, p.spec, value, matcher)
            explained += verdict is True
            given += verdict is False
    return explained >= 2 and explained > 2 * given
