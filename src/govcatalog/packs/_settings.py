"""Settings read from TOML, each checked: a value of the wrong kind says what it must be.

A check reads one value (:data:`Check`). :func:`table` reads a table of settings in their
order, so the first refused is the one reported; :func:`checked` gives it as a
:class:`Refusal` with its path from the top. The keys a table does not name are kept beside
it (``extra``).
Used by the pack manifest (:mod:`govcatalog.packs.manifest`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

_T = TypeVar("_T")
Check = Callable[[object], Any]
"""Reads one setting's value: raises :class:`_Wrong` for a value of the wrong kind and
ValueError (its message the reason) for a malformed one."""


class _Wrong(Exception):
    """A setting's value is of the wrong kind (``kind``: what it must be)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Refused(Exception):
    """The first setting refused: its path from the top and what is wrong with it."""

    def __init__(self, path: list[str], problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def at(key: str, check: Check, value: object) -> Any:
    """``check(value)``, a refusal located under ``key``."""
    try:
        return check(value)
    except _Wrong as wrong:
        raise _Refused([key], f" must be {wrong.kind}, not {value!r}") from None
    except _Refused as bad:
        bad.path.insert(0, key)
        raise
    except ValueError as exc:
        raise _Refused([key], f": {exc}") from None


def string(value: object) -> str:
    """A string."""
    if not isinstance(value, str):
        raise _Wrong("a string")
    return value


def boolean(value: object) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise _Wrong("true or false")
    return value


def integer(value: object) -> int:
    """An integer (not true or false, which Python counts as integers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Wrong("an integer")
    return value


def string_list(value: object) -> tuple[str, ...]:
    """A list of strings (TOML has arrays; the settings keep them as tuples)."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _Wrong("a list of strings")
    return tuple(value)


def parsed(parse: Callable[[str], _T]) -> Callable[[object], _T]:
    """A string setting read by ``parse``: its ValueError is the reason the pack is refused."""

    def run(value: object) -> _T:
        return parse(string(value))

    return run


def mapping_of(check: Check) -> Callable[[object], dict[str, Any]]:
    """A table whose every value ``check`` reads (``[severity]``, ``aliases``)."""

    def run(value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _Wrong("a table")
        return {key: at(key, check, item) for key, item in value.items()}

    return run


Setting = tuple[str, Check]
"""(key, check); the attribute is the key with ``-`` read as ``_`` (``open-types``)."""


def table(
    cls: Callable[..., _T],
    settings: tuple[Setting, ...],
    *,
    absent: Mapping[str, object] | None = None,
) -> Callable[[object], _T]:
    """A table of ``settings``, in their order (the first refused is reported); the keys it
    does not name kept as ``extra``. ``absent``: what a setting the table has no default for
    is read as when it is not written (``""`` for a pack's id: refused, and so reported)."""
    keys = {key for key, _ in settings}
    unwritten = absent or {}

    def run(value: object) -> _T:
        if not isinstance(value, dict):
            raise _Wrong("a table")
        read = {
            key.replace("-", "_"): at(key, check, value[key] if key in value else unwritten[key])
            for key, check in settings
            if key in value or key in unwritten
        }
        extra = {k: v for k, v in value.items() if k not in keys}
        return cls(**read, extra=extra)

    return run


@dataclass(frozen=True)
class Refusal:
    """The first setting refused: its path from the top (``["values", "open-types", "open"]``)
    and what is wrong with it, written to follow the path (``" must be a table, not 5"``)."""

    path: tuple[str, ...]
    problem: str


def checked(read: Callable[[object], _T], data: object) -> _T | Refusal:
    """``read(data)``, or the first setting it refused."""
    try:
        return read(data)
    except _Refused as refused:
        return Refusal(tuple(refused.path), refused.problem)
