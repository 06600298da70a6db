"""A pack over its parent: the one place where a pack's own settings meet inherited ones.

Each function takes what the pack's files say and the already-loaded parent, and returns
the effective value: fields are added, codes added (never silently redefined),
vocabularies narrowed, settings the pack leaves out taken from the parent (else the
national guide's defaults), lists such as ``[rules] ignore`` added up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.code import CodeRules
from govcatalog.packs._lines import line_of
from govcatalog.packs.codebook import Codebook, parse_codebook
from govcatalog.packs.declared import DeclaredRule, merge_rules, parse_rules
from govcatalog.packs.fields import FieldKind, FieldLevel, FieldSpec, FieldTable, parse_fields
from govcatalog.packs.lawdata import (
    REQUEST_FIELDS,
    ConditionPhrases,
    Deadline,
    LegalBasis,
    RequestRule,
    parse_conditions,
    parse_deadlines,
    parse_legal_basis,
    parse_request_rule,
)
from govcatalog.packs.manifest import MANIFEST, Manifest, PackTable, VocabularySetting
from govcatalog.packs.versions import PackRef
from govcatalog.vocab import Vocabulary, load_vocabulary

if TYPE_CHECKING:
    from govcatalog.packs.pack import Pack

EXTENSIONS = "extensions"
"""Group holding the fields a local standard adds (``extensions.<key>``)."""


def check_parent(meta: PackTable, parent: Pack | None) -> None:
    """Raise PackError when ``parent`` is not the pack ``extends`` names."""
    ref, extends = meta.ref, meta.extends
    if extends is not None and parent is None:
        raise PackError(ref, MANIFEST, f"extends {extends!r} but no parent was resolved")
    if parent is not None and (extends is None or PackRef.parse(extends).id != parent.id):
        raise PackError(ref, MANIFEST, f"parent {parent.ref} does not match extends={extends!r}")


def layered_fields(text: str | None, meta: PackTable, parent: Pack | None) -> FieldTable:
    """The parent's field table with the pack's own fields (``fields.toml``) over it."""
    ref = meta.ref
    base = parent.fields if parent else None
    own = parse_fields(text, pack=ref, base=base) if text else FieldTable(())
    if parent is not None:  # a local standard: its hints name it, not the national guide
        own = FieldTable(
            tuple(
                replace(
                    f,
                    standard_zh=f"《{meta.title_zh}》（{ref}）" if meta.title_zh else ref,
                    standard_en=f"{meta.title_en} ({ref})" if meta.title_en else ref,
                )
                for f in own.fields
            )
        )
    fields = _with_extension_group(parent.fields.with_fields(own.fields) if parent else own)
    _check_fields(fields, ref, text)
    return fields


def layered_codebook(text: str | None, manifest: Manifest, parent: Pack | None) -> Codebook:
    """The parent's codebook, the pack's own codes added, ``[severity]`` applied."""
    ref = manifest.pack.ref
    own = parse_codebook(text, pack=ref) if text else Codebook(MappingProxyType({}))
    codebook = parent.codebook.merged(own, pack=ref) if parent else own
    try:
        return codebook.with_severities(manifest.severity)
    except (KeyError, ValueError) as exc:
        raise PackError(ref, MANIFEST, f"[severity]: {exc}") from None


def layered_xiang(
    tables: Mapping[str, object], parent: Pack | None
) -> Mapping[str, Mapping[str, str]]:
    """类 label → 项 name → 项 code: the parent's, with ``code-tables.toml`` over them."""
    xiang: dict[str, Mapping[str, str]] = dict(parent.xiang_codes) if parent else {}
    own = tables.get("xiang", {})
    for lei, codes in dict(own).items() if isinstance(own, dict) else ():
        xiang[lei] = MappingProxyType({str(k): str(v) for k, v in dict(codes).items()})
    return MappingProxyType(xiang)


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings of ``pack.toml`` in effect: the pack's own, else its parent's, else defaults.

    Attributes mirror the fields of :class:`~govcatalog.packs.pack.Pack` of the same names.
    """

    code_rules: CodeRules
    provider_code_scheme: IdentifierKind | None
    identifier_strict: bool
    identifier_allow: frozenset[str]
    ignore: frozenset[str]
    future_publish_date: bool
    rule_modules: tuple[str, ...]
    effective_from: dt.date | None
    supersedes: str | None
    regime_zh: str
    regime_en: str


_T = TypeVar("_T")


def _first(own: _T | None, inherited: _T) -> _T:
    return inherited if own is None else own


def layered_settings(
    manifest: Manifest, parent: Pack | None, codebook: Codebook, text: str
) -> Settings:
    """The pack's settings over its parent's.

    Raises:
        PackError: When ``[rules] ignore`` names a code no codebook declares.
    """
    ref, meta, code, ids = manifest.pack.ref, manifest.pack, manifest.code, manifest.identifiers
    ignore = frozenset(manifest.rules.ignore)
    unknown = sorted(ignore - set(codebook))
    if unknown:
        line = line_of(text, unknown[0])
        raise PackError(ref, MANIFEST, f"[rules] ignore names unknown codes {unknown}", line)
    base = parent.code_rules if parent else CodeRules()
    inherited_modules = parent.rule_modules if parent else ()
    own_modules = (m for m in manifest.rules.modules if m not in inherited_modules)
    return Settings(
        code_rules=CodeRules(
            separator=_first(code.separator, base.separator),
            ximu_unit=_first(code.ximu_unit, base.ximu_unit),
            allow_alphanumeric=_first(code.allow_alphanumeric, base.allow_alphanumeric),
            require_mu=_first(code.require_mu, base.require_mu),
        ),
        provider_code_scheme=_first(
            ids.provider_code, parent.provider_code_scheme if parent else None
        ),
        identifier_strict=_first(ids.strict, parent.identifier_strict if parent else True),
        identifier_allow=frozenset(ids.allow)
        | (parent.identifier_allow if parent else frozenset()),
        ignore=ignore | (parent.ignore if parent else frozenset()),
        future_publish_date=_first(
            manifest.dates.future_publish_date, parent.future_publish_date if parent else True
        ),
        rule_modules=(*inherited_modules, *own_modules),
        effective_from=_first(meta.effective_from, parent.effective_from if parent else None),
        supersedes=meta.supersedes or None,
        regime_zh=_first(meta.regime_zh, parent.regime_zh if parent else ""),
        regime_en=_first(meta.regime_en, parent.regime_en if parent else ""),
    )


@dataclass(frozen=True, slots=True)
class LawData:
    """Time limits and the regulation's text forms, each file over its parent's."""

    deadlines: Mapping[str, Deadline]
    legal_basis: LegalBasis | None
    conditions: ConditionPhrases | None
    request_rule: RequestRule | None


def layered_law(texts: Mapping[str, str | None], parent: Pack | None, ref: str) -> LawData:
    """``deadlines.toml`` over the parent's deadlines; the other files replace the parent's."""
    deadlines = parent.deadlines if parent else MappingProxyType({})
    if text := texts.get("deadlines.toml"):
        deadlines = parse_deadlines(text, pack=ref, inherited=deadlines)
    basis, conditions, request = (
        texts.get("legal-basis.toml"),
        texts.get("conditions.toml"),
        texts.get("requests.toml"),
    )
    return LawData(
        deadlines=deadlines,
        legal_basis=parse_legal_basis(basis, pack=ref)
        if basis
        else (parent.legal_basis if parent else None),
        conditions=parse_conditions(conditions, pack=ref)
        if conditions
        else (parent.conditions if parent else None),
        request_rule=parse_request_rule(request, pack=ref, known=REQUEST_FIELDS)
        if request
        else (parent.request_rule if parent else None),
    )


def settings_tables(pack: Pack) -> dict[str, dict[str, Any]]:
    """The ``[code]``, ``[identifiers]``, ``[dates]`` and ``[rules]`` settings in effect.

    The reverse of :func:`layered_settings`: what the effective dump
    (:func:`~govcatalog.packs.effective.dump_effective`) prints, unset values left out.
    """
    rules = pack.code_rules
    code = {
        "separator": rules.separator,
        "ximu_unit": rules.ximu_unit,
        "allow_alphanumeric": rules.allow_alphanumeric,
        "require_mu": rules.require_mu,
    }
    scheme = pack.provider_code_scheme
    identifiers = {
        "provider_code": scheme.value if scheme else None,
        "strict": pack.identifier_strict,
        "allow": sorted(pack.identifier_allow),
    }
    return {
        "code": {k: v for k, v in code.items() if v is not None},
        "identifiers": {k: v for k, v in identifiers.items() if v is not None},
        "dates": {"future_publish_date": pack.future_publish_date},
        "rules": {"ignore": sorted(pack.ignore)},
    }


def layered_vocabularies(
    fields: FieldTable,
    manifest: Manifest,
    parent: Pack | None,
    *,
    texts: Mapping[str, str | None],
    local: Mapping[str, Vocabulary],
) -> dict[str, Vocabulary]:
    """Every vocabulary the fields name or ``[vocabularies]`` sets, as this pack narrows it.

    Raises:
        PackError: For an unknown vocabulary, value or alias, with file and line.
    """
    ref, settings = manifest.pack.ref, manifest.vocabularies
    ids = {f.vocabulary for f in fields.fields if f.vocabulary}
    vocabs: dict[str, Vocabulary] = dict(parent.vocabularies) if parent else {}
    for scheme in sorted(ids | set(settings) | set(local)):
        base = vocabs.get(scheme) or local.get(scheme)
        if base is None:
            try:
                base = load_vocabulary(scheme)
            except LookupError:
                file = "fields.toml" if scheme in ids else MANIFEST
                line = line_of(texts.get(file), f'"{scheme}"')
                raise PackError(ref, file, f"unknown vocabulary {scheme!r}", line) from None
        rule = settings.get(scheme)
        if rule is not None:
            base = _narrowed(base, rule, ref, scheme, line_of(texts.get(MANIFEST), f'"{scheme}"'))
        vocabs[scheme] = base
    return vocabs


def _narrowed(
    vocab: Vocabulary, rule: VocabularySetting, ref: str, scheme: str, line: int | None
) -> Vocabulary:
    """The vocabulary narrowed to ``include``/``exclude``, with the forms a pack adds."""
    unknown = [v for v in [*(rule.include or ()), *rule.exclude] if _unknown_label(vocab, v)]
    if unknown:
        raise PackError(ref, MANIFEST, f"vocabulary {scheme}: unknown values {unknown}", line)
    vocab = vocab.restrict(include=rule.include, exclude=rule.exclude)
    try:
        return vocab.with_aliases({k: list(v) for k, v in rule.aliases.items()})
    except KeyError as exc:
        msg = f"vocabulary {scheme}: aliases name an unknown value {exc.args[0]}"
        raise PackError(ref, MANIFEST, msg, line) from None
    except ValueError as exc:
        raise PackError(ref, MANIFEST, f"vocabulary {scheme}: {exc}", line) from None


def _unknown_label(vocab: Vocabulary, label: str) -> bool:
    try:
        vocab.concept(label)
    except KeyError:
        return True
    return False


def layered_rules(
    text: str | None, fields: FieldTable, codebook: Codebook, parent: Pack | None, ref: str
) -> tuple[DeclaredRule, ...]:
    """The parent's declared rules with the pack's own (``rules.toml``) added.

    Raises:
        PackError: When a rule emits an undeclared code or reads a field it cannot.
    """
    own = parse_rules(text, pack=ref) if text else ()
    for r in own:
        if r.code not in codebook:
            line = line_of(text, f'"{r.code}"')
            msg = f"rule {r.id} emits {r.code}, which no codebook declares"
            raise PackError(ref, "rules.toml", msg, line)
        for fid in r.fields:
            if not _single_valued(fields, fid):
                msg = f"rule {r.id}: {fid!r} is not a single-valued resource field"
                raise PackError(ref, "rules.toml", msg, line_of(text, f'"{fid}"'))
    return merge_rules(parent.declared_rules if parent else (), own)


def _single_valued(fields: FieldTable, field_id: str) -> bool:
    """A resource field holding one value, not inside a list of objects (what rules read)."""
    if not fields.has(field_id):
        return False
    spec = fields.get(field_id)
    if spec.kind in (FieldKind.GROUP, FieldKind.GROUPS):
        return False
    return spec.parent is None or fields.get(spec.parent).kind is FieldKind.GROUP


def _with_extension_group(fields: FieldTable) -> FieldTable:
    """Declare the ``extensions`` group when a pack adds fields under it."""
    if fields.has(EXTENSIONS) or not any(f.parent == EXTENSIONS for f in fields.resource_fields()):
        return fields
    group = FieldSpec(EXTENSIONS, "扩展元素", "Extension elements", FieldKind.GROUP)
    return fields.with_fields([group])


def _check_fields(fields: FieldTable, ref: str, text: str | None) -> None:
    kinds = (FieldKind.GROUP, FieldKind.GROUPS)
    groups = {f.id for f in fields.resource_fields() if f.kind in kinds}
    for spec in fields.fields:
        if spec.kind in (FieldKind.VOCAB, FieldKind.BOOL) and not spec.vocabulary:
            msg = f"{spec.id}: kind {spec.kind} needs a vocabulary"
        elif spec.level is FieldLevel.RESOURCE and spec.parent and spec.parent not in groups:
            msg = f"{spec.id}: {spec.parent!r} is not a group field"
        elif dangling := _dangling(spec, fields):
            msg = f"{spec.id}: {dangling}"
        else:
            continue
        raise PackError(ref, "fields.toml", msg, line_of(text, f'"{spec.id}"'))


def _dangling(spec: FieldSpec, fields: FieldTable) -> str | None:
    """What a field's ``note``, ``main`` or ``compound`` names that is no field, if anything."""
    for key, named in (("note", spec.note), ("main", spec.main), ("compound", spec.compound)):
        if named and not fields.has(named):
            return f"{key} = {named!r} names no field"
    if spec.main and not spec.main.startswith(f"{spec.id}."):
        return f"main = {spec.main!r} is not a field of the group"
    return None
