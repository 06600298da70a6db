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

from govcatalog.rdf import names as n
from govcatalog.rdf.concepts import BOOL_SCHEME, ConceptIndex, concept_index
from govcatalog.rdf.options import (
    DEFAULT_DESCRIPTION,
    ElementProperty,
    ExportOptions,
    element_properties,
)
from govcatalog.rdf.plan import Agent, Form, Leaf, Node, RdfPlan, national_plan
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


DCAT_VIEW: Final[Mapping[tuple[str, ...], Term]] = {
    ("name",): n.TITLE,
    ("code",): n.IDENTIFIER,
    ("abstract",): n.DESCRIPTION,
    ("update_cycle",): n.PERIODICITY,
    ("publish_date",): n.ISSUED,
}
"""The national elements' DCAT-AP view: element → the DCAT / DCMI property written beside it
(the provider is also ``dcterms:publisher``; the format types are the distribution's formats)."""


def _at(obj: Mapping[str, object], source: tuple[str, ...]) -> object:
    """The value at ``source`` in a record (None when absent or not an object on the way)."""
    value: object = obj
    for key in source:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _concepts(node: Node, npo: list[tuple[Term, Obj]]) -> tuple[Obj, ...]:
    """The concepts of the node's list of concepts (the format types), if it has one."""
    props = {leaf.prop for leaf in node.leaves if leaf.form is Form.CONCEPTS}
    return next((o for p, o in npo if p in props and isinstance(o, tuple)), ())


