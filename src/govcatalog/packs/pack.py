"""The effective pack: everything the validator needs to know about one standard.

A pack on disk is a directory with ``pack.toml`` (the manifest), ``fields.toml``,
``codebook.toml`` and ``code-tables.toml``. :func:`load_pack` reads one directory
and, when the manifest says ``extends = "<id>@<range>"``, layers it over the
already-loaded parent (:mod:`govcatalog.packs._layering`): fields are added, codes are
added (never silently redefined), vocabularies narrowed, code tables and severities
overridden.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from types import MappingProxyType

from govcatalog._views import html_view
from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.model.code import CodeRules
from govcatalog.packs._layering import (
    EXTENSIONS,
    check_parent,
    layered_codebook,
    layered_fields,
    layered_law,
    layered_rules,
    layered_settings,
    layered_vocabularies,
    layered_xiang,
)
from govcatalog.packs._lines import toml_error_line
from govcatalog.packs._local_vocab import parse_vocabularies
from govcatalog.packs.codebook import Codebook
from govcatalog.packs.declared import DeclaredRule
from govcatalog.packs.fields import FieldSpec, FieldTable
from govcatalog.packs.glossary import Glossary, unresolved
from govcatalog.packs.lawdata import ConditionPhrases, Deadline, LegalBasis, RequestRule
from govcatalog.packs.manifest import MANIFEST, Manifest, PackStatus, read_manifest
from govcatalog.packs.templates import DEFAULT_TEMPLATE, TemplateProfile, load_templates
from govcatalog.packs.value_forms import ValueForms, parse_value_forms
from govcatalog.packs.versions import Version
from govcatalog.packs.xmlmap import XmlMap, load_xml_map
from govcatalog.vocab import Vocabulary

__all__ = ["EXTENSIONS", "Pack", "PackStatus", "load_pack"]

_FILES = (
    "fields.toml",
    "codebook.toml",
    "code-tables.toml",
    "rules.toml",
    "vocabularies.toml",
    "deadlines.toml",
    "legal-basis.toml",
    "conditions.toml",
    "requests.toml",
)
"""The TOML files of a pack beside its manifest; each is optional."""


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

    @property
    def glossary(self) -> Glossary:
        """The values and elements this pack's messages name (``{term[…][…]}``,
        ``{element[…]}``), said from its vocabularies and field table."""
        return Glossary.of(self.vocabularies, self.fields)

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
    text = _read(root, MANIFEST)
    if text is None:
        raise PackError(str(root), MANIFEST, "missing")
    manifest, raw = read_manifest(text, pack=str(root))
    check_parent(manifest.pack, parent)
    ref = manifest.pack.ref
    texts = {MANIFEST: text, **{name: _read(root, name) for name in _FILES}}
    fields = layered_fields(texts["fields.toml"], manifest.pack, parent)
    codebook = layered_codebook(texts["codebook.toml"], manifest, parent)
    vocab_text = texts["vocabularies.toml"]
    local = parse_vocabularies(vocab_text, pack=ref, pack_id=manifest.pack.id) if vocab_text else {}
    vocabularies = layered_vocabularies(fields, manifest, parent, texts=texts, local=local)
    value_forms = parse_value_forms(
        manifest.values,
        manifest.vocabularies,
        vocabularies,
        parent.value_forms if parent else None,
        pack=ref,
    )
    for setting, ids in (
        ("defaults", value_forms.defaults),
        ("never_published", sorted(value_forms.never_published)),
    ):
        unknown = [f for f in ids if not fields.has(f)]
        if unknown:
            msg = f"[values.{setting}] names unknown fields {unknown}"
            raise PackError(ref, MANIFEST, msg)
    _check_references(codebook, Glossary.of(vocabularies, fields), ref)
    layers = _Layers(manifest, parent, texts, fields, codebook)
    return _assemble(root, layers, MappingProxyType(vocabularies), value_forms, raw)


def _check_references(codebook: Codebook, glossary: Glossary, ref: str) -> None:
    """Every template of the codebook is one, and every value and element it names is one of
    the pack."""
    for code in codebook:
        entry = codebook[code]
        templates = (entry.message_zh, entry.message_en, entry.hint_zh, entry.hint_en)
        try:
            missing = [m for t in templates for m in unresolved(t, glossary)]
        except ValueError as exc:  # a lone brace: no template
            raise PackError(ref, "codebook.toml", f"{code}: {exc}") from None
        if missing:
            msg = f"{code} names what the pack does not have: {', '.join(missing)}"
            raise PackError(ref, "codebook.toml", msg)


@dataclass(frozen=True, slots=True)
class _Layers:
    """What :func:`_assemble` builds the pack from besides the vocabularies."""

    manifest: Manifest
    parent: Pack | None
    texts: Mapping[str, str | None]
    fields: FieldTable
    codebook: Codebook


def _assemble(
    root: Traversable,
    layers: _Layers,
    vocabularies: Mapping[str, Vocabulary],
    value_forms: ValueForms,
    raw: Mapping[str, object],
) -> Pack:
    meta, parent, texts, fields = layers.manifest.pack, layers.parent, layers.texts, layers.fields
    ref = meta.ref
    settings = layered_settings(layers.manifest, parent, layers.codebook, texts[MANIFEST] or "")
    declared = layered_rules(texts["rules.toml"], fields, layers.codebook, parent, ref)
    law = layered_law(texts, parent, ref)
    tables = _toml(texts["code-tables.toml"], pack=ref, file="code-tables.toml")
    return Pack(
        id=meta.id,
        version=meta.version,
        title_zh=meta.title_zh,
        title_en=meta.title_en,
        publisher=meta.publisher,
        basis=meta.basis,
        status=meta.status,
        extends=meta.extends,
        lineage=(ref, *(parent.lineage if parent else ())),
        code_rules=settings.code_rules,
        fields=fields,
        codebook=layers.codebook,
        vocabularies=vocabularies,
        xiang_codes=layered_xiang(tables, parent),
        provider_code_scheme=settings.provider_code_scheme,
        identifier_strict=settings.identifier_strict,
        identifier_allow=settings.identifier_allow,
        ignore=settings.ignore,
        future_publish_date=settings.future_publish_date,
        templates=load_templates(root, fields, parent.templates if parent else {}, pack=ref),
        xml_map=load_xml_map(root, fields, parent.xml_map if parent else None, pack=ref),
        declared_rules=declared,
        rule_modules=settings.rule_modules,
        effective_from=settings.effective_from,
        supersedes=settings.supersedes,
        regime_zh=settings.regime_zh,
        regime_en=settings.regime_en,
        deadlines=law.deadlines,
        legal_basis=law.legal_basis,
        conditions=law.conditions,
        request_rule=law.request_rule,
        value_forms=value_forms,
        raw_manifest=MappingProxyType(dict(raw)),
    )


def _toml(text: str | None, *, pack: str, file: str) -> dict[str, object]:
    if text is None:
        return {}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None
