"""Writing a catalog in the pack's XML exchange form (see :mod:`govcatalog.io.xml_schema`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lxml import etree

from govcatalog.io.xml_schema import YES_NO, elements, xml_map
from govcatalog.model.resource import Catalog
from govcatalog.packs.fields import FieldKind
from govcatalog.packs.pack import Pack


def _text(value: object) -> str:
    if isinstance(value, bool):
        return YES_NO[0] if value else YES_NO[1]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _fill(
    pack: Pack, parent: etree._Element, scope: str | None, data: dict[str, object], ns: str
) -> None:
    m = xml_map(pack)
    for el in elements(pack, scope):
        spec = el.field
        value = data.get(spec.key)
        if value is None or value in ((), [], {}):
            continue
        tag = f"{{{ns}}}{el.name}"
        if spec.kind is FieldKind.GROUP and isinstance(value, dict):
            node = etree.SubElement(parent, tag)
            _fill(pack, node, spec.id, value, ns)
        elif spec.kind is FieldKind.GROUPS and isinstance(value, list | tuple):
            node = etree.SubElement(parent, tag)
            for item in value:
                _fill(pack, etree.SubElement(node, f"{{{ns}}}{m.item}"), spec.id, item, ns)
        elif el.repeated and isinstance(value, list | tuple):
            for v in value:
                etree.SubElement(parent, tag).text = _text(v)
        else:
            etree.SubElement(parent, tag).text = _text(value)
    extensions = data.get("extensions")
    if isinstance(extensions, dict):
        group = f"{scope}.extensions" if scope else "extensions"
        declared = {f.key for f in pack.fields.children(group)}  # written above as elements
        for key, value in extensions.items():
            if key in declared:
                continue
            node = etree.SubElement(parent, f"{{{ns}}}{m.extension}", name=str(key))
            node.text = json.dumps(value, ensure_ascii=False)


def catalog_tree(catalog: Catalog, pack: Pack) -> etree._ElementTree:
    """The XML tree of a catalog."""
    m = xml_map(pack)
    ns = m.namespace
    root = etree.Element(f"{{{ns}}}{m.root}", {"pack": pack.ref}, nsmap={None: ns})
    info = catalog.info.model_dump(exclude_none=True)
    if info:
        _fill(pack, etree.SubElement(root, f"{{{ns}}}{m.catalog_info}"), "catalog", info, ns)
    listing = etree.SubElement(root, f"{{{ns}}}{m.resources}")
    for res in catalog.resources:
        data = res.model_dump(exclude_none=True)
        _fill(pack, etree.SubElement(listing, f"{{{ns}}}{m.resource}"), None, data, ns)
    return etree.ElementTree(root)


def write_xml(catalog: Catalog, path: Path, pack: Pack) -> None:
    """Write ``catalog`` to ``path`` in the pack's XML form (UTF-8)."""
    catalog_tree(catalog, pack).write(
        str(path), pretty_print=True, xml_declaration=True, encoding="UTF-8"
    )
