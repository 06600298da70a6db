"""The types of the settings in ``pack.toml``, checked before any is used.

A wrongly typed value (``ignore = 5``, ``strict = "yes"``) is reported as a
:class:`~govcatalog.errors.PackError` naming ``pack.toml`` and the line, rather than
failing later somewhere inside the loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from govcatalog.errors import PackError

_STR: Final = "a string"
_BOOL: Final = "true or false"
_INT: Final = "an integer"
_STRS: Final = "a list of strings"
_TABLE_OF_STR: Final = "a table of strings"

_TABLES: Final[Mapping[str, Mapping[str, str] | str]] = {
    "pack": {
        "id": _STR,
        "version": _STR,
        "status": _STR,
        "extends": _STR,
        "title_zh": _STR,
        "title_en": _STR,
        "publisher": _STR,
        "basis": _STR,
    },
    "code": {
        "separator": _STR,
        "ximu_unit": _INT,
        "allow_alphanumeric": _BOOL,
        "require_mu": _BOOL,
    },
    "identifiers": {"provider_code": _STR, "strict": _BOOL, "allow": _STRS},
    "rules": {"ignore": _STRS},
    "dates": {"future_publish_date": _BOOL},
    "severity": _TABLE_OF_STR,
}


def _fits(value: object, kind: str) -> bool:
    if kind == _STR:
        return isinstance(value, str)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


def _line(text: str, table: str, key: str) -> int | None:
    """The line setting ``key`` inside ``[table]`` (or the table's own line)."""
    current = ""
    table_line = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and not line.startswith("[["):
            current = line.strip("[] ")
            if current == table:
                table_line = number
            continue
        name, sep, _ = line.partition("=")
        if sep and current == table and name.strip().strip('"') == key:
            return number
        if sep and not current and name.strip() == table:
            return number
    return table_line


def check_manifest(manifest: Mapping[str, object], text: str, pack: str) -> None:
    """Raise PackError (file and line) for the first wrongly typed setting of ``pack.toml``."""
    for table, keys in _TABLES.items():
        if table not in manifest:
            continue
        value = manifest[table]
        if not isinstance(value, dict):
            raise PackError(pack, "pack.toml", f"[{table}] must be a table", _line(text, "", table))
        for key, setting in value.items():
            if isinstance(keys, str):
                if not isinstance(setting, str):
                    msg = f"[{table}] {key} must be a string, not {setting!r}"
                    raise PackError(pack, "pack.toml", msg, _line(text, table, key))
                continue
            kind = keys.get(key)
            if kind is not None and not _fits(setting, kind):
                msg = f"[{table}] {key} must be {kind}, not {setting!r}"
                raise PackError(pack, "pack.toml", msg, _line(text, table, key))
