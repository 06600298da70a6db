"""GC-S007 for keys a JSON object gives twice, as written (``{"name": …, "name": …}``).

The reader finds them (:mod:`govcatalog.io.repeats`) and the record holds the last value of
each; here each is said at its place, named as the coercer names an element given under two
different keys, or by the key itself where it names no element.
"""

from __future__ import annotations

from collections.abc import Iterable

from govcatalog.io._jsonpos import unescape
from govcatalog.packs.fields import FieldKind, FieldSpec, FieldTable
from govcatalog.packs.key_fold import fold_key
from govcatalog.records.coerced import Coerced, escape, names
from govcatalog.records.hits import Hit


def given_again(
    table: FieldTable, pointers: Iterable[str], scope: str | None, out: Coerced
) -> None:
    """GC-S007 at each pointer (as written) of a key given twice, in a record of ``scope``
    (None: a resource; ``"catalog"``: the catalog facts)."""
    for written in pointers:
        tokens = [unescape(t) for t in written.split("/")[1:]]
        cpath, spec = _canonical(table, tokens, scope)
        if cpath != written:
            out.renames[cpath] = written
        key = tokens[-1]
        params = names(spec) if spec is not None else {"element_zh": key, "element_en": f'"{key}"'}
        out.hits.append(Hit("GC-S007", cpath, params, key))


def _canonical(
    table: FieldTable, tokens: list[str], scope: str | None
) -> tuple[str, FieldSpec | None]:
    """The canonical pointer of a written one, as the coercer reads it, and the element its
    last key names (None where it names none)."""
    parts: list[str] = []
    current: str | None = scope
    spec: FieldSpec | None = None
    free = index = False
    for token in tokens:
        if free or index:
            parts.append(escape(token))
            index = False
            spec = None
            continue
        keys = table.key_map(current)
        spec = keys.get(token) or keys.get(fold_key(token))
        if spec is None:
            parts += [escape(token)] if token == "extensions" else ["extensions", escape(token)]
            free = True
            continue
        if current is None and spec.parent is not None:  # a flat leaf of a group
            parts += spec.id.split(".")
        else:
            parts.append(spec.key)
        if spec.kind is FieldKind.GROUP:
            current = spec.id
        elif spec.kind is FieldKind.GROUPS:
            current, index = spec.id, True
        else:
            free = True
    return "/" + "/".join(parts), spec
