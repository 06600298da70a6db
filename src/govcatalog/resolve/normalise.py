"""Normalising item names as requesters write them, and the bigrams the fuzzy index uses.

One function, :func:`normalise`, is used everywhere an item name is compared: when the
index is built, when a request is resolved, and by the brute-force reference scan. It

1. folds full-width forms to half width and compatibility characters (NFKC),
2. lowercases Latin letters,
3. maps traditional characters to simplified ones — only those whose simplified form is
   unambiguous (see below),
4. removes spaces, punctuation and symbols (``身份证号（码）`` → ``身份证号码``),
5. folds the 号码/号 variant (``身份证号码`` → ``身份证号``).

Traditional → simplified: a small character table of its own rather than a converter package.
Converters such as OpenCC work phrase by phrase and choose between one-to-many mappings
(``乾`` → 干/乾, ``著`` → 着/著) by context; an item name is too short to give that context, and
a wrong guess would silently merge different items. The table below lists only characters
whose traditional → simplified mapping is one-to-one, chosen from the vocabulary of catalog
item names; anything else is left as written.
"""

from __future__ import annotations

import re
import unicodedata
from operator import add
from types import MappingProxyType

_TRADITIONAL = (
    "號碼證稱記戶電話機構關類別單資產營業務統會開發區劃縣鄉鎮車輛駕駛護險醫療貸稅費額總數據項編"
    "時間週歲齡屬親係聯絡郵網頁狀態許準標識頒簽書權專圖積氣層礦農線點長寬變遷轉換註銷無條參與兒"
    "婦殘嬰學歷職員從義負責國際華僑臺灣門廣內於後實際團體廳處級組織織產經濟勞動購買賣價傳輸檔種"
    "類審驗檢測報銀莊補償語發達億萬場齊鄰舊現擬營運輸辦幣貨櫃囑應採樣構築險災災護衛產權"
)
_SIMPLIFIED = (
    "号码证称记户电话机构关类别单资产营业务统会开发区划县乡镇车辆驾驶护险医疗贷税费额总数据项编"
    "时间周岁龄属亲系联络邮网页状态许准标识颁签书权专图积气层矿农线点长宽变迁转换注销无条参与儿"
    "妇残婴学历职员从义负责国际华侨台湾门广内于后实际团体厅处级组织织产经济劳动购买卖价传输档种"
    "类审验检测报银庄补偿语发达亿万场齐邻旧现拟营运输办币货柜嘱应采样构筑险灾灾护卫产权"
)

_FOLD: MappingProxyType[int, str] = MappingProxyType(
    {ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True) if t != s}
)
"""Traditional → simplified, one-to-one mappings only."""

_HAS_TRADITIONAL = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")

_NEEDS_WORK = re.compile("[^\u4e00-\u9fff0-9a-z]|" + _HAS_TRADITIONAL.pattern)
"""Anything but lowercase Latin, digits and simplified CJK unified ideographs (which NFKC keeps)."""

_SUFFIX_VARIANTS: tuple[tuple[str, str], ...] = (("号码", "号"),)
"""Spelling variants folded after punctuation is removed (variant, folded form)."""

_NOT_WORD = re.compile(r"[\W_]+")
"""Spaces, punctuation, symbols and underscores: everything that is not a letter or digit."""


def normalise(name: str) -> str:
    """The normalised form of an item name, as used for every comparison.

    Args:
        name: An item name as written (catalog or request).

    Returns:
        The normalised name; empty when ``name`` has no letters or digits.

    Example:
        >>> normalise("居民身份证号码（ 18位 ）")
        '居民身份证号18位'
        >>> normalise("ＩＤ號碼")
        'id号'
    """
    text = name
    if _NEEDS_WORK.search(text):  # most names are clean already: lowercase, digits, simplified
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.lower()
        if _HAS_TRADITIONAL.search(text):  # translate() is slow on CJK text: only when needed
            text = text.translate(_FOLD)
        if _NOT_WORD.search(text):
            text = _NOT_WORD.sub("", text)
    for variant, folded in _SUFFIX_VARIANTS:
        while variant in text:  # 号码码 → 号码 → 号: fold until none is left
            text = text.replace(variant, folded)
    return text


def bigrams(norm: str) -> frozenset[str]:
    """The distinct character bigrams of a normalised name (a one-character name is its own gram).

    Example:
        >>> sorted(bigrams("姓名称"))
        ['名称', '姓名']
    """
    if len(norm) < 2:
        return frozenset((norm,)) if norm else frozenset()
    return frozenset(map(add, norm, norm[1:]))  # each character and the next, in C
