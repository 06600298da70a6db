"""What a diff produces: classified changes, immutable and sorted, with table views."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from govcatalog._codec import decode
from govcatalog.diff.impact import ChangeKind, ChangeSpec, Impact
from govcatalog.diff.plan import PatchPlan, build_patch
from govcatalog.report import Lang

if TYPE_CHECKING:
    import pandas as pd


Value = str | int | bool | tuple[str, ...] | None
"""A value before or after a change, in canonical JSON form (lists as tuples)."""

FieldNames = Mapping[str, tuple[str, str]]
"""Field id → (Chinese element name, English name), for the reason texts."""


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """Which resource a change is about, on each side.

    Attributes:
        old_code: 信息资源代码 in the old version (None when added or without a code).
        new_code: 信息资源代码 in the new version (None when removed or without a code).
        old_name: 信息资源名称 in the old version.
        new_name: 信息资源名称 in the new version.
    """

    old_code: str | None = None
    new_code: str | None = None
    old_name: str | None = None
    new_name: str | None = None

    @property
    def code(self) -> str:
        """The code to show: the new one, else the old one, else ``-``."""
        return self.new_code or self.old_code or "-"

    @property
    def name(self) -> str:
        """The name to show: the new one, else the old one, else empty."""
        return self.new_name or self.old_name or ""

    def mirror(self) -> ResourceRef:
        """The same resource seen from the other side."""
        return ResourceRef(self.new_code, self.old_code, self.new_name, self.old_name)


@dataclass(frozen=True, slots=True)
class ItemRef:
    """Which data item (信息项) a change is about, on each side.

    Attributes:
        old_name: 信息项名称 in the old version.
        new_name: 信息项名称 in the new version.
        old_index: Position in the old resource's items.
        new_index: Position in the new resource's items.
    """

    old_name: str | None = None
    new_name: str | None = None
    old_index: int | None = None
    new_index: int | None = None

    @property
    def name(self) -> str:
        """The name to show: the new one, else the old one."""
        return self.new_name or self.old_name or "-"

    def mirror(self) -> ItemRef:
        """The same item seen from the other side."""
        return ItemRef(self.new_name, self.old_name, self.new_index, self.old_index)


@dataclass(frozen=True, slots=True)
class Change:
    """One classified change between two catalog versions.

    Attributes:
        kind: What changed (declared in the change catalogue).
        resource: The resource, or None for the catalog's own facts.
        field: Dotted field id (``share.share_type``, ``items.length``); empty for a
            whole resource or item.
        item: The data item, for item-level changes.
        old: The value before (canonical JSON form).
        new: The value after.
        waived: Whether a waiver accepts this change.
    """

    kind: ChangeKind
    resource: ResourceRef | None
    field: str = ""
    item: ItemRef | None = None
    old: Value = None
    new: Value = None
    waived: bool = False

    @property
    def spec(self) -> ChangeSpec:
        """The catalogue entry of this change's kind."""
        return self.kind.spec

    @property
    def code(self) -> str:
        """Stable change code, e.g. ``GC-D102``."""
        return self.kind.spec.code

    @property
    def impact(self) -> Impact:
        """Impact on consumers."""
        return self.kind.spec.impact

    def title(self, lang: Lang) -> str:
        """The kind's title in ``lang``."""
        spec = self.kind.spec
        return spec.title_zh if lang is Lang.ZH else spec.title_en

    def reason(self, lang: Lang, names: FieldNames = MappingProxyType({})) -> str:
        """The reason, filled in, in ``lang``."""
        spec = self.kind.spec
        shown = self.field.removeprefix("extensions.")
        zh, en = names.get(self.field, (shown, shown))
        template = spec.reason_zh if lang is Lang.ZH else spec.reason_en
        return template.format(
            old=_show(self.old, lang),
            new=_show(self.new, lang),
            field_zh=zh,
            field_en=en,
            item=self.item.name if self.item else "",
        )

    def mirror(self) -> Change:
        """The same change read backwards (old and new swapped, inverse kind)."""
        return Change(
            self.kind.spec.inverse,
            self.resource.mirror() if self.resource else None,
            self.field,
            self.item.mirror() if self.item else None,
            self.new,
            self.old,
            self.waived,
        )

    def sort_key(self) -> tuple[Any, ...]:
        """A total order that does not depend on which side is old."""
        ref = self.resource or ResourceRef()
        item = self.item or ItemRef()
        codes = sorted(c or "" for c in (ref.old_code, ref.new_code))
        items = sorted((i if i is not None else -1) for i in (item.old_index, item.new_index))
        names = sorted(n or "" for n in (item.old_name, item.new_name, ref.old_name, ref.new_name))
        vals = sorted(repr(v) for v in (self.old, self.new))
        rank = _FIELD_RANK.get(self.field.split(".", 1)[0], len(_FIELD_RANK))
        return (
            self.resource is not None,
            codes,
            items,
            rank,
            self.field,
            self.kind.spec.code,
            names,
            vals,
        )


_FIELD_RANK = {
    key: rank
    for rank, key in enumerate(
        (
            *("", "code", "category", "name", "provider", "provider_code", "abstract", "format"),
            *("share", "open", "update_cycle", "publish_date", "related_codes", "secrecy", "items"),
        )
    )
}
"""Order of elements within a resource in every rendering (the guide's element order)."""


