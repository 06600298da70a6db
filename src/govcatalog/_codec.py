"""Result types as JSON documents and back, whole: read from the types' own field annotations.

:func:`encode` turns a frozen dataclass or named tuple (and what it holds: enums, dates,
tuples, mappings, unions with ``None``) into plain JSON values; :func:`decode` rebuilds the
object of a given type from them, so that ``decode(type(x), encode(x)) == x``. Objects that
are better sent by name — a pack, the base-data pack's licence catalog — go through
``hooks``: a type maps to a pair (to a JSON value, from it).

This is how the service sends a score or a resolution that a client rebuilds as the
library's own types (:mod:`govcatalog.client`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

Hooks = Mapping[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]]
"""Types sent by name: type → (to a JSON value, from a JSON value)."""

_NONE = type(None)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> tuple[str, ...]:
    """The fields a type is built from (a dataclass's init fields, a named tuple's fields)."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return tuple(getattr(cls, "_fields", ()))


def _is_record(cls: object) -> bool:
    return isinstance(cls, type) and (dataclasses.is_dataclass(cls) or hasattr(cls, "_fields"))


def encode(value: Any, hooks: Hooks | None = None) -> Any:
    """``value`` as plain JSON values (objects, arrays, strings, numbers, booleans, null)."""
    the_hooks = hooks or {}
    for kind, (to_json, _) in the_hooks.items():
        if isinstance(value, kind):
            return to_json(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    if _is_record(type(value)):
        return {name: encode(getattr(value, name), hooks) for name in _fields(type(value))}
    if isinstance(value, Mapping):
        return [[encode(k, hooks), encode(v, hooks)] for k, v in value.items()]
    if isinstance(value, frozenset | set):
        return sorted((encode(v, hooks) for v in value), key=repr)
    if isinstance(value, tuple | list):
        return [encode(v, hooks) for v in value]
    raise TypeError(f"cannot encode a {type(value).__name__}")


def decode(kind: Any, data: Any, hooks: Hooks | None = None) -> Any:
    """The object of type ``kind`` that :func:`encode` gave ``data`` for.

    Raises:
        ValueError: When ``data`` does not fit ``kind``.
    """
    the_hooks = hooks or {}
    if isinstance(kind, type) and kind in the_hooks:
        return the_hooks[kind][1](data)
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return _union(typing.get_args(kind), data, the_hooks)
    if kind is Any:
        return data
    if origin is not None:
        return _generic(origin, typing.get_args(kind), data, the_hooks)
    if _is_record(kind):
        if not isinstance(data, Mapping):
            raise ValueError(f"{kind.__name__}: expected an object, got {type(data).__name__}")
        hints = _hints(kind)
        values = {n: decode(hints[n], data[n], the_hooks) for n in _fields(kind) if n in data}
        return kind(**values)
    return _scalar(kind, data)


def _union(args: tuple[Any, ...], data: Any, hooks: Hooks) -> Any:
    if data is None and _NONE in args:
        return None
    failures = []
    for arg in args:
        if arg is _NONE:
            continue
        try:
            return decode(arg, data, hooks)
        except (ValueError, TypeError, KeyError) as exc:
            failures.append(str(exc))
    raise ValueError(f"{data!r} fits none of {args}: {'; '.join(failures)}")


def _generic(origin: Any, args: tuple[Any, ...], data: Any, hooks: Hooks) -> Any:
    if not isinstance(data, list):
        raise ValueError(f"expected an array, got {type(data).__name__}")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v, hooks) for v in data)
        return tuple(decode(a, v, hooks) for a, v in zip(args, data, strict=True))
    if origin in (list, set, frozenset):
        return origin(decode(args[0], v, hooks) for v in data)
    if isinstance(origin, type) and issubclass(origin, Mapping):
        items = {decode(args[0], k, hooks): decode(args[1], v, hooks) for k, v in data}
        return types.MappingProxyType(items) if origin is types.MappingProxyType else items
    raise TypeError(f"cannot decode a {origin}")


def _scalar(kind: Any, data: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(data)
    if kind is dt.date:
        return dt.date.fromisoformat(data)
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (bool, int, str) and type(data) is kind:
        return data
    if kind is _NONE and data is None:
        return None
    raise ValueError(f"expected {getattr(kind, '__name__', kind)}, got {data!r}")
