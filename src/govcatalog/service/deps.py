"""What every route needs: the service state, the request body as an upload, work in a thread,
and the bearer token with its scopes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile

from govcatalog.service.limits import problem_of
from govcatalog.service.problems import Problem
from govcatalog.service.state import ServiceState
from govcatalog.service.uploads import Upload, media_type
from govcatalog.store.access import Token

T = TypeVar("T")

bearer = HTTPBearer(
    auto_error=False,
    description="A token from `govcatalog token create`; needed for writes only.",
)


def service_state(request: Request) -> ServiceState:
    """The service state of the application handling ``request``."""
    state: ServiceState = request.app.state.service
    return state


async def state_of(request: Request) -> ServiceState:
    """:func:`service_state` as a dependency (async, so FastAPI needs no thread for it)."""
    return service_state(request)


class Abandoned(Exception):
    """The request gave up (its time ran out) before its work could start."""


async def run(request: Request, fn: Callable[..., T], *args: object) -> T:
    """Run CPU or database work in a worker thread, at most ``threads`` at once.

    When the request's time runs out it is answered at once; work already running
    finishes in its thread (still holding its place, so no more than ``threads`` run),
    and work not yet started is dropped.
    """
    gate: threading.Semaphore = request.app.state.cpu
    abandoned = threading.Event()

    def work() -> T:
        with gate:
            if abandoned.is_set():
                raise Abandoned
            try:
                return fn(*args)
            except (RecursionError, UnicodeError) as exc:
                raise problem_of(exc) from None

    done = False
    try:
        result = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        done = True
        return result
    finally:
        if not done:
            abandoned.set()


async def read_upload(request: Request, field: str = "file") -> Upload:
    """The catalog sent: a multipart part named ``field``, else the raw body.

    Raises:
        Problem: 400 when a multipart body lacks the part, or the body is empty.
    """
    kind = media_type(request.headers.get("content-type"))
    if kind == "multipart/form-data":
        uploads = await read_parts(request, (field,))
        return uploads[field]
    data = await request.body()
    if not data:
        raise Problem(400, "bad-request", "the request body is empty; send the catalog")
    return Upload(data, request.query_params.get("filename"), kind)


async def read_parts(request: Request, fields: tuple[str, ...]) -> dict[str, Upload]:
    """The named parts of a multipart body.

    Raises:
        Problem: 400 when the body is not multipart or a part is missing.
    """
    try:
        form = await request.form(max_files=len(fields) + 4, max_fields=32)
    except Problem:
        raise
    except Exception as exc:  # python-multipart's own errors: a malformed body
        raise Problem(400, "bad-request", f"malformed multipart body: {exc}") from None
    out: dict[str, Upload] = {}
    for name in fields:
        part = form.get(name)
        if isinstance(part, UploadFile):
            out[name] = Upload(await part.read(), part.filename, media_type(part.content_type))
        elif isinstance(part, str) and part:
            out[name] = Upload(part.encode("utf-8"), None, None)
        else:
            raise Problem(400, "bad-request", f"the multipart body has no part named {name!r}")
    return out


async def current_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Token:
    """The live token presented as ``Authorization: Bearer …``.

    Raises:
        Problem: 401 when there is none, or it is unknown or revoked.
    """
    challenge = {"WWW-Authenticate": 'Bearer realm="govcatalog"'}
    if credentials is None:
        raise Problem(
            401, "unauthorized", "writes need Authorization: Bearer <token>", headers=challenge
        )
    state = service_state(request)
    token = await run(request, state.access.authenticate, credentials.credentials)
    if token is not None:
        request.state.actor = token.name
    if token is None:
        raise Problem(
            401,
            "unauthorized",
            "the bearer token is unknown or revoked",
            headers={"WWW-Authenticate": 'Bearer realm="govcatalog", error="invalid_token"'},
        )
    return token


TokenDep = Annotated[Token, Depends(current_token)]
StateDep = Annotated[ServiceState, Depends(state_of)]


def require(token: Token, scope: str) -> None:
    """Refuse with 403 unless ``token`` grants ``scope``."""
    if not token.allows(scope):
        raise Problem(
            403,
            "forbidden",
            f"the token {token.name!r} does not grant {scope!r} "
            f"(it grants: {', '.join(token.scopes)})",
            extra={"required_scope": scope},
        )
