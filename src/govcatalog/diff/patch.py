"""Applying an RFC 6902 JSON Patch to a JSON document (all six operations).

Small and strict: a patch that does not fit the document raises
:class:`PatchError` and leaves the document untouched (the patch is applied to a
deep copy).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from govcatalog.errors import PatchError
from govcatalog.io._jsonpos import unescape


def parse_pointer(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 JSON Pointer.

    Raises:
        ValueError: When the pointer is neither empty nor starts with ``/``.
    """
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape(t) for t in pointer[1:].split("/")]


def _index(part: str, size: int, *, insert: bool) -> int:
    if part == "-" and insert:
        return size
    if not part.isdigit() or (part != "0" and part.startswith("0")):
        raise ValueError(f"bad array index {part!r}")
    index = int(part)
    if index > size or (index == size and not insert):
        raise ValueError(f"array index {index} out of range")
    return index


def _parent(doc: Any, tokens: list[str]) -> Any:
    target = doc
    for token in tokens[:-1]:
        if isinstance(target, list):
            target = target[_index(token, len(target), insert=False)]
        elif isinstance(target, dict):
            if token not in target:
                raise ValueError(f"no member {token!r}")
            target = target[token]
        else:
            raise ValueError("path goes through a value that is not a container")
    return target


def _get(doc: Any, pointer: str) -> Any:
    tokens = parse_pointer(pointer)
    if not tokens:
        return doc
    parent = _parent(doc, tokens)
    last = tokens[-1]
    if isinstance(parent, list):
        return parent[_index(last, len(parent), insert=False)]
    if isinstance(parent, dict) and last in parent:
        return parent[last]
    raise ValueError(f"nothing at {pointer!r}")


def _add(doc: Any, pointer: str, value: Any) -> Any:
    tokens = parse_pointer(pointer)
    if not tokens:
        return value
    parent = _parent(doc, tokens)
    last = tokens[-1]
    if isinstance(parent, list):
        parent.insert(_index(last, len(parent), insert=True), value)
    elif isinstance(parent, dict):
        parent[last] = value
    else:
        raise ValueError("cannot add inside a value that is not a container")
    return doc


def _remove(doc: Any, pointer: str) -> Any:
    tokens = parse_pointer(pointer)
    if not tokens:
        raise ValueError("cannot remove the whole document")
    parent = _parent(doc, tokens)
    last = tokens[-1]
    if isinstance(parent, list):
        del parent[_index(last, len(parent), insert=False)]
    elif isinstance(parent, dict) and last in parent:
        del parent[last]
    else:
        raise ValueError(f"nothing at {pointer!r}")
    return doc


def apply_patch(document: Any, patch: Sequence[dict[str, Any]]) -> Any:
    """The document with ``patch`` applied; ``document`` itself is not changed.

    Raises:
        PatchError: When an operation is malformed or does not fit the document.
    """
    doc = copy.deepcopy(document)
    for i, op in enumerate(patch):
        try:
            kind, path = op["op"], op["path"]
            if kind == "add":
                doc = _add(doc, path, copy.deepcopy(op["value"]))
            elif kind == "remove":
                doc = _remove(doc, path)
            elif kind == "replace":
                _get(doc, path)
                doc = _add(_remove(doc, path) if path else doc, path, copy.deepcopy(op["value"]))
            elif kind == "move":
                source = op["from"]
                if path.startswith(source + "/"):
                    raise ValueError("cannot move a value into itself")
                value = _get(doc, source)
                doc = _add(_remove(doc, source), path, value)
            elif kind == "copy":
                doc = _add(doc, path, copy.deepcopy(_get(doc, op["from"])))
            elif kind == "test":
                if _get(doc, path) != op["value"]:
                    raise ValueError(f"test failed at {path!r}")
            else:
                raise ValueError(f"unknown operation {kind!r}")
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise PatchError(i, str(exc)) from None
    return doc
