"""Where a finding is (private module: the names are :mod:`govcatalog.report`'s), and the
other places its message names (:class:`Elsewhere`, a parameter the codebook says).

A :class:`Location` names the file, the resource and the place in the file — a JSON
pointer, a line and column in a text input, a sheet and cell in a workbook — and says it
the way people write it. Reports echo values from untrusted input: :func:`clip` bounds them.
"""

from __future__ import annotations

import datetime as dt
import decimal
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from govcatalog._quick_init import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is.

    Attributes:
        file: The input file name, as given by the caller.
        resource: The 信息资源代码 of the resource concerned, when known.
        pointer: JSON pointer (RFC 6901) into the input document, using the keys as
            written in the input (Chinese or English).
        line: 1-based line in a text input (JSON, YAML, XML), when known.
        column: 1-based column, when known.
        sheet: Worksheet name for spreadsheet input.
        cell: A1-style cell reference for spreadsheet input.
        provider: The 信息资源提供方 (department) of the resource concerned, when known.
    """

    file: str | None = None
    resource: str | None = None
    pointer: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None
    provider: str | None = None

    def __reduce__(self) -> tuple[type[Location], tuple[Any, ...]]:
        # Rebuilt by the constructor: unpickling the outcomes of another process (a Dask
        # worker's) is 2-3x faster than field by field through the slots.
        return type(self), tuple(getattr(self, name) for name in self.__slots__)

    def label(self) -> str:
        """Where in the file, as people write it: ``sheet!cell`` (or the sheet) in a workbook,
        ``line:column`` (or the line) in a text file; empty when neither is known."""
        if self.sheet:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        if self.line is not None:
            return f"{self.line}:{self.column}" if self.column is not None else str(self.line)
        return ""

    def with_position(self, line: int | None, column: int | None) -> Location:
        """Return a copy with the line and column set."""
        return replace(self, line=line, column=column)

    def to_dict(self) -> dict[str, str | int | None]:
        """The location as a JSON-ready mapping (all keys present)."""
        return {
            "file": self.file,
            "resource": self.resource,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "sheet": self.sheet,
            "cell": self.cell,
            "provider": self.provider,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Location:
        """The location of :meth:`to_dict` (missing keys are None)."""
        return cls(**{f: data.get(f) for f in cls.__dataclass_fields__})

    def sort_key(self) -> tuple[str, int, int, str]:
        """Key that orders locations by file, then position in the file."""
        return (
            self.file or "",
            self.line if self.line is not None else 1 << 62,
            self.column if self.column is not None else 0,
            self.pointer or "",
        )


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """The other places a finding names — the other resources of a duplicate — as a message
    parameter (``{others}``): the pack's codebook says each place in each language
    (:mod:`govcatalog.packs.places`).

    Attributes:
        places: Where each one named is, as a finding there would be located (a bounded sample,
            in order).
        total: How many there are in all; those past the sample are counted, not named.
        file: The file of the finding itself: a place in it is named without its file.
    """

    places: tuple[Location, ...]
    total: int
    file: str | None = None

    @property
    def more(self) -> int:
        """How many are counted, not named."""
        return self.total - len(self.places)

    def elsewhere(self, place: Location) -> bool:
        """Whether ``place`` is in another file than the finding (then it is named with it)."""
        return place.file is not None and place.file != self.file

    def __str__(self) -> str:
        """Said without words (a codebook that does not say places): each place as a text report
        locates a finding, ``file:label pointer``, its file only when it is another."""
        named = []
        for place in self.places:
            label = place.label()
            if self.elsewhere(place):
                label = f"{place.file}:{label}" if label else str(place.file)
            named.append(" ".join(p for p in (label, place.pointer) if p))
        text = ", ".join(named)
        return f"{text}, … (+{self.more})" if self.more > 0 else text


VALUE_LIMIT: Final = 500
"""Most characters of an input value that a finding echoes (value and message)."""
MESSAGE_LIMIT: Final = 4000
"""Most characters of a rendered message or hint."""


def clip(text: str, limit: int = VALUE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, with a marker saying how much was left out.

    Reports echo values from untrusted input; a gigabyte-long value must not make a
    gigabyte-long report (JSON, SARIF, CSV, HTML alike).
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…[+{len(text) - limit} chars]"


def shown(value: object) -> str:
    """A value echoed from the input as its reader wrote it, not as Python spells it: a
    spreadsheet's date-and-time cell ``2024-03-01 09:30`` (to the second it gives; the
    microseconds a spreadsheet's floating-point time leaves are rounded away), a date
    ``2024-03-01``, a time ``09:30``, a decimal ``10.50``; inside a list or an object too.

    >>> import datetime as dt, decimal
    >>> shown(dt.datetime(2024, 3, 1, 9, 30, 0, 1)), shown(dt.date(2024, 3, 1))
    ('2024-03-01 09:30', '2024-03-01')
    >>> shown(decimal.Decimal("10.50")), shown([dt.time(9, 29, 59, 999999), "a", 1])
    ('10.50', "[09:30, 'a', 1]")
    """
    if type(value) is str:
        return value
    if isinstance(value, dt.datetime | dt.time):
        whole = _whole_seconds(value)
        clock = "%H:%M:%S" if whole.second else "%H:%M"
        return whole.strftime(f"%Y-%m-%d {clock}" if isinstance(whole, dt.datetime) else clock)
    if isinstance(value, dt.date | decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | dict):
        return _shown_inside(value)
    return str(value)  # a number, true or false, a str subclass: as written


def _whole_seconds(value: dt.datetime | dt.time) -> dt.datetime | dt.time:
    """``value`` rounded to the second."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(dt.date.min, value)
    try:
        whole = (moment + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    except OverflowError:  # the last instant a datetime holds
        whole = moment.replace(microsecond=0)
    return whole if isinstance(value, dt.datetime) else whole.timetz()


def _shown_inside(value: list[Any] | tuple[Any, ...] | dict[Any, Any]) -> str:
    """A list or an object as Python writes it, its dates and decimals :func:`shown`."""

    def one(part: object) -> str:
        plain = isinstance(part, dt.date | dt.time | decimal.Decimal | list | tuple | dict)
        return shown(part) if plain else repr(part)

    if isinstance(value, dict):
        return "{" + ", ".join(f"{one(k)}: {one(v)}" for k, v in value.items()) + "}"
    inner = ", ".join(map(one, value))
    if isinstance(value, tuple):
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return f"[{inner}]"


_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
"""Characters a reader of a message cannot see or that break its line: control and format
characters (zero-width space, byte-order mark, soft hyphen …), line and paragraph separators,
lone surrogates."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    r"""``text`` with every character a reader could not see written out as an escape
    (``"null\u200b"``), so that a message says what the value holds; printable text as is.

    >>> visible("null\u200b\u200b")
    'null\\u200b\\u200b'
    >>> visible("暂无　")
    '暂无　'
    """
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _UNSEEN else ch for ch in text)


def _escape(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
