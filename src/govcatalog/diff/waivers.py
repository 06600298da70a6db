"""Waivers: changes a team has accepted, listed by change code and resource.

A waiver file (TOML, YAML or JSON) lists entries under ``waiver``::

    [[waiver]]
    code = "GC-D102"              # the change code
    resource = "101001/000123"    # the resource code (old or new side); "*" for every resource
    reason = "merged into 101001/000124, consumers informed on 2025-03-01"

A waived change is still reported, marked as waived, and does not count for ``--fail-on``.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from govcatalog.diff.impact import codes
from govcatalog.diff.result import CatalogDiff, Change
from govcatalog.errors import LoadError


@dataclass(frozen=True, slots=True)
class Waiver:
    """One accepted change.

    Attributes:
        code: The change code (``GC-D102``).
        resource: The resource code it applies to, or ``*`` for all.
        reason: Why it is accepted.
    """

    code: str
    resource: str = "*"
    reason: str = ""

    def covers(self, change: Change) -> bool:
        """Whether this waiver accepts ``change``."""
        if change.code != self.code:
            return False
        if self.resource == "*":
            return True
        ref = change.resource
        return ref is not None and self.resource in (ref.old_code, ref.new_code)


def read_waivers(path: Path) -> tuple[Waiver, ...]:
    """Read a waiver file.

    Raises:
        LoadError: When the file cannot be read, or names an unknown change code.
    """
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise LoadError(
            str(path), f"无法读取豁免文件：{exc}", f"cannot read the waiver file: {exc}"
        ) from None
    entries = data.get("waiver", data.get("waivers", [])) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise LoadError(
            str(path), "豁免文件应列出“waiver”条目", "a waiver file lists entries under 'waiver'"
        )
    known = codes()
    out: list[Waiver] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise LoadError(str(path), "每条豁免须有“code”", "every waiver needs a 'code'")
        if entry["code"] not in known:
            raise LoadError(
                str(path), f"未知的变更代码 {entry['code']}", f"unknown change code {entry['code']}"
            )
        out.append(
            Waiver(entry["code"], str(entry.get("resource", "*")), str(entry.get("reason", "")))
        )
    return tuple(out)


def apply_waivers(result: CatalogDiff, waivers: Iterable[Waiver]) -> CatalogDiff:
    """The diff with every change a waiver covers marked as waived."""
    listed = tuple(waivers)
    changes = tuple(
        replace(c, waived=True) if any(w.covers(c) for w in listed) else c for c in result.changes
    )
    return replace(result, changes=changes)
