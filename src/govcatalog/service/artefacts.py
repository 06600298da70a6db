"""A pack version's built artefacts, held in memory with their sha256 (the ETag)."""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcatalog.packs.build import ArtefactKind, build_artefacts
from govcatalog.packs.pack import Pack

KIND_MEDIA: Mapping[ArtefactKind, str] = {
    ArtefactKind.JSON_SCHEMA: "application/schema+json",
    ArtefactKind.SHACL: "text/turtle; charset=utf-8",
    ArtefactKind.XSD: "application/xml",
    ArtefactKind.XLSX_TEMPLATE: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    ArtefactKind.DOCS: "text/markdown; charset=utf-8",
    ArtefactKind.EFFECTIVE: "application/toml; charset=utf-8",
}
"""The media type of each artefact kind (a kind built into several files is sent as a zip)."""


@dataclass(frozen=True, slots=True)
class Artefact:
    """One artefact kind, ready to send.

    Attributes:
        kind: The kind.
        filename: File name to offer.
        media_type: Its media type.
        body: Its bytes.
        sha256: Hash of the bytes (the ETag).
    """

    kind: ArtefactKind
    filename: str
    media_type: str
    body: bytes
    sha256: str


@dataclass(frozen=True, slots=True)
class Built:
    """Every artefact of one pack version, and the build manifest.

    Attributes:
        manifest: ``manifest.json`` as ``pack build`` writes it.
        artefacts: The artefact of each kind built.
    """

    manifest: dict[str, Any]
    artefacts: dict[ArtefactKind, Artefact]


def _zip(files: Mapping[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def build_all(pack: Pack) -> Built:
    """Build every artefact of ``pack`` (in a temporary folder, removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="govcatalog-build-") as tmp:
        result = build_artefacts(pack, Path(tmp))
        by_kind: dict[ArtefactKind, dict[str, bytes]] = {}
        for f in result.files:
            by_kind.setdefault(f.kind, {})[f.path] = (Path(tmp) / f.path).read_bytes()
    artefacts: dict[ArtefactKind, Artefact] = {}
    for kind, files in by_kind.items():
        if len(files) == 1:
            ((path, body),) = files.items()
            filename, media = Path(path).name, KIND_MEDIA[kind]
        else:
            body = _zip(files)
            filename, media = f"{pack.id}-{pack.version}-{kind.value}.zip", "application/zip"
        artefacts[kind] = Artefact(kind, filename, media, body, hashlib.sha256(body).hexdigest())
    return Built(result.manifest(), artefacts)
