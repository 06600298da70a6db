"""The version of the installed distribution, read from its metadata (one place: pyproject.toml)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govcatalog")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
