"""A catalog in the canonical JSON shape → RDF statements, grouped by subject.

The mapping reads the canonical shape (``Catalog.to_json_dict()``) and is lenient: a
value that is not what its element expects (a label outside the vocabulary, a date that
is no date) is written as a plain literal rather than dropped, so that SHACL shapes see
what the native validator sees. Two kinds of statement are written:

* **govcat statements** (``govcat:resourceName``, ``govcat:shareAttributes`` …): lossless,
  what :mod:`govcatalog.rdf.reader` reads back and what the pack's SHACL shapes check;
* **DCAT statements** (``dcterms:title``, ``dcterms:publisher``, ``dcterms:accrualPeriodicity``
  …): the DCAT-AP view of the same facts, written so that DCAT tools need no reasoner.
  They are derived and never read back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

from govcatalog.rdf.concepts import BOOL_SCHEME, ConceptIndex, concept_index
from govcatalog.rdf.terms import (
    DEFAULT_BASE,
    RDF_TYPE,
    Term,
    agent_iri,
    catalog_iri,
    date_literal,
    g,
    json_literal,
    lang_string,
    literal,
    resource_iri,
    string,
    term,
    typed,
)

Obj = str | Term | tuple["str | Term", ...]
"""An object: a term in N-Triples syntax, a constant term, or an ordered list (rdf:List)."""
Block = tuple[str, list[tuple[Term, Obj]]]
"""One subject (N-Triples syntax) and its predicate–object pairs."""

C_CATALOG: Final = g("InformationResourceCatalog")
C_RESOURCE: Final = g("InformationResource")
C_CLASSIFICATION: Final = g("Classification")
C_FORMAT: Final = g("ResourceFormat")
C_ITEM: Final = g("DataItem")
C_SHARE: Final = g("ShareAttributes")
C_OPEN: Final = g("OpenAttributes")
DCAT_CATALOG: Final = term("dcat", "Catalog")
DCAT_DATASET: Final = term("dcat", "Dataset")
DCAT_DISTRIBUTION: Final = term("dcat", "Distribution")
FOAF_ORG: Final = term("foaf", "Organization")
FOAF_AGENT: Final = term("foaf", "Agent")
ADMS_IDENTIFIER: Final = term("adms", "Identifier")
FREQUENCY: Final = term("dcterms", "Frequency")
MEDIA_TYPE: Final = term("dcterms", "MediaTypeOrExtent")
LICENCE_DOC: Final = term("dcterms", "LicenseDocument")
RDFS_RESOURCE: Final = term("rdfs", "Resource")
USCC: Final = g("UnifiedSocialCreditCode")

TITLE: Final = term("dcterms", "title")
DESCRIPTION: Final = term("dcterms", "description")
IDENTIFIER: Final = term("dcterms", "identifier")
ISSUED: Final = term("dcterms", "issued")
PUBLISHER: Final = term("dcterms", "publisher")
PERIODICITY: Final = term("dcterms", "accrualPeriodicity")
LICENSE: Final = term("dcterms", "license")
FORMAT: Final = term("dcterms", "format")
DTYPE: Final = term("dcterms", "type")
DATASET: Final = term("dcat", "dataset")
DISTRIBUTION: Final = term("dcat", "distribution")
ACCESS_URL: Final = term("dcat", "accessURL")
FOAF_NAME: Final = term("foaf", "name")
ADMS_ID: Final = term("adms", "identifier")
NOTATION: Final = term("skos", "notation")

# What the reader reads back, by canonical element.
P_POSITION: Final = g("position")
P_CLASS: Final = g("resourceClass")
P_CLASSIFICATION: Final = g("classification")
P_XIANG: Final = g("xiangName")
P_MU: Final = g("muName")
P_XIMU: Final = g("ximuName")
P_NAME: Final = g("resourceName")
P_CODE: Final = g("resourceCode")
P_PROVIDER: Final = g("provider")
P_PROVIDER_CODE: Final = g("providerCode")
P_ABSTRACT: Final = g("abstract")
P_FORMAT: Final = g("resourceFormat")
P_FORMAT_CLASS: Final = g("formatClass")
P_FORMAT_TYPES: Final = g("formatTypes")
P_FORMAT_OTHER: Final = g("formatOtherDescription")
P_ITEM: Final = g("dataItem")
P_ITEM_NAME: Final = g("dataItemName")
P_DATA_TYPE: Final = g("dataType")
P_LENGTH: Final = g("dataLength")
P_BASE_ITEM: Final = g("baseItem")
P_DATA_ELEMENT: Final = g("dataElement")
P_ITEM_DESCRIPTION: Final = g("itemDescription")
P_SHARE: Final = g("shareAttributes")
P_SHARE_TYPE: Final = g("shareType")
P_SHARE_CONDITION: Final = g("shareCondition")
P_MODE_CLASS: Final = g("shareModeClass")
P_MODE_TYPE: Final = g("shareModeType")
P_OPEN: Final = g("openAttributes")
P_OPEN_TO_PUBLIC: Final = g("openToPublic")
P_OPEN_CONDITION: Final = g("openCondition")
P_UPDATE_CYCLE: Final = g("updateCycle")
P_PUBLISH_DATE: Final = g("publishDate")
P_RELATED_CODES: Final = g("relatedCodes")
P_RELATED: Final = g("relatedResource")
P_SECRECY: Final = g("secrecyClass")
P_EXTENSIONS: Final = g("extensions")
P_CATALOG_NAME: Final = g("catalogName")
P_COMPILER: Final = g("compiler")
P_REGION: Final = g("regionCode")
P_LEVEL: Final = g("catalogLevel")
P_VERSION: Final = g("catalogVersion")
P_CATALOG_ISSUED: Final = g("catalogIssued")
P_PACK: Final = g("pack")


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
    """

    base: str = DEFAULT_BASE
    dcat: bool = True
    licence: str | None = None
    access_url: str | None = None
    catalog_title: str = "政务信息资源目录"
    catalog_description: str | None = None
    provider_code_is_uscc: bool = True


