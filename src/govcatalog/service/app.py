"""The ASGI application: routes, problem details for every error, and the bounding middleware."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from govcatalog import __version__
from govcatalog.service import history_api, packs_api, resolve_api, work
from govcatalog.service.deps import StateDep, TokenDep, require, run
from govcatalog.service.documents import write_document
from govcatalog.service.fastjson import FastJSONResponse
from govcatalog.service.limits import Limits, problem_of
from govcatalog.service.problems import MEDIA_TYPE, Problem
from govcatalog.service.resolve_fast import FastResolve
from govcatalog.service.settings import ServiceSettings
from govcatalog.service.state import ServiceState
from govcatalog.service.writelog import WriteLog
from govcatalog.store.access import ADMIN
from govcatalog.store.database import Database, open_database

log = logging.getLogger("govcatalog.service")

DESCRIPTION = """\
Validate, score, diff and resolve government information-resource catalogs
(政务信息资源目录), and publish versioned schema packs, over HTTP.

Reads are public. Writes (publishing a pack version, changing its status or its
compatibility mode, adding a catalog version) need `Authorization: Bearer <token>`
with a scope: `publish:<pack-id>`, `history:<catalog>` or `admin`
(tokens come from `govcatalog token create`). Errors are RFC 9457 problem details
(`application/problem+json`); problems the library reports as findings carry the
finding code (`GC-S001` for an unreadable catalog).
"""

_STATUS_KINDS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "bad-request",
    406: "not-acceptable",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-request",
}


def _problem_response(request: Request, problem: Problem) -> JSONResponse:
    if request.method not in ("GET", "HEAD"):
        request.state.detail = problem.detail
    return JSONResponse(
        problem.document(request.url.path),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers=problem.headers or None,
    )


def _install_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, Problem)
        return _problem_response(request, exc)

    async def on_invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"location": list(e.get("loc", ())), "message": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(map(str, e['location']))}: {e['message']}" for e in errors)
        problem = Problem(422, "invalid-request", detail, extra={"errors": errors})
        return _problem_response(request, problem)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        kind = _STATUS_KINDS.get(exc.status_code, "bad-request")
        problem = Problem(exc.status_code, kind, str(exc.detail), headers=dict(exc.headers or {}))
        return _problem_response(request, problem)

    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        problem = problem_of(exc)
        if problem.status >= 500:
            log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _problem_response(request, problem)

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_error)


def _service_routes(app: FastAPI) -> None:
    """``/health`` and ``/writes``."""

    @app.get("/health", tags=["service"], summary="Liveness and the store's dialect")
    async def health(request: Request, state: StateDep) -> dict[str, Any]:
        """``ok`` when the service answers; the store dialect and the limits in force."""
        s = state.settings
        return {
            "status": "ok",
            "version": __version__,
            "store": state.db.dialect,
            "limits": {
                "max_upload_bytes": s.max_upload_bytes,
                "request_seconds": s.request_seconds,
                "max_concurrency": s.max_concurrency,
                "threads": s.threads,
                "max_findings": s.max_findings,
            },
        }

    @app.get("/writes", tags=["service"], summary="The write log (admin)")
    async def writes(
        request: Request,
        state: StateDep,
        token: TokenDep,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """The latest writes, newest first: who, when, what, and the status answered."""
        require(token, ADMIN)
        entries = await run(request, state.access.writes, limit)
        return {"writes": [write_document(w) for w in entries]}


def create_app(
    settings: ServiceSettings | None = None,
    db: Database | None = None,
    *,
    fast_resolve: bool = True,
) -> FastAPI:
    """The service as an ASGI application.

    Args:
        settings: Limits and the store (default: :class:`ServiceSettings` from the environment).
        db: An open store (default: opened, and migrated, from ``settings.database_url``).
        fast_resolve: Answer small JSON ``POST /resolve`` requests before the routing
            (:mod:`govcatalog.service.resolve_fast`; the same answers). Off, every request
            takes the route.
    """
    the_settings = settings or ServiceSettings()
    if db is None:
        from govcatalog.packs.published import registry_url  # noqa: PLC0415

        db = open_database(the_settings.database_url or registry_url())
    state = ServiceState(the_settings, db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.warm()
        yield

    app = FastAPI(
        title="govcatalog",
        version=__version__,
        description=DESCRIPTION,
        license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
        default_response_class=FastJSONResponse,
        lifespan=lifespan,
    )
    app.state.service = state
    app.state.cpu = threading.BoundedSemaphore(the_settings.threads)
    _install_handlers(app)
    app.include_router(work.router)
    app.include_router(resolve_api.router)
    app.include_router(packs_api.router)
    app.include_router(history_api.router)

    _service_routes(app)
    if fast_resolve:
        app.add_middleware(FastResolve, state=state)
    app.add_middleware(WriteLog, state=state)
    app.add_middleware(Limits, settings=the_settings)
    return app


SETTINGS_VARIABLE = "GOVCATALOG_SERVICE_SETTINGS"
"""The environment variable through which ``govcatalog serve --workers N`` hands its
settings to each worker process."""


def app_from_environment() -> FastAPI:
    """The application of one worker process (uvicorn's factory), with the settings of
    :data:`SETTINGS_VARIABLE`."""
    text = os.environ.get(SETTINGS_VARIABLE)
    return create_app(ServiceSettings.from_environment(text) if text else None)
