"""The GB/T 2260 division list, read from python-stdnum's ``stdnum/cn/loc.dat``.

The list is not typed in here: it is parsed from the data file that python-stdnum maintains,
on first use, and cached. Nothing is read at import time.

``loc.dat`` lists every code that appeared in the official lists since 1980, with the years in
which each name was in use (``[1983-2019]桥东区,[2020-]襄都区``). Province rows (``XX0000``) and
prefecture rows (``XXYY00``, including the ``市辖区``/``县`` summary codes) are in the file, so
nothing is derived: a parent code is the nearest listed ancestor.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from importlib import resources
from types import MappingProxyType

import stdnum

from ._result import require_str
from ._text import is_digits

DIVISION_LIST_VERSION: str = (
    f"python-stdnum {stdnum.__version__} stdnum/cn/loc.dat: GB/T 2260 codes in use since 1980,"
    " with the years of each name, compiled from the official lists as tabulated in the"
    " zh.wikipedia pages 中华人民共和国行政区划代码 (1区–8区)"
)
"""Which division list the checks use: the python-stdnum release and data file it comes from."""

_PROVINCE_LINE = re.compile(r'(\d{2}) province="([^"]*)"')
_CODE_LINE = re.compile(r'\s+(\d{4}) county="([^"]*)"')
_NAME_ENTRY = re.compile(r"(?:\[(\d{4})?-(\d{4})?\])?(.+)")


class DivisionLevel(StrEnum):
    """The level of a six-digit GB/T 2260 code."""

    PROVINCE = "province"
    """省级: ``XX0000``."""
    PREFECTURE = "prefecture"
    """地级 (and the 市辖区/县/省直辖 summary codes): ``XXYY00``."""
    COUNTY = "county"
    """县级: every other code."""


@dataclass(frozen=True, slots=True)
class DivisionName:
    """One name of a division code and the years it was in use.

    Attributes:
        name: The official name, e.g. ``"襄都区"``.
        first_year: The first year of use, or None when in use since the list began.
        last_year: The last year of use, or None when still in use.
    """

    name: str
    first_year: int | None
    last_year: int | None

    def in_use(self, year: int) -> bool:
        """Return True if the name was in use in ``year``."""
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True, slots=True)
class Division:
    """A six-digit GB/T 2260 division code, current or abolished.

    Attributes:
        code: The six-digit code.
        name: The latest official name.
        level: Province, prefecture or county.
        parent_code: The nearest listed ancestor code, or None for a province.
        history: Every name the code has had, oldest first.
    """

    code: str
    name: str
    level: DivisionLevel
    parent_code: str | None
    history: tuple[DivisionName, ...] = ()

    @property
    def first_year(self) -> int | None:
        """The first year the code was in use, or None when in use since the list began."""
        starts = [entry.first_year for entry in self.history]
        return None if not starts or None in starts else min(y for y in starts if y is not None)

    @property
    def last_year(self) -> int | None:
        """The last year the code was in use, or None when it is still in use."""
        ends = [entry.last_year for entry in self.history]
        return None if not ends or None in ends else max(y for y in ends if y is not None)

    @property
    def current(self) -> bool:
        """True when the code is in the latest list (it has not been abolished)."""
        return self.last_year is None

    def in_force(self, on: date) -> bool:
        """Return True if the code was in use in the year of ``on``."""
        return not self.history or any(entry.in_use(on.year) for entry in self.history)

    def name_on(self, on: date) -> str:
        """Return the name in use in the year of ``on``, or the latest name."""
        for entry in reversed(self.history):
            if entry.in_use(on.year):
                return entry.name
        return self.name


def _level_of(code: str) -> DivisionLevel:
    if code[2:] == "0000":
        return DivisionLevel.PROVINCE
    if code[4:] == "00":
        return DivisionLevel.PREFECTURE
    return DivisionLevel.COUNTY


def _parse_names(raw: str) -> tuple[DivisionName, ...]:
    names = []
    for part in raw.split(","):
        match = _NAME_ENTRY.fullmatch(part.strip())
        if match is None:  # pragma: no cover - the data file has no such entries
            continue
        first, last, name = match.groups()
        names.append(
            DivisionName(
                name=name,
                first_year=int(first) if first else None,
                last_year=int(last) if last else None,
            )
        )
    return tuple(names)


def _parse(text: str) -> dict[str, tuple[DivisionName, ...]]:
    histories: dict[str, tuple[DivisionName, ...]] = {}
    province = ""
    for line in text.splitlines():
        if match := _PROVINCE_LINE.fullmatch(line):
            province = match.group(1)
        elif (match := _CODE_LINE.fullmatch(line)) and province:
            histories[province + match.group(1)] = _parse_names(match.group(2))
    return histories


def _parent_of(code: str, known: Mapping[str, object]) -> str | None:
    level = _level_of(code)
    if level is DivisionLevel.PROVINCE:
        return None
    prefecture = code[:4] + "00"
    if level is DivisionLevel.COUNTY and prefecture in known:
        return prefecture
    province = code[:2] + "0000"
    return province if province in known else None


@functools.cache
def _divisions() -> Mapping[str, Division]:
    source = resources.files("stdnum.cn").joinpath("loc.dat")
    histories = _parse(source.read_text(encoding="utf-8"))
    table = {
        code: Division(
            code=code,
            name=history[-1].name if history else code,
            level=_level_of(code),
            parent_code=_parent_of(code, histories),
            history=history,
        )
        for code, history in sorted(histories.items())
    }
    return MappingProxyType(table)


def get_division(code: str) -> Division | None:
    """Look up a six-digit division code, current or abolished.

    Args:
        code: A six-digit GB/T 2260 code.

    Returns:
        The division, or None when the code is not in the list.

    Raises:
        TypeError: If ``code`` is not a str.

    Example:
        >>> get_division("110105").name
        '朝阳区'
    """
    return _divisions().get(require_str(code))


def division_name(code: str) -> str | None:
    """Return the latest official name of a six-digit division code.

    Args:
        code: A six-digit GB/T 2260 code, e.g. ``"110105"``.

    Returns:
        The name (e.g. ``"朝阳区"``), or None when the code is not in the list.

    Raises:
        TypeError: If ``code`` is not a str.
    """
    division = get_division(code)
    return None if division is None else division.name


def iter_divisions(
    *, level: DivisionLevel | None = None, as_of: date | None = None
) -> Iterator[Division]:
    """Iterate over the division list in code order.

    Args:
        level: Only divisions of this level.
        as_of: Only divisions in use in the year of this date; by default every code the list
            has ever held, including abolished ones.

    Yields:
        Each matching division.
    """
    for division in _divisions().values():
        if level is not None and division.level is not level:
            continue
        if as_of is not None and not division.in_force(as_of):
            continue
        yield division


def known_province(code: str) -> Division | None:
    """Return the province for the first two digits of ``code``, or None (internal)."""
    if len(code) < 2 or not is_digits(code[:2]):
        return None
    return _divisions().get(code[:2] + "0000")
