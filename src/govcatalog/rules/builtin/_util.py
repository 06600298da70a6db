"""Small helpers shared by the built-in rules."""

from __future__ import annotations

import unicodedata
from typing import Final

from govcatalog._bilingual import Bilingual, quoted
from govcatalog.model.enums import FormatClass, ResourceClass, ShareModeClass, ShareType
from govcatalog.records.coerce import INVALID
from govcatalog.records.hits import Hit, Record
from govcatalog.rules.engine import RuleContext

# The members the rules compare with, looked up once here: on Python 3.11 a member looked up on
# its enum class goes through the metaclass (≈ 0.05 µs, several times a resource).
UNCONDITIONAL: Final = ShareType.UNCONDITIONAL
CONDITIONAL: Final = ShareType.CONDITIONAL
NOT_SHARED: Final = ShareType.NOT_SHARED
PLATFORM: Final = ShareModeClass.PLATFORM
BASE: Final = ResourceClass.BASE
OTHER_FORMAT: Final = FormatClass.OTHER


def invalid(rec: Record, pointer: str) -> bool:
    """True when the value at ``pointer`` was present but unreadable (already reported)."""
    return pointer in rec.get(INVALID, ())


def missing(ctx: RuleContext, rec: Record, field_id: str) -> Hit | None:
    """A GC-F001 hit for a conditionally required field, unless it was reported already."""
    pointer = "/" + field_id.replace(".", "/")
    if invalid(rec, pointer):
        return None
    spec = ctx.pack.fields.get(field_id)
    return Hit("GC-F001", pointer, spec.names())


def term(ctx: RuleContext, scheme: str, label: object) -> Bilingual:
    """A value of the pack's vocabulary ``scheme`` as a message parameter: its label, and in
    English its label quoted with its English label."""
    vocab = ctx.pack.vocabularies.get(scheme)
    return vocab.term(str(label)) if vocab is not None else quoted(label)


def fold(text: str) -> str:
    """Text folded for comparing free-text answers (NFKC, no spaces or punctuation)."""
    t = unicodedata.normalize("NFKC", text).strip()
    return "".join(ch for ch in t if not unicodedata.category(ch).startswith(("P", "Z")))
