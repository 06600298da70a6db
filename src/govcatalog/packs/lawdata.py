"""Facts of the sharing law a pack carries as data: time limits, basis forms, condition phrases.

Optional files of a pack directory:

- ``deadlines.toml`` — every time limit (``[deadline.<id>]``) in working days, with the
  article it comes from, quoted; an extension pack redeclares a deadline by its id.
- ``legal-basis.toml`` — which titles a 不予共享 basis may cite (法律, 行政法规, 国务院决定):
  ordered ``[[form]]`` patterns and a list of administrative regulations' names.
- ``conditions.toml`` — the phrases by which 使用条件 name a 共享范围 and a 使用用途.
- ``requests.toml`` — what a data request must state.

Nothing here knows any article: the packs say which law they render.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from govcatalog.errors import PackError
from govcatalog.packs._lines import line_of, toml_error_line
from govcatalog.packs._regex_safety import regex_problem
from govcatalog.vocab import Evidence

REPLY_UNCONDITIONAL = "reply-unconditional"
"""Deadline id: reply to a request for 无条件共享 data."""
REPLY_CONDITIONAL = "reply-conditional"
"""Deadline id: reply to a request for 有条件共享 data."""
DELIVERY = "delivery"
"""Deadline id: delivering the data once sharing is agreed."""
CATALOG_UPDATE = "catalog-update"
"""Deadline id: updating the catalog after a change of law or duties."""
CATALOG_REVIEW = "catalog-review"
"""Deadline id: the competent department's review of an updated catalog."""
VERIFICATION = "verification"
"""Deadline id: answering a 校核 request."""
REQUEST_FIELDS = frozenset({"purpose", "basis", "scene", "scope", "method", "period"})
"""Fields of a data request a pack may require (see :mod:`govcatalog.resolve.request`)."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time limit in working days, with where it comes from.

    Attributes:
        id: Stable id (``reply-conditional``).
        title_zh: What it limits, in Chinese.
        title_en: What it limits, in English.
        working_days: The limit.
        extension: Working days it may be extended by (0: none).
        extension_zh: On what terms it may be extended, in Chinese.
        extension_en: On what terms it may be extended, in English.
        from_zh: The day counting starts from, in Chinese.
        from_en: The day counting starts from, in English.
        article: The article it comes from.
        quote: The article's words.
        evidence: How sure we are of it.
    """

    id: str
    title_zh: str
    title_en: str
    working_days: int
    extension: int
    extension_zh: str
    extension_en: str
    from_zh: str
    from_en: str
    article: str
    quote: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class BasisForm:
    """One form a cited title may have.

    Attributes:
        kind_zh: The form, in Chinese (地方性法规).
        kind_en: The form, in English.
        pattern: Matches the title (without 《》).
        qualifies: True for 法律/行政法规/国务院决定, False for other forms, None when the
            form cannot tell.
    """

    kind_zh: str
    kind_en: str
    pattern: re.Pattern[str]
    qualifies: bool | None


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """The forms a 不予共享 basis may take.

    Attributes:
        administrative_regulations: Names of administrative regulations (行政法规).
        forms: Title forms, tried in order after the list.
        decree: Matches a State Council decree number in a text citing no title.
        bare_law: Matches a law cited without 《》.
        vague: Matches a phrase that stands for a basis without naming one.
    """

    administrative_regulations: frozenset[str]
    forms: tuple[BasisForm, ...]
    decree: re.Pattern[str] | None
    bare_law: re.Pattern[str] | None
    vague: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class ConditionPhrases:
    """How 使用条件 name a scope and a purpose.

    Attributes:
        scope: Patterns naming a 共享范围.
        purpose: Patterns naming a 使用用途.
    """

    scope: tuple[re.Pattern[str], ...]
    purpose: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class RequestRule:
    """What a data request must state under the pack's law.

    Attributes:
        required: Ids of the request fields that must be filled (``basis``, ``scene`` …).
        article: The article(s) it comes from.
        quote: The article's words.
    """

    required: tuple[str, ...]
    article: str
    quote: str


