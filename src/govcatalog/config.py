"""Project settings: ``govcatalog.toml`` or ``[tool.govcatalog]`` in ``pyproject.toml``.

The settings file is looked for in the working directory and then in each parent;
the first directory holding either file wins (``govcatalog.toml`` before
``pyproject.toml``; a ``pyproject.toml`` without a ``[tool.govcatalog]`` table is
passed over). Command-line flags override what the file says::

    # govcatalog.toml (or [tool.govcatalog] in pyproject.toml)
    pack = "gb-1272@^1"
    select = ["GC-R001", "GC-R002"]
    ignore = ["GC-F003"]
    max-findings = 500
    min-evidence = "IMPL"
    fail-on = "warning"

    [severity]
    GC-F004 = "info"
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from govcatalog.errors import ConfigError
from govcatalog.report import Severity
from govcatalog.vocab import Evidence

CONFIG_FILE = "govcatalog.toml"
"""Name of the dedicated settings file."""
PYPROJECT = "pyproject.toml"
"""Name of the Python project file whose ``[tool.govcatalog]`` table is read."""

_E = TypeVar("_E", Severity, Evidence)

_KEYS = frozenset(
    {"pack", "select", "ignore", "severity", "max-findings", "min-evidence", "fail-on"}
)


@dataclass(frozen=True)
class Config:
    """Settings read from a file; every field is optional.

    Attributes:
        path: The file the settings came from (None: no file found).
        pack: Pack reference.
        select: Report only these codes.
        ignore: Never report these codes.
        severity: Severity overrides by code.
        max_findings: Stop after this many findings.
        min_evidence: Report only codes with at least this evidence.
        fail_on: Exit 1 when a finding is at or above this severity.
    """

    path: Path | None = None
    pack: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    max_findings: int | None = None
    min_evidence: Evidence | None = None
    fail_on: Severity | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The settings file governing ``start`` (default: the working directory), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        project = folder / PYPROJECT
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and isinstance(tool.get("govcatalog"), dict)


def load_config(path: Path) -> Config:
    """Read settings from ``path`` (a ``govcatalog.toml`` or a ``pyproject.toml``).

    Raises:
        ConfigError: When the file cannot be read or a setting is malformed.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), str(exc)) from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        data = tool.get("govcatalog", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(str(path), "[tool.govcatalog] must be a table")
    return parse_config(data, path)


def parse_config(data: Mapping[str, object], path: Path) -> Config:
    """Settings from an already parsed table.

    Raises:
        ConfigError: On an unknown key or a malformed value.
    """
    where = str(path)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(where, f"unknown settings: {', '.join(unknown)}")
    pack = data.get("pack")
    if pack is not None and not isinstance(pack, str):
        raise ConfigError(where, "pack must be a string")
    select = data.get("select")
    max_findings = data.get("max-findings")
    if max_findings is not None and (
        not isinstance(max_findings, int) or isinstance(max_findings, bool) or max_findings < 0
    ):
        raise ConfigError(where, "max-findings must be a non-negative integer")
    return Config(
        path=path,
        pack=pack,
        select=None if select is None else _codes(select, "select", where),
        ignore=_codes(data.get("ignore", []), "ignore", where),
        severity=MappingProxyType(_severities(data.get("severity", {}), where)),
        max_findings=max_findings,
        min_evidence=_enum(Evidence, data.get("min-evidence"), "min-evidence", where),
        fail_on=_enum(Severity, data.get("fail-on"), "fail-on", where),
    )


def _codes(value: object, key: str, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, f"{key} must be a list of finding codes")
    return frozenset(value)


def _severities(value: object, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(where, "severity must be a table of code = level")
    out: dict[str, Severity] = {}
    for code, level in value.items():
        sev = _enum(Severity, level, f"severity.{code}", where)
        if sev is not None:
            out[str(code)] = sev
    return out


def _enum(kind: type[_E], value: object, key: str, where: str) -> _E | None:
    if value is None:
        return None
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ConfigError(where, f"{key} must be one of {allowed}, not {value!r}") from None


def parse_severity_overrides(values: list[str]) -> dict[str, Severity]:
    """Parse ``CODE=LEVEL`` strings (the ``--severity`` option).

    Raises:
        ValueError: On a malformed item or an unknown level.
    """
    out: dict[str, Severity] = {}
    for item in values:
        code, sep, level = item.partition("=")
        if not sep or not code.strip():
            msg = f"--severity expects CODE=LEVEL, got {item!r}"
            raise ValueError(msg)
        try:
            out[code.strip()] = Severity(level.strip().lower())
        except ValueError:
            allowed = ", ".join(s.value for s in Severity)
            msg = f"--severity {item!r}: level must be one of {allowed}"
            raise ValueError(msg) from None
    return out
