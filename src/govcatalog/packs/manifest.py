"""The pack manifest (``pack.toml``) as typed data, checked before any of it is used.

:func:`read_manifest` parses the text and checks every setting against the tables below: a
wrongly typed or malformed setting (``ignore = 5``, ``strict = "yes"``, ``version = "1.0"``)
is one :class:`~govcatalog.errors.PackError` naming ``pack.toml`` and the line. A setting a
pack leaves out is ``None`` (or empty) here: the pack then takes its parent's
(:mod:`govcatalog.packs._layering`). Keys the tables do not name are kept (``extra``), not
refused, so a pack may carry notes of its own (``evidence_levels``).

Each table is a frozen dataclass; its settings are listed once below it (``_PACK`` …), each
key with the check that reads its value (:mod:`govcatalog.packs._settings`). The checks are
plain functions, so reading a pack (every command does) imports no modelling library.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.packs._lines import line_of, toml_error_line
from govcatalog.packs._settings import (
    Refusal,
    Setting,
    boolean,
    checked,
    integer,
    mapping_of,
    parsed,
    string,
    string_list,
    table,
)
from govcatalog.packs.value_forms import AbsentElements
from govcatalog.packs.versions import Version, check_pack_id
from govcatalog.report import Severity

MANIFEST = "pack.toml"
"""The manifest's file name in a pack folder."""


class PackStatus(StrEnum):
    """Lifecycle of a pack version."""

    DRAFT = "draft"
    ACTIVE = "active"
    SUPERSEDED = "superseded"
    RETIRED = "retired"


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        msg = f"{value!r} is not a date"
        raise ValueError(msg) from None


def _modules(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(m, str) and ":" in m for m in value):
        raise ValueError('"module:function" names')
    return tuple(value)


def _defaults(value: object) -> Mapping[str, str | bool | int]:
    if not isinstance(value, dict) or not all(
        isinstance(v, str | bool | int) for v in value.values()
    ):
        raise ValueError("maps field ids to plain values")
    return dict(value)


def _absent(value: object) -> AbsentElements:
    try:
        return AbsentElements(str(value))
    except ValueError:
        raise ValueError(repr(value)) from None


def _provider_code(text: str) -> IdentifierKind:
    try:
        return IdentifierKind(text)
    except ValueError:
        msg = f"unknown scheme {text!r}"
        raise ValueError(msg) from None


_Extra = Mapping[str, object]


def _extra() -> _Extra:
    return {}


@dataclass(frozen=True)
class PackTable:
    """``[pack]``: who the pack is, and its place among the standards."""

    id: str
    version: Version
    status: PackStatus = PackStatus.DRAFT
    extends: str | None = None
    title_zh: str = ""
    title_en: str = ""
    publisher: str = ""
    basis: str = ""
    effective_from: dt.date | None = None
    supersedes: str | None = None
    regime_zh: str | None = None
    regime_en: str | None = None
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class CodeTable:
    """``[code]``: the syntax of 信息资源代码 (None: the parent's, else the guide's)."""

    separator: str | None = None
    ximu_unit: int | None = None
    allow_alphanumeric: bool | None = None
    require_mu: bool | None = None
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class IdentifiersTable:
    """``[identifiers]``: the identifier checks."""

    provider_code: IdentifierKind | None = None
    strict: bool | None = None
    allow: tuple[str, ...] = ()
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class RulesTable:
    """``[rules]``: finding codes switched off and Python rule modules added."""

    ignore: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class DatesTable:
    """``[dates]``: date checks."""

    future_publish_date: bool | None = None
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class VocabularySetting:
    """One entry of ``[vocabularies]``: how the pack narrows a vocabulary and reads it."""

    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    described: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class OpenTypesTable:
    """``[values.open-types]``: open types and whether each means open to the public."""

    open: tuple[str, ...] = ()
    closed: tuple[str, ...] = ()
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class ValuesTable:
    """``[values]``: non-standard value forms (see :mod:`govcatalog.packs.value_forms`)."""

    placeholders: tuple[str, ...] = ()
    absent_elements: AbsentElements | None = None
    defaults: Mapping[str, str | bool | int] = field(default_factory=dict)
    never_published: tuple[str, ...] = ()
    open_types: OpenTypesTable = field(default_factory=OpenTypesTable)
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


@dataclass(frozen=True)
class Manifest:
    """A pack's ``pack.toml`` as written (before its parent's settings are layered under it)."""

    pack: PackTable
    code: CodeTable = field(default_factory=CodeTable)
    identifiers: IdentifiersTable = field(default_factory=IdentifiersTable)
    rules: RulesTable = field(default_factory=RulesTable)
    dates: DatesTable = field(default_factory=DatesTable)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    vocabularies: Mapping[str, VocabularySetting] = field(default_factory=dict)
    values: ValuesTable = field(default_factory=ValuesTable)
    extra: _Extra = field(default_factory=_extra, compare=False, repr=False)


