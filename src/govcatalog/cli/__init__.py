"""The ``govcatalog`` command line: one module per command."""

from __future__ import annotations

from govcatalog.cli.app import app, main

__all__ = ["app", "main"]