def _load(text: str, pack: str, file: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None


def _regex(value: object, pack: str, file: str, text: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(str(value))
    except re.error as exc:
        line = line_of(text, str(value)[:20])
        raise PackError(pack, file, f"bad pattern {value!r}: {exc}", line) from None
    problem = regex_problem(str(value))
    if problem is not None:
        line = line_of(text, str(value)[:20])
        raise PackError(pack, file, f"unsafe pattern {value!r}: {problem}", line)
    return compiled


def parse_deadlines(
    text: str, *, pack: str, inherited: Mapping[str, Deadline] | None = None
) -> Mapping[str, Deadline]:
    """Parse ``deadlines.toml`` over the parent's deadlines (same id replaces).

    Raises:
        PackError: On a syntax error or a deadline without a positive ``working_days``.
    """
    file = "deadlines.toml"
    data = _load(text, pack, file)
    out = dict(inherited or {})
    table = data.get("deadline", {})
    if not isinstance(table, dict):
        raise PackError(pack, file, "[deadline.<id>] tables expected")
    for ident, raw in table.items():
        line = line_of(text, f"[deadline.{ident}]")
        if not isinstance(raw, dict):
            raise PackError(pack, file, f"deadline {ident}: a table expected", line)
        days = raw.get("working_days")
        extension = raw.get("extension", 0)
        if not isinstance(days, int) or days < 0 or not isinstance(extension, int) or extension < 0:
            msg = f"deadline {ident}: working_days and extension must be whole numbers >= 0"
            raise PackError(pack, file, msg, line)
        try:
            evidence = Evidence(str(raw.get("evidence", "UNCONFIRMED")))
        except ValueError:
            raise PackError(pack, file, f"deadline {ident}: unknown evidence", line) from None
        if not raw.get("article"):
            raise PackError(pack, file, f"deadline {ident}: no article", line)
        out[ident] = Deadline(
            id=ident,
            title_zh=str(raw.get("title_zh", "")),
            title_en=str(raw.get("title_en", "")),
            working_days=days,
            extension=extension,
            extension_zh=str(raw.get("extension_zh", "")),
            extension_en=str(raw.get("extension_en", "")),
            from_zh=str(raw.get("from_zh", "")),
            from_en=str(raw.get("from_en", "")),
            article=str(raw["article"]),
            quote=str(raw.get("quote", "")),
            evidence=evidence,
        )
    return MappingProxyType(out)


def parse_legal_basis(text: str, *, pack: str) -> LegalBasis:
    """Parse ``legal-basis.toml``.

    Raises:
        PackError: On a syntax error or a bad pattern.
    """
    file = "legal-basis.toml"
    data = _load(text, pack, file)
    forms = []
    for raw in data.get("form", []):  # type: ignore[attr-defined]
        qualifies = raw.get("qualifies")
        forms.append(
            BasisForm(
                kind_zh=str(raw.get("kind_zh", "")),
                kind_en=str(raw.get("kind_en", "")),
                pattern=_regex(raw.get("pattern", ""), pack, file, text),
                qualifies=bool(qualifies) if qualifies is not None else None,
            )
        )

    def optional(key: str) -> re.Pattern[str] | None:
        value = data.get(key)
        return _regex(value, pack, file, text) if value else None

    names = data.get("administrative_regulations", [])
    return LegalBasis(
        administrative_regulations=frozenset(str(n) for n in names),  # type: ignore[attr-defined]
        forms=tuple(forms),
        decree=optional("decree"),
        bare_law=optional("bare_law"),
        vague=optional("vague"),
    )


def parse_conditions(text: str, *, pack: str) -> ConditionPhrases:
    """Parse ``conditions.toml``.

    Raises:
        PackError: On a syntax error or a bad pattern.
    """
    file = "conditions.toml"
    data = _load(text, pack, file)

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        values = data.get(key, [])
        if not isinstance(values, list):
            raise PackError(pack, file, f"{key}: a list of patterns expected")
        return tuple(_regex(v, pack, file, text) for v in values)

    return ConditionPhrases(scope=patterns("scope"), purpose=patterns("purpose"))


def parse_request_rule(text: str, *, pack: str, known: frozenset[str]) -> RequestRule:
    """Parse ``requests.toml``; ``known`` are the request fields that exist.

    Raises:
        PackError: On a syntax error, a missing article or an unknown field.
    """
    file = "requests.toml"
    data = _load(text, pack, file)
    required = data.get("required", [])
    if not isinstance(required, list):
        raise PackError(pack, file, "required: a list of request fields expected")
    unknown = sorted({str(r) for r in required} - known)
    if unknown:
        raise PackError(pack, file, f"unknown request fields {unknown}", line_of(text, unknown[0]))
    if not data.get("article"):
        raise PackError(pack, file, "no article")
    fields = tuple(str(r) for r in required)
    return RequestRule(fields, str(data["article"]), str(data.get("quote", "")))
