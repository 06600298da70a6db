"""The XML exchange form of a pack: its layout (``xml.toml``) and its elements' names.

Each element's name is the ``xml`` of its field-table entry (the field's key when it has none);
``xml.toml`` gives the namespace and the names of the document's own elements, and a pack may
rename an inherited element there (``[elements]``, ``[catalog]``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from types import MappingProxyType

from govcatalog.errors import PackError
from govcatalog.packs.fields import FieldLevel, FieldTable


@dataclass(frozen=True, slots=True)
class XmlMap:
    """Element names of the XML form of a catalog.

    Attributes:
        namespace: The target namespace.
        root: The document element.
        catalog_info: The element holding the catalog facts.
        resources: The element listing the resources.
        resource: One resource.
        item: One 信息项 inside the items element.
        extension: An extension field (attribute ``name``, JSON text content).
        catalog: Catalog-facts field id → element name.
        elements: Resource field id → element name.
    """

    namespace: str
    root: str
    catalog_info: str
    resources: str
    resource: str
    item: str
    extension: str
    catalog: Mapping[str, str]
    elements: Mapping[str, str]


def _names(table: FieldTable, level: FieldLevel) -> dict[str, str]:
    """Field id → XML name, of the fields whose entry names one."""
    fields = table.catalog_fields() if level is FieldLevel.CATALOG else table.resource_fields()
    return {f.id: f.xml for f in fields if f.xml}


def _check_scopes(
    table: FieldTable, elements: Mapping[str, str], *, pack: str, file: str = "xml.toml"
) -> None:
    scopes: dict[tuple[str | None, str], str] = {}
    for fid, name in elements.items():
        key = (table.get(fid).parent if table.has(fid) else None, name)
        if key in scopes:
            raise PackError(pack, file, f"element {name!r} names both {scopes[key]} and {fid}")
        scopes[key] = fid


def parse_xml_map(text: str, table: FieldTable, *, pack: str, file: str = "xml.toml") -> XmlMap:
    """Parse an ``xml.toml`` document.

    Raises:
        PackError: On a syntax error, an unknown field or a name used twice in one scope.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc)) from None
    meta = dict(data.get("xml", {}))
    catalog = {str(k): str(v) for k, v in dict(data.get("catalog", {})).items()}
    elements = {str(k): str(v) for k, v in dict(data.get("elements", {})).items()}
    for fid in catalog:
        if not table.has(fid, FieldLevel.CATALOG):
            raise PackError(pack, file, f"[catalog] unknown field {fid!r}")
    for fid in elements:
        if not table.has(fid):
            raise PackError(pack, file, f"[elements] unknown field {fid!r}")
    catalog = {**_names(table, FieldLevel.CATALOG), **catalog}
    elements = {**_names(table, FieldLevel.RESOURCE), **elements}
    _check_scopes(table, elements, pack=pack, file=file)
    try:
        return XmlMap(
            namespace=str(meta["namespace"]),
            root=str(meta.get("root", "govCatalog")),
            catalog_info=str(meta.get("catalog_info", "catInfo")),
            resources=str(meta.get("resources", "resources")),
            resource=str(meta.get("resource", "resource")),
            item=str(meta.get("item", "dataItem")),
            extension=str(meta.get("extension", "ext")),
            catalog=MappingProxyType(catalog),
            elements=MappingProxyType(elements),
        )
    except KeyError as exc:
        raise PackError(pack, file, f"[xml] {exc} is missing") from None


def load_xml_map(
    root: Traversable, table: FieldTable, parent: XmlMap | None, *, pack: str
) -> XmlMap | None:
    """The pack's element map: its own ``xml.toml`` (or the parent's layout) with the names of
    its field table, layered over the parent's.

    A local pack's elements take the names of their ``xml`` entries; the parent's names stay.

    Raises:
        PackError: When the file is invalid.
    """
    f = root / "xml.toml"
    if f.is_file():
        own = parse_xml_map(f.read_text(encoding="utf-8"), table, pack=pack)
    elif parent is None:
        return None
    else:
        own = replace(
            parent,
            catalog=MappingProxyType(_names(table, FieldLevel.CATALOG)),
            elements=MappingProxyType(_names(table, FieldLevel.RESOURCE)),
        )
    if parent is None:
        return own
    elements = {**parent.elements, **own.elements}
    _check_scopes(table, elements, pack=pack, file="fields.toml")
    return replace(
        own,
        catalog=MappingProxyType({**parent.catalog, **own.catalog}),
        elements=MappingProxyType(elements),
    )
