"""Read RDF back into a catalog: safe parsing, then the govcat statements → canonical records.

Parsing is bounded and offline: the input is read up to a size limit; RDF/XML with a
DTD is refused (no entities); a JSON-LD document may only use the shipped context,
referred to by its IRI or written inline — any other remote context is refused, so
rdflib never fetches anything.

Only the govcat statements are read (see :mod:`govcatalog.rdf.mapping`); the DCAT view
is derived from them and ignored. A concept IRI becomes its canonical Chinese label; a
literal where a concept is expected is kept as text, so the validator reports it.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import rdflib

from govcatalog.errors import LoadError
from govcatalog.io.records import Position, RawRecord, SourceDocument
from govcatalog.model.resource import Catalog
from govcatalog.packs.pack import Pack
from govcatalog.rdf import names as m
from govcatalog.rdf.concepts import concept_index
from govcatalog.rdf.export import CONTEXT_IRI, RdfFormat, format_for, jsonld_context
from govcatalog.rdf.mapping import ElementProperty, element_properties
from govcatalog.rdf.plan import Form, Leaf, Node, national_plan
from govcatalog.rdf.terms import RDF, XSD, Term, iri_term

MAX_BYTES: Final = 256 * 1024 * 1024
"""Largest RDF input read (bytes)."""

_INTEGER: Final = {
    XSD + t for t in ("integer", "positiveInteger", "nonNegativeInteger", "int", "long")
}
_JSON: Final = RDF + "JSON"
_BOOLEAN: Final = XSD + "boolean"
_ABSENT: Final = object()


def _fail(source: str, zh: str, en: str) -> LoadError:
    return LoadError(source, zh, en)


def _contexts(value: object, source: str, shipped: object) -> object:
    """``value`` with the shipped context's IRI replaced by its content; others refused."""
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return shipped
        raise _fail(
            source,
            f"不允许远程 JSON-LD 上下文：{value}",
            f"remote JSON-LD context not allowed: {value}",
        )
    if isinstance(value, list):
        return [_contexts(v, source, shipped) for v in value]
    # An inline context: its term definitions may hold scoped contexts of their own.
    return _offline_jsonld(value, source, shipped)


def _offline_jsonld(data: object, source: str, shipped: object) -> object:
    if isinstance(data, dict):
        if "@import" in data:
            raise _fail(source, "不允许 JSON-LD @import", "JSON-LD @import is not allowed")
        out: dict[str, object] = {}
        for key, value in data.items():
            out[key] = (
                _contexts(value, source, shipped)
                if key == "@context"
                else _offline_jsonld(value, source, shipped)
            )
        return out
    if isinstance(data, list):
        return [_offline_jsonld(v, source, shipped) for v in data]
    return data


