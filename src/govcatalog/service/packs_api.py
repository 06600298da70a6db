"""The pack registry over HTTP: list, read, build, publish, and move a version's status."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from govcatalog.errors import (
    AlreadyPublished,
    GovCatalogError,
    PackError,
    PublishError,
    StatusChangeError,
    UnknownPack,
)
from govcatalog.pack_check import check_pack
from govcatalog.packs.build import ArtefactKind
from govcatalog.packs.compat import CompatMode, check_compat
from govcatalog.packs.content import pack_files
from govcatalog.packs.memtree import MemoryTree
from govcatalog.packs.pack import Pack, PackStatus
from govcatalog.packs.published import (
    PublishedPack,
)
from govcatalog.packs.registry import PackRegistry, PackSource
from govcatalog.packs.versions import PackRef
from govcatalog.service.archives import pack_archive, unpack_archive
from govcatalog.service.artefacts import Built, build_all
from govcatalog.service.deps import StateDep, TokenDep, read_upload, require, run
from govcatalog.service.documents import compat_document, published_document, source_document
from govcatalog.service.problems import Problem
from govcatalog.service.state import ServiceState

router = APIRouter(prefix="/packs", tags=["registry"])

PackId = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", description="Pack id.")]
VersionText = Annotated[str, Path(pattern=r"^\d{1,6}\.\d{1,6}\.\d{1,6}$", description="x.y.z")]


class StatusChangeIn(BaseModel):
    """A new status for a published version."""

    status: PackStatus = Field(description="draft, active, superseded or retired.")


class ModeIn(BaseModel):
    """The compatibility mode new versions of a pack are checked against."""

    mode: CompatMode


def _sources(state: ServiceState, pack_id: str | None = None) -> list[PackSource]:
    found = [s for s in state.registry().sources() if pack_id is None or s.id == pack_id]
    # the same version from two origins (installed and published alike) is listed once
    seen: dict[str, PackSource] = {}
    for s in found:
        seen.setdefault(s.ref, s)
    return list(seen.values())


@router.get("", summary="List packs and their versions")
async def list_packs(request: Request, state: StateDep) -> dict[str, Any]:
    """Every pack id with its versions, statuses and origins (installed or registry)."""
    sources = await run(request, _sources, state)
    packs: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        packs.setdefault(s.id, []).append(source_document(s))
    return {"packs": [{"id": k, "versions": v} for k, v in sorted(packs.items())]}


@router.get("/{pack_id}", summary="A pack's versions")
async def pack_versions(request: Request, state: StateDep, pack_id: PackId) -> dict[str, Any]:
    """The versions of one pack and its compatibility mode."""
    sources = await run(request, _sources, state, pack_id)
    if not sources:
        raise Problem(404, "not-found", f"no pack {pack_id!r}")
    mode = await run(request, state.access.pack_mode, pack_id, state.settings.default_mode.value)
    return {"id": pack_id, "mode": mode, "versions": [source_document(s) for s in sources]}


@router.get("/{pack_id}/mode", summary="A pack's compatibility mode")
async def get_mode(request: Request, state: StateDep, pack_id: PackId) -> dict[str, str]:
    """The mode new versions are checked against (``backward`` unless set)."""
    mode = await run(request, state.access.pack_mode, pack_id, state.settings.default_mode.value)
    return {"id": pack_id, "mode": mode}


@router.put("/{pack_id}/mode", summary="Set a pack's compatibility mode", name="mode")
async def put_mode(
    request: Request, state: StateDep, token: TokenDep, pack_id: PackId, body: ModeIn
) -> dict[str, str]:
    """Set the mode (scope ``publish:<pack-id>`` or ``admin``)."""
    request.state.target = pack_id
    require(token, f"publish:{pack_id}")
    await run(request, state.access.set_pack_mode, pack_id, body.mode.value, token.name)
    request.state.detail = body.mode.value
    return {"id": pack_id, "mode": body.mode.value}


def _exact(state: ServiceState, pack_id: str, version: str) -> tuple[PackSource, Pack]:
    ref = f"{pack_id}@{version}"
    try:
        registry = state.registry()
        source = registry.resolve(PackRef.parse(ref))
        return source, state.pack(ref)
    except UnknownPack:
        raise Problem(404, "not-found", f"no pack version {ref}") from None
    except (PackError, ValueError) as exc:
        raise Problem(422, "invalid-pack", str(exc)) from None


def _published(state: ServiceState, pack_id: str, version: str) -> PublishedPack | None:
    for p in state.packs.versions(pack_id):
        if str(p.version) == version:
            return p
    return None


def _version_doc(state: ServiceState, pack_id: str, version: str, base: str) -> dict[str, Any]:
    source, pack = _exact(state, pack_id, version)
    published = _published(state, pack_id, version)
    meta = dict(pack.raw_manifest.get("pack", {}))  # type: ignore[call-overload]
    return {
        **source_document(source),
        "id": pack.id,
        "lineage": list(pack.lineage),
        "manifest": meta,
        "published": published_document(published) if published else None,
        "links": {
            "manifest": f"{base}/manifest",
            "archive": f"{base}/archive",
            "artefacts": {k.value: f"{base}/artefacts/{k.value}" for k in ArtefactKind},
        },
    }


@router.get("/{pack_id}/{version}", summary="A pack version")
async def pack_version(
    request: Request, state: StateDep, pack_id: PackId, version: VersionText
) -> dict[str, Any]:
    """A version's manifest (``pack.toml``), lineage, status and links to its artefacts."""
    base = f"/packs/{pack_id}/{version}"
    return await run(request, _version_doc, state, pack_id, version, base)


