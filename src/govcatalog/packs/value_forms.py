"""Value forms a pack reads beyond its vocabularies' labels, declared as data in ``pack.toml``.

Real catalogs and portal exports write values the standard does not list: placeholders
for "nothing" (暂无, /, null), update cycles the guide has no value for (不定期), open
types written where 是否向社会开放 or 开放条件 is expected (有条件开放). A pack says how to
read them::

    [values]
    placeholders = ["暂无", "无", "/", "-", "null", "空"]
    absent_elements = "per-file"       # or "per-resource" (the default)

    [values.defaults]
    "open.open_to_public" = true       # what every record of the source means (a portal)

    [values.open-types]
    open = ["无条件开放", "有条件开放", "依申请开放", "完全开放"]
    closed = ["不予开放", "不开放"]

    [vocabularies."update-cycle"]
    aliases = { "每年" = ["年"] }              # another form of a value (GC-F003)
    described = { "其他" = ["不定期"] }  # read as 其他, the form kept as a note (GC-F015)

A child pack adds to its parent's forms; it never loses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from govcatalog._vocab_text import fold
from govcatalog.errors import PackError
from govcatalog.vocab import Vocabulary


class AbsentElements(StrEnum):
    """How a required element that no resource of a file carries is reported."""

    PER_RESOURCE = "per-resource"
    """One GC-F001 per resource (the default)."""
    PER_FILE = "per-file"
    """One GC-S009 for the file: what the export lacks, e.g. a portal's missing 信息资源代码."""


def fold_value(text: str) -> str:
    """The matching key of a value form: width, spaces and ASCII case folded."""
    return fold(text.strip())


@dataclass(frozen=True, slots=True)
class ValueForms:
    """How a pack reads non-standard values.

    Attributes:
        placeholders: Folded texts that stand for "nothing written" (暂无, null …).
        described: Vocabulary id → folded form → the value it is read as, keeping the
            form as the element's note (不定期 → 其他).
        open_types: Folded open type → whether it means open to the public.
        absent_elements: How an element absent from every resource of a file is reported.
        defaults: Field id → the value a record that does not give the field has (what
            every record of the source means, e.g. a portal's datasets are open).
    """

    placeholders: frozenset[str] = frozenset()
    described: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    open_types: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    absent_elements: AbsentElements = AbsentElements.PER_RESOURCE
    defaults: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def is_placeholder(self, text: str) -> bool:
        """True when ``text`` only says that nothing was written."""
        return bool(self.placeholders) and fold_value(text) in self.placeholders

    def described_as(self, vocabulary: str, text: str) -> str | None:
        """The value a described form of ``vocabulary`` is read as, or None."""
        forms = self.described.get(vocabulary)
        return forms.get(fold_value(text)) if forms else None

    def open_type(self, text: str) -> bool | None:
        """Whether an open type (有条件开放 …) means open to the public; None if not one."""
        return self.open_types.get(fold_value(text))


def _strings(value: object, where: str, pack: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(pack, "pack.toml", f"{where} must be a list of strings")
    return list(value)


def parse_value_forms(
    manifest: Mapping[str, object],
    vocabularies: Mapping[str, Vocabulary],
    parent: ValueForms | None,
    *,
    pack: str,
) -> ValueForms:
    """Read the value forms of ``pack.toml``, layered over the parent pack's.

    Raises:
        PackError: On a malformed table or a described form whose value is not in the
            vocabulary.
    """
    base = parent or ValueForms()
    raw = manifest.get("values", {})
    values = dict(raw) if isinstance(raw, dict) else {}
    placeholders = set(base.placeholders)
    placeholders.update(
        fold_value(v) for v in _strings(values.get("placeholders", []), "placeholders", pack)
    )
    open_types = dict(base.open_types)
    types = values.get("open-types", {})
    if isinstance(types, dict):
        for key, is_open in (("open", True), ("closed", False)):
            for form in _strings(types.get(key, []), f"open-types.{key}", pack):
                open_types[fold_value(form)] = is_open
    described = {k: dict(v) for k, v in base.described.items()}
    settings = manifest.get("vocabularies", {})
    for scheme, rule in settings.items() if isinstance(settings, dict) else ():
        forms = rule.get("described", {}) if isinstance(rule, dict) else {}
        for label, written in dict(forms).items():
            vocab = vocabularies.get(scheme)
            try:
                canonical = vocab.concept(str(label)).label_zh if vocab else None
            except KeyError:
                canonical = None
            if canonical is None:
                msg = f"vocabulary {scheme}: described value {label!r} is not a value"
                raise PackError(pack, "pack.toml", msg)
            for form in _strings(written, f"{scheme}.described.{label}", pack):
                described.setdefault(scheme, {})[fold_value(form)] = canonical
    defaults = dict(base.defaults)
    given = values.get("defaults", {})
    if not isinstance(given, dict) or not all(
        isinstance(v, str | bool | int) for v in given.values()
    ):
        raise PackError(pack, "pack.toml", "[values.defaults] maps field ids to plain values")
    defaults.update(given)
    mode = values.get("absent_elements", base.absent_elements.value)
    try:
        absent = AbsentElements(str(mode))
    except ValueError:
        raise PackError(pack, "pack.toml", f"[values] absent_elements: {mode!r}") from None
    return ValueForms(
        frozenset(placeholders),
        MappingProxyType({k: MappingProxyType(v) for k, v in described.items()}),
        MappingProxyType(open_types),
        absent,
        MappingProxyType(defaults),
    )
