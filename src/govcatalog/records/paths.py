"""A group written as one path: 信息资源分类 "部门信息资源目录/国务院/发展改革委".

Catalog systems export a resource's classification as one cell, its levels joined by a
separator (``catalogFullName``), or as its 分类码 (``307001``, the 前段码 of the resource's
code: 类, 项, 目 and 细目 in fixed widths). A group whose field table says ``path = true``
reads such a cell as its members in order (类, 项, 目, 细目), when the first part is a value of
the group's main field: the path is read as what it says and reported as a non-standard form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govcatalog._bilingual import joined
from govcatalog.model.code import split_classification
from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.records.coerced import Coerced, Pending, element_value, normalised
from govcatalog.records.hits import Record
from govcatalog.records.xiang import XIANG, XiangReader

_SEPARATORS = ("/", "／", ">", "＞", "→", "|", "｜", "\\", "-", "－", "—")
"""Tried in this order: the first one the text holds splits it."""
_LONGEST = 400
"""A longer cell is no path of names."""


def split_path(text: str) -> list[str] | None:
    """The parts of a path of at least two non-empty parts, or None."""
    for sep in _SEPARATORS:
        if sep in text:
            parts = [p.strip() for p in re.split(rf"\s*{re.escape(sep)}\s*", text.strip())]
            return parts if len(parts) >= 2 and all(parts) else None
    return None


class PathReader:
    """The path groups of one pack, by the id of their main field."""

    def __init__(self, pack: Pack, xiang: XiangReader) -> None:
        table = pack.fields
        self._pack = pack
        self._xiang = xiang
        self._groups = {
            g.main: (g, table.children(g.id)) for g in table.fields if g.path and g.main
        }

    def reads(self, main: FieldSpec) -> bool:
        """Whether a value of ``main`` may be a path of its group."""
        return main.id in self._groups

    def read(
        self,
        spec: FieldSpec,
        value: object,
        cpath: str,
        dst: Record,
        out: Coerced,
        assign: Callable[[FieldSpec, object, str, Record, Coerced], None],
    ) -> bool:
        """Whether ``value`` is its group written as one path (部门信息资源目录/国务院/…, or a
        分类码: 307001, also as the number a spreadsheet keeps it as), read as the group's
        members in order: ``spec`` here (through ``assign``), the others where not given,
        the path reported as a non-standard form (GC-F003)."""
        if not self.reads(spec):
            return False
        text = str(value) if type(value) is int else value  # a 分类码 kept as a number
        path = self.parts(spec, text) if isinstance(text, str) else None
        if path is None:
            return False
        group, parts = path
        assign(spec, parts[0][1], cpath, dst, out)
        out.pending.extend(Pending(m.id, part, False, cpath) for m, part in parts[1:])
        lei = dst.get(spec.key, parts[0][1])
        # the 项 as it is read once its 类 is known (法人: 法人单位基础信息资源)
        read = [(spec, lei), *((m, self._said(m, lei, p)) for m, p in parts[1:])]
        terms = self._pack.vocabulary(spec.vocabulary) if spec.vocabulary else None
        said = (element_value(m, terms.term(p) if terms else p) for m, p in read)
        out.hits.append(normalised(group, value, joined(said, "；", "; "), cpath))
        return True

    def _said(self, member: FieldSpec, lei: object, part: str) -> str:
        """A part of a path as it is read: a 项 by its short name as the 项 it names."""
        return self._xiang.said(lei, part) if member.id == XIANG else part

    def parts(
        self, main: FieldSpec, text: str
    ) -> tuple[FieldSpec, list[tuple[FieldSpec, str]]] | None:
        """(group, (member, part) in order) when ``text`` is a path whose first part is a
        value of the main field and which has no more parts than the group has members."""
        if len(text) > _LONGEST:
            return None
        parts = split_path(text) or split_classification(text)
        group, members = self._groups[main.id]
        if parts is None or len(parts) > len(members) or members[0].id != main.id:
            return None
        if main.vocabulary and self._pack.field_vocabulary(main).lookup(parts[0]) is None:
            return None
        return group, list(zip(members, parts, strict=False))
