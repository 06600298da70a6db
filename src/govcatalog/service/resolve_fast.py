"""``POST /resolve`` of a small JSON request, answered before FastAPI's routing.

The common call — tens of item names as JSON, no query parameters or only ``accept`` and
``today`` — spent more time in FastAPI's routing, parameter validation and response classes,
and in building the answer's JSON as dictionaries, than in resolving. :class:`FastResolve`,
an ASGI middleware inside the bounding one (:class:`~govcatalog.service.limits.Limits`: the
same body, time and concurrency limits), answers such a request itself: it reads the body,
resolves it as the route does (:func:`~govcatalog.service.resolve_api.resolution_of`) and
writes the answer with :func:`~govcatalog.service.resolve_json.answer_json` — the same bytes
and headers the route answers.

Every other request goes to the application unchanged: other paths and methods, a query it
does not read exactly as FastAPI would (anything but ``accept=<number>`` and
``today=<YYYY-MM-DD>``, each once), a body that is not JSON, has no ``Content-Length`` or is
larger than :data:`~govcatalog.service.resolve_api.INLINE_BYTES`, a resolver still being
built. So does a request whose answer fails for any reason: the route is given the body read
so far and answers it, errors as the same problem details. The route stays the one the
OpenAPI document describes.
"""

from __future__ import annotations

import datetime as dt
import re

from govcatalog.resolve.answers import ResolveOptions
from govcatalog.resolve.request import RequestFormat
from govcatalog.service.limits import ASGIApp, Message, Receive, Scope, Send
from govcatalog.service.resolve_api import INLINE_BYTES, request_format, resolution_of
from govcatalog.service.resolve_json import ItemFragments, answer_json
from govcatalog.service.state import ServiceState
from govcatalog.service.uploads import Upload, media_type

PATH = "/resolve"
JSON = b"application/json"

_ACCEPT = re.compile(rb"100(?:\.0{1,6})?|\d{1,2}(?:\.\d{1,6})?")
"""An ``accept`` the route reads as the same float (0–100)."""
_DAY = re.compile(rb"(?:19|20)\d\d-\d\d-\d\d")
"""A ``today`` the route reads as the same date (when :meth:`datetime.date.fromisoformat` does)."""

_DEFAULT = ResolveOptions()


def query_options(query: bytes) -> ResolveOptions | None:
    """The options of a query string, or None unless it is one the fast path reads exactly."""
    if not query:
        return _DEFAULT
    accept, today = _DEFAULT.accept, _DEFAULT.today
    seen: set[bytes] = set()
    for part in query.split(b"&"):
        name, equals, value = part.partition(b"=")
        if not equals or name in seen:
            return None
        seen.add(name)
        if name == b"accept" and _ACCEPT.fullmatch(value):
            accept = float(value)
        elif name == b"today" and _DAY.fullmatch(value):
            try:
                today = dt.date.fromisoformat(value.decode("ascii"))
            except ValueError:
                return None
        else:
            return None
    return ResolveOptions(accept=accept, today=today)


def json_body(headers: list[tuple[bytes, bytes]]) -> tuple[str, int] | None:
    """The media type and declared length of a JSON body small enough to answer inline."""
    kind = length = None
    for name, value in headers:  # the first of each, as the route reads them
        if name == b"content-type" and kind is None:
            kind = value
        elif name == b"content-length" and length is None:
            length = value
    if kind is None or length is None or not length.isdigit():
        return None
    media = media_type(kind.decode("latin-1"))
    if media is None or request_format(Upload(b"", None, media)) is not RequestFormat.JSON:
        return None
    size = int(length)
    return (media, size) if 0 < size <= INLINE_BYTES else None


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` giving ``messages`` again first."""
    pending = list(messages)

    async def again() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return again


class FastResolve:
    """The fast path of ``POST /resolve`` (see the module).

    Args:
        app: The application every other request goes to.
        state: The service state (the resolver and its index).
    """

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app = app
        self.state = state
        self.fragments = ItemFragments()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("path") != PATH
            or scope.get("method") != "POST"
            or not self.state.resolve_ready
        ):
            await self.app(scope, receive, send)
            return
        options = query_options(scope.get("query_string", b""))
        declared = json_body(scope.get("headers") or [])
        if options is None or declared is None:
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":  # the client went away: the route says so
                await self.app(scope, _replay(messages, receive), send)
                return
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body", False))
        body = self._answer(Upload(b"".join(chunks), None, declared[0]), options)
        if body is None:
            await self.app(scope, _replay(messages, receive), send)
            return
        headers = [(b"content-length", str(len(body)).encode()), (b"content-type", JSON)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _answer(self, upload: Upload, options: ResolveOptions) -> bytes | None:
        """The answer's JSON, or None when the route is to answer (it fails the same way)."""
        if not upload.data or len(upload.data) > INLINE_BYTES:
            return None
        try:
            result = resolution_of(self.state, upload, options)
            return answer_json(result, self.fragments)
        except Exception:  # an error: the route answers it as problem details
            return None
