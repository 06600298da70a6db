"""The packs shipped with govcatalog, exposed through the ``govcatalog.packs`` entry point."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def standards() -> Traversable:
    """Root of the built-in packs: ``<id>/<version>/pack.toml``."""
    return files("govcatalog") / "_data" / "standards"
