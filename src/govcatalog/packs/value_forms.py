"""Value forms a pack reads beyond its vocabularies' labels, declared as data in ``pack.toml``.

Real catalogs and portal exports write values the standard does not list: placeholders
for "nothing" (暂无, /, null), update cycles the guide has no value for (不定期), open
types written where 是否向社会开放 or 开放条件 is expected (有条件开放). A pack says how to
read them::

    [values]
    placeholders = ["暂无", "无", "/", "-", "null", "空"]
    absent_elements = "per-file"       # or "per-resource" (the default)

    [values.defaults]
    "open.open_to_public" = true       # what every record of the source means (a portal)

    [values.open-types]
    open = ["无条件开放", "有条件开放", "依申请开放", "完全开放"]
    closed = ["不予开放", "不开放"]

    [vocabularies."update-cycle"]
    aliases = { "每年" = ["年"] }              # another form of a value (GC-F003)
    described = { "其他" = ["不定期"] }  # read as 其他, the form kept as a note (GC-F015)

A child pack adds to its parent's forms; it never loses them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from govcatalog._vocab_text import fold
from govcatalog.errors import PackError
from govcatalog.vocab import Vocabulary

if TYPE_CHECKING:
    from govcatalog.packs.manifest import ValuesTable, VocabularySetting


class AbsentElements(StrEnum):
    """How a required element that no resource of a file carries is reported."""

    PER_RESOURCE = "per-resource"
    """One GC-F001 per resource (the default)."""
    PER_FILE = "per-file"
    """One GC-S009 for the file: what the export lacks, e.g. a portal's missing 信息资源代码."""


@cache
def no_placeholder(placeholders: frozenset[str]) -> re.Pattern[str]:
    """A pattern found in a text only when the text is none of ``placeholders``.

    Placeholders are compared folded (:func:`fold_value`: NFKC, no white space or format
    characters, ASCII lower case). A CJK unified ideograph or a printable ASCII character is
    left alone by NFKC and composes with nothing before it, so one that no placeholder is
    written with (in either ASCII case) stays in the folded text, which is then no placeholder.
    """
    chars = {c for p in placeholders for c in p}
    chars |= {c.upper() for c in chars if c.isascii()}
    unsafe = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(rf"(?![{unsafe}])[\u4e00-\u9fff!-~]" if unsafe else r"[\u4e00-\u9fff!-~]")


def placeholder_bound(placeholders: frozenset[str]) -> int:
    """How long a text may be and still be one of ``placeholders`` although it holds no space
    and only printable characters (folding drops nothing of it).

    Folding such a text keeps its length, unless NFKC composes a letter and a combining mark
    (or Hangul jamo) into one character: that matters only if some placeholder holds such a
    character, and then no length is too long.
    """
    if any(_composed(c) for p in placeholders for c in p):
        return sys.maxsize
    return max(map(len, placeholders), default=0)


def _composed(char: str) -> bool:
    """Whether NFKC may make ``char`` out of several characters."""
    return unicodedata.decomposition(char)[:1] not in ("", "<") or "\uac00" <= char <= "\ud7a3"


@lru_cache(maxsize=8192)
def _is_placeholder(placeholders: frozenset[str], text: str) -> bool:
    """Whether ``text`` is one of ``placeholders`` (remembered: the short texts asked about,
    姓名 or 性别, recur in every resource)."""
    if no_placeholder(placeholders).search(text):
        return False
    return fold_value(text) in placeholders


def fold_value(text: str) -> str:
    """The matching key of a value form: width, spaces and ASCII case folded."""
    return fold(text.strip())


@dataclass(frozen=True, slots=True)
class ValueForms:
    """How a pack reads non-standard values.

    Attributes:
        placeholders: Folded texts that stand for "nothing written" (暂无, null …).
        described: Vocabulary id → folded form → the value it is read as, keeping the
            form as the element's note (不定期 → 其他).
        open_types: Folded open type → whether it means open to the public.
        absent_elements: How an element absent from every resource of a file is reported.
        defaults: Field id → the value a record that does not give the field has (what
            every record of the source means, e.g. a portal's datasets are open).
        never_published: Ids of the elements (or groups) this kind of export never gives: a
            file whose records give one is not read as such an export (a catalog system's
            export gives 共享类型, which no open-data portal publishes).
    """

    placeholders: frozenset[str] = frozenset()
    described: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    open_types: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    absent_elements: AbsentElements = AbsentElements.PER_RESOURCE
    defaults: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    never_published: frozenset[str] = frozenset()
    bound: int = field(init=False, repr=False, compare=False)
    """:func:`placeholder_bound` of the placeholders."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "bound", placeholder_bound(self.placeholders))

    def is_placeholder(self, text: str) -> bool:
        """True when ``text`` only says that nothing was written (暂无, or 暂无 padded with
        spaces or invisible characters, in any width)."""
        if len(text) > self.bound and " " not in text and text.isprintable():
            # No space, nor any other whitespace or invisible character (none is printable):
            # folded, it is as long as written, longer than any placeholder.
            return False
        return bool(self.placeholders) and _is_placeholder(self.placeholders, text)

    def described_as(self, vocabulary: str, text: str) -> str | None:
        """The value a described form of ``vocabulary`` is read as, or None."""
        forms = self.described.get(vocabulary)
        return forms.get(fold_value(text)) if forms else None

    def open_type(self, text: str) -> bool | None:
        """Whether an open type (有条件开放 …) means open to the public; None if not one."""
        return self.open_types.get(fold_value(text))


def parse_value_forms(
    values: ValuesTable,
    settings: Mapping[str, VocabularySetting],
    vocabularies: Mapping[str, Vocabulary],
    parent: ValueForms | None,
    *,
    pack: str,
) -> ValueForms:
    """The value forms of ``pack.toml`` (``[values]``, ``described``), over the parent's.

    Raises:
        PackError: On a described form whose value is not in the vocabulary.
    """
    base = parent or ValueForms()
    placeholders = set(base.placeholders) | {fold_value(v) for v in values.placeholders}
    open_types = dict(base.open_types)
    for forms, is_open in ((values.open_types.open, True), (values.open_types.closed, False)):
        open_types.update((fold_value(form), is_open) for form in forms)
    described = {k: dict(v) for k, v in base.described.items()}
    for scheme, rule in settings.items():
        for label, written in rule.described.items():
            vocab = vocabularies.get(scheme)
            try:
                canonical = vocab.concept(label).label_zh if vocab else None
            except KeyError:
                canonical = None
            if canonical is None:
                msg = f"vocabulary {scheme}: described value {label!r} is not a value"
                raise PackError(pack, "pack.toml", msg)
            for form in written:
                described.setdefault(scheme, {})[fold_value(form)] = canonical
    return ValueForms(
        frozenset(placeholders),
        MappingProxyType({k: MappingProxyType(v) for k, v in described.items()}),
        MappingProxyType(open_types),
        values.absent_elements or base.absent_elements,
        MappingProxyType({**base.defaults, **values.defaults}),
        base.never_published | frozenset(values.never_published),
    )
