"""Bounds on every request: body size, time, and how many are handled at once.

A pure ASGI middleware, outside the application: a body larger than the limit is refused
with 413 (from its ``Content-Length`` before anything is read, or as soon as a streamed
body passes the limit); a request that finds every slot taken waits a bounded time, then
gets 503 with ``Retry-After``; a request running longer than its time gets 503 too.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import ClientDisconnect

from govcatalog.errors import GovCatalogError
from govcatalog.service.problems import MEDIA_TYPE, Problem
from govcatalog.service.settings import ServiceSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


log = logging.getLogger("govcatalog.service")


def problem_of(exc: BaseException) -> Problem:
    """The problem answered for an exception no route turned into one.

    What the command line ends with exit 2 at its edge (input nested too deeply for the
    parser, undecodable text, a library error) is the sender's input here: 422.
    """
    if isinstance(exc, Problem):
        return exc
    if isinstance(exc, RecursionError):
        detail = "the input is nested too deeply to read (more than the parser's depth limit)"
        return Problem(422, "unreadable", detail, code="GC-S001")
    if isinstance(exc, UnicodeError):
        return Problem(422, "unreadable", f"cannot decode the input: {exc}", code="GC-S001")
    if isinstance(exc, GovCatalogError):
        return Problem(422, "invalid-request", " ".join(str(exc).split())[:400])
    return Problem(500, "internal", f"the service failed: {type(exc).__name__}")


class BodyTooLarge(Problem):
    """The body passed the upload limit while it was being read."""


def too_large(limit: int) -> Problem:
    """The 413 problem for a body over ``limit`` bytes."""
    return BodyTooLarge(
        413,
        "too-large",
        f"the request body is larger than {limit} bytes (the service's --max-upload)",
        extra={"limit": limit},
    )


async def send_problem(send: Send, problem: Problem, path: str) -> None:
    """Answer ``problem`` directly over ASGI."""
    body = json.dumps(problem.document(path), ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in problem.headers.items()),
    ]
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Limits:
    """The bounding middleware.

    Args:
        app: The application.
        settings: Where the limits come from.
    """

    def __init__(self, app: ASGIApp, settings: ServiceSettings) -> None:
        self.app = app
        self.settings = settings
        self.slots = asyncio.Semaphore(settings.max_concurrency)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.settings.max_upload_bytes
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await send_problem(send, too_large(limit), path)
            return
        if not await self._take_slot():
            busy = Problem(
                503,
                "busy",
                f"every one of the {self.settings.max_concurrency} request slots is taken",
                headers={"Retry-After": "1"},
            )
            await send_problem(send, busy, path)
            return
        try:
            await self._bounded(scope, receive, send, path)
        finally:
            self.slots.release()

    async def _take_slot(self) -> bool:
        """Take a request slot, waiting at most ``queue_seconds`` when none is free."""
        if not self.slots.locked():
            await self.slots.acquire()  # free: no timer needed
            return True
        try:
            await asyncio.wait_for(self.slots.acquire(), self.settings.queue_seconds)
        except TimeoutError:
            return False
        return True

    async def _bounded(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        """Run the application within the request time and the body limit."""
        limit = self.settings.max_upload_bytes
        started = False
        total = 0

        async def counted_receive() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > limit:
                    raise too_large(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            async with asyncio.timeout(self.settings.request_seconds):
                await self.app(scope, counted_receive, watched_send)
        except TimeoutError:
            if not started:
                slow = Problem(
                    503,
                    "timeout",
                    f"the request took longer than {self.settings.request_seconds:g} s",
                    headers={"Retry-After": "1"},
                )
                await send_problem(send, slow, path)
        except BodyTooLarge as exc:
            if not started:
                await send_problem(send, exc, path)
        except ClientDisconnect:
            return  # the client went away: nobody to answer
        except Exception as exc:  # the last resort: answer a problem, never drop the connection
            problem = problem_of(exc)
            if problem.status >= 500:
                log.error("unhandled error on %s", path, exc_info=exc)
            if not started:
                await send_problem(send, problem, path)
