"""How a catalog is written as RDF: the export options and the local elements with a property."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from govcatalog.packs.fields import FieldKind
from govcatalog.packs.pack import Pack
from govcatalog.rdf.terms import DEFAULT_BASE, path_terms


@dataclass(frozen=True)
class ExportOptions:
    """How a catalog is written as RDF.

    DCAT-AP asks for a few things the guide does not have; each is a setting here.

    Attributes:
        base: Base of minted IRIs (resources, agents, the catalog); ends with ``/`` or ``#``.
        dcat: Also write the DCAT / DCMI Terms view (on by default).
        licence: IRI of a licence stated on the catalog and every resource
            (``dcterms:license``); the guide has no licence element, so none by default.
        access_url: Template of an access URL with ``{code}`` (the resource code,
            percent-encoded); when set, each resource gets one ``dcat:Distribution`` with
            that ``dcat:accessURL`` and its format types as ``dcterms:format``.
        catalog_title: ``dcterms:title`` of a catalog whose facts give no name.
        catalog_description: ``dcterms:description`` of the catalog (DCAT-AP requires
            one; the guide has none); by default a sentence naming the guide.
        provider_code_is_uscc: Type the provider identifier as a 统一社会信用代码.
        elements: Local elements (``extensions.*``) written as properties of their own, from
            the pack's field table (:func:`element_properties`); other extensions stay in the
            ``govcat:extensions`` JSON literal.
    """

    base: str = DEFAULT_BASE
    dcat: bool = True
    licence: str | None = None
    access_url: str | None = None
    catalog_title: str = "政务信息资源目录"
    catalog_description: str | None = None
    provider_code_is_uscc: bool = True
    elements: tuple[ElementProperty, ...] = ()


@dataclass(frozen=True, slots=True)
class ElementProperty:
    """A local element with an RDF property of its own.

    Attributes:
        key: Its key under ``extensions``.
        iri: The property.
        concepts: Canonical label → concept IRI of its vocabulary (the pack's own or a
            national one); a value found there is written as the concept, others as text.
    """

    key: str
    iri: str
    concepts: tuple[tuple[str, str], ...] = ()


def element_properties(pack: Pack) -> tuple[ElementProperty, ...]:
    """The local elements of ``pack`` whose field table entry gives a one-step ``rdf`` path."""
    out = []
    for spec in pack.fields.children("extensions"):
        if len(spec.rdf) == 1:
            concepts: tuple[tuple[str, str], ...] = ()
            if spec.kind is FieldKind.VOCAB and spec.vocabulary:
                vocab = pack.field_vocabulary(spec)
                concepts = tuple((c.label_zh, c.iri) for c in vocab.concepts)
            out.append(ElementProperty(spec.key, path_terms(spec.rdf)[0].iri, concepts))
    return tuple(out)


DEFAULT_DESCRIPTION: Final = (
    "依据《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）编制的政务信息资源目录。"
)
