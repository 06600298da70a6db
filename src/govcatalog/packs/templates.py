"""Template profiles: the layout of a catalog compilation workbook, as pack data.

A profile (``templates/<id>.toml`` in a pack) names the worksheet, the columns in
order with their two-level headings, and which fields identify a resource. The
spreadsheet reader maps a workbook's headings to fields with it (and with the field
table's element names and aliases); the template writer lays out the workbook from it.
A local pack adds its own layout as a file, without code.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from govcatalog.errors import PackError
from govcatalog.packs.fields import (
    Column,
    FieldKind,
    FieldLevel,
    FieldSpec,
    FieldTable,
)
from govcatalog.packs.key_fold import fold_key

DEFAULT_TEMPLATE = "national"
"""The profile used when none is named."""


class ColumnLevel(StrEnum):
    """Whether a column holds one value per resource or one per 信息项 (row)."""

    RESOURCE = "resource"
    ITEM = "item"


@dataclass(frozen=True, slots=True)
class TemplateColumn:
    """One column of a compilation workbook.

    Attributes:
        field: The field (from the pack's field table).
        heading: The second-level (or only) heading.
        group: The first-level heading, or None for a column headed on both rows.
        aliases: Other headings that mean this column.
        width: Column width in characters.
    """

    field: FieldSpec
    heading: str
    group: str | None
    aliases: tuple[str, ...] = ()
    width: int = 14

    @property
    def level(self) -> ColumnLevel:
        """Item-level for the fields of 信息项, resource-level otherwise."""
        return ColumnLevel.ITEM if self.field.id.startswith("items.") else ColumnLevel.RESOURCE

    @property
    def dropdown(self) -> str | None:
        """The vocabulary feeding this column's dropdown list, if it has one."""
        if self.field.kind in (FieldKind.VOCAB, FieldKind.BOOL):
            return self.field.vocabulary
        return None


@dataclass(frozen=True, slots=True)
class TemplateProfile:
    """The layout of one compilation workbook.

    Attributes:
        id: Profile id, e.g. ``national``.
        title_zh: Title in Chinese.
        title_en: Title in English.
        sheet: Name of the catalog worksheet.
        info_sheet: Name of the catalog-facts worksheet.
        instructions_sheet: Name of the instructions worksheet.
        resource_key: Field ids whose values identify a resource.
        columns: The columns, in order.
        default: Whether readers and writers use this profile unless told otherwise.
    """

    id: str
    title_zh: str
    title_en: str
    sheet: str
    info_sheet: str
    instructions_sheet: str
    resource_key: tuple[str, ...]
    columns: tuple[TemplateColumn, ...]
    default: bool = False

    def headings(self) -> dict[tuple[str | None, str], str]:
        """(group, heading) and (None, heading) for every name of every column → field id.

        Keys are folded (see :func:`~govcatalog.packs.fields.fold_key`).
        """
        out: dict[tuple[str | None, str], str] = {}
        for col in self.columns:
            group = fold_key(col.group) if col.group else None
            for name in (col.heading, *col.aliases):
                out.setdefault((group, fold_key(name)), col.field.id)
                out.setdefault((None, fold_key(name)), col.field.id)
        return out


def _element_column(spec: FieldSpec, table: FieldTable) -> TemplateColumn:
    """The column an element's field-table entry describes (its ``column``)."""
    col = spec.column or Column()
    return TemplateColumn(
        field=spec,
        heading=col.heading or spec.zh,
        group=_group_heading(spec, table) if spec.parent != "extensions" else None,
        aliases=col.aliases,
        width=col.width,
    )


def _group_heading(spec: FieldSpec, table: FieldTable) -> str | None:
    parent = spec.parent
    if parent is None:
        return None
    return table.get(parent).zh


def parse_template(
    text: str,
    table: FieldTable,
    *,
    pack: str,
    file: str,
    bases: Mapping[str, TemplateProfile] | None = None,
) -> TemplateProfile:
    """Parse a template profile.

    ``columns = "field-table"`` in ``[template]`` lays out a column for each element whose
    field-table entry has a ``column`` (heading, aliases, width), in table order. A profile may
    build on a profile of its parent pack (``extends = "national"`` in
    ``[template]``): it keeps that profile's settings and columns and adds its own, each
    after the column of the field its ``after`` names (at the end without one). A column's
    ``group = ""`` puts it at top level (a heading over two rows).

    Raises:
        PackError: On a syntax error, an unknown field or base profile, or a duplicated column.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc)) from None
    meta = data.get("template", {})
    if not isinstance(meta, dict) or "id" not in meta:
        raise PackError(pack, file, "[template] id is missing")
    base = None
    if "extends" in meta:
        base = (bases or {}).get(str(meta["extends"]))
        if base is None:
            raise PackError(pack, file, f"extends unknown template profile {meta['extends']!r}")
        meta = {**_settings(base), **meta}
    columns: list[TemplateColumn] = list(base.columns) if base else []
    if meta.get("columns") == "field-table":  # one column for each element that names one
        columns.extend(
            _element_column(spec, table) for spec in table.resource_fields() if spec.column
        )
    for raw in data.get("column", []):
        _add_column(
            columns, _column(raw, table, pack=pack, file=file), raw.get("after"), pack, file
        )
    seen = {c.field.id for c in columns}
    key = tuple(str(k) for k in meta.get("resource_key", ("code", "name")))
    missing = [k for k in key if k not in seen]
    if missing:
        raise PackError(pack, file, f"resource_key names fields without a column: {missing}")
    return TemplateProfile(
        id=str(meta["id"]),
        title_zh=str(meta.get("title_zh", "")),
        title_en=str(meta.get("title_en", "")),
        sheet=str(meta.get("sheet", "信息资源目录")),
        info_sheet=str(meta.get("info_sheet", "目录信息")),
        instructions_sheet=str(meta.get("instructions_sheet", "填写说明")),
        resource_key=key,
        columns=tuple(columns),
        default=bool(meta.get("default", False)),
    )


def _column(raw: Mapping[str, Any], table: FieldTable, *, pack: str, file: str) -> TemplateColumn:
    """One ``[[column]]`` of a template profile."""
    field_id = str(raw.get("field", ""))
    if not table.has(field_id, FieldLevel.RESOURCE):
        raise PackError(pack, file, f"column names unknown field {field_id!r}")
    spec = table.get(field_id)
    if spec.kind in (FieldKind.GROUP, FieldKind.GROUPS):
        raise PackError(pack, file, f"column {field_id!r} is a group, not a value")
    return TemplateColumn(
        field=spec,
        heading=str(raw.get("heading", spec.zh)),
        group=(str(raw["group"]) or None) if "group" in raw else _group_heading(spec, table),
        aliases=tuple(str(a) for a in raw.get("aliases", ())),
        width=int(raw.get("width", 14)),
    )


def _add_column(
    columns: list[TemplateColumn], column: TemplateColumn, after: object, pack: str, file: str
) -> None:
    """Put ``column`` after the column of field ``after`` (at the end without one)."""
    ids = [c.field.id for c in columns]
    field_id = column.field.id
    if field_id in ids:
        raise PackError(pack, file, f"field {field_id!r} has two columns")
    if after is not None and after not in ids:
        raise PackError(pack, file, f"column {field_id!r}: no column {after!r} to follow")
    columns.insert(ids.index(str(after)) + 1 if after is not None else len(columns), column)


def with_local_elements(profile: TemplateProfile, table: FieldTable) -> TemplateProfile:
    """The profile with a column added for each local element of ``table`` it lacks."""
    laid_out = {c.field.id for c in profile.columns}
    extra = tuple(
        _element_column(spec, table)
        for spec in table.children("extensions")
        if spec.id not in laid_out and spec.kind not in (FieldKind.GROUP, FieldKind.GROUPS)
    )
    return replace(profile, columns=profile.columns + extra) if extra else profile


def _settings(profile: TemplateProfile) -> dict[str, object]:
    """The ``[template]`` settings of a profile, as a profile extending it inherits them."""
    return {
        "title_zh": profile.title_zh,
        "title_en": profile.title_en,
        "sheet": profile.sheet,
        "info_sheet": profile.info_sheet,
        "instructions_sheet": profile.instructions_sheet,
        "resource_key": list(profile.resource_key),
        "default": profile.default,
    }


def load_templates(
    root: Traversable, table: FieldTable, parent: Mapping[str, TemplateProfile], *, pack: str
) -> Mapping[str, TemplateProfile]:
    """The parent's profiles with those in ``root/templates/`` added or replacing them by id.

    A profile of this pack marked ``default = true`` becomes the default in place of
    the parent's. An inherited profile gains a column (headed by the element name) for each
    local element of the field table (``extensions.*``) it does not lay out yet, so a new
    element reaches the workbook without a profile of its own.

    Raises:
        PackError: When a profile is invalid.
    """
    profiles = {k: with_local_elements(v, table) for k, v in parent.items()}
    folder = root / "templates"
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml") and entry.is_file():
                file = f"templates/{entry.name}"
                profile = parse_template(
                    entry.read_text(encoding="utf-8"), table, pack=pack, file=file, bases=parent
                )
                if profile.default:
                    profiles = {k: replace(v, default=False) for k, v in profiles.items()}
                profiles[profile.id] = profile
    return MappingProxyType(profiles)
