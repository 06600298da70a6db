"""``/validate``, ``/score`` and ``/diff``: the library's jobs over HTTP."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from govcatalog.diff import compare
from govcatalog.diff.load import field_names, load_side
from govcatalog.diff.plan import Side
from govcatalog.errors import GovCatalogError, LoadError, UnknownPack
from govcatalog.io.formats import InputFormat
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK
from govcatalog.render.dispatch import DiffFormat, ReportFormat, ScoreFormat
from govcatalog.render.dispatch import render_diff as library_render_diff
from govcatalog.render.dispatch import render_report as library_render_report
from govcatalog.render.dispatch import render_score as library_render_score
from govcatalog.report import Lang, Report, Severity
from govcatalog.score import assess_document, assessment_to_dict
from govcatalog.service.deps import StateDep, read_parts, read_upload, run
from govcatalog.service.documents import report_document
from govcatalog.service.fastjson import dumps
from govcatalog.service.negotiate import (
    DIFF_MEDIA,
    REPORT_MEDIA,
    SCORE_MEDIA,
    diff_format,
    report_format,
    score_format,
)
from govcatalog.service.problems import Problem
from govcatalog.service.state import ServiceState
from govcatalog.service.uploads import Upload, media_type, open_upload
from govcatalog.validate import ValidationOptions

router = APIRouter(tags=["catalogs"])

CATALOG_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The catalog: the raw body with its Content-Type, or a multipart "
        "part named `file` (its file name's suffix tells the format).",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/yaml": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/xml": {"schema": {"type": "string"}},
            "text/turtle": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {"type": "string", "format": "binary"}
            },
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

PackQuery = Annotated[
    str | None,
    Query(
        description="Pack reference, e.g. `gb-1272@^1` (default: the national pack).",
        max_length=200,
    ),
]
LangQuery = Annotated[Lang, Query(description="Language of messages.")]
InputQuery = Annotated[
    InputFormat | None,
    Query(alias="input", description="Input format (default: file name, then Content-Type)."),
]
TodayQuery = Annotated[
    dt.date | None, Query(description="Day of validation for date rules (default: today).")
]


COMPLETE = (
    "JSON only: the whole result, every field, for a client to rebuild the library's "
    "result type from (govcatalog.client), instead of the form to read."
)


def pack_for(state: ServiceState, ref: str | None) -> Pack:
    """The pack named, or 404 / 400."""
    try:
        return state.pack(ref or DEFAULT_PACK)
    except UnknownPack as exc:
        raise Problem(
            404, "not-found", str(exc), extra={"available": list(exc.available)}
        ) from None
    except ValueError as exc:
        raise Problem(400, "invalid-request", f"pack {ref!r}: {exc}") from None


def unreadable(report: Report, exc: LoadError, lang: Lang) -> Problem:
    """The 422 problem for input that cannot be read, with its GC-S001 finding."""
    return Problem(
        422,
        "unreadable",
        str(exc),
        code="GC-S001",
        extra={"findings": report_document(report, lang)["findings"]},
    )


def _validate(
    state: ServiceState,
    upload: Upload,
    pack_ref: str | None,
    fmt: InputFormat | None,
    options: ValidationOptions,
    lang: Lang,
) -> Report:
    pack = pack_for(state, pack_ref)
    validator = state.validator(pack, options)
    try:
        return validator.validate_document(open_upload(upload, pack, fmt))
    except LoadError as exc:
        located = LoadError(upload.label, exc.reason_zh, exc.reason_en, exc.line, exc.column)
        raise unreadable(validator.unreadable(located), located, lang) from None


def render_report(
    report: Report, fmt: ReportFormat, lang: Lang, pack: Pack, fail_on: Severity
) -> str:
    """The report in the rendering asked for.

    JSON carries every finding in both languages (:func:`report_document`) so that a client
    can rebuild the report; every other rendering is the library's.
    """
    if fmt is ReportFormat.JSON:
        return dumps(report_document(report, lang)).decode("utf-8")
    return library_render_report(report, fmt, lang=lang, pack=pack, fail_on=fail_on)


@router.post(
    "/validate",
    summary="Validate a catalog",
    openapi_extra=CATALOG_BODY,
    responses={
        200: {
            "description": "The report (findings are data: a catalog with errors is still 200). "
            "`Govcatalog-Conforms` says whether it has no error.",
            "content": {m.split(";")[0]: {} for m in REPORT_MEDIA.values()},
        },
        422: {"description": "Unreadable input: problem details with code GC-S001."},
    },
)
async def validate_endpoint(
    request: Request,
    state: StateDep,
    pack: PackQuery = None,
    lang: LangQuery = Lang.ZH,
    format: Annotated[
        ReportFormat | None, Query(description="Report rendering (else Accept).")
    ] = None,
    input_format: InputQuery = None,
    today: TodayQuery = None,
    select: Annotated[list[str] | None, Query(description="Report only these codes.")] = None,
    ignore: Annotated[list[str] | None, Query(description="Never report these codes.")] = None,
    fail_on: Annotated[
        Severity, Query(description="JUnit: failures at or above.")
    ] = Severity.ERROR,
    max_findings: Annotated[int | None, Query(ge=0, description="Stop after this many.")] = None,
) -> Response:
    """Validate one catalog (JSON, YAML, xlsx, CSV, XML or RDF) against a pack."""
    rendering = report_format(format, request.headers.get("accept"))
    upload = await read_upload(request)
    limit = state.settings.max_findings
    options = ValidationOptions(
        today=today,
        select=frozenset(select) if select else None,
        ignore=frozenset(ignore or ()),
        max_findings=min(max_findings, limit) if max_findings is not None else limit,
    )
    report = await run(request, _validate, state, upload, pack, input_format, options, lang)
    the_pack = await run(request, pack_for, state, pack)
    text = await run(request, render_report, report, rendering, lang, the_pack, fail_on)
    headers = {
        "Govcatalog-Conforms": "true" if report.conforms else "false",
        "Govcatalog-Pack": report.pack,
    }
    return Response(text, media_type=REPORT_MEDIA[rendering], headers=headers)


def score_upload(
    state: ServiceState,
    upload: Upload,
    pack_ref: str | None,
    fmt: InputFormat | None,
    today: dt.date | None,
    lang: Lang,
    rendering: ScoreFormat,
    complete: bool = False,
) -> str:
    pack = pack_for(state, pack_ref)
    try:
        result = assess_document(open_upload(upload, pack, fmt), pack, today=today)
    except LoadError as exc:
        located = LoadError(upload.label, exc.reason_zh, exc.reason_en, exc.line, exc.column)
        report = state.validator(pack, ValidationOptions()).unreadable(located)
        raise unreadable(report, located, lang) from None
    except GovCatalogError as exc:
        raise Problem(422, "invalid-request", str(exc)) from None
    if rendering is ScoreFormat.JSON:
        document = result.to_document() if complete else assessment_to_dict(result)
        return dumps(document).decode("utf-8")
    return library_render_score(result, rendering, lang=lang)


@router.post("/score", summary="Score a catalog's quality", openapi_extra=CATALOG_BODY)
async def score_endpoint(
    request: Request,
    state: StateDep,
    pack: PackQuery = None,
    lang: LangQuery = Lang.ZH,
    format: Annotated[ScoreFormat | None, Query(description="Rendering (else Accept).")] = None,
    input_format: InputQuery = None,
    today: Annotated[dt.date | None, Query(description="Judge timeliness on this day.")] = None,
    complete: Annotated[bool, Query(description=COMPLETE)] = False,
) -> Response:
    """Score a catalog: completeness, conformance, openness and sharing, timeliness (0-100)."""
    rendering = score_format(format, request.headers.get("accept"))
    upload = await read_upload(request)
    text = await run(
        request, score_upload, state, upload, pack, input_format, today, lang, rendering, complete
    )
    return Response(text, media_type=SCORE_MEDIA[rendering])


def side_of(source: Upload | Mapping[str, Any], pack: Pack, label: str) -> Side:
    """One side of a diff read from an upload or a JSON document (422 when unreadable)."""
    name = source.filename or label if isinstance(source, Upload) else f"{label}.json"
    try:
        if isinstance(source, Upload):
            return load_side(open_upload(source, pack), pack, label=name)
        return load_side(source, pack, label=name)
    except LoadError as exc:
        located = LoadError(name, exc.reason_zh, exc.reason_en, exc.line, exc.column)
        raise Problem(422, "unreadable", str(located), code="GC-S001") from None


def render_diff(old: Side, new: Side, pack: Pack, fmt: DiffFormat, lang: Lang) -> str:
    """Compare two sides and render the changes."""
    return library_render_diff(compare(old, new, field_names(pack)), fmt, lang=lang)


def _diff(
    state: ServiceState,
    parts: Mapping[str, Upload | Mapping[str, Any]],
    pack_ref: str | None,
    fmt: DiffFormat,
    lang: Lang,
) -> str:
    pack = pack_for(state, pack_ref)
    old = side_of(parts["old"], pack, "old")
    new = side_of(parts["new"], pack, "new")
    return render_diff(old, new, pack, fmt, lang)


def _json_sides(body: bytes) -> dict[str, Mapping[str, Any]]:
    """The two catalogs of a JSON diff body, each read as a JSON catalog file would be."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(422, "unreadable", f"body: not JSON: {exc}", code="GC-S001") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), dict) for k in ("old", "new")):
        raise Problem(422, "invalid-request", 'expected {"old": {catalog}, "new": {catalog}}')
    return {k: data[k] for k in ("old", "new")}


