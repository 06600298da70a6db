"""Reading catalogs from YAML, with line/column for every value.

YAML anchors and aliases are refused: a catalog has no use for them and they allow
documents that expand exponentially when walked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from govcatalog.errors import LoadError
from govcatalog.io._jsonpos import unescape
from govcatalog.io.json_reader import decode_text, read_bytes
from govcatalog.io.records import (
    DocumentProblem,
    Position,
    RawRecord,
    SourceDocument,
    pointer_token,
)
from govcatalog.io.shape import INFO_KEYS, not_a_list
from govcatalog.io.top_plan import TopMember, plan_top

DEFAULT_MAX_BYTES = 256 * 1024**2
"""Largest YAML input read by default (256 MiB)."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class YamlLocator:
    """Locates pointers inside one record's YAML node."""

    node: yaml.Node

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Line and column of the deepest existing node on ``pointer``."""
        return self._locate(pointer, None)

    def locate_many(self, pointers: Sequence[str]) -> list[tuple[int | None, int | None]]:
        """:meth:`locate` of each pointer, each mapping on their way looked through once
        (where one at a time each is searched through its keys again)."""
        keys: dict[int, dict[object, yaml.Node]] = {}
        return [self._locate(pointer, keys) for pointer in pointers]

    def _locate(
        self, pointer: str, keys: dict[int, dict[object, yaml.Node]] | None
    ) -> tuple[int | None, int | None]:
        """:meth:`locate`, with the values of the mappings looked through (by their id) in
        ``keys`` when given."""
        node = self.node
        for raw in pointer[1:].split("/") if pointer else ():
            part = unescape(raw)
            nxt: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                if keys is None:
                    # the last value of a key given twice is the one read
                    nxt = next(
                        (v for k, v in reversed(node.value) if getattr(k, "value", None) == part),
                        None,
                    )
                else:
                    nxt = _values(node, keys).get(part)
            elif (
                isinstance(node, yaml.SequenceNode)
                and part.isdigit()
                and int(part) < len(node.value)
            ):
                nxt = node.value[int(part)]
            if nxt is None:
                break
            node = nxt
        return node.start_mark.line + 1, node.start_mark.column + 1


def _values(
    node: yaml.MappingNode, keys: dict[int, dict[object, yaml.Node]]
) -> dict[object, yaml.Node]:
    """The value of each key of a mapping written as a scalar, the last of a key given twice."""
    found = keys.get(id(node))
    if found is None:
        found = keys[id(node)] = {
            k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)
        }
    return found


def _compose(text: str, name: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise LoadError(
            name,
            f"YAML 语法错误：{exc.problem}",
            f"YAML syntax error: {exc.problem}",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError(name, f"YAML 错误：{exc}", f"YAML error: {exc}") from None
    except RecursionError:
        raise LoadError(
            name, "YAML 嵌套层次过深，无法读取", "the YAML is nested too deeply to read"
        ) from None
    finally:
        loader.dispose()
    return node


def _check_no_alias(node: yaml.Node, name: str, seen: set[int]) -> None:
    if id(node) in seen:
        m = node.start_mark
        raise LoadError(
            name,
            "不允许使用 YAML 锚点和别名",
            "YAML anchors and aliases are not allowed",
            m.line + 1,
            m.column + 1,
        )
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _check_no_alias(k, name, seen)
            _check_no_alias(v, name, seen)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _check_no_alias(v, name, seen)


def _repeated(node: yaml.Node) -> tuple[str, ...]:
    """The pointers of the keys a mapping of ``node`` gives twice, as
    :attr:`~govcatalog.io.records.RawRecord.repeated` (inside the values read: the last)."""
    found: dict[str, None] = {}  # each once, in order
    stack: list[tuple[str, yaml.Node]] = [("", node)]
    while stack:
        pointer, at = stack.pop()
        if isinstance(at, yaml.MappingNode):
            last = {str(getattr(k, "value", "")): v for k, v in at.value}
            if len(last) < len(at.value):
                seen: set[str] = set()
                for k, _ in at.value:
                    key = str(getattr(k, "value", ""))
                    if key in seen:
                        found[f"{pointer}/{pointer_token(key)}"] = None
                    seen.add(key)
            members = [(f"{pointer}/{pointer_token(k)}", v) for k, v in last.items()]
        elif isinstance(at, yaml.SequenceNode):
            members = [(f"{pointer}/{i}", v) for i, v in enumerate(at.value)]
        else:
            continue
        stack += reversed(members)
    return tuple(found)


def _raw(index: int, pointer: str, node: yaml.Node) -> RawRecord:
    locator = YamlLocator(node)
    return RawRecord(index, pointer, _construct(node), locator, None, None, _repeated(node))


def _construct(node: yaml.Node) -> object:
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def read_yaml_text(text: str, name: str) -> SourceDocument:
    """Read a catalog from YAML text.

    Raises:
        LoadError: On a syntax error or an alias.
    """
    root = _compose(text, name)
    if root is None:
        raise LoadError(name, "文件为空", "the file is empty")
    _check_no_alias(root, name, set())
    doc = SourceDocument(name, None, iter(()))
    if isinstance(root, yaml.SequenceNode):
        doc.records = _records(root, "")
        return doc
    if not isinstance(root, yaml.MappingNode):
        m = root.start_mark
        doc.problems.append(
            DocumentProblem(
                "", "顶层不是对象", "the top level is not an object", m.line + 1, m.column + 1
            )
        )
        return doc
    _top(root, doc)
    return doc


def _records(seq: yaml.SequenceNode, pointer: str) -> Iterator[RawRecord]:
    for index, item in enumerate(seq.value):
        yield _raw(index, f"{pointer}/{index}", item)


def _top(root: yaml.MappingNode, doc: SourceDocument) -> None:
    """The facts and the resources of a top-level mapping: the later of two members naming
    one of them, the earlier said (:func:`~govcatalog.io.top_plan.plan_top`)."""
    keys = [str(getattr(k, "value", "")) for k, _ in root.value]
    plan = plan_top(
        [
            TopMember(key, len(v.value) if isinstance(v, yaml.SequenceNode) else None, *_at(v))
            for key, (_, v) in zip(keys, root.value, strict=True)
        ]
    )
    doc.problems.extend(plan.problems)
    if plan.resources is not None:
        key, value = keys[plan.resources], root.value[plan.resources][1]
        pointer = "/" + pointer_token(key)
        if isinstance(value, yaml.SequenceNode):
            doc.records = _records(value, pointer)
        else:
            doc.problems.append(not_a_list(key, pointer, _construct(value), *_at(value)))
    else:
        doc.problems.append(
            DocumentProblem(
                "", "缺少信息资源列表（resources）", 'no list of resources ("resources")', 1, 1
            )
        )
    if plan.info is not None:
        pointers = ["/" + pointer_token(key) for key in keys]
        aside = [
            _raw(-1, pointers[n], root.value[n][1])
            for n in range(plan.info)
            if keys[n] in INFO_KEYS
        ]
        info = root.value[plan.info][1]
        doc.info = _raw(-1, pointers[plan.info], info)
        doc.info_replaced = [*aside, *_replaced(info, pointers[plan.info])]


def _at(node: yaml.Node) -> tuple[int, int]:
    """Line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _replaced(node: yaml.Node, pointer: str) -> list[RawRecord]:
    """Each value a key of the mapping ``node`` gives before its last one, as a record of its
    own (``{key: value}``): see :attr:`~govcatalog.io.records.SourceDocument.info_replaced`."""
    if not isinstance(node, yaml.MappingNode):
        return []
    keys = [str(getattr(k, "value", "")) for k, _ in node.value]
    last = {key: n for n, key in enumerate(keys)}
    return [
        RawRecord(-1, pointer, {key: _construct(v)}, Position(*_at(v)))
        for n, (key, (_, v)) in enumerate(zip(keys, node.value, strict=True))
        if last[key] != n
    ]


def read_yaml(
    path: Path | bytes, name: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read a catalog from a YAML file or its bytes (see :func:`read_yaml_text`)."""
    label = name or ("<bytes>" if isinstance(path, bytes) else str(path))
    return read_yaml_text(decode_text(read_bytes(path, label, max_bytes), label), label)
