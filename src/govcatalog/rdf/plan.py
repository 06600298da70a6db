"""The RDF layout of a pack's elements, compiled from its field table.

Each element's ``rdf`` path says where its value goes: one step is a property of the resource
(or of the data item, for ``items.*``); two steps go through the node of the element's group
(``govcat:shareAttributes / govcat:shareType``, the group's ``rdf`` and ``rdf_class`` name the
node) or through an agent (``govcat:provider / foaf:name`` with ``rdf_agent``, the element that
identifies the organisation). Export (:mod:`govcatalog.rdf.mapping`) and import
(:mod:`govcatalog.rdf.reader`) both walk this plan; the shapes read the same paths.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from govcatalog.packs.fields import FieldKind, FieldSpec, FieldTable
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.rdf.terms import Term, path_terms


class Form(StrEnum):
    """How a value is written: the kind of RDF term its element expects."""

    LITERAL = "literal"
    CONCEPT = "concept"
    YES_NO = "yes-no"
    DATE = "date"
    CONCEPTS = "concepts"
    CODES = "codes"


_FORMS = {
    FieldKind.VOCAB: Form.CONCEPT,
    FieldKind.BOOL: Form.YES_NO,
    FieldKind.DATE: Form.DATE,
    FieldKind.TEXTS: Form.CONCEPTS,
    FieldKind.CODES: Form.CODES,
}


@dataclass(frozen=True, slots=True)
class Leaf:
    """One element with a value: where it is read from and which property holds it.

    Attributes:
        source: Keys from the object (resource, data item or catalog facts) to the value.
        prop: The property (the last step of its path).
        form: How the value is written.
        scheme: The vocabulary of a concept.
    """

    source: tuple[str, ...]
    prop: Term
    form: Form = Form.LITERAL
    scheme: str | None = None


@dataclass(frozen=True, slots=True)
class Node:
    """A group written as a node of its own (``<resource#share>``) or as one node per entry.

    Attributes:
        key: The group's key in the resource.
        via: The property from the resource to the node.
        cls: The node's class.
        fragment: The node IRI's fragment (``#share``; ``#item-<n>`` for a list of groups).
        leaves: Its elements, their ``source`` relative to the group's object.
        whole: The node holds every element of its group, and is written for any non-empty
            group object; otherwise (the 类 of 信息资源分类 is a property of the resource) only
            when one of its own elements has a value.
    """

    key: str
    via: Term
    cls: Term
    fragment: str
    leaves: tuple[Leaf, ...]
    whole: bool = True


@dataclass(frozen=True, slots=True)
class Agent:
    """An element naming an organisation, written as an agent shared by its resources.

    Attributes:
        name: The leaf of the name (``govcat:provider / foaf:name``: ``via`` / ``prop``).
        via: The property from the resource to the agent.
        code: The key of the element identifying the agent.
    """

    name: Leaf
    via: Term
    code: str


Step = Leaf | Node | Agent


@dataclass(frozen=True, slots=True)
class RdfPlan:
    """Where every element of a pack goes in RDF.

    Attributes:
        resource: Steps of a resource, in the order their statements are written.
        items: The data items' node (one per item) or None.
        catalog: The catalog facts.
        reads: What the reader fills a record with, in field-table order: each element with
            its place in the record and its full path, and the data items' node.
    """

    resource: tuple[Step, ...]
    items: Node | None
    catalog: tuple[Leaf, ...]
    reads: tuple[Read | Node, ...]


@dataclass(frozen=True, slots=True)
class Read:
    """An element as the reader finds it: its place in the record and its full path.

    Attributes:
        source: Keys from the resource to the value.
        path: Properties from the resource to the value.
        leaf: How the value is written.
    """

    source: tuple[str, ...]
    path: tuple[Term, ...]
    leaf: Leaf


def _leaf(spec: FieldSpec, source: tuple[str, ...], prop: Term) -> Leaf:
    form = _FORMS.get(spec.kind, Form.LITERAL)
    return Leaf(source, prop, form, spec.vocabulary if form is not Form.LITERAL else None)


def _node(group: FieldSpec, leaves: tuple[Leaf, ...], *, whole: bool = True) -> Node:
    via = path_terms(group.rdf)
    if len(via) != 1 or not group.rdf_class:
        msg = f"group {group.id}: a node needs a one-step rdf path and rdf_class"
        raise ValueError(msg)
    cls = path_terms((group.rdf_class,))[0]
    return Node(group.key, via[0], cls, group.rdf_node or group.key, leaves, whole)


def compile_plan(table: FieldTable) -> RdfPlan:
    """The RDF plan of a field table's national elements (``extensions.*`` aside).

    Statements follow the table's order; a group's node is written where its first element
    is, an agent once both its name and its code are known.

    Raises:
        ValueError: For a path the layout cannot hold (more than two steps, or two steps
            through neither the group's node nor an agent).
    """
    order: list[Step | str] = []  # a group id stands for its node until all leaves are known
    nodes: dict[str, list[Leaf]] = {}
    agents: list[tuple[str, Agent]] = []
    reads: list[Read | Node] = []
    items: Node | None = None
    seen: set[str] = set()
    items_key = next((f.id for f in table.children(None) if f.kind is FieldKind.GROUPS), "")
    for spec in table.resource_fields():
        seen.add(spec.id)
        if spec.rdf and spec.parent not in ("extensions", items_key):
            if spec.kind is FieldKind.GROUPS:
                items = _items(table, spec)
                order.append(items)
                reads.append(items)
            elif spec.kind is not FieldKind.GROUP:
                leaf, path, place = _place(table, spec)
                reads.append(Read(tuple(spec.id.split(".")), path, leaf))
                if isinstance(place, Agent):
                    agents.append((spec.id, place))
                elif not place:
                    order.append(leaf)
                else:
                    if place not in nodes:
                        order.append(place)
                    nodes.setdefault(place, []).append(leaf)
        for name, agent in agents:  # an agent is written once its name and code are known
            if spec.id in (name, agent.code) and {name, agent.code} <= seen:
                order.append(agent)
    steps = tuple(
        s
        if not isinstance(s, str)
        else _node(table.get(s), tuple(nodes[s]), whole=_whole(table, s))
        for s in order
    )
    catalog = tuple(
        _leaf(f, (f.key,), path_terms(f.rdf)[0]) for f in table.catalog_fields() if f.rdf
    )
    return RdfPlan(steps, items, catalog, tuple(reads))


def _place(table: FieldTable, spec: FieldSpec) -> tuple[Leaf, tuple[Term, ...], Agent | str]:
    """The leaf of an element, its full path and where it goes: ``""`` the resource, a group id
    its node, or an agent."""
    path = path_terms(spec.rdf)
    parent = table.get(spec.parent) if spec.parent else None
    if len(path) == 1:
        return _leaf(spec, tuple(spec.id.split(".")), path[0]), path, ""
    if len(path) == 2 and parent is not None and parent.rdf == spec.rdf[:1]:
        return _leaf(spec, (spec.key,), path[1]), path, parent.id
    if len(path) == 2 and spec.rdf_agent:
        leaf = _leaf(spec, (spec.key,), path[1])
        return leaf, path, Agent(leaf, path[0], spec.rdf_agent)
    msg = f"field {spec.id}: rdf path {' / '.join(spec.rdf)} is neither a property, a property "
    msg += "of its group's node nor of an agent (rdf_agent)"
    raise ValueError(msg)


def _whole(table: FieldTable, group: str) -> bool:
    via = table.get(group).rdf
    return all(c.rdf[:1] == via for c in table.children(group) if c.rdf)


def _items(table: FieldTable, spec: FieldSpec) -> Node:
    leaves = tuple(
        _leaf(c, (c.key,), path_terms(c.rdf)[0])
        for c in table.children(spec.id)
        if c.rdf and c.kind not in (FieldKind.GROUP, FieldKind.GROUPS)
    )
    return _node(spec, leaves)


@functools.cache
def national_plan() -> RdfPlan:
    """The plan of the national pack (the elements every catalog export writes)."""
    return compile_plan(get_pack(DEFAULT_PACK).fields)


__all__ = [
    "Agent",
    "Form",
    "Leaf",
    "Node",
    "RdfPlan",
    "Read",
    "Step",
    "compile_plan",
    "national_plan",
]
