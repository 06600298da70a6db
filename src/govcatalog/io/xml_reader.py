"""Reading catalogs in the pack's XML exchange form, safely.

Untrusted XML is bounded in size and parsed with DTD loading, entity expansion and
network access switched off; a document with a DOCTYPE is refused outright (no
catalog needs one, and it is how entity bombs and external entities arrive). The
document is checked against the pack's XSD: structural errors are findings
(GC-S002) with their line; errors in single values are left to the rules, which
report them with the element's name. Each resource becomes a record keyed by the
field table's canonical names, with the line of every element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from govcatalog.errors import LoadError
from govcatalog.io.json_reader import read_bytes
from govcatalog.io.records import DocumentProblem, RawRecord, SourceDocument
from govcatalog.io.xml_schema import elements, xml_map, xml_schema
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack

DEFAULT_MAX_BYTES: Final = 256 * 1024**2
"""Largest XML input read by default (256 MiB)."""

_DOCTYPE: Final = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_VALUE_ERRORS: Final = ("ENUMERATION", "DATATYPE", "MININCLUSIVE", "MAXLENGTH", "PATTERN", "FACET")


@dataclass(frozen=True, slots=True)
class LineLocator:
    """Finds the line of a record's values from the elements' source lines."""

    lines: dict[str, int]

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Line of the element of ``pointer`` or of its nearest located parent."""
        probe = pointer
        while probe and probe not in self.lines:
            probe = probe.rpartition("/")[0]
        return self.lines.get(probe), None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_untrusted(raw: bytes, name: str) -> etree._ElementTree:
    """Parse untrusted XML bytes, refusing DTDs and entities.

    Raises:
        LoadError: On a DOCTYPE, an entity reference or a syntax error.
    """
    refused = LoadError(
        name,
        "XML 含有 DOCTYPE（文档类型定义），出于安全原因拒绝读取",
        "the XML has a DOCTYPE (document type definition); refused for safety",
    )
    if _DOCTYPE.search(raw[:65536]) or _DOCTYPE.search(raw):
        raise refused
    try:
        tree = etree.ElementTree(etree.fromstring(raw, _parser()))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        raise LoadError(
            name, f"XML 语法错误：{exc.msg}", f"XML syntax error: {exc.msg}", line, col
        ) from None
    # Whatever the encoding (UTF-16 hides the bytes the search above looks for), the
    # parser knows whether the document declared a DOCTYPE.
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise refused
    for node in tree.iter():
        if isinstance(node, etree._Entity):
            raise LoadError(
                name,
                f"XML 含有实体引用 &{node.name};，拒绝读取",
                f"the XML has an entity reference &{node.name};; refused",
                node.sourceline,
            )
    return tree


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


class _Converter:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.map = xml_map(pack)
        self.scopes = {
            scope: {e.name: e for e in elements(pack, scope)}
            for scope in (
                None,
                "catalog",
                *(
                    f.id
                    for f in pack.fields.resource_fields()
                    if f.kind in (FieldKind.GROUP, FieldKind.GROUPS)
                ),
            )
        }

    def convert(
        self, node: etree._Element, scope: str | None, pointer: str, lines: dict[str, int]
    ) -> dict[str, object]:
        out: dict[str, object] = {}
        lines[pointer] = node.sourceline or 0
        known = self.scopes[scope]
        for child in node:
            name = _local(child.tag)
            if name == self.map.extension and scope in (None, "items"):
                key = child.get("name", "")
                text = child.text or ""
                try:
                    value: object = json.loads(text)
                except ValueError:
                    value = text
                out.setdefault("extensions", {})[key] = value  # type: ignore[index]
                continue
            el = known.get(name)
            if el is None:
                out[name] = child.text
                lines[f"{pointer}/{name}"] = child.sourceline or 0
                continue
            spec = el.field
            cp = f"{pointer}/{spec.key}"
            if spec.kind is FieldKind.GROUP:
                out[spec.key] = self.convert(child, spec.id, cp, lines)
            elif spec.kind is FieldKind.GROUPS:
                items = [c for c in child if _local(c.tag) == self.map.item]
                lines[cp] = child.sourceline or 0
                out[spec.key] = [
                    self.convert(c, spec.id, f"{cp}/{i}", lines) for i, c in enumerate(items)
                ]
            elif el.repeated:
                values = out.setdefault(spec.key, [])
                assert isinstance(values, list)
                lines.setdefault(cp, child.sourceline or 0)
                lines[f"{cp}/{len(values)}"] = child.sourceline or 0
                values.append(child.text or "")
            else:
                text = child.text
                lines[cp] = child.sourceline or 0
                if spec.kind is FieldKind.INT and text is not None and text.strip().isdigit():
                    out[spec.key] = int(text)
                else:
                    out[spec.key] = text
        return out


def _schema_problems(tree: etree._ElementTree, pack: Pack) -> list[DocumentProblem]:
    schema = xml_schema(pack)
    if schema.validate(tree):
        return []
    problems = []
    ns = f"{{{xml_map(pack).namespace}}}"
    for err in schema.error_log:
        if any(k in err.type_name for k in _VALUE_ERRORS):
            continue
        message = err.message.replace(ns, "")
        problems.append(
            DocumentProblem(
                "",
                f"不符合 XML 模式（XSD）：{message}",
                f"does not follow the XML schema (XSD): {message}",
                err.line,
                err.column or None,
            )
        )
    return problems


def read_xml(
    path: Path | bytes,
    name: str | None = None,
    pack: Pack | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceDocument:
    """Read a catalog in the pack's XML form.

    Raises:
        LoadError: When the file is too large, not well-formed or has a DOCTYPE or entities.
    """
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    the_pack = pack or get_pack(DEFAULT_PACK)
    m = xml_map(the_pack)
    raw = read_bytes(path, label, max_bytes)
    tree = parse_untrusted(raw, label)
    root = tree.getroot()
    doc = SourceDocument(label, None, iter(()))
    expected = f"{{{m.namespace}}}{m.root}"
    if root.tag != expected:
        doc.problems.append(
            DocumentProblem(
                "",
                f"根元素应为 {m.root}（命名空间 {m.namespace}），实为 {root.tag}",
                f"the root element must be {m.root} in namespace {m.namespace}, found {root.tag}",
                root.sourceline,
            )
        )
        return doc
    doc.problems.extend(_schema_problems(tree, the_pack))
    conv = _Converter(the_pack)
    for child in root:
        if _local(child.tag) == m.catalog_info:
            lines: dict[str, int] = {}
            data = conv.convert(child, "catalog", "", lines)
            doc.info = RawRecord(-1, "/catalog", data, LineLocator(lines))
    doc.records = _records(root, conv)
    return doc


def _records(root: etree._Element, conv: _Converter) -> Iterator[RawRecord]:
    index = 0
    for listing in root:
        if _local(listing.tag) != conv.map.resources:
            continue
        for node in listing:
            if _local(node.tag) != conv.map.resource:
                continue
            lines: dict[str, int] = {}
            data = conv.convert(node, None, "", lines)
            yield RawRecord(index, f"/resources/{index}", data, LineLocator(lines))
            index += 1
