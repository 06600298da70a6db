"""Every write through the service is recorded — who, when, what, and how it ended."""

from __future__ import annotations

import anyio

from govcatalog.service.limits import ASGIApp, Message, Receive, Scope, Send
from govcatalog.service.state import ServiceState

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
WRITE_PREFIXES = ("/packs", "/history")
"""Paths under which a write method changes the store (``/validate`` and the like do not)."""


class WriteLog:
    """ASGI middleware recording each write attempt in the store's write log.

    The actor is the name of the token presented (``-`` when none was valid); the target
    is what the route says it wrote (else the path); refusals are recorded too.
    """

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if (
            scope["type"] != "http"
            or scope.get("method") not in WRITE_METHODS
            or not path.startswith(WRITE_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            notes = scope.get("state") or {}
            route = scope.get("route")
            action = str(notes.get("action") or getattr(route, "name", None) or scope["method"])
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(
                    self.state.access.record,
                    str(notes.get("actor") or "-"),
                    action,
                    str(notes.get("target") or path),
                    status,
                    str(notes.get("detail") or ""),
                )
