"""The effective pack as plain data: what ``govcatalog pack show --effective`` prints.

Everything the validator uses after inheritance is resolved — fields with their final
required flags, each vocabulary as narrowed, every finding code with its effective
severity, the declared rules — in one document, as JSON or TOML.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import tomlkit

from govcatalog.packs._layering import settings_tables
from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.pack import Pack


class DumpFormat(StrEnum):
    """Formats the effective pack can be printed in."""

    TOML = "toml"
    JSON = "json"


def field_dict(spec: FieldSpec) -> dict[str, Any]:
    """One field as data (None values left out)."""
    out: dict[str, Any] = {
        "id": spec.id,
        "level": spec.level.value,
        "zh": spec.zh,
        "en": spec.en,
        "kind": spec.kind.value,
        "required": spec.required,
        "element": spec.element,
        "vocabulary": spec.vocabulary,
        "max_length": spec.max_length,
        "aliases": list(spec.aliases),
        "system_keys": list(spec.system_keys) or None,
        "system_codes": spec.system_codes or None,
        "evidence": spec.evidence.value,
        "compound": spec.compound,
        "rdf": " / ".join(spec.rdf) or None,
        "change": spec.change,
    }
    return {k: v for k, v in out.items() if v is not None}


def effective_dict(pack: Pack) -> dict[str, Any]:
    """The effective pack as a JSON- and TOML-compatible document."""
    meta = {
        "id": pack.id,
        "version": str(pack.version),
        "title_zh": pack.title_zh,
        "title_en": pack.title_en,
        "publisher": pack.publisher,
        "basis": pack.basis,
        "status": pack.status.value,
        "extends": pack.extends,
        "lineage": list(pack.lineage),
    }
    vocabularies = {
        sid: {"title_zh": v.title_zh, "title_en": v.title_en, "values": list(v.labels())}
        for sid, v in sorted(pack.vocabularies.items())
    }
    codebook = {
        code_id: {
            "severity": e.severity.value,
            "title_zh": e.title_zh,
            "title_en": e.title_en,
            "clause": e.clause,
            "spec": e.spec,
            "evidence": e.evidence.value,
        }
        for code_id, e in sorted(pack.codebook.entries.items())
    }
    doc: dict[str, Any] = {
        "pack": {k: v for k, v in meta.items() if v is not None},
        **settings_tables(pack),
        "vocabularies": vocabularies,
        "xiang": {lei: dict(codes) for lei, codes in pack.xiang_codes.items()},
        "codebook": codebook,
        "field": [field_dict(f) for f in pack.fields.fields],
        "rule": [r.to_dict() for r in pack.declared_rules],
    }
    return doc


def dump_effective(pack: Pack, fmt: DumpFormat = DumpFormat.TOML) -> str:
    """The effective pack printed as TOML or JSON."""
    doc = effective_dict(pack)
    if fmt is DumpFormat.JSON:
        return json.dumps(doc, ensure_ascii=False, indent=2)
    if not doc["rule"]:
        del doc["rule"]
    header = f"# Effective pack {pack.ref} (lineage: {' <- '.join(pack.lineage)})\n"
    return header + tomlkit.dumps(doc)
