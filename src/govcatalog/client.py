"""A client of the govcatalog service, answering with the library's own result types.

Needs the ``client`` extra (httpx)::

    from govcatalog.client import Client
    with Client("https://catalog.example.gov.cn", token="gct_…") as client:
        report = client.validate("catalog.xlsx")          # a govcatalog.Report
        print(report.conforms, len(report))
        client.publish("standards/city-pack/1.1.0")        # a PublishedPack

Errors the service answers are raised as :class:`ServiceError` (an incompatible publish as
:class:`IncompatiblePack`, with the incompatibilities); an unreadable catalog gives a report
with its ``GC-S001`` finding, as :func:`govcatalog.validate` does.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from govcatalog.errors import IncompatiblePack, ServiceError
from govcatalog.packs.content import pack_files
from govcatalog.packs.pack import PackStatus
from govcatalog.packs.published import PublishedPack, StatusChange
from govcatalog.packs.versions import Version
from govcatalog.report import Lang, Report
from govcatalog.store.history import CatalogVersion

if TYPE_CHECKING:
    import httpx

    from govcatalog.diff.result import CatalogDiff
    from govcatalog.resolve.resolver import Resolution
    from govcatalog.score.assess import Assessment

__all__ = [
    "MISSING_EXTRA",
    "Client",
    "IncompatiblePack",
    "ServiceError",
    "Source",
    "report_from_document",
]

MISSING_EXTRA = "the client needs the 'client' extra: pip install 'govcatalog[client]' (httpx)"

Source = str | Path | bytes | Mapping[str, Any]
"""A catalog to send: a file path, its bytes, or a JSON document."""


def report_from_document(doc: Mapping[str, Any]) -> Report:
    """The :class:`~govcatalog.report.Report` of the service's JSON report."""
    return Report.from_dict(doc)


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _published(d: Mapping[str, Any]) -> PublishedPack:
    return PublishedPack(
        str(d["id"]),
        Version.parse(str(d["version"])),
        str(d["status"]),
        d.get("extends"),
        str(d["content_hash"]),
        _moment(str(d["published_at"])),
    )


def _version(d: Mapping[str, Any]) -> CatalogVersion:
    return CatalogVersion(
        str(d["catalog"]),
        int(d["number"]),
        str(d["sha256"]),
        dt.date.fromisoformat(str(d["effective"])),
        _moment(str(d["created_at"])),
        d.get("label"),
        int(d["resource_count"]),
    )


