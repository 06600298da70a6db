"""The pack manifest (``pack.toml``) as typed data, checked before any of it is used.

:func:`read_manifest` parses the text and validates it with the pydantic models below: a
wrongly typed or malformed setting (``ignore = 5``, ``strict = "yes"``, ``version = "1.0"``)
is one :class:`~govcatalog.errors.PackError` naming ``pack.toml`` and the line. A setting a
pack leaves out is ``None`` (or empty) here: the pack then takes its parent's
(:mod:`govcatalog.packs._layering`). Keys the models do not name are kept, not refused, so a
pack may carry notes of its own (``evidence_levels``).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, Strict, ValidationError

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.packs._lines import line_of, toml_error_line
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


_T = TypeVar("_T")

_Strings = Annotated[tuple[str, ...], Strict(False)]
"""A list of strings (TOML has arrays; the settings keep them as tuples)."""


class _NotAString(ValueError):
    """A setting read from a string is something else (reported as a type error)."""


def _parsed(parse: Callable[[str], _T]) -> PlainValidator:
    """A string setting read by ``parse``: its ValueError is the reason the pack is refused."""

    def run(value: object) -> _T:
        if not isinstance(value, str):
            raise _NotAString
        return parse(value)

    return PlainValidator(run)


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


class _Table(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="allow", arbitrary_types_allowed=True)


class PackTable(_Table):
    """``[pack]``: who the pack is, and its place among the standards."""

    id: Annotated[str, _parsed(check_pack_id)] = Field("", validate_default=True)
    version: Annotated[Version, _parsed(Version.parse)] = Field("", validate_default=True)
    status: Annotated[PackStatus, _parsed(PackStatus)] = PackStatus.DRAFT
    extends: str | None = None
    title_zh: str = ""
    title_en: str = ""
    publisher: str = ""
    basis: str = ""
    effective_from: Annotated[dt.date | None, PlainValidator(_date)] = None
    supersedes: str | None = None
    regime_zh: str | None = None
    regime_en: str | None = None

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


class CodeTable(_Table):
    """``[code]``: the syntax of 信息资源代码 (None: the parent's, else the guide's)."""

    separator: str | None = None
    ximu_unit: int | None = None
    allow_alphanumeric: bool | None = None
    require_mu: bool | None = None


class IdentifiersTable(_Table):
    """``[identifiers]``: the identifier checks."""

    provider_code: Annotated[IdentifierKind | None, _parsed(_provider_code)] = None
    strict: bool | None = None
    allow: _Strings = ()


class RulesTable(_Table):
    """``[rules]``: finding codes switched off and Python rule modules added."""

    ignore: _Strings = ()
    modules: Annotated[tuple[str, ...], PlainValidator(_modules)] = ()


class DatesTable(_Table):
    """``[dates]``: date checks."""

    future_publish_date: bool | None = None


class VocabularySetting(_Table):
    """One entry of ``[vocabularies]``: how the pack narrows a vocabulary and reads it."""

    include: _Strings | None = None
    exclude: _Strings = ()
    aliases: dict[str, _Strings] = {}
    described: dict[str, _Strings] = {}


class OpenTypesTable(_Table):
    """``[values.open-types]``: open types and whether each means open to the public."""

    open: _Strings = ()
    closed: _Strings = ()


class ValuesTable(_Table):
    """``[values]``: non-standard value forms (see :mod:`govcatalog.packs.value_forms`)."""

    placeholders: _Strings = ()
    absent_elements: Annotated[AbsentElements | None, PlainValidator(_absent)] = None
    defaults: Annotated[Mapping[str, str | bool | int], PlainValidator(_defaults)] = {}
    open_types: OpenTypesTable = Field(default_factory=OpenTypesTable, alias="open-types")


class Manifest(_Table):
    """A pack's ``pack.toml`` as written (before its parent's settings are layered under it)."""

    pack: PackTable = Field(default_factory=PackTable)
    code: CodeTable = Field(default_factory=CodeTable)
    identifiers: IdentifiersTable = Field(default_factory=IdentifiersTable)
    rules: RulesTable = Field(default_factory=RulesTable)
    dates: DatesTable = Field(default_factory=DatesTable)
    severity: dict[str, Annotated[Severity, _parsed(Severity)]] = {}
    vocabularies: dict[str, VocabularySetting] = {}
    values: ValuesTable = Field(default_factory=ValuesTable)


_KINDS = {
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "an integer",
    "list_type": "a list of strings",
    "tuple_type": "a list of strings",
    "dict_type": "a table",
    "model_type": "a table",
}


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
    try:
        return Manifest.model_validate(data), data
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _located(error, data, text, _name(data, pack)) from None


def _name(data: Mapping[str, object], pack: str) -> str:
    """``id@version`` when the manifest says both clearly, else ``pack`` (the folder)."""
    meta = data.get("pack")
    if not isinstance(meta, dict):
        return pack
    try:
        return f"{check_pack_id(meta['id'])}@{Version.parse(meta['version'])}"
    except (KeyError, ValueError, TypeError):
        return pack


def _located(
    error: Mapping[str, Any], data: Mapping[str, object], text: str, pack: str
) -> PackError:
    path = [str(part) for part in _setting(error["loc"])]
    table, keys = path[0], path[1:]
    line = _setting_line(text, path) if keys else _key_line(text, "", table)
    if not keys:
        return PackError(pack, MANIFEST, f"[{table}] must be a table", line)
    key = ".".join(keys)
    cause = error.get("ctx", {}).get("error")
    if error["type"] == "value_error" and not isinstance(cause, _NotAString):
        return PackError(pack, MANIFEST, f"[{table}] {key}: {cause or error['msg']}", line)
    value: object = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    kind = "a string" if isinstance(cause, _NotAString) else _KINDS.get(error["type"], "a value")
    within_list = len(path) < len(error["loc"]) and isinstance(error["loc"][len(path)], int)
    if within_list:
        kind = "a list of strings"
    return PackError(pack, MANIFEST, f"[{table}] {key} must be {kind}, not {value!r}", line)


def _setting(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The location of the setting itself: up to a list index, if any."""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            return loc[:i]
    return loc


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