def _built(state: ServiceState, pack_id: str, version: str) -> Built:
    source, pack = _exact(state, pack_id, version)
    key = f"{source.origin}|{source.ref}"
    return state.cached_build(key, lambda: build_all(pack))


@router.get("/{pack_id}/{version}/manifest", summary="The build manifest of a pack version")
async def build_manifest(
    request: Request, state: StateDep, pack_id: PackId, version: VersionText
) -> dict[str, Any]:
    """Every built artefact with its path, sha256 and size (as ``pack build`` writes it)."""
    built = await run(request, _built, state, pack_id, version)
    return {
        **built.manifest,
        "etags": {k.value: f'"{a.sha256}"' for k, a in sorted(built.artefacts.items())},
    }


@router.get(
    "/{pack_id}/{version}/artefacts/{kind}",
    summary="A built artefact",
    responses={
        200: {"description": "The artefact; ETag is its sha256.", "content": {"*/*": {}}},
        304: {"description": "Unchanged (If-None-Match matched)."},
    },
)
async def artefact(
    request: Request, state: StateDep, pack_id: PackId, version: VersionText, kind: ArtefactKind
) -> Response:
    """JSON Schema, SHACL, XSD, xlsx template, docs or the effective pack, with ETag."""
    built = await run(request, _built, state, pack_id, version)
    found = built.artefacts.get(kind)
    if found is None:
        raise Problem(404, "not-found", f"{pack_id}@{version} has no {kind.value} artefact")
    etag = f'"{found.sha256}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=300",
        "Content-Disposition": f'attachment; filename="{found.filename}"',
    }
    wanted = request.headers.get("if-none-match", "")
    if etag in [t.strip() for t in wanted.split(",")] or wanted.strip() == "*":
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)


def _archive(state: ServiceState, pack_id: str, version: str) -> bytes:
    source, _ = _exact(state, pack_id, version)
    return pack_archive(pack_files(source.root))


@router.get(
    "/{pack_id}/{version}/archive",
    summary="A pack version's files as a zip",
    responses={200: {"content": {"application/zip": {}}}},
)
async def archive(
    request: Request, state: StateDep, pack_id: PackId, version: VersionText
) -> Response:
    """The pack folder (``pack.toml`` and its files) as a zip, usable with ``--pack``."""
    body = await run(request, _archive, state, pack_id, version)
    return Response(
        body,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{pack_id}-{version}.zip"'},
    )