def parse_rdf(
    data: bytes, fmt: RdfFormat, source: str = "<rdf>", max_bytes: int = MAX_BYTES
) -> rdflib.Graph:
    """Parse RDF text safely into a graph.

    Raises:
        LoadError: Too large, not UTF-8, a DTD in RDF/XML, a remote JSON-LD context, or a
            syntax error.
    """
    if len(data) > max_bytes:
        raise _fail(source, f"文件超过 {max_bytes} 字节", f"larger than {max_bytes} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(source, "不是 UTF-8 编码", f"not UTF-8 ({exc.reason})") from None
    if fmt is RdfFormat.RDFXML and ("<!DOCTYPE" in text or "<!ENTITY" in text):
        raise _fail(
            source,
            "RDF/XML 不允许 DTD 或实体声明",
            "RDF/XML with a DTD or entity declarations is refused",
        )
    if fmt is RdfFormat.JSONLD:
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LoadError(
                source,
                f"JSON 语法错误：{exc.msg}",
                f"JSON syntax error: {exc.msg}",
                exc.lineno,
                exc.colno,
            ) from None
        text = json.dumps(
            _offline_jsonld(doc, source, jsonld_context()["@context"]), ensure_ascii=False
        )
    graph = rdflib.Graph(bind_namespaces="none")
    try:
        with warnings.catch_warnings():
            # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(data=text, format=fmt.rdflib_name)
    except Exception as exc:
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise _fail(source, f"RDF 语法错误：{detail}", f"RDF syntax error: {detail}") from None
    return graph


def read_graph(
    path: Path, fmt: RdfFormat | None = None, max_bytes: int = MAX_BYTES
) -> rdflib.Graph:
    """Parse an RDF file safely (format from the suffix unless given)."""
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise _fail(
            str(path), f"无法打开文件：{exc.strerror}", f"cannot open the file: {exc.strerror}"
        ) from None
    return parse_rdf(data, fmt or format_for(path), str(path), max_bytes)


# ---------------------------------------------------------------------------------- graph → records
_MAX_LIST = 100_000


class _Records:
    def __init__(self, graph: rdflib.Graph, elements: tuple[ElementProperty, ...] = ()) -> None:
        self.g = graph
        self.labels = concept_index().label_of
        self.elements = elements
        self.plan = national_plan()

    def one(self, s: rdflib.term.Node, p: Term) -> rdflib.term.Node | None:
        return self.g.value(s, rdflib.URIRef(p.iri))

    def value(self, o: rdflib.term.Node) -> object:
        if isinstance(o, rdflib.Literal):
            dt = str(o.datatype) if o.datatype is not None else None
            lexical = str(o)
            if dt in _INTEGER and lexical.lstrip("+-").isdigit():
                return int(lexical)
            if dt == _BOOLEAN and lexical in ("true", "false"):
                return lexical == "true"
            if dt == _JSON:
                try:
                    return json.loads(lexical)
                except json.JSONDecodeError:
                    return lexical
            return lexical
        iri = str(o)
        return self.labels.get(iri, iri)

    def yes_no(self, o: rdflib.term.Node) -> object:
        idx = concept_index()
        if str(o) == idx.yes:
            return True
        if str(o) == idx.no:
            return False
        return self.value(o)

    def put(self, dst: dict[str, object], key: str, s: rdflib.term.Node, p: Term) -> None:
        o = self.one(s, p)
        if o is not None:
            dst[key] = self.value(o)

    def members(self, head: rdflib.term.Node) -> Iterator[rdflib.term.Node]:
        """The members of an rdf:List, refusing a cycle or a list longer than the bound."""
        first, rest = rdflib.RDF.first, rdflib.RDF.rest
        seen: set[rdflib.term.Node] = set()
        node: rdflib.term.Node | None = head
        while node is not None and node != rdflib.RDF.nil:
            if node in seen or len(seen) >= _MAX_LIST:
                raise _fail(
                    "rdf:List",
                    "RDF 列表成环或过长，已拒绝读取",
                    f"an rdf:List is cyclic or longer than {_MAX_LIST} members; refused",
                )
            seen.add(node)
            item = self.g.value(node, first)
            if item is not None:
                yield item
            node = self.g.value(node, rest)

    def read(self, s: rdflib.term.Node, path: tuple[Term, ...], leaf: Leaf) -> object:
        """The value at the end of ``path`` from ``s`` (``_ABSENT`` when there is none)."""
        node: rdflib.term.Node | None = s
        for step in path[:-1]:
            node = self.one(node, step) if node is not None else None
        o = self.one(node, path[-1]) if node is not None else None
        if o is None:
            return _ABSENT
        if leaf.form is Form.YES_NO:
            return self.yes_no(o)
        if leaf.form in (Form.CONCEPTS, Form.CODES):
            return [self.value(o)] if isinstance(o, rdflib.Literal) else self.list_of(o)
        return self.value(o)

    def list_of(self, head: rdflib.term.Node) -> list[object]:
        return [self.value(x) for x in self.members(head)]

    def position(self, s: rdflib.term.Node) -> tuple[int, str]:
        pos = self.one(s, m.P_POSITION)
        value = self.value(pos) if pos is not None else None
        return (value if isinstance(value, int) else 1 << 62, str(s))

    def resource(self, s: rdflib.term.Node) -> dict[str, object]:
        rec: dict[str, object] = {}
        for entry in self.plan.reads:
            if isinstance(entry, Node):
                self.items(rec, s, entry)
                continue
            value = self.read(s, entry.path, entry.leaf)
            if value is not _ABSENT:
                *groups, key = entry.source
                dst = rec
                for group in groups:
                    inner = dst.setdefault(group, {})
                    assert isinstance(inner, dict)
                    dst = inner
                dst[key] = value
        self.put(rec, "extensions", s, m.P_EXTENSIONS)
        for el in self.elements:  # local elements with a property of their own
            o = self.one(s, iri_term(el.iri))
            if o is not None:
                ext = rec.setdefault("extensions", {})
                if isinstance(ext, dict):
                    labels = {iri: label for label, iri in el.concepts}
                    ext[el.key] = labels.get(str(o)) or self.value(o)
        return rec

    def items(self, rec: dict[str, object], s: rdflib.term.Node, node: Node) -> None:
        items = sorted(self.g.objects(s, rdflib.URIRef(node.via.iri)), key=self.position)
        literals = [i for i in items if isinstance(i, rdflib.Literal)]
        if literals:  # items written as a value, not as data items: left for the validator
            rec[node.key] = self.value(literals[0])
        elif items:
            rec[node.key] = [self.item(i, node) for i in items]

    def item(self, s: rdflib.term.Node, node: Node) -> dict[str, object]:
        out = self.fields(s, node.leaves)
        self.put(out, "extensions", s, m.P_EXTENSIONS)
        return out

    def fields(self, s: rdflib.term.Node, leaves: tuple[Leaf, ...]) -> dict[str, object]:
        out: dict[str, object] = {}
        for leaf in leaves:
            value = self.read(s, (leaf.prop,), leaf)
            if value is not _ABSENT:
                out[leaf.source[-1]] = value
        return out

    def info(self, s: rdflib.term.Node) -> dict[str, object]:
        return self.fields(s, self.plan.catalog)

    def resources(self) -> list[rdflib.term.Node]:
        found = self.g.subjects(rdflib.RDF.type, rdflib.URIRef(m.C_RESOURCE.iri))
        return sorted(set(found), key=self.position)

    def catalog(self) -> rdflib.term.Node | None:
        found = sorted(
            set(self.g.subjects(rdflib.RDF.type, rdflib.URIRef(m.C_CATALOG.iri))), key=str
        )
        return found[0] if found else None


def graph_to_dict(
    graph: rdflib.Graph, elements: tuple[ElementProperty, ...] = ()
) -> dict[str, object]:
    """The catalog a graph describes, in the canonical JSON shape (values as found).

    Resources are the subjects typed ``govcat:InformationResource``, in ``govcat:position``
    order (then by IRI); the catalog facts come from the ``govcat:InformationResourceCatalog``.
    ``elements`` are the local elements written as properties of their own
    (:func:`~govcatalog.rdf.mapping.element_properties`).
    """
    records = _Records(graph, elements)
    node = records.catalog()
    out: dict[str, object] = {"catalog": records.info(node) if node is not None else {}}
    out["resources"] = [records.resource(r) for r in records.resources()]
    return out


def from_graph(graph: rdflib.Graph) -> Catalog:
    """The typed catalog of a graph written by :mod:`govcatalog.rdf.export`.

    Raises:
        pydantic.ValidationError: When a value does not fit the model (use
            :func:`govcatalog.load_catalog` on the file to read such data leniently).
    """
    return Catalog.model_validate(graph_to_dict(graph))


def _sniff_rdf(data: bytes, name: str) -> RdfFormat:
    """The RDF syntax of bytes: from the name's suffix, else from the first character."""
    suffix = Path(name).suffix.lower().lstrip(".")
    for fmt in RdfFormat:
        if fmt.value == suffix:
            return fmt
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return RdfFormat.JSONLD
    return RdfFormat.RDFXML if head == b"<" else RdfFormat.TURTLE


def read_rdf(path: Path | bytes, name: str, pack: Pack | None = None) -> SourceDocument:
    """Reader of the RDF formats (``.ttl``, ``.jsonld``, ``.rdf``, ``.nt``) for validation.

    Each resource becomes a record in the canonical JSON shape at pointer
    ``/resources/<n>``, ``n`` counting resources in ``govcat:position`` order from 0;
    findings carry that pointer and the resource code, but no line numbers (a graph has
    no positions).

    Raises:
        LoadError: When the file cannot be read or parsed.
    """
    elements = element_properties(pack) if pack is not None else ()
    graph = (
        parse_rdf(path, _sniff_rdf(path, name), name)
        if isinstance(path, bytes)
        else read_graph(path)
    )
    data = graph_to_dict(graph, elements)
    resources = data["resources"]
    assert isinstance(resources, list)
    info = RawRecord(-1, "/catalog", data["catalog"], Position())

    def records() -> Iterator[RawRecord]:
        for i, rec in enumerate(resources):
            yield RawRecord(i, f"/resources/{i}", rec, Position())

    return SourceDocument(name, info, records())
