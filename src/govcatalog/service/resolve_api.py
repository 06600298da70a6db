"""``/resolve``: a data request (需求清单) resolved against the base databases.

The resolver and its index are built once per process (at start, in the background) and
held by the application. A small JSON request — the common case, tens of items — is
resolved on the event loop: its work (0.05 ms for 50 exact names, about 1 ms with fuzzy
matching, plus 0.4 ms for the JSON answer built as dictionaries) is bounded by its size, and
handing it to a worker thread would cost more than it saves. Larger requests, CSV and
workbooks go to a worker thread. Most small JSON requests never reach this route:
:mod:`govcatalog.service.resolve_fast` answers them first, with the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from govcatalog.errors import GovCatalogError, LoadError
from govcatalog.render.documents import resolution_document
from govcatalog.resolve.request import RequestFormat, request_from_bytes
from govcatalog.resolve.resolver import Resolution, ResolveOptions, resolve
from govcatalog.service.deps import StateDep, read_upload, run
from govcatalog.service.fastjson import dumps
from govcatalog.service.limits import problem_of
from govcatalog.service.problems import Problem
from govcatalog.service.state import ServiceState
from govcatalog.service.uploads import Upload
from govcatalog.service.work import COMPLETE

router = APIRouter(tags=["catalogs"])

INLINE_BYTES = 8 * 1024
"""JSON requests up to this size (about 200 items) are resolved on the event loop."""

_MEDIA_FORMATS = {
    "application/json": RequestFormat.JSON,
    "text/json": RequestFormat.JSON,
    "text/csv": RequestFormat.CSV,
    "application/csv": RequestFormat.CSV,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": RequestFormat.XLSX,
}

REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The request (需求清单): JSON as `govcatalog resolve` reads it, "
        "or a CSV / xlsx upload.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "requester": {"type": "object"},
                        "purpose": {"type": "string"},
                        "date": {"type": "string", "format": "date"},
                        "items": {"type": "array", "items": {"type": "string"}},
                        "keys": {"type": "array", "items": {"type": "object"}},
                    },
                }
            },
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


def request_format(upload: Upload) -> RequestFormat | None:
    """The request's format: its file name's suffix, else its media type; None to sniff."""
    if upload.filename:
        suffix = Path(upload.filename).suffix.lower().lstrip(".")
        if suffix in {f.value for f in RequestFormat}:
            return RequestFormat(suffix)
    return _MEDIA_FORMATS.get(upload.media_type or "")


def resolution_of(state: ServiceState, upload: Upload, options: ResolveOptions) -> Resolution:
    """A request resolved, read from memory by the library's request readers.

    Raises:
        Problem: 422 when the request cannot be read or is invalid.
    """
    base = state.resolve_base()
    try:
        request = request_from_bytes(upload.data, request_format(upload), upload.label)
    except LoadError as exc:
        located = LoadError(upload.label, exc.reason_zh, exc.reason_en, exc.line, exc.column)
        raise Problem(422, "unreadable", str(located), code="GC-S001") from None
    except (GovCatalogError, ValueError) as exc:
        raise Problem(422, "invalid-request", str(exc)) from None
    return resolve(request, base.index, bases=base.bases, options=options)


def resolve_upload(
    state: ServiceState, upload: Upload, options: ResolveOptions, complete: bool = False
) -> bytes:
    """The JSON answer to a request (``complete``: the whole document the client rebuilds).

    Raises:
        Problem: 422 when the request cannot be read or is invalid.
    """
    result = resolution_of(state, upload, options)
    if complete:
        base = state.resolve_base()
        return dumps(resolution_document(result, base.bases.ref))
    return dumps(result.to_json_dict())


@router.post(
    "/resolve",
    summary="Resolve a data request against the base databases",
    openapi_extra=REQUEST_BODY,
)
async def resolve_endpoint(
    request: Request,
    state: StateDep,
    accept: Annotated[
        float, Query(ge=0, le=100, description="Lowest fuzzy score accepted.")
    ] = 80.0,
    today: Annotated[
        dt.date | None, Query(description="Day of resolving if the request has none.")
    ] = None,
    complete: Annotated[bool, Query(description=COMPLETE)] = False,
) -> Response:
    """Each requested item: base database, resource, share type, action and due date."""
    upload = await read_upload(request)
    options = ResolveOptions(accept=accept, today=today)
    short = len(upload.data) <= INLINE_BYTES and request_format(upload) is RequestFormat.JSON
    if short and state.resolve_ready:
        try:
            body = resolve_upload(state, upload, options, complete)
        except (RecursionError, UnicodeError) as exc:
            raise problem_of(exc) from None
    else:
        body = await run(request, resolve_upload, state, upload, options, complete)
    return Response(body, media_type="application/json")