DEFAULT_DESCRIPTION: Final = (
    "依据《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）编制的政务信息资源目录。"
)


@dataclass
class _Writer:
    options: ExportOptions
    concepts: ConceptIndex = field(default_factory=concept_index)
    agents: set[str] = field(default_factory=set)
    externals: dict[str, Term] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)

    # ------------------------------------------------------------------ values
    def concept(self, scheme: str, value: object) -> Obj:
        if isinstance(value, str):
            iri = self.concepts.iri_of[scheme].get(value)
            if iri is not None:
                return f"<{iri}>"
        return literal(value)

    def yes_no(self, value: object) -> Obj:
        if value is True:
            return f"<{self.concepts.yes}>"
        if value is False:
            return f"<{self.concepts.no}>"
        return self.concept(BOOL_SCHEME, value)

    # ------------------------------------------------------------------ resources
    def resource(self, res: Mapping[str, object], position: int) -> Iterator[Block]:
        code = res.get("code")
        key = code if isinstance(code, str) and code not in self.codes else None
        if key is not None:
            self.codes.add(key)
        base = self.options.base
        iri = resource_iri(base, key, position)
        dcat = self.options.dcat
        po: list[tuple[Term, Obj]] = [(RDF_TYPE, C_RESOURCE)]
        if dcat:
            po.append((RDF_TYPE, DCAT_DATASET))
        po.append((P_POSITION, typed(str(position), "positiveInteger")))
        subs: list[Block] = []
        category = res.get("category")
        if isinstance(category, Mapping):
            if "lei" in category:
                po.append((P_CLASS, self.concept("resource-class", category["lei"])))
            names = [
                (p, category.get(k))
                for p, k in ((P_XIANG, "xiang"), (P_MU, "mu"), (P_XIMU, "ximu"))
            ]
            cpo: list[tuple[Term, Obj]] = [(p, literal(v)) for p, v in names if v is not None]
            if cpo:
                node = f"<{iri}#classification>"
                po.append((P_CLASSIFICATION, node))
                subs.append((node, [(RDF_TYPE, C_CLASSIFICATION), *cpo]))
        name = res.get("name")
        if name is not None:
            po.append((P_NAME, literal(name)))
            if dcat and isinstance(name, str):
                po.append((TITLE, lang_string(name, "zh")))
        if code is not None:
            po.append((P_CODE, literal(code)))
            if dcat and isinstance(code, str):
                po.append((IDENTIFIER, string(code)))
        provider, provider_code = res.get("provider"), res.get("provider_code")
        if provider_code is not None:
            po.append((P_PROVIDER_CODE, literal(provider_code)))
        if provider is not None:
            agent = self.agent(provider, provider_code, subs)
            po.append((P_PROVIDER, agent))
            if dcat:
                po.append((PUBLISHER, agent))
        abstract = res.get("abstract")
        if abstract is not None:
            po.append((P_ABSTRACT, literal(abstract)))
            if dcat and isinstance(abstract, str):
                po.append((DESCRIPTION, lang_string(abstract, "zh")))
        types = self.format(res.get("format"), iri, po, subs)
        self.items(res.get("items"), iri, po, subs)
        self.share(res.get("share"), iri, po, subs)
        self.open(res.get("open"), iri, po, subs)
        cycle = res.get("update_cycle")
        if cycle is not None:
            obj = self.concept("update-cycle", cycle)
            po.append((P_UPDATE_CYCLE, obj))
            if dcat and isinstance(obj, str) and obj[0] == "<":
                match = self.concepts.eu_match.get(obj[1:-1])
                if match is not None:
                    po.append((PERIODICITY, self.external(match, FREQUENCY)))
        day = res.get("publish_date")
        if day is not None:
            obj = date_literal(day)
            po.append((P_PUBLISH_DATE, obj))
            if dcat and obj.endswith("#date>"):
                po.append((ISSUED, obj))
        related = res.get("related_codes")
        if isinstance(related, list | tuple) and related:
            po.append((P_RELATED_CODES, tuple(literal(c) for c in related)))
            for c in related:
                if isinstance(c, str) and c:
                    target = f"<{resource_iri(base, c, 0)}>"
                    po.append((P_RELATED, target))
        if "secrecy" in res:
            po.append((P_SECRECY, self.concept("secrecy", res["secrecy"])))
        extensions = res.get("extensions")
        if extensions:
            po.append((P_EXTENSIONS, json_literal(extensions)))
        if dcat:
            self.dcat_extras(iri, key, types, po, subs)
        yield (f"<{iri}>", po)
        yield from subs

    def agent(self, name: object, code: object, subs: list[Block]) -> str:
        text = name if isinstance(name, str) else str(name)
        code_text = code if isinstance(code, str) else None
        iri = agent_iri(self.options.base, text, code_text)
        if iri not in self.agents:
            self.agents.add(iri)
            po: list[tuple[Term, Obj]] = [
                (RDF_TYPE, FOAF_ORG),
                (RDF_TYPE, FOAF_AGENT),
                (FOAF_NAME, string(text)),
            ]
            if code_text:
                ident = f"<{iri}#id>"
                po.append((ADMS_ID, ident))
                ipo: list[tuple[Term, Obj]] = [
                    (RDF_TYPE, ADMS_IDENTIFIER),
                    (NOTATION, string(code_text)),
                ]
                if self.options.provider_code_is_uscc:
                    ipo.append((DTYPE, USCC))
                subs.append((ident, ipo))
            subs.append((f"<{iri}>", po))
        return f"<{iri}>"

    def format(
        self, fmt: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]
    ) -> tuple[Obj, ...]:
        if not isinstance(fmt, Mapping) or not fmt:
            return ()
        node = f"<{iri}#format>"
        fpo: list[tuple[Term, Obj]] = [(RDF_TYPE, C_FORMAT)]
        if "format_class" in fmt:
            fpo.append((P_FORMAT_CLASS, self.concept("format-class", fmt["format_class"])))
        types: tuple[Obj, ...] = ()
        given = fmt.get("format_types")
        if isinstance(given, list | tuple) and given:
            types = tuple(self.concept("format-type", t) for t in given)
            fpo.append((P_FORMAT_TYPES, types))  # type: ignore[arg-type]
        elif given is not None and not isinstance(given, list | tuple):
            fpo.append((P_FORMAT_TYPES, (literal(given),)))
        if fmt.get("other_description") is not None:
            fpo.append((P_FORMAT_OTHER, literal(fmt["other_description"])))
        po.append((P_FORMAT, node))
        subs.append((node, fpo))
        return types

    def items(self, items: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(items, list | tuple):
            if items is not None:  # unreadable: kept as written, for the shapes to see
                po.append((P_ITEM, literal(items)))
            return
        for n, item in enumerate(items, 1):
            if not isinstance(item, Mapping):
                continue
            node = f"<{iri}#item-{n}>"
            ipo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, C_ITEM),
                (P_POSITION, typed(str(n), "positiveInteger")),
            ]
            for key, value in item.items():
                if value is None:
                    continue
                if key == "name":
                    ipo.append((P_ITEM_NAME, literal(value)))
                elif key == "data_type":
                    ipo.append((P_DATA_TYPE, self.concept("data-type", value)))
                elif key == "length":
                    ipo.append((P_LENGTH, literal(value)))
                elif key == "base_item":
                    ipo.append((P_BASE_ITEM, self.yes_no(value)))
                elif key == "data_element":
                    ipo.append((P_DATA_ELEMENT, literal(value)))
                elif key == "description":
                    ipo.append((P_ITEM_DESCRIPTION, literal(value)))
                elif key == "extensions" and value:
                    ipo.append((P_EXTENSIONS, json_literal(value)))
            po.append((P_ITEM, node))
            subs.append((node, ipo))

    def share(self, share: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(share, Mapping) or not share:
            return
        node = f"<{iri}#share>"
        spo: list[tuple[Term, Obj]] = [(RDF_TYPE, C_SHARE)]
        if "share_type" in share:
            spo.append((P_SHARE_TYPE, self.concept("share-type", share["share_type"])))
        if share.get("share_condition") is not None:
            spo.append((P_SHARE_CONDITION, literal(share["share_condition"])))
        if "share_mode_class" in share:
            spo.append((P_MODE_CLASS, self.concept("share-mode-class", share["share_mode_class"])))
        if "share_mode_type" in share:
            spo.append((P_MODE_TYPE, self.concept("share-mode-type", share["share_mode_type"])))
        po.append((P_SHARE, node))
        subs.append((node, spo))

    def open(self, opened: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(opened, Mapping) or not opened:
            return
        node = f"<{iri}#open>"
        opo: list[tuple[Term, Obj]] = [(RDF_TYPE, C_OPEN)]
        if "open_to_public" in opened:
            opo.append((P_OPEN_TO_PUBLIC, self.yes_no(opened["open_to_public"])))
        if opened.get("open_condition") is not None:
            opo.append((P_OPEN_CONDITION, literal(opened["open_condition"])))
        po.append((P_OPEN, node))
        subs.append((node, opo))

    def external(self, iri: str, cls: Term) -> str:
        """An IRI of another publisher's table, typed once as DCAT-AP expects."""
        self.externals.setdefault(iri, cls)
        return f"<{iri}>"

    def dcat_extras(
        self,
        iri: str,
        code: str | None,
        types: tuple[Obj, ...],
        po: list[tuple[Term, Obj]],
        subs: list[Block],
    ) -> None:
        opts = self.options
        if opts.licence:
            po.append((LICENSE, self.external(opts.licence, LICENCE_DOC)))
        if opts.access_url and code:
            from urllib.parse import quote  # noqa: PLC0415 - only with distributions

            node = f"<{iri}#distribution>"
            dpo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, DCAT_DISTRIBUTION),
                (
                    ACCESS_URL,
                    self.external(opts.access_url.format(code=quote(code, safe="")), RDFS_RESOURCE),
                ),
            ]
            for t in types:
                match = (
                    self.concepts.eu_match.get(t[1:-1])
                    if isinstance(t, str) and t[0] == "<"
                    else None
                )
                if match is not None:
                    dpo.append((FORMAT, self.external(match, MEDIA_TYPE)))
            if opts.licence:
                dpo.append((LICENSE, f"<{opts.licence}>"))
            po.append((DISTRIBUTION, node))
            subs.append((node, dpo))

    # ------------------------------------------------------------------ the catalog
    def catalog(self, info: Mapping[str, object], datasets: list[str]) -> Iterator[Block]:
        opts = self.options
        iri = catalog_iri(opts.base)
        po: list[tuple[Term, Obj]] = [(RDF_TYPE, C_CATALOG)]
        if opts.dcat:
            po.append((RDF_TYPE, DCAT_CATALOG))
        subs: list[Block] = []
        name = info.get("name")
        if name is not None:
            po.append((P_CATALOG_NAME, literal(name)))
        publisher = info.get("publisher")
        if publisher is not None:
            po.append((P_COMPILER, literal(publisher)))
        if info.get("region_code") is not None:
            po.append((P_REGION, literal(info["region_code"])))
        if "level" in info:
            po.append((P_LEVEL, self.concept("catalog-level", info["level"])))
        if info.get("version") is not None:
            po.append((P_VERSION, literal(info["version"])))
        issued = info.get("issued")
        if issued is not None:
            po.append((P_CATALOG_ISSUED, date_literal(issued)))
        if info.get("pack") is not None:
            po.append((P_PACK, literal(info["pack"])))
        if opts.dcat:
            title = name if isinstance(name, str) and name else opts.catalog_title
            po.append((TITLE, lang_string(title, "zh")))
            po.append(
                (DESCRIPTION, lang_string(opts.catalog_description or DEFAULT_DESCRIPTION, "zh"))
            )
            if publisher is not None:
                po.append((PUBLISHER, self.agent(publisher, None, subs)))
            if issued is not None and date_literal(issued).endswith("#date>"):
                po.append((ISSUED, date_literal(issued)))
            if opts.licence:
                po.append((LICENSE, self.external(opts.licence, LICENCE_DOC)))
        po.extend((DATASET, d) for d in datasets)
        yield (f"<{iri}>", po)
        yield from subs
        for ext, cls in sorted(self.externals.items(), key=lambda kv: kv[0]):
            yield (f"<{ext}>", [(RDF_TYPE, cls)])


def iter_blocks(
    catalog: Mapping[str, object], options: ExportOptions | None = None
) -> Iterator[Block]:
    """The statements of a catalog in the canonical JSON shape, one subject at a time.

    Resources come first, in document order, each followed by its parts; the catalog,
    its publisher and the typed external IRIs come last.

    Args:
        catalog: ``{"catalog": {...}, "resources": [...]}`` (``Catalog.to_json_dict()``).
        options: Export settings.
    """
    writer = _Writer(options or ExportOptions())
    datasets: list[str] = []
    resources = catalog.get("resources")
    for position, res in enumerate(resources if isinstance(resources, list | tuple) else (), 1):
        if not isinstance(res, Mapping):
            continue
        for n, block in enumerate(writer.resource(res, position)):
            if n == 0:
                datasets.append(block[0])
            yield block
    info = catalog.get("catalog")
    yield from writer.catalog(info if isinstance(info, Mapping) else {}, datasets)
