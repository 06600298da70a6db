"""Catalog history over HTTP: stored versions of catalogs, added with a token, read by anyone."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from govcatalog.diff.load import load_side, side_from_document
from govcatalog.diff.plan import canonical_document
from govcatalog.errors import HistoryError, LoadError
from govcatalog.io.formats import InputFormat
from govcatalog.render.dispatch import DiffFormat, ScoreFormat
from govcatalog.report import Lang
from govcatalog.service.deps import StateDep, TokenDep, read_upload, require, run
from govcatalog.service.documents import version_document
from govcatalog.service.negotiate import DIFF_MEDIA, SCORE_MEDIA
from govcatalog.service.problems import Problem
from govcatalog.service.state import ServiceState
from govcatalog.service.uploads import Upload, open_upload
from govcatalog.service.work import CATALOG_BODY, pack_for, render_diff, score_upload
from govcatalog.store.history import CatalogVersion

router = APIRouter(prefix="/history", tags=["history"])

CatalogName = Annotated[
    str,
    Path(
        pattern=r"^[A-Za-z0-9\u4e00-\u9fff][\w.\-\u4e00-\u9fff]{0,199}$",
        description="The catalog's name, e.g. city-x.",
    ),
]
Which = Annotated[
    str,
    Path(
        pattern=r"^(v?\d{1,9}|latest|\d{4}-\d{2}-\d{2})$",
        description="v3, latest, or a day (the version in force then).",
    ),
]
_NUMBER = re.compile(r"^v?(\d+)$")


def _version(state: ServiceState, catalog: str, which: str) -> CatalogVersion:
    history = state.history
    try:
        if which == "latest":
            return history.get(catalog)
        m = _NUMBER.match(which)
        if m:
            return history.get(catalog, int(m[1]))
        return history.at(catalog, dt.date.fromisoformat(which))
    except HistoryError as exc:
        raise Problem(404, "not-found", str(exc)) from None
    except ValueError as exc:
        raise Problem(400, "invalid-request", f"{which!r}: {exc}") from None


def _catalogs(state: ServiceState) -> list[dict[str, Any]]:
    history = state.history
    return [{"catalog": name, "versions": history.count(name)} for name in history.catalogs()]


@router.get("", summary="Catalogs with stored versions")
async def catalogs(request: Request, state: StateDep) -> dict[str, Any]:
    """Every catalog kept, with its number of versions."""
    return {"catalogs": await run(request, _catalogs, state)}


def _versions(state: ServiceState, catalog: str) -> list[dict[str, Any]]:
    try:
        return [version_document(v) for v in state.history.versions(catalog)]
    except HistoryError as exc:
        raise Problem(404, "not-found", str(exc)) from None


@router.get("/{catalog}", summary="A catalog's versions")
async def versions(request: Request, state: StateDep, catalog: CatalogName) -> dict[str, Any]:
    """Every stored version of a catalog, oldest first."""
    return {"catalog": catalog, "versions": await run(request, _versions, state, catalog)}


def _add(
    state: ServiceState,
    catalog: str,
    upload: Upload,
    pack_ref: str | None,
    effective: dt.date | None,
    label: str | None,
) -> tuple[CatalogVersion, bool]:
    pack = pack_for(state, pack_ref)
    try:
        side = load_side(open_upload(upload, pack), pack, label=upload.label)
    except LoadError as exc:
        raise Problem(
            422, "unreadable", f"{upload.label}: {exc.reason_en}", code="GC-S001"
        ) from None
    try:
        added = state.history.add(
            catalog, canonical_document(side), effective=effective, label=label
        )
    except HistoryError as exc:
        raise Problem(409, "conflict", str(exc)) from None
    return added.version, added.created


@router.post(
    "/{catalog}",
    summary="Store a new version of a catalog",
    status_code=201,
    name="history-add",
    openapi_extra=CATALOG_BODY,
    responses={200: {"description": "Unchanged: the same content as the latest version."}},
)
async def add_version(
    request: Request,
    state: StateDep,
    token: TokenDep,
    catalog: CatalogName,
    pack: Annotated[str | None, Query(max_length=200, description="Pack to read it with.")] = None,
    effective: Annotated[dt.date | None, Query(description="Day it came into force.")] = None,
    label: Annotated[str | None, Query(max_length=200, description="Free label.")] = None,
) -> JSONResponse:
    """Add a catalog (any format) as the next version (scope ``history:<catalog>``)."""
    request.state.target = catalog
    require(token, f"history:{catalog}")
    upload = await read_upload(request)
    version, created = await run(request, _add, state, catalog, upload, pack, effective, label)
    request.state.target = version.ref
    request.state.detail = "created" if created else "unchanged"
    return JSONResponse(
        {**version_document(version), "created": created},
        status_code=201 if created else 200,
        headers={"Location": quote(f"/history/{catalog}/v{version.number}")},
    )


def _diff(
    state: ServiceState,
    catalog: str,
    old: str,
    new: str,
    pack_ref: str | None,
    fmt: DiffFormat,
    lang: Lang,
) -> str:
    sides = []
    for which in (old, new):
        v = _version(state, catalog, which)
        sides.append(side_from_document(state.history.document(catalog, v.number), v.ref))
    return render_diff(sides[0], sides[1], pack_for(state, pack_ref), fmt, lang)


@router.get("/{catalog}/diff", summary="Compare two stored versions")
async def diff_versions(
    request: Request,
    state: StateDep,
    catalog: CatalogName,
    old: Annotated[str, Query(pattern=r"^(v?\d{1,9}|latest|\d{4}-\d{2}-\d{2})$")],
    new: Annotated[str, Query(pattern=r"^(v?\d{1,9}|latest|\d{4}-\d{2}-\d{2})$")] = "latest",
    pack: Annotated[str | None, Query(max_length=200)] = None,
    lang: Lang = Lang.ZH,
    format: DiffFormat = DiffFormat.JSON,
) -> Response:
    """The changes from one stored version to another, as ``POST /diff`` gives them."""
    text = await run(request, _diff, state, catalog, old, new, pack, format, lang)
    return Response(text, media_type=DIFF_MEDIA[format])


def _stored_score(
    state: ServiceState,
    catalog: str,
    which: str,
    pack_ref: str | None,
    today: dt.date | None,
    lang: Lang,
    rendering: ScoreFormat,
) -> str:
    v = _version(state, catalog, which)
    try:
        document = state.history.document(catalog, v.number)
    except HistoryError as exc:
        raise Problem(404, "not-found", str(exc)) from None
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    upload = Upload(body, f"{catalog}@v{v.number}.json")
    return score_upload(state, upload, pack_ref, InputFormat.JSON, today, lang, rendering)


@router.get("/{catalog}/{which}/score", summary="Score a stored version")
async def score_version(
    request: Request,
    state: StateDep,
    catalog: CatalogName,
    which: Which,
    pack: Annotated[str | None, Query(max_length=200)] = None,
    today: Annotated[dt.date | None, Query(description="Judge timeliness on this day.")] = None,
    lang: Lang = Lang.ZH,
    format: ScoreFormat = ScoreFormat.JSON,
) -> Response:
    """The quality score of a stored version, as ``POST /score`` gives it for a file."""
    text = await run(request, _stored_score, state, catalog, which, pack, today, lang, format)
    return Response(text, media_type=SCORE_MEDIA[format])


def _document(state: ServiceState, catalog: str, which: str) -> dict[str, Any]:
    v = _version(state, catalog, which)
    try:
        return {**version_document(v), "document": state.history.document(catalog, v.number)}
    except HistoryError as exc:
        raise Problem(404, "not-found", str(exc)) from None


@router.get("/{catalog}/{which}", summary="One stored version")
async def version(
    request: Request, state: StateDep, catalog: CatalogName, which: Which
) -> dict[str, Any]:
    """A version's facts and its canonical JSON document (checked against its sha256)."""
    return await run(request, _document, state, catalog, which)