def _show(value: Value, lang: Lang) -> str:
    if value is None:
        return "（空）" if lang is Lang.ZH else "(none)"
    if isinstance(value, bool):
        if lang is Lang.ZH:
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "、".join(value) if lang is Lang.ZH else ", ".join(value)
    return str(value)


def sort_changes(changes: list[Change]) -> tuple[Change, ...]:
    """Changes in the deterministic order every rendering uses."""
    return tuple(sorted(changes, key=Change.sort_key))


@dataclass(frozen=True)
class CatalogDiff:
    """The changes between two versions of a catalog.

    Iterating gives the changes in a deterministic order. Equality compares the
    changes only, so ``diff(b, a) == diff(a, b).mirror()``.

    Attributes:
        changes: The changes, sorted.
        old_label: Name of the old version (a file name or ``catalog@v3``).
        new_label: Name of the new version.
        names: Element names for the reason texts.
        plan: What :meth:`to_patch` needs: both documents and the matching.
    """

    changes: tuple[Change, ...]
    old_label: str = "old"
    new_label: str = "new"
    names: FieldNames = field(default_factory=dict, compare=False, repr=False)
    plan: PatchPlan | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], names: FieldNames = MappingProxyType({})
    ) -> CatalogDiff:
        """The diff of its JSON form (:func:`govcatalog.diff.render.to_json_dict`).

        ``names`` gives the reason texts their element names (``field_names(pack)``); the
        JSON form carries no patch plan, so :meth:`to_patch` is not available.
        """
        changes = [decode(Change, c) for c in data.get("changes", ())]
        old, new = str(data.get("old", "old")), str(data.get("new", "new"))
        return cls(sort_changes(changes), old, new, names)

    def __iter__(self) -> Iterator[Change]:
        """Iterate over the changes."""
        return iter(self.changes)

    def __len__(self) -> int:
        """Number of changes."""
        return len(self.changes)

    def __bool__(self) -> bool:
        """True when anything changed."""
        return bool(self.changes)

    def count(self, impact: Impact, *, waived: bool | None = False) -> int:
        """Number of changes of ``impact`` (by default only those not waived)."""
        return sum(
            1 for c in self.changes if c.impact is impact and (waived is None or c.waived is waived)
        )

    def fails(self, threshold: Impact | None) -> bool:
        """Whether an unwaived change is at or above ``threshold`` (None: never)."""
        if threshold is None:
            return False
        return any(not c.waived and c.impact.rank >= threshold.rank for c in self.changes)

    def mirror(self) -> CatalogDiff:
        """The diff read backwards: what ``diff(new, old)`` reports."""
        return replace(
            self,
            changes=sort_changes([c.mirror() for c in self.changes]),
            old_label=self.new_label,
            new_label=self.old_label,
            plan=self.plan.mirror() if self.plan else None,
        )

    def to_patch(self) -> list[dict[str, Any]]:
        """The RFC 6902 JSON Patch turning the old canonical document into the new one.

        Raises:
            ValueError: When the diff carries no documents (it was built from changes only).
        """
        if self.plan is None:
            raise ValueError("this diff has no documents to patch")
        return build_patch(self.plan)

    def rows(self, lang: Lang = Lang.EN) -> list[dict[str, object]]:
        """One flat row per change (for tables, CSV and DataFrames)."""
        return [
            {
                "code": c.code,
                "impact": c.impact.value,
                "kind": c.kind.value,
                "resource": c.resource.code if c.resource else "",
                "old_code": c.resource.old_code if c.resource else None,
                "new_code": c.resource.new_code if c.resource else None,
                "name": c.resource.name if c.resource else "",
                "item": c.item.name if c.item else "",
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "waived": c.waived,
                "title": c.title(lang),
                "reason": c.reason(lang, self.names),
            }
            for c in self.changes
        ]

    def to_pandas(self, lang: Lang = Lang.EN) -> pd.DataFrame:
        """The changes as a pandas DataFrame (needs the ``pandas`` extra).

        Raises:
            ImportError: When pandas is not installed.
        """
        try:
            import pandas as pd  # noqa: PLC0415 - an optional extra, imported when used
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'govcatalog[pandas]'") from exc
        columns = ["code", "impact", "kind", "resource", "old_code", "new_code", "name", "item"]
        columns += ["field", "old", "new", "waived", "title", "reason"]
        return pd.DataFrame(self.rows(lang), columns=columns)

    def _repr_html_(self) -> str:
        """An HTML table, for notebooks."""
        head = (
            f"<p><b>{html.escape(self.old_label)} → {html.escape(self.new_label)}</b>: "
            + ", ".join(f"{self.count(i)} {i.value}" for i in Impact)
            + "</p>"
        )
        if not self.changes:
            return head + "<p>No changes.</p>"
        colour = {"breaking": "#c62828", "compatible": "#2e7d32", "editorial": "#616161"}
        cells = ["code", "impact", "resource", "name", "item", "field", "old", "new", "reason"]
        out = [head, "<table>", "<thead><tr>"]
        out += [f"<th>{c}</th>" for c in cells]
        out.append("</tr></thead><tbody>")
        for row in self.rows():
            style = f' style="color:{colour[str(row["impact"])]}"'
            out.append("<tr>")
            for c in cells:
                text = "" if row[c] is None else str(row[c])
                attr = style if c == "impact" else ""
                out.append(f"<td{attr}>{html.escape(text)}</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)