@router.put("/{pack_id}/{version}/status", summary="Change a version's status", name="status")
async def put_status(
    request: Request,
    state: StateDep,
    token: TokenDep,
    pack_id: PackId,
    version: VersionText,
    body: StatusChangeIn,
) -> dict[str, Any]:
    """Move a published version along its lifecycle (scope ``publish:<pack-id>``).

    Allowed: draft → active, active → superseded, active → retired, superseded → retired;
    anything else is 409.
    """
    request.state.target = f"{pack_id}@{version}"
    require(token, f"publish:{pack_id}")
    try:
        change = await run(request, state.packs.set_status, pack_id, version, body.status)
    except StatusChangeError as exc:
        raise Problem(409, "conflict", str(exc)) from None
    except LookupError as exc:
        raise Problem(404, "not-found", str(exc)) from None
    state.refresh()
    request.state.detail = f"{change.old.value} -> {change.new.value}"
    return {
        "ref": change.ref,
        "old": change.old.value,
        "new": change.new.value,
        "changed_at": change.changed_at.isoformat(),
        "changed_by": token.name,
    }


def _check(tree: MemoryTree, registry: PackRegistry) -> Pack:
    result = check_pack(tree, registry)
    if not result.ok or result.pack is None:
        problems = [{"file": p.file, "line": p.line, "message": p.message} for p in result.problems]
        detail = "; ".join(
            f"{p['file']}{'' if p['line'] is None else ':' + str(p['line'])}: {p['message']}"
            for p in problems[:5]
        )
        raise Problem(
            422, "invalid-pack", detail or "the pack is invalid", extra={"problems": problems}
        )
    return result.pack


def _publish(
    state: ServiceState, files: dict[str, bytes], allow_draft: bool, token_scopes: Any
) -> tuple[PublishedPack, dict[str, Any] | None]:
    tree = MemoryTree(files, "upload")
    registry = state.registry()
    try:
        pack = _check(tree, registry)
    except (GovCatalogError, ValueError) as exc:
        raise Problem(422, "invalid-pack", str(exc)) from None
    token_scopes(pack)
    mode = CompatMode(state.access.pack_mode(pack.id, state.settings.default_mode.value))
    try:
        report = state.packs.check_publish(pack, mode)
    except AlreadyPublished as exc:
        raise Problem(409, "conflict", str(exc), extra={"ref": pack.ref}) from None
    except PublishError as exc:
        older = [p for p in state.packs.versions(pack.id) if p.version < pack.version]
        compat = check_compat(pack, [registry.load(p.ref) for p in older], mode)
        raise Problem(
            409,
            "incompatible",
            str(exc),
            extra={"ref": pack.ref, **compat_document(compat)},
        ) from None
    try:
        published = state.packs.publish(tree, registry=registry, mode=mode, allow_draft=allow_draft)
    except AlreadyPublished as exc:
        raise Problem(409, "conflict", str(exc), extra={"ref": pack.ref}) from None
    except PublishError as exc:
        raise Problem(422, "invalid-pack", str(exc)) from None
    except GovCatalogError as exc:
        raise Problem(422, "invalid-pack", str(exc)) from None
    state.refresh()
    return published, compat_document(report) if report is not None else None


@router.post(
    "",
    summary="Publish a new pack version",
    status_code=201,
    name="publish",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "The pack folder as a zip (`pack.toml` at its root or in one folder), "
            "raw or as the multipart part `file`.",
            "content": {
                "application/zip": {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
    responses={
        201: {"description": "Published."},
        409: {"description": "Published already, or incompatible (the incompatibilities as JSON)."},
        422: {"description": "The pack is invalid (its problems with file and line)."},
    },
)
async def publish(
    request: Request,
    state: StateDep,
    token: TokenDep,
    allow_draft: Annotated[bool, Query(description="Publish a draft as a draft.")] = False,
) -> JSONResponse:
    """Check and publish a pack version (scope ``publish:<pack-id>``); immutable once published.

    The version is checked against the versions already published under the pack's
    compatibility mode (``GET /packs/{id}/mode``); a change that breaks it needs a new
    major version.
    """
    upload = await read_upload(request)
    files = unpack_archive(upload.data, state.settings.max_upload_bytes * 4)

    def scopes(pack: Pack) -> None:
        request.state.target = pack.ref
        require(token, f"publish:{pack.id}")

    published, compat = await run(request, _publish, state, files, allow_draft, scopes)
    body = {**published_document(published), "compatibility": compat}
    location = quote(f"/packs/{published.id}/{published.version}")
    return JSONResponse(body, status_code=201, headers={"Location": location})
