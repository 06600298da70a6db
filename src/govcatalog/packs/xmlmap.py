"""The XML element names of a pack's exchange form (``xml.toml``), as pack data."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
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
    scopes: dict[tuple[str | None, str], str] = {}
    for fid, name in elements.items():
        key = (table.get(fid).parent, name)
        if key in scopes:
            raise PackError(pack, file, f"element {name!r} names both {scopes[key]} and {fid}")
        scopes[key] = fid
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
    """The pack's element map: its own ``xml.toml`` layered over the parent's.

    A local pack's map adds names for its own fields; the parent's names stay.

    Raises:
        PackError: When the file is invalid.
    """
    f = root / "xml.toml"
    if not f.is_file():
        return parent
    own = parse_xml_map(f.read_text(encoding="utf-8"), table, pack=pack)
    if parent is None:
        return own
    return XmlMap(
        namespace=own.namespace,
        root=own.root,
        catalog_info=own.catalog_info,
        resources=own.resources,
        resource=own.resource,
        item=own.item,
        extension=own.extension,
        catalog=MappingProxyType({**parent.catalog, **own.catalog}),
        elements=MappingProxyType({**parent.elements, **own.elements}),
    )