@dataclass
class _Writer:
    options: ExportOptions
    plan: RdfPlan = field(default_factory=national_plan)
    concepts: ConceptIndex = field(default_factory=concept_index)
    agents: set[str] = field(default_factory=set)
    externals: dict[str, Term] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)

    # ------------------------------------------------------------------ values
    def concept(self, scheme: str, value: object) -> str:
        if isinstance(value, str):
            iri = self.concepts.iri_of.get(scheme, {}).get(value)
            if iri is not None:
                return f"<{iri}>"
        return literal(value)

    def yes_no(self, value: object) -> str:
        if value is True:
            return f"<{self.concepts.yes}>"
        if value is False:
            return f"<{self.concepts.no}>"
        return self.concept(BOOL_SCHEME, value)

    def value(self, leaf: Leaf, value: object) -> Obj | None:
        """The object of one element's value (None: nothing is written)."""
        form = leaf.form
        if form is Form.CONCEPT:
            return self.concept(leaf.scheme or "", value)
        if form is Form.YES_NO:
            return self.yes_no(value)
        if form is Form.DATE:
            return date_literal(value)
        if form is Form.CONCEPTS:
            if isinstance(value, list | tuple):
                return tuple(self.concept(leaf.scheme or "", v) for v in value) or None
            return (literal(value),)
        if form is Form.CODES:
            if isinstance(value, list | tuple) and value:
                return tuple(literal(c) for c in value)
            return None
        return literal(value)

    def leaves(self, leaves: tuple[Leaf, ...], obj: Mapping[str, object]) -> list[tuple[Term, Obj]]:
        out: list[tuple[Term, Obj]] = []
        for leaf in leaves:
            value = _at(obj, leaf.source)
            written = None if value is None else self.value(leaf, value)
            if written is not None:
                out.append((leaf.prop, written))
        return out

    # ------------------------------------------------------------------ resources
    def resource(self, res: Mapping[str, object], position: int) -> Iterator[Block]:
        code = res.get("code")
        key = code if isinstance(code, str) and code not in self.codes else None
        if key is not None:
            self.codes.add(key)
        iri = resource_iri(self.options.base, key, position)
        dcat = self.options.dcat
        po: list[tuple[Term, Obj]] = [(RDF_TYPE, n.C_RESOURCE)]
        if dcat:
            po.append((RDF_TYPE, n.DCAT_DATASET))
        po.append((n.P_POSITION, typed(str(position), "positiveInteger")))
        subs: list[Block] = []
        types: tuple[Obj, ...] = ()
        for step in self.plan.resource:
            if isinstance(step, Agent):
                self.agent_step(step, res, po, subs)
            elif isinstance(step, Node) and step is self.plan.items:
                self.items(step, res.get(step.key), iri, po, subs)
            elif isinstance(step, Node):
                group = res.get(step.key)
                npo = self.leaves(step.leaves, group) if isinstance(group, Mapping) else []
                if npo or (step.whole and isinstance(group, Mapping) and group):
                    node = f"<{iri}#{step.fragment}>"
                    po.append((step.via, node))
                    subs.append((node, [(RDF_TYPE, step.cls), *npo]))
                    types = types or _concepts(step, npo)
            else:
                value = _at(res, step.source)
                obj = None if value is None else self.value(step, value)
                if obj is not None:
                    po.append((step.prop, obj))
                    self.derived(step, value, obj, po)
        extensions = self.elements(res.get("extensions"), po)
        if extensions:
            po.append((n.P_EXTENSIONS, json_literal(extensions)))
        if dcat:
            self.dcat_extras(iri, key, types, po, subs)
        yield (f"<{iri}>", po)
        yield from subs

    def derived(self, leaf: Leaf, value: object, obj: Obj, po: list[tuple[Term, Obj]]) -> None:
        """Statements derived from an element's value, never read back: links to the related
        resources, and the DCAT view."""
        if leaf.form is Form.CODES and isinstance(value, list | tuple):
            base = self.options.base
            po.extend(
                (n.P_RELATED, f"<{resource_iri(base, c, 0)}>")
                for c in value
                if isinstance(c, str) and c
            )
        view = DCAT_VIEW.get(leaf.source) if self.options.dcat else None
        if view is None or not isinstance(obj, str):
            return
        if view is n.PERIODICITY:
            match = self.concepts.eu_match.get(obj[1:-1]) if obj[0] == "<" else None
            if match is not None:
                po.append((view, self.external(match, n.FREQUENCY)))
        elif view is n.ISSUED:
            if obj.endswith("#date>"):
                po.append((view, obj))
        elif isinstance(value, str):
            po.append((view, string(value) if view is n.IDENTIFIER else lang_string(value, "zh")))

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

    def agent_step(
        self, step: Agent, res: Mapping[str, object], po: list[tuple[Term, Obj]], subs: list[Block]
    ) -> None:
        name = _at(res, step.name.source)
        if name is not None:
            agent = self.agent(name, res.get(step.code), subs)
            po.append((step.via, agent))
            if self.options.dcat:
                po.append((n.PUBLISHER, agent))

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

    def items(
        self, node: Node, items: object, iri: str, po: list[tuple[Term, Obj]], subs: list[Block]
    ) -> None:
        if not isinstance(items, list | tuple):
            if items is not None:  # unreadable: kept as written, for the shapes to see
                po.append((node.via, literal(items)))
            return
        by_key = {leaf.source[0]: leaf for leaf in node.leaves}
        for pos, item in enumerate(items, 1):
            if not isinstance(item, Mapping):
                continue
            ref = f"<{iri}#{node.fragment}-{pos}>"
            ipo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, node.cls),
                (n.P_POSITION, typed(str(pos), "positiveInteger")),
            ]
            for key, value in item.items():  # in the item's own order
                leaf = by_key.get(key)
                written = None if leaf is None or value is None else self.value(leaf, value)
                if leaf is not None and written is not None:
                    ipo.append((leaf.prop, written))
                elif key == "extensions" and value:
                    ipo.append((n.P_EXTENSIONS, json_literal(value)))
            po.append((node.via, ref))
            subs.append((ref, ipo))

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
        po.extend(self.leaves(self.plan.catalog, info))
        name, publisher, issued = info.get("name"), info.get("publisher"), info.get("issued")
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