@router.post(
    "/diff",
    summary="Compare two versions of a catalog",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "Multipart parts `old` and `new` (any catalog format), or JSON "
            '`{"old": {…}, "new": {…}}` of canonical catalog documents.',
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "old": {"type": "string", "format": "binary"},
                            "new": {"type": "string", "format": "binary"},
                        },
                        "required": ["old", "new"],
                    }
                },
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"old": {"type": "object"}, "new": {"type": "object"}},
                        "required": ["old", "new"],
                    }
                },
            },
        }
    },
)
async def diff_endpoint(
    request: Request,
    state: StateDep,
    pack: PackQuery = None,
    lang: LangQuery = Lang.ZH,
    format: Annotated[DiffFormat | None, Query(description="Rendering (else Accept).")] = None,
) -> Response:
    """Every change between two versions, classified breaking / compatible / editorial."""
    rendering = diff_format(format, request.headers.get("accept"))
    kind = media_type(request.headers.get("content-type"))
    parts: Mapping[str, Upload | Mapping[str, Any]]
    if kind == "multipart/form-data":
        parts = await read_parts(request, ("old", "new"))
    else:
        parts = _json_sides(await request.body())
    text = await run(request, _diff, state, parts, pack, rendering, lang)
    return Response(text, media_type=DIFF_MEDIA[rendering])
