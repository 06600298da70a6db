"""The effective pack: everything the validator needs to know about one standard.

A pack on disk is a directory with ``pack.toml`` (the manifest), ``fields.toml``,
``codebook.toml`` and ``code-tables.toml``. :func:`load_pack` reads one directory
and, when the manifest says ``extends = "<id>@<range>"``, layers it over the
already-loaded parent: fields are added, codes are added (never silently
redefined), vocabularies narrowed, code tables and severities overridden.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from importlib.resources.abc import Traversable
from types import MappingProxyType

from govcatalog._views import html_view
from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.code import CodeRules
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
from govcatalog.packs.lines import line_of, toml_error_line
from govcatalog.packs.local_vocab import parse_vocabularies
from govcatalog.packs.manifest_types import check_manifest
from govcatalog.packs.templates import DEFAULT_TEMPLATE, TemplateProfile, load_templates
from govcatalog.packs.value_forms import ValueForms, parse_value_forms
from govcatalog.packs.versions import PackRef, Version, check_pack_id
from govcatalog.packs.xmlmap import XmlMap, load_xml_map
from govcatalog.report import Severity
from govcatalog.vocab import Vocabulary, load_vocabulary


class PackStatus(StrEnum):
    """Lifecycle of a pack version."""

    DRAFT = "draft"
    ACTIVE = "active"
    SUPERSEDED = "superseded"
    RETIRED = "retired"


@dataclass(frozen=True)
class Pack:
    """An effective (inheritance-resolved) schema pack.

    Attributes:
        id: Pack id, e.g. ``gb-1272``.
        version: Semantic version.
        title_zh: Title in Chinese.
        title_en: Title in English.
        publisher: Who publishes the standard.
        basis: The policy documents it rests on.
        status: Lifecycle status.
        extends: The parent reference as written (``gb-1272@^1``), or None.
        lineage: ``id@version`` of this pack and its ancestors, nearest first.
        code_rules: Syntax settings of 信息资源代码.
        fields: The field table.
        codebook: Finding codes with effective severities.
        vocabularies: Each vocabulary as this pack narrows it.
        xiang_codes: 类 label → 项 name → two-digit 项 code.
        provider_code_scheme: Identifier kind expected in 信息资源提供方代码, or None.
        identifier_strict: Strict identifier checks.
        identifier_allow: Identifiers accepted despite failing their check.
        ignore: Finding codes switched off.
        future_publish_date: Report a 发布日期 after the day of validation.
        templates: Workbook layouts (template profiles) by id.
        xml_map: Element names of the XML exchange form, if the pack defines one.
        declared_rules: Rules the pack and its ancestors declare as data (``rules.toml``).
        rule_modules: Python rule sets the pack adds, as ``"module:function"`` names of
            functions returning a :class:`~govcatalog.rules.engine.RuleSet` (inherited).
        effective_from: The day the standard took effect, if it says.
        supersedes: The pack a catalog dated before ``effective_from`` is judged under.
        regime_zh: The law or standard this pack renders, as a report names it (Chinese).
        regime_en: The same in English.
        deadlines: Time limits in working days by id (``deadlines.toml``, inherited).
        legal_basis: The forms a 不予共享 basis may take (``legal-basis.toml``), if any.
        conditions: How 使用条件 name scope and purpose (``conditions.toml``), if any.
        request_rule: What a data request must state (``requests.toml``), if anything.
        value_forms: Non-standard value forms the pack reads (placeholders, described
            forms, open types) and how absent elements are reported.
    """

    id: str
    version: Version
    title_zh: str
    title_en: str
    publisher: str
    basis: str
    status: PackStatus
    extends: str | None
    lineage: tuple[str, ...]
    code_rules: CodeRules
    fields: FieldTable
    codebook: Codebook
    vocabularies: Mapping[str, Vocabulary]
    xiang_codes: Mapping[str, Mapping[str, str]]
    provider_code_scheme: IdentifierKind | None = None
    identifier_strict: bool = True
    identifier_allow: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    future_publish_date: bool = True
    templates: Mapping[str, TemplateProfile] = field(default_factory=dict, repr=False)
    xml_map: XmlMap | None = field(default=None, repr=False)
    declared_rules: tuple[DeclaredRule, ...] = ()
    rule_modules: tuple[str, ...] = ()
    effective_from: dt.date | None = None
    supersedes: str | None = None
    regime_zh: str = ""
    regime_en: str = ""
    deadlines: Mapping[str, Deadline] = field(default_factory=dict, repr=False)
    legal_basis: LegalBasis | None = field(default=None, repr=False)
    conditions: ConditionPhrases | None = field(default=None, repr=False)
    request_rule: RequestRule | None = field(default=None, repr=False)
    value_forms: ValueForms = field(default_factory=ValueForms, repr=False)
    raw_manifest: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"

    def vocabulary(self, scheme_id: str) -> Vocabulary:
        """The vocabulary as this pack allows it."""
        return self.vocabularies[scheme_id]

    def field_vocabulary(self, spec: FieldSpec) -> Vocabulary:
        """The values a vocabulary field takes under this pack (KeyError without one)."""
        vocab = self.vocabularies[spec.vocabulary or ""]
        if spec.top_concepts_only:
            return vocab.restrict(include=[c.label_zh for c in vocab.top_concepts()])
        return vocab

    def _repr_html_(self) -> str:
        """Rich display in notebooks."""
        return html_view(self)

    def template(self, profile: str | None = None) -> TemplateProfile:
        """The workbook layout ``profile``.

        The default is the profile marked ``default``, else ``national``, else the only one.

        Raises:
            PackError: When the pack has no such profile.
        """
        if profile is None:
            marked = [t for t in self.templates.values() if t.default]
            if marked:
                return marked[0]
            if DEFAULT_TEMPLATE not in self.templates and len(self.templates) == 1:
                return next(iter(self.templates.values()))
        name = profile or DEFAULT_TEMPLATE
        if name not in self.templates:
            known = ", ".join(sorted(self.templates)) or "none"
            raise PackError(
                self.ref, "templates/", f"no template profile {name!r} (known: {known})"
            )
        return self.templates[name]


def _read(root: Traversable, name: str) -> str | None:
    f = root / name
    return f.read_text(encoding="utf-8") if f.is_file() else None


def _toml(text: str, *, pack: str, file: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None


def _table(data: Mapping[str, object], key: str) -> dict[str, object]:
    value = data.get(key, {})
    return dict(value) if isinstance(value, dict) else {}


def _vocabularies(
    fields: FieldTable,
    settings: Mapping[str, object],
    parent: Pack | None,
    pack: str,
    *,
    texts: Mapping[str, str | None],
    local: Mapping[str, Vocabulary],
) -> dict[str, Vocabulary]:
    ids = {f.vocabulary for f in fields.fields if f.vocabulary}
    vocabs: dict[str, Vocabulary] = dict(parent.vocabularies) if parent else {}
    for scheme in sorted(ids | set(settings) | set(local)):
        base = vocabs.get(scheme) or local.get(scheme)
        if base is None:
            try:
                base = load_vocabulary(scheme)
            except LookupError:
                file = "fields.toml" if scheme in ids else "pack.toml"
                line = line_of(texts.get(file), f'"{scheme}"')
                raise PackError(pack, file, f"unknown vocabulary {scheme!r}", line) from None
        rule = settings.get(scheme)
        if isinstance(rule, dict):
            include = rule.get("include")
            exclude = rule.get("exclude", ())
            unknown = [v for v in [*(include or ()), *exclude] if _unknown_label(base, str(v))]
            if unknown:
                line = line_of(texts.get("pack.toml"), f'"{scheme}"')
                msg = f"vocabulary {scheme}: unknown values {unknown}"
                raise PackError(pack, "pack.toml", msg, line)
            base = base.restrict(include=include, exclude=exclude)
            base = _with_aliases(base, rule.get("aliases", {}), pack, texts, scheme)
        vocabs[scheme] = base
    return vocabs


def _with_aliases(
    vocab: Vocabulary,
    aliases: object,
    pack: str,
    texts: Mapping[str, str | None],
    scheme: str,
) -> Vocabulary:
    """The vocabulary with the forms a pack adds to its values (``aliases = {值 = [写法]}``)."""
    line = line_of(texts.get("pack.toml"), f'"{scheme}"')
    if not isinstance(aliases, dict) or not all(
        isinstance(v, list) and all(isinstance(f, str) for f in v) for v in aliases.values()
    ):
        msg = f"vocabulary {scheme}: aliases must map values to lists of forms"
        raise PackError(pack, "pack.toml", msg, line)
    try:
        return vocab.with_aliases({str(k): list(v) for k, v in aliases.items()})
    except KeyError as exc:
        msg = f"vocabulary {scheme}: aliases name an unknown value {exc.args[0]}"
        raise PackError(pack, "pack.toml", msg, line) from None
    except ValueError as exc:
        raise PackError(pack, "pack.toml", f"vocabulary {scheme}: {exc}", line) from None


def _unknown_label(vocab: Vocabulary, label: str) -> bool:
    try:
        vocab.concept(label)
    except KeyError:
        return True
    return False


def _key_line(text: str, key: str) -> int | None:
    """1-based line where ``key = …`` is set in a TOML text, or None."""
    for number, line in enumerate(text.splitlines(), start=1):
        name, sep, _ = line.partition("=")
        if sep and name.strip().strip('"') == key:
            return number
    return None


def load_pack(root: Traversable, parent: Pack | None = None) -> Pack:
    """Read the pack in ``root`` and layer it over ``parent`` (its resolved ``extends``).

    Raises:
        PackError: When a file is missing or inconsistent, or a value has the wrong type.
    """
    try:
        return _load_pack(root, parent)
    except (TypeError, AttributeError) as exc:
        # The manifest's types are checked with file and line; a wrongly typed value in
        # another of the pack's TOML files is still one clear error, not a traceback.
        msg = f"a value in the pack's TOML files has the wrong type ({exc})"
        raise PackError(str(root), "*.toml", msg) from None


def _load_pack(root: Traversable, parent: Pack | None) -> Pack:
    manifest_text = _read(root, "pack.toml")
    if manifest_text is None:
        raise PackError(str(root), "pack.toml", "missing")
    manifest = _toml(manifest_text, pack=str(root), file="pack.toml")
    check_manifest(manifest, manifest_text, str(root))
    meta = _table(manifest, "pack")
    raw_id = meta.get("id", "")
    ident = raw_id if isinstance(raw_id, str) else ""
    try:
        check_pack_id(raw_id)  # type: ignore[arg-type]
        version = Version.parse(meta.get("version", ""))  # type: ignore[arg-type]
        status = PackStatus(meta.get("status", "draft"))  # type: ignore[arg-type]
    except ValueError as exc:
        key = "id" if "pack id" in str(exc) else "version" if "version" in str(exc) else "status"
        raise PackError(str(root), "pack.toml", str(exc), _key_line(manifest_text, key)) from None
    ref = f"{ident}@{version}"
    extends = meta.get("extends")
    if extends is not None and parent is None:
        raise PackError(ref, "pack.toml", f"extends {extends!r} but no parent was resolved")
    if parent is not None and (extends is None or PackRef.parse(str(extends)).id != parent.id):
        raise PackError(ref, "pack.toml", f"parent {parent.ref} does not match extends={extends!r}")

    fields_text = _read(root, "fields.toml")
    base = parent.fields if parent else None
    own_fields = parse_fields(fields_text, pack=ref, base=base) if fields_text else FieldTable(())
    if parent is not None:  # a local standard: its hints name it, not the national guide
        title_zh, title_en = str(meta.get("title_zh", "")), str(meta.get("title_en", ""))
        own_fields = FieldTable(
            tuple(
                replace(
                    f,
                    standard_zh=f"《{title_zh}》（{ref}）" if title_zh else ref,
                    standard_en=f"{title_en} ({ref})" if title_en else ref,
                )
                for f in own_fields.fields
            )
        )
    inherited = parent.fields.with_fields(own_fields.fields) if parent else own_fields
    fields = _with_extension_group(inherited)
    _check_fields(fields, ref, fields_text)

    cb_text = _read(root, "codebook.toml")
    own_codes = parse_codebook(cb_text, pack=ref) if cb_text else Codebook(MappingProxyType({}))
    codebook = parent.codebook.merged(own_codes, pack=ref) if parent else own_codes
    overrides = _table(manifest, "severity")
    try:
        codebook = codebook.with_severities({k: Severity(str(v)) for k, v in overrides.items()})
    except (KeyError, ValueError) as exc:
        raise PackError(ref, "pack.toml", f"[severity]: {exc}") from None

    tables_text = _read(root, "code-tables.toml")
    xiang: dict[str, Mapping[str, str]] = dict(parent.xiang_codes) if parent else {}
    if tables_text:
        tables = _toml(tables_text, pack=ref, file="code-tables.toml")
        for lei, codes in _table(tables, "xiang").items():
            xiang[lei] = MappingProxyType({str(k): str(v) for k, v in dict(codes).items()})  # type: ignore[call-overload]

    code = _table(manifest, "code")
    ids = _table(manifest, "identifiers")
    rules = _table(manifest, "rules")
    dates = _table(manifest, "dates")
    base_rules = parent.code_rules if parent else CodeRules()
    code_rules = CodeRules(
        separator=str(code.get("separator", base_rules.separator)),
        ximu_unit=code.get("ximu_unit", base_rules.ximu_unit),  # type: ignore[arg-type]
        allow_alphanumeric=bool(code.get("allow_alphanumeric", base_rules.allow_alphanumeric)),
        require_mu=bool(code.get("require_mu", base_rules.require_mu)),
    )
    scheme_name = ids.get("provider_code", parent.provider_code_scheme if parent else None)
    try:
        scheme = IdentifierKind(str(scheme_name)) if scheme_name else None
    except ValueError:
        raise PackError(ref, "pack.toml", f"[identifiers] unknown scheme {scheme_name!r}") from None
    ignore = frozenset(str(c) for c in rules.get("ignore", ()))  # type: ignore[attr-defined]
    unknown = sorted(ignore - set(codebook))
    if unknown:
        line = line_of(manifest_text, unknown[0])
        raise PackError(ref, "pack.toml", f"[rules] ignore names unknown codes {unknown}", line)
    rules_text = _read(root, "rules.toml")
    own_rules = parse_rules(rules_text, pack=ref) if rules_text else ()
    _check_rules(own_rules, fields, codebook, ref, rules_text or "")
    texts = {"fields.toml": fields_text, "pack.toml": manifest_text}
    law = _law(root, meta, rules, parent, ref, manifest_text)
    vocab_text = _read(root, "vocabularies.toml")
    local = parse_vocabularies(vocab_text, pack=ref, pack_id=ident) if vocab_text else {}
    vocabularies = _vocabularies(
        fields, _table(manifest, "vocabularies"), parent, ref, texts=texts, local=local
    )
    value_forms = parse_value_forms(
        manifest, vocabularies, parent.value_forms if parent else None, pack=ref
    )
    unknown_defaults = [f for f in value_forms.defaults if not fields.has(f)]
    if unknown_defaults:
        msg = f"[values.defaults] names unknown fields {unknown_defaults}"
        raise PackError(ref, "pack.toml", msg)
    return Pack(
        id=ident,
        version=version,
        title_zh=str(meta.get("title_zh", "")),
        title_en=str(meta.get("title_en", "")),
        publisher=str(meta.get("publisher", "")),
        basis=str(meta.get("basis", "")),
        status=status,
        extends=str(extends) if extends is not None else None,
        lineage=(ref, *(parent.lineage if parent else ())),
        code_rules=code_rules,
        fields=fields,
        codebook=codebook,
        vocabularies=MappingProxyType(vocabularies),
        value_forms=value_forms,
        xiang_codes=MappingProxyType(xiang),
        provider_code_scheme=scheme,
        identifier_strict=bool(ids.get("strict", parent.identifier_strict if parent else True)),
        identifier_allow=frozenset(str(a) for a in ids.get("allow", ()))  # type: ignore[attr-defined]
        | (parent.identifier_allow if parent else frozenset()),
        ignore=ignore | (parent.ignore if parent else frozenset()),
        future_publish_date=bool(
            dates.get("future_publish_date", parent.future_publish_date if parent else True)
        ),
        templates=load_templates(root, fields, parent.templates if parent else {}, pack=ref),
        xml_map=load_xml_map(root, fields, parent.xml_map if parent else None, pack=ref),
        declared_rules=merge_rules(parent.declared_rules if parent else (), own_rules),
        rule_modules=law.rule_modules,
        effective_from=law.effective_from,
        supersedes=law.supersedes,
        regime_zh=law.regime_zh,
        regime_en=law.regime_en,
        deadlines=law.deadlines,
        legal_basis=law.legal_basis,
        conditions=law.conditions,
        request_rule=law.request_rule,
        raw_manifest=MappingProxyType(manifest),
    )


@dataclass(frozen=True, slots=True)
class _LawFacts:
    rule_modules: tuple[str, ...]
    effective_from: dt.date | None
    supersedes: str | None
    regime_zh: str
    regime_en: str
    deadlines: Mapping[str, Deadline]
    legal_basis: LegalBasis | None
    conditions: ConditionPhrases | None
    request_rule: RequestRule | None


def _law(
    root: Traversable,
    meta: Mapping[str, object],
    rules: Mapping[str, object],
    parent: Pack | None,
    ref: str,
    manifest_text: str,
) -> _LawFacts:
    """The regime, rule modules and law data of a pack, over its parent's."""
    start = meta.get("effective_from", parent.effective_from if parent else None)
    try:
        effective = dt.date.fromisoformat(str(start)) if start is not None else None
    except ValueError:
        line = line_of(manifest_text, "effective_from")
        raise PackError(ref, "pack.toml", f"effective_from {start!r} is not a date", line) from None
    modules = rules.get("modules", ())
    if not isinstance(modules, list | tuple) or not all(
        isinstance(m, str) and ":" in m for m in modules
    ):
        line = line_of(manifest_text, "modules")
        raise PackError(ref, "pack.toml", '[rules] modules: "module:function" names', line)
    inherited = parent.rule_modules if parent else ()
    deadlines_text = _read(root, "deadlines.toml")
    deadlines = parent.deadlines if parent else MappingProxyType({})
    if deadlines_text:
        deadlines = parse_deadlines(deadlines_text, pack=ref, inherited=deadlines)
    basis_text = _read(root, "legal-basis.toml")
    conditions_text = _read(root, "conditions.toml")
    request_text = _read(root, "requests.toml")
    return _LawFacts(
        rule_modules=(*inherited, *(m for m in modules if m not in inherited)),
        effective_from=effective,
        supersedes=str(meta["supersedes"]) if meta.get("supersedes") else None,
        regime_zh=str(meta.get("regime_zh", parent.regime_zh if parent else "")),
        regime_en=str(meta.get("regime_en", parent.regime_en if parent else "")),
        deadlines=deadlines,
        legal_basis=parse_legal_basis(basis_text, pack=ref)
        if basis_text
        else (parent.legal_basis if parent else None),
        conditions=parse_conditions(conditions_text, pack=ref)
        if conditions_text
        else (parent.conditions if parent else None),
        request_rule=parse_request_rule(request_text, pack=ref, known=REQUEST_FIELDS)
        if request_text
        else (parent.request_rule if parent else None),
    )


EXTENSIONS = "extensions"
"""Group holding the fields a local standard adds (``extensions.<key>``)."""


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
        else:
            continue
        raise PackError(ref, "fields.toml", msg, line_of(text, f'"{spec.id}"'))


def _check_rules(
    rules: tuple[DeclaredRule, ...], fields: FieldTable, codebook: Codebook, ref: str, text: str
) -> None:
    for r in rules:
        if r.code not in codebook:
            line = line_of(text, f'"{r.code}"')
            msg = f"rule {r.id} emits {r.code}, which no codebook declares"
            raise PackError(ref, "rules.toml", msg, line)
        for fid in r.fields:
            if not _single_valued(fields, fid):
                msg = f"rule {r.id}: {fid!r} is not a single-valued resource field"
                raise PackError(ref, "rules.toml", msg, line_of(text, f'"{fid}"'))


def _single_valued(fields: FieldTable, field_id: str) -> bool:
    """A resource field holding one value, not inside a list of objects (what rules read)."""
    if not fields.has(field_id):
        return False
    spec = fields.get(field_id)
    if spec.kind in (FieldKind.GROUP, FieldKind.GROUPS):
        return False
    return spec.parent is None or fields.get(spec.parent).kind is FieldKind.GROUP
