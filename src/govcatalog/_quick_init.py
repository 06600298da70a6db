"""A quicker constructor for frozen dataclasses made by the hundred thousand.

A frozen dataclass sets each field through ``object.__setattr__``, which looks the field up
again on every call: a finding of nine fields takes about a microsecond to make, and a province
catalog makes a million such objects (resources, records, findings, locations). The constructor
made here sets each slot through its own descriptor, found once: the same object, in about
60 % of the time (docs/performance.md). The class stays frozen; only its ``__init__`` changes.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, TypeVar

_T = TypeVar("_T")


def quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass with slots a constructor that sets its slots directly.

    Only plain fields are taken (positional, with a default or a default factory; no
    ``InitVar``, keyword-only or ``init=False`` field), so the constructor takes exactly the
    arguments the dataclass's own takes; ``__post_init__`` is called as it would be.

    Raises:
        TypeError: For any other class.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    namespace: dict[str, Any] = {}
    signature: list[str] = []
    body: list[str] = []
    namespace["_unset"] = object()
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    taken = list(inspect.signature(cls.__init__).parameters)[1:]
    if taken != [f.name for f in fields] or any(f.kw_only for f in fields):
        raise TypeError(f"{cls.__name__}: only plain fields are supported")
    for i, f in enumerate(fields):
        namespace[f"_set{i}"] = getattr(cls, f.name).__set__
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory{i}"] = f.default_factory
            signature.append(f"{f.name}=_unset")
            value = f"_factory{i}() if {f.name} is _unset else {f.name}"
        elif f.default is not dataclasses.MISSING:
            namespace[f"_default{i}"] = f.default
            signature.append(f"{f.name}=_default{i}")
        else:
            signature.append(f.name)
        body.append(f"    _set{i}(self, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)  # noqa: S102 - made from the class's own field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__wrapped__ = cls.__init__  # the dataclass's own, for the tests that compare them
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