_PACK: tuple[Setting, ...] = (
    ("id", parsed(check_pack_id)),
    ("version", parsed(Version.parse)),
    ("status", parsed(PackStatus)),
    ("extends", string),
    ("title_zh", string),
    ("title_en", string),
    ("publisher", string),
    ("basis", string),
    ("effective_from", _date),
    ("supersedes", string),
    ("regime_zh", string),
    ("regime_en", string),
)
_VOCABULARY: tuple[Setting, ...] = (
    ("include", string_list),
    ("exclude", string_list),
    ("aliases", mapping_of(string_list)),
    ("described", mapping_of(string_list)),
)
_VALUES: tuple[Setting, ...] = (
    ("placeholders", string_list),
    ("absent_elements", _absent),
    ("defaults", _defaults),
    ("never_published", string_list),
    (
        "open-types",
        table(OpenTypesTable, (("open", string_list), ("closed", string_list))),
    ),
)
_CODE: tuple[Setting, ...] = (
    ("separator", string),
    ("ximu_unit", integer),
    ("allow_alphanumeric", boolean),
    ("require_mu", boolean),
)
_IDENTIFIERS: tuple[Setting, ...] = (
    ("provider_code", parsed(_provider_code)),
    ("strict", boolean),
    ("allow", string_list),
)
_MANIFEST: tuple[Setting, ...] = (
    ("pack", table(PackTable, _PACK, absent={"id": "", "version": ""})),
    ("code", table(CodeTable, _CODE)),
    ("identifiers", table(IdentifiersTable, _IDENTIFIERS)),
    ("rules", table(RulesTable, (("ignore", string_list), ("modules", _modules)))),
    ("dates", table(DatesTable, (("future_publish_date", boolean),))),
    ("severity", mapping_of(parsed(Severity))),
    ("vocabularies", mapping_of(table(VocabularySetting, _VOCABULARY))),
    ("values", table(ValuesTable, _VALUES)),
)
_read = table(Manifest, _MANIFEST, absent={"pack": {}})


def read_manifest(text: str, *, pack: str) -> tuple[Manifest, dict[str, Any]]:
    """The manifest in ``text``, typed, and the TOML document it was read from.

    Raises:
        PackError: On a syntax error, or the first wrongly typed or malformed setting,
            with the line that sets it.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, MANIFEST, str(exc), toml_error_line(exc)) from None
    manifest = checked(_read, data)
    if isinstance(manifest, Refusal):
        raise _located(manifest, text, _name(data, pack))
    return manifest, data


def _name(data: Mapping[str, object], pack: str) -> str:
    """``id@version`` when the manifest says both clearly, else ``pack`` (the folder)."""
    meta = data.get("pack")
    if not isinstance(meta, dict):
        return pack
    try:
        return f"{check_pack_id(meta['id'])}@{Version.parse(meta['version'])}"
    except (KeyError, ValueError, TypeError):
        return pack


def _located(bad: Refusal, text: str, pack: str) -> PackError:
    """The refusal as the pack's error, at the line that sets the setting."""
    top, keys = bad.path[0], bad.path[1:]
    if not keys:
        line = _key_line(text, "", top)
        return PackError(pack, MANIFEST, f"[{top}] must be a table", line)
    line = _setting_line(text, list(bad.path))
    return PackError(pack, MANIFEST, f"[{top}] {'.'.join(keys)}{bad.problem}", line)


def _setting_line(text: str, path: list[str]) -> int | None:
    """The line that sets ``path`` (``[values.open-types] open``), else its nearest table's."""
    for depth in range(len(path) - 1, 0, -1):
        line = _key_line(text, ".".join(path[:depth]), path[depth])
        if line is not None:
            return line
    for depth in range(len(path) - 1, 0, -1):
        line = _table_line(text, ".".join(path[: depth + 1]))
        if line is not None:
            return line
    return _table_line(text, path[0]) or line_of(text, f'"{path[-1]}"')


def _headings(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, table the line is in, the line stripped) for every line of ``text``."""
    table = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and not line.startswith("[["):
            table = line.strip("[] ").replace('"', "").replace(" ", "")
        yield number, table, line


def _key_line(text: str, table: str, key: str) -> int | None:
    """The line setting ``key`` inside ``[table]`` (``table`` empty: at the top)."""
    for number, current, line in _headings(text):
        name, sep, _ = line.partition("=")
        in_table = sep and not line.startswith("[") and current == table
        if in_table and name.strip().strip('"') == key:
            return number
    return None


def _table_line(text: str, table: str) -> int | None:
    """The line of the ``[table]`` header, or of ``table = {…}`` at the top."""
    for number, current, line in _headings(text):
        if line.startswith("[") and current == table:
            return number
    return _key_line(text, "", table)
