"""``pack build``: the artefacts of an effective pack, with a manifest of content hashes.

Each kind of artefact is produced by a builder named as ``"module:function"`` in
:data:`ARTEFACTS` and imported only when built. A builder takes the effective
:class:`~govcatalog.packs.pack.Pack` and returns the artefact: text or bytes (one file
under the kind's default name), a mapping of relative paths to text or bytes, a JSON
document (dict or list), an RDF graph (written as Turtle), an XML element, or a
workbook (anything with ``save(file)``). A builder whose module is not installed is
skipped with its reason in the manifest, so a kind can be added before its module.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from govcatalog._lazy import load_function
from govcatalog.errors import BuildError, GovCatalogError
from govcatalog.packs.pack import Pack


class ArtefactKind(StrEnum):
    """Kinds of artefact a pack builds into."""

    JSON_SCHEMA = "json-schema"
    SHACL = "shacl"
    XSD = "xsd"
    XLSX_TEMPLATE = "xlsx-template"
    DOCS = "docs"
    EFFECTIVE = "effective"


@dataclass(frozen=True, slots=True)
class ArtefactSpec:
    """How one kind of artefact is built.

    Attributes:
        builder: ``"module:function"`` taking the effective pack.
        filename: File name when the builder returns a single document.
    """

    builder: str
    filename: str


_S = ArtefactSpec
ARTEFACTS: Mapping[ArtefactKind, ArtefactSpec] = {
    ArtefactKind.JSON_SCHEMA: _S("govcatalog.schema:build_json_schema", "catalog.schema.json"),
    ArtefactKind.SHACL: _S("govcatalog.rdf.shapes:build_shapes", "shapes.ttl"),
    ArtefactKind.XSD: _S("govcatalog.io.xml_schema:xsd_text", "catalog.xsd"),
    ArtefactKind.XLSX_TEMPLATE: _S("govcatalog.packs.build:xlsx_template", "template.xlsx"),
    ArtefactKind.DOCS: _S("govcatalog.packs.docs:build_docs", "docs/reference.md"),
    ArtefactKind.EFFECTIVE: _S("govcatalog.packs.effective:dump_effective", "effective-pack.toml"),
}
"""The builder of each artefact kind."""

MANIFEST = "manifest.json"
"""Name of the manifest written next to the artefacts."""


@dataclass(frozen=True, slots=True)
class BuiltFile:
    """One file written by ``build``.

    Attributes:
        kind: The artefact kind.
        path: Path relative to the output folder.
        sha256: Content hash.
        size: Size in bytes.
    """

    kind: ArtefactKind
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """An artefact kind that was not built.

    Attributes:
        kind: The artefact kind.
        builder: Its builder.
        reason: Why.
    """

    kind: ArtefactKind
    builder: str
    reason: str


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` wrote.

    Attributes:
        pack: ``id@version`` of the effective pack.
        files: Every file written, sorted by path.
        skipped: Kinds not built, with the reason.
    """

    pack: str
    lineage: tuple[str, ...]
    files: tuple[BuiltFile, ...]
    skipped: tuple[Skipped, ...] = field(default=())

    def manifest(self) -> dict[str, Any]:
        """The manifest document (deterministic: no timestamps)."""
        return {
            "pack": self.pack,
            "lineage": list(self.lineage),
            "artefacts": [
                {"kind": f.kind.value, "path": f.path, "sha256": f.sha256, "bytes": f.size}
                for f in self.files
            ],
            "skipped": [
                {"kind": s.kind.value, "builder": s.builder, "reason": s.reason}
                for s in self.skipped
            ],
        }


_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible_zip(data: bytes) -> bytes:
    """The same workbook with fixed entry times and document dates, so builds hash alike."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME), body, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def xlsx_template(pack: Pack) -> bytes:
    """The pack's empty compilation workbook (adapter over the spreadsheet writer)."""
    sheet_writer = importlib.import_module("govcatalog.io.sheet_writer")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "template.xlsx"
        sheet_writer.write_workbook(path, pack)
        return _reproducible_zip(path.read_bytes())


def _load_builder(spec: str) -> Callable[[Pack], object]:
    return load_function(spec)


def _to_bytes(value: object, what: str) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, dict | list):
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    to_turtle = getattr(value, "to_turtle", None)
    if callable(to_turtle):  # shapes that know their Turtle form
        return str(to_turtle()).encode("utf-8")
    serialize = getattr(value, "serialize", None)
    if callable(serialize):  # an rdflib graph
        out = serialize(format="turtle")
        return out.encode("utf-8") if isinstance(out, str) else bytes(out)
    save = getattr(value, "save", None)
    if callable(save):  # an openpyxl workbook
        buf = io.BytesIO()
        save(buf)
        return buf.getvalue()
    if hasattr(value, "tag") and hasattr(value, "getroottree"):  # an lxml element
        etree = importlib.import_module("lxml.etree")
        text = etree.tostring(value, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return bytes(text)
    msg = f"{what}: the builder returned {type(value).__name__}, which is not an artefact"
    raise BuildError(msg)


def _outputs(kind: ArtefactKind, spec: ArtefactSpec, value: object) -> dict[str, bytes]:
    if isinstance(value, Mapping) and all(isinstance(k, str) and "." in k for k in value):
        return {str(k): _to_bytes(v, f"{kind}:{k}") for k, v in value.items()}
    return {spec.filename: _to_bytes(value, str(kind))}


def build_artefacts(
    pack: Pack,
    output: Path,
    kinds: Iterable[ArtefactKind] | None = None,
    artefacts: Mapping[ArtefactKind, ArtefactSpec] = ARTEFACTS,
) -> BuildResult:
    """Build the artefacts of ``pack`` into ``output`` and write ``manifest.json``.

    Args:
        pack: The effective pack.
        output: Output folder (created).
        kinds: Kinds to build (default: all in ``artefacts``).
        artefacts: The builder of each kind.

    Raises:
        BuildError: When a builder that could be imported fails.
    """
    chosen = list(kinds) if kinds is not None else list(artefacts)
    written: list[BuiltFile] = []
    skipped: list[Skipped] = []
    for kind in chosen:
        spec = artefacts[kind]
        try:
            builder = _load_builder(spec.builder)
        except ImportError as exc:
            skipped.append(Skipped(kind, spec.builder, f"module not available: {exc}"))
            continue
        except AttributeError as exc:
            skipped.append(Skipped(kind, spec.builder, str(exc)))
            continue
        try:
            value = builder(pack)
        except ModuleNotFoundError as exc:  # an adapter whose module is not installed
            skipped.append(Skipped(kind, spec.builder, f"module not available: {exc}"))
            continue
        except GovCatalogError:
            raise
        except Exception as exc:
            msg = f"{kind}: {spec.builder} failed: {exc}"
            raise BuildError(msg) from exc
        for rel, data in sorted(_outputs(kind, spec, value).items()):
            target = output / rel
            if output.resolve() not in target.resolve().parents:
                msg = f"{kind}: refusing to write outside the output folder: {rel}"
                raise BuildError(msg)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(BuiltFile(kind, rel, hashlib.sha256(data).hexdigest(), len(data)))
    result = BuildResult(
        pack.ref, pack.lineage, tuple(sorted(written, key=lambda f: f.path)), tuple(skipped)
    )
    output.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result.manifest(), ensure_ascii=False, indent=2) + "\n"
    (output / MANIFEST).write_text(text, encoding="utf-8")
    return result
