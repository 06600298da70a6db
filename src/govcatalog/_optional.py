"""Optional dependencies: imported where they are used, naming their extra when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from govcatalog.errors import MissingExtra

EXTRAS: dict[str, str] = {
    "openpyxl": "xlsx",
    "defusedxml": "xlsx",
    "pyshacl": "shacl",
    "psycopg": "postgres",
    "pandas": "pandas",
    "numpy": "resolve",
    "rapidfuzz": "resolve",
    "fastapi": "serve",
    "starlette": "serve",
    "uvicorn": "serve",
    "multipart": "serve",
    "httpx": "client",
    "distributed": "dask",
    "dask": "dask",
    "python_calamine": "xls",
}
"""The extra that installs each optional top-level module."""


def require(module: str, feature: str) -> ModuleType:
    """Import an optional module, or raise :class:`MissingExtra` naming its extra.

    Raises:
        MissingExtra: When the module (or one it needs) is not installed.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = (exc.name or module).partition(".")[0]
        extra = EXTRAS.get(top) or EXTRAS.get(module.partition(".")[0], "all")
        raise MissingExtra(feature, top, extra) from exc


def missing_extra(exc: ModuleNotFoundError, feature: str) -> MissingExtra | None:
    """The :class:`MissingExtra` an import failure means, or None when no extra installs it."""
    top = (exc.name or "").partition(".")[0]
    extra = EXTRAS.get(top)
    return None if extra is None else MissingExtra(feature, top, extra)
