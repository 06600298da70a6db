"""``govcatalog serve``: validation, scoring, diff, resolving and the pack registry over HTTP.

Needs the ``serve`` extra (FastAPI, uvicorn with httptools and uvloop, orjson)::

    pip install 'govcatalog[serve]'
    govcatalog serve --host 127.0.0.1 --port 8000

or, embedded in another ASGI server::

    from govcatalog.service import create_app, ServiceSettings
    app = create_app(ServiceSettings(database_url="postgresql+psycopg://…"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govcatalog.service.settings import EXTRA, MISSING_EXTRA, ServiceSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from govcatalog.store.database import Database


def available() -> bool:
    """Whether the ``serve`` extra is installed."""
    import importlib.util  # noqa: PLC0415

    return all(importlib.util.find_spec(m) is not None for m in ("fastapi", "uvicorn", "orjson"))


def create_app(settings: ServiceSettings | None = None, db: Database | None = None) -> FastAPI:
    """The service as an ASGI application (see :func:`govcatalog.service.app.create_app`)."""
    from govcatalog.service.app import create_app as _create  # noqa: PLC0415 - needs the extra

    return _create(settings, db)


__all__ = ["EXTRA", "MISSING_EXTRA", "ServiceSettings", "available", "create_app"]
