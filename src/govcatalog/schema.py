"""JSON Schema (draft 2020-12) of a pack's canonical catalog format.

The structure comes from the typed model; the pack then decides which elements are
required, which vocabulary values are allowed, and adds the Chinese element names.
Conditional requirements (R2, R3, R5, R6, R12) are expressed with ``if``/``then``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from govcatalog.model.resource import Catalog
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack

_DEF_OF_GROUP = {
    None: "Resource",
    "category": "Category",
    "format": "ResourceFormat",
    "items": "DataItem",
    "share": "ShareAttributes",
    "open": "OpenAttributes",
}


def _nullable_enum(prop: dict[str, Any], labels: list[str]) -> dict[str, Any]:
    keep = {k: v for k, v in prop.items() if k in ("title", "description", "default")}
    return {**keep, "anyOf": [{"type": "string", "enum": labels}, {"type": "null"}]}


def _conditionals() -> list[dict[str, Any]]:
    def when(path: list[str], value: object, then_path: list[str]) -> dict[str, Any]:
        cond: dict[str, Any] = {"const": value}
        then: dict[str, Any] = {"type": "string", "minLength": 1}
        for part in reversed(path):
            cond = {"properties": {part: cond}, "required": [part]}
        for part in reversed(then_path):
            then = {"properties": {part: then}, "required": [part]}
        return {"if": cond, "then": then}

    return [
        when(["share", "share_type"], "有条件共享", ["share", "share_condition"]),
        when(["share", "share_type"], "不予共享", ["share", "share_condition"]),
        when(["open", "open_to_public"], True, ["open", "open_condition"]),
        when(["format", "format_class"], "其他", ["format", "other_description"]),
        {
            "if": {
                "properties": {
                    "format": {
                        "properties": {"format_class": {"enum": ["数据库", "电子表格"]}},
                        "required": ["format_class"],
                    }
                },
                "required": ["format"],
            },
            "then": {"properties": {"items": {"minItems": 1}}, "required": ["items"]},
        },
    ]


_KIND_SCHEMA: Mapping[FieldKind, Mapping[str, Any]] = MappingProxyType(
    {
        FieldKind.TEXT: {"type": "string", "minLength": 1},
        FieldKind.CODE: {"type": "string", "minLength": 1},
        FieldKind.INT: {"type": "integer", "minimum": 1},
        FieldKind.BOOL: {"type": "boolean"},
        FieldKind.DATE: {"type": "string", "format": "date"},
        FieldKind.TEXTS: {"type": "array", "items": {"type": "string"}},
        FieldKind.CODES: {"type": "array", "items": {"type": "string"}},
    }
)


def _extension_fields(pack: Pack, resource: dict[str, Any]) -> None:
    """Describe the fields a pack declares under ``extensions`` (other keys stay allowed)."""
    specs = pack.fields.children("extensions")
    if not specs:
        return
    ext = resource["properties"].setdefault("extensions", {"type": "object"})
    props: dict[str, Any] = {}
    for spec in specs:
        if spec.kind is FieldKind.VOCAB and spec.vocabulary:
            labels = list(pack.vocabulary(spec.vocabulary).labels())
            prop: dict[str, Any] = {"type": "string", "enum": labels}
        else:
            prop = copy.deepcopy(dict(_KIND_SCHEMA.get(spec.kind, {})))
        if spec.max_length and prop.get("type") == "string":
            prop["maxLength"] = spec.max_length
        props[spec.key] = {"title": spec.zh, "description": f"{spec.zh} ({spec.en})", **prop}
    ext["properties"] = props
    required = [s.key for s in specs if s.required]
    if required:
        ext["required"] = required
        if "extensions" not in resource.setdefault("required", []):
            resource["required"].append("extensions")


def build_json_schema(pack: Pack) -> dict[str, Any]:
    """The JSON Schema of catalogs under ``pack`` (canonical English keys)."""
    schema = Catalog.model_json_schema(by_alias=True, mode="validation")
    defs: dict[str, Any] = schema.setdefault("$defs", {})
    for spec in pack.fields.resource_fields():
        def_name = _DEF_OF_GROUP.get(spec.parent)
        if def_name is not None and def_name in defs:
            _field_property(pack, spec, defs[def_name])
    resource = defs["Resource"]
    resource["allOf"] = _conditionals()
    for group in ("category", "format", "share", "open"):
        if any(s.required for s in pack.fields.children(group)):
            req = resource.setdefault("required", [])
            if group not in req:
                req.append(group)
    _extension_fields(pack, resource)
    code_prop = resource["properties"]["code"]
    sep = pack.code_rules.separator
    charset = "0-9A-Za-z" if pack.code_rules.allow_alphanumeric else "0-9"
    pattern = f"^[1-3][0-9]{{2}}[0-9]{{3}}[{charset}]*{sep}[{charset}]+$"
    resource["properties"]["code"] = {
        k: v for k, v in code_prop.items() if k not in ("anyOf", "default")
    } | {"type": "string", "pattern": pattern}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://w3id.org/govcatalog/schema/{pack.id}/{pack.version}/catalog.schema.json",
        "title": f"{pack.title_zh} — {pack.ref}",
        **{k: v for k, v in schema.items() if k not in ("title",)},
    }


def _field_property(pack: Pack, spec: FieldSpec, target: dict[str, Any]) -> None:
    """Title, values, length and requiredness of one field's property in its definition."""
    prop = target.get("properties", {}).get(spec.key)
    if prop is None:
        return
    prop["title"] = spec.zh
    prop["description"] = f"{spec.zh} ({spec.en})" + (
        f" — 核心元数据 {spec.element}" if spec.element else ""
    )
    if spec.kind is FieldKind.VOCAB and spec.vocabulary:
        target["properties"][spec.key] = _nullable_enum(
            prop, list(pack.field_vocabulary(spec).labels())
        )
    if spec.kind is FieldKind.TEXT and spec.max_length and "anyOf" in prop:
        for alt in prop["anyOf"]:
            if alt.get("type") == "string":
                alt["minLength"] = 1
    if spec.required:
        req = target.setdefault("required", [])
        if spec.key not in req:
            req.append(spec.key)
        target["properties"][spec.key] = _not_null(target["properties"][spec.key])


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    """The property without its ``null`` alternative and default (a required value)."""
    if "anyOf" not in prop:
        return prop
    alts = [a for a in prop["anyOf"] if a.get("type") != "null"]
    return {
        **{k: v for k, v in prop.items() if k not in {"anyOf", "default"}},
        **(alts[0] if len(alts) == 1 else {"anyOf": alts}),
    }
