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

from govcatalog.rdf import names as n
from govcatalog.rdf.concepts import BOOL_SCHEME, ConceptIndex, concept_index
from govcatalog.rdf.options import (
    DEFAULT_DESCRIPTION,
    ElementProperty,
    ExportOptions,
    element_properties,
)
from govcatalog.rdf.terms import (
    RDF_TYPE,
    Term,
    agent_iri,
    catalog_iri,
    date_literal,
    iri_term,
    json_literal,
    lang_string,
    literal,
    resource_iri,
    string,
    typed,
)

__all__ = ["Block", "ElementProperty", "ExportOptions", "Obj", "element_properties", "iter_blocks"]

Obj = str | Term | tuple["str | Term", ...]
"""An object: a term in N-Triples syntax, a constant term, or an ordered list (rdf:List)."""
Block = tuple[str, list[tuple[Term, Obj]]]
"""One subject (N-Triples syntax) and its predicate–object pairs."""


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
            iri = self.concepts.iri_of.get(scheme, {}).get(value)
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
        po: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_RESOURCE)]
        if dcat:
            po.append((RDF_TYPE, n.DCAT_DATASET))
        po.append((n.P_POSITION, typed(str(position), "positiveInteger")))
        subs: list[Block] = []
        category = res.get("category")
        if isinstance(category, Mapping):
            if "lei" in category:
                po.append((n.P_CLASS, self.concept("resource-class", category["lei"])))
            names = [
                (p, category.get(k))
                for p, k in ((n.P_XIANG, "xiang"), (n.P_MU, "mu"), (n.P_XIMU, "ximu"))
            ]
            cpo: list[tuple[Term, Obj]] = [(p, literal(v)) for p, v in names if v is not None]
            if cpo:
                node = f"<{iri}#classification>"
                po.append((n.P_CLASSIFICATION, node))
                subs.append((node, [(RDF_TYPE, n.C_CLASSIFICATION), *cpo]))
        name = res.get("name")
        if name is not None:
            po.append((n.P_NAME, literal(name)))
            if dcat and isinstance(name, str):
                po.append((n.TITLE, lang_string(name, "zh")))
        if code is not None:
            po.append((n.P_CODE, literal(code)))
            if dcat and isinstance(code, str):
                po.append((n.IDENTIFIER, string(code)))
        provider, provider_code = res.get("provider"), res.get("provider_code")
        if provider_code is not None:
            po.append((n.P_PROVIDER_CODE, literal(provider_code)))
        if provider is not None:
            agent = self.agent(provider, provider_code, subs)
            po.append((n.P_PROVIDER, agent))
            if dcat:
                po.append((n.PUBLISHER, agent))
        abstract = res.get("abstract")
        if abstract is not None:
            po.append((n.P_ABSTRACT, literal(abstract)))
            if dcat and isinstance(abstract, str):
                po.append((n.DESCRIPTION, lang_string(abstract, "zh")))
        types = self.format(res.get("format"), iri, po, subs)
        self.items(res.get("items"), iri, po, subs)
        self.share(res.get("share"), iri, po, subs)
        self.open(res.get("open"), iri, po, subs)
        cycle = res.get("update_cycle")
        if cycle is not None:
            obj = self.concept("update-cycle", cycle)
            po.append((n.P_UPDATE_CYCLE, obj))
            if dcat and isinstance(obj, str) and obj[0] == "<":
                match = self.concepts.eu_match.get(obj[1:-1])
                if match is not None:
                    po.append((n.PERIODICITY, self.external(match, n.FREQUENCY)))
        day = res.get("publish_date")
        if day is not None:
            obj = date_literal(day)
            po.append((n.P_PUBLISH_DATE, obj))
            if dcat and obj.endswith("#date>"):
                po.append((n.ISSUED, obj))
        related = res.get("related_codes")
        if isinstance(related, list | tuple) and related:
            po.append((n.P_RELATED_CODES, tuple(literal(c) for c in related)))
            for c in related:
                if isinstance(c, str) and c:
                    target = f"<{resource_iri(base, c, 0)}>"
                    po.append((n.P_RELATED, target))
        if "secrecy" in res:
            po.append((n.P_SECRECY, self.concept("secrecy", res["secrecy"])))
        extensions = self.elements(res.get("extensions"), po)
        if extensions:
            po.append((n.P_EXTENSIONS, json_literal(extensions)))
        if dcat:
            self.dcat_extras(iri, key, types, po, subs)
        yield (f"<{iri}>", po)
        yield from subs

    def elements(self, extensions: object, po: list[tuple[Term, Obj]]) -> object:
        """Write the local elements that have a property; the other extensions are returned."""
        if not self.options.elements or not isinstance(extensions, Mapping):
            return extensions
        rest = dict(extensions)
        for el in self.options.elements:
            value = rest.pop(el.key, None)
            if value is None:
                continue
            concept = dict(el.concepts).get(value) if isinstance(value, str) else None
            po.append((iri_term(el.iri), f"<{concept}>" if concept else literal(value)))
        return rest

    def agent(self, name: object, code: object, subs: list[Block]) -> str:
        text = name if isinstance(name, str) else str(name)
        code_text = code if isinstance(code, str) else None
        iri = agent_iri(self.options.base, text, code_text)
        if iri not in self.agents:
            self.agents.add(iri)
            po: list[tuple[Term, Obj]] = [
                (RDF_TYPE, n.FOAF_ORG),
                (RDF_TYPE, n.FOAF_AGENT),
                (n.FOAF_NAME, string(text)),
            ]
            if code_text:
                ident = f"<{iri}#id>"
                po.append((n.ADMS_ID, ident))
                ipo: list[tuple[Term, Obj]] = [
                    (RDF_TYPE, n.ADMS_IDENTIFIER),
                    (n.NOTATION, string(code_text)),
                ]
                if self.options.provider_code_is_uscc:
                    ipo.append((n.DTYPE, n.USCC))
                subs.append((ident, ipo))
            subs.append((f"<{iri}>", po))
        return f"<{iri}>"

    def format(
        self, fmt: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]
    ) -> tuple[Obj, ...]:
        if not isinstance(fmt, Mapping) or not fmt:
            return ()
        node = f"<{iri}#format>"
        fpo: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_FORMAT)]
        if "format_class" in fmt:
            fpo.append((n.P_FORMAT_CLASS, self.concept("format-class", fmt["format_class"])))
        types: tuple[Obj, ...] = ()
        given = fmt.get("format_types")
        if isinstance(given, list | tuple) and given:
            types = tuple(self.concept("format-type", t) for t in given)
            fpo.append((n.P_FORMAT_TYPES, types))  # type: ignore[arg-type]
        elif given is not None and not isinstance(given, list | tuple):
            fpo.append((n.P_FORMAT_TYPES, (literal(given),)))
        if fmt.get("other_description") is not None:
            fpo.append((n.P_FORMAT_OTHER, literal(fmt["other_description"])))
        po.append((n.P_FORMAT, node))
        subs.append((node, fpo))
        return types

    def items(self, items: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(items, list | tuple):
            if items is not None:  # unreadable: kept as written, for the shapes to see
                po.append((n.P_ITEM, literal(items)))
            return
        for pos, item in enumerate(items, 1):
            if not isinstance(item, Mapping):
                continue
            node = f"<{iri}#item-{pos}>"
            ipo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, n.C_ITEM),
                (n.P_POSITION, typed(str(pos), "positiveInteger")),
            ]
            for key, value in item.items():
                if value is None:
                    continue
                if key == "name":
                    ipo.append((n.P_ITEM_NAME, literal(value)))
                elif key == "data_type":
                    ipo.append((n.P_DATA_TYPE, self.concept("data-type", value)))
                elif key == "length":
                    ipo.append((n.P_LENGTH, literal(value)))
                elif key == "base_item":
                    ipo.append((n.P_BASE_ITEM, self.yes_no(value)))
                elif key == "data_element":
                    ipo.append((n.P_DATA_ELEMENT, literal(value)))
                elif key == "description":
                    ipo.append((n.P_ITEM_DESCRIPTION, literal(value)))
                elif key == "extensions" and value:
                    ipo.append((n.P_EXTENSIONS, json_literal(value)))
            po.append((n.P_ITEM, node))
            subs.append((node, ipo))

    def share(self, share: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(share, Mapping) or not share:
            return
        node = f"<{iri}#share>"
        spo: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_SHARE)]
        if "share_type" in share:
            spo.append((n.P_SHARE_TYPE, self.concept("share-type", share["share_type"])))
        if share.get("share_condition") is not None:
            spo.append((n.P_SHARE_CONDITION, literal(share["share_condition"])))
        if "share_mode_class" in share:
            spo.append(
                (n.P_MODE_CLASS, self.concept("share-mode-class", share["share_mode_class"]))
            )
        if "share_mode_type" in share:
            spo.append((n.P_MODE_TYPE, self.concept("share-mode-type", share["share_mode_type"])))
        po.append((n.P_SHARE, node))
        subs.append((node, spo))

    def open(self, opened: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]) -> None:
        if not isinstance(opened, Mapping) or not opened:
            return
        node = f"<{iri}#open>"
        opo: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_OPEN)]
        if "open_to_public" in opened:
            opo.append((n.P_OPEN_TO_PUBLIC, self.yes_no(opened["open_to_public"])))
        if opened.get("open_condition") is not None:
            opo.append((n.P_OPEN_CONDITION, literal(opened["open_condition"])))
        po.append((n.P_OPEN, node))
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
            po.append((n.LICENSE, self.external(opts.licence, n.LICENCE_DOC)))
        if opts.access_url and code:
            from urllib.parse import quote  # noqa: PLC0415 - only with distributions

            node = f"<{iri}#distribution>"
            dpo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, n.DCAT_DISTRIBUTION),
                (
                    n.ACCESS_URL,
                    self.external(
                        opts.access_url.format(code=quote(code, safe="")), n.RDFS_RESOURCE
                    ),
                ),
            ]
            for t in types:
                match = (
                    self.concepts.eu_match.get(t[1:-1])
                    if isinstance(t, str) and t[0] == "<"
                    else None
                )
                if match is not None:
                    dpo.append((n.FORMAT, self.external(match, n.MEDIA_TYPE)))
            if opts.licence:
                dpo.append((n.LICENSE, f"<{opts.licence}>"))
            po.append((n.DISTRIBUTION, node))
            subs.append((node, dpo))

    # ------------------------------------------------------------------ the catalog
    def catalog(self, info: Mapping[str, object], datasets: list[str]) -> Iterator[Block]:
        opts = self.options
        iri = catalog_iri(opts.base)
        po: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_CATALOG)]
        if opts.dcat:
            po.append((RDF_TYPE, n.DCAT_CATALOG))
        subs: list[Block] = []
        name = info.get("name")
        if name is not None:
            po.append((n.P_CATALOG_NAME, literal(name)))
        publisher = info.get("publisher")
        if publisher is not None:
            po.append((n.P_COMPILER, literal(publisher)))
        if info.get("region_code") is not None:
            po.append((n.P_REGION, literal(info["region_code"])))
        if "level" in info:
            po.append((n.P_LEVEL, self.concept("catalog-level", info["level"])))
        if info.get("version") is not None:
            po.append((n.P_VERSION, literal(info["version"])))
        issued = info.get("issued")
        if issued is not None:
            po.append((n.P_CATALOG_ISSUED, date_literal(issued)))
        if info.get("pack") is not None:
            po.append((n.P_PACK, literal(info["pack"])))
        if opts.dcat:
            title = name if isinstance(name, str) and name else opts.catalog_title
            po.append((n.TITLE, lang_string(title, "zh")))
            po.append(
                (n.DESCRIPTION, lang_string(opts.catalog_description or DEFAULT_DESCRIPTION, "zh"))
            )
            if publisher is not None:
                po.append((n.PUBLISHER, self.agent(publisher, None, subs)))
            if issued is not None and date_literal(issued).endswith("#date>"):
                po.append((n.ISSUED, date_literal(issued)))
            if opts.licence:
                po.append((n.LICENSE, self.external(opts.licence, n.LICENCE_DOC)))
        po.extend((n.DATASET, d) for d in datasets)
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
        for k, block in enumerate(writer.resource(res, position)):
            if k == 0:
                datasets.append(block[0])
            yield block
    info = catalog.get("catalog")
    yield from writer.catalog(info if isinstance(info, Mapping) else {}, datasets)
