"""A message parameter said in both languages (private module: the names are used by the record
and rule layers and by :mod:`govcatalog.packs.codebook`).

A finding's Chinese message quotes a vocabulary value as catalogs store it (按“有条件共享”处理);
an English reader needs its meaning too. A parameter that names such a value is a
:class:`Bilingual`: the Chinese text the ``zh`` templates take, unchanged, and the English text
the ``en`` templates take, which quotes the value and gives its English label from the
vocabulary (``"有条件共享" (conditional sharing)``). The ``en`` templates put no quotes around
such a parameter: it brings its own.

>>> glossed("有条件共享", "conditional sharing").en
'"有条件共享" (conditional sharing)'
>>> joined([glossed("每日", "daily"), quoted("mysql")], "、", ", ")
Bilingual(zh='每日、mysql', en='"每日" (daily), "mysql"')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A message parameter in Chinese and in English.

    Attributes:
        zh: The text of the Chinese messages (the value as the catalog stores it).
        en: The text of the English messages (the value quoted, with its meaning).
    """

    zh: str
    en: str

    def __str__(self) -> str:
        """The Chinese text: what the parameter was before it was said in English too."""
        return self.zh


def quoted(text: object) -> Bilingual:
    """A value that needs no English label (a date, a number, a user's own text): quoted."""
    if isinstance(text, Bilingual):
        return text
    shown = str(text)
    return Bilingual(shown, f'"{shown}"')


def needs_label(label_zh: str, label_en: str) -> bool:
    """Whether an English reader needs ``label_en`` beside ``label_zh`` (not for ``xlsx``)."""
    return not label_zh.isascii() and label_en.casefold() != label_zh.casefold()


@lru_cache(maxsize=4096)
def glossed(label_zh: str, label_en: str) -> Bilingual:
    """A vocabulary value: quoted, and followed by its English label where it is not ASCII."""
    if not needs_label(label_zh, label_en):
        return quoted(label_zh)
    return Bilingual(label_zh, f'"{label_zh}" ({label_en})')


def named(element_zh: str, element_en: str) -> Bilingual:
    """An element's name: Chinese alone, and in English ``Share type (共享类型)``."""
    return Bilingual(element_zh, f"{element_en} ({element_zh})")


def joined(parts: Iterable[object], zh: str, en: str) -> Bilingual:
    """Parts one after another, with the separator of each language (``、`` and ``, ``); a part
    that is not :class:`Bilingual` is :func:`quoted`."""
    said = [quoted(p) for p in parts]
    return Bilingual(zh.join(p.zh for p in said), en.join(p.en for p in said))


def listed(parts: Iterable[object]) -> Bilingual:
    """Values in a list: ``每日、每周`` and ``"每日" (daily), "每周" (weekly)``."""
    return joined(parts, "、", ", ")
