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

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial

from govcatalog.rdf import names as n
from govcatalog.rdf.options import (
    DEFAULT_DESCRIPTION,
    ElementProperty,
    ExportOptions,
    element_properties,
)
from govcatalog.rdf.plan import Agent, Form, Leaf, Node, RdfPlan, Step, national_plan
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
from govcatalog.rdf.values import (
    DCAT_VIEW,
    Block,
    Derive,
    Obj,
    Po,
    Values,
    Write,
    date_view,
    text_view,
)
from govcatalog.records.hits import value_at

__all__ = ["Block", "ElementProperty", "ExportOptions", "Obj", "element_properties", "iter_blocks"]

_Run = Callable[[Mapping[str, object], str, Po, list[Block]], "tuple[Obj, ...] | None"]


def _at(obj: Mapping[str, object], source: tuple[str, ...]) -> object:
    """The value at ``source`` in a record (None when absent or not an object on the way)."""
    return obj.get(source[0]) if len(source) == 1 else value_at(obj, source)


def _concepts(node: Node, npo: list[tuple[Term, Obj]]) -> tuple[Obj, ...]:
    """The concepts of the node's list of concepts (the format types), if it has one."""
    props = {leaf.prop for leaf in node.leaves if leaf.form is Form.CONCEPTS}
    return next((o for p, o in npo if p in props and isinstance(o, tuple)), ())


@dataclass
class Writer:
    options: ExportOptions
    plan: RdfPlan = field(default_factory=national_plan)
    values: Values = field(default_factory=Values)
    agents: set[str] = field(default_factory=set)
    externals: dict[str, Term] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # One writer function per element, chosen once: the loops below run per value.
        plan = self.plan
        leaves = [*plan.catalog, *(plan.items.leaves if plan.items else ())]
        for step in plan.resource:
            if isinstance(step, Node):
                leaves.extend(step.leaves)
            elif isinstance(step, Leaf):
                leaves.append(step)
        self.writers = {id(leaf): self.values.writer(leaf) for leaf in leaves}
        self.item_writers = {
            leaf.source[0]: (leaf.prop, self.writers[id(leaf)])
            for leaf in (plan.items.leaves if plan.items else ())
        }
        self.runs = [self.run(step) for step in plan.resource]

    def run(self, step: Step) -> _Run:
        """The function writing one step of the plan for a resource."""
        if isinstance(step, Agent):
            return partial(self.agent_step, step)
        if step is self.plan.items:
            return partial(self.items, step)
        if isinstance(step, Node):
            writers = [(leaf.source[0], leaf.prop, self.writers[id(leaf)]) for leaf in step.leaves]
            return partial(self.node, step, writers)
        write = self.writers[id(step)]
        key = step.source[0] if len(step.source) == 1 else None
        derive = self.deriver(step)

        def leaf(res: Mapping[str, object], _iri: str, po: Po, _subs: list[Block]) -> None:
            value = res.get(key) if key is not None else _at(res, step.source)
            obj = None if value is None else write(value)
            if obj is not None:
                po.append((step.prop, obj))
                if derive is not None:
                    derive(value, obj, po)

        return leaf

    def node(
        self,
        step: Node,
        writers: list[tuple[str, Term, Write]],
        res: Mapping[str, object],
        iri: str,
        po: Po,
        subs: list[Block],
    ) -> tuple[Obj, ...]:
        group = res.get(step.key)
        if not isinstance(group, Mapping):
            return ()
        npo: Po = [(RDF_TYPE, step.cls)]
        for key, prop, write in writers:
            value = group.get(key)
            obj = None if value is None else write(value)
            if obj is not None:
                npo.append((prop, obj))
        if len(npo) == 1 and not (step.whole and group):
            return ()
        ref = f"<{iri}#{step.fragment}>"
        po.append((step.via, ref))
        subs.append((ref, npo))
        return _concepts(step, npo) if self.options.access_url else ()

    def leaves(self, leaves: tuple[Leaf, ...], obj: Mapping[str, object]) -> list[tuple[Term, Obj]]:
        out: list[tuple[Term, Obj]] = []
        for leaf in leaves:
            value = _at(obj, leaf.source)
            written = None if value is None else self.writers[id(leaf)](value)
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
        for run in self.runs:
            found = run(res, iri, po, subs)
            if found:
                types = types or found
        extensions = self.elements(res.get("extensions"), po)
        if extensions:
            po.append((n.P_EXTENSIONS, json_literal(extensions)))
        if dcat:
            self.dcat_extras(iri, key, types, po, subs)
        yield (f"<{iri}>", po)
        yield from subs

    def deriver(self, leaf: Leaf) -> Derive | None:
        """What an element's value adds beside it, never read back: links to the related
        resources, or its DCAT view (:data:`DCAT_VIEW`)."""
        if leaf.form is Form.CODES:
            return self.related
        view = DCAT_VIEW.get(leaf.source) if self.options.dcat else None
        if view is n.PERIODICITY:
            return self.periodicity
        if view is n.ISSUED:
            return date_view
        if view is not None:
            return partial(text_view, view, None if view is n.IDENTIFIER else "zh")
        return None

    def related(self, value: object, _obj: Obj, po: Po) -> None:
        if isinstance(value, list | tuple):
            base = self.options.base
            po.extend(
                (n.P_RELATED, f"<{resource_iri(base, c, 0)}>")
                for c in value
                if isinstance(c, str) and c
            )

    def periodicity(self, _value: object, obj: Obj, po: Po) -> None:
        if not isinstance(obj, str) or obj[0] != "<":
            return
        match = self.values.concepts.eu_match.get(obj[1:-1])
        if match is not None:
            po.append((n.PERIODICITY, self.external(match, n.FREQUENCY)))

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
        self, step: Agent, res: Mapping[str, object], _iri: str, po: Po, subs: list[Block]
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
        self, node: Node, res: Mapping[str, object], iri: str, po: Po, subs: list[Block]
    ) -> None:
        items = res.get(node.key)
        if not isinstance(items, list | tuple):
            if items is not None:  # unreadable: kept as written, for the shapes to see
                po.append((node.via, literal(items)))
            return
        writers = self.item_writers
        for pos, item in enumerate(items, 1):
            if not isinstance(item, Mapping):
                continue
            ref = f"<{iri}#{node.fragment}-{pos}>"
            ipo: list[tuple[Term, Obj]] = [
                (RDF_TYPE, node.cls),
                (n.P_POSITION, typed(str(pos), "positiveInteger")),
            ]
            for key, value in item.items():  # in the item's own order
                if value is None:
                    continue
                found = writers.get(key)
                if found is not None:
                    written = found[1](value)
                    if written is not None:
                        ipo.append((found[0], written))
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
                    self.values.concepts.eu_match.get(t[1:-1])
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
    writer = Writer(options or ExportOptions())
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
