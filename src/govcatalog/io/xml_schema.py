"""The XML form of a pack's catalogs: element layout and the XSD generated from it.

The form is an *unofficial* rendering in the style of GB/T 21063.3-2007: the
standard's short names (resTitle, pubDate, abstract, rpOrgNam, resID, TpCat) where it
has the element, govcatalog's own names in the same style elsewhere (the pack's
``xml.toml``). The XSD follows the field table: groups are nested elements, list
fields repeat, vocabulary fields are enumerations of the pack's labels, yes/no fields
are 是/否, dates ``xs:date``. Which elements are *required* is left to the rules, so a
missing element is a located finding with the element's Chinese name, not a schema error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from lxml import etree

from govcatalog.errors import PackError
from govcatalog.packs.fields import FieldKind, FieldLevel, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.xmlmap import XmlMap

XS: Final = "http://www.w3.org/2001/XMLSchema"
_Q: Final = f"{{{XS}}}"
YES_NO: Final = ("是", "否")
"""How yes/no values are written."""

_BASE_TYPES: Final = {
    FieldKind.TEXT: "xs:string",
    FieldKind.CODE: "xs:string",
    FieldKind.CODES: "xs:string",
    FieldKind.TEXTS: "xs:string",
    FieldKind.DATE: "xs:date",
    FieldKind.INT: "xs:positiveInteger",
}


@dataclass(frozen=True, slots=True)
class XmlElement:
    """One element of the form: the field it holds and its name."""

    field: FieldSpec
    name: str

    @property
    def repeated(self) -> bool:
        """True for list fields, written as one element per value."""
        return self.field.kind in (FieldKind.TEXTS, FieldKind.CODES)


def xml_map(pack: Pack) -> XmlMap:
    """The pack's element map.

    Raises:
        PackError: When the pack defines no XML form.
    """
    if pack.xml_map is None:
        raise PackError(pack.ref, "xml.toml", "the pack defines no XML form")
    return pack.xml_map


def elements(pack: Pack, scope: str | None) -> tuple[XmlElement, ...]:
    """The elements inside ``scope``, in order.

    ``scope`` is None for a resource, ``"catalog"`` for the catalog facts, or a group id.
    """
    m = xml_map(pack)
    if scope == "catalog":
        return tuple(XmlElement(f, m.catalog.get(f.id, f.id)) for f in pack.fields.catalog_fields())
    return tuple(
        XmlElement(f, m.elements.get(f.id, f.key))
        for f in pack.fields.children(scope, FieldLevel.RESOURCE)
    )


def _type_name(spec: FieldSpec) -> str:
    if spec.kind is FieldKind.BOOL:
        return "YesNo"
    if spec.kind is FieldKind.VOCAB:
        return "".join(p.title() for p in (spec.vocabulary or "").split("-"))
    return _BASE_TYPES.get(spec.kind, "xs:string")


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{_Q}{tag}", attrs)


def _doc(parent: etree._Element, text: str) -> None:
    _el(_el(parent, "annotation"), "documentation").text = text


def _sequence(pack: Pack, parent: etree._Element, scope: str | None) -> None:
    m = xml_map(pack)
    seq = _el(parent, "sequence")
    for el in elements(pack, scope):
        spec = el.field
        if spec.kind is FieldKind.GROUP:
            node = _el(seq, "element", name=el.name, minOccurs="0")
            _doc(node, f"{spec.zh} — {spec.en}")
            _sequence(pack, _el(node, "complexType"), spec.id)
        elif spec.kind is FieldKind.GROUPS:
            node = _el(seq, "element", name=el.name, minOccurs="0")
            _doc(node, f"{spec.zh} — {spec.en}")
            inner = _el(_el(node, "complexType"), "sequence")
            item = _el(inner, "element", name=m.item, minOccurs="0", maxOccurs="unbounded")
            _sequence(pack, _el(item, "complexType"), spec.id)
        else:
            attrs = {"name": el.name, "type": _type_name(spec), "minOccurs": "0"}
            if el.repeated:
                attrs["maxOccurs"] = "unbounded"
            node = _el(seq, "element", **attrs)
            _doc(node, f"{spec.zh} — {spec.en}")
    if scope in (None, "items"):
        ext = _el(seq, "element", name=m.extension, minOccurs="0", maxOccurs="unbounded")
        _doc(ext, "扩展字段（JSON 文本）— extension field, value as JSON text")
        content = _el(_el(ext, "complexType"), "simpleContent")
        _el(
            _el(content, "extension", base="xs:string"),
            "attribute",
            name="name",
            type="xs:string",
            use="required",
        )


def _enumerations(pack: Pack, schema: etree._Element) -> None:
    yes_no = _el(_el(schema, "simpleType", name="YesNo"), "restriction", base="xs:string")
    for label in YES_NO:
        _el(yes_no, "enumeration", value=label)
    schemes = sorted(
        {f.vocabulary for f in pack.fields.fields if f.kind is FieldKind.VOCAB and f.vocabulary}
    )
    for scheme in schemes:
        spec_type = "".join(p.title() for p in scheme.split("-"))
        restriction = _el(
            _el(schema, "simpleType", name=spec_type), "restriction", base="xs:string"
        )
        for label in pack.vocabulary(scheme).labels():
            _el(restriction, "enumeration", value=label)


def xsd_tree(pack: Pack) -> etree._ElementTree:
    """The XSD of the pack's XML form, as a tree."""
    m = xml_map(pack)
    schema = etree.Element(
        f"{_Q}schema",
        {"targetNamespace": m.namespace, "elementFormDefault": "qualified"},
        nsmap={"xs": XS, None: m.namespace},
    )
    _doc(
        schema,
        f"{pack.title_zh}（{pack.ref}）目录交换格式：参照 GB/T 21063.3-2007 风格的非官方 XML 表示。"
        f" Unofficial XML rendering of catalogs under {pack.ref},"
        " in the style of GB/T 21063.3-2007; generated from the pack's field table.",
    )
    root = _el(schema, "element", name=m.root)
    root_seq = _el(_el(root, "complexType"), "sequence")
    _el(root.find(f"{_Q}complexType"), "attribute", name="pack", type="xs:string")
    info = _el(root_seq, "element", name=m.catalog_info, minOccurs="0")
    _sequence(pack, _el(info, "complexType"), "catalog")
    listing = _el(_el(_el(root_seq, "element", name=m.resources), "complexType"), "sequence")
    res = _el(listing, "element", name=m.resource, minOccurs="0", maxOccurs="unbounded")
    _sequence(pack, _el(res, "complexType"), None)
    _enumerations(pack, schema)
    return etree.ElementTree(schema)


def xsd_text(pack: Pack) -> str:
    """The XSD of the pack's XML form, as text."""
    raw: bytes = etree.tostring(
        xsd_tree(pack), pretty_print=True, xml_declaration=True, encoding="UTF-8"
    )
    return raw.decode()


def xml_schema(pack: Pack) -> etree.XMLSchema:
    """The compiled XSD of the pack's XML form."""
    return etree.XMLSchema(xsd_tree(pack))
