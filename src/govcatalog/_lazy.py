"""Functions named as ``"module:function"``, imported only when first used.

Readers, writers and pack artefact builders are registered this way, so importing
govcatalog never imports openpyxl, lxml or rdflib, and an optional extra that is not
installed only matters when its format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def load_function(target: str) -> Callable[..., Any]:
    """The function a ``"module:function"`` string names.

    Raises:
        ImportError: When the module cannot be imported (e.g. an extra is not installed).
        AttributeError: When the module has no such function.
    """
    module_name, _, attr = target.partition(":")
    fn = getattr(importlib.import_module(module_name), attr, None)
    if not callable(fn):
        msg = f"{target}: {module_name} has no function {attr!r}"
        raise AttributeError(msg)
    return fn  # type: ignore[no-any-return]