def _zip_folder(folder: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(pack_files(folder).items()):
            archive.writestr(name, data)
    return out.getvalue()


class Client:
    """Talks to a govcatalog service.

    Args:
        base_url: The service's address, e.g. ``http://127.0.0.1:8000``.
        token: A bearer token (``gct_…``) for writes; reads need none.
        timeout: Seconds to wait for an answer.
        transport: An httpx transport (e.g. ``httpx.MockTransport`` in tests).
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 120.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        try:
            import httpx  # noqa: PLC0415 - the client extra
        except ImportError:  # pragma: no cover - depends on the installation
            raise ImportError(MISSING_EXTRA) from None
        headers = {"User-Agent": "govcatalog-client"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = self._http.request(method, url, **kwargs)
        if response.status_code >= 400:
            raise self._error(response)
        return response

    @staticmethod
    def _error(response: httpx.Response) -> ServiceError:
        try:
            doc = response.json()
        except ValueError:
            doc = {"detail": response.text[:500]}
        if not isinstance(doc, dict):
            doc = {"detail": str(doc)[:500]}
        kind = str(doc.get("type", "")).rsplit("problem-", 1)[-1] or "error"
        cls = IncompatiblePack if kind == "incompatible" else ServiceError
        return cls(response.status_code, kind, str(doc.get("detail", "")), doc.get("code"), doc)

    @staticmethod
    def _body(source: Source, filename: str | None) -> dict[str, Any]:
        if isinstance(source, Mapping):
            return {
                "content": json.dumps(source, ensure_ascii=False).encode("utf-8"),
                "headers": {"Content-Type": "application/json"},
            }
        if isinstance(source, bytes):
            name = filename or "catalog.json"
            return {"files": {"file": (name, source)}}
        path = Path(source)
        return {"files": {"file": (filename or path.name, path.read_bytes())}}

    # ------------------------------------------------------------------ catalogs
    def validate(
        self,
        source: Source,
        *,
        pack: str | None = None,
        today: dt.date | None = None,
        filename: str | None = None,
    ) -> Report:
        """Validate a catalog on the service; the report, as :func:`govcatalog.validate` gives.

        Args:
            source: A catalog file, its bytes (name them with ``filename``), or a JSON document.
            pack: Pack reference (default: the national pack).
            today: Day of validation for date rules.
            filename: Name whose suffix tells the format of ``source`` bytes.
        """
        params: dict[str, str] = {"format": "json"}
        if pack:
            params["pack"] = pack
        if today:
            params["today"] = today.isoformat()
        try:
            response = self._send(
                "POST", "/validate", params=params, **self._body(source, filename)
            )
        except ServiceError as exc:
            if exc.code == "GC-S001" and exc.document.get("findings"):
                return report_from_document(
                    {
                        "findings": exc.document["findings"],
                        "stats": {"files": 1},
                        "pack": pack or "",
                    }
                )
            raise
        return report_from_document(response.json())

    def render(
        self,
        source: Source,
        fmt: str,
        *,
        pack: str | None = None,
        lang: Lang = Lang.ZH,
        filename: str | None = None,
    ) -> str:
        """The report as the service renders it: json, sarif, junit, html, csv or markdown."""
        params = {"format": fmt, "lang": lang.value, **({"pack": pack} if pack else {})}
        return self._send("POST", "/validate", params=params, **self._body(source, filename)).text

    def score(
        self,
        source: Source,
        *,
        pack: str | None = None,
        today: dt.date | None = None,
        filename: str | None = None,
    ) -> Assessment:
        """The quality assessment, as :func:`govcatalog.score` gives it (its report too)."""
        from govcatalog.score.assess import Assessment  # noqa: PLC0415 - loaded on use

        params = {"format": "json", "complete": "true", **({"pack": pack} if pack else {})}
        if today:
            params["today"] = today.isoformat()
        response = self._send("POST", "/score", params=params, **self._body(source, filename))
        return Assessment.from_document(response.json())

    def diff(
        self, old: Source, new: Source, *, pack: str | None = None, lang: Lang = Lang.ZH
    ) -> CatalogDiff:
        """The classified changes, as :func:`govcatalog.diff` gives them (without the patch
        plan: ask for ``format=patch`` with :meth:`render_diff` for the JSON Patch)."""
        from govcatalog.diff.load import field_names  # noqa: PLC0415 - loaded on use
        from govcatalog.diff.result import CatalogDiff  # noqa: PLC0415
        from govcatalog.packs.registry import DEFAULT_PACK, get_pack  # noqa: PLC0415

        doc = self._send("POST", "/diff", **self._diff_body(old, new, pack, lang, "json")).json()
        return CatalogDiff.from_dict(doc, field_names(get_pack(pack or DEFAULT_PACK)))

    def render_diff(
        self,
        old: Source,
        new: Source,
        fmt: str,
        *,
        pack: str | None = None,
        lang: Lang = Lang.ZH,
    ) -> str:
        """The changes as the service renders them: json, markdown, patch or text."""
        return self._send("POST", "/diff", **self._diff_body(old, new, pack, lang, fmt)).text

    @staticmethod
    def _diff_body(
        old: Source, new: Source, pack: str | None, lang: Lang, fmt: str
    ) -> dict[str, Any]:
        params = {"lang": lang.value, "format": fmt, **({"pack": pack} if pack else {})}
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            return {"params": params, "json": {"old": dict(old), "new": dict(new)}}
        files = {}
        for name, src in (("old", old), ("new", new)):
            if isinstance(src, Mapping):
                files[name] = (f"{name}.json", json.dumps(src, ensure_ascii=False).encode())
            elif isinstance(src, bytes):
                files[name] = (f"{name}.json", src)
            else:
                files[name] = (Path(src).name, Path(src).read_bytes())
        return {"params": params, "files": files}

    def resolve(
        self,
        request: Mapping[str, Any],
        *,
        today: dt.date | None = None,
        accept: float | None = None,
    ) -> Resolution:
        """Resolve a data request (the JSON form ``govcatalog resolve`` reads), as
        :func:`govcatalog.resolve.resolve` does against the service's base databases."""
        from govcatalog.render.documents import resolution_from_document  # noqa: PLC0415

        params = {"complete": "true", **({"today": today.isoformat()} if today else {})}
        if accept is not None:
            params["accept"] = str(accept)
        response = self._send("POST", "/resolve", params=params, json=dict(request))
        return resolution_from_document(response.json())

    # ------------------------------------------------------------------ registry
    def packs(self) -> dict[str, list[dict[str, Any]]]:
        """Every pack id with its versions (``version``, ``status``, ``origin``)."""
        doc = self._send("GET", "/packs").json()
        return {p["id"]: p["versions"] for p in doc["packs"]}

    def pack(self, pack_id: str, version: str) -> dict[str, Any]:
        """A version's manifest, lineage, status and artefact links."""
        data: dict[str, Any] = self._send("GET", f"/packs/{pack_id}/{version}").json()
        return data

    def artefact(self, pack_id: str, version: str, kind: str) -> bytes:
        """A built artefact (json-schema, shacl, xsd, xlsx-template, docs, effective)."""
        return self._send("GET", f"/packs/{pack_id}/{version}/artefacts/{kind}").content

    def publish(self, folder: str | Path, *, allow_draft: bool = False) -> PublishedPack:
        """Publish the pack in ``folder`` (needs scope ``publish:<pack-id>``).

        Raises:
            IncompatiblePack: When it breaks the pack's compatibility mode.
            ServiceError: When it is published already (409), invalid (422) or not allowed.
        """
        params = {"allow_draft": "true"} if allow_draft else {}
        response = self._send(
            "POST",
            "/packs",
            params=params,
            content=_zip_folder(Path(folder)),
            headers={"Content-Type": "application/zip"},
        )
        return _published(response.json())

    def set_status(self, pack_id: str, version: str, status: PackStatus) -> StatusChange:
        """Change a published version's status (needs scope ``publish:<pack-id>``)."""
        d = self._send(
            "PUT", f"/packs/{pack_id}/{version}/status", json={"status": status.value}
        ).json()
        return StatusChange(
            d["ref"], PackStatus(d["old"]), PackStatus(d["new"]), _moment(d["changed_at"])
        )

    # ------------------------------------------------------------------ history
    def add_version(
        self,
        catalog: str,
        source: Source,
        *,
        effective: dt.date | None = None,
        label: str | None = None,
        filename: str | None = None,
    ) -> CatalogVersion:
        """Store a catalog as the next version of ``catalog`` (needs ``history:<catalog>``)."""
        params = {
            **({"effective": effective.isoformat()} if effective else {}),
            **({"label": label} if label else {}),
        }
        response = self._send(
            "POST", f"/history/{catalog}", params=params, **self._body(source, filename)
        )
        return _version(response.json())

    def versions(self, catalog: str) -> list[CatalogVersion]:
        """The stored versions of ``catalog``, oldest first."""
        doc = self._send("GET", f"/history/{catalog}").json()
        return [_version(v) for v in doc["versions"]]

    def document(self, catalog: str, which: str = "latest") -> dict[str, Any]:
        """The canonical JSON document of a stored version (``v3``, ``latest``, a day)."""
        doc: dict[str, Any] = self._send("GET", f"/history/{catalog}/{which}").json()["document"]
        return doc
