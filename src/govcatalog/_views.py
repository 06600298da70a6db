"""Views of data objects that the layers above them provide: notebook HTML, DataFrames, graphs.

A data class offers a view by name (``Report.to_pandas`` asks for its ``"pandas"`` view); the
layer that draws it registers the function (:mod:`govcatalog.render.views`, imported with
``govcatalog``). So a data class never imports the layers above it, and a user still writes
``report.to_pandas()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ViewFunction = Callable[..., Any]
"""A view: called with the object, then the arguments of the method that asked for it."""

_REGISTRY: dict[tuple[str, str], ViewFunction] = {}  # filled once, at import, by the render layer


def class_name(cls: type) -> str:
    """The name views are registered under: ``module.QualifiedName``."""
    return f"{cls.__module__}.{cls.__qualname__}"


def register_view(owner: str, name: str, function: ViewFunction) -> None:
    """Register ``function`` as the view ``name`` of the class named ``owner``."""
    _REGISTRY[(owner, name)] = function


def view(obj: object, name: str, *args: object) -> Any:
    """The view ``name`` of ``obj`` (looked up along its class's bases).

    Raises:
        LookupError: When no layer registered such a view.
    """
    for cls in type(obj).__mro__:
        function = _REGISTRY.get((class_name(cls), name))
        if function is not None:
            return function(obj, *args)
    msg = f"no {name!r} view of {class_name(type(obj))} is registered"
    raise LookupError(msg)


def html_view(obj: object) -> str:
    """The notebook HTML of ``obj`` (its ``"html"`` view)."""
    html = view(obj, "html")
    if not isinstance(html, str):
        msg = f"the html view of {class_name(type(obj))} gave {type(html).__name__}, not text"
        raise TypeError(msg)
    return html
