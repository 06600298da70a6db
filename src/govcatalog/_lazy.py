"""Functions named as ``"module:function"``, imported only when first used.

Readers, writers and pack artefact builders are registered this way, so importing
govcatalog never imports openpyxl, lxml or rdflib, and an optional extra that is not
installed only matters when its format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from govcatalog._optional import missing_extra


def load_function(target: str, feature: str | None = None) -> Callable[..., Any]:
    """The function a ``"module:function"`` string names.

    ``feature`` names what needs it in the message of a missing extra.

    Raises:
        MissingExtra: When the module needs an optional dependency that is not installed.
        ImportError: When the module cannot be imported otherwise.
        AttributeError: When the module has no such function.
    """
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = missing_extra(exc, feature or target)
        if missing is None:
            raise
        raise missing from exc
    fn = getattr(module, attr, None)
    if not callable(fn):
        msg = f"{target}: {module_name} has no function {attr!r}"
        raise AttributeError(msg)
    return fn  # type: ignore[no-any-return]
